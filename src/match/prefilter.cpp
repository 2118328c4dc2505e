#include "match/prefilter.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <stdexcept>

#include "core/parallel.hpp"

namespace zhibiao::match {
namespace {

// Atoms shorter than this (in bytes) are not used: a single CJK character is
// three bytes, so every atom is at least one character.
constexpr int kMinAtomBytes = 3;

}  // namespace

// One FilteredRE2 over a contiguous range of the patterns.
struct Prefilter::Shard {
  std::size_t first = 0;                // index of the shard's first pattern
  re2::FilteredRE2 filter{kMinAtomBytes};
  std::vector<int> index_of_id;         // FilteredRE2 id -> pattern index
  std::vector<std::string> atoms;       // the literals FilteredRE2 asks about, by its atom index
  std::vector<int> unfiltered;          // the patterns that are candidates with no atom at all

  void build(const std::vector<std::string>& patterns, std::size_t end, const std::vector<RE2::Options>& options,
             std::vector<std::pair<std::size_t, int>>& where, std::vector<std::string>& errors, std::size_t shard) {
    for (std::size_t i = first; i < end; ++i) {
      int id = -1;
      if (filter.Add(patterns[i], options[i], &id) == RE2::NoError) {
        where[i] = {shard, id};
        index_of_id.push_back(static_cast<int>(i));
      } else {
        RE2 failed(patterns[i], options[i]);  // only for its message
        errors[i] = failed.error().empty() ? "RE2 rejects the pattern" : failed.error();
      }
    }
    if (index_of_id.empty()) return;  // FilteredRE2 will not compile nothing (and says so on stderr)
    filter.Compile(&atoms);
    std::vector<int> ids;
    add_candidates_of(std::vector<int>{}, ids, unfiltered);
  }

  void add_all(std::vector<int>& out) const { out.insert(out.end(), index_of_id.begin(), index_of_id.end()); }

  // A fifth of the texts hold none of a shard's atoms: those get the
  // patterns FilteredRE2 would give for none, worked out once. `ids` is
  // scratch space, reused from call to call.
  void add_candidates(const std::vector<int>& matched_atoms, std::vector<int>& ids, std::vector<int>& out) const {
    if (matched_atoms.empty()) out.insert(out.end(), unfiltered.begin(), unfiltered.end());
    else add_candidates_of(matched_atoms, ids, out);
  }

  void add_candidates_of(const std::vector<int>& matched_atoms, std::vector<int>& ids, std::vector<int>& out) const {
    if (index_of_id.empty()) return;  // every pattern of the shard failed to compile
    ids.clear();
    filter.AllPotentials(matched_atoms, &ids);
    for (int id : ids) out.push_back(index_of_id[static_cast<std::size_t>(id)]);
  }
};

// One set of the atoms of every shard, so a text is read once whatever the
// number of shards: a LiteralSet, or an RE2::Set when an atom needs more
// than ASCII case folding.
void Prefilter::build_atom_set() {
  std::map<std::string, std::size_t> unique;
  for (std::size_t k = 0; k < shards_.size(); ++k) {
    const auto& atoms = shards_[k]->atoms;
    for (std::size_t a = 0; a < atoms.size(); ++a) {
      auto [it, added] = unique.emplace(atoms[a], atom_owners_.size());
      if (added) {
        atom_owners_.emplace_back();
        atoms_list_.push_back(atoms[a]);
      }
      atom_owners_[it->second].emplace_back(k, static_cast<int>(a));
    }
  }
  if (atoms_list_.empty()) {
    usable_ = true;
    return;
  }
  literal_atoms_ = LiteralSet(atoms_list_);
  if (literal_atoms_.usable()) {
    usable_ = true;
    return;
  }
  RE2::Options o;
  o.set_log_errors(false);
  o.set_case_sensitive(false);  // FilteredRE2 lowercases its atoms
  o.set_max_mem(64 << 20);
  auto set = std::make_unique<RE2::Set>(o, RE2::UNANCHORED);
  for (const auto& atom : atoms_list_)
    if (set->Add(RE2::QuoteMeta(atom), nullptr) < 0) return;
  if (!set->Compile()) return;
  atoms_ = std::move(set);
  usable_ = true;
}

Prefilter::Prefilter(const std::vector<std::string>& patterns, const RE2::Options& options, unsigned threads)
    : Prefilter(patterns, std::vector<RE2::Options>(patterns.size(), options), threads) {}

namespace {

// Where each of `shards` shards of similar total pattern length ends:
// compile time grows with it.
std::vector<std::size_t> balanced_ends(const std::vector<std::string>& patterns, unsigned shards) {
  std::size_t total = 0;
  for (const auto& p : patterns) total += p.size();
  std::size_t count = std::clamp<std::size_t>(shards, 1, std::max<std::size_t>(patterns.size(), 1));
  std::vector<std::size_t> ends;
  std::size_t so_far = 0;
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    so_far += patterns[i].size();
    if (ends.size() + 1 < count && i + 1 < patterns.size() && so_far * count >= total * (ends.size() + 1))
      ends.push_back(i + 1);
  }
  ends.push_back(patterns.size());
  return ends;
}

}  // namespace

Prefilter::Prefilter(const std::vector<std::string>& patterns, const std::vector<RE2::Options>& options,
                     unsigned threads)
    : Prefilter(patterns, options, balanced_ends(patterns, threads)) {}

Prefilter::Prefilter(const std::vector<std::string>& patterns, const std::vector<RE2::Options>& options,
                     const std::vector<std::size_t>& ends)
    : where_(patterns.size(), {0, -1}), errors_(patterns.size()) {
  // Strictly: FilteredRE2 will not compile an empty shard.
  bool ascending = std::adjacent_find(ends.begin(), ends.end(), std::greater_equal<>()) == ends.end();
  if (ends.empty() || ends.back() != patterns.size() || !ascending || (ends.front() == 0 && !patterns.empty()))
    throw std::invalid_argument("Prefilter: shard ends must rise to the number of patterns, no shard empty");
  for (std::size_t k = 0; k < ends.size(); ++k) {
    shards_.push_back(std::make_unique<Shard>());
    shards_.back()->first = k == 0 ? 0 : ends[k - 1];
  }
  detail::parallel_for(shards_.size(), static_cast<unsigned>(shards_.size()),
                       [&](std::size_t k) { shards_[k]->build(patterns, ends[k], options, where_, errors_, k); });
  build_atom_set();
}

std::vector<std::size_t> Prefilter::shard_ends() const {
  std::vector<std::size_t> ends;
  for (std::size_t k = 1; k < shards_.size(); ++k) ends.push_back(shards_[k]->first);
  ends.push_back(size());
  return ends;
}

Prefilter::~Prefilter() = default;

const RE2& Prefilter::regex(std::size_t i) const {
  auto [shard, id] = where_[i];
  return shards_[shard]->filter.GetRE2(id);
}

std::vector<int> Prefilter::candidates(std::string_view text) const {
  Scratch scratch;
  return candidates(text, scratch);
}

const std::vector<int>& Prefilter::candidates(std::string_view text, Scratch& scratch) const {
  scratch.atoms.clear();
  if (!usable_) {
    every_pattern(scratch.out);
    return scratch.out;
  }
  if (literal_atoms_.usable()) {
    literal_atoms_.find(text, scratch.atoms);
  } else if (atoms_) {
    RE2::Set::ErrorInfo error{};
    if (!atoms_->Match(text, &scratch.atoms, &error) && error.kind != RE2::Set::kNoError) {
      every_pattern(scratch.out);
      return scratch.out;
    }
  }
  return given(scratch.atoms, scratch);
}

std::vector<int> Prefilter::candidates_given(const std::vector<int>& atoms) const {
  Scratch scratch;
  return given(atoms, scratch);
}

const std::vector<int>& Prefilter::given(const std::vector<int>& atoms, Scratch& scratch) const {
  std::vector<int>& out = scratch.out;
  out.clear();
  if (!usable_) {
    every_pattern(out);
    return out;
  }
  // The same atoms, in any order, get the same answer.
  scratch.sorted_atoms.assign(atoms.begin(), atoms.end());
  std::sort(scratch.sorted_atoms.begin(), scratch.sorted_atoms.end());
  scratch.memo_key.assign(reinterpret_cast<const char*>(scratch.sorted_atoms.data()),
                          scratch.sorted_atoms.size() * sizeof(int));
  {
    std::lock_guard lock(memo_mutex_);
    if (auto it = memo_.find(scratch.memo_key); it != memo_.end()) {
      out = it->second;
      return out;
    }
  }
  // Each shard's atoms in turn.
  for (std::size_t k = 0; k < shards_.size(); ++k) {
    scratch.shard_atoms.clear();
    for (int a : atoms)
      for (auto [shard, atom] : atom_owners_[static_cast<std::size_t>(a)])
        if (shard == k) scratch.shard_atoms.push_back(atom);
    shards_[k]->add_candidates(scratch.shard_atoms, scratch.ids, out);
  }
  std::sort(out.begin(), out.end());
  std::lock_guard lock(memo_mutex_);
  if (memo_.size() >= kMemoEntries) memo_.clear();
  memo_.emplace(scratch.memo_key, out);
  return out;
}

// When the atoms cannot be told (the atom set could not be built, or ran
// out of memory on a text).
void Prefilter::every_pattern(std::vector<int>& out) const {
  out.clear();
  for (const auto& shard : shards_) shard->add_all(out);
  std::sort(out.begin(), out.end());
}

}  // namespace zhibiao::match
