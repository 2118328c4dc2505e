// Writers for the two output formats. Both take records as Fields (see
// records.hpp) so they print the same values.
#pragma once

#include <memory>
#include <ostream>
#include <string_view>
#include <vector>

#include "io/records.hpp"

namespace zhibiao::io {

class RecordWriter {
 public:
  virtual ~RecordWriter() = default;
  virtual void header(const std::vector<std::string_view>& columns) = 0;
  virtual void record(const Fields& fields) = 0;
};

// RFC 4180: comma-separated, CRLF-free (LF line ends), a field quoted when it
// holds a comma, quote, CR or LF, quotes doubled.
std::unique_ptr<RecordWriter> make_csv_writer(std::ostream& out);
// One JSON object a line, every field a string.
std::unique_ptr<RecordWriter> make_jsonl_writer(std::ostream& out);

std::string csv_escape(std::string_view field);
std::string json_escape(std::string_view s);

}  // namespace zhibiao::io
