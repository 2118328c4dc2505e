// End to end: run the built extract on the seed article and check the
// spec's nine example facts field by field, and that begin/end point at
// exactly the bytes of text.
#define BOOST_TEST_MODULE seed_article
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  BOOST_REQUIRE(pipe);
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  BOOST_REQUIRE(::pclose(pipe) == 0);
  return out;
}

// RFC 4180 records (quoted fields may hold commas, quotes and newlines).
std::vector<std::vector<std::string>> parse_csv(const std::string& s) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') field += s[++i];
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(field);
      field.clear();
      rows.emplace_back();
    } else {
      field += c;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

struct Expected {
  std::string indicator, measure, value, unit, qualifier, modality, period, fragment;
};

// The examples table of shared/spec/facts.md.
const std::vector<Expected> kNine = {
    {"project_count", "level", "122", "count", "eq", "planned", "2023", "122個"},
    {"investment", "level", "28300000000", "CNY", "eq", "planned", "2023", "283億元"},
    {"investment", "growth", "10", "percent", "eq", "planned", "2023", "10%"},
    {"project_count", "level", "9", "count", "eq", "actual", "2023", "9個"},
    {"fixed_asset_investment", "growth", "20", "percent", "ge", "actual", "2023-01/2023-05", "20%以上"},
    {"gdp", "level", "19320000000", "CNY", "eq", "expected", "2023-01/2023-06", "193.2億元"},
    {"gdp", "share", "10", "percent", "ge", "expected", "2023-01/2023-06", "10%以上"},
    {"tax_revenue", "level", "1357000000", "CNY", "eq", "expected", "2023-01/2023-06", "13.57億元"},
    {"high_tech_va", "share", "34.3", "percent", "eq", "expected", "2023-01/2023-06", "34.3%"},
};

}  // namespace

BOOST_AUTO_TEST_CASE(the_seed_article_gives_exactly_the_nine_facts) {
  const std::string seed = std::string(ZHIBIAO_SEEDS) + "/seed-article.txt";
  const std::string original = read_file(seed);
  auto rows = parse_csv(run(std::string(ZHIBIAO_EXTRACT) + " " + seed));
  BOOST_REQUIRE(!rows.empty());
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < rows[0].size(); ++i) col[rows[0][i]] = i;
  for (const char* c : {"doc", "begin", "end", "indicator", "measure", "value", "unit", "qualifier", "value_max",
                        "modality", "period", "subject", "base", "text", "rule"})
    BOOST_REQUIRE_MESSAGE(col.count(c), "missing column " << c);

  BOOST_REQUIRE_EQUAL(rows.size() - 1, kNine.size());
  for (std::size_t i = 0; i < kNine.size(); ++i) {
    const auto& row = rows[i + 1];
    const auto& want = kNine[i];
    BOOST_TEST_CONTEXT("fact " << i + 1 << " (" << want.indicator << " " << want.measure << ")") {
      BOOST_TEST(row[col["doc"]] == seed);
      BOOST_TEST(row[col["indicator"]] == want.indicator);
      BOOST_TEST(row[col["measure"]] == want.measure);
      BOOST_TEST(row[col["value"]] == want.value);
      BOOST_TEST(row[col["unit"]] == want.unit);
      BOOST_TEST(row[col["qualifier"]] == want.qualifier);
      BOOST_TEST(row[col["value_max"]] == "");
      BOOST_TEST(row[col["modality"]] == want.modality);
      BOOST_TEST(row[col["period"]] == want.period);
      BOOST_TEST(!row[col["rule"]].empty());
      std::size_t begin = std::stoul(row[col["begin"]]), end = std::stoul(row[col["end"]]);
      BOOST_REQUIRE(begin < end);
      BOOST_REQUIRE(end <= original.size());
      BOOST_TEST(original.substr(begin, end - begin) == row[col["text"]]);
      BOOST_TEST(row[col["text"]].find(want.fragment) != std::string::npos);
    }
  }
}
