#include "cli/progress.hpp"

#include <fmt/format.h>

#include <cstdio>

namespace zhibiao::cli {

namespace {
constexpr auto kInterval = std::chrono::milliseconds(500);
}

Progress::Progress(bool enabled) : enabled_(enabled), start_(std::chrono::steady_clock::now()), last_(start_) {}

void Progress::add(std::size_t documents, std::size_t bytes, std::size_t records) {
  documents_ += documents;
  bytes_ += bytes;
  records_ += records;
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < kInterval) return;
  last_ = now;
  print();
}

void Progress::print() {
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  double mb = static_cast<double>(bytes_) / 1e6;
  fmt::print(stderr, "\r{} documents, {:.1f} MB, {:.1f} MB/s, {} records   ", documents_, mb,
             seconds > 0 ? mb / seconds : 0.0, records_);
  std::fflush(stderr);
  printed_ = true;
}

void Progress::finish() {
  if (!enabled_) return;
  print();
  fmt::print(stderr, "\n");
}

}  // namespace zhibiao::cli
