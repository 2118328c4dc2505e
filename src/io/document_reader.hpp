// Reading input documents: a text file is one document (its id is its
// path); a JSON Lines file holds one document a line ({"id", "text",
// optional "date" and "title"; other fields ignored}). Records are handed to
// the caller one at a time, so memory does not grow with the input. A bad
// line is reported as file:line and skipped; the rest is still read. A
// record on a line longer than kLongRecordBytes is parsed as it is read
// (long_record.hpp) and its text handed on like a long text's.
#pragma once

#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include "zhibiao/document_stream.hpp"
#include "zhibiao/extractor.hpp"

namespace zhibiao::io {

enum class InputFormat { automatic, text, jsonl };

struct InputError {
  std::string where;  // file or file:line
  std::string message;
};

using DocumentSink = std::function<void(Document&&)>;
using ErrorSink = std::function<void(const InputError&)>;

// A text document longer than kWholeTextBytes is not read whole: its text
// is handed on in blocks as it is read, to be extracted in parts
// (zhibiao::DocumentStream). `begin` gets the document with no text, then
// `block` each block, then `end`, also after a read error (reported first).
constexpr std::size_t kWholeTextBytes = zhibiao::DocumentStream::kPartBytes;
struct LongTextSink {
  std::function<void(Document&&)> begin;
  std::function<void(std::string_view)> block;
  std::function<void()> end;
  // How many bytes a block holds (the last may hold fewer): a part's
  // length by default, so that what is read ahead of the parts stays small.
  std::size_t block_bytes = kWholeTextBytes;
};

// `name` is the path shown in ids and errors ("-" for standard input).
// With InputFormat::automatic a .jsonl/.ndjson name means JSON Lines; on
// standard input, a first character '{' does. Without `long_text`, a text
// document (or a record's text) is read whole however long it is.
void read_documents(std::istream& in, const std::string& name, InputFormat format, const DocumentSink& on_document,
                    const ErrorSink& on_error, const LongTextSink* long_text = nullptr);

// Parses one JSON Lines record; returns an error message or "". A line
// with simdjson::SIMDJSON_PADDING bytes of capacity to spare is parsed in
// place, any other is copied first.
std::string parse_jsonl_record(const std::string& line, Document& doc);

}  // namespace zhibiao::io
