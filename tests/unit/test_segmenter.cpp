// Paragraphs, sentences and headings; and the same segments whether the
// segmenter finds the line breaks and sentence ends itself or reads where
// the normaliser listed them.
#define BOOST_TEST_MODULE segmenter
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>

#include "bundled_pack.hpp"

#include "text/normalizer.hpp"
#include "text/segmenter.hpp"

using namespace zhibiao;

namespace {

std::vector<std::string> pieces(const std::string& text, const std::vector<text::Range>& ranges) {
  std::vector<std::string> out;
  for (const auto& r : ranges) out.push_back(text.substr(r.begin, r.end - r.begin));
  return out;
}

// Every field of two segmentations, as text, for one comparison.
std::string described(const std::string& text, const text::Segments& s) {
  std::ostringstream out;
  for (const auto& p : s.paragraphs)
    out << "[" << text.substr(p.range.begin, p.range.end - p.range.begin) << (p.heading ? "|heading" : "") << "|"
        << p.first_sentence << "]";
  for (std::size_t i = 0; i < s.sentences.size(); ++i)
    out << "{" << text.substr(s.sentences[i].begin, s.sentences[i].end - s.sentences[i].begin) << "|"
        << s.paragraph_of_sentence[i] << "}";
  return out.str();
}

}  // namespace

BOOST_AUTO_TEST_CASE(lines_are_paragraphs_and_short_lines_without_an_end_are_headings) {
  text::SegmentOptions options{{U'。', U'!', U'?'}, 6};
  std::string text = "一、总体情况\n投资增长5%。出口增长!其余\n\n这一行有七个字了";
  auto s = text::segment(text, options);
  BOOST_REQUIRE(s.paragraphs.size() == 4u);
  BOOST_TEST(s.paragraphs[0].heading);
  BOOST_TEST(!s.paragraphs[1].heading);  // it holds a sentence end
  BOOST_TEST(!s.paragraphs[2].heading);  // empty
  BOOST_TEST(!s.paragraphs[3].heading);  // seven characters, more than six
  BOOST_TEST(pieces(text, s.sentences) ==
                 (std::vector<std::string>{"一、总体情况", "投资增长5%。", "出口增长!", "其余", "", "这一行有七个字了"}),
             boost::test_tools::per_element());
  BOOST_TEST(s.paragraph_of_sentence == (std::vector<std::size_t>{0, 1, 1, 1, 2, 3}), boost::test_tools::per_element());
  BOOST_TEST(s.paragraphs[3].first_sentence == 5u);
  BOOST_TEST(s.sentence_at(text.find("出口")) == 2u);

  // An empty text is one empty paragraph; a final line break opens one.
  BOOST_TEST(text::segment("", options).sentences.size() == 1u);
  auto ended = text::segment("增长。\n", options);
  BOOST_TEST(ended.paragraphs.size() == 2u);
  BOOST_TEST(pieces("增长。\n", ended.sentences) == (std::vector<std::string>{"增长。", ""}),
             boost::test_tools::per_element());
}

// A line break after an opening mark or before a closing one falls inside
// a sentence: the short line beside it is a piece of that sentence.
BOOST_AUTO_TEST_CASE(a_short_line_broken_out_of_a_sentence_is_no_heading) {
  text::SegmentOptions options{{U'。'}, 20, {U'《', U'('}, {U'》', U','}};
  auto headings = [&](const std::string& text) {
    std::vector<bool> out;
    for (const auto& p : text::segment(text, options).paragraphs) out.push_back(p.heading);
    return out;
  };
  // After 《, before 》: no line of the broken sentence is a heading.
  BOOST_TEST(headings("根据《\n2035年远景目标纲要\n》,提请审查。") == (std::vector<bool>{false, false, false}),
             boost::test_tools::per_element());
  // Either break alone is enough.
  BOOST_TEST(headings("根据《\n2035年远景目标纲要\n提请审查。") == (std::vector<bool>{false, false, false}),
             boost::test_tools::per_element());
  BOOST_TEST(headings("一、回顾\n2035年远景目标纲要\n,提请审查。") == (std::vector<bool>{true, false, false}),
             boost::test_tools::per_element());
  BOOST_TEST(headings("一、回顾\n2035年远景目标纲要(\n草案)。") == (std::vector<bool>{true, false, false}),
             boost::test_tools::per_element());
  // An opening mark that begins the next line, or a closing one that ends
  // the line before, says nothing: "(一)" heads a section.
  BOOST_TEST(headings("一、回顾\n2022年工作\n(一)经济运行。") == (std::vector<bool>{true, true, false}),
             boost::test_tools::per_element());
  BOOST_TEST(headings("见《纲要》\n2022年工作\n正文。") == (std::vector<bool>{true, true, false}),
             boost::test_tools::per_element());
  // A blank line between: the break beside the line is a paragraph's end.
  BOOST_TEST(headings("根据《\n\n2022年工作\n\n》,审查。") == (std::vector<bool>{false, false, true, false, false}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_breaks_the_normaliser_lists_give_the_same_segments) {
  const auto& cp = testing::bundled_pack().compiled();
  std::ifstream in(ZHIBIAO_SEEDS "/seed-article.txt");
  std::stringstream seed;
  seed << in.rdbuf();
  std::vector<std::string> texts = {seed.str(), "", "\n", "。", "增长5%。。\r\n\r\n第二段！没有句号", "标题\n正文？"};
  for (const auto& t : cp.tests) texts.push_back(t.text);
  std::size_t sentences = 0;
  for (const auto& t : texts) {
    auto norm = text::normalize(t, *cp.fold);
    auto found = text::segment(norm.text, cp.segments);
    auto listed = text::segment(norm.text, cp.segments, norm.breaks);
    BOOST_TEST(described(norm.text, listed) == described(norm.text, found), t);
    sentences += found.sentences.size();
  }
  BOOST_TEST(sentences > 500u);
  // A list that misses a sentence end misses that sentence: the list is
  // what the segmenter reads.
  std::string three = "一。二。三";  // 。 at bytes 3 and 9
  BOOST_TEST(text::segment(three, cp.segments, {{3, 6}}).sentences.size() == 2u);
  BOOST_TEST(text::segment(three, cp.segments, {{3, 6}, {9, 12}}).sentences.size() == 3u);
}
