// Extraction over a stream of documents with N threads.
//
// Documents are gathered into batches (a few megabytes); the documents of a
// batch are spread over the threads, each formats its documents' records
// into a buffer of its own, and the buffers are written in input order. So
// the output of -j 2 is byte for byte that of -j 1, and memory holds one
// batch at a time, whatever the size of the input.
#pragma once

#include <functional>
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
  void add(Document&& doc);  // may process a full batch
  void finish();             // processes what is left

 private:
  void flush();
  unsigned jobs_;
  FormatDocument format_;
  std::ostream& out_;
  std::ostream& err_;
  std::function<void(std::size_t, std::size_t, std::size_t)> on_batch_;
  std::vector<Document> batch_;
  std::size_t batch_bytes_ = 0;
};

}  // namespace zhibiao::cli
