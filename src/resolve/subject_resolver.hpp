// The subject of a fact: the region, zone or company named nearest before
// its figure in its sentence, else in its paragraph, else in the title. What
// counts as a subject is the pack's [subjects] patterns (group 1, or the
// whole match).
#pragma once

#include <string_view>
#include <vector>

#include "rules/compiled_pack.hpp"
#include "text/segmenter.hpp"

namespace zhibiao::resolve {

struct SubjectMention {
  std::size_t begin, end;  // folded text
};

// `wanted`: the paragraphs to read; empty means all.
std::vector<SubjectMention> find_subjects(std::string_view folded, const detail::CompiledPack& pack,
                                          const text::Segments* segments = nullptr,
                                          const std::vector<bool>& wanted = {});

// The mention for a figure at `figure_begin` in paragraph `paragraph`, or
// nullptr.
const SubjectMention* subject_for(const std::vector<SubjectMention>& mentions, const text::Range& paragraph,
                                  std::size_t figure_begin);

}  // namespace zhibiao::resolve
