// Which of many patterns can match a piece of text, found in one pass.
//
// RE2's FilteredRE2 works out, for each pattern, the literal strings
// ("atoms") any match must contain (a rule built on {NAME} needs one of the
// indicator's names; a money figure needs a currency word). One RE2::Set of
// all atoms finds, in a single pass, which atoms a sentence contains, and
// FilteredRE2 turns that into the patterns worth running. A pattern with no
// usable atoms is always a candidate, so the filter can only cost speed,
// never a match.
//
// The filter also owns the compiled patterns: FilteredRE2 compiles each one
// anyway, and compiling them a second time for matching would double the
// time a rule pack takes to load.
#pragma once

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace zhibiao::match {

class Prefilter {
 public:
  // Compiles `patterns` (indexes as given). A pattern RE2 rejects gets its
  // message in errors()[i] and is never a candidate.
  Prefilter(const std::vector<std::string>& patterns, const RE2::Options& options);

  const std::string& error(std::size_t i) const { return errors_[i]; }
  // The compiled pattern i (only when error(i) is empty).
  const RE2& regex(std::size_t i) const { return filter_->GetRE2(ids_[i]); }
  // Indexes of the patterns that may match `text`, ascending.
  std::vector<int> candidates(std::string_view text) const;

 private:
  std::unique_ptr<re2::FilteredRE2> filter_;
  std::vector<int> ids_;             // pattern index -> FilteredRE2 id, -1 when it did not compile
  std::vector<int> index_of_id_;     // FilteredRE2 id -> pattern index
  std::vector<std::string> errors_;
  std::unique_ptr<RE2::Set> atoms_;  // null when there are no atoms
  bool usable_ = false;              // false: report every compiled pattern
};

}  // namespace zhibiao::match
