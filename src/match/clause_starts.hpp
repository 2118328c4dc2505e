// Where the matches of a pattern that begins with an unbounded lazy gap can
// begin.
//
// A continuation such as inherit.pp_change.v1 is written [,;]?G S: an
// optional comma, then G = (?:C)*?, any run of the characters of class C
// (all but the few that end a clause), then the change. Such a pattern has
// no lead characters (see lead_chars.hpp): a match can begin anywhere. An
// unanchored search of it keeps a thread from every position; on sentences
// with 百分点 it took about four times as long as anchored tries at the few
// places below, until its DFA had met most kinds of sentence (callgrind:
// 14 M instructions fewer on the first 5 MB of the corpus, the same after).
//
// The leftmost match begins at one of them. Say a match begins at p, after
// a character c of C. The same match with G taking c as well begins one
// character earlier, so p is not leftmost unless the scan began there, or
// the match takes the optional first character X at p. So the leftmost
// match begins where the scan begins, at a character of X, or right after
// a character outside C; tried there in order, the first anchored match is
// the leftmost-first match an unanchored search finds.
#pragma once

#include <optional>
#include <string_view>

#include "match/lead_chars.hpp"
#include "text/utf8.hpp"

namespace zhibiao::match {

class ClauseStarts {
 public:
  // For a pattern "X?G S" or "G S" with X one character, G a lazy gap with
  // no bound (*?) and no match empty; nullopt for any other pattern.
  static std::optional<ClauseStarts> of(std::string_view pattern);

  // The next place after `pos` (where a character of well-formed `text`
  // begins) that a match can begin at, or `to` when none is before it.
  std::size_t next_after(std::string_view text, std::size_t pos, std::size_t to) const {
    text::Decoded at = text::decode_valid_at(text, pos);
    bool after_stop = stops_.contains(at.cp);
    for (pos += at.size; pos < to;) {
      text::Decoded d = text::decode_valid_at(text, pos);
      if (after_stop || (optional_first_ && optional_first_->contains(d.cp))) return pos;
      after_stop = stops_.contains(d.cp);
      pos += d.size;
    }
    return to;
  }

 private:
  ClauseStarts(std::optional<LeadChars> optional_first, LeadChars stops)
      : optional_first_(std::move(optional_first)), stops_(std::move(stops)) {}

  std::optional<LeadChars> optional_first_;  // X
  LeadChars stops_;                          // the characters outside C
};

}  // namespace zhibiao::match
