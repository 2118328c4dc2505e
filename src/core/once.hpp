// Work done once, by whichever thread asks first, for objects asked at
// every match.
#pragma once

#include <atomic>
#include <mutex>

namespace zhibiao::detail {

// std::call_once with the common case, done already, as one atomic load.
// libstdc++'s call_once sets thread-local state and calls pthread_once
// every time: asked at every match (a rule's compiled pattern, a leading
// gap's parts), it took about 1% of a run's time (perf on 60 MB of the
// corpus, 2026-12-01).
class Once {
 public:
  // Runs `work` unless it has run; other threads asking meanwhile wait for
  // it. If `work` throws, it has not run.
  template <typename Work>
  void operator()(Work&& work) const {
    if (done_.load(std::memory_order_acquire)) return;
    std::call_once(flag_, [&] {
      work();
      done_.store(true, std::memory_order_release);
    });
  }
  bool done() const { return done_.load(std::memory_order_acquire); }

 private:
  mutable std::once_flag flag_;
  mutable std::atomic<bool> done_{false};
};

}  // namespace zhibiao::detail
