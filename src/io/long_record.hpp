// A JSON Lines record too long to read whole (a line over kLongRecordBytes):
// parsed as its bytes are read, with its text decoded into a temporary
// file, so that memory does not grow with the record. The text is then read
// back in blocks and extracted in parts like a long text file. A record
// read whole by simdjson, the other way, holds the line about four times
// over (the line, simdjson's padded copy and string buffer, the text).
//
// Written by hand: JSON libraries hand a string value over whole (simdjson,
// RapidJSON's and nlohmann's SAX, yajl), so none can stream a string longer
// than memory. What the parser accepts and what it reads from a record are
// those of parse_jsonl_record (document_reader.cpp), which
// test_long_record checks record by record against simdjson; its errors
// are named with simdjson's messages.
#pragma once

#include <cstddef>
#include <cstdio>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

#include "zhibiao/extractor.hpp"

namespace zhibiao::io {

// Lines longer than this are read as long records.
constexpr std::size_t kLongRecordBytes = 1 << 20;

// The decoded text of a long record, in an anonymous temporary file.
class TextSpool {
 public:
  TextSpool();  // throws std::runtime_error when no temporary file can be made
  void clear();
  void append(std::string_view bytes);
  std::size_t size() const { return size_; }
  // Reads the text back from its start: `block` of up to `bytes` at a time,
  // empty at the end.
  void rewind();
  bool read(std::string& block, std::size_t bytes);

 private:
  struct Close {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::unique_ptr<std::FILE, Close> file_;
  std::size_t size_ = 0;  // of the text, which may be less than the file after clear()
  std::size_t read_ = 0;  // read back so far
};

// Parses the record whose line starts with `start` and goes on in `in` up
// to the next '\n' (consumed) or the end of the input. `header` gets its
// id, date and title, `text` its text. Returns "" or the error, as
// parse_jsonl_record does; after an error the rest of the line is skipped.
std::string read_long_record(std::string_view start, std::istream& in, Document& header, TextSpool& text);

}  // namespace zhibiao::io
