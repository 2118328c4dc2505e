#include "zhibiao/document_stream.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/ordered_pipeline.hpp"
#include "document_carry.hpp"
#include "matched_part.hpp"
#include "rules/compiled_pack.hpp"
#include "text/part_cut.hpp"

namespace zhibiao {

// A part taken by ready_facts or ready_quantities. It holds a copy of its
// text, since the buffer moves on while the part is extracted.
struct DocumentStream::Part {
  std::string text;
  std::size_t offset = 0;  // in the whole text
  bool more_parts = true;
  bool facts_wanted = true;
  std::unique_ptr<detail::MatchedPart> matched;  // between match() and finish()
  std::vector<Fact> facts;
  std::vector<Quantity> quantities;
  detail::InvalidBytes invalid;  // reported as the part is handed out
};

// The parts on their threads: matched on any thread, finished in order.
class DocumentStream::Parts : public detail::OrderedPipeline<Part> {
  using OrderedPipeline::OrderedPipeline;
};

DocumentStream::DocumentStream(const Extractor& extractor, Document header, std::size_t part_bytes)
    : extractor_(extractor),
      header_(std::move(header)),
      part_bytes_(part_bytes == 0 ? 1 : part_bytes),
      carry_(std::make_unique<detail::DocumentCarry>()) {
  header_.text.clear();
}

// parts_, declared last, is destroyed first: its helpers stop before the
// carry and the header they use are gone.
DocumentStream::~DocumentStream() = default;

void DocumentStream::add(std::string_view bytes) {
  if (closed_) throw std::logic_error("DocumentStream::add after close");
  buffer_.erase(0, consumed_);  // the parts cut off since the last add, at once
  consumed_ = 0;
  buffer_.append(bytes);
}

void DocumentStream::close() { closed_ = true; }

std::size_t DocumentStream::next_cut() const {
  std::string_view rest = unread();
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

bool DocumentStream::buffer_part_ready() {
  if (cut_ != 0) return true;
  std::size_t unread_bytes = unread().size();
  if (unread_bytes == 0 || (!closed_ && unread_bytes < std::max(part_bytes_, retry_at_))) return false;
  cut_ = next_cut();
  // No place to cut yet (a long line): looked for again only once a
  // quarter part more has come, not after every small block.
  if (cut_ == 0) retry_at_ = unread_bytes + part_bytes_ / 4;
  return cut_ != 0;
}

bool DocumentStream::part_ready() { return (parts_ && !parts_->empty()) || buffer_part_ready(); }

std::vector<Fact> DocumentStream::facts(std::vector<Warning>* warnings) {
  if (parts_ && !parts_->empty()) throw std::logic_error("DocumentStream::facts with parts taken by ready_facts");
  if (!buffer_part_ready()) throw std::logic_error("DocumentStream::facts with no part ready");
  bool last = closed_ && cut_ == unread().size();
  auto matched = extractor_.match_part(unread().substr(0, cut_), offset_, !last);
  auto out = extractor_.finish_part(*matched, header_, *carry_);
  extracted_ += cut_;
  part_done();
  carry_->invalid.add(matched->invalid, warnings);
  finish_invalid_if_done(warnings);
  return out;
}

std::vector<Quantity> DocumentStream::quantities(std::vector<Warning>* warnings) {
  if (parts_ && !parts_->empty()) throw std::logic_error("DocumentStream::quantities with parts taken by ready_quantities");
  if (!buffer_part_ready()) throw std::logic_error("DocumentStream::quantities with no part ready");
  detail::InvalidBytes invalid;
  auto out = extractor_.quantities_of_part(unread().substr(0, cut_), offset_, invalid);
  extracted_ += cut_;
  part_done();
  carry_->invalid.add(invalid, warnings);
  finish_invalid_if_done(warnings);
  return out;
}

std::vector<std::vector<Fact>> DocumentStream::ready_facts(unsigned threads, std::vector<Warning>* warnings) {
  std::vector<std::vector<Fact>> out;
  for (Part& part : extract_ready_parts(threads, true, warnings)) out.push_back(std::move(part.facts));
  return out;
}

std::vector<std::vector<Quantity>> DocumentStream::ready_quantities(unsigned threads, std::vector<Warning>* warnings) {
  std::vector<std::vector<Quantity>> out;
  for (Part& part : extract_ready_parts(threads, false, warnings)) out.push_back(std::move(part.quantities));
  return out;
}

std::vector<DocumentStream::Part> DocumentStream::extract_ready_parts(unsigned threads, bool facts_wanted,
                                                                      std::vector<Warning>* warnings) {
  threads = std::max(threads, 1u);
  if (!parts_) parts_ = std::make_unique<Parts>([this](Part& p) { match(p); }, [this](Part& p) { finish(p); });
  parts_->set_threads(threads, kPartsPerThread * threads);
  while (buffer_part_ready()) {
    Part part;
    part.text.assign(unread().substr(0, cut_));
    part.offset = offset_;
    part.more_parts = !(closed_ && cut_ == unread().size());
    part.facts_wanted = facts_wanted;
    parts_->add(std::move(part));
    part_done();
  }
  // Until the text is closed, the caller goes back for more text once
  // every part has started or is left to a helper; the helpers go on
  // meanwhile.
  std::vector<Part> done = parts_->take(closed_);
  for (Part& part : done) {
    extracted_ += part.text.size();
    carry_->invalid.add(part.invalid, warnings);
  }
  finish_invalid_if_done(warnings);
  return done;
}

void DocumentStream::finish_invalid_if_done(std::vector<Warning>* warnings) {
  bool all_handed_out = closed_ && unread().empty() && (!parts_ || parts_->empty());
  if (all_handed_out) carry_->invalid.finish(warnings);
}

void DocumentStream::match(Part& part) const {
  if (part.facts_wanted) {
    part.matched = extractor_.match_part(part.text, part.offset, part.more_parts);
    part.invalid = std::move(part.matched->invalid);
  } else {
    part.quantities = extractor_.quantities_of_part(part.text, part.offset, part.invalid);
  }
}

void DocumentStream::finish(Part& part) {
  if (!part.matched) return;  // quantities need no finishing
  part.facts = extractor_.finish_part(*part.matched, header_, *carry_);
  part.matched.reset();
}

void DocumentStream::part_done() {
  consumed_ += cut_;
  offset_ += cut_;
  cut_ = 0;
  retry_at_ = 0;
}

}  // namespace zhibiao
