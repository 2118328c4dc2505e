// extract's pipeline over a stream of documents (cli/pipeline.hpp): with
// any number of threads, records come out in input order and batch by
// batch; threads go on from one batch to the next (a helper is seen on a
// later batch while an earlier one still runs); a document's exception
// reaches the caller, with no record of its batch or any later one written;
// and the pipeline can be destroyed with batches still running.
#define BOOST_TEST_MODULE pipeline
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>

#include "cli/pipeline.hpp"

using zhibiao::Document;
using zhibiao::cli::Formatted;
using zhibiao::cli::Pipeline;

namespace {

// Documents "0", "1", ... with texts of varied lengths (a few long ones),
// enough for several batches of 256.
std::vector<Document> documents(int count) {
  std::mt19937 random(7);
  std::vector<Document> docs;
  for (int i = 0; i < count; ++i) {
    std::size_t length = random() % 50 == 0 ? 60'000 : 10 + random() % 2'000;
    docs.push_back(Document{std::to_string(i), std::string(length, 'x'), "", ""});
  }
  return docs;
}

std::string expected_records(int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += std::to_string(i) + "\n";
  return out;
}

// A record per document: its id; a long text takes a little longer.
Formatted record_of(const Document& doc) {
  if (doc.text.size() > 50'000) std::this_thread::sleep_for(std::chrono::microseconds(300));
  return {doc.id + "\n", doc.text.size() > 50'000 ? "long " + doc.id + "\n" : "", 1};
}

}  // namespace

BOOST_AUTO_TEST_CASE(records_come_out_in_input_order_with_any_number_of_threads) {
  const int count = 1'000;
  for (unsigned jobs : {1u, 2u, 3u, 8u}) {
    std::ostringstream out, err;
    std::size_t docs_counted = 0, records_counted = 0;
    {
      Pipeline pipeline(jobs, record_of, out, err, [&](std::size_t docs, std::size_t, std::size_t records) {
        docs_counted += docs;
        records_counted += records;
      });
      for (auto& doc : documents(count)) pipeline.add(std::move(doc));
      pipeline.finish();
    }
    BOOST_TEST_CONTEXT("-j " << jobs) {
      BOOST_TEST(out.str() == expected_records(count));
      BOOST_TEST(docs_counted == static_cast<std::size_t>(count));
      BOOST_TEST(records_counted == static_cast<std::size_t>(count));
      // Diagnostics too are in input order.
      std::string long_ones;
      for (const auto& doc : documents(count))
        if (doc.text.size() > 50'000) long_ones += "long " + doc.id + "\n";
      BOOST_TEST(err.str() == long_ones);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_helper_goes_on_to_the_next_batch_while_the_one_before_runs) {
  // The first document of the first batch is slow; everything else is
  // quick. The calling thread takes it (or a helper does) while the other
  // thread runs through the rest of the first batch and on into the second:
  // some document of the second batch must start before the slow one ends.
  std::atomic<bool> slow_done{false};
  std::atomic<bool> second_batch_started_early{false};
  auto format = [&](const Document& doc) {
    int n = std::stoi(doc.id);
    if (n == 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      slow_done = true;
    } else if (n >= 256 && !slow_done) {
      second_batch_started_early = true;
    }
    return Formatted{doc.id + "\n", "", 1};
  };
  std::ostringstream out, err;
  {
    Pipeline pipeline(2, format, out, err, nullptr);
    // Text lengths make document 0 the longest of its batch, taken first.
    for (int i = 0; i < 768; ++i)
      pipeline.add(Document{std::to_string(i), std::string(i == 0 ? 1'000 : 10, 'x'), "", ""});
    pipeline.finish();
  }
  BOOST_TEST(out.str() == expected_records(768));
  BOOST_TEST(second_batch_started_early.load());
}

BOOST_AUTO_TEST_CASE(a_failure_reaches_the_caller_and_no_later_record_is_written) {
  // In the third batch of 256 documents (several threads), or a later one
  // of fewer (one thread: batches of fewer bytes).
  const int count = 1'000, failing = 600;
  for (unsigned jobs : {1u, 2u, 3u}) {
    auto format = [&](const Document& doc) {
      if (std::stoi(doc.id) == failing) throw std::runtime_error("rule failed on " + doc.id);
      return record_of(doc);
    };
    std::ostringstream out, err;
    std::string message;
    std::size_t docs_written = 0;  // in the batches written, as the pipeline reports them
    try {
      Pipeline pipeline(jobs, format, out, err,
                        [&](std::size_t docs, std::size_t, std::size_t) { docs_written += docs; });
      for (auto& doc : documents(count)) pipeline.add(std::move(doc));
      pipeline.finish();
    } catch (const std::runtime_error& e) {
      message = e.what();
    }
    BOOST_TEST_CONTEXT("-j " << jobs) {
      BOOST_TEST(message == "rule failed on 600");
      // Whole batches before the failing one, in order, and nothing after.
      BOOST_TEST(docs_written > 0u);
      BOOST_TEST(docs_written <= static_cast<std::size_t>(failing));
      BOOST_TEST(out.str() == expected_records(static_cast<int>(docs_written)));
    }
  }
}

BOOST_AUTO_TEST_CASE(destroyed_with_batches_running_it_waits_for_its_threads) {
  std::atomic<int> formatted{0};
  auto format = [&](const Document& doc) {
    std::this_thread::sleep_for(std::chrono::microseconds(50));
    ++formatted;
    return Formatted{doc.id + "\n", "", 1};
  };
  std::ostringstream out, err;
  {
    Pipeline pipeline(3, format, out, err, nullptr);
    for (int i = 0; i < 600; ++i) pipeline.add(Document{std::to_string(i), "x", "", ""});
    // No finish(): the last batch is still being read, one is running.
  }
  // The threads ended in the destructor: nothing runs on after it.
  int after = formatted.load();
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  BOOST_TEST(formatted.load() == after);
  BOOST_TEST(expected_records(600).starts_with(out.str()));
}
