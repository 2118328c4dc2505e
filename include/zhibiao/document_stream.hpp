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
// rather than in all of the text. ready_facts(N) extracts the parts on N
// threads, with the same records.
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
  // Whether records can still come: a part can be extracted now (enough
  // text and a place to cut it, or, once closed, any text left), or parts
  // taken by ready_facts() are not yet handed out.
  bool part_ready();
  // The records of the next part (call only when part_ready()). Use one of
  // these two, or one of the ready_ pair below, for all the parts of a
  // document.
  std::vector<Fact> facts(std::vector<Warning>* warnings = nullptr);
  std::vector<Quantity> quantities(std::vector<Warning>* warnings = nullptr);
  // Takes every part ready now and extracts the parts on `threads`
  // threads: the caller's and helpers that go on working between calls,
  // while the caller reads more text. What a part holds on its own runs on
  // all of them at once, what carries from part to part one part after
  // the other. Returns the records of the parts done so far, each part's
  // in order: none, perhaps, while the helpers are busy. Until the text is
  // closed, it returns once every part taken has started (or is left to a
  // helper); once closed, call it until part_ready() is false.
  std::vector<std::vector<Fact>> ready_facts(unsigned threads, std::vector<Warning>* warnings = nullptr);
  std::vector<std::vector<Quantity>> ready_quantities(unsigned threads, std::vector<Warning>* warnings = nullptr);

  const Document& header() const { return header_; }
  std::size_t bytes_extracted() const { return extracted_; }  // of the whole text, records handed out

 private:
  struct Part;
  class Parts;
  // Parts between their two stages (matched, not yet finished) at once, for
  // each thread, in ready_facts: enough that the threads need not wait for
  // each other at every part, few enough that memory holds only a few
  // parts' matches.
  static constexpr unsigned kPartsPerThread = 2;
  std::string_view unread() const { return std::string_view(buffer_).substr(consumed_); }
  bool buffer_part_ready();  // a part of the buffer can be cut now (its length in cut_)
  std::size_t next_cut() const;  // the length of the next part of unread(), or 0: none yet
  void part_done();              // the part of cut_ bytes has been taken from the buffer
  // Hands every part ready to parts_ and takes back those done.
  std::vector<Part> extract_ready_parts(unsigned threads, bool facts_wanted, std::vector<Warning>* warnings);
  void match(Part& part) const;  // what a part holds on its own: any thread
  void finish(Part& part);       // what carries from part to part: in order
  // Invalid UTF-8 is reported as the parts are handed out (the document's
  // first bad bytes named, the rest counted): the count once the last is.
  void finish_invalid_if_done(std::vector<Warning>* warnings);
  const Extractor& extractor_;
  Document header_;
  std::size_t part_bytes_;
  std::string buffer_;         // text not yet cut into parts, from consumed_ on
  std::size_t consumed_ = 0;   // bytes of buffer_ already cut off (dropped at the next add)
  std::size_t cut_ = 0;        // the next part's length, once found; 0 before
  std::size_t retry_at_ = 0;   // no place to cut until unread() holds this much
  std::size_t offset_ = 0;     // of unread()'s first byte in the whole text
  std::size_t extracted_ = 0;  // bytes of the parts whose records have been handed out
  bool closed_ = false;
  std::unique_ptr<detail::DocumentCarry> carry_;
  std::unique_ptr<Parts> parts_;  // parts taken by ready_facts, on their threads
};

}  // namespace zhibiao
