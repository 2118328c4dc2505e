// A scan that reads only as far as it is asked to.
//
// An indicator's exclusions (占…{NAME}, 在…{NAME}…中) matter only where they
// cover one of its names, so a match that begins after every name asked
// about is never needed. The range is scanned (scan_with) until a match
// begins after the last name asked about so far; that match is kept, and a
// later question goes on from it. The matches are those of one scan over
// the whole range, in the same order: a scan goes left to right, and each
// goes on from the end of the last.
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

  // Every match that begins at or before `pos`, in text order.
  const std::vector<Span>& through(std::size_t pos) {
    while (next_ <= to_ && (!ahead_ || ahead_->first <= pos)) {
      if (ahead_) {
        found_.push_back(*ahead_);
        next_ = ahead_->second;
        ahead_.reset();
      }
      auto keep_first = [&](const Hit& h) {
        ahead_ = Span{h.begin, h.end};
        return to_ + 1;  // stops the scan
      };
      if (lead_) scan_at_leads(re_, *lead_, text_, keep_first, next_, to_);
      else scan(re_, text_, keep_first, next_, to_);
      if (!ahead_) next_ = to_ + 1;  // no match left
    }
    return found_;
  }

 private:
  const RE2& re_;
  const LeadChars* lead_;  // null: searched rather than tried at leads
  std::string_view text_;
  std::size_t next_;  // where the scan goes on (past to_ once it has ended)
  std::size_t to_;
  std::optional<Span> ahead_;  // the next match, found but not yet asked for
  std::vector<Span> found_;
};

}  // namespace zhibiao::match
