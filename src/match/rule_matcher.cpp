#include "match/rule_matcher.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>

#include "match/prefilter.hpp"
#include "match/scan.hpp"
#include "match/scan_on_demand.hpp"
#include "text/utf8.hpp"

namespace zhibiao::match {
namespace {

constexpr auto npos = std::string_view::npos;

// 翻两番 (doubled twice) is growth of (2^2 - 1) x 100% = 300%. Only a whole
// number of doublings, one to ten, and no range.
bool doublings_as_growth(resolve::ParsedQuantity& q) {
  if (q.value_max) return false;
  for (std::int64_t n = 1, times = 2; n <= 10; ++n, times *= 2) {
    if (!(q.value == Decimal::from_int(n))) continue;
    q.value = Decimal::from_int((times - 1) * 100);
    q.kind = QuantityKind::percent;
    q.unit = "percent";
    return true;
  }
  return false;
}

// Whether a figure of this kind can be this measure, and the unit it gets.
bool fits_measure(Measure m, resolve::ParsedQuantity& q) {
  switch (m) {
    case Measure::level:
      if (q.kind == QuantityKind::money) return true;
      if (q.kind == QuantityKind::number && !q.unit.empty() &&
          !(q.unit_entry && (q.unit_entry->growth_percent_scale || q.unit_entry->growth_doublings))) {
        q.unit = "count";
        return true;
      }
      return false;
    case Measure::growth:
      if (q.kind == QuantityKind::percent) return true;
      if (q.kind == QuantityKind::number && q.unit_entry && q.unit_entry->growth_percent_scale) {
        // 增长1倍 is growth of 100%.
        auto v = q.value.scale_pow10(*q.unit_entry->growth_percent_scale);
        if (!v) return false;
        q.value = *v;
        if (q.value_max) q.value_max = q.value_max->scale_pow10(*q.unit_entry->growth_percent_scale);
        q.kind = QuantityKind::percent;
        q.unit = "percent";
        return true;
      }
      if (q.kind == QuantityKind::number && q.unit_entry && q.unit_entry->growth_doublings) return doublings_as_growth(q);
      return false;
    case Measure::share:
      return q.kind == QuantityKind::percent;
    case Measure::pp_change:
      return q.kind == QuantityKind::pp;
  }
  return false;
}

void negate(resolve::ParsedQuantity& q) {
  q.value = q.value.negated();
  if (q.value_max) {
    Decimal high = q.value_max->negated();
    q.value_max = q.value;
    q.value = high;
  }
}

// Distance in bytes between the name and the figure (0 without a name).
std::size_t distance(const Candidate& c) {
  if (c.name_begin == npos) return 0;
  return c.name_end <= c.q_begin ? c.q_begin - c.name_end : (c.name_begin >= c.q_end ? c.name_begin - c.q_end : 0);
}

// The indicator whose names include `name` exactly, or "".
std::string indicator_named(const detail::CompiledPack& pack, std::string_view name) {
  for (const auto& ind : pack.indicators)
    if (ind.name && RE2::FullMatch(name, ind.name->get())) return ind.id;
  return "";
}

// Whether the figure at q_begin begins with a sign right after a digit (the
// -8 of 5-8个).
bool starts_with_sign_after_digit(std::string_view folded, std::size_t q_begin) {
  return q_begin > 0 && q_begin < folded.size() && (folded[q_begin] == '-' || folded[q_begin] == '+') &&
         text::is_ascii_digit(folded[q_begin - 1]);
}

// Whether a reject pattern matches folded[b, e), with the
// candidate's base blanked out when it lies inside (a copy only then): a
// share's base is left out (占一般公共预算收入的比重 names another indicator
// only as the whole).
bool reject_matches(const RE2& reject, std::string_view folded, const Candidate& c, std::size_t b, std::size_t e) {
  if (b >= e) return RE2::PartialMatch(std::string_view(), reject);
  if (c.base_begin == npos || c.base_begin < b || c.base_end > e)
    return RE2::PartialMatch(folded.substr(b, e - b), reject);
  std::string s(folded.substr(b, e - b));
  s.replace(c.base_begin - b, c.base_end - c.base_begin, " ");
  return RE2::PartialMatch(s, reject);
}

// The reject pattern is tried on the text before the name and between the
// name and the figure.
bool rejected(const detail::CompiledRule& rule, std::string_view folded, const Candidate& c) {
  if (!rule.reject && !rule.reject_base) return false;
  std::size_t name_begin = c.name_begin == npos ? c.q_begin : c.name_begin;
  std::size_t name_end = c.name_begin == npos ? c.q_begin : c.name_end;
  if (rule.reject_base && c.base_begin != npos &&
      RE2::PartialMatch(folded.substr(c.base_begin, c.base_end - c.base_begin), rule.reject_base->get()))
    return true;
  if (!rule.reject) return false;
  return reject_matches(rule.reject->get(), folded, c, c.begin, name_begin) ||
         reject_matches(rule.reject->get(), folded, c, name_end, name_end <= c.q_begin ? c.q_begin : name_end);
}

// Space rules_to_try keeps from one sentence to the next.
struct RulesToTryScratch {
  Prefilter::Scratch filter;
  std::vector<std::uint8_t> picked;  // by rule_filter pattern: picked for this sentence
};

// The rules worth trying on a sentence, in rule order: those the rule
// filter picks, less the rules matched after a name whose indicator the
// sentence does not name (`names`: where it names each indicator), which
// cannot match.
std::vector<std::size_t> rules_to_try(std::string_view sentence, const detail::CompiledPack& pack,
                                      const std::vector<std::vector<NameAt>>& names, RulesToTryScratch& scratch) {
  std::vector<std::size_t> rules;
  const std::vector<int>& picks = pack.rule_filter->candidates(sentence, scratch.filter);
  scratch.picked.resize(pack.whole_rules_by_filter.size());
  for (int f : picks) {
    const auto& whole = pack.whole_rules_by_filter[static_cast<std::size_t>(f)];
    rules.insert(rules.end(), whole.begin(), whole.end());
    scratch.picked[static_cast<std::size_t>(f)] = 1;
  }
  for (std::size_t indicator = 0; indicator < pack.rest_rules_by_indicator.size(); ++indicator) {
    if (names[indicator].empty()) continue;
    for (std::size_t r : pack.rest_rules_by_indicator[indicator])
      if (scratch.picked[pack.rules[r].filter]) rules.push_back(r);
  }
  for (int f : picks) scratch.picked[static_cast<std::size_t>(f)] = 0;
  std::sort(rules.begin(), rules.end());
  return rules;
}

// Completes a candidate whose name is not excluded from its figure: the
// figure's exclusions, reject, its value and its fit to the measure. False
// when the match is void.
bool finish(Candidate& c, std::string_view folded, const detail::CompiledPack& pack, QuantityScan& quantities) {
  const auto& rule = *c.rule;
  // 签约56个项目: the figure is 56个, as the quantity scan has it.
  std::size_t q_begin = resolve::past_word_holding_qualifier(folded, c.q_begin, c.q_end, pack.quantity);
  if (c.begin == c.q_begin) c.begin = q_begin;
  c.q_begin = q_begin;
  // A sign right after a digit joins a range (5-8个) or a code: it never
  // begins a figure, whatever part of the span the rule could not read.
  if (starts_with_sign_after_digit(folded, c.q_begin)) return false;
  if (quantities.touches_excluded(c.q_begin, c.q_end)) return false;
  if (rejected(rule, folded, c)) return false;
  // Most figures are mentions the quantity scan knows (read now if not yet;
  // it has checked their unit's context). Any other is read and checked here.
  std::optional<resolve::ParsedQuantity> q;
  const resolve::ParsedQuantity* found = quantities.at(c.q_begin, c.q_end);
  // A figure without its currency is one only as a whole mention: 1.2万 of
  // 1.2万吨 is none.
  if (!rule.bare_amount.empty() && !found) return false;
  if (found) {
    q = *found;
  } else {
    q = resolve::parse_quantity(folded.substr(c.q_begin, c.q_end - c.q_begin), pack);
    if (q && !resolve::unit_fits_context(*q, folded, c.q_begin)) return false;
  }
  if (!rule.bare_amount.empty() && q && q->kind == QuantityKind::number && q->unit.empty()) {
    q->kind = QuantityKind::money;
    q->unit = rule.bare_amount;
  }
  if (!q || !fits_measure(rule.measure, *q)) return false;
  c.quantity = std::move(*q);
  if (c.negated) negate(c.quantity);
  return true;
}

// The candidate of a match of rule r, from its groups (a list's figures
// and names are read per item).
Candidate candidate_of(const detail::CompiledRule& rule, std::size_t r, const Hit& h, std::string_view folded) {
  Candidate c{&rule, rule.indicator, r, h.begin, h.end, 0, 0, npos, npos, npos, npos, false, {}};
  if (rule.group_base) std::tie(c.base_begin, c.base_end) = h.group(folded, rule.group_base);
  c.negated = rule.group_neg && h.group(folded, rule.group_neg).first != npos;
  if (rule.group_name) std::tie(c.name_begin, c.name_end) = h.group(folded, rule.group_name);
  std::tie(c.q_begin, c.q_end) = h.group(folded, rule.group_q);
  return c;
}

// A match of a continuation: its candidate, or, for a match set aside
// during the scan, only where it lies (its groups are found in match_rules,
// if it can still be accepted there).
struct Continuation {
  std::optional<Candidate> candidate;
  std::size_t rule_index;
  std::size_t begin, end;
  std::size_t sentence_end;
};

struct RawCandidates {
  std::vector<Candidate> named;  // of every rule but the continuations
  std::vector<Continuation> continuations;  // in the order the scans met them
};

RawCandidates raw_candidates(std::string_view folded, const text::Segments& segments,
                             const detail::CompiledPack& pack, QuantityScan& quantities) {
  RawCandidates raw;
  std::vector<Candidate>& all = raw.named;
  // Kept from sentence to sentence: most sentences ask for both.
  RulesToTryScratch rules_scratch;
  std::vector<std::vector<NameAt>> names_found;
  RestAnswers rest_answers;
  for (std::size_t s = 0; s < segments.sentences.size(); ++s) {
    const text::Range& sentence = segments.sentences[s];
    // Only a sentence with a quantity can hold a fact. Finding its
    // mentions (see QuantityScan) costs more than asking whether it names
    // an indicator, and reading them more than asking which rules could
    // match, so those are asked first, of any sentence where a mention
    // could lie.
    if (!quantities.may_have_mention_in(sentence.begin, sentence.end)) continue;
    std::string_view sentence_text = folded.substr(sentence.begin, sentence.end - sentence.begin);
    rest_answers.clear();

    // Where each indicator's names occur in this sentence, found for all
    // indicators at once, when first needed.
    bool names_found_here = false;
    auto names_here = [&]() -> const std::vector<std::vector<NameAt>>& {
      if (!names_found_here) pack.names.find(folded, sentence.begin, sentence.end, names_found);
      names_found_here = true;
      return names_found;
    };
    auto names_in_sentence = [&](std::size_t indicator) -> const std::vector<NameAt>& { return names_here()[indicator]; };

    // Whether a name of an indicator at [b, e) lies inside one of the
    // indicator's exclusions in this sentence: only those that begin by b
    // can, so each exclusion is scanned only as far as the names asked about.
    std::map<std::string, std::vector<ScanOnDemand>> exclusions;
    auto name_excluded = [&](const std::string& indicator, std::size_t b, std::size_t e) {
      auto it = exclusions.find(indicator);
      if (it == exclusions.end()) {
        it = exclusions.emplace(indicator, std::vector<ScanOnDemand>{}).first;
        if (const auto* info = pack.indicator(indicator)) {
          const auto& names = names_in_sentence(static_cast<std::size_t>(info - pack.indicators.data()));
          it->second.reserve(info->excludes.size());
          for (std::size_t i = 0; i < info->excludes.size(); ++i) {
            const RE2& exclude = info->excludes[i]->get();
            if (info->exclude_at_names[i])
              it->second.emplace_back(exclude, names, info->exclude_rest_leads[i], folded, sentence.begin, sentence.end);
            else
              it->second.emplace_back(exclude, info->exclude_leads[i], folded, sentence.begin, sentence.end);
          }
        }
      }
      for (auto& exclusion : it->second)
        for (auto [xb, xe] : exclusion.through(b))
          if (xb <= b && e <= xe) return true;
      return false;
    };

    auto finish = [&](Candidate& c) { return match::finish(c, folded, pack, quantities); };

    // Four sentences in five name no indicator. Then no rule matched after
    // a name can match, nor can a continuation, with nothing to continue;
    // and when the sentence holds no clue either, no rule matched whole can
    // (see CompiledPack::name_clues), so the rule filter need not be asked.
    if (pack.name_clues &&
        std::all_of(names_here().begin(), names_here().end(), [](const auto& at) { return at.empty(); }))
      continue;
    if (!quantities.has_mention_in(sentence.begin, sentence.end)) continue;
    // A continuation (a rule that inherits its indicator) is accepted only
    // after a fact of the same sentence (see match_rules), so its rules are
    // tried last, and only when the others found a candidate here.
    std::vector<std::size_t> rules = rules_to_try(sentence_text, pack, names_here(), rules_scratch);
    std::stable_partition(rules.begin(), rules.end(), [&](std::size_t r) { return !pack.rules[r].inherits; });
    // With no rule that can run here but continuations, the sentence is
    // skipped before any of its mentions is read.
    if (std::all_of(rules.begin(), rules.end(), [&](std::size_t r) { return pack.rules[r].inherits; })) continue;
    if (!quantities.any_in(sentence.begin, sentence.end)) continue;
    std::size_t candidates_before = all.size();
    // Where the first figure of this sentence's other rules ends: a
    // continuation that begins before it can never be accepted (see
    // match_rules: its owner ends before it, and every owner's chain starts
    // at one of those figures).
    std::optional<std::size_t> first_owner_end;
    for (std::size_t r : rules) {
      const auto& rule = pack.rules[r];
      if (rule.inherits && all.size() == candidates_before) break;
      if (rule.inherits && !first_owner_end) {
        first_owner_end = npos;
        for (std::size_t i = candidates_before; i < all.size(); ++i) first_owner_end = std::min(*first_owner_end, all[i].q_end);
      }
      // A voided match does not hide a later one that overlaps it: the scan
      // goes on from just after the voided name (or match start).
      auto on_hit = [&](const Hit& h) -> std::size_t {
        Candidate c = candidate_of(rule, r, h, folded);
        if (rule.list_items.empty()) {
          // Past an excluded name, whatever else matched (as name_voided says
          // for the rules matched after a name).
          if (c.name_begin != npos && name_excluded(c.indicator, c.name_begin, c.name_end)) return c.name_end;
          if (c.q_begin == npos) return h.end;
          if (finish(c)) {
            if (rule.inherits) raw.continuations.push_back({std::move(c), r, h.begin, h.end, sentence.end});
            else all.push_back(std::move(c));
            return h.end;
          }
          // Past the voided name, never back over it: 新增营业收入 must not
          // match again without its 新增.
          return c.name_begin != npos ? c.name_end : h.begin;
        }
        // A list: one candidate per figure, paired with its name or the
        // rule's fixed indicator.
        for (std::size_t i = 0; i < rule.list_items.size(); ++i) {
          Candidate item = c;
          std::tie(item.q_begin, item.q_end) = h.group(folded, rule.list_items[i].group_q);
          if (item.q_begin == npos) continue;
          if (rule.list_items[i].group_name) {
            std::tie(item.name_begin, item.name_end) = h.group(folded, rule.list_items[i].group_name);
            if (item.name_begin == npos) continue;
            item.indicator = indicator_named(pack, folded.substr(item.name_begin, item.name_end - item.name_begin));
          } else {
            // An indicator's own list names it first (its name group).
            item.indicator = i < rule.list_indicators.size() ? rule.list_indicators[i] : rule.indicator;
          }
          if (item.indicator.empty()) continue;
          if (item.name_begin != npos && name_excluded(item.indicator, item.name_begin, item.name_end)) continue;
          if (finish(item)) all.push_back(std::move(item));
        }
        return h.end;
      };
      if (rule.rest) {
        const auto& names = names_in_sentence(rule.indicator_index);  // not empty: see rules_to_try
        auto name_voided = [&](const NameAt& at) { return name_excluded(rule.indicator, at.name_begin, at.end); };
        if (rule.prefix_words.empty()) {
          scan_after_names(rule.rest->get(), rule.rest_gap.get(), names, folded, on_hit, name_voided, sentence.begin,
                           sentence.end, &rest_answers);
        } else {
          auto prefixes = prefixes_of(rule.prefix_words, names, folded, sentence.begin);
          scan_after_names(rule.rest->get(), rule.rest_gap.get(), with_optional_prefix(prefixes, names), folded, on_hit,
                           name_voided, sentence.begin, sentence.end, &rest_answers);
        }
      } else if (rule.inherits) {
        // The groups of a match that begins before the first figure are
        // never needed. Those of any other are needed only if its figure
        // is still free once the other rules' candidates are chosen (see
        // match_rules): its span is kept and its groups are found then.
        auto set_aside = [&](std::size_t begin, std::size_t end) {
          if (begin >= *first_owner_end) raw.continuations.push_back({std::nullopt, r, begin, end, sentence.end});
          return true;
        };
        scan_with(rule.pattern->get(), rule.lead, folded, on_hit, sentence.begin, sentence.end, set_aside,
                  rule.clause_starts ? &*rule.clause_starts : nullptr);
      } else {
        scan_with(rule.pattern->get(), rule.lead, folded, on_hit, sentence.begin, sentence.end, NoneSetAside{},
                  rule.clause_starts ? &*rule.clause_starts : nullptr);
      }
    }
  }
  return raw;
}

// The figures accepted so far, by start: disjoint, so sorted by end too.
using Accepted = std::map<std::size_t, Candidate>;

// Whether an accepted figure overlaps [begin, end).
bool overlaps_any(const Accepted& accepted, std::size_t begin, std::size_t end) {
  auto it = accepted.lower_bound(begin);
  if (it != accepted.end() && it->second.q_begin < end) return true;
  return it != accepted.begin() && std::prev(it)->second.q_end > begin;
}

bool overlaps_any(const Accepted& accepted, const Candidate& c) { return overlaps_any(accepted, c.q_begin, c.q_end); }

// The candidate of a continuation's match set aside during the scan, now
// with its groups (as scan_at_leads would have found them), if it is one.
std::optional<Candidate> candidate_of(const Continuation& k, std::string_view folded,
                                      const detail::CompiledPack& pack, QuantityScan& quantities) {
  const auto& rule = pack.rules[k.rule_index];
  const RE2& re = rule.pattern->get();
  int n = re.NumberOfCapturingGroups() + 1;
  Hit h{k.begin, k.end, Groups(static_cast<std::size_t>(n))};
  // Most continuations begin with [,;] and a gap: their groups are found
  // after that character without RE2's NFA over the gap.
  bool found = false;
  if (const LeadingGap* gap = rule.gap_after_first_char.get(); gap && k.begin < k.end) {
    std::size_t after_first = k.begin + text::decode_valid_at(folded, k.begin).size;
    found = gap->groups(folded, after_first, k.end, h.groups.data(), n);
  }
  if (found) h.groups[0] = re2::StringPiece(folded.data() + k.begin, k.end - k.begin);
  else groups_of_match(re, folded, k.begin, k.end, k.sentence_end, h.groups.data(), n);
  Candidate c = candidate_of(rule, k.rule_index, h, folded);
  if (c.q_begin == npos || !finish(c, folded, pack, quantities)) return std::nullopt;
  return c;
}

}  // namespace

std::vector<Candidate> match_rules(std::string_view folded, const text::Segments& segments,
                                   const detail::CompiledPack& pack, QuantityScan& quantities) {
  RawCandidates raw = raw_candidates(folded, segments, pack, quantities);
  std::vector<Candidate>& named = raw.named;
  std::sort(named.begin(), named.end(), [](const Candidate& a, const Candidate& b) {
    auto key = [](const Candidate& c) {
      std::size_t name_length = c.name_begin == npos ? 0 : c.name_end - c.name_begin;
      return std::tuple(distance(c), -static_cast<long>(name_length), -c.rule->priority, c.rule_index, c.q_begin);
    };
    return key(a) < key(b);
  });
  Accepted accepted;
  for (auto& c : named)
    if (!overlaps_any(accepted, c)) accepted.emplace(c.q_begin, std::move(c));

  // Inherited figures last, in text order, so one can continue another
  // (…增长14.8%；在同期工业中的比重为11.2%，比上年同期提高0.9个百分点).
  // A continuation whose figure ends its match cannot be accepted when a
  // figure accepted above holds its last byte: it would overlap it. Such a
  // match set aside during the scan (most of them: the other rules claim
  // the figure after a level, 税收收入13.57亿元，增长9.2%) never needs its
  // groups.
  std::vector<Candidate> inherited;
  for (auto& k : raw.continuations) {
    if (k.candidate) {
      inherited.push_back(std::move(*k.candidate));
    } else if (!(pack.rules[k.rule_index].figure_ends_match && overlaps_any(accepted, k.end - 1, k.end))) {
      if (auto c = candidate_of(k, folded, pack, quantities)) inherited.push_back(std::move(*c));
    }
  }
  std::stable_sort(inherited.begin(), inherited.end(),
                   [](const Candidate& a, const Candidate& b) { return a.q_begin < b.q_begin; });
  for (auto& c : inherited) {
    if (overlaps_any(accepted, c)) continue;
    // The nearest fact before this figure in the same sentence names it.
    std::size_t sentence = segments.sentence_at(c.q_begin);
    auto after = accepted.lower_bound(c.begin);
    while (after != accepted.begin() && std::prev(after)->second.q_end > c.begin) --after;
    if (after == accepted.begin()) continue;
    const Candidate* owner = &std::prev(after)->second;
    if (segments.sentence_at(owner->q_begin) != sentence) continue;
    // Another indicator named between the owner's figure and this one
    // takes the figure away from the owner. The whole stretch is read, not
    // only what lies before the match: a match may begin inside the name
    // (…，毛利率提升3个百分点 matches from 利率).
    const auto& between = c.rule->reject_between ? c.rule->reject_between : c.rule->reject;
    if (between && reject_matches(between->get(), folded, c, owner->q_end, c.q_begin)) continue;
    // A level continues a level only in its unit: 签约项目56个，达320亿元
    // is no count of 32 billion.
    if (c.rule->measure == Measure::level && owner->rule->measure == Measure::level &&
        owner->quantity.unit != c.quantity.unit)
      continue;
    c.indicator = owner->indicator;
    accepted.emplace(c.q_begin, std::move(c));
  }
  std::vector<Candidate> out;
  out.reserve(accepted.size());
  for (auto& [begin, c] : accepted) out.push_back(std::move(c));
  return out;
}

}  // namespace zhibiao::match
