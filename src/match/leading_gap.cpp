#include "match/leading_gap.hpp"

#include <algorithm>
#include <array>

#include "match/pattern_chars.hpp"
#include "match/pattern_syntax.hpp"
#include "text/utf8.hpp"

namespace zhibiao::match {
namespace {

// What follows a remainder's word is a gap and a figure, the word a few
// words: met only once the remainder has matched, they get small DFA
// budgets of their own, so that text dense with figures does not grow them
// as it grows the remainder's.
constexpr std::int64_t kThenMemory = 1 << 20;
constexpr std::int64_t kWordMemory = 256 << 10;

// `options` with a DFA budget of at most `cap`.
RE2::Options with_memory_at_most(RE2::Options options, std::int64_t cap) {
  options.set_max_mem(std::min<std::int64_t>(options.max_mem(), cap));
  return options;
}

// Whether RE2 reads a pattern with these options as with its defaults, as
// the pattern reader (pattern_chars.hpp) does.
bool read_as_by_defaults(const RE2::Options& o) {
  return o.case_sensitive() && !o.literal() && !o.never_nl() && !o.dot_nl() && !o.posix_syntax() &&
         !o.longest_match() && o.encoding() == RE2::Options::EncodingUTF8;
}

}  // namespace

std::unique_ptr<LeadingGap> LeadingGap::of(std::string_view pattern, const RE2::Options& options,
                                           std::uint32_t uses_before_compiling) {
  auto gap = read_lazy_gap(pattern);
  if (!gap || gap->end >= pattern.size()) return nullptr;
  std::string_view rest = pattern.substr(gap->end);
  // "G S|T" is not G followed by S.
  TopLevel top = read_top_level(rest);
  if (top.alternation || !top.balanced) return nullptr;
  // S is compiled only when first needed (compiled() checks this count).
  int groups = capturing_groups_from(pattern, gap->end);
  if (groups < 0) return nullptr;
  bool one_group = groups == 1 && rest.starts_with("(?P<") && atom_end(pattern, gap->end) == pattern.size();
  std::string gap_char(pattern.substr(gap->char_begin, gap->char_end - gap->char_begin));
  std::unique_ptr<LeadingGap> split(new LeadingGap(std::move(gap_char), gap->max_chars, std::string(rest), one_group,
                                                   groups, options, uses_before_compiling));
  if (!one_group) split->split_word();
  return split;
}

std::unique_ptr<LeadingGap> LeadingGap::after_first_char(std::string_view pattern, const RE2::Options& options,
                                                         std::uint32_t uses_before_compiling) {
  std::size_t first = atom_end(pattern, 0);
  if (first == std::string_view::npos || first >= pattern.size() || !is_one_char_atom(pattern, 0, first))
    return nullptr;
  if (std::string_view("?*+{").find(pattern[first]) != std::string_view::npos) return nullptr;
  // A top-level | after the character ([,;]G S|T) leaves no split: of()
  // finds it in what follows the gap. The split is met only once the whole
  // has matched, and over a few words: its DFAs get the small budget of
  // what follows a word, so that text dense with figures does not grow them.
  return of(pattern.substr(first), with_memory_at_most(options, kThenMemory), uses_before_compiling);
}

void LeadingGap::split_word() {
  std::string_view rest = rest_;
  // H: a non-capturing group made optional by a greedy ?, with no
  // capturing group inside.
  std::size_t i = 0;
  std::size_t first = atom_end(rest, 0);
  if (first == std::string_view::npos) return;
  if (rest.starts_with("(?:") && first < rest.size() && rest[first] == '?' &&
      !(first + 1 < rest.size() && rest[first + 1] == '?')) {
    if (capturing_groups_from(rest.substr(0, first), 0) != 0) return;
    head_ = std::string(rest.substr(0, first));
    i = first + 1;
  }
  // W: one atom, neither optional nor repeated; T: the rest, a lazy gap
  // and more.
  std::size_t word_end = atom_end(rest, i);
  if (word_end == std::string_view::npos || word_end >= rest.size()) return;
  if (std::string_view("?*+{").find(rest[word_end]) != std::string_view::npos) return;
  int word_groups = capturing_groups_from(rest.substr(i, word_end - i), 0);
  if (word_groups < 0) return;
  auto then = LeadingGap::of(rest.substr(word_end), with_memory_at_most(options_, kThenMemory), 0);
  if (!then || word_groups + then->groups_ != groups_) {
    head_.clear();
    return;
  }
  word_ = std::string(rest.substr(i, word_end - i));
  word_groups_ = word_groups;
  then_ = std::move(then);
}

const LeadingGap::Chars& LeadingGap::chars() const {
  read_once_([&] {
    auto rest = read_pattern_chars(rest_, CharsToRead::first_only);
    if (!rest || rest->has_assertion) return;
    chars_.usable = true;
    if (!read_as_by_defaults(options_)) return;
    auto gap = read_pattern_chars(gap_char_, CharsToRead::first_only);
    if (!gap || gap->nullable) return;
    chars_.rest_lead = LeadChars::of(*rest);
    if (chars_.rest_lead) chars_.gap = std::move(gap->first);
  });
  return chars_;
}

bool LeadingGap::may_match_at(std::string_view text, std::size_t begin, std::size_t to) const {
  const Chars& known = chars();
  if (!known.rest_lead) return true;
  std::size_t p = begin;
  for (std::size_t count = 0; p < to; ++count) {
    text::Decoded d = text::decode_valid_at(text, p);
    if (known.rest_lead->contains(d.cp)) return true;
    if ((max_chars_ && count == *max_chars_) || !contains(*known.gap, d.cp)) return false;
    p += d.size;
  }
  return false;  // the rest, never empty, has no character left to begin with
}

bool LeadingGap::compiled() const {
  compile_once_([&] {
    auto gap_char = std::make_unique<RE2>(gap_char_, options_);
    auto rest = std::make_unique<RE2>(rest_, options_);
    if (gap_char->ok() && rest->ok() && rest->NumberOfCapturingGroups() == groups_) {
      gap_char_re_ = std::move(gap_char);
      rest_re_ = std::move(rest);
    }
  });
  return rest_re_ != nullptr;
}

bool LeadingGap::groups(std::string_view text, std::size_t begin, std::size_t end, re2::StringPiece* groups,
                        int n) const {
  if (uses_.load(std::memory_order_relaxed) < uses_before_compiling_) {
    uses_.fetch_add(1, std::memory_order_relaxed);
    return false;
  }
  const Chars& known = chars();
  if (n > groups_ + 1 || !known.usable || !compiled()) return false;
  std::size_t p = begin;
  for (std::size_t count = 0;; ++count) {
    text::Decoded d = p < end ? text::decode_at(text, p) : text::Decoded{};
    // S, never empty when its first characters are known, can match
    // [p, end) only from one of them: RE2 is asked only there.
    bool may_begin = !known.rest_lead || (p < end && (!d.valid || known.rest_lead->contains(d.cp)));
    if (may_begin && rest_re_->Match(text, p, end, RE2::ANCHOR_BOTH, nullptr, 0)) break;
    if (p >= end || (max_chars_ && count == *max_chars_)) return false;
    std::size_t next = p + d.size;
    if (next > end) return false;
    // The gap's class as read from the pattern, when it could be.
    bool in_gap = known.gap && d.valid ? contains(*known.gap, d.cp)
                                       : gap_char_re_->Match(text, p, next, RE2::ANCHOR_BOTH, nullptr, 0);
    if (!in_gap) return false;
    p = next;
  }
  if (n > 1) {
    if (rest_is_one_group_) groups[1] = re2::StringPiece(text.data() + p, end - p);
    else if (!groups_after_word(text, p, end, groups, n) && !rest_re_->Match(text, p, end, RE2::ANCHOR_BOTH, groups, n))
      return false;
  }
  if (n > 0) groups[0] = re2::StringPiece(text.data() + begin, end - begin);
  return true;
}

bool LeadingGap::word_ready() const {
  if (!then_) return false;
  word_once_([&] {
    auto word = std::make_unique<RE2>(word_, with_memory_at_most(options_, kWordMemory));
    if (!word->ok() || word->NumberOfCapturingGroups() != word_groups_) return;
    if (!head_.empty()) {
      if (!read_as_by_defaults(options_)) return;
      auto head = read_pattern_chars(head_);
      if (!head || !head->needed || head->has_assertion) return;
      head_needed_ = std::move(head->needed);
      // For a match where H may take part (see word_begin).
      auto word_lead = LeadChars::of(word_);
      // W T: S past H and the ? that follows it (see split_word).
      std::string word_then(std::string_view(rest_).substr(head_.size() + 1));
      auto word_then_re = std::make_unique<RE2>(word_then, with_memory_at_most(options_, kThenMemory));
      if (word_lead && word_then_re->ok()) {
        word_lead_ = std::move(word_lead);
        word_then_re_ = std::move(word_then_re);
      }
    }
    word_re_ = std::move(word);
  });
  return word_re_ != nullptr;
}

bool LeadingGap::groups_after_word(std::string_view text, std::size_t p, std::size_t end, re2::StringPiece* groups,
                                   int n) const {
  std::optional<std::size_t> word_at = word_begin(text, p, end);
  if (!word_at) return false;
  p = *word_at;
  constexpr int kMaxGroups = 16;
  const int word_n = word_groups_ + 1, then_n = then_->groups_ + 1;
  if (word_n > kMaxGroups || then_n > kMaxGroups) return false;
  std::array<re2::StringPiece, kMaxGroups> word_groups{}, then_groups{};
  if (!word_re_->Match(text, p, end, RE2::ANCHOR_START, word_groups.data(), word_n)) return false;
  std::size_t word_end = p + word_groups[0].size();
  if (!then_->groups(text, word_end, end, then_groups.data(), then_n)) return false;
  for (int g = 1; g < n; ++g)
    groups[g] = g <= word_groups_ ? word_groups[static_cast<std::size_t>(g)]
                                  : then_groups[static_cast<std::size_t>(g - word_groups_)];
  return true;
}

std::optional<std::size_t> LeadingGap::word_begin(std::string_view text, std::size_t p, std::size_t end) const {
  if (!word_ready()) return std::nullopt;
  if (!head_needed_) return p;
  // H cannot take part when none of the characters its matches need is here.
  bool head_may_match = false;
  for (std::size_t k = p; k < end && !head_may_match;) {
    text::Decoded d = text::decode_at(text, k);
    if (!d.valid) return std::nullopt;
    head_may_match = contains(*head_needed_, d.cp);
    k += d.size;
  }
  if (!head_may_match) return p;
  if (!word_then_re_) return std::nullopt;
  std::optional<std::size_t> found;
  for (std::size_t m = p; m < end;) {
    text::Decoded d = text::decode_valid_at(text, m);
    if (word_lead_->contains(d.cp) && word_then_re_->Match(text, m, end, RE2::ANCHOR_BOTH, nullptr, 0)) {
      if (found) return std::nullopt;  // two places: RE2's NFA decides
      found = m;
    }
    m += d.size;
  }
  return found;
}

}  // namespace zhibiao::match
