// The subject of a fact: the region, zone or company named nearest before
// the fact's text in its paragraph, else in the title. (Before the text, not
// the figure: 占全市的比重为4.9% names the whole, not who it is about.) What
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

// `wanted_until`: per paragraph, where the mentions it needs stop: the end
// of one of its sentences (mentions that begin there or after may be left
// out), its start to read none of it. A fact needs only the mentions that
// end by its text's start. Empty (or no segments) means the whole text.
std::vector<SubjectMention> find_subjects(std::string_view folded, const detail::CompiledPack& pack,
                                          const text::Segments* segments = nullptr,
                                          const std::vector<std::size_t>& wanted_until = {});

// The mention for a fact whose text begins at `fact_begin` in paragraph
// `paragraph`, or nullptr.
const SubjectMention* subject_for(const std::vector<SubjectMention>& mentions, const text::Range& paragraph,
                                  std::size_t fact_begin);

}  // namespace zhibiao::resolve
