// The first stage of extracting one part of a document (or a whole one):
// everything that does not depend on the parts before it. Parts of a long
// document go through it on several threads at once; the rest (date,
// periods, modality, subjects, records) then runs part after part, since
// what a part states carries to the next (document_carry.hpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "invalid_bytes.hpp"
#include "match/quantity_finder.hpp"
#include "match/rule_matcher.hpp"
#include "text/normalizer.hpp"
#include "text/segmenter.hpp"
#include "zhibiao/extractor.hpp"

namespace zhibiao::detail {

struct MatchedPart {
  std::string_view text;   // the part's original bytes, kept alive by the caller
  std::size_t offset = 0;  // of the part in the whole text
  bool more_parts = false;
  text::NormalizedText norm;
  std::optional<match::QuantityScan> quantities;  // refers to norm: a MatchedPart is never moved
  text::Segments segments;                        // empty when no fact can follow
  std::vector<match::Candidate> candidates;
  InvalidBytes invalid;  // at offsets into the whole text

  MatchedPart() = default;
  MatchedPart(const MatchedPart&) = delete;
  MatchedPart& operator=(const MatchedPart&) = delete;
};

}  // namespace zhibiao::detail
