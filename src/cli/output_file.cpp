#include "cli/output_file.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <stdexcept>

namespace zhibiao::cli {

OutputFile::OutputFile(const std::string& path) : path_(path) {
  if (path_.empty()) return;
  temp_ = path_ + fmt::format(".tmp.{}", ::getpid());
  file_.open(temp_, std::ios::binary | std::ios::trunc);
  if (!file_) throw std::runtime_error("cannot write " + path_);
}

OutputFile::~OutputFile() {
  if (!temp_.empty() && !committed_) std::remove(temp_.c_str());
}

std::ostream& OutputFile::stream() { return path_.empty() ? std::cout : file_; }

void OutputFile::commit() {
  stream().flush();
  if (path_.empty()) {
    if (!std::cout) throw std::runtime_error("error writing standard output");
    return;
  }
  file_.close();
  if (!file_ || std::rename(temp_.c_str(), path_.c_str()) != 0) throw std::runtime_error("cannot write " + path_);
  committed_ = true;
}

}  // namespace zhibiao::cli
