#include "text/segmenter.hpp"

#include <algorithm>
#include <string>

#include "text/utf8.hpp"

namespace zhibiao::text {
namespace {

// Segments of `text`, reading only the characters next_candidate(pos)
// gives: the next place at or after pos of a character that may be a line
// break or end a sentence (every one of them, perhaps with others), or
// npos when none is left.
template <typename NextCandidate>
Segments segment_at(std::string_view text, const SegmentOptions& options, NextCandidate&& next_candidate) {
  Segments out;
  // At most heading_max_chars characters (each is one to four bytes).
  auto is_short = [&](std::string_view line) {
    if (line.size() > 4 * options.heading_max_chars) return false;
    auto chars = std::count_if(line.begin(), line.end(),
                               [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
    return static_cast<std::size_t>(chars) <= options.heading_max_chars;
  };
  auto is_one_of = [](const std::vector<char32_t>& chars, char32_t c) {
    return std::find(chars.begin(), chars.end(), c) != chars.end();
  };
  // Whether the line break at `at` falls inside a sentence: an opening mark
  // ends the line before it, or a closing one begins the line after it.
  auto breaks_a_sentence = [&](std::size_t at) {
    return (at > 0 && is_one_of(options.opens_sentence_piece, decode_valid_before(text, at).cp)) ||
           (at + 1 < text.size() && is_one_of(options.closes_sentence_piece, decode_valid_at(text, at + 1).cp));
  };
  // Whether either line break around [line_start, line_end) does.
  auto inside_a_sentence = [&](std::size_t line_start, std::size_t line_end) {
    return (line_start > 0 && breaks_a_sentence(line_start - 1)) || (line_end < text.size() && breaks_a_sentence(line_end));
  };
  std::size_t line_start = 0, sentence_start = 0;
  std::size_t first_sentence = 0;  // of the line
  bool has_end = false;            // whether the line holds a sentence end
  auto end_line = [&](std::size_t line_end) {
    Paragraph para{{line_start, line_end}, false, first_sentence};
    if (sentence_start < line_end || out.sentences.size() == para.first_sentence) {
      out.sentences.push_back({sentence_start, line_end});
      out.paragraph_of_sentence.push_back(out.paragraphs.size());
    }
    para.heading = !has_end && line_end > line_start && is_short(text.substr(line_start, line_end - line_start)) &&
                   !inside_a_sentence(line_start, line_end);
    out.paragraphs.push_back(para);
  };
  // A candidate starts a character (of normalised text: well-formed).
  for (std::size_t i = next_candidate(0); i < text.size(); i = next_candidate(i)) {
    Decoded d = decode_valid_at(text, i);
    if (d.cp == '\n') {
      end_line(i);
      line_start = sentence_start = i + 1;
      first_sentence = out.sentences.size();
      has_end = false;
    } else if (is_one_of(options.sentence_end, d.cp)) {
      has_end = true;
      out.sentences.push_back({sentence_start, i + d.size});
      out.paragraph_of_sentence.push_back(out.paragraphs.size());
      sentence_start = i + d.size;
    }
    i += d.size;
  }
  end_line(text.size());
  return out;
}

}  // namespace

std::size_t Segments::sentence_at(std::size_t pos) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), pos,
                             [](std::size_t p, const Range& r) { return p < r.begin; });
  return it == sentences.begin() ? 0 : static_cast<std::size_t>(it - sentences.begin() - 1);
}

Segments segment(std::string_view text, const SegmentOptions& options) {
  // The characters found with memchr, for each first byte the line break
  // and the sentence ends have, each position kept until the scan passes
  // it. No other character is read.
  std::vector<unsigned char> first_bytes = {'\n'};
  for (char32_t c : options.sentence_end) {
    std::string encoded;
    append_utf8(encoded, c);
    auto b = static_cast<unsigned char>(encoded[0]);
    if (std::find(first_bytes.begin(), first_bytes.end(), b) == first_bytes.end()) first_bytes.push_back(b);
  }
  std::vector<std::size_t> next_at;  // per first byte: its next place at or after the scan
  for (unsigned char b : first_bytes) next_at.push_back(text.find(static_cast<char>(b)));
  return segment_at(text, options, [&](std::size_t pos) {
    std::size_t nearest = std::string_view::npos;
    for (std::size_t k = 0; k < first_bytes.size(); ++k) {
      if (next_at[k] != std::string_view::npos && next_at[k] < pos)
        next_at[k] = text.find(static_cast<char>(first_bytes[k]), pos);
      nearest = std::min(nearest, next_at[k]);
    }
    return nearest;
  });
}

Segments segment(std::string_view text, const SegmentOptions& options, const std::vector<Range>& breaks) {
  auto range = breaks.begin();
  return segment_at(text, options, [&](std::size_t pos) {
    while (range != breaks.end() && range->end <= pos) ++range;
    return range == breaks.end() ? std::string_view::npos : std::max(pos, range->begin);
  });
}

}  // namespace zhibiao::text
