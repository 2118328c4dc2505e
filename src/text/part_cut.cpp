#include "text/part_cut.hpp"

#include <algorithm>

#include "text/utf8.hpp"

namespace zhibiao::text {
namespace {

bool is_continuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

// The start of the character that ends at `end` (> 0).
std::size_t char_start_before(std::string_view s, std::size_t end) {
  std::size_t b = end - 1;
  while (b > 0 && end - b < 4 && is_continuation(s[b])) --b;
  return b;
}

// A break at `end` (just after a '\n', or after a '\r' with no '\n' after
// it) ends a line.
bool ends_line(std::string_view s, std::size_t end) {
  if (end == 0) return false;
  if (s[end - 1] == '\n') return true;
  return s[end - 1] == '\r' && end < s.size() && s[end] != '\n';
}

}  // namespace

PartCut::LastChar PartCut::last_char_before(std::string_view buffer, std::size_t end) const {
  for (std::size_t i = end; i > 0;) {
    std::size_t b = char_start_before(buffer, i);
    char32_t c = fold.fold(decode_at(buffer, b).cp);
    if (c != '\n' && c != '\r' && !fold.is_space(c)) return {b, c};
    i = b;
  }
  return {0, 0};
}

std::size_t PartCut::line_end_before(std::string_view buffer, std::size_t limit) const {
  // Before a break that follows a lead-in, the search goes on before the
  // lead-in's last character.
  for (std::size_t pos = limit; pos > 0;) {
    std::size_t brk = buffer.find_last_of("\r\n", pos - 1);
    if (brk == std::string_view::npos) break;
    if (!ends_line(buffer, brk + 1)) {
      pos = brk;
      continue;
    }
    LastChar last = last_char_before(buffer, brk + 1);
    if (last.c != ':') return brk + 1;
    pos = last.at;
  }
  return 0;
}

std::size_t PartCut::operator()(std::string_view buffer, std::size_t target, std::size_t longest_line) const {
  if (std::size_t end = line_end_before(buffer, std::min(target, buffer.size()))) return end;
  if (target < buffer.size())
    if (std::size_t end = line_end_before(buffer, buffer.size())) return end;
  if (buffer.size() < longest_line) return 0;
  // No line break to cut at in all that text: a sentence end, else a
  // character's start (the last character may not have been read in full).
  std::size_t limit = std::min(target, buffer.size());
  if (std::size_t end = sentence_end_before(buffer, limit)) return end;
  if (std::size_t end = sentence_end_before(buffer, buffer.size())) return end;
  std::size_t at = char_start_before(buffer, limit);
  return at != 0 ? at : decode_at(buffer, 0).size;  // a part holds one character at least
}

std::size_t PartCut::sentence_end_before(std::string_view buffer, std::size_t limit) const {
  for (std::size_t end = limit; end > 0;) {
    std::size_t b = char_start_before(buffer, end);
    char32_t c = fold.fold(decode_at(buffer, b).cp);
    if (std::find(sentence_end.begin(), sentence_end.end(), c) != sentence_end.end()) return end;
    end = b;
  }
  return 0;
}

}  // namespace zhibiao::text
