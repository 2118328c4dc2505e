// Reading input documents: a text file is one document (its id is its
// path); a JSON Lines file holds one document a line ({"id", "text",
// optional "date" and "title"; other fields ignored}). Records are handed to
// the caller one at a time, so memory does not grow with the input. A bad
// line is reported as file:line and skipped; the rest is still read.
#pragma once

#include <functional>
#include <istream>
#include <string>

#include "zhibiao/extractor.hpp"

namespace zhibiao::io {

enum class InputFormat { automatic, text, jsonl };

struct InputError {
  std::string where;  // file or file:line
  std::string message;
};

using DocumentSink = std::function<void(Document&&)>;
using ErrorSink = std::function<void(const InputError&)>;

// `name` is the path shown in ids and errors ("-" for standard input).
// With InputFormat::automatic a .jsonl/.ndjson name means JSON Lines; on
// standard input, a first character '{' does.
void read_documents(std::istream& in, const std::string& name, InputFormat format, const DocumentSink& on_document,
                    const ErrorSink& on_error);

// Parses one JSON Lines record; returns an error message or "".
std::string parse_jsonl_record(std::string_view line, Document& doc);

}  // namespace zhibiao::io
