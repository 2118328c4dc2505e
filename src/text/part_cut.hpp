// Where to cut a document read in parts (zhibiao::DocumentStream), so that
// each part holds whole paragraphs and the parts together read as the whole.
//
// A part ends after a line break, and not after a line that leads in a
// list (主要预期目标是：): the list's figures read that line's signal words,
// so it stays in the same part as the lines after it. A line too long to
// wait for (a text with no line breaks) is cut after a sentence end, and a
// text with none of those after a whole character.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "text/char_fold.hpp"

namespace zhibiao::text {

struct PartCut {
  const CharFold& fold;
  const std::vector<char32_t>& sentence_end;  // folded, as the segmenter's

  // The length of the next part of `buffer` (the text not yet extracted):
  // up to its last line break that may end a part within `target` bytes,
  // else after them; when it has none and holds at least `longest_line`
  // bytes, up to its last sentence end, else up to its last whole
  // character. 0 when the part must wait for more text.
  std::size_t operator()(std::string_view buffer, std::size_t target, std::size_t longest_line) const;

 private:
  // The last character before `end` that is not a line break or a space
  // (folded, with where it starts), or {0, 0} when there is none. A line
  // leads in a list when that character is a colon.
  struct LastChar {
    std::size_t at;
    char32_t c;
  };
  LastChar last_char_before(std::string_view buffer, std::size_t end) const;
  // The end of the last line break before `limit` that may end a part, or 0.
  std::size_t line_end_before(std::string_view buffer, std::size_t limit) const;
  // The end of the last sentence-final character before `limit`, or 0.
  std::size_t sentence_end_before(std::string_view buffer, std::size_t limit) const;
};

}  // namespace zhibiao::text
