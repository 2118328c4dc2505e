// Subjects: the zone or region named nearest before a fact's text in its
// paragraph, found in as much of the paragraph as the facts need.
#define BOOST_TEST_MODULE subject_resolver
#include <boost/test/unit_test.hpp>

#include "bundled_pack.hpp"

#include "resolve/subject_resolver.hpp"
#include "text/normalizer.hpp"
#include "text/segmenter.hpp"

using namespace zhibiao;

namespace {

std::vector<std::string> spans(const std::string& folded, const std::vector<resolve::SubjectMention>& mentions) {
  std::vector<std::string> out;
  for (const auto& m : mentions)
    out.push_back(std::to_string(m.begin) + " " + folded.substr(m.begin, m.end - m.begin));
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_nearest_subject_before_the_fact_in_its_paragraph) {
  const auto& cp = testing::bundled_pack().compiled();
  std::string text = "苏州高新区地区生产总值增长5%,全市增长4%。\n投资增长3%。";
  auto norm = text::normalize(text, *cp.fold);
  auto segs = text::segment(norm.text, cp.segments);
  auto mentions = resolve::find_subjects(norm.text, cp, &segs);
  auto at = [&](const std::string& figure) {
    std::size_t pos = norm.text.find(figure);
    std::size_t p = segs.paragraph_of_sentence[segs.sentence_at(pos)];
    const auto* m = resolve::subject_for(mentions, segs.paragraphs[p].range, pos);
    return m ? norm.text.substr(m->begin, m->end - m->begin) : std::string();
  };
  BOOST_TEST(at("5%") == "苏州高新区");
  BOOST_TEST(at("4%") == "全市");
  BOOST_TEST(at("3%") == "");  // not across paragraphs
}

// A paragraph read only up to the end of one of its sentences gives exactly
// the mentions that begin before it.
BOOST_AUTO_TEST_CASE(a_paragraph_read_up_to_a_sentence_end_gives_the_mentions_before_it) {
  const auto& cp = testing::bundled_pack().compiled();
  BOOST_TEST(cp.subjects.within_sentences);  // its place characters are Han ones (\P{Han} read with ICU)
  std::string text =
      "苏州高新区实现增长5%。全市工业园区增长4%,高于全省。该县开发区和我市经开区增长3%。国家级经开区\n"
      "第二段全国增长2%。";
  auto norm = text::normalize(text, *cp.fold);
  auto segs = text::segment(norm.text, cp.segments);
  BOOST_REQUIRE(segs.paragraphs.size() == 2u);
  std::size_t second = segs.paragraphs[1].range.begin;
  auto whole = resolve::find_subjects(norm.text, cp, &segs, {segs.paragraphs[0].range.end, second});
  BOOST_REQUIRE(whole.size() == 5u);  // 全省 after 于 is a yardstick, not a subject
  for (std::size_t s = 0; s < segs.paragraphs[1].first_sentence; ++s) {
    std::size_t until = segs.sentences[s].end;
    std::vector<resolve::SubjectMention> expected;
    for (const auto& m : whole)
      if (m.begin < until) expected.push_back(m);
    BOOST_TEST(spans(norm.text, resolve::find_subjects(norm.text, cp, &segs, {until, second})) ==
                   spans(norm.text, expected),
               boost::test_tools::per_element());
  }
}
