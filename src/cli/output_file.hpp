// Where extract writes: standard output, or a file written atomically (a
// temporary file beside it, renamed into place only when the run finished),
// so an interrupted or failed run never leaves half a file in its place.
#pragma once

#include <fstream>
#include <ostream>
#include <string>

namespace zhibiao::cli {

class OutputFile {
 public:
  explicit OutputFile(const std::string& path);  // "" = standard output
  ~OutputFile();                                 // removes the temporary file unless committed
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  std::ostream& stream();
  // Flushes and renames into place; throws std::runtime_error on failure.
  void commit();

 private:
  std::string path_, temp_;
  std::ofstream file_;
  bool committed_ = false;
};

}  // namespace zhibiao::cli
