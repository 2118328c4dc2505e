#include "io/document_reader.hpp"

#include "io/long_record.hpp"
#include "zhibiao/rule_pack.hpp"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <iterator>

namespace zhibiao::io {
namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::string parse_jsonl_record(const std::string& line, Document& doc) {
  // simdjson's DOM parser validates the whole line and picks its fastest
  // kernel at run time. One parser per thread: reusable, not shareable.
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element json;
  if (auto error = parser.parse(line).get(json))  // in place when the capacity has room for the padding
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
  } catch (const RulePackError&) {
    throw;  // from extraction (a rule's pattern RE2 rejects): the run stops
  } catch (const std::exception& e) {
    on_error({name, std::string("read error: ") + e.what()});
  }
}

namespace {

// The size of the blocks `sink` takes, at least a byte (no read of 0
// bytes would ever end).
std::size_t block_bytes(const LongTextSink& sink) { return std::max<std::size_t>(sink.block_bytes, 1); }

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
    bool more = true;
    while (!block.empty() || more) {
      long_text->block(block);
      block.clear();
      if (more) more = read_more(in, block, block_bytes(*long_text));
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

enum class LineRead { line, long_line, end };

// The next line of `in` without its '\n', or, when it runs on past `limit`
// bytes, its first `limit` bytes or so (long_line: the rest is still in
// `in`). end when the input has ended.
LineRead read_line(std::istream& in, std::string& line, std::size_t limit) {
  line.clear();
  std::array<char, 1 << 16> block;
  for (;;) {
    in.getline(block.data(), static_cast<std::streamsize>(block.size()));
    auto got = static_cast<std::size_t>(in.gcount());
    if (in.good()) {  // the line ended: gcount counted its '\n'
      line.append(block.data(), got - 1);
      return LineRead::line;
    }
    if (in.bad()) return LineRead::end;  // a read error: the line is not whole
    line.append(block.data(), got);
    if (in.eof()) return line.empty() ? LineRead::end : LineRead::line;
    in.clear();  // the block is full: the line goes on
    if (line.size() >= limit) return LineRead::long_line;
  }
}

// A record on a line too long to read whole: parsed as it is read
// (long_record.hpp), its text spooled to a temporary file, then handed on
// whole when it is short, else in blocks to `long_text`.
void read_long_jsonl_record(std::string_view start, std::istream& in, const std::string& where,
                            const DocumentSink& on_document, const ErrorSink& on_error,
                            const LongTextSink* long_text) {
  Document header;
  TextSpool text;
  std::string error = read_long_record(start, in, header, text);
  if (in.bad()) return;  // reported once, after the last line
  if (!error.empty()) return on_error({where, error});
  if (header.id.empty()) header.id = where;
  text.rewind();
  if (!long_text || text.size() <= kWholeTextBytes) {
    text.read(header.text, text.size());
    return on_document(std::move(header));
  }
  long_text->begin(std::move(header));
  for (std::string block; text.read(block, block_bytes(*long_text));) long_text->block(block);
  long_text->end();
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
  for (LineRead read; (read = read_line(in, line, kLongRecordBytes)) != LineRead::end;) {
    ++number;
    std::string where = name + ":" + std::to_string(number);
    if (number == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);  // a byte order mark
    if (read == LineRead::long_line) {
      read_long_jsonl_record(line, in, where, on_document, on_error, long_text);
      continue;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    // Room for simdjson's padding, so that the line is parsed where it is
    // rather than copied (the line is reused, so this allocates rarely).
    line.reserve(line.size() + simdjson::SIMDJSON_PADDING);
    Document doc;
    std::string error = parse_jsonl_record(line, doc);
    if (!error.empty()) {
      on_error({where, error});
      continue;
    }
    if (doc.id.empty()) doc.id = where;
    on_document(std::move(doc));
  }
  if (in.bad()) on_error({name + ":" + std::to_string(number + 1), std::string("read error: ") + std::strerror(errno)});
}

}  // namespace

}  // namespace zhibiao::io
