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
  // Only a character whose first byte some sentence end shares is decoded;
  // the rest (most Han characters) are counted by their first byte alone.
  std::array<bool, 256> may_end{};
  for (char32_t c : options.sentence_end) {
    std::string encoded;
    append_utf8(encoded, c);
    may_end[static_cast<unsigned char>(encoded[0])] = true;
  }
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
    std::size_t chars = 0;
    bool has_end = false;
    for (std::size_t i = line_start; i < line_end;) {
      auto byte = static_cast<unsigned char>(text[i]);
      if (!may_end[byte]) {
        // Skips this character's continuation bytes, as decode_at would for
        // well-formed UTF-8 (the normaliser's output always is).
        ++i;
        while (i < line_end && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
        ++chars;
        continue;
      }
      Decoded d = decode_at(text, i);
      i += d.size;
      ++chars;
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
    para.heading = chars > 0 && !has_end && chars <= options.heading_max_chars;
    out.paragraphs.push_back(para);
    if (line_end == text.size()) break;
    line_start = line_end + 1;
  }
  return out;
}

}  // namespace zhibiao::text
