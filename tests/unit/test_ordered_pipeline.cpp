// The pipeline that extracts a long text's parts with -j N: first stages on
// any thread, second stages one at a time and in order, no more than
// `window` jobs between their stages, helpers that go on while the caller
// is away, and a stage's exception thrown to the caller.
#define BOOST_TEST_MODULE ordered_pipeline
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <random>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/ordered_pipeline.hpp"

using zhibiao::detail::OrderedPipeline;

namespace {

struct Job {
  int number = 0;
  int first_stage_us = 0;  // how long its first stage takes
  std::thread::id first_thread;
  int second_turn = -1;  // how many second stages ran before this job's
};

Job job(int number, int first_stage_us) {
  Job j;
  j.number = number;
  j.first_stage_us = first_stage_us;
  return j;
}

// What the stages of one pipeline saw.
struct Log {
  std::atomic<int> started{0};  // jobs whose first stage has begun and second not ended
  std::atomic<int> most_started{0};
  std::atomic<int> firsts_begun{0};
  std::atomic<int> firsts_done{0};
  std::atomic<int> seconds_running{0};
  std::atomic<bool> seconds_overlapped{false};
  int seconds_done = 0;  // only second stages touch it
  int throw_at = -1;     // the job whose first stage throws
  std::atomic<bool> hold_job_0{false};  // job 0's first stage waits while set (10 s at most)
};

OrderedPipeline<Job> make_pipeline(Log& log) {
  return OrderedPipeline<Job>(
      [&log](Job& j) {
        int now = ++log.started;
        for (int most = log.most_started; now > most && !log.most_started.compare_exchange_weak(most, now);) {
        }
        j.first_thread = std::this_thread::get_id();
        ++log.firsts_begun;
        std::this_thread::sleep_for(std::chrono::microseconds(j.first_stage_us));
        for (int waited = 0; j.number == 0 && log.hold_job_0 && waited < 10000; ++waited)
          std::this_thread::sleep_for(std::chrono::milliseconds(1));
        if (j.number == log.throw_at) throw std::runtime_error("stage failed");
        ++log.firsts_done;
      },
      [&log](Job& j) {
        if (log.seconds_running++ != 0) log.seconds_overlapped = true;
        j.second_turn = log.seconds_done++;
        --log.seconds_running;
        --log.started;
      });
}

// Takes what is done until nothing is left, once all jobs are added.
void take_all(OrderedPipeline<Job>& pipeline, std::vector<Job>& out) {
  while (!pipeline.empty())
    for (Job& j : pipeline.take(true)) out.push_back(j);
}

}  // namespace

BOOST_AUTO_TEST_CASE(second_stages_run_in_order_one_at_a_time) {
  // First stages of random lengths finish out of order on several threads;
  // the jobs still come out, and go through their second stage, in the
  // order they were added.
  std::mt19937 random(7);
  for (unsigned threads : {1u, 2u, 4u}) {
    for (std::size_t window : {1u, 2u, 5u}) {
      BOOST_TEST_CONTEXT("threads " << threads << ", window " << window) {
        Log log;
        auto pipeline = make_pipeline(log);
        pipeline.set_threads(threads, window);
        std::vector<Job> out;
        int added = 0;
        while (added < 120) {
          for (int n = std::uniform_int_distribution(1, 9)(random); n > 0 && added < 120; --n)
            pipeline.add(job(added++, std::uniform_int_distribution(0, 400)(random)));
          for (Job& j : pipeline.take(false)) out.push_back(j);
        }
        take_all(pipeline, out);
        BOOST_TEST_REQUIRE(out.size() == 120u);
        for (int i = 0; i < 120; ++i) {
          BOOST_TEST(out[i].number == i);
          BOOST_TEST(out[i].second_turn == i);
        }
        BOOST_TEST(!log.seconds_overlapped);
        BOOST_TEST(log.most_started <= static_cast<int>(window));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(helpers_go_on_while_the_caller_is_away) {
  // Until the input ends, take() leaves a job for each helper to start, and
  // returns once the rest have started; the helper then runs that job with
  // no one calling take().
  Log log;
  auto pipeline = make_pipeline(log);
  pipeline.set_threads(2, 4);
  auto wait_until = [](auto done) {
    for (int waited = 0; !done() && waited < 10000; ++waited) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return done();
  };
  // The helper is held in job 0 (no one else can have started it).
  log.hold_job_0 = true;
  pipeline.add(job(0, 0));
  BOOST_TEST_REQUIRE(wait_until([&] { return log.firsts_begun == 1; }));
  pipeline.add(job(1, 0));
  pipeline.add(job(2, 0));
  // The caller runs job 1, leaves job 2 to the helper and returns, without
  // waiting for job 0.
  std::vector<Job> out = pipeline.take(false);
  BOOST_TEST(out.empty());
  BOOST_TEST(log.firsts_done == 1);
  log.hold_job_0 = false;
  BOOST_TEST(wait_until([&] { return log.firsts_done == 3; }));
  take_all(pipeline, out);
  BOOST_TEST_REQUIRE(out.size() == 3u);
  BOOST_TEST((out[0].first_thread != std::this_thread::get_id()));
  BOOST_TEST((out[1].first_thread == std::this_thread::get_id()));
  BOOST_TEST((out[2].first_thread != std::this_thread::get_id()));
}

BOOST_AUTO_TEST_CASE(a_stage_that_throws_stops_the_pipeline_and_take_throws) {
  for (unsigned threads : {1u, 3u}) {
    BOOST_TEST_CONTEXT("threads " << threads) {
      Log log;
      log.throw_at = 5;
      auto pipeline = make_pipeline(log);
      pipeline.set_threads(threads, 4);
      for (int i = 0; i < 20; ++i) pipeline.add(job(i, 100));
      std::vector<Job> out;
      BOOST_CHECK_THROW(take_all(pipeline, out), std::runtime_error);
      // Only jobs before the failing one were handed out.
      BOOST_TEST(out.size() <= 5u);
    }
  }
}
