#include "text/segmenter.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "text/utf8.hpp"

namespace zhibiao::text {

std::size_t Segments::sentence_at(std::size_t pos) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), pos,
                             [](std::size_t p, const Range& r) { return p < r.begin; });
  return it == sentences.begin() ? 0 : static_cast<std::size_t>(it - sentences.begin() - 1);
}

Segments segment(std::string_view text, const SegmentOptions& options) {
  Segments out;
  // The first bytes of the sentence ends: no other character is decoded.
  std::array<bool, 256> may_end{};
  for (char32_t c : options.sentence_end) {
    std::string encoded;
    append_utf8(encoded, c);
    may_end[static_cast<unsigned char>(encoded[0])] = true;
  }
  // At most heading_max_chars characters (each is one to four bytes).
  auto is_short = [&](std::string_view line) {
    if (line.size() > 4 * options.heading_max_chars) return false;
    auto chars = std::count_if(line.begin(), line.end(),
                               [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
    return static_cast<std::size_t>(chars) <= options.heading_max_chars;
  };
  auto is_end = [&](char32_t c) {
    return std::find(options.sentence_end.begin(), options.sentence_end.end(), c) !=
           options.sentence_end.end();
  };
  std::size_t line_start = 0;
  while (line_start <= text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    Paragraph para{{line_start, line_end}, false, out.sentences.size()};
    std::size_t sentence_start = line_start;
    bool has_end = false;
    // Byte by byte: a continuation byte is never a character's first byte,
    // so only characters that may end a sentence are decoded.
    for (std::size_t i = line_start; i < line_end;) {
      if (!may_end[static_cast<unsigned char>(text[i])]) {
        ++i;
        continue;
      }
      Decoded d = decode_at(text, i);
      i += d.size;
      if (is_end(d.cp)) {
        has_end = true;
        out.sentences.push_back({sentence_start, i});
        out.paragraph_of_sentence.push_back(out.paragraphs.size());
        sentence_start = i;
      }
    }
    if (sentence_start < line_end || out.sentences.size() == para.first_sentence) {
      out.sentences.push_back({sentence_start, line_end});
      out.paragraph_of_sentence.push_back(out.paragraphs.size());
    }
    para.heading = !has_end && line_end > line_start && is_short(text.substr(line_start, line_end - line_start));
    out.paragraphs.push_back(para);
    if (line_end == text.size()) break;
    line_start = line_end + 1;
  }
  return out;
}

}  // namespace zhibiao::text
