#include "io/record_writer.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace zhibiao::io {

namespace {

bool needs_quotes(std::string_view field) {
  // A plain loop: find_first_of(",\"\r\n") calls memchr once per byte.
  for (char c : field)
    if (c == ',' || c == '"' || c == '\r' || c == '\n') return true;
  return false;
}

// Appends `field` to `out` as one CSV field.
void append_field(std::string& out, std::string_view field) {
  if (!needs_quotes(field)) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

class CsvWriter : public RecordWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}
  void header(const std::vector<std::string_view>& columns) override {
    line_.clear();
    for (std::size_t i = 0; i < columns.size(); ++i) add(i, columns[i]);
    end_line();
  }
  void record(const Fields& fields) override {
    line_.clear();
    for (std::size_t i = 0; i < fields.size(); ++i) add(i, fields[i].second);
    end_line();
  }

 private:
  void add(std::size_t index, std::string_view value) {
    if (index > 0) line_ += ',';
    append_field(line_, value);
  }
  void end_line() {
    line_ += '\n';
    out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
  }

  std::ostream& out_;
  std::string line_;  // one line, its buffer reused from record to record
};

}  // namespace

std::string csv_escape(std::string_view field) {
  std::string out;
  append_field(out, field);
  return out;
}

std::unique_ptr<RecordWriter> make_csv_writer(std::ostream& out) { return std::make_unique<CsvWriter>(out); }

}  // namespace zhibiao::io
