#include "io/record_writer.hpp"

namespace zhibiao::io {

std::string csv_escape(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

namespace {

class CsvWriter : public RecordWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}
  void header(const std::vector<std::string_view>& columns) override {
    std::string line;
    for (auto c : columns) {
      if (!line.empty()) line += ',';
      line += csv_escape(c);
    }
    out_ << line << '\n';
  }
  void record(const Fields& fields) override {
    std::string line;
    bool first = true;
    for (const auto& [name, value] : fields) {
      if (!first) line += ',';
      first = false;
      line += csv_escape(value);
    }
    out_ << line << '\n';
  }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<RecordWriter> make_csv_writer(std::ostream& out) { return std::make_unique<CsvWriter>(out); }

}  // namespace zhibiao::io
