#include "rules/background_compiler.hpp"

namespace zhibiao::detail {

BackgroundCompiler::BackgroundCompiler(bool use_thread) {
  if (use_thread) worker_ = std::thread([this] { work(); });
}

BackgroundCompiler::~BackgroundCompiler() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  added_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void BackgroundCompiler::add(std::string pattern, const RE2::Options& options) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back({std::move(pattern), options, nullptr});
  }
  added_.notify_one();
}

BackgroundCompiler::Job* BackgroundCompiler::take(bool wait) {
  std::unique_lock lock(mutex_);
  if (wait) added_.wait(lock, [this] { return next_ < jobs_.size() || closing_; });
  if (next_ >= jobs_.size()) return nullptr;
  ++running_;
  return &jobs_[next_++];
}

void BackgroundCompiler::compile(Job& job) {
  job.compiled = std::make_unique<RE2>(job.pattern, job.options);
  {
    std::lock_guard lock(mutex_);
    --running_;
  }
  idle_.notify_all();
}

void BackgroundCompiler::work() {
  while (Job* job = take(true)) compile(*job);
}

std::vector<std::unique_ptr<RE2>> BackgroundCompiler::finish() {
  // Help with what is left, then wait for the job the worker is on.
  while (Job* job = take(false)) compile(*job);
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [this] { return running_ == 0; });
  std::vector<std::unique_ptr<RE2>> out;
  for (auto& job : jobs_) out.push_back(std::move(job.compiled));
  jobs_.clear();
  next_ = 0;
  return out;
}

}  // namespace zhibiao::detail
