#include "cli/pipeline.hpp"

#include <algorithm>
#include <numeric>

#include "core/parallel.hpp"

namespace zhibiao::cli {
namespace {

// A batch is this many bytes of text or this many documents, whichever
// comes first: large enough to keep the threads busy, small enough that
// memory stays flat.
constexpr std::size_t kBatchBytes = 4 << 20;
constexpr std::size_t kBatchDocuments = 512;

}  // namespace

Pipeline::Pipeline(unsigned jobs, FormatDocument format, std::ostream& out, std::ostream& err,
                   std::function<void(std::size_t, std::size_t, std::size_t)> on_batch)
    : jobs_(jobs == 0 ? 1 : jobs), format_(std::move(format)), out_(out), err_(err), on_batch_(std::move(on_batch)) {}

void Pipeline::add(Document&& doc) {
  batch_bytes_ += doc.text.size();
  batch_.push_back(std::move(doc));
  if (batch_bytes_ >= kBatchBytes || batch_.size() >= kBatchDocuments) flush();
}

void Pipeline::finish() { flush(); }

void Pipeline::flush() {
  if (batch_.empty()) return;
  std::vector<Formatted> results(batch_.size());
  // Documents differ in length by a hundred times: each thread takes the
  // next one left rather than a fixed share, longest first, so the batch
  // does not end with one thread on a long document and the others idle.
  std::vector<std::size_t> longest_first(batch_.size());
  std::iota(longest_first.begin(), longest_first.end(), std::size_t{0});
  if (jobs_ > 1)
    std::stable_sort(longest_first.begin(), longest_first.end(),
                     [&](std::size_t a, std::size_t b) { return batch_[a].text.size() > batch_[b].text.size(); });
  detail::parallel_for(batch_.size(), jobs_, [&](std::size_t k) {
    std::size_t i = longest_first[k];
    results[i] = format_(batch_[i]);
  });
  std::size_t records = 0;
  for (const auto& r : results) {
    out_ << r.records;
    err_ << r.diagnostics;
    records += r.record_count;
  }
  if (on_batch_) on_batch_(batch_.size(), batch_bytes_, records);
  batch_.clear();
  batch_bytes_ = 0;
}

}  // namespace zhibiao::cli
