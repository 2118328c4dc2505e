// Iterating over every non-overlapping match of a pattern in a text.
#pragma once

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "match/clause_starts.hpp"
#include "match/lead_chars.hpp"
#include "match/leading_gap.hpp"
#include "match/name_finder.hpp"
#include "match/rest_answers.hpp"
#include "text/segmenter.hpp"
#include "text/utf8.hpp"

namespace zhibiao::match {

// A match's groups, [0] the whole match, all empty to begin with: in place
// for up to 16 (a bundled rule's match has at most 5, its name's
// included), so a scan allocates nothing for them; in a vector for more.
class Groups {
 public:
  explicit Groups(std::size_t n = 0) : size_(n) {
    if (n > kInPlace) more_.resize(n);
  }
  std::size_t size() const { return size_; }
  re2::StringPiece* data() { return size_ > kInPlace ? more_.data() : in_place_.data(); }
  const re2::StringPiece* data() const { return size_ > kInPlace ? more_.data() : in_place_.data(); }
  re2::StringPiece& operator[](std::size_t i) { return data()[i]; }
  const re2::StringPiece& operator[](std::size_t i) const { return data()[i]; }
  const re2::StringPiece* begin() const { return data(); }
  const re2::StringPiece* end() const { return data() + size_; }

 private:
  static constexpr std::size_t kInPlace = 16;
  std::array<re2::StringPiece, kInPlace> in_place_{};
  std::vector<re2::StringPiece> more_;
  std::size_t size_;
};

struct Hit {
  std::size_t begin, end;
  Groups groups;  // [0] is the whole match
  // Byte range of group i in the text, or {npos, npos} when it did not take part.
  std::pair<std::size_t, std::size_t> group(std::string_view text, int i) const {
    const auto& g = groups[static_cast<std::size_t>(i)];
    if (i <= 0 || g.data() == nullptr) return {std::string_view::npos, std::string_view::npos};
    auto b = static_cast<std::size_t>(g.data() - text.data());
    return {b, b + g.size()};
  }
};

namespace scan_detail {

// The position after a match that visit was given: what it returned, or
// the match's end; never at or before the match's start.
template <typename Visit>
std::size_t visit_hit(Visit& visit, const Hit& hit, std::string_view text, std::size_t to) {
  if constexpr (std::is_same_v<decltype(visit(hit)), std::size_t>) {
    std::size_t next = visit(hit);
    if (next <= hit.begin) {
      next = hit.begin + 1;
      while (next < to && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
    }
    return next;
  } else {
    visit(hit);
    return hit.end;
  }
}

}  // namespace scan_detail

// The groups (n of them, [0] the whole) of re's leftmost-first match that
// begins at `begin` and ends at `end` in text[begin, to), as the caller
// found it with the same anchored match and no groups. RE2 is asked the
// same question again, with groups: its first-match DFA, already warm from
// the caller's question, finds the same end, and only then its NFA reads
// [begin, end), the costly part. (Asked for exactly [begin, end) instead,
// RE2 would build a second DFA per pattern, one for whole matches: a tenth
// of the DFA memory on text dense with figures, for the same groups.)
inline void groups_of_match(const RE2& re, std::string_view text, std::size_t begin, std::size_t end, std::size_t to,
                            re2::StringPiece* groups, int n) {
  if (re.Match(text, begin, to, RE2::ANCHOR_START, groups, n) && groups[0].data() + groups[0].size() == text.data() + end)
    return;
  re.Match(text, begin, end, RE2::ANCHOR_BOTH, groups, n);  // never so far: the match the caller found
}

// Calls visit(const Hit&) for each match, left to right. When visit returns
// a position (it returns std::size_t), the scan goes on from there rather
// than from the match's end: a caller that voids a match can let a later,
// overlapping one be found. An empty match, or a position not past the
// match's start, advances by one character so the scan always ends.
//
// Only the matches that begin by `last_start` are visited. The return value
// is where the scan would go on, past `to` once nothing is left: a scan
// from there with a later last_start visits the matches that follow, so a
// caller can scan a text only as far as it needs (see scan_on_demand.hpp).
template <typename Visit>
std::size_t scan(const RE2& re, std::string_view text, Visit&& visit, std::size_t from = 0,
                 std::size_t to = std::string_view::npos, std::size_t last_start = std::string_view::npos) {
  if (to > text.size()) to = text.size();
  int n = re.NumberOfCapturingGroups() + 1;
  Hit hit{0, 0, Groups(static_cast<std::size_t>(n))};
  std::size_t pos = from;
  while (pos <= to && pos <= last_start) {
    if (!re.Match(text, pos, to, RE2::UNANCHORED, hit.groups.data(), n)) return to + 1;
    hit.begin = static_cast<std::size_t>(hit.groups[0].data() - text.data());
    hit.end = hit.begin + hit.groups[0].size();
    if (hit.begin > last_start) break;  // found again from pos when asked for
    if (hit.end == hit.begin) {
      pos = hit.end + 1;
      while (pos < to && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
      continue;
    }
    pos = scan_detail::visit_hit(visit, static_cast<const Hit&>(hit), text, to);
  }
  return pos;
}

// For scans whose every match the caller visits with its groups.
struct NoneSetAside {
  bool operator()(std::size_t, std::size_t) const { return false; }
};

// Whether a lead character lies inside [begin, end) after its first one.
inline bool lead_inside(const LeadChars& lead, std::string_view text, std::size_t begin, std::size_t end) {
  for (std::size_t pos = begin + text::decode_valid_at(text, begin).size; pos < end;) {
    text::Decoded d = text::decode_valid_at(text, pos);
    if (lead.contains(d.cp)) return true;
    pos += d.size;
  }
  return false;
}

// The same matches as scan(), for a pattern whose matches begin only with
// `lead` characters (never empty): an anchored match is tried at each such
// character, left to right, so the first that matches is the leftmost. The
// text is well-formed UTF-8 (folded text always is).
//
// set_aside(begin, end) is asked about a match [begin, end) with no lead
// character inside it after its first: true when the caller wants neither
// its groups (the costly part) nor a visit now. It either makes no use of
// the match, or takes it up later from its span alone; and it would go on
// from no later than the match's end. The scan then goes on from the end:
// from anywhere inside the match, the next try would be at the same place.
//
// Tries stop after `last_start`; the return value is as for scan().
template <typename Visit, typename SetAside = NoneSetAside>
std::size_t scan_at_leads(const RE2& re, const LeadChars& lead, std::string_view text, Visit&& visit,
                          std::size_t from = 0, std::size_t to = std::string_view::npos, SetAside&& set_aside = {},
                          std::size_t last_start = std::string_view::npos) {
  if (to > text.size()) to = text.size();
  int n = re.NumberOfCapturingGroups() + 1;
  Hit hit{0, 0, Groups(static_cast<std::size_t>(n))};
  std::size_t pos = from;
  re2::StringPiece whole;
  while (pos < to && pos <= last_start) {
    text::Decoded d = text::decode_valid_at(text, pos);
    // Whether it matches here and where it ends: RE2 answers that with its
    // DFA when no groups are asked for. Groups take its backtracker (a
    // pattern of at most 512 instructions, over the rest of the sentence)
    // or its NFA (a larger one, as every rule is), the costly part.
    if (!lead.contains(d.cp) || !lead.may_go_on(text, pos + d.size, to) ||
        !re.Match(text, pos, to, RE2::ANCHOR_START, &whole, 1)) {
      pos += d.size;
      continue;
    }
    hit.begin = pos;
    hit.end = hit.begin + whole.size();
    if constexpr (!std::is_same_v<std::decay_t<SetAside>, NoneSetAside>) {
      if (!lead_inside(lead, text, hit.begin, hit.end) && set_aside(hit.begin, hit.end)) {
        pos = hit.end;
        continue;
      }
    }
    // A pattern without groups (the quantity finder, most of the calls)
    // has all it needs already.
    if (n == 1) hit.groups[0] = whole;
    else groups_of_match(re, text, hit.begin, hit.end, to, hit.groups.data(), n);
    pos = scan_detail::visit_hit(visit, static_cast<const Hit&>(hit), text, to);
  }
  return pos < to ? pos : to + 1;
}

// The same matches as scan_at_leads() (and scan()), for a pattern whose
// every match is one of `starts` (sorted by begin, as find_names gives
// them) and then more: an exclusion that begins with its indicator's name,
// tried only at the names found. An anchored match is tried at each start,
// left to right, once however many names begin there; with `after`, the
// characters the rest of a match begins with, only where one of those names
// is followed by one of them. Tries stop after `last_start`; the return
// value is as for scan().
template <typename Visit>
std::size_t scan_at_starts(const RE2& re, const std::vector<NameAt>& starts, const LeadChars* after,
                           std::string_view text, Visit&& visit, std::size_t from = 0,
                           std::size_t to = std::string_view::npos, std::size_t last_start = std::string_view::npos) {
  if (to > text.size()) to = text.size();
  int n = re.NumberOfCapturingGroups() + 1;
  Hit hit{0, 0, Groups(static_cast<std::size_t>(n))};
  re2::StringPiece whole;
  std::size_t pos = from;  // no try before it: inside the last match, or tried
  auto it = std::lower_bound(starts.begin(), starts.end(), from,
                             [](const NameAt& at, std::size_t p) { return at.begin < p; });
  for (; it != starts.end() && it->begin < to; ++it) {
    if (it->begin > last_start) return std::max(pos, last_start + 1);
    if (it->begin < pos) continue;
    auto can_go_on = [&](const NameAt& at) {
      return at.end < to && after->contains(text::decode_valid_at(text, at.end).cp);
    };
    bool worth_trying = !after;
    for (auto same = it; !worth_trying && same != starts.end() && same->begin == it->begin; ++same)
      worth_trying = can_go_on(*same);
    if (!worth_trying || !re.Match(text, it->begin, to, RE2::ANCHOR_START, &whole, 1)) {
      pos = it->begin + 1;
      continue;
    }
    hit.begin = it->begin;
    hit.end = hit.begin + whole.size();
    if (n == 1) hit.groups[0] = whole;
    else groups_of_match(re, text, hit.begin, hit.end, to, hit.groups.data(), n);
    pos = scan_detail::visit_hit(visit, static_cast<const Hit&>(hit), text, to);
  }
  return to + 1;
}

// The same matches as scan() of "(?P<name>(?:n1|n2|...))" + rest, where
// `names` are where n1, n2, ... occur (find_names, or with_optional_prefix
// for a rule with a prefix before the name): at each start, left to right,
// each name that occurs there in the alternation's order, then `rest`
// anchored right after it; the first that matches is what the whole
// pattern's leftmost-first match would be. The hit's groups are numbered as
// in the whole pattern: 1 is the name, 1 + k is rest's group k.
//
// voided(const NameAt&) is asked first about each match: true when the
// caller would void any match that begins with this name (an excluded
// name). Its groups, the costly part, are then never computed, and the scan
// goes on right after the name, as when visit returns the name's end.
//
// `gap`, when rest begins with a lazy gap, finds rest's groups (see
// leading_gap.hpp). `answers`, when given, keeps what rest answered at each
// name's end for the next scan of the same sentence (the same `to`), and
// gives back what an earlier one was told.
template <typename Visit, typename Voided>
void scan_after_names(const RE2& rest, const LeadingGap* gap, const std::vector<NameAt>& names, std::string_view text,
                      Visit&& visit, Voided&& voided, std::size_t from = 0,
                      std::size_t to = std::string_view::npos, RestAnswers* answers = nullptr) {
  if (to > text.size()) to = text.size();
  int n = rest.NumberOfCapturingGroups() + 1;
  Groups rest_groups(static_cast<std::size_t>(n));
  Hit hit{0, 0, Groups(static_cast<std::size_t>(n) + 1)};
  std::size_t pos = from;
  auto ask = [&](std::size_t name_end) -> std::optional<std::size_t> {
    re2::StringPiece tail;
    if ((gap && !gap->may_match_at(text, name_end, to)) || !rest.Match(text, name_end, to, RE2::ANCHOR_START, &tail, 1))
      return std::nullopt;
    return tail.size();
  };
  for (std::size_t i = 0; i < names.size();) {
    std::size_t start = names[i].begin;
    std::size_t same_start = i;
    while (same_start < names.size() && names[same_start].begin == start) ++same_start;
    if (start < pos) {
      i = same_start;
      continue;
    }
    bool matched = false;
    for (std::size_t k = i; k < same_start && !matched; ++k) {
      std::size_t name_end = names[k].end;
      if (name_end > to) continue;
      std::optional<std::size_t> tail_length =
          answers ? answers->get(rest, name_end, [&] { return ask(name_end); }) : ask(name_end);
      if (!tail_length) continue;
      if (voided(names[k])) {
        pos = name_end;  // a name is never empty: past the start
        matched = true;
        continue;
      }
      std::size_t end = name_end + *tail_length;
      if (!gap || !gap->groups(text, name_end, end, rest_groups.data(), n))
        groups_of_match(rest, text, name_end, end, to, rest_groups.data(), n);
      hit.begin = start;
      hit.end = end;
      hit.groups[0] = re2::StringPiece(text.data() + start, end - start);
      hit.groups[1] = re2::StringPiece(text.data() + names[k].name_begin, name_end - names[k].name_begin);
      for (int g = 1; g < n; ++g) hit.groups[static_cast<std::size_t>(g) + 1] = rest_groups[static_cast<std::size_t>(g)];
      pos = scan_detail::visit_hit(visit, static_cast<const Hit&>(hit), text, to);
      matched = true;
    }
    i = same_start;
  }
}

// The same matches as scan(), for a pattern whose matches begin only where
// `starts` says (see clause_starts.hpp), and are never empty: an anchored
// match is tried at each such place, left to right. The text is
// well-formed UTF-8.
template <typename Visit>
std::size_t scan_at_clause_starts(const RE2& re, const ClauseStarts& starts, std::string_view text, Visit&& visit,
                                  std::size_t from = 0, std::size_t to = std::string_view::npos) {
  if (to > text.size()) to = text.size();
  int n = re.NumberOfCapturingGroups() + 1;
  Hit hit{0, 0, Groups(static_cast<std::size_t>(n))};
  std::size_t pos = from;
  re2::StringPiece whole;
  while (pos < to) {
    if (!re.Match(text, pos, to, RE2::ANCHOR_START, &whole, 1)) {
      pos = starts.next_after(text, pos, to);
      continue;
    }
    hit.begin = pos;
    hit.end = pos + whole.size();
    if (n == 1) hit.groups[0] = whole;
    else groups_of_match(re, text, hit.begin, hit.end, to, hit.groups.data(), n);
    // The scan goes on from there as from its beginning: that place is
    // tried first.
    pos = scan_detail::visit_hit(visit, static_cast<const Hit&>(hit), text, to);
  }
  return pos < to ? pos : to + 1;
}

// scan_at_leads() when the pattern's lead characters are known, else
// scan_at_clause_starts() when where its matches begin is, else scan()
// (which visits every match with its groups, set aside or not).
template <typename Visit, typename SetAside = NoneSetAside>
void scan_with(const RE2& re, const std::optional<LeadChars>& lead, std::string_view text, Visit&& visit,
               std::size_t from = 0, std::size_t to = std::string_view::npos, SetAside&& set_aside = {},
               const ClauseStarts* clause_starts = nullptr) {
  if (lead) scan_at_leads(re, *lead, text, std::forward<Visit>(visit), from, to, std::forward<SetAside>(set_aside));
  else if (clause_starts) scan_at_clause_starts(re, *clause_starts, text, std::forward<Visit>(visit), from, to);
  else scan(re, text, std::forward<Visit>(visit), from, to);
}

// The matches of scan() in one of a pattern's windows (see
// match_windows.hpp), for a pattern whose matches all lie inside them: with
// anchored tries at `lead` characters when they are known and the window is
// short. A window is most often a few characters, so a try that finds the
// figure at its start is one forward pass of RE2's DFA, where a search
// takes a second, backward one to find where the match began. But each
// failed try may read to the window's end: in a long window (ten megabytes
// of digits) tries at every character would take quadratic time, and a
// search stays linear.
template <typename Visit>
void scan_in_window(const RE2& re, const std::optional<LeadChars>& lead, std::string_view text,
                    const text::Range& w, Visit&& visit) {
  constexpr std::size_t kMaxAnchoredWindow = 48;  // bytes: "约1,234,567.89亿元以上" is 27
  if (lead && w.end - w.begin <= kMaxAnchoredWindow) scan_at_leads(re, *lead, text, visit, w.begin, w.end);
  else scan(re, text, visit, w.begin, w.end);
}

// The matches of scan() over the whole text, for such a pattern: each
// window scanned alone. No match crosses a window's edge.
template <typename Visit>
void scan_in_windows(const RE2& re, const std::optional<LeadChars>& lead, std::string_view text,
                     const std::vector<text::Range>& windows, Visit&& visit) {
  for (const text::Range& w : windows) scan_in_window(re, lead, text, w, visit);
}

}  // namespace zhibiao::match
