// What a remainder answered right after a name, kept for one sentence.
//
// A rule matched after a name tries its remainder anchored at the name's
// end (scan_after_names). The same remainder is often tried again at the
// same place in the same sentence: most remainders are shared by every
// indicator that uses their template, and two indicators' names can end at
// one place (规模以上工业增加值 and 工业增加值), as can two names of one
// indicator when the longer failed. On the corpus a third of the tries
// were such repeats. The answer cannot differ, since the text, the place
// and the end of the sentence are the same, so it is asked once.
#pragma once

#include <re2/re2.h>

#include <cstddef>
#include <optional>
#include <vector>

namespace zhibiao::match {

class RestAnswers {
 public:
  // The length of rest's match anchored at `at`, or nullopt when it has
  // none, as ask() answers it (called only the first time). The caller
  // keeps one sentence's answers: clear() between sentences.
  template <typename Ask>
  std::optional<std::size_t> get(const RE2& rest, std::size_t at, Ask&& ask) {
    for (const Answer& a : answers_)
      if (a.rest == &rest && a.at == at) return a.length == kNone ? std::nullopt : std::optional(a.length);
    std::optional<std::size_t> length = ask();
    // A sentence with very many names keeps only its first answers, so a
    // lookup never reads more than kMostKept of them.
    if (answers_.size() < kMostKept) answers_.push_back({&rest, at, length ? *length : kNone});
    return length;
  }

  void clear() { answers_.clear(); }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  static constexpr std::size_t kMostKept = 64;
  struct Answer {
    const RE2* rest;
    std::size_t at;
    std::size_t length;  // kNone: no match
  };
  std::vector<Answer> answers_;
};

}  // namespace zhibiao::match
