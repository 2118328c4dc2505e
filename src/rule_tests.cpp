// The runner for the test cases that rule files carry. A case passes when
// the records the extractor produces (facts of the case's indicator, or
// quantities) and the expected records pair up one to one, each expected
// field equal to the produced one; fields a case does not state are not
// compared. Values compare as decimals, so "1.50" equals "1.5".
#include "zhibiao/rule_tests.hpp"

#include <fmt/format.h>

#include "io/records.hpp"
#include "rules/compiled_pack.hpp"
#include "zhibiao/extractor.hpp"

namespace zhibiao {
namespace {

bool same_value(std::string_view field, const std::string& want, const std::string& got) {
  if (field == "value" || field == "value_max") {
    auto a = Decimal::parse(want), b = Decimal::parse(got);
    if (a && b) return *a == *b;
  }
  return want == got;
}

std::map<std::string, std::string> as_map(const io::Fields& fields) {
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : fields) out[std::string(k)] = v;
  return out;
}

bool matches(const detail::ExpectedRecord& want, const std::map<std::string, std::string>& got) {
  for (const auto& [k, v] : want.fields) {
    auto it = got.find(k);
    if (it == got.end() || !same_value(k, v, it->second)) return false;
  }
  return true;
}

std::string describe(const std::map<std::string, std::string>& fields, const std::vector<std::string>& keys) {
  std::string out = "{";
  for (const auto& k : keys) {
    auto it = fields.find(k);
    if (it == fields.end()) continue;
    out += fmt::format("{}{}={}", out.size() > 1 ? " " : "", k, it->second);
  }
  return out + "}";
}

}  // namespace

std::string RuleTestFailure::to_string() const {
  return fmt::format("{}:{}: test failed\n  text:     {}\n  expected: {}\n  got:      {}", file, line, text, expected, got);
}

RuleTestReport run_rule_tests(const RulePack& pack) {
  // Every pattern, not only those the cases reach: a pattern RE2 rejects
  // is found here, before a run meets it.
  pack.compile_all();
  RuleTestReport report;
  Extractor extractor(pack);
  static const std::vector<std::string> kFactKeys{"indicator", "measure", "value", "unit", "qualifier", "value_max",
                                                  "modality", "period", "subject", "base"};
  static const std::vector<std::string> kQuantityKeys{"kind", "value", "unit", "qualifier", "value_max", "text"};
  for (const auto& test : pack.compiled().tests) {
    ++report.cases;
    Document doc{"test", test.text, test.date, test.title};
    std::vector<std::map<std::string, std::string>> got;
    if (test.quantities) {
      for (const auto& q : extractor.quantities(doc)) got.push_back(as_map(io::quantity_fields(doc.id, q)));
    } else {
      for (const auto& f : extractor.facts(doc))
        if (test.indicator.empty() || f.indicator == test.indicator) got.push_back(as_map(io::fact_fields(doc.id, f)));
    }
    std::vector<bool> used(got.size(), false);
    bool ok = true;
    for (const auto& want : test.expect) {
      bool found = false;
      for (std::size_t i = 0; i < got.size() && !found; ++i)
        if (!used[i] && matches(want, got[i])) used[i] = found = true;
      ok = ok && found;
    }
    ok = ok && std::all_of(used.begin(), used.end(), [](bool u) { return u; });
    if (ok) continue;
    const auto& keys = test.quantities ? kQuantityKeys : kFactKeys;
    RuleTestFailure failure{test.where.file, test.where.line, test.text, "", ""};
    for (const auto& want : test.expect)
      failure.expected += (failure.expected.empty() ? "" : ", ") + describe(want.fields, keys);
    for (const auto& g : got) failure.got += (failure.got.empty() ? "" : ", ") + describe(g, keys);
    if (failure.expected.empty()) failure.expected = "(nothing)";
    if (failure.got.empty()) failure.got = "(nothing)";
    report.failures.push_back(std::move(failure));
  }
  return report;
}

}  // namespace zhibiao
