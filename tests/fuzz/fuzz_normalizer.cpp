// Fuzz target: the normaliser and its offset map.
//
// Invariants: the folded copy is well-formed UTF-8; every invalid byte
// reported is inside the document; every character of the copy maps to an
// original span inside the document, non-empty, on character boundaries of
// the original, and in order; any span of the copy between character
// boundaries maps to such a span. The characters the fold table watches
// (those the quantity windows need) are listed exactly where the copy has
// them.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "rules/compiled_pack.hpp"
#include "text/normalizer.hpp"
#include "text/segmenter.hpp"

using namespace zhibiao;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view original(reinterpret_cast<const char*>(data), size);
  const text::NormalizedText n = text::normalize(original, *fuzz::bundled_pack().compiled().fold);
  auto boundary = fuzz::char_boundaries(original);

  ZHIBIAO_FUZZ_CHECK(fuzz::valid_utf8(n.text), "folded copy is not UTF-8");
  std::size_t last_invalid = 0;
  for (std::size_t k = 0; k < n.invalid.size(); ++k) {
    ZHIBIAO_FUZZ_CHECK(n.invalid[k].offset < size, "invalid byte offset outside the document");
    ZHIBIAO_FUZZ_CHECK(k == 0 || n.invalid[k].offset > last_invalid, "invalid byte offsets out of order");
    last_invalid = n.invalid[k].offset;
  }

  // The folded copy's character starts.
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < n.text.size(); i += text::decode_at(n.text, i).size) starts.push_back(i);
  starts.push_back(n.text.size());

  std::size_t previous_end = 0;
  for (std::size_t k = 0; k + 1 < starts.size(); ++k) {
    Span s = n.to_original(starts[k], starts[k + 1]);
    std::string where = "char at folded " + std::to_string(starts[k]) + " -> [" + std::to_string(s.begin) + "," +
                        std::to_string(s.end) + ")";
    ZHIBIAO_FUZZ_CHECK(s.begin < s.end, where);
    ZHIBIAO_FUZZ_CHECK(s.end <= size, where);
    ZHIBIAO_FUZZ_CHECK(boundary[s.begin] && boundary[s.end], where);
    ZHIBIAO_FUZZ_CHECK(s.begin >= previous_end, where + " overlaps the character before");
    previous_end = s.end;
  }
  // The watched list (the pack's table watches the quantity windows'
  // characters) and the breaks (line breaks and sentence ends, for the
  // segmenter) are what reading the copy finds: runs of them side by side,
  // each as one range.
  const auto& pack = fuzz::bundled_pack().compiled();
  const text::CharFold& fold = *pack.fold;
  auto listed_as_read = [&](auto is_listed, const std::vector<text::Range>& listed) {
    std::vector<text::Range> read;
    for (std::size_t k = 0; k + 1 < starts.size(); ++k) {
      if (!is_listed(text::decode_at(n.text, starts[k]).cp)) continue;
      if (!read.empty() && read.back().end == starts[k]) read.back().end = starts[k + 1];
      else read.push_back({starts[k], starts[k + 1]});
    }
    bool same = read.size() == listed.size();
    for (std::size_t k = 0; same && k < read.size(); ++k)
      same = read[k].begin == listed[k].begin && read[k].end == listed[k].end;
    return same;
  };
  ZHIBIAO_FUZZ_CHECK(listed_as_read([&](char32_t c) { return fold.is_watched(c); }, n.watched),
                     "watched characters listed at other places than the copy has them");
  ZHIBIAO_FUZZ_CHECK(listed_as_read([&](char32_t c) { return fold.is_break(c); }, n.breaks),
                     "breaks listed at other places than the copy has them");
  // So the segmenter, reading only the breaks, finds what it finds alone.
  auto found = text::segment(n.text, pack.segments);
  auto from_breaks = text::segment(n.text, pack.segments, n.breaks);
  bool same_segments = found.sentences.size() == from_breaks.sentences.size() &&
                       found.paragraphs.size() == from_breaks.paragraphs.size();
  for (std::size_t k = 0; same_segments && k < found.sentences.size(); ++k)
    same_segments = found.sentences[k].begin == from_breaks.sentences[k].begin &&
                    found.sentences[k].end == from_breaks.sentences[k].end &&
                    found.paragraph_of_sentence[k] == from_breaks.paragraph_of_sentence[k];
  for (std::size_t k = 0; same_segments && k < found.paragraphs.size(); ++k)
    same_segments = found.paragraphs[k].range.begin == from_breaks.paragraphs[k].range.begin &&
                    found.paragraphs[k].range.end == from_breaks.paragraphs[k].range.end &&
                    found.paragraphs[k].heading == from_breaks.paragraphs[k].heading &&
                    found.paragraphs[k].first_sentence == from_breaks.paragraphs[k].first_sentence;
  ZHIBIAO_FUZZ_CHECK(same_segments, "the segments read from the breaks differ from the segmenter's own");

  // A handful of longer spans, chosen from the input itself.
  for (std::size_t k = 0; k + 1 < starts.size() && k < 64; ++k) {
    std::size_t b = starts[(k * 7919 + size) % (starts.size() - 1)];
    std::size_t e = starts[(k * 104729 + 1) % starts.size()];
    if (b >= e) continue;
    Span s = n.to_original(b, e);
    std::string where = "folded [" + std::to_string(b) + "," + std::to_string(e) + ") -> [" + std::to_string(s.begin) +
                        "," + std::to_string(s.end) + ")";
    ZHIBIAO_FUZZ_CHECK(s.begin < s.end && s.end <= size, where);
    ZHIBIAO_FUZZ_CHECK(boundary[s.begin] && boundary[s.end], where);
  }
  return 0;
}
