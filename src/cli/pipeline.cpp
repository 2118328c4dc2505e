#include "cli/pipeline.hpp"

#include <algorithm>
#include <atomic>
#include <numeric>
#include <thread>

#include "core/parallel.hpp"

namespace zhibiao::cli {
namespace {

// A batch is this many bytes of text or this many documents, whichever
// comes first: large enough to keep the threads busy, small enough that
// memory stays flat. (4 MB and 512 took 5 MB more at the peak with -j 2 on
// text dense with figures, 61.7 against 56.8 MB, for no speed that 9 runs
// in turn could tell apart: bench/README.md.)
constexpr std::size_t kBatchBytes = 2 << 20;
constexpr std::size_t kBatchDocuments = 256;

}  // namespace

// A batch on its way through the threads: each takes the next document not
// yet taken, so documents a hundred times apart in length still keep every
// thread busy.
struct Pipeline::Batch {
  std::vector<Document> docs;
  std::size_t bytes = 0;
  std::vector<std::size_t> order;  // the order documents are taken in
  std::vector<Formatted> results;  // by document
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> helpers;
  detail::FirstFailure failure;  // rethrown by complete()

  void work(const FormatDocument& format) {
    try {
      for (std::size_t k = next++; k < order.size(); k = next++) results[order[k]] = format(docs[order[k]]);
    } catch (...) {
      next = order.size();  // the other threads stop at their next document
      failure.keep_current();
    }
  }
};

Pipeline::Pipeline(unsigned jobs, FormatDocument format, std::ostream& out, std::ostream& err,
                   std::function<void(std::size_t, std::size_t, std::size_t)> on_batch)
    : jobs_(jobs == 0 ? 1 : jobs), format_(std::move(format)), out_(out), err_(err), on_batch_(std::move(on_batch)) {}

// Only reached with a batch still running when add() or finish() threw
// (a write failed): the helpers must end before their batch is freed.
Pipeline::~Pipeline() {
  if (!running_) return;
  running_->next = running_->order.size();
  for (auto& h : running_->helpers) h.join();
}

void Pipeline::add(Document&& doc) {
  batch_bytes_ += doc.text.size();
  batch_.push_back(std::move(doc));
  if (batch_bytes_ >= kBatchBytes || batch_.size() >= kBatchDocuments) flush();
}

void Pipeline::finish() {
  flush();
  if (running_) complete();
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
  if (running_) complete();
  if (batch_.empty()) return;
  start();
  // One thread has nothing to read the next batch alongside: it extracts
  // the batch now, so output follows input as closely as before.
  if (jobs_ == 1) complete();
}

void Pipeline::start() {
  running_ = std::make_unique<Batch>();
  Batch& b = *running_;
  b.docs = std::move(batch_);
  b.bytes = batch_bytes_;
  batch_.clear();
  batch_bytes_ = 0;
  b.results.resize(b.docs.size());
  // Longest first, so the batch does not end with one thread on a long
  // document while the others wait.
  b.order.resize(b.docs.size());
  std::iota(b.order.begin(), b.order.end(), std::size_t{0});
  if (jobs_ > 1)
    std::stable_sort(b.order.begin(), b.order.end(),
                     [&](std::size_t x, std::size_t y) { return b.docs[x].text.size() > b.docs[y].text.size(); });
  for (unsigned t = 1; t < jobs_ && t < b.docs.size(); ++t) b.helpers.emplace_back([&b, this] { b.work(format_); });
}

void Pipeline::complete() {
  Batch& b = *running_;
  b.work(format_);
  for (auto& h : b.helpers) h.join();
  b.helpers.clear();
  // The threads are done: the batch is freed on return, whether or not
  // its work failed.
  std::unique_ptr<Batch> batch = std::move(running_);
  b.failure.rethrow_if_any();
  std::size_t records = 0;
  for (const auto& r : b.results) {
    out_ << r.records;
    err_ << r.diagnostics;
    records += r.record_count;
  }
  if (on_batch_) on_batch_(b.docs.size(), b.bytes, records);
}

}  // namespace zhibiao::cli
