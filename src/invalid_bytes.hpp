// Invalid UTF-8 in a document, reported as warnings. The first
// kInvalidBytesNamed bad bytes of a document are named one by one; the rest
// are counted in one warning at the document's end. Named one by one, a
// file of random bytes gave a warning for every other byte: 12 million
// lines for 30 MB, and with -j 2 the parts' warnings in flight took 166 MB.
//
// A document read in parts finds its bad bytes part by part, on any thread
// (InvalidBytes); they are reported in order, as the parts are handed out
// (InvalidBytesReport, which a document's parts share).
#pragma once

#include <cstddef>
#include <vector>

#include "text/normalizer.hpp"
#include "zhibiao/extractor.hpp"

namespace zhibiao::detail {

constexpr std::size_t kInvalidBytesNamed = 20;

// The bad bytes of one part: the offsets of its first kInvalidBytesNamed
// (into the whole text), how many it has, and where the last is.
struct InvalidBytes {
  std::vector<std::size_t> first;
  std::size_t count = 0;
  std::size_t last = 0;
};

InvalidBytes invalid_bytes(const text::NormalizedText& norm, std::size_t offset);

class InvalidBytesReport {
 public:
  // Names the part's bad bytes while fewer than kInvalidBytesNamed have
  // been named, and counts the rest.
  void add(const InvalidBytes& part, std::vector<Warning>* warnings);
  // At the document's end: one warning for the bad bytes not named.
  void finish(std::vector<Warning>* warnings);

 private:
  std::size_t named_ = 0;
  std::size_t unnamed_ = 0;
  std::size_t last_ = 0;
};

}  // namespace zhibiao::detail
