#include "io/document_reader.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
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

namespace {

void read_stream(std::istream& in, const std::string& name, InputFormat format, const DocumentSink& on_document,
                 const ErrorSink& on_error, const LongTextSink* long_text);

}  // namespace

void read_documents(std::istream& in, const std::string& name, InputFormat format, const DocumentSink& on_document,
                    const ErrorSink& on_error, const LongTextSink* long_text) {
  // A read error (EIO) is one bad input, not the end of the run; libstdc++
  // reports some as exceptions from the stream buffer.
  try {
    read_stream(in, name, format, on_document, on_error, long_text);
  } catch (const std::exception& e) {
    on_error({name, std::string("read error: ") + e.what()});
  }
}

namespace {

// Reads up to `limit` more bytes of `in` onto `text`; false at the end of
// the input or on a read error.
bool read_more(std::istream& in, std::string& text, std::size_t limit) {
  std::size_t had = text.size();
  text.resize(had + limit);
  in.read(text.data() + had, static_cast<std::streamsize>(limit));
  text.resize(had + static_cast<std::size_t>(in.gcount()));
  return in.good();
}

// The rest of `in` as one document, after `already_read` (bytes looked at to
// tell the format): whole, or in blocks when it is long and `long_text` takes
// them.
void read_text_document(std::istream& in, const std::string& name, std::string already_read,
                        const DocumentSink& on_document, const ErrorSink& on_error, const LongTextSink* long_text) {
  Document doc;
  doc.id = name;
  doc.text = std::move(already_read);
  if (!long_text) {
    doc.text.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } else if (read_more(in, doc.text, kWholeTextBytes + 1 - std::min(doc.text.size(), kWholeTextBytes));
             doc.text.size() > kWholeTextBytes) {
    // Longer than a document read whole: on in blocks.
    std::string block = std::move(doc.text);
    doc.text.clear();
    long_text->begin(std::move(doc));
    constexpr std::size_t kBlockBytes = 1 << 20;
    bool more = true;
    while (!block.empty() || more) {
      long_text->block(block);
      block.clear();
      if (more) more = read_more(in, block, kBlockBytes);
    }
    // A read error ends the text: what was read is extracted, and the
    // error reported.
    if (in.bad()) on_error({name, std::string("read error: ") + std::strerror(errno)});
    long_text->end();
    return;
  }
  if (in.bad()) {  // a read error: the document is incomplete, so it is not extracted
    on_error({name, std::string("read error: ") + std::strerror(errno)});
    return;
  }
  on_document(std::move(doc));
}

void read_stream(std::istream& in, const std::string& name, InputFormat format, const DocumentSink& on_document,
                 const ErrorSink& on_error, const LongTextSink* long_text) {
  if (format == InputFormat::automatic) {
    if (ends_with(name, ".jsonl") || ends_with(name, ".ndjson")) {
      format = InputFormat::jsonl;
    } else if (name == "-") {
      // Look past a byte order mark and blank space for the first '{'; what
      // is looked past is put back for a text document.
      std::string skipped;
      int c;
      while ((c = in.peek()) == ' ' || c == '\n' || c == '\r' || c == '\t' ||
             (skipped.size() < 3 && (c == 0xEF || c == 0xBB || c == 0xBF)))
        skipped += static_cast<char>(in.get());
      format = in.peek() == '{' ? InputFormat::jsonl : InputFormat::text;
      if (format == InputFormat::text)
        return read_text_document(in, name, std::move(skipped), on_document, on_error, long_text);
    } else {
      format = InputFormat::text;
    }
  }
  if (format == InputFormat::text) return read_text_document(in, name, "", on_document, on_error, long_text);
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (number == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);  // a byte order mark
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
  if (in.bad()) on_error({name + ":" + std::to_string(number + 1), std::string("read error: ") + std::strerror(errno)});
}

}  // namespace

}  // namespace zhibiao::io
