// A window's matches are found the first time a question reaches it, and
// only then: the quantity scan's speed rests on windows no question
// reaches never being scanned.
#define BOOST_TEST_MODULE matches_by_window
#include <boost/test/unit_test.hpp>

#include <vector>

#include "match/matches_by_window.hpp"

using zhibiao::match::MatchesByWindow;
using zhibiao::text::Range;

namespace {

// Windows [0,2) [5,8) [10,12); a window's "matches" are its positions.
struct Counted {
  MatchesByWindow<std::size_t> matches{std::vector<Range>{{0, 2}, {5, 8}, {10, 12}}};
  std::vector<std::size_t> scanned;  // the windows' begins, in the order scanned
  auto scan_window() {
    return [this](const Range& w, std::vector<std::size_t>& out) {
      scanned.push_back(w.begin);
      for (std::size_t p = w.begin; p < w.end; ++p) out.push_back(p);
    };
  }
  std::vector<std::size_t> found(std::size_t from, std::size_t to) {
    std::vector<std::size_t> out;
    matches.find(from, to, scan_window(), [&](std::size_t p) {
      out.push_back(p);
      return false;
    });
    return out;
  }
};

}  // namespace

BOOST_AUTO_TEST_CASE(only_the_windows_a_question_meets_are_scanned_once_each) {
  Counted c;
  BOOST_TEST(c.found(2, 5).empty());  // between windows
  BOOST_TEST(c.scanned.empty());
  BOOST_TEST(c.found(6, 7) == (std::vector<std::size_t>{5, 6, 7}), boost::test_tools::per_element());
  BOOST_TEST(c.scanned == (std::vector<std::size_t>{5}), boost::test_tools::per_element());
  BOOST_TEST(c.found(0, 12) == (std::vector<std::size_t>{0, 1, 5, 6, 7, 10, 11}), boost::test_tools::per_element());
  BOOST_TEST(c.scanned == (std::vector<std::size_t>{5, 0, 10}), boost::test_tools::per_element());
  c.found(0, 12);
  BOOST_TEST(c.scanned.size() == 3u);
}

BOOST_AUTO_TEST_CASE(a_visit_that_returns_true_stops_the_scan_there) {
  Counted c;
  std::vector<std::size_t> seen;
  bool stopped = c.matches.find(0, 12, c.scan_window(), [&](std::size_t p) {
    seen.push_back(p);
    return p == 5;
  });
  BOOST_TEST(stopped);
  BOOST_TEST(seen == (std::vector<std::size_t>{0, 1, 5}), boost::test_tools::per_element());
  BOOST_TEST(c.scanned == (std::vector<std::size_t>{0, 5}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(whether_a_window_meets_a_range_is_told_without_scanning) {
  Counted c;
  BOOST_TEST(!c.matches.any_window_in(2, 5));
  BOOST_TEST(c.matches.any_window_in(1, 3));
  BOOST_TEST(c.matches.any_window_in(4, 6));
  BOOST_TEST(!c.matches.any_window_in(12, 20));
  BOOST_TEST(c.scanned.empty());
}
