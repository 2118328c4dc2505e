// Normalisation that keeps the way back to the original bytes.
//
// The matcher works on a folded copy of the document (see char_fold.hpp) from
// which scraped pinyin annotations and stray spaces are removed. Any span
// found in the copy maps back to exact original offsets.
//
// The offset map is sparse. Most characters fold to a character of the same
// UTF-8 length (繁 → 简, ASCII to itself), so within a run of such
// characters copy and original advance in step and one anchor (copy offset,
// original offset) at the run's start places them all. An anchor is added
// only where the step breaks: a character whose length changes (，→ ,
// １ → 1), a removed annotation or space, a CRLF. The anchor of a character
// whose length changed also places the run right after it, which goes on in
// step from that character's end in both (，is one in twenty characters of
// Chinese text: one anchor each, not two). Mapping a position is a binary
// search over the anchors. A span [b, e) of the copy maps to the
// original start of the character at b and the original end of the
// character ending at e, so a span running over a removed annotation covers
// it (地區(qū)生產 is one surface string) and one ending at the annotated
// character stops before it.
//
// Pinyin annotation: a Han character followed by "(" + one syllable of
// lower-case Latin letters (tone marks included) + ")", as in 區(qū). Real
// parentheses hold Han text (三期) or capitals, and are kept.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/char_fold.hpp"
#include "text/range.hpp"
#include "text/utf8.hpp"
#include "zhibiao/fact.hpp"

namespace zhibiao::text {

struct InvalidByte {
  std::size_t offset;  // in the original
};

class NormalizedText {
 public:
  std::string text;
  std::vector<InvalidByte> invalid;
  // Where in `text` the characters the fold table watches are (see
  // CharFold::with_watched): each run of them side by side as one range (so
  // a megabyte of digits takes one), in order.
  std::vector<Range> watched;
  // The same for the characters it lists as breaks (CharFold::with_breaks):
  // where a line or a sentence may end, for the segmenter.
  std::vector<Range> breaks;

  // Original byte span of the folded span [b, e) (b and e on character
  // boundaries of `text`).
  Span to_original(std::size_t b, std::size_t e) const;
  // Original start and end of the character starting at folded offset `b`.
  std::size_t original_begin(std::size_t b) const;
  std::size_t original_end_of_char(std::size_t b) const;

  // Used by normalize(): appends one character, or a run of original
  // characters that fold to themselves (copied as they are).
  void append(char32_t cp, std::size_t original_begin, std::size_t original_end);
  void append_unchanged(std::string_view original, std::size_t original_begin, std::size_t original_end);
  void reserve(std::size_t n) { text.reserve(n); }
  // Used by normalize(): the character at [begin, end) of `text`, listed
  // as its kind's marks ask (CharFold::kWatched in `watched`,
  // CharFold::kBreak in `breaks`).
  void add_marked(std::uint8_t kind, std::size_t begin, std::size_t end) {
    if (kind & CharFold::kWatched) add_to(watched, begin, end);
    if (kind & CharFold::kBreak) add_to(breaks, begin, end);
  }

 private:
  // Extends the last range when [begin, end) follows it right away.
  [[gnu::always_inline]] static void add_to(std::vector<Range>& ranges, std::size_t begin, std::size_t end) {
    if (!ranges.empty() && ranges.back().end == begin) ranges.back().end = end;
    else ranges.push_back({begin, end});
  }
  struct Anchor {
    std::uint32_t folded;         // where the anchor's character starts in `text`
    std::uint32_t original;       // and in the original
    std::uint32_t original_size;  // the original length of a character whose length changed, else 0
  };
  const Anchor& anchor_at(std::size_t b) const;
  // The original offset of folded offset b, placed by anchor a (the last at
  // or before b).
  std::size_t in_step(const Anchor& a, std::size_t b) const;
  std::vector<Anchor> anchors_;
  std::size_t next_original_ = 0;  // where the original would continue in step
};

// Defined here to be inlined: normalize() calls them for every character it
// folds and every run it copies, and as calls they took 0.6% of all
// instructions (callgrind).
[[gnu::always_inline]] inline void NormalizedText::append(char32_t cp, std::size_t from, std::size_t to) {
  std::size_t folded_at = text.size();
  if (cp < 0x80) text.push_back(static_cast<char>(cp));  // most folds (，→ , １ → 1): no call
  else append_utf8(text, cp);
  std::size_t folded_size = text.size() - folded_at;
  bool same_size = to - from == folded_size;
  // A new anchor unless this character continues the current run in step.
  if (!same_size || from != next_original_ || anchors_.empty()) {
    anchors_.push_back({static_cast<std::uint32_t>(folded_at), static_cast<std::uint32_t>(from),
                        same_size ? 0u : static_cast<std::uint32_t>(to - from)});
  }
  next_original_ = to;
}

[[gnu::always_inline]] inline void NormalizedText::append_unchanged(std::string_view original, std::size_t from,
                                                                    std::size_t to) {
  // As append() for each character: only the first can break the step.
  if (from != next_original_ || anchors_.empty())
    anchors_.push_back({static_cast<std::uint32_t>(text.size()), static_cast<std::uint32_t>(from), 0u});
  text.append(original.substr(from, to - from));
  next_original_ = to;
}

// `document_start`: `original` begins a document, so a byte order mark
// there is not text (false for the later parts of a document read in parts).
NormalizedText normalize(std::string_view original, const CharFold& fold, bool document_start = true);

}  // namespace zhibiao::text
