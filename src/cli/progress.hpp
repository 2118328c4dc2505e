// A progress line on stderr for long runs: documents, megabytes, MB/s,
// records. Shown only when stderr is a terminal and --quiet is not given.
#pragma once

#include <chrono>
#include <cstddef>

namespace zhibiao::cli {

class Progress {
 public:
  explicit Progress(bool enabled);
  void add(std::size_t documents, std::size_t bytes, std::size_t records);
  void finish();  // the final line, and a line break

 private:
  void print();
  bool enabled_;
  std::size_t documents_ = 0, bytes_ = 0, records_ = 0;
  std::chrono::steady_clock::time_point start_, last_;
  bool printed_ = false;
};

}  // namespace zhibiao::cli
