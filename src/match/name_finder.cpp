#include "match/name_finder.hpp"

#include <algorithm>
#include <cstdint>

#include "text/utf8.hpp"

namespace zhibiao::match {

namespace {

// Whether `word`, which fits in the text from pos, occurs there; a word
// with a kAnyDigit byte is compared byte by byte.
bool word_at(std::string_view text, std::size_t pos, std::string_view word, bool any_digit) {
  if (!any_digit) return text.compare(pos, word.size(), word) == 0;
  for (std::size_t k = 0; k < word.size(); ++k)
    if (word[k] == kAnyDigit ? !zhibiao::text::is_ascii_digit(text[pos + k]) : text[pos + k] != word[k]) return false;
  return true;
}

}  // namespace

std::vector<NameAt> find_names(const std::vector<std::string>& names, std::string_view text, std::size_t from,
                               std::size_t to) {
  std::vector<NameAt> out;
  for (std::size_t pos = from; pos < to; pos += text::decode_valid_at(text, pos).size) {
    for (const auto& name : names) {
      if (name.empty() || name.size() > to - pos) continue;
      if (name[0] != kAnyDigit && text[pos] != name[0]) continue;
      if (word_at(text, pos, name, name.find(kAnyDigit) != std::string::npos))
        out.push_back({pos, pos, pos + name.size()});
    }
  }
  return out;
}

NameIndex::NameIndex(const std::vector<std::vector<std::string>>& names_of) : indicators_(names_of.size()) {
  for (std::size_t i = 0; i < names_of.size(); ++i) {
    for (const auto& word : names_of[i]) {
      if (word.empty()) continue;  // find_names never finds an empty word
      bool any_digit = word.find(kAnyDigit) != std::string::npos;
      Name name{WordHead::of(word, kAnyDigit), static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(words_.size()),
                static_cast<std::uint32_t>(word.size()), any_digit || word.size() > 8, any_digit};
      words_.push_back(word);
      if (word[0] == kAnyDigit) {  // a name that begins with any digit is looked for at each
        for (char32_t digit = '0'; digit <= '9'; ++digit) by_first_.add(digit, name);
        continue;
      }
      first_pairs_.add(word, kAnyDigit);
      by_first_.add(text::decode_at(word, 0).cp, std::move(name));
    }
  }
}

std::vector<std::vector<NameAt>> NameIndex::find(std::string_view text, std::size_t from, std::size_t to) const {
  std::vector<std::vector<NameAt>> found;
  find(text, from, to, found);
  return found;
}

void NameIndex::find(std::string_view text, std::size_t from, std::size_t to,
                     std::vector<std::vector<NameAt>>& found) const {
  found.resize(indicators_);
  for (auto& at : found) at.clear();
  for (std::size_t pos = from; pos < to;) {
    pos = by_first_.next_start(text, pos, to);
    if (pos >= to) break;
    text::Decoded d = text::decode_valid_at(text, pos);
    if (const auto* names = by_first_.starting_with(d.cp)) {
      // The text's next 8 bytes, where there are 8 (compared only with a
      // name that fits before `to`).
      std::uint64_t here = 0;
      bool have_head = eight_bytes_at(text, pos, here);
      if (have_head && !first_pairs_.may_begin(d.cp, d.size, here)) {
        pos += d.size;
        continue;
      }
      for (const Name& name : *names) {
        if (have_head && name.head.differs_from(here)) continue;
        if (name.size > to - pos) continue;
        if ((name.whole || !have_head) && !word_at(text, pos, words_[name.word], name.any_digit)) continue;
        found[name.indicator].push_back({pos, pos, pos + name.size});
      }
    }
    pos += d.size;
  }
}

std::vector<NameAt> leftmost_first(const std::vector<NameAt>& occurrences) {
  std::vector<NameAt> out;
  for (const NameAt& at : occurrences)
    if (out.empty() || at.begin >= out.back().end) out.push_back(at);  // the first listed at its place
  return out;
}

std::vector<NameAt> prefixes_of(const std::vector<std::string>& words, const std::vector<NameAt>& names,
                                std::string_view text, std::size_t from) {
  // (start, index of the word): find_names's order, by start, then as listed.
  std::vector<std::pair<std::size_t, std::size_t>> found;
  std::size_t last_name_begin = std::string_view::npos;
  for (const NameAt& name : names) {
    std::size_t end = name.begin;
    if (end == last_name_begin) continue;  // names at one start: asked once
    last_name_begin = end;
    for (std::size_t w = 0; w < words.size(); ++w) {
      const std::string& word = words[w];
      // A word is well-formed UTF-8, so where it matches, its first byte
      // starts a character of the text.
      if (word.empty() || word.size() > end - from) continue;
      if (word_at(text, end - word.size(), word, word.find(kAnyDigit) != std::string::npos))
        found.emplace_back(end - word.size(), w);
    }
  }
  std::sort(found.begin(), found.end());
  std::vector<NameAt> out;
  out.reserve(found.size());
  for (auto [begin, w] : found) out.push_back({begin, begin, begin + words[w].size()});
  return out;
}

std::vector<NameAt> with_optional_prefix(const std::vector<NameAt>& prefixes, const std::vector<NameAt>& names) {
  auto names_at = [&](std::size_t pos) {
    auto first = std::lower_bound(names.begin(), names.end(), pos,
                                  [](const NameAt& n, std::size_t p) { return n.begin < p; });
    auto last = first;
    while (last != names.end() && last->begin == pos) ++last;
    return std::pair(first, last);
  };
  std::vector<NameAt> out;
  auto p = prefixes.begin();
  auto n = names.begin();
  while (p != prefixes.end() || n != names.end()) {
    std::size_t start = std::min(p != prefixes.end() ? p->begin : SIZE_MAX, n != names.end() ? n->begin : SIZE_MAX);
    for (; p != prefixes.end() && p->begin == start; ++p) {
      auto [first, last] = names_at(p->end);
      for (auto it = first; it != last; ++it) out.push_back({start, it->begin, it->end});
    }
    for (; n != names.end() && n->begin == start; ++n) out.push_back(*n);
  }
  return out;
}

}  // namespace zhibiao::match
