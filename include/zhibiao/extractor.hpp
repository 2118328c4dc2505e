// Extraction: a Document in, Fact or Quantity records out.
#pragma once

#include <optional>
#include <string>
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
struct Warning {
  std::size_t offset = 0;
  std::string message;
};

class Extractor {
 public:
  explicit Extractor(const RulePack& pack) : pack_(pack) {}
  // Thread-safe: an Extractor holds no mutable state.
  std::vector<Fact> facts(const Document& doc, std::vector<Warning>* warnings = nullptr) const;
  std::vector<Quantity> quantities(const Document& doc,
                                   std::vector<Warning>* warnings = nullptr) const;

 private:
  const RulePack& pack_;
};

}  // namespace zhibiao
