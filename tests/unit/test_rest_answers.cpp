// RestAnswers keeps what a remainder answered at a place for the rest of a
// sentence, and scan_after_names reads it instead of asking RE2 again.
#define BOOST_TEST_MODULE rest_answers
#include <boost/test/unit_test.hpp>

#include <re2/re2.h>

#include <optional>
#include <string>
#include <vector>

#include "match/name_finder.hpp"
#include "match/rest_answers.hpp"
#include "match/scan.hpp"

using zhibiao::match::RestAnswers;

namespace {

// An answer as Boost.Test can print it: -1 for no match.
long printable(std::optional<std::size_t> length) { return length ? static_cast<long>(*length) : -1; }

}  // namespace

BOOST_AUTO_TEST_CASE(each_remainder_and_place_is_asked_once_until_cleared) {
  RE2 growth("增长(\\d+)%");
  RE2 level("为(\\d+)亿元");
  RestAnswers answers;
  int asked = 0;
  auto answer = [&](std::optional<std::size_t> a) {
    return [&asked, a] {
      ++asked;
      return a;
    };
  };
  BOOST_TEST(printable(answers.get(growth, 10, answer(7))) == 7);
  BOOST_TEST(printable(answers.get(growth, 10, answer(99))) == 7);  // kept
  BOOST_TEST(asked == 1);
  // No match is an answer too.
  BOOST_TEST(!answers.get(growth, 20, answer(std::nullopt)));
  BOOST_TEST(!answers.get(growth, 20, answer(5)));
  BOOST_TEST(asked == 2);
  // Another remainder at the same place, or the same one elsewhere, is asked.
  BOOST_TEST(printable(answers.get(level, 10, answer(3))) == 3);
  BOOST_TEST(printable(answers.get(growth, 11, answer(4))) == 4);
  BOOST_TEST(asked == 4);
  answers.clear();
  BOOST_TEST(printable(answers.get(growth, 10, answer(8))) == 8);
  BOOST_TEST(asked == 5);
}

BOOST_AUTO_TEST_CASE(past_the_answers_it_keeps_each_question_is_still_answered_right) {
  RE2 rest("增长");
  RestAnswers answers;
  int asked = 0;
  for (int round = 0; round < 2; ++round)
    for (std::size_t at = 0; at < 200; ++at) {
      auto got = answers.get(rest, at, [&] {
        ++asked;
        return std::optional<std::size_t>(at * 2);
      });
      BOOST_TEST(printable(got) == static_cast<long>(at * 2));
    }
  // The first 64 places are kept; the others are asked each time.
  BOOST_TEST(asked == 200 + (200 - 64));
}

BOOST_AUTO_TEST_CASE(a_scan_after_names_takes_a_kept_answer_instead_of_asking_again) {
  using zhibiao::match::Hit;
  std::string text = "规模以上工业增加值增长8%";
  RE2 rest("(增长(\\d+)%)");
  auto scan = [&](const std::vector<std::string>& names, RestAnswers& answers) {
    std::vector<std::string> found;
    zhibiao::match::scan_after_names(
        rest, nullptr, zhibiao::match::find_names(names, text, 0, text.size()), text,
        [&](const Hit& h) { found.push_back(text.substr(h.begin, h.end - h.begin)); },
        [](const zhibiao::match::NameAt&) { return false; }, 0, text.size(), &answers);
    return found;
  };
  // Two indicators whose names end at the same place: the second scan is
  // told what the first was, and finds the same figure after its name.
  RestAnswers answers;
  BOOST_TEST(scan({"规模以上工业增加值"}, answers) == std::vector<std::string>{"规模以上工业增加值增长8%"},
             boost::test_tools::per_element());
  BOOST_TEST(scan({"工业增加值"}, answers) == std::vector<std::string>{"工业增加值增长8%"},
             boost::test_tools::per_element());
  // A kept "no match" at the names' end is believed: RE2 is not asked.
  RestAnswers told_none;
  std::size_t names_end = text.find("增长");
  BOOST_TEST(!told_none.get(rest, names_end, [] { return std::optional<std::size_t>(); }));
  BOOST_TEST(scan({"工业增加值"}, told_none).empty());
}
