// Minimal UTF-8 decoding and encoding for the hot path. ICU's U8_NEXT macro
// does the decoding (with its checks for overlongs and surrogates); this file
// only wraps it for std::string_view.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <unicode/utf8.h>

namespace zhibiao::text {

constexpr char32_t kReplacement = 0xFFFD;

// 0-9 only: what RE2's \d means, whatever the locale.
inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

struct Decoded {
  char32_t cp;       // kReplacement when the bytes were invalid
  std::size_t size;  // bytes consumed, at least 1
  bool valid;
};

// Inline: every character of every document goes through these two.
inline Decoded decode_at(std::string_view s, std::size_t pos) {
  auto i = static_cast<int32_t>(pos);
  auto length = static_cast<int32_t>(s.size());
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, length, c);
  auto used = static_cast<std::size_t>(i) - pos;
  if (c < 0) return {kReplacement, used == 0 ? 1 : used, false};
  return {static_cast<char32_t>(c), used, true};
}

// The code point of the well-formed three-byte character at `bytes`
// (1110xxxx 10yyyyyy 10zzzzzz): the marker bits subtracted at once.
inline char32_t three_byte_code_point(const uint8_t* bytes) {
  constexpr unsigned kMarkers = (0xE0u << 12) + (0x80u << 6) + 0x80u;
  return static_cast<char32_t>((unsigned{bytes[0]} << 12) + (unsigned{bytes[1]} << 6) + bytes[2] - kMarkers);
}

// The same for text known to be well-formed UTF-8 (the normaliser's output,
// or a document simdjson::validate_utf8 accepted): ICU's U8_NEXT_UNSAFE,
// without the checks, which are most of the cost of reading a character.
// A three-byte character (Han, and most of what Chinese text holds) is
// decoded first, in the fewest steps: ICU's macro tests the shorter
// lengths before it.
inline Decoded decode_valid_at(std::string_view s, std::size_t pos) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data()) + pos;
  if ((bytes[0] & 0xF0) == 0xE0) return {three_byte_code_point(bytes), 3, true};
  std::size_t i = 0;
  UChar32 c = 0;
  U8_NEXT_UNSAFE(bytes, i, c);
  return {static_cast<char32_t>(c), i, true};
}

// The character of well-formed `s` that ends at `end` (> 0), and where it
// begins: end - size.
inline Decoded decode_valid_before(std::string_view s, std::size_t end) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  // A three-byte lead three bytes back is that character's first byte.
  if (end >= 3 && (bytes[end - 3] & 0xF0) == 0xE0) return decode_valid_at(s, end - 3);
  std::size_t begin = end;
  U8_BACK_1_UNSAFE(bytes, begin);
  return decode_valid_at(s, begin);
}

// The end of the run of characters of well-formed `text` from `pos` (up to
// `end`) whose entry in `bmp_table` (indexed by code point) is `skip`,
// reading only one- and three-byte characters (ASCII, and the BMP from
// U+0800, Han among them: nearly all text); it stops at any other length,
// for the caller to read. The loops that read every character of a text
// (the normaliser's copying, the name and literal finders) skip with it.
// `pass(entry, pos, size)` is asked about a character of one or three
// bytes whose entry is not `skip`: true to go on past it, false to stop
// there. The normaliser lists a character it copies with a mark (see
// NormalizedText::watched) and goes on: returning for each, one character
// in seven on the corpus, made it 12% slower.
// Not inlined: inside those callers GCC kept the loop's variables on the
// stack and took twice the instructions.
template <typename T, typename Pass>
[[gnu::noinline]] std::size_t skip_run(std::string_view text, std::size_t pos, std::size_t end, const T* bmp_table,
                                       T skip, Pass&& pass) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  while (pos < end) {
    unsigned b = bytes[pos];
    T entry;
    std::size_t size;
    if ((b & 0xF0) == 0xE0) {  // the most common, so tested first
      // (b, already read, kept in the sum: three_byte_code_point read it
      // again and took 1% more instructions in all.)
      constexpr unsigned kMarkers = (0xE0u << 12) + (0x80u << 6) + 0x80u;
      entry = bmp_table[(b << 12) + (unsigned{bytes[pos + 1]} << 6) + bytes[pos + 2] - kMarkers];
      size = 3;
    } else if (b < 0x80) {
      entry = bmp_table[b];
      size = 1;
    } else {
      break;
    }
    if (entry != skip && !pass(entry, pos, size)) break;
    pos += size;
  }
  return pos;
}

// The same, stopping at the first character whose entry is not `skip`.
template <typename T>
std::size_t skip_run(std::string_view text, std::size_t pos, std::size_t end, const T* bmp_table, T skip) {
  return skip_run(text, pos, end, bmp_table, skip, [](T, std::size_t, std::size_t) { return false; });
}

inline void append_utf8(std::string& out, char32_t cp) {
  uint8_t buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(buf, n, 4, static_cast<UChar32>(cp), error);
  if (error) {  // a surrogate or out of range
    n = 0;
    U8_APPEND_UNSAFE(buf, n, kReplacement);
  }
  out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

std::size_t count_code_points(std::string_view s);

// Whether a character has another case (ASCII and Greek letters do, Han
// characters do not): ICU's case mappings and folding.
bool has_case(char32_t cp);
// Whether `s` is well-formed UTF-8 with no character that has another case,
// so that a match that ignores case matches exactly its bytes.
bool is_caseless(std::string_view s);

}  // namespace zhibiao::text
