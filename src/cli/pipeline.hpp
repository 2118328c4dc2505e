// Extraction over a stream of documents with N threads.
//
// Documents are gathered into batches (2 MB of text, 256 KB with one
// thread); the documents of a batch are spread over the threads, each
// formats its documents' records into a buffer of its own, and the buffers
// are written in input order. So the output of -j 2 is byte for byte that
// of -j 1, and memory holds at most two batches, whatever the size of the
// input.
//
// With more than one thread, a batch is extracted while the next one is
// read: N - 1 helper threads, started with the first batch and kept to the
// end, take its documents while the calling thread goes back to reading.
// Once the next batch is full, it is handed to the helpers too, and the
// calling thread joins them, on what is left of the first batch and then
// of the next, until the first is done; it then writes it out and reads
// on. A helper that runs out of the first batch's documents goes straight
// on to the next batch's, so no thread waits at the end of a batch for the
// last long document, and no thread beyond the N is ever busy.
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>
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
  void add(Document&& doc);  // may hand a full batch on, and finish the one before
  void finish();             // processes and writes what is left (and may be called again)
  // Writes records formatted outside the batches (a part of a long document,
  // `bytes` of its text), after finish().
  void write(const Formatted& records, std::size_t bytes);
  void count_document();  // a long document's parts are all written

 private:
  struct Batch;
  // A document taken to format: its batch and its index there.
  struct Task {
    Batch* batch = nullptr;
    std::size_t doc = 0;
  };
  void flush();
  std::unique_ptr<Batch> take_batch();  // the batch read so far, its order set
  void hand_on(std::unique_ptr<Batch> b);  // to the helpers (none with one thread)
  void complete_oldest();  // helps until the oldest running batch is done, and writes it
  void write_batch(const Batch& b);
  // Under mutex_: the next document not yet taken, oldest batch first.
  bool take(Task& task);
  // Formats it: called with `lock` held, which it lets go meanwhile.
  void run(const Task& task, std::unique_lock<std::mutex>& lock);
  void helper_loop();

  unsigned jobs_;
  FormatDocument format_;
  std::ostream& out_;
  std::ostream& err_;
  std::function<void(std::size_t, std::size_t, std::size_t)> on_batch_;
  std::vector<Document> batch_;  // being read
  std::size_t batch_bytes_ = 0;

  // Shared with the helpers, under mutex_.
  std::mutex mutex_;
  std::condition_variable work_;       // helpers wait here: a document to take, or the end
  std::condition_variable done_;       // the calling thread waits here: a document done
  std::deque<std::unique_ptr<Batch>> running_;  // oldest first: at most two
  std::exception_ptr failure_;         // the first of any batch; no document is taken after it
  bool stopping_ = false;
  std::vector<std::thread> helpers_;
};

}  // namespace zhibiao::cli
