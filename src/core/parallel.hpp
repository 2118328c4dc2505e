// Running independent pieces of work on a few threads.
#pragma once

#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace zhibiao::detail {

// Calls work(i) for every i in [0, count) on up to `threads` threads, the
// calling thread among them. Each thread takes the next index not yet
// taken, so pieces of very different sizes still keep every thread busy.
template <typename Work>
void parallel_for(std::size_t count, unsigned threads, Work&& work) {
  std::atomic<std::size_t> next{0};
  auto run = [&] {
    for (std::size_t i = next++; i < count; i = next++) work(i);
  };
  std::vector<std::thread> helpers;
  for (unsigned t = 1; t < threads && t < count; ++t) helpers.emplace_back(run);
  run();
  for (auto& h : helpers) h.join();
}

}  // namespace zhibiao::detail
