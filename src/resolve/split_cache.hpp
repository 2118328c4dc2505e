// The splits of a pack's quantity grammar, kept across documents.
//
// Splitting a mention into its parts is RE2's NFA over the quantity grammar,
// about 14,000 cycles a mention. The split is a function of the mention's
// text alone, and, when the grammar treats all digits alike
// (rules/pattern_digits.hpp), of its shape: the text with every digit read
// as 0 (quantity_memo.hpp). Shapes recur from one document to the next
// (0.0%, 0.0亿元, 00个), so the pack keeps each one's split for every
// document and thread. Read once, the corpus's 52 reports need 436 splits
// where a memo per document needed 803; the dev set needs 91 where it
// needed 207 (counted in a build that logged the calls). On the
// benchmark's repeated input the cache serves nearly every split.
//
// It holds at most a fixed number of splits; past that, a new shape is
// split every time it is met, as before there was a cache.
#pragma once

#include <cstddef>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "resolve/quantity_parser.hpp"

namespace zhibiao::resolve {

class SplitCache {
 public:
  static constexpr std::size_t kDefaultCapacity = 1 << 13;  // about 1.5 MB at most; a corpus needs hundreds
  explicit SplitCache(std::size_t capacity = kDefaultCapacity) : capacity_(capacity) {}

  // The split kept for `key` (a shape or a text), or split()'s, kept when
  // there is room. Thread-safe; split() runs outside the lock, and two
  // threads that miss at once both run it, to the same result.
  template <typename Split>
  std::optional<QuantityParts> get(std::string_view key, Split&& split) {
    {
      std::shared_lock lock(mutex_);
      if (auto it = splits_.find(key); it != splits_.end()) return it->second;
    }
    std::optional<QuantityParts> parts = split();
    std::unique_lock lock(mutex_);
    if (splits_.size() < capacity_) splits_.emplace(std::string(key), parts);
    return parts;
  }

  std::size_t size() const {
    std::shared_lock lock(mutex_);
    return splits_.size();
  }

 private:
  // Lookups by string_view, without making a string.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  std::size_t capacity_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, std::optional<QuantityParts>, Hash, std::equal_to<>> splits_;
};

}  // namespace zhibiao::resolve
