#include "io/long_record.hpp"

#include <simdjson.h>

#include <locale.h>  // newlocale, strtod_l (POSIX): numbers read whatever the locale
#include <stdlib.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <stdexcept>

namespace zhibiao::io {

TextSpool::TextSpool() : file_(std::tmpfile()) {
  if (!file_) throw std::runtime_error("cannot make a temporary file for a long record");
}

void TextSpool::clear() {
  std::rewind(file_.get());
  size_ = 0;  // what was written is overwritten; read() stops at size_
}

void TextSpool::append(std::string_view bytes) {
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_.get()) != bytes.size())
    throw std::runtime_error("cannot write a long record's text to a temporary file");
  size_ += bytes.size();
}

void TextSpool::rewind() {
  std::fflush(file_.get());
  std::rewind(file_.get());
  read_ = 0;
}

bool TextSpool::read(std::string& block, std::size_t bytes) {
  block.resize(std::min(bytes, size_ - read_));
  std::size_t got = std::fread(block.data(), 1, block.size(), file_.get());
  if (got != block.size()) throw std::runtime_error("cannot read a long record's text back from a temporary file");
  read_ += got;
  return !block.empty();
}

namespace {

constexpr int kLineEnd = -1;

// The bytes of one line: `start`, then `in` up to the next '\n' (consumed
// with the line, never read past).
class LineBytes {
 public:
  LineBytes(std::string_view start, std::istream& in) : start_(start), in_(in) {}

  int peek() {
    if (pos_ == size_ && !fill()) return kLineEnd;
    return static_cast<unsigned char>(data_[pos_]);
  }
  int get() {
    int c = peek();
    if (c != kLineEnd) ++pos_;
    return c;
  }
  void skip_rest() {
    while (fill()) pos_ = size_;
  }

 private:
  // The next bytes of the line: the rest of `start`, then up to a block of
  // `in` (getline stops at '\n' and takes it). False at the line's end.
  bool fill() {
    pos_ = size_ = 0;
    if (!start_.empty()) {
      data_ = start_.data();
      size_ = start_.size();
      start_ = {};
      return true;
    }
    while (more_) {
      in_.getline(block_.data(), static_cast<std::streamsize>(block_.size()));
      auto got = static_cast<std::size_t>(in_.gcount());
      if (in_.good()) {  // the line ended: gcount counted its '\n'
        more_ = false;
        got -= 1;
      } else if (!in_.bad() && !in_.eof() && got == block_.size() - 1) {
        in_.clear();  // the block is full, the line goes on
      } else {
        more_ = false;  // the input ended, or a read error (the caller sees in.bad())
      }
      data_ = block_.data();
      size_ = got;
      if (size_ > 0) return true;
    }
    return false;
  }

  std::string_view start_;
  std::istream& in_;
  std::array<char, 1 << 16> block_{};
  const char* data_ = nullptr;
  std::size_t pos_ = 0, size_ = 0;
  bool more_ = true;
};

// Invalid JSON, named by simdjson's error code for it.
struct Invalid {
  simdjson::error_code code;
};

// Checks that the bytes fed, cut anywhere, are UTF-8 (simdjson's check,
// with a character cut at the end of a piece carried to the next).
class Utf8Check {
 public:
  void feed(std::string_view bytes) {
    if (!carry_.empty()) {
      std::size_t take = std::min(bytes.size(), sequence_length(carry_[0]) - carry_.size());
      carry_.append(bytes.substr(0, take));
      bytes.remove_prefix(take);
      if (carry_.size() < sequence_length(carry_[0])) return;
      check(carry_);
      carry_.clear();
    }
    // A character cut at the end waits for the rest of it.
    std::size_t whole = bytes.size();
    for (std::size_t back = 1; back <= 3 && back <= bytes.size(); ++back) {
      auto c = static_cast<unsigned char>(bytes[bytes.size() - back]);
      if ((c & 0xC0) == 0x80) continue;  // a continuation byte
      if (sequence_length(bytes[bytes.size() - back]) > back) whole = bytes.size() - back;
      break;
    }
    carry_ = bytes.substr(whole);
    check(bytes.substr(0, whole));
  }
  void finish() {
    if (!carry_.empty()) throw Invalid{simdjson::UTF8_ERROR};
  }

 private:
  static std::size_t sequence_length(char lead) {
    auto c = static_cast<unsigned char>(lead);
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF8 ? 4 : 1;
  }
  static void check(std::string_view bytes) {
    if (!simdjson::validate_utf8(bytes.data(), bytes.size())) throw Invalid{simdjson::UTF8_ERROR};
  }
  std::string carry_;
};

// The fields parse_jsonl_record reads, and how deep values may nest (as
// simdjson's parser allows).
enum class Field { none, id, date, title, text };
constexpr int kMaxDepth = 1024;

// One record: a JSON object, its fields read as parse_jsonl_record reads
// them (a string field, or a whole number for "id"; null is no field;
// the last of a repeated field counts).
class RecordParser {
 public:
  RecordParser(LineBytes& in, Document& header, TextSpool& text) : in_(in), header_(header), text_(text) {}

  std::string parse() {
    skip_space();
    int first = in_.get();
    if (first == kLineEnd) throw Invalid{simdjson::EMPTY};
    bool object = first == '{';
    if (object) read_object(1);
    else skip_value(first, 1);
    skip_space();
    if (in_.get() != kLineEnd) throw Invalid{simdjson::TAPE_ERROR};
    if (!object) return "not a JSON object";
    if (!field_error_.empty()) return field_error_;
    if (!has_text_) return "missing field 'text'";
    return "";
  }

 private:
  void skip_space() {
    for (int c = in_.peek(); c == ' ' || c == '\t' || c == '\r'; c = in_.peek()) in_.get();
  }
  void expect(char wanted) {
    if (in_.get() != wanted) throw Invalid{simdjson::TAPE_ERROR};
  }

  // An object after its '{', at `depth` (1: the record's own object, whose
  // fields are read; any other is skipped).
  void read_object(int depth) {
    skip_space();
    if (in_.peek() == '}') {
      in_.get();
      return;
    }
    for (;;) {
      expect('"');
      Field field = read_key();
      skip_space();
      expect(':');
      skip_space();
      if (depth == 1) read_field(field);
      else skip_value(in_.get(), depth + 1);
      skip_space();
      int c = in_.get();
      if (c == '}') return;
      if (c != ',') throw Invalid{simdjson::TAPE_ERROR};
      skip_space();
    }
  }

  // A key is kept only as far as telling the four fields apart (any key
  // is read whole, for its escapes and UTF-8).
  Field read_key() {
    std::string key;
    read_string([&](std::string_view piece) {
      if (key.size() < 8) key.append(piece.substr(0, 8 - key.size()));
    });
    if (key == "id") return Field::id;
    if (key == "date") return Field::date;
    if (key == "title") return Field::title;
    if (key == "text") return Field::text;
    return Field::none;
  }

  void read_field(Field field) {
    int first = in_.get();
    if (field == Field::none || first == 'n') return skip_value(first, 2);  // null: no field
    if (first == '"') {
      if (field == Field::text) {
        text_.clear();
        read_string([&](std::string_view piece) { text_.append(piece); });
        has_text_ = true;
        return;
      }
      std::string& target = field == Field::id ? header_.id : field == Field::date ? header_.date : header_.title;
      target.clear();
      read_string([&](std::string_view piece) { target.append(piece); });
      return;
    }
    bool number = first == '-' || (first >= '0' && first <= '9');
    if (field == Field::id && number) {
      std::string digits = read_number(first);
      if (auto id = whole_number(digits)) {
        header_.id = *id;
        return;
      }
    } else {
      skip_value(first, 2);
    }
    if (field_error_.empty()) field_error_ = "field '" + std::string(name(field)) + "' must be a string";
  }

  // Numbers are read with '.' whatever locale the program has set.
  static locale_t c_locale() {
    static const locale_t c = newlocale(LC_ALL_MASK, "C", nullptr);
    return c;
  }

  static std::string_view name(Field field) {
    return field == Field::id ? "id" : field == Field::date ? "date" : field == Field::title ? "title" : "text";
  }

  // The number as simdjson writes a 64-bit integer back, or none (a
  // fraction, an exponent, or too large).
  static std::optional<std::string> whole_number(const std::string& digits) {
    if (digits.find_first_of(".eE") != std::string::npos) return std::nullopt;
    const char* end = digits.data() + digits.size();
    if (digits[0] == '-') {
      std::int64_t value = 0;
      if (std::from_chars(digits.data(), end, value).ec != std::errc()) return std::nullopt;
      return std::to_string(value);
    }
    std::uint64_t value = 0;
    if (std::from_chars(digits.data(), end, value).ec != std::errc()) return std::nullopt;
    return std::to_string(value);
  }

  void skip_value(int first, int depth) {
    if ((first == '{' || first == '[') && depth > kMaxDepth) throw Invalid{simdjson::DEPTH_ERROR};
    switch (first) {
      case '"':
        return read_string([](std::string_view) {});
      case '{':
        return read_object(depth);
      case '[':
        return skip_array(depth);
      case 't':
        return expect_word("rue", simdjson::T_ATOM_ERROR);
      case 'f':
        return expect_word("alse", simdjson::F_ATOM_ERROR);
      case 'n':
        return expect_word("ull", simdjson::N_ATOM_ERROR);
      default:
        if (first == '-' || (first >= '0' && first <= '9')) {
          read_number(first);
          return;
        }
        throw Invalid{simdjson::TAPE_ERROR};
    }
  }

  void skip_array(int depth) {
    skip_space();
    if (in_.peek() == ']') {
      in_.get();
      return;
    }
    for (;;) {
      skip_value(in_.get(), depth + 1);
      skip_space();
      int c = in_.get();
      if (c == ']') return;
      if (c != ',') throw Invalid{simdjson::TAPE_ERROR};
      skip_space();
    }
  }

  void expect_word(std::string_view rest, simdjson::error_code error) {
    for (char c : rest)
      if (in_.get() != c) throw Invalid{error};
  }

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?. As simdjson requires,
  // a whole number must fit in 64 bits, any other in a double. A number is
  // kept up to kNumberChars characters; one longer is taken as it is.
  static constexpr std::size_t kNumberChars = 1100;
  std::string read_number(int first) {
    std::string token(1, static_cast<char>(first));
    bool whole = true;
    auto take = [&] {
      int c = in_.get();
      if (token.size() < kNumberChars) token += static_cast<char>(c);
      whole &= c != '.' && c != 'e' && c != 'E';
      return c;
    };
    auto digit = [&] { return in_.peek() >= '0' && in_.peek() <= '9'; };
    auto digits = [&] {
      if (!digit()) throw Invalid{simdjson::NUMBER_ERROR};
      while (digit()) take();
    };
    int lead = first;
    if (first == '-') {
      if (!digit()) throw Invalid{simdjson::NUMBER_ERROR};
      lead = take();
    }
    if (lead != '0')
      while (digit()) take();
    if (in_.peek() == '.') {
      take();
      digits();
    }
    if (in_.peek() == 'e' || in_.peek() == 'E') {
      take();
      if (in_.peek() == '+' || in_.peek() == '-') take();
      digits();
    }
    if (token.size() < kNumberChars) {
      if (whole && !whole_number(token)) throw Invalid{simdjson::NUMBER_ERROR};
      if (!whole && std::isinf(strtod_l(token.c_str(), nullptr, c_locale()))) throw Invalid{simdjson::NUMBER_ERROR};
    }
    return token;
  }

  // A string after its opening quote, decoded and handed to `out` in
  // pieces of up to 64 KB.
  template <class Out>
  void read_string(Out&& out) {
    std::string piece;
    Utf8Check utf8;
    auto flush = [&] {
      utf8.feed(piece);
      out(std::string_view(piece));
      piece.clear();
    };
    for (;;) {
      int c = in_.get();
      if (c == kLineEnd) throw Invalid{simdjson::UNCLOSED_STRING};
      if (c == '"') break;
      if (c < 0x20) throw Invalid{simdjson::UNESCAPED_CHARS};
      if (c == '\\') read_escape(piece);
      else piece += static_cast<char>(c);
      if (piece.size() >= (1 << 16)) flush();
    }
    flush();
    utf8.finish();
  }

  void read_escape(std::string& out) {
    int c = in_.get();
    switch (c) {
      case '"': case '\\': case '/': out += static_cast<char>(c); return;
      case 'b': out += '\b'; return;
      case 'f': out += '\f'; return;
      case 'n': out += '\n'; return;
      case 'r': out += '\r'; return;
      case 't': out += '\t'; return;
      case 'u': break;
      default: throw Invalid{simdjson::STRING_ERROR};
    }
    std::uint32_t code = read_hex4();
    if (code >= 0xDC00 && code <= 0xDFFF) throw Invalid{simdjson::STRING_ERROR};  // a low surrogate alone
    if (code >= 0xD800 && code <= 0xDBFF) {  // a high one: a low one must follow
      if (in_.get() != '\\' || in_.get() != 'u') throw Invalid{simdjson::STRING_ERROR};
      std::uint32_t low = read_hex4();
      if (low < 0xDC00 || low > 0xDFFF) throw Invalid{simdjson::STRING_ERROR};
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(out, code);
  }

  std::uint32_t read_hex4() {
    std::uint32_t code = 0;
    for (int i = 0; i < 4; ++i) {
      int c = in_.get();
      int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (v < 0) throw Invalid{simdjson::STRING_ERROR};
      code = code * 16 + static_cast<std::uint32_t>(v);
    }
    return code;
  }

  static void append_utf8(std::string& out, std::uint32_t code) {
    auto byte = [&](std::uint32_t b) { out += static_cast<char>(b); };
    if (code < 0x80) {
      byte(code);
    } else if (code < 0x800) {
      byte(0xC0 | (code >> 6));
      byte(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      byte(0xE0 | (code >> 12));
      byte(0x80 | ((code >> 6) & 0x3F));
      byte(0x80 | (code & 0x3F));
    } else {
      byte(0xF0 | (code >> 18));
      byte(0x80 | ((code >> 12) & 0x3F));
      byte(0x80 | ((code >> 6) & 0x3F));
      byte(0x80 | (code & 0x3F));
    }
  }

  LineBytes& in_;
  Document& header_;
  TextSpool& text_;
  bool has_text_ = false;
  std::string field_error_;  // the first field of the wrong type
};

}  // namespace

std::string read_long_record(std::string_view start, std::istream& in, Document& header, TextSpool& text) {
  LineBytes line(start, in);
  text.clear();
  try {
    return RecordParser(line, header, text).parse();
  } catch (const Invalid& invalid) {
    line.skip_rest();
    return std::string("invalid JSON (") + simdjson::error_message(invalid.code) + ")";
  }
}

}  // namespace zhibiao::io
