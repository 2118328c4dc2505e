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
  // One parser per thread: simdjson parsers are reusable but not shareable.
  thread_local simdjson::ondemand::parser parser;
  simdjson::padded_string padded(line);
  simdjson::ondemand::document json;
  if (parser.iterate(padded).get(json)) return "invalid JSON";
  simdjson::ondemand::object object;
  if (json.get_object().get(object)) return "not a JSON object";
  bool has_text = false;
  for (auto field : object) {
    std::string_view key;
    if (field.unescaped_key().get(key)) return "invalid JSON";
    std::string* target = nullptr;
    if (key == "id") target = &doc.id;
    else if (key == "text") target = &doc.text;
    else if (key == "date") target = &doc.date;
    else if (key == "title") target = &doc.title;
    simdjson::ondemand::value value;
    if (field.value().get(value)) return "invalid JSON";
    if (!target) continue;  // other fields are the caller's business
    simdjson::ondemand::json_type type;
    if (value.type().get(type)) return "invalid JSON";
    if (type == simdjson::ondemand::json_type::null) continue;
    if (key == "id" && type == simdjson::ondemand::json_type::number) {
      std::string_view raw = value.raw_json_token();
      doc.id = std::string(raw);
      continue;
    }
    std::string_view s;
    if (type != simdjson::ondemand::json_type::string || value.get_string().get(s))
      return "field '" + std::string(key) + "' must be a string";
    *target = std::string(s);
    if (key == "text") has_text = true;
  }
  // (simdjson 3.0 ondemand has no at_end(); trailing garbage after the object is ignored)
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
