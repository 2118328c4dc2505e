#define BOOST_TEST_MODULE period_resolver
#include <boost/test/unit_test.hpp>

#include "bundled_pack.hpp"

#include "resolve/period_resolver.hpp"
#include "text/normalizer.hpp"
#include "zhibiao/extractor.hpp"
#include "zhibiao/rule_pack.hpp"

using namespace zhibiao;

namespace {

const RulePack& pack() { return testing::bundled_pack(); }

// The period the resolver gives a figure found at the first occurrence of
// `figure` in `text`.
std::string period_of(const std::string& text, const std::string& figure, const std::string& date,
                      const std::string& title = "") {
  const auto& cp = pack().compiled();
  auto norm = text::normalize(text, *cp.fold);
  auto segs = text::segment(norm.text, cp.segments);
  auto doc_date = resolve::document_date(date, norm.text, cp);
  std::optional<Period> title_period;
  std::optional<int> scope = doc_date.year;
  if (!title.empty()) {
    auto tn = text::normalize(title, *cp.fold);
    auto ts = text::segment(tn.text, cp.segments);
    auto tp = resolve::find_periods(tn.text, ts, cp, doc_date, doc_date.year);
    if (!tp.empty()) {
      title_period = tp.back().period;
      scope = tp.back().period.last_year;
    }
  }
  resolve::PeriodResolver resolver(norm.text, segs, resolve::find_periods(norm.text, segs, cp, doc_date, scope),
                                   title_period);
  auto pos = norm.text.find(figure);
  BOOST_REQUIRE(pos != std::string::npos);
  // The figure is the text's only one.
  auto p = resolver.period_for(
      pos, pos + figure.size(), [pos](std::size_t after, std::size_t before) { return after < pos && pos < before; },
      false);
  return p ? p->to_string() : "";
}

}  // namespace

BOOST_AUTO_TEST_CASE(period_type_round_trips) {
  BOOST_TEST(Period::months(2023, 1, 6).to_string() == "2023-01/2023-06");
  BOOST_TEST(Period::month(2023, 6).to_string() == "2023-06");
  BOOST_TEST(Period::years(2018, 2022).to_string() == "2018/2022");
  BOOST_TEST(Period::parse("2023-01/2023-06")->to_string() == "2023-01/2023-06");
  BOOST_TEST(!Period::parse("2023-13"));
  BOOST_TEST(!Period::parse("23"));
}

BOOST_AUTO_TEST_CASE(relative_periods_take_the_document_year) {
  BOOST_TEST(period_of("上半年完成投资10亿元。", "10亿元", "2023-07-12") == "2023-01/2023-06");
  BOOST_TEST(period_of("1—5月固投增长20%。", "20%", "2023-07-12") == "2023-01/2023-05");
  BOOST_TEST(period_of("前三季度增长5%。", "5%", "2022-10-20") == "2022-01/2022-09");
  BOOST_TEST(period_of("去年增长5%。", "5%", "2022-10-20") == "2021");
  BOOST_TEST(period_of("过去五年年均增长7.1%。", "7.1%", "2023-03-05") == "2018/2022");
}

BOOST_AUTO_TEST_CASE(explicit_years_set_the_scope) {
  BOOST_TEST(period_of("2022年1-11月增长5%。", "5%", "2023-01-05") == "2022-01/2022-11");
  BOOST_TEST(period_of("2018—2022年年均增长6%。", "6%", "2023-01-05") == "2018/2022");
}

BOOST_AUTO_TEST_CASE(inherited_within_paragraph_not_across) {
  std::string text = "2021年全市经济平稳。工业增长6%。\n第二段增长7%。";
  BOOST_TEST(period_of(text, "6%", "2023-01-05") == "2021");
  BOOST_TEST(period_of(text, "7%", "2023-01-05") == "");
}

BOOST_AUTO_TEST_CASE(brackets_after_the_figure_win) {
  BOOST_TEST(period_of("2023年完成投资113.26亿元(1—11月)。", "113.26亿元", "2023-12-20") == "2023-01/2023-11");
}

BOOST_AUTO_TEST_CASE(comparison_bases_and_publication_dates_are_not_periods) {
  BOOST_TEST(period_of("比2019年同期增长5%。", "5%", "") == "");
  BOOST_TEST(period_of("2009年3月18日发布。全年增长9%。", "9%", "2009-03-18", "2008年统计公报") == "2008");
}

BOOST_AUTO_TEST_CASE(headings_and_title) {
  std::string text = "一、2022年工作回顾\n全市生产总值增长3%。";
  BOOST_TEST(period_of(text, "3%", "2023-01-10") == "2022");
  BOOST_TEST(period_of("全市增长3%。", "3%", "2023-01-10", "2021年国民经济统计公报") == "2021");
}

BOOST_AUTO_TEST_CASE(document_relative_years_set_the_scope) {
  BOOST_TEST(period_of("去年进出口增长39.7%。全年批准项目741个。", "741个", "1985-03-27") == "1984");
  BOOST_TEST(period_of("截至目前，累计引进企业2400家。", "2400家", "2016-11-21") == "2016-11");
  BOOST_TEST(period_of("元至7月财政收入增长49.77%。", "49.77%", "2010-08-19") == "2010-01/2010-07");
  BOOST_TEST(period_of("今年前10个月新签约项目247个。", "247个", "2017-12-09") == "2017-01/2017-10");
}

BOOST_AUTO_TEST_CASE(document_date_from_a_header_line) {
  BOOST_TEST(period_of("来源:高新院 日期:2023-07-12\n上半年增长5%。", "5%", "") == "2023-01/2023-06");
}

// A fact needs only the period phrases that begin before the end of its
// sentence: a paragraph read only that far gives exactly those of reading
// it whole, with the overlaps among them settled the same.
BOOST_AUTO_TEST_CASE(a_paragraph_read_up_to_a_sentence_end_gives_the_phrases_before_it) {
  const auto& cp = pack().compiled();
  BOOST_TEST(cp.periods.within_sentences);
  std::string text =
      "2022年上半年增长5%。1—5月投资增长3%,比2020年同期下降2%。五年间年均增长6%(1-11月)。截至2023年3月底企业120家\n"
      "第二段2021年增长7%。";
  auto norm = text::normalize(text, *cp.fold);
  auto segs = text::segment(norm.text, cp.segments);
  BOOST_REQUIRE(segs.paragraphs.size() == 2u);
  const text::Range first = segs.paragraphs[0].range;
  auto phrases = [](const std::vector<resolve::PeriodMention>& mentions) {
    std::vector<std::string> out;
    for (const auto& m : mentions)
      out.push_back(std::to_string(m.begin) + "-" + std::to_string(m.end) + " " + m.period.to_string());
    return out;
  };
  for (std::string date : {"2023-07-12", ""}) {
    auto doc_date = resolve::document_date(date, norm.text, cp);
    const std::size_t second = segs.paragraphs[1].range.begin;  // not read
    auto whole = resolve::find_periods(norm.text, segs, cp, doc_date, doc_date.year, {first.end, second});
    BOOST_REQUIRE(whole.size() >= 5u);
    for (std::size_t s = segs.paragraphs[0].first_sentence; s < segs.paragraphs[1].first_sentence; ++s) {
      std::size_t until = segs.sentences[s].end;
      auto part = resolve::find_periods(norm.text, segs, cp, doc_date, doc_date.year, {until, second});
      std::vector<resolve::PeriodMention> expected;
      for (const auto& m : whole)
        // Undated, the document's year is the last stated in full: every
        // paragraph asked for is then read whole.
        if (m.begin < until || date.empty()) expected.push_back(m);
      BOOST_TEST(phrases(part) == phrases(expected), boost::test_tools::per_element());
    }
  }
}
