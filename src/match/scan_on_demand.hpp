// A scan that reads only as far as it is asked to.
//
// An indicator's exclusions (占…{NAME}, 在…{NAME}…中) matter only where they
// cover one of its names, so a match that begins after every name asked
// about is never needed. The sentence is scanned up to the last name asked
// about so far, and a later question goes on from where the last stopped;
// the matches are those of scan_with() over the whole range, in the same
// order, since every scan goes left to right and each match depends only
// on where it is tried.
#pragma once

#include <re2/re2.h>

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "match/lead_chars.hpp"
#include "text/utf8.hpp"

namespace zhibiao::match {

class ScanOnDemand {
 public:
  using Span = std::pair<std::size_t, std::size_t>;

  // The matches of `re` in text[from, to); `lead` as for scan_with(). The
  // pattern, the lead characters and the text must outlive the scan.
  ScanOnDemand(const RE2& re, const std::optional<LeadChars>& lead, std::string_view text, std::size_t from,
               std::size_t to)
      : re_(re), lead_(lead ? &*lead : nullptr), text_(text), next_(from), to_(std::min(to, text.size())) {}

  // Every match that begins at or before `pos`, in text order (and perhaps
  // some that begin later).
  const std::vector<Span>& through(std::size_t pos) {
    if (lead_) tries_at_leads_through(pos);
    else searches_through(pos);
    return found_;
  }

 private:
  // As scan_at_leads(): an anchored try at each lead character, going on
  // after a match from its end. Its matches are never empty.
  void tries_at_leads_through(std::size_t pos) {
    re2::StringPiece whole;
    while (next_ < to_ && next_ <= pos) {
      text::Decoded d = text::decode_valid_at(text_, next_);
      if (lead_->contains(d.cp) && re_.Match(text_, next_, to_, RE2::ANCHOR_START, &whole, 1)) {
        found_.emplace_back(next_, next_ + whole.size());
        next_ += whole.size();
      } else {
        next_ += d.size;
      }
    }
  }

  // As scan(): the leftmost match from where the last one ended; an empty
  // match is no match, and the search goes on one character later. A match
  // found beyond `pos` is kept for the next question.
  void searches_through(std::size_t pos) {
    re2::StringPiece whole;
    while (true) {
      if (!ahead_) {
        if (next_ > to_ || !re_.Match(text_, next_, to_, RE2::UNANCHORED, &whole, 1)) {
          next_ = to_ + 1;  // no match left
          return;
        }
        std::size_t begin = static_cast<std::size_t>(whole.data() - text_.data());
        ahead_ = Span{begin, begin + whole.size()};
      }
      if (ahead_->first > pos) return;
      if (ahead_->first == ahead_->second) {
        next_ = ahead_->second + 1;
        while (next_ < to_ && (static_cast<unsigned char>(text_[next_]) & 0xC0) == 0x80) ++next_;
      } else {
        found_.push_back(*ahead_);
        next_ = ahead_->second;
      }
      ahead_.reset();
    }
  }

  const RE2& re_;
  const LeadChars* lead_;     // null: searches rather than tries
  std::string_view text_;
  std::size_t next_;          // where the next try or search starts
  std::size_t to_;
  std::optional<Span> ahead_;  // a match found beyond the last position asked about
  std::vector<Span> found_;
};

}  // namespace zhibiao::match
