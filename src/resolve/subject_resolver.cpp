#include "resolve/subject_resolver.hpp"

#include "match/scan.hpp"

namespace zhibiao::resolve {

std::vector<SubjectMention> find_subjects(std::string_view folded, const detail::CompiledPack& pack) {
  std::vector<SubjectMention> out;
  for (const auto& re : pack.subjects.patterns) {
    match::scan(*re, folded, [&](const match::Hit& h) {
      auto [b, e] = re->NumberOfCapturingGroups() >= 1 ? h.group(folded, 1) : std::pair{h.begin, h.end};
      if (b != std::string_view::npos && b < e) out.push_back({b, e});
    });
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
  return out;
}

const SubjectMention* subject_for(const std::vector<SubjectMention>& mentions, const text::Range& paragraph,
                                  std::size_t figure_begin) {
  const SubjectMention* nearest = nullptr;
  for (const auto& m : mentions) {
    if (m.end > figure_begin) break;
    if (m.begin >= paragraph.begin) nearest = &m;
  }
  return nearest;
}

}  // namespace zhibiao::resolve
