#include "match/prefilter.hpp"

#include <algorithm>

namespace zhibiao::match {
namespace {

// Atoms shorter than this (in bytes) are not used: a single CJK character is
// three bytes, so every atom is at least one character.
constexpr int kMinAtomBytes = 3;

}  // namespace

Prefilter::Prefilter(const std::vector<std::string>& patterns, const RE2::Options& options)
    : filter_(std::make_unique<re2::FilteredRE2>(kMinAtomBytes)), ids_(patterns.size(), -1), errors_(patterns.size()) {
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    int id = -1;
    if (filter_->Add(patterns[i], options, &id) == RE2::NoError) {
      ids_[i] = id;
      index_of_id_.push_back(static_cast<int>(i));
    } else {
      RE2 failed(patterns[i], options);  // only for its message
      errors_[i] = failed.error().empty() ? "RE2 rejects the pattern" : failed.error();
    }
  }
  std::vector<std::string> atoms;
  filter_->Compile(&atoms);
  if (!atoms.empty()) {
    RE2::Options o;
    o.set_log_errors(false);
    o.set_case_sensitive(false);  // FilteredRE2 lowercases its atoms
    o.set_max_mem(64 << 20);
    atoms_ = std::make_unique<RE2::Set>(o, RE2::UNANCHORED);
    for (const auto& a : atoms)
      if (atoms_->Add(RE2::QuoteMeta(a), nullptr) < 0) return;
    if (!atoms_->Compile()) return;
  }
  usable_ = true;
}

std::vector<int> Prefilter::candidates(std::string_view text) const {
  std::vector<int> ids;
  bool filtered = false;
  if (usable_) {
    std::vector<int> matched_atoms;
    RE2::Set::ErrorInfo error{};
    if (!atoms_ || atoms_->Match(text, &matched_atoms, &error) || error.kind == RE2::Set::kNoError) {
      filter_->AllPotentials(matched_atoms, &ids);
      filtered = true;
    }
  }
  if (!filtered) {  // the atom set's DFA ran out of memory: every pattern
    ids.resize(index_of_id_.size());
    for (std::size_t id = 0; id < ids.size(); ++id) ids[id] = static_cast<int>(id);
  }
  std::vector<int> out;
  out.reserve(ids.size());
  for (int id : ids) out.push_back(index_of_id_[static_cast<std::size_t>(id)]);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace zhibiao::match
