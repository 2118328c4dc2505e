#include "match/literal_set.hpp"

#include <unicode/uchar.h>

#include <algorithm>

#include "text/utf8.hpp"

namespace zhibiao::match {
namespace {

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Whether `word` occurs in text at pos, ASCII letters in either case.
bool occurs_at(std::string_view text, std::size_t pos, const std::string& word) {
  if (word.size() > text.size() - pos) return false;
  for (std::size_t k = 0; k < word.size(); ++k)
    if (ascii_lower(text[pos + k]) != word[k]) return false;
  return true;
}

// A letter beyond ASCII whose case RE2 would fold.
bool has_other_case(char32_t cp) {
  auto c = static_cast<UChar32>(cp);
  return cp >= 0x80 && (u_tolower(c) != c || u_toupper(c) != c || u_foldCase(c, U_FOLD_CASE_DEFAULT) != c);
}

}  // namespace

LiteralSet::LiteralSet(const std::vector<std::string>& words) : size_(words.size()), bucket_of_(0x10000, 0) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w.empty()) return;  // matches everywhere: not what this is for
    for (std::size_t k = 0; k < w.size();) {
      text::Decoded d = text::decode_at(w, k);
      if (!d.valid || has_other_case(d.cp) || (d.cp >= 'A' && d.cp <= 'Z')) return;
      k += d.size;
    }
    char32_t first = text::decode_at(w, 0).cp;
    Word word{static_cast<int>(i), w};
    if (first >= bucket_of_.size()) {
      auto it = std::find_if(beyond_bmp_.begin(), beyond_bmp_.end(), [&](const auto& b) { return b.first == first; });
      if (it == beyond_bmp_.end()) it = beyond_bmp_.insert(beyond_bmp_.end(), {first, {}});
      it->second.push_back(std::move(word));
      continue;
    }
    if (bucket_of_[first] == 0) {
      buckets_.emplace_back();
      bucket_of_[first] = static_cast<std::uint16_t>(buckets_.size());
    }
    buckets_[bucket_of_[first] - 1u].push_back(std::move(word));
  }
  usable_ = true;
}

void LiteralSet::find(std::string_view text, std::vector<int>& out) const {
  std::vector<bool> seen(size_, false);
  for (std::size_t pos = 0; pos < text.size();) {
    text::Decoded d = text::decode_valid_at(text, pos);
    char32_t c = d.cp < 0x80 ? static_cast<char32_t>(ascii_lower(static_cast<char>(d.cp))) : d.cp;
    const std::vector<Word>* words = nullptr;
    if (c < bucket_of_.size()) {
      if (bucket_of_[c] != 0) words = &buckets_[bucket_of_[c] - 1u];
    } else {
      for (const auto& [first, list] : beyond_bmp_)
        if (first == c) words = &list;
    }
    if (words) {
      for (const Word& w : *words) {
        if (seen[static_cast<std::size_t>(w.index)] || !occurs_at(text, pos, w.text)) continue;
        seen[static_cast<std::size_t>(w.index)] = true;
        out.push_back(w.index);
      }
    }
    pos += d.size;
  }
}

}  // namespace zhibiao::match
