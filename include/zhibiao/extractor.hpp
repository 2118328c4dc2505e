// Extraction: a Document in, Fact or Quantity records out.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zhibiao/fact.hpp"
#include "zhibiao/rule_pack.hpp"

namespace zhibiao {

struct Document {
  std::string id;
  std::string text;   // UTF-8; invalid bytes are tolerated (replaced for matching)
  std::string date;   // publication date "YYYY-MM-DD", or empty
  std::string title;  // read as the top heading for periods, may be empty
};

// Problems met in a document that did not stop extraction (invalid UTF-8).
// The first 20 bad bytes of a document are named, one warning each; one
// more warning at its end counts the rest.
struct Warning {
  std::size_t offset = 0;
  std::string message;
};

namespace detail {
struct DocumentCarry;
struct InvalidBytes;
struct MatchedPart;
}  // namespace detail

class Extractor {
 public:
  explicit Extractor(const RulePack& pack) : pack_(pack) {}
  // Thread-safe: an Extractor holds no mutable state. A text longer than
  // DocumentStream::kPartBytes is read in parts (see document_stream.hpp),
  // so what extraction holds beside the text and the records stays small.
  std::vector<Fact> facts(const Document& doc, std::vector<Warning>* warnings = nullptr) const;
  std::vector<Quantity> quantities(const Document& doc,
                                   std::vector<Warning>* warnings = nullptr) const;

 private:
  friend class DocumentStream;
  // One part of a document, at `offset` in the whole text, in two stages:
  // what does not depend on the parts before (any thread, any order), then
  // what does (part after part, in order; `carry` holds what the parts
  // before stated). `more_parts`: parts follow this one. The part's invalid
  // UTF-8 is in the MatchedPart, for the caller to report in order.
  std::unique_ptr<detail::MatchedPart> match_part(std::string_view part, std::size_t offset, bool more_parts) const;
  std::vector<Fact> finish_part(detail::MatchedPart& part, const Document& header, detail::DocumentCarry& carry) const;
  std::vector<Quantity> quantities_of_part(std::string_view part, std::size_t offset,
                                           detail::InvalidBytes& invalid) const;
  const RulePack& pack_;
};

}  // namespace zhibiao
