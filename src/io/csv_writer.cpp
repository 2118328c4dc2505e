#include "io/record_writer.hpp"

#include <string>
#include <string_view>
#include <vector>

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
  void record(const Fields& fields) override {
    // (Not fields | std::views::values: clang cannot compile that against
    // GCC 12's <ranges>, and the fuzz targets build with clang.)
    std::vector<std::string_view> values;
    values.reserve(fields.size());
    for (const auto& field : fields) values.push_back(field.second);
    write_line(values);
  }

 private:
  // One line of the values, each escaped.
  void write_line(const std::vector<std::string_view>& values) {
    std::string line;
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i > 0) line += ',';
      line += csv_escape(values[i]);
    }
    out_ << line << '\n';
  }

  std::ostream& out_;
};

}  // namespace

std::unique_ptr<RecordWriter> make_csv_writer(std::ostream& out) { return std::make_unique<CsvWriter>(out); }

}  // namespace zhibiao::io
