// A document too long to hold whole (a text file of any size), extracted
// part by part as its text comes in, so memory stays flat.
//
//   zhibiao::DocumentStream stream(extractor, {.id = "archive.txt", .date = "2024-03-05"});
//   while (read a block) {
//     stream.add(block);
//     while (stream.part_ready()) write(stream.facts());
//   }
//   stream.close();
//   while (stream.part_ready()) write(stream.facts());
//
// The text is cut into parts of about `part_bytes` after a line break (a
// line that leads in a list, ending in a colon, stays with the list). What
// one part tells the parts after it is carried over: the date (given, or
// read from the first part), the title, the period and year of the heading
// in force. Offsets are into the whole text. So the records are those of
// the whole text read at once, save two things an undated text reads from
// the text itself: its date, read from the first part only, and the year
// relative periods fall back on, the last year stated in full so far
// rather than in all of the text. ready_facts(N) extracts up to N ready
// parts on N threads, with the same records.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "zhibiao/extractor.hpp"

namespace zhibiao {

namespace detail {
struct DocumentCarry;
}

class DocumentStream {
 public:
  static constexpr std::size_t kPartBytes = 192 << 10;

  // `header`: the document's id, date and title; its text is ignored.
  DocumentStream(const Extractor& extractor, Document header, std::size_t part_bytes = kPartBytes);
  ~DocumentStream();
  DocumentStream(const DocumentStream&) = delete;
  DocumentStream& operator=(const DocumentStream&) = delete;

  // Appends bytes of the text (cut anywhere, even inside a character).
  void add(std::string_view bytes);
  // No more text: what is left becomes the last part.
  void close();
  // Whether a part can be extracted now: enough text and a place to cut
  // it, or, once closed, any text left.
  bool part_ready();
  // The records of the next part (call only when part_ready()). Use one of
  // the two for all the parts of a document.
  std::vector<Fact> facts(std::vector<Warning>* warnings = nullptr);
  std::vector<Quantity> quantities(std::vector<Warning>* warnings = nullptr);
  // The parts ready now, up to two for each of `threads` threads, extracted
  // on that many threads: what a part holds on its own on all of them at
  // once, what carries from part to part one after the other. The records
  // of each part, in order. None when fewer parts than threads are ready
  // and the text is not closed: they wait for more text, so that no thread
  // idles. Call until it returns none.
  std::vector<std::vector<Fact>> ready_facts(unsigned threads, std::vector<Warning>* warnings = nullptr);
  std::vector<std::vector<Quantity>> ready_quantities(unsigned threads, std::vector<Warning>* warnings = nullptr);

  const Document& header() const { return header_; }
  std::size_t bytes_extracted() const { return offset_; }  // of the whole text, so far

 private:
  // Parts taken at a time for each thread by ready_facts: enough that the
  // threads need not wait for each other at every part, few enough that
  // memory holds only a few parts' matches.
  static constexpr unsigned kPartsPerThread = 2;
  std::size_t next_cut(std::size_t from) const;  // the length of the part at `from`, or 0: none yet
  std::vector<std::pair<std::size_t, std::size_t>> ready_parts(unsigned threads);  // [begin, end) in buffer_
  void part_done(std::size_t bytes);  // drops the parts just extracted from the buffer
  const Extractor& extractor_;
  Document header_;
  std::size_t part_bytes_;
  std::string buffer_;      // text not yet extracted
  std::size_t cut_ = 0;     // the next part's length, once found; 0 before
  std::size_t retry_at_ = 0;  // no place to cut until the buffer holds this much
  std::size_t offset_ = 0;  // of buffer_'s first byte in the whole text
  bool closed_ = false;
  std::unique_ptr<detail::DocumentCarry> carry_;
};

}  // namespace zhibiao
