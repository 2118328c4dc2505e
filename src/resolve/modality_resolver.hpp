// Modality: the nearest signal word before the figure in its sentence.
//
// Words and their modality come from the pack's [modality] lexicon. A weak
// word (a result verb: 实现, 完成, 达到) does not override an earlier plan,
// forecast or target word in the same sentence, so 预计完成…；实现… stays
// expected; any other word does. A scoped word names the plan of one figure
// (年度计划投资10.63亿元, 年初预算为8465万元): once another figure stands
// between it and ours, it no longer counts. Words inside an exclusion span
// (预算 in 一般公共预算收入, 计划 in 完成原定计划的) are not signals. No
// signal: actual.
//
// A phrase of the lexicon's [modality.phrases] (把…控制在: a target) is a
// signal at its start, as a word is, unless an exclusion covers it.
//
// A year later than the document's after 到 (到2025年，…达到1.2万亿元) is a
// goal: a weak target signal, so a plan word before it still decides.
//
// A list whose lead-in stands on its own line (主要预期目标是：, then the
// items on the next line) passes the lead-in's signal to a figure whose
// sentence has none.
//
// A sentence that breaks down the one before it (其中，…) starts from that
// sentence's plan, forecast or target, as if its word stood first in the
// sentence: its result verbs do not override it, another word does.
//
// A figure whose period ends in a year after the document's (十二五 goals in
// a 2011 report: 2011/2015) is no result: a goal, unless a word other than
// a result verb says what it is (计划, 预计, 截至目前).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "resolve/figures.hpp"
#include "rules/compiled_pack.hpp"
#include "text/segmenter.hpp"

namespace zhibiao::resolve {

class ModalityResolver {
 public:
  // Reads the signal words of the given ranges (the sentences with facts).
  ModalityResolver(std::string_view folded, const detail::CompiledPack& pack,
                   const std::vector<text::Range>& ranges, std::optional<int> document_year = std::nullopt);
  // `figure_between`: whether a figure of the text begins between two
  // positions; `lead_in`: the line introducing the figure's list, if any
  // (empty range otherwise); `carried`: the modality a breakdown sentence
  // takes from the sentence before it, if any; `ends_after_document_year`:
  // whether the figure's period does.
  Modality at(std::size_t sentence_begin, std::size_t figure_begin, const FigureBetween& figure_between,
              text::Range lead_in = {0, 0}, std::optional<Modality> carried = std::nullopt,
              bool ends_after_document_year = false) const;

 private:
  struct Signal {
    std::size_t begin;
    detail::ModalityWord word;
  };
  std::vector<Signal> signals_;
};

}  // namespace zhibiao::resolve
