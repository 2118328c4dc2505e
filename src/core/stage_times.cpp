#include "core/stage_times.hpp"

#ifdef ZHIBIAO_STAGE_TIMES

#include <array>
#include <atomic>
#include <cstdint>
#include <cstdio>

namespace zhibiao::detail {
namespace {

constexpr std::size_t kStages = static_cast<std::size_t>(Stage::count);
constexpr std::array<const char*, kStages> kNames = {"normalize", "quantities", "segment", "rules",
                                                     "periods",   "modality",   "subjects", "records"};

// Nanoseconds by stage, from every thread; printed when the process ends.
struct Totals {
  std::array<std::atomic<std::uint64_t>, kStages> ns{};

  ~Totals() {
    std::uint64_t all = 0;
    for (const auto& t : ns) all += t.load();
    if (all == 0) return;
    std::fprintf(stderr, "%-12s %9s %7s\n", "stage", "seconds", "share");
    for (std::size_t i = 0; i < kStages; ++i) {
      auto t = static_cast<double>(ns[i].load());
      std::fprintf(stderr, "%-12s %9.3f %6.1f%%\n", kNames[i], t / 1e9, 100.0 * t / static_cast<double>(all));
    }
    std::fprintf(stderr, "%-12s %9.3f\n", "total", static_cast<double>(all) / 1e9);
  }
};

Totals totals;

}  // namespace

void StageClock::done(Stage stage) {
  auto now = std::chrono::steady_clock::now();
  auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(now - last_).count();
  totals.ns[static_cast<std::size_t>(stage)].fetch_add(static_cast<std::uint64_t>(ns), std::memory_order_relaxed);
  last_ = now;
}

}  // namespace zhibiao::detail

#endif
