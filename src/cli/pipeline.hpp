// Extraction over a stream of documents with N threads.
//
// Documents are gathered into batches (a few megabytes); the documents of a
// batch are spread over the threads, each formats its documents' records
// into a buffer of its own, and the buffers are written in input order. So
// the output of -j 2 is byte for byte that of -j 1, and memory holds at
// most two batches, whatever the size of the input.
//
// With more than one thread, a batch is extracted while the next one is
// read: the helper threads start on it, the calling thread goes back to
// reading, and once the next batch is full it joins them on what is left,
// then writes the batch out. Reading is then no longer a step the helpers
// wait for, and no thread beyond the N is ever busy.
#pragma once

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "zhibiao/extractor.hpp"

namespace zhibiao::cli {

// Turns one document into output text (records) and diagnostics (stderr
// lines). Called from several threads at once.
struct Formatted {
  std::string records;
  std::string diagnostics;
  std::size_t record_count = 0;
};
using FormatDocument = std::function<Formatted(const Document&)>;

class Pipeline {
 public:
  Pipeline(unsigned jobs, FormatDocument format, std::ostream& out, std::ostream& err,
           std::function<void(std::size_t docs, std::size_t bytes, std::size_t records)> on_batch);
  ~Pipeline();
  void add(Document&& doc);  // may start a full batch, and finish the one before
  void finish();             // processes and writes what is left (and may be called again)
  // Writes records formatted outside the batches (a part of a long document,
  // `bytes` of its text), after finish().
  void write(const Formatted& records, std::size_t bytes);
  void count_document();  // a long document's parts are all written

 private:
  struct Batch;
  void flush();
  void start();     // hands the batch read so far to the helper threads
  void complete();  // helps with the running batch, waits for it and writes it

  unsigned jobs_;
  FormatDocument format_;
  std::ostream& out_;
  std::ostream& err_;
  std::function<void(std::size_t, std::size_t, std::size_t)> on_batch_;
  std::vector<Document> batch_;  // being read
  std::size_t batch_bytes_ = 0;
  std::unique_ptr<Batch> running_;  // being extracted
};

}  // namespace zhibiao::cli
