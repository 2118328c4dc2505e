#include "cli/pipeline.hpp"

#include <algorithm>
#include <numeric>

namespace zhibiao::cli {
namespace {

// A batch is this many bytes of text or this many documents, whichever
// comes first: large enough to keep the threads busy, small enough that
// memory stays flat. (4 MB and 512 took 5 MB more at the peak with -j 2 on
// text dense with figures, 61.7 against 56.8 MB, for no speed that 9 runs
// in turn could tell apart: bench/README.md.)
constexpr std::size_t kBatchBytes = 2 << 20;
constexpr std::size_t kBatchDocuments = 256;
// One thread has no other to keep busy: a batch only saves writes, and its
// text and records are memory held for nothing. 256 KB took 3.4 MB less at
// the peak on 73 MB of JSON Lines dense with figures (55,576-56,792 KB
// against 59,148-59,968 KB; bench/README.md, "The twenty-fifth session").
constexpr std::size_t kOneThreadBatchBytes = 256 << 10;

}  // namespace

struct Pipeline::Batch {
  std::vector<Document> docs;
  std::size_t bytes = 0;
  std::vector<std::size_t> order;  // the order documents are taken in
  std::vector<Formatted> results;  // by document
  // Under the pipeline's mutex: documents taken so far, and of those, done;
  // the first exception one of them threw.
  std::size_t taken = 0, done = 0;
  std::exception_ptr failure;
};

Pipeline::Pipeline(unsigned jobs, FormatDocument format, std::ostream& out, std::ostream& err,
                   std::function<void(std::size_t, std::size_t, std::size_t)> on_batch)
    : jobs_(jobs == 0 ? 1 : jobs), format_(std::move(format)), out_(out), err_(err), on_batch_(std::move(on_batch)) {}

// The helpers end once their document is done; the batches they read are
// freed after them.
Pipeline::~Pipeline() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_.notify_all();
  for (auto& h : helpers_) h.join();
}

void Pipeline::add(Document&& doc) {
  batch_bytes_ += doc.text.size();
  batch_.push_back(std::move(doc));
  std::size_t most_bytes = jobs_ == 1 ? kOneThreadBatchBytes : kBatchBytes;
  if (batch_bytes_ >= most_bytes || batch_.size() >= kBatchDocuments) flush();
}

void Pipeline::finish() {
  flush();
  while (!running_.empty()) complete_oldest();
}

void Pipeline::write(const Formatted& records, std::size_t bytes) {
  out_ << records.records;
  err_ << records.diagnostics;
  if (on_batch_) on_batch_(0, bytes, records.record_count);
}

void Pipeline::count_document() {
  if (on_batch_) on_batch_(1, 0, 0);
}

void Pipeline::flush() {
  if (batch_.empty()) return;
  hand_on(take_batch());
  // One thread (no helpers) has nothing to read the next batch alongside:
  // it extracts the batch now, so output follows input as closely as
  // before. With more, the batch before is finished before reading on:
  // memory holds two. (Only this thread adds or removes running batches.)
  if (jobs_ == 1 || running_.size() > 1) complete_oldest();
}

std::unique_ptr<Pipeline::Batch> Pipeline::take_batch() {
  auto b = std::make_unique<Batch>();
  b->docs = std::move(batch_);
  b->bytes = batch_bytes_;
  batch_.clear();
  batch_bytes_ = 0;
  b->results.resize(b->docs.size());
  // Longest first, so that a batch's last documents, when one thread may
  // be left alone on them, are short.
  b->order.resize(b->docs.size());
  std::iota(b->order.begin(), b->order.end(), std::size_t{0});
  if (jobs_ > 1)
    std::stable_sort(b->order.begin(), b->order.end(),
                     [&](std::size_t x, std::size_t y) { return b->docs[x].text.size() > b->docs[y].text.size(); });
  return b;
}

void Pipeline::hand_on(std::unique_ptr<Batch> b) {
  {
    std::lock_guard lock(mutex_);
    running_.push_back(std::move(b));
  }
  work_.notify_all();
  if (helpers_.empty())
    for (unsigned t = 1; t < jobs_; ++t) helpers_.emplace_back([this] { helper_loop(); });
}

bool Pipeline::take(Task& task) {
  if (failure_) return false;  // no document is started after a failure
  for (auto& b : running_) {
    if (b->taken < b->order.size()) {
      task = {b.get(), b->order[b->taken++]};
      return true;
    }
  }
  return false;
}

void Pipeline::run(const Task& task, std::unique_lock<std::mutex>& lock) {
  lock.unlock();
  std::exception_ptr error;
  try {
    task.batch->results[task.doc] = format_(task.batch->docs[task.doc]);
  } catch (...) {
    error = std::current_exception();
  }
  lock.lock();
  if (error && !task.batch->failure) task.batch->failure = error;
  if (error && !failure_) failure_ = error;
  ++task.batch->done;
  done_.notify_all();
}

void Pipeline::helper_loop() {
  std::unique_lock lock(mutex_);
  for (;;) {
    Task task;
    work_.wait(lock, [&] { return stopping_ || take(task); });
    if (!task.batch) return;  // stopping
    run(task, lock);
  }
}

void Pipeline::complete_oldest() {
  std::unique_lock lock(mutex_);
  Batch& oldest = *running_.front();
  // Done when every document taken is done, and all were taken (or a
  // failure stopped the taking). Documents are taken oldest batch first, so
  // a failure in a later batch leaves this one whole, to be written.
  auto complete = [&] { return oldest.done == oldest.taken && (oldest.taken == oldest.order.size() || failure_); };
  while (!complete()) {
    // Rather than wait for the last documents of the oldest batch, this
    // thread takes the next one, of that batch or the next.
    Task task;
    if (take(task)) run(task, lock);
    else done_.wait(lock);
  }
  std::unique_ptr<Batch> batch = std::move(running_.front());
  running_.pop_front();
  std::exception_ptr failure = batch->failure;
  if (!failure && batch->taken < batch->order.size()) failure = failure_;  // cut short: not whole
  lock.unlock();
  if (failure) std::rethrow_exception(failure);
  write_batch(*batch);
}

void Pipeline::write_batch(const Batch& b) {
  std::size_t records = 0;
  for (const auto& r : b.results) {
    out_ << r.records;
    err_ << r.diagnostics;
    records += r.record_count;
  }
  if (on_batch_) on_batch_(b.docs.size(), b.bytes, records);
}

}  // namespace zhibiao::cli
