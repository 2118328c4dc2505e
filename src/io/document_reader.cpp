#include "io/document_reader.hpp"

#include <simdjson.h>

#include <iterator>

namespace zhibiao::io {
namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::string parse_jsonl_record(std::string_view line, Document& doc) {
  // simdjson's DOM parser validates the whole line and picks its fastest
  // kernel at run time. One parser per thread: reusable, not shareable.
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element json;
  if (auto error = parser.parse(line.data(), line.size()).get(json))
    return std::string("invalid JSON (") + simdjson::error_message(error) + ")";
  simdjson::dom::object object;
  if (json.get_object().get(object)) return "not a JSON object";
  bool has_text = false;
  for (auto [key, value] : object) {
    std::string* target = nullptr;
    if (key == "id") target = &doc.id;
    else if (key == "text") target = &doc.text;
    else if (key == "date") target = &doc.date;
    else if (key == "title") target = &doc.title;
    if (!target || value.is_null()) continue;  // other fields are the caller's business
    if (key == "id" && (value.is_int64() || value.is_uint64())) {
      doc.id = simdjson::minify(value);
      continue;
    }
    std::string_view s;
    if (value.get_string().get(s)) return "field '" + std::string(key) + "' must be a string";
    *target = std::string(s);
    if (key == "text") has_text = true;
  }
  if (!has_text) return "missing field 'text'";
  return "";
}

void read_documents(std::istream& in, const std::string& name, InputFormat format, const DocumentSink& on_document,
                    const ErrorSink& on_error) {
  if (format == InputFormat::automatic) {
    if (ends_with(name, ".jsonl") || ends_with(name, ".ndjson")) {
      format = InputFormat::jsonl;
    } else if (name == "-") {
      int c;
      while ((c = in.peek()) == ' ' || c == '\n' || c == '\r' || c == '\t') in.get();
      format = in.peek() == '{' ? InputFormat::jsonl : InputFormat::text;
    } else {
      format = InputFormat::text;
    }
  }
  if (format == InputFormat::text) {
    Document doc;
    doc.id = name;
    doc.text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    on_document(std::move(doc));
    return;
  }
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    Document doc;
    std::string error = parse_jsonl_record(line, doc);
    if (!error.empty()) {
      on_error({name + ":" + std::to_string(number), error});
      continue;
    }
    if (doc.id.empty()) doc.id = name + ":" + std::to_string(number);
    on_document(std::move(doc));
  }
}

}  // namespace zhibiao::io
