// Items grouped by the code point they begin with, for finders that read a
// text a character at a time and compare only the items that begin with
// it (match::NameIndex, match::LiteralSet): one table lookup per character
// of the BMP, a map beyond it, where characters are rare.
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/utf8.hpp"

namespace zhibiao::match {

template <typename Item>
class CharBuckets {
 public:
  // Items of one first character keep the order they were added in.
  void add(char32_t first, Item item) {
    if (first >= kBmp) {
      beyond_bmp_[first].push_back(std::move(item));
      return;
    }
    // One bucket per BMP character that begins an item: fewer than 2^16,
    // since no character decodes to a surrogate.
    if (bucket_of_.empty()) bucket_of_.assign(kBmp, 0);
    if (bucket_of_[first] == 0) {
      buckets_.emplace_back();
      bucket_of_[first] = static_cast<std::uint16_t>(buckets_.size());
    }
    buckets_[bucket_of_[first] - 1u].push_back(std::move(item));
  }

  // Items that begin with `to` are also found at `from` (ASCII capitals
  // for the lower-case letters, say): those added so far, so alias after
  // the last add. Both are BMP characters; nothing is found at `from` when
  // no item begins with `to`.
  void alias(char32_t from, char32_t to) {
    if (from < kBmp && to < kBmp && !bucket_of_.empty()) bucket_of_[from] = bucket_of_[to];
  }

  // Where the next character of well-formed `text` from `pos` (up to `end`)
  // that may begin an item starts, or `end`: the characters in between
  // begin none. A character of two or four bytes is not read here, so its
  // place is returned for the caller to look up.
  std::size_t next_start(std::string_view text, std::size_t pos, std::size_t end) const {
    if (bucket_of_.empty()) return beyond_bmp_.empty() ? end : pos;
    return text::skip_run(text, pos, end, bucket_of_.data(), std::uint16_t{0});
  }

  // The items that begin with c, or nullptr when none does.
  const std::vector<Item>* starting_with(char32_t c) const {
    if (c < kBmp) return bucket_of_.empty() || bucket_of_[c] == 0 ? nullptr : &buckets_[bucket_of_[c] - 1u];
    auto it = beyond_bmp_.find(c);
    return it == beyond_bmp_.end() ? nullptr : &it->second;
  }

 private:
  static constexpr char32_t kBmp = 0x10000;
  std::vector<std::vector<Item>> buckets_;
  std::vector<std::uint16_t> bucket_of_;  // BMP character -> 1 + its bucket, 0: none; empty until an add
  std::unordered_map<char32_t, std::vector<Item>> beyond_bmp_;
};

}  // namespace zhibiao::match
