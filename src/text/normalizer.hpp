// Normalisation that keeps the way back to the original bytes.
//
// The matcher works on a folded copy of the document (see char_fold.hpp) from
// which scraped pinyin annotations and stray spaces are removed. Every byte of
// the folded copy records the original byte range of the character it came
// from, so any span found in the copy maps back to exact original offsets:
// a span [b, e) in the copy is [begin_of[b], end_of[e-1]) in the original.
// Characters removed (pinyin, spaces) have no bytes in the copy; a span that
// runs over them covers them in the original, which is what a reader expects
// (地區(qū)生產 is one surface string).
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
#include "zhibiao/fact.hpp"

namespace zhibiao::text {

struct InvalidByte {
  std::size_t offset;  // in the original
};

struct NormalizedText {
  std::string text;
  std::vector<std::uint32_t> begin_of;  // per byte of text: original start of its character
  std::vector<std::uint32_t> end_of;    // per byte of text: original end of its character
  std::vector<InvalidByte> invalid;

  // Original byte span of the folded span [b, e).
  Span to_original(std::size_t b, std::size_t e) const;
};

NormalizedText normalize(std::string_view original, const CharFold& fold);

}  // namespace zhibiao::text
