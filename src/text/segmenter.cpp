#include "text/segmenter.hpp"

#include <algorithm>
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
  // Where the next character that may end a sentence begins: found with
  // memchr, for each first byte the sentence ends have, each position kept
  // until the scan passes it. No other character is read.
  std::vector<unsigned char> first_bytes;
  for (char32_t c : options.sentence_end) {
    std::string encoded;
    append_utf8(encoded, c);
    auto b = static_cast<unsigned char>(encoded[0]);
    if (std::find(first_bytes.begin(), first_bytes.end(), b) == first_bytes.end()) first_bytes.push_back(b);
  }
  std::vector<std::size_t> next_at;  // per first byte: its next place at or after the scan
  for (unsigned char b : first_bytes) next_at.push_back(text.find(static_cast<char>(b)));
  auto next_candidate = [&](std::size_t pos) {
    std::size_t nearest = std::string_view::npos;
    for (std::size_t k = 0; k < first_bytes.size(); ++k) {
      if (next_at[k] != std::string_view::npos && next_at[k] < pos)
        next_at[k] = text.find(static_cast<char>(first_bytes[k]), pos);
      nearest = std::min(nearest, next_at[k]);
    }
    return nearest;
  };
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
    // A continuation byte is never a character's first byte, so each
    // candidate starts a character (of normalised text: well-formed).
    for (std::size_t i = next_candidate(line_start); i < line_end; i = next_candidate(i)) {
      Decoded d = decode_valid_at(text, i);
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
