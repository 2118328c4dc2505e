#include "match/literal_set.hpp"

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
bool has_other_case(char32_t cp) { return cp >= 0x80 && text::has_case(cp); }

}  // namespace

LiteralSet::LiteralSet(const std::vector<std::string>& words) : size_(words.size()) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w.empty()) return;  // matches everywhere: not what this is for
    for (std::size_t k = 0; k < w.size();) {
      text::Decoded d = text::decode_at(w, k);
      if (!d.valid || has_other_case(d.cp) || (d.cp >= 'A' && d.cp <= 'Z')) return;
      k += d.size;
    }
    by_first_.add(text::decode_at(w, 0).cp, {static_cast<int>(i), w});
  }
  usable_ = true;
}

void LiteralSet::find(std::string_view text, std::vector<int>& out) const {
  std::vector<bool> seen(size_, false);
  for (std::size_t pos = 0; pos < text.size();) {
    text::Decoded d = text::decode_valid_at(text, pos);
    char32_t c = d.cp < 0x80 ? static_cast<char32_t>(ascii_lower(static_cast<char>(d.cp))) : d.cp;
    if (const auto* words = by_first_.starting_with(c)) {
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
