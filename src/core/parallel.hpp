// Running independent pieces of work on a few threads.
#pragma once

#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace zhibiao::detail {

// The first exception any of several threads throws, kept to be rethrown
// on the thread that waits for them all.
class FirstFailure {
 public:
  // In a catch block: keeps the exception being handled, unless one is kept.
  void keep_current() {
    std::lock_guard lock(mutex_);
    if (!failure_) failure_ = std::current_exception();
  }
  // Once the threads have stopped.
  void rethrow_if_any() const {
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  std::mutex mutex_;
  std::exception_ptr failure_;
};

// Calls work(i) for every i in [0, count) on up to `threads` threads, the
// calling thread among them. Each thread takes the next index not yet
// taken, so pieces of very different sizes still keep every thread busy.
// The first exception work throws is rethrown here once every thread has
// stopped (the others take no new index after it).
template <typename Work>
void parallel_for(std::size_t count, unsigned threads, Work&& work) {
  std::atomic<std::size_t> next{0};
  FirstFailure failure;
  auto run = [&] {
    try {
      for (std::size_t i = next++; i < count; i = next++) work(i);
    } catch (...) {
      next = count;
      failure.keep_current();
    }
  };
  std::vector<std::thread> helpers;
  for (unsigned t = 1; t < threads && t < count; ++t) helpers.emplace_back(run);
  run();
  for (auto& h : helpers) h.join();
  failure.rethrow_if_any();
}

}  // namespace zhibiao::detail
