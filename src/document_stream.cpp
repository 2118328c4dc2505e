#include "zhibiao/document_stream.hpp"

#include <algorithm>
#include <mutex>
#include <stdexcept>

#include "core/parallel.hpp"
#include "document_carry.hpp"
#include "matched_part.hpp"
#include "rules/compiled_pack.hpp"
#include "text/part_cut.hpp"

namespace zhibiao {

DocumentStream::DocumentStream(const Extractor& extractor, Document header, std::size_t part_bytes)
    : extractor_(extractor),
      header_(std::move(header)),
      part_bytes_(part_bytes == 0 ? 1 : part_bytes),
      carry_(std::make_unique<detail::DocumentCarry>()) {
  header_.text.clear();
}

DocumentStream::~DocumentStream() = default;

void DocumentStream::add(std::string_view bytes) {
  if (closed_) throw std::logic_error("DocumentStream::add after close");
  buffer_.append(bytes);
}

void DocumentStream::close() { closed_ = true; }

std::size_t DocumentStream::next_cut(std::size_t from) const {
  std::string_view rest = std::string_view(buffer_).substr(from);
  if (rest.empty() || (!closed_ && rest.size() < part_bytes_)) return 0;
  const detail::CompiledPack& pack = extractor_.pack_.compiled();
  text::PartCut cut{*pack.fold, pack.segments.sentence_end};
  // What is left of a closed text is the last part, unless it is long
  // enough to cut again (with no line to wait for, a cut is always found).
  // A line may run on past the buffer: it is waited for up to twice a
  // part's length before it is cut inside.
  if (closed_) return rest.size() > part_bytes_ ? cut(rest, part_bytes_, 0) : rest.size();
  return cut(rest, part_bytes_, 2 * part_bytes_);
}

bool DocumentStream::part_ready() {
  if (cut_ != 0) return true;
  if (buffer_.empty() || (!closed_ && buffer_.size() < std::max(part_bytes_, retry_at_))) return false;
  cut_ = next_cut(0);
  // No place to cut yet (a long line): looked for again only once a
  // quarter part more has come, not after every small block.
  if (cut_ == 0) retry_at_ = buffer_.size() + part_bytes_ / 4;
  return cut_ != 0;
}

std::vector<Fact> DocumentStream::facts(std::vector<Warning>* warnings) {
  if (!part_ready()) throw std::logic_error("DocumentStream::facts with no part ready");
  bool last = closed_ && cut_ == buffer_.size();
  auto out = extractor_.facts_of_part(std::string_view(buffer_).substr(0, cut_), offset_, header_, *carry_, !last,
                                      warnings);
  part_done(cut_);
  return out;
}

std::vector<Quantity> DocumentStream::quantities(std::vector<Warning>* warnings) {
  if (!part_ready()) throw std::logic_error("DocumentStream::quantities with no part ready");
  auto out = extractor_.quantities_of_part(std::string_view(buffer_).substr(0, cut_), offset_, warnings);
  part_done(cut_);
  return out;
}

std::vector<std::pair<std::size_t, std::size_t>> DocumentStream::ready_parts(unsigned threads) {
  std::vector<std::pair<std::size_t, std::size_t>> parts;  // [begin, end) in buffer_
  if (!part_ready()) return parts;
  parts.emplace_back(0, cut_);
  while (parts.size() < kPartsPerThread * std::max(threads, 1u)) {
    std::size_t from = parts.back().second;
    std::size_t end = next_cut(from);
    if (end == 0) break;
    parts.emplace_back(from, from + end);
  }
  // Until the text ends, parts wait until there is one for every thread:
  // a part alone would leave the other threads idle.
  if (!closed_ && parts.size() < threads) parts.clear();
  return parts;
}

std::vector<std::vector<Fact>> DocumentStream::ready_facts(unsigned threads, std::vector<Warning>* warnings) {
  auto parts = ready_parts(threads);
  // What each part holds on its own, on the threads at once; what carries
  // from one part to the next, part after part. A thread that has matched a
  // part finishes every part whose turn has come, while the others go on
  // matching, so the finishing overlaps the matching.
  std::string_view buffer = buffer_;
  std::vector<std::unique_ptr<detail::MatchedPart>> matched(parts.size());
  std::vector<std::vector<Fact>> out(parts.size());
  std::mutex finishing;
  std::size_t next_to_finish = 0;
  detail::parallel_for(parts.size(), threads, [&](std::size_t i) {
    auto [begin, end] = parts[i];
    bool last = closed_ && end == buffer.size();
    auto part = extractor_.match_part(buffer.substr(begin, end - begin), offset_ + begin, !last);
    std::lock_guard lock(finishing);
    matched[i] = std::move(part);
    for (; next_to_finish < parts.size() && matched[next_to_finish]; ++next_to_finish) {
      out[next_to_finish] = extractor_.finish_part(*matched[next_to_finish], header_, *carry_, warnings);
      matched[next_to_finish].reset();
    }
  });
  if (!parts.empty()) part_done(parts.back().second);
  return out;
}

std::vector<std::vector<Quantity>> DocumentStream::ready_quantities(unsigned threads, std::vector<Warning>* warnings) {
  auto parts = ready_parts(threads);
  std::string_view buffer = buffer_;
  std::vector<std::vector<Quantity>> out(parts.size());
  std::vector<std::vector<Warning>> part_warnings(parts.size());
  detail::parallel_for(parts.size(), threads, [&](std::size_t i) {
    auto [begin, end] = parts[i];
    out[i] = extractor_.quantities_of_part(buffer.substr(begin, end - begin), offset_ + begin, &part_warnings[i]);
  });
  if (warnings)
    for (auto& w : part_warnings) warnings->insert(warnings->end(), w.begin(), w.end());
  if (!parts.empty()) part_done(parts.back().second);
  return out;
}

void DocumentStream::part_done(std::size_t bytes) {
  buffer_.erase(0, bytes);
  offset_ += bytes;
  cut_ = 0;
  retry_at_ = 0;
}

}  // namespace zhibiao
