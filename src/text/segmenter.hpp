// Paragraphs, sentences and headings of a normalised text, as the spec
// defines them: a paragraph is a line; a sentence ends at one of the pack's
// sentence-final characters or at a line break; a heading is a short line
// with no sentence-final character in it. Unless a line break beside it
// falls inside a sentence: scraped pages break lines around a title in
// 《》 (根据《\n…2035年远景目标纲要\n》，), and such a line is a piece of that
// sentence, whose year heads nothing below it.
//
// Written by hand rather than with ICU's BreakIterator because the spec's
// definition is this simple rule, and ICU's sentence rules differ from it
// (they also break at some closing quotes and on other punctuation).
#pragma once

#include <string_view>
#include <vector>

#include "text/range.hpp"

namespace zhibiao::text {

struct Paragraph {
  Range range;
  bool heading;
  std::size_t first_sentence;  // index into Segments::sentences
};

struct Segments {
  std::vector<Paragraph> paragraphs;
  std::vector<Range> sentences;
  std::vector<std::size_t> paragraph_of_sentence;
  // Index of the sentence that holds byte `pos` (binary search).
  std::size_t sentence_at(std::size_t pos) const;
};

struct SegmentOptions {
  std::vector<char32_t> sentence_end;   // e.g. 。 ! ?
  std::size_t heading_max_chars = 40;
  // A line break right after one of `opens_sentence_piece` (《 “ ( …) or
  // right before one of `closes_sentence_piece` (》 ” ) , …) falls inside a
  // sentence: the line beside it is no heading.
  std::vector<char32_t> opens_sentence_piece;
  std::vector<char32_t> closes_sentence_piece;
};

// `text` is well-formed UTF-8, as normalised text always is.
Segments segment(std::string_view text, const SegmentOptions& options);
// The same, reading only the characters in `breaks`: ranges of `text`, in
// order, that hold every line break and sentence-final character in it
// (NormalizedText::breaks, from a fold that lists them as breaks:
// CharFold::with_breaks). Found as the text was normalised, they spare the
// segmenter a pass of its own.
Segments segment(std::string_view text, const SegmentOptions& options, const std::vector<Range>& breaks);

}  // namespace zhibiao::text
