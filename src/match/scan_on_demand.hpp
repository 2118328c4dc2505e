// A scan that reads only as far as it is asked to.
//
// An indicator's exclusions (占…{NAME}, 在…{NAME}…中) matter only where they
// cover one of its names, so a match that begins after every name asked
// about is never needed. The range is scanned (scan_with) only up to the
// last name asked about so far, and a later question goes on from where
// the last stopped: the matches are those of one scan over the whole
// range, in the same order.
#pragma once

#include <re2/re2.h>

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "match/lead_chars.hpp"
#include "match/scan.hpp"

namespace zhibiao::match {

class ScanOnDemand {
 public:
  using Span = std::pair<std::size_t, std::size_t>;

  // The matches of `re` in text[from, to); `lead` as for scan_with(). The
  // pattern, the lead characters and the text must outlive the scan.
  ScanOnDemand(const RE2& re, const std::optional<LeadChars>& lead, std::string_view text, std::size_t from,
               std::size_t to)
      : re_(re), lead_(lead ? &*lead : nullptr), text_(text), next_(from), to_(std::min(to, text.size())) {}
  // The same for a pattern whose every match is one of `starts` and then
  // more that begins with an `after` character (see scan_at_starts); they
  // must outlive the scan too.
  ScanOnDemand(const RE2& re, const std::vector<NameAt>& starts, const std::optional<LeadChars>& after,
               std::string_view text, std::size_t from, std::size_t to)
      : re_(re),
        lead_(nullptr),
        starts_(&starts),
        after_(after ? &*after : nullptr),
        text_(text),
        next_(from),
        to_(std::min(to, text.size())) {}

  // Every match that begins at or before `pos`, in text order.
  const std::vector<Span>& through(std::size_t pos) {
    if (next_ > pos) return found_;  // (past to_ once the scan has ended)
    auto record = [&](const Hit& h) { found_.emplace_back(h.begin, h.end); };
    if (starts_) next_ = scan_at_starts(re_, *starts_, after_, text_, record, next_, to_, pos);
    else if (lead_) next_ = scan_at_leads(re_, *lead_, text_, record, next_, to_, NoneSetAside{}, pos);
    else next_ = scan(re_, text_, record, next_, to_, pos);
    return found_;
  }

 private:
  const RE2& re_;
  const LeadChars* lead_;  // null: searched rather than tried at leads
  const std::vector<NameAt>* starts_ = nullptr;  // when set: tried only at these
  const LeadChars* after_ = nullptr;             // with starts_: what must follow one

  std::string_view text_;
  std::size_t next_;  // where the scan goes on
  std::size_t to_;
  std::vector<Span> found_;
};

}  // namespace zhibiao::match
