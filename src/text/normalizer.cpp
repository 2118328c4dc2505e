#include "text/normalizer.hpp"

#include "text/utf8.hpp"

namespace zhibiao::text {
namespace {

constexpr std::size_t kMaxPinyinLetters = 7;

bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Length in original bytes of a pinyin annotation starting at `pos` (which
// holds an opening parenthesis), or 0 when there is none.
std::size_t pinyin_annotation_at(std::string_view s, std::size_t pos, const CharFold& fold) {
  Decoded open = decode_at(s, pos);
  if (fold.fold(open.cp) != '(') return 0;
  std::size_t i = pos + open.size;
  std::size_t letters = 0;
  while (i < s.size() && letters <= kMaxPinyinLetters) {
    Decoded d = decode_at(s, i);
    char32_t c = fold.fold(d.cp);
    if (c == ')') return letters > 0 ? i + d.size - pos : 0;
    if (!fold.is_pinyin_letter(d.cp)) return 0;
    ++letters;
    i += d.size;
  }
  return 0;
}

}  // namespace

Span NormalizedText::to_original(std::size_t b, std::size_t e) const {
  if (b >= e || e > text.size()) {
    std::size_t at = b < begin_of.size() ? begin_of[b] : (end_of.empty() ? 0 : end_of.back());
    return {at, at};
  }
  return {begin_of[b], end_of[e - 1]};
}

NormalizedText normalize(std::string_view original, const CharFold& fold) {
  NormalizedText out;
  out.text.reserve(original.size());
  out.begin_of.reserve(original.size());
  out.end_of.reserve(original.size());

  auto emit = [&out](char32_t cp, std::size_t from, std::size_t to) {
    std::size_t before = out.text.size();
    append_utf8(out.text, cp);
    for (std::size_t k = before; k < out.text.size(); ++k) {
      out.begin_of.push_back(static_cast<std::uint32_t>(from));
      out.end_of.push_back(static_cast<std::uint32_t>(to));
    }
  };

  char32_t last = 0;           // last emitted (folded) code point
  bool last_was_han = false;   // judged on the original character
  std::size_t pending_space = std::string_view::npos;  // original offset of a held-back space

  std::size_t i = 0;
  // A UTF-8 byte order mark at the very start is not text.
  if (original.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < original.size()) {
    Decoded d = decode_at(original, i);
    if (!d.valid) out.invalid.push_back({i});
    char32_t c = fold.fold(d.cp);

    if (last_was_han && c == '(') {
      if (std::size_t skip = pinyin_annotation_at(original, i, fold)) {
        // Dropped from the folded copy; a span running over it still covers
        // it in the original, a span ending at the Han character does not.
        i += skip;
        continue;
      }
    }
    if (c == '\r') {  // CRLF and lone CR both end a line
      std::size_t to = i + 1;
      if (to < original.size() && original[to] == '\n') ++to;
      emit('\n', i, to);
      i = to;
      last = '\n';
      last_was_han = false;
      pending_space = std::string_view::npos;
      continue;
    }
    if (fold.is_space(d.cp) || fold.is_space(c)) {
      if (pending_space == std::string_view::npos) pending_space = i;
      i += d.size;
      continue;
    }
    if (pending_space != std::string_view::npos) {
      // Spaces only carry meaning between two Latin words ("high tech").
      if (is_ascii_letter(last) && is_ascii_letter(c)) emit(' ', pending_space, pending_space + 1);
      pending_space = std::string_view::npos;
    }
    emit(c, i, i + d.size);
    last = c;
    last_was_han = fold.is_han(d.cp);
    i += d.size;
  }
  return out;
}

}  // namespace zhibiao::text
