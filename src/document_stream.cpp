#include "zhibiao/document_stream.hpp"

#include <algorithm>
#include <stdexcept>

#include "document_carry.hpp"
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

bool DocumentStream::part_ready() {
  if (cut_ != 0) return true;
  if (buffer_.empty() || (!closed_ && buffer_.size() < std::max(part_bytes_, retry_at_))) return false;
  const detail::CompiledPack& pack = extractor_.pack_.compiled();
  text::PartCut cut{*pack.fold, pack.segments.sentence_end};
  if (closed_) {
    // What is left is the last part, unless it is long enough to cut again.
    cut_ = buffer_.size() > part_bytes_ ? cut(buffer_, part_bytes_, 0) : 0;
    if (cut_ == 0) cut_ = buffer_.size();
  } else {
    // A line may run on past the buffer: it is waited for up to twice a
    // part's length before it is cut inside.
    cut_ = cut(buffer_, part_bytes_, 2 * part_bytes_);
    // No place to cut yet (a long line): looked for again only once a
    // quarter part more has come, not after every small block.
    if (cut_ == 0) retry_at_ = buffer_.size() + part_bytes_ / 4;
  }
  return cut_ != 0;
}

std::vector<Fact> DocumentStream::facts(std::vector<Warning>* warnings) {
  if (!part_ready()) throw std::logic_error("DocumentStream::facts with no part ready");
  bool last = closed_ && cut_ == buffer_.size();
  auto out = extractor_.facts_of_part(std::string_view(buffer_).substr(0, cut_), offset_, header_, *carry_, !last,
                                      warnings);
  part_done();
  return out;
}

std::vector<Quantity> DocumentStream::quantities(std::vector<Warning>* warnings) {
  if (!part_ready()) throw std::logic_error("DocumentStream::quantities with no part ready");
  auto out = extractor_.quantities_of_part(std::string_view(buffer_).substr(0, cut_), offset_, warnings);
  part_done();
  return out;
}

void DocumentStream::part_done() {
  buffer_.erase(0, cut_);
  offset_ += cut_;
  cut_ = 0;
  retry_at_ = 0;
}

}  // namespace zhibiao
