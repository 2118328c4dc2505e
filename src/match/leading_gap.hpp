// Capture groups of a match whose pattern begins with a lazy gap.
//
// A remainder after a name (see name_finder.hpp) most often begins with a
// gap: (?:C)*? or (?:C){0,n}? over one character class C, the text allowed
// between a name and what follows it. Finding a match's groups is the
// costly part of matching: RE2 takes its NFA for patterns of this size,
// and over the gap every character starts a new thread into the whole
// rest of the pattern.
//
// With the match [begin, end) known, the gap's part is decided without the
// NFA. The pattern is G S, G the gap, S the rest; the leftmost-first match
// RE2 reports prefers, before anything in S, the shortest gap for which S
// still matches to `end`. So the gap ends at the first character boundary
// p, going right from begin over characters of C (at most n of them), at
// which S matches [p, end) exactly: each such test is one pass of RE2's
// DFA over S. S's groups are then S's own on [p, end): the NFA over a
// shorter text, or nothing at all when S is one group around the whole
// (a figure right after the gap: that group is [p, end)).
//
// S is often a word, a second gap and the figure: (?:H)? W G2 (?P<q>F)
// (增长 or (?P<neg>下降), then 7.8%), H a level that may stand before the
// word. With H out of the way (no character every match of H holds lies in
// [p, end), so H cannot take part), W's groups are those of its own
// leftmost-first match at p, when G2 F matches the rest after it: that is
// the first choice the NFA would try. G2 F is split again like G S. RE2
// then runs its NFA over nothing: W is small enough for its backtracker.
// When H may take part (a level before the word: 六千亿元,增长百分之四),
// where W begins is found first: S matches [p, end), so W T matches from
// where H ends, or from p without H. When W T (one pattern, its DFA)
// matches [m, end) from exactly one m among the characters W begins with,
// that m is where the match's W begins, and H, which has no groups, spans
// [p, m) when m is past p. With two such places RE2's NFA decides, as before.
//
// S and C are compiled when first needed, after the pattern's first few
// matches (see of()), so a pack loads no slower; a pattern of another shape
// gets no LeadingGap and its groups are found as before.
#pragma once

#include <re2/re2.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/once.hpp"
#include "match/lead_chars.hpp"
#include "match/pattern_chars.hpp"

namespace zhibiao::match {

class LeadingGap {
 public:
  // The split of `pattern`, compiled with `options` (those of the whole
  // pattern), when it begins with a lazy gap over one character class and
  // what follows can stand alone (no top-level |); null for any other
  // pattern. Only the pattern's outline is read here: what follows the gap
  // is read and compiled when first needed.
  //
  // Compiling S costs as much as a few hundred of RE2's own searches for the
  // groups, so the first `uses_before_compiling` calls of groups() leave
  // them to RE2 (return false): a pattern met only a few times, as on a
  // short document, is never compiled. (32: of 0, 8, 32 and 128, the fewest
  // instructions on the seed article and on 5 MB of the corpus, and as few
  // as any on figure-dense text.)
  static constexpr std::uint32_t kUsesBeforeCompiling = 32;
  static std::unique_ptr<LeadingGap> of(std::string_view pattern, const RE2::Options& options,
                                        std::uint32_t uses_before_compiling = kUsesBeforeCompiling);

  // The split of what follows a pattern's first character, for a pattern
  // that begins with one character (a class, neither optional nor repeated)
  // and then a lazy gap, as continuations are written: [,;] and the text up
  // to the change. A match [begin, end) of the whole pattern has the groups
  // the split finds on [begin + that character's size, end), that
  // character holding none. Null for any other pattern.
  static std::unique_ptr<LeadingGap> after_first_char(std::string_view pattern, const RE2::Options& options,
                                                      std::uint32_t uses_before_compiling = kUsesBeforeCompiling);

  LeadingGap(const LeadingGap&) = delete;
  LeadingGap& operator=(const LeadingGap&) = delete;

  // The n groups ([0] the whole) of the split pattern's match [begin, end)
  // of text, as RE2's Match(text, begin, end, RE2::ANCHOR_BOTH, groups, n)
  // on the whole pattern gives them. False when they could not be found
  // this way, or not yet (the caller then asks RE2 itself).
  bool groups(std::string_view text, std::size_t begin, std::size_t end, re2::StringPiece* groups, int n) const;

  // False when no match of the split pattern can begin at `begin` in
  // text[begin, to): no character the rest can begin with lies within the
  // gap's reach (past characters of the gap's class, at most n of them).
  // A cheap test before RE2 is asked, for a pattern that rarely matches.
  bool may_match_at(std::string_view text, std::size_t begin, std::size_t to) const;

  // What the pattern was split into (for tests).
  const std::string& gap_char() const { return gap_char_; }
  const std::string& rest() const { return rest_; }
  std::optional<std::size_t> max_chars() const { return max_chars_; }
  bool rest_is_one_group() const { return rest_is_one_group_; }
  // S as (?:H)? W T, T split again: H (empty when none), W, and T's split.
  const std::string& head() const { return head_; }
  const std::string& word() const { return word_; }
  const LeadingGap* then() const { return then_.get(); }
  // Where W begins in S's match [p, end) (p being where the gap ends): p
  // when H cannot take part, else the one place W T matches to `end` from;
  // none when it is not one place, or S was not split so.
  std::optional<std::size_t> word_begin(std::string_view text, std::size_t p, std::size_t end) const;

 private:
  LeadingGap(std::string gap_char, std::optional<std::size_t> max_chars, std::string rest, bool rest_is_one_group,
             int groups, const RE2::Options& options, std::uint32_t uses_before_compiling)
      : gap_char_(std::move(gap_char)),
        max_chars_(max_chars),
        rest_(std::move(rest)),
        rest_is_one_group_(rest_is_one_group),
        groups_(groups),
        options_(options),
        uses_before_compiling_(uses_before_compiling) {}

  // What is read from the pattern's text when first needed: whether the
  // split can be used (an assertion in the rest would see the text around
  // [p, end), which the whole pattern's match did not ask), and for
  // may_match_at the gap's characters and the rest's first ones (no test
  // when either is unknown: the rest can be empty, or begins with too many
  // characters to list).
  struct Chars {
    bool usable = false;
    std::optional<CharRanges> gap;
    std::optional<LeadChars> rest_lead;
  };
  const Chars& chars() const;
  bool compiled() const;
  // Splits S into (?:H)? W T when it has that shape (see above).
  void split_word();
  // Compiles W (and W T, for an S with H) when first needed; false when
  // the split cannot be used.
  bool word_ready() const;
  // S's groups on [p, end) through its split into H, W and T; false when
  // that cannot tell them (H could take part, or T does not match after
  // W's own match), and RE2 is asked.
  bool groups_after_word(std::string_view text, std::size_t p, std::size_t end, re2::StringPiece* groups,
                         int n) const;

  std::string gap_char_;                  // C, matching exactly one character
  std::optional<std::size_t> max_chars_;  // n for {0,n}?, none for *?
  std::string rest_;                      // S
  bool rest_is_one_group_;                // S is (?P<x>...) and has no other group
  int groups_;                            // capturing groups in S (and in the whole)
  RE2::Options options_;

  detail::Once read_once_, compile_once_;
  std::uint32_t uses_before_compiling_;
  mutable std::atomic<std::uint32_t> uses_{0};  // calls of groups(), counted up to uses_before_compiling_
  mutable Chars chars_;
  mutable std::unique_ptr<RE2> gap_char_re_, rest_re_;

  // S = (?:H)? W T (see above), when it has that shape.
  std::string head_, word_;
  int word_groups_ = 0;  // capturing groups in W (H has none)
  std::unique_ptr<LeadingGap> then_;
  detail::Once word_once_;
  mutable std::optional<CharRanges> head_needed_;  // every match of H holds one; unknown: the split is not used
  mutable std::unique_ptr<RE2> word_re_;
  // For an S with H: the characters W begins with, and W T compiled (null
  // when either is unknown: then H must be out of the way).
  mutable std::optional<LeadChars> word_lead_;
  mutable std::unique_ptr<RE2> word_then_re_;
};

}  // namespace zhibiao::match
