// What one part of a document hands the parts after it, when a document too
// long to hold whole is read in parts (zhibiao::DocumentStream). A document
// read whole is a single part with a fresh carry.
#pragma once

#include <optional>
#include <string>

#include "invalid_bytes.hpp"
#include "resolve/period_resolver.hpp"
#include "zhibiao/period.hpp"

namespace zhibiao::detail {

// What the title (or nothing) says about period and subject.
struct TitleContext {
  std::optional<Period> period;
  std::optional<int> year;  // a year the title states, for relative periods
  std::string subject;
};

struct DocumentCarry {
  bool started = false;        // the first part has been read
  resolve::DocumentDate date;  // given, or read from the first part
  TitleContext title;          // read with the first part
  resolve::PeriodCarry periods;
  // The invalid UTF-8 named so far. Reported as parts are handed out, by
  // the thread that takes them, while finish_part (on another, with -j N)
  // reads and writes only the members above.
  InvalidBytesReport invalid;
};

}  // namespace zhibiao::detail
