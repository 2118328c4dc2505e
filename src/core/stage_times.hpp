// Where extraction time goes, stage by stage (bench/stages.sh).
//
// Only a build configured with -DZHIBIAO_STAGE_TIMES=ON reads the clock:
// in any other, StageClock does nothing and the compiler drops it, so the
// library as shipped pays nothing for it. In that build, the totals of all
// threads are printed to stderr when the process ends.
#pragma once

#include <chrono>

namespace zhibiao::detail {

enum class Stage { normalize, quantities, segment, rules, periods, modality, subjects, records, count };

#ifdef ZHIBIAO_STAGE_TIMES

class StageClock {
 public:
  // Adds the time since the previous call (or since the clock was made) to
  // the stage's total.
  void done(Stage stage);

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

#else

class StageClock {
 public:
  void done(Stage) {}
};

#endif

}  // namespace zhibiao::detail
