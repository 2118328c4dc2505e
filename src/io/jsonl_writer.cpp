// JSON escaping is written by hand: simdjson (our JSON reader) has no writer
// in the version Debian ships, and escaping a string is a dozen lines.
#include <fmt/format.h>

#include "io/record_writer.hpp"

namespace zhibiao::io {

std::string json_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) out += fmt::format("\\u{:04x}", static_cast<int>(c));
        else out += c;
    }
  }
  return out;
}

namespace {

class JsonlWriter : public RecordWriter {
 public:
  explicit JsonlWriter(std::ostream& out) : out_(out) {}
  void header(const std::vector<std::string_view>&) override {}
  void record(const Fields& fields) override {
    std::string line = "{";
    for (const auto& [name, value] : fields) {
      if (line.size() > 1) line += ',';
      line += '"' + std::string(name) + "\":\"" + json_escape(value) + '"';
    }
    out_ << line << "}\n";
  }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<RecordWriter> make_jsonl_writer(std::ostream& out) { return std::make_unique<JsonlWriter>(out); }

}  // namespace zhibiao::io
