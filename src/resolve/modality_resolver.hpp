// Modality: the nearest signal word before the figure in its sentence.
//
// Words and their modality come from the pack's [modality] lexicon. A weak
// word (a result verb: 实现, 完成, 达到) does not override an earlier plan,
// forecast or target word in the same sentence, so 预计完成…；实现… stays
// expected; any other word does. Words inside an exclusion span (预算 in
// 一般公共预算收入, 计划 in 完成原定计划的) are not signals. No signal: actual.
#pragma once

#include <string_view>
#include <vector>

#include "rules/compiled_pack.hpp"

namespace zhibiao::resolve {

class ModalityResolver {
 public:
  ModalityResolver(std::string_view folded, const detail::CompiledPack& pack);
  Modality at(std::size_t sentence_begin, std::size_t figure_begin) const;

 private:
  struct Signal {
    std::size_t begin;
    detail::ModalityWord word;
  };
  std::vector<Signal> signals_;
};

}  // namespace zhibiao::resolve
