// Compiling patterns on another core while the rule pack is still being read.
//
// Reading a pack (TOML, macros, templates) runs on one thread, and the
// indicators' name and exclusion patterns are known early in it. They are
// compiled here, on a thread of their own, as soon as they are added, so
// the second core is not idle while the first reads on; finish() compiles
// whatever is left on the calling thread too.
#pragma once

#include <re2/re2.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace zhibiao::detail {

class BackgroundCompiler {
 public:
  // With use_thread false (a one-core machine), everything compiles in finish().
  explicit BackgroundCompiler(bool use_thread);
  ~BackgroundCompiler();
  BackgroundCompiler(const BackgroundCompiler&) = delete;
  BackgroundCompiler& operator=(const BackgroundCompiler&) = delete;

  // Queues a pattern; its index in finish()'s result is the number of
  // patterns added before it.
  void add(std::string pattern, const RE2::Options& options);
  // Every pattern added so far, compiled, in the order added (check ok()).
  // The queue is empty afterwards.
  std::vector<std::unique_ptr<RE2>> finish();

 private:
  struct Job {
    std::string pattern;
    RE2::Options options;
    std::unique_ptr<RE2> compiled;
  };
  // The next job nobody has taken, or null when there is none (or, with
  // `wait`, none and the queue is closed).
  Job* take(bool wait);
  // Compiles a job take() gave out, and says it is done.
  void compile(Job& job);
  void work();

  std::mutex mutex_;
  std::condition_variable added_;
  std::deque<Job> jobs_;  // a deque: a job stays where it is while others are added
  std::size_t next_ = 0;  // jobs_[next_] is the first not taken
  std::size_t running_ = 0;
  std::condition_variable idle_;
  bool closing_ = false;
  std::thread worker_;
};

}  // namespace zhibiao::detail
