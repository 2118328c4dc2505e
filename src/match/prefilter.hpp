// Which of many patterns can match a piece of text, found in one pass.
//
// RE2's FilteredRE2 works out, for each pattern, the literal strings
// ("atoms") any match must contain (a rule built on {NAME} needs one of the
// indicator's names; a money figure needs a currency word). One pass finds
// which atoms a sentence contains (a LiteralSet, else an RE2::Set of them),
// and FilteredRE2 turns that into the patterns worth running. A pattern
// with no usable atoms is always a candidate, so the filter can only cost
// speed, never a match.
//
// FilteredRE2 compiles each pattern it is given (regex(i)). The rule pack
// gives it copies of its rules' patterns without what yields no atom: the
// numbers, and what an optional part holds (see Loader::filter_copy), a
// seventh as long to compile; the rules themselves compile on first use.
#pragma once

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "match/literal_set.hpp"

namespace zhibiao::match {

class Prefilter {
 public:
  // Compiles `patterns` (indexes as given). A pattern RE2 rejects gets its
  // message in errors()[i] and is never a candidate. Compiling is most of
  // the time a rule pack takes to load, so the patterns are split into
  // shards compiled on up to `threads` threads at once.
  Prefilter(const std::vector<std::string>& patterns, const RE2::Options& options, unsigned threads = 1);
  // The same with options of its own for each pattern.
  Prefilter(const std::vector<std::string>& patterns, const std::vector<RE2::Options>& options, unsigned threads = 1);
  // The same in the shards given by where each ends (rising, none empty,
  // the last patterns.size()), each compiled on a thread of its own. FilteredRE2
  // prunes an atom that guards many patterns of its shard, so which
  // patterns share a shard decides some picks: a filter made with another's
  // shard_ends() picks what it would from patterns that need the same words.
  Prefilter(const std::vector<std::string>& patterns, const std::vector<RE2::Options>& options,
            const std::vector<std::size_t>& shard_ends);
  std::vector<std::size_t> shard_ends() const;
  ~Prefilter();

  std::size_t size() const { return errors_.size(); }  // the number of patterns given
  const std::string& error(std::size_t i) const { return errors_[i]; }
  // The compiled pattern i (only when error(i) is empty).
  const RE2& regex(std::size_t i) const;
  // Indexes of the patterns that may match `text`, ascending.
  std::vector<int> candidates(std::string_view text) const;
  // Space a caller keeps from one question to the next, so that a question
  // allocates nothing once the space has grown: every sentence that names
  // an indicator, and every paragraph with a fact, asks one.
  struct Scratch {
    std::vector<int> atoms, shard_atoms, ids, out;
    std::vector<int> sorted_atoms;  // and as bytes, the key of the answers kept (memo_)
    std::string memo_key;
  };
  // The same answer, in scratch.out (valid until scratch is used again).
  const std::vector<int>& candidates(std::string_view text, Scratch& scratch) const;

  // The literals the filter looks for (lower case), and the candidates of a
  // text that holds exactly those of them given by index: for a rule pack
  // to ask, before any text, which patterns a kind of text can match.
  const std::vector<std::string>& atoms() const { return atoms_list_; }
  std::vector<int> candidates_given(const std::vector<int>& atoms) const;

 private:
  struct Shard;
  void build_atom_set();
  // candidates_given(atoms), in scratch.out.
  const std::vector<int>& given(const std::vector<int>& atoms, Scratch& scratch) const;
  void every_pattern(std::vector<int>& out) const;

  std::vector<std::unique_ptr<Shard>> shards_;
  LiteralSet literal_atoms_;         // every shard's atoms, when usable()
  std::unique_ptr<RE2::Set> atoms_;  // else the same atoms in an RE2::Set; null when neither is needed
  std::vector<std::string> atoms_list_;  // by set index
  std::vector<std::vector<std::pair<std::size_t, int>>> atom_owners_;  // set index -> (shard, atom index)
  bool usable_ = false;              // false: every compiled pattern is a candidate
  std::vector<std::pair<std::size_t, int>> where_;  // pattern index -> (shard, FilteredRE2 id); id -1 when it did not compile
  std::vector<std::string> errors_;

  // The answers given for earlier sets of atoms. Texts hold the same few
  // words again and again (on the corpus three questions in four repeat an
  // earlier one), and FilteredRE2 takes a few thousand instructions an
  // answer. Shared by the threads, behind a lock taken once a question;
  // emptied when it reaches kMemoEntries, so it stays under a megabyte.
  static constexpr std::size_t kMemoEntries = 4096;
  mutable std::mutex memo_mutex_;
  mutable std::unordered_map<std::string, std::vector<int>> memo_;  // key: the sorted atoms' bytes
};

}  // namespace zhibiao::match
