// Jobs in two stages on a few threads: the first stage of any job on any
// thread, several at once; the second stage one job at a time, in the order
// the jobs were added (it may carry state from job to job).
//
// The threads are the caller's, inside take(), and `threads - 1` helpers
// that keep working between calls. So the helpers go on with the jobs
// already added while the caller is away reading the input for the next
// ones: no thread waits at the end of every read, as it would if each call
// ran its jobs to the end (the cost that kept -j 2 on one long text at
// 1.3-1.85 times -j 1).
//
// take() hands out jobs as soon as they are done, and until the input ends
// it leaves a job for each helper and returns once the rest have started,
// so that the caller gets back to reading.
//
// Invariants, all under one mutex:
// - entries_ are the jobs not yet taken, in order. The first next_second_
//   are done; the first next_first_ have started their first stage.
//   next_second_ <= next_first_.
// - At most `window` jobs are between their stages (started, not done:
//   next_first_ - next_second_ <= window). What a job holds between its
//   stages is kept for at most that many jobs, so memory stays flat however
//   far the input runs ahead; a done job waits only until the next take().
// - At most one thread runs a second stage (second_running_).
// Each stage runs with the mutex released; a job's entry stays where it is
// meanwhile (std::deque keeps references on push_back, and only done jobs
// are popped).
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace zhibiao::detail {

template <class Job>
class OrderedPipeline {
 public:
  using Stage = std::function<void(Job&)>;

  OrderedPipeline(Stage first, Stage second) : first_(std::move(first)), second_(std::move(second)) {}
  OrderedPipeline(const OrderedPipeline&) = delete;
  OrderedPipeline& operator=(const OrderedPipeline&) = delete;

  // Helpers stop after the stage they are in; jobs not done are dropped.
  ~OrderedPipeline() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    for (auto& helper : helpers_) helper.join();
  }

  // Up to `threads` threads in all (helpers are started, never stopped
  // before the end), and at most `window` jobs between their stages.
  void set_threads(unsigned threads, std::size_t window) {
    std::lock_guard lock(mutex_);
    window_ = std::max<std::size_t>(window, 1);
    while (helpers_.size() + 1 < threads) helpers_.emplace_back([this] { help(); });
  }

  void add(Job job) {
    {
      std::lock_guard lock(mutex_);
      entries_.push_back(Entry{std::move(job)});
    }
    changed_.notify_all();
  }

  bool empty() const {
    std::lock_guard lock(mutex_);
    return entries_.empty();
  }

  // Works alongside the helpers, then hands out the jobs done at the
  // front, in order. It returns as soon as any are done, when there are no
  // jobs, or, unless `wait_for_all`, once every job has started or is left
  // to a helper (they go on while the caller gets more input; a later call
  // hands their jobs out). An exception thrown by a stage on any thread is
  // thrown here.
  std::vector<Job> take(bool wait_for_all) {
    std::unique_lock lock(mutex_);
    // Until the input ends, the caller leaves a job for each helper to
    // start: the helpers then work on while the caller reads more input.
    const std::size_t keep_for_helpers = wait_for_all ? 0 : helpers_.size();
    for (;;) {
      if (failure_) std::rethrow_exception(failure_);
      // Jobs done are handed out at once: the caller writes them out while
      // the helpers go on, and memory holds few of them.
      if (next_second_ > 0 || entries_.empty()) break;
      if (work_one(lock, keep_for_helpers) || failure_) continue;
      // Nothing this thread can run now.
      if (!wait_for_all && next_first_ + keep_for_helpers >= entries_.size()) break;
      changed_.wait(lock);
    }
    std::vector<Job> done;
    for (; next_second_ > 0; --next_second_, --next_first_) {
      done.push_back(std::move(entries_.front().job));
      entries_.pop_front();
    }
    return done;
  }

 private:
  struct Entry {
    Job job;
    bool first_done = false;
  };

  void help() {
    std::unique_lock lock(mutex_);
    while (!stop_)
      if (!work_one(lock, 0)) changed_.wait(lock);
  }

  // Runs one stage of one job, if there is one this thread may run now:
  // the next second stage first (it frees the window), else the next first
  // stage. False when there is none.
  bool work_one(std::unique_lock<std::mutex>& lock, std::size_t keep_for_helpers) {
    if (stop_) return false;
    if (!second_running_ && next_second_ < next_first_ && entries_[next_second_].first_done) {
      second_running_ = true;
      Entry& entry = entries_[next_second_];
      bool ok = run(lock, second_, entry.job);
      second_running_ = false;
      if (ok) ++next_second_;
      return ok;
    }
    if (next_first_ + keep_for_helpers < entries_.size() && next_first_ - next_second_ < window_) {
      Entry& entry = entries_[next_first_++];
      entry.first_done = run(lock, first_, entry.job);
      return entry.first_done;
    }
    return false;
  }

  // Runs a stage with the mutex released. A stage that throws stops every
  // thread; take() throws its exception.
  bool run(std::unique_lock<std::mutex>& lock, const Stage& stage, Job& job) {
    lock.unlock();
    std::exception_ptr failure;
    try {
      stage(job);
    } catch (...) {
      failure = std::current_exception();
    }
    lock.lock();
    if (failure && !failure_) failure_ = failure;
    if (failure) stop_ = true;
    changed_.notify_all();
    return !failure;
  }

  Stage first_, second_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Entry> entries_;
  std::size_t next_first_ = 0;   // entries_[0, next_first_) have started
  std::size_t next_second_ = 0;  // entries_[0, next_second_) are done
  std::size_t window_ = 1;
  bool second_running_ = false;
  bool stop_ = false;
  std::exception_ptr failure_;
  std::vector<std::thread> helpers_;
};

}  // namespace zhibiao::detail
