// The background compiler gives back every pattern added, compiled, in the
// order added, whether its thread or the caller compiled it; RE2's errors
// come back in place, not lost.
#define BOOST_TEST_MODULE background_compiler
#include <boost/test/unit_test.hpp>

#include <string>

#include "rules/background_compiler.hpp"

using zhibiao::detail::BackgroundCompiler;

namespace {

void check_in_order(bool use_thread) {
  BackgroundCompiler compiler(use_thread);
  RE2::Options options;
  options.set_log_errors(false);
  for (int i = 0; i < 200; ++i) compiler.add(i == 77 ? "(unclosed" : "x" + std::to_string(i) + "[0-9]+", options);
  auto compiled = compiler.finish();
  BOOST_REQUIRE(compiled.size() == 200u);
  for (int i = 0; i < 200; ++i) {
    BOOST_REQUIRE(compiled[i]);
    if (i == 77) {
      BOOST_TEST(!compiled[i]->ok());
      BOOST_TEST(compiled[i]->error().find("missing )") != std::string::npos);
    } else {
      BOOST_TEST(compiled[i]->ok());
      BOOST_TEST(RE2::FullMatch("x" + std::to_string(i) + "42", *compiled[i]));
    }
  }
  // Emptied: what is added next comes back alone.
  compiler.add("again", options);
  auto next = compiler.finish();
  BOOST_REQUIRE(next.size() == 1u);
  BOOST_TEST(next[0]->pattern() == "again");
}

}  // namespace

BOOST_AUTO_TEST_CASE(patterns_come_back_compiled_in_the_order_added_with_a_thread) { check_in_order(true); }

BOOST_AUTO_TEST_CASE(patterns_come_back_compiled_in_the_order_added_without_one) { check_in_order(false); }

BOOST_AUTO_TEST_CASE(a_compiler_dropped_before_finish_stops_cleanly) {
  BackgroundCompiler compiler(true);
  for (int i = 0; i < 50; ++i) compiler.add("y" + std::to_string(i), RE2::Options());
}
