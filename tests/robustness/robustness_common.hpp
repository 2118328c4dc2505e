// Helpers for the robustness tests (issue 5).
#pragma once

#include <chrono>
#include <cstdlib>
#include <string>
#include <string_view>

namespace zhibiao::robustness {

// Wall-clock limits are multiplied by $ZHIBIAO_TIME_FACTOR (scripts/sanitize
// sets it: sanitized builds run several times slower).
inline double time_factor() {
  const char* f = std::getenv("ZHIBIAO_TIME_FACTOR");
  double v = f ? std::atof(f) : 1.0;
  return v > 0 ? v : 1.0;
}

template <class F>
double seconds_of(F&& f) {
  auto t0 = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

inline std::string repeat(std::string_view s, std::size_t bytes) {
  std::string out;
  out.reserve(bytes + s.size());
  while (out.size() + s.size() <= bytes) out.append(s);
  return out;
}

}  // namespace zhibiao::robustness
