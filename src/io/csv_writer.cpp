#include "io/record_writer.hpp"

#include <ranges>
#include <string>
#include <string_view>

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
  void header(const std::vector<std::string_view>& columns) override { write_line(columns); }
  void record(const Fields& fields) override { write_line(fields | std::views::values); }

 private:
  // One line of the values, each escaped.
  template <typename Values>
  void write_line(Values&& values) {
    std::string line;
    bool first = true;
    for (std::string_view v : values) {
      if (!first) line += ',';
      first = false;
      line += csv_escape(v);
    }
    out_ << line << '\n';
  }

  std::ostream& out_;
};

}  // namespace

std::unique_ptr<RecordWriter> make_csv_writer(std::ostream& out) { return std::make_unique<CsvWriter>(out); }

}  // namespace zhibiao::io
