// Fuzz target: extraction of one document, facts and quantities, whole and
// in parts.
//
// Invariants: no crash, no sanitizer report, no exception; every span lies
// inside the document, begin < end, both on character boundaries of the
// original bytes, and text == original[begin, end); every value prints as a
// decimal that parses back to itself.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "zhibiao/zhibiao.hpp"

using namespace zhibiao;

namespace {

void check_span(const std::string& original, const std::vector<bool>& boundary, Span span, const std::string& text,
                const char* what) {
  ZHIBIAO_FUZZ_CHECK(span.begin < span.end, what);
  ZHIBIAO_FUZZ_CHECK(span.end <= original.size(), what);
  ZHIBIAO_FUZZ_CHECK(boundary[span.begin] && boundary[span.end], what);
  ZHIBIAO_FUZZ_CHECK(original.compare(span.begin, span.end - span.begin, text) == 0, what);
}

void check_value(const Decimal& d, const char* what) {
  std::string s = d.to_string();
  auto back = Decimal::parse(s);
  ZHIBIAO_FUZZ_CHECK(back && *back == d, std::string(what) + " value " + s);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Extractor extractor(fuzz::bundled_pack());
  std::string original(reinterpret_cast<const char*>(data), size);
  auto boundary = fuzz::char_boundaries(original);

  // A leading '#' line is the title (read for periods and subjects).
  std::string title;
  if (!original.empty() && original[0] == '#') {
    auto nl = original.find('\n');
    title = original.substr(1, nl == std::string::npos ? std::string::npos : nl - 1);
  }
  Document doc{"fuzz", original, "2023-07-12", title};

  std::vector<Warning> warnings;
  for (const Fact& f : extractor.facts(doc, &warnings)) {
    check_span(original, boundary, f.span, f.text, "fact span");
    check_value(f.value, "fact");
    if (f.value_max) check_value(*f.value_max, "fact max");
    ZHIBIAO_FUZZ_CHECK(!f.indicator.empty() && !f.rule.empty(), "fact without indicator or rule");
  }
  for (const Warning& w : warnings) ZHIBIAO_FUZZ_CHECK(w.offset < original.size(), "warning offset " + w.message);

  // Read in parts (a long text's way), small ones, the text arriving in
  // blocks of 7 bytes: the same invariants, offsets into the whole text.
  DocumentStream stream(extractor, Document{"fuzz", {}, doc.date, title}, 16 + size % 64);
  auto check_parts = [&] {
    while (stream.part_ready())
      for (const Fact& f : stream.facts(&warnings)) check_span(original, boundary, f.span, f.text, "part fact span");
  };
  for (std::size_t at = 0; at < size; at += 7) {
    stream.add(std::string_view(original).substr(at, 7));
    check_parts();
  }
  stream.close();
  check_parts();
  ZHIBIAO_FUZZ_CHECK(stream.bytes_extracted() == size, "parts cover the text");
  for (const Warning& w : warnings) ZHIBIAO_FUZZ_CHECK(w.offset < original.size(), "part warning offset " + w.message);

  // Undated: periods must cope without a document date.
  doc.date.clear();
  (void)extractor.facts(doc);

  for (const Quantity& q : extractor.quantities(doc)) {
    check_span(original, boundary, q.span, q.text, "quantity span");
    check_value(q.value, "quantity");
    if (q.value_max) check_value(*q.value_max, "quantity max");
  }
  return 0;
}
