// Shared by the fuzz targets: the bundled pack, loaded once per process, and
// the invariants every target checks. A broken invariant calls abort() with a
// message, which libFuzzer (and the replay driver) reports as a crash.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "text/utf8.hpp"
#include "zhibiao/rule_pack.hpp"

#ifndef ZHIBIAO_FUZZ_RULES
#error "ZHIBIAO_FUZZ_RULES must name the bundled rule pack"
#endif

namespace zhibiao::fuzz {

inline const RulePack& bundled_pack() {
  static const RulePack pack = RulePack::load(ZHIBIAO_FUZZ_RULES);
  return pack;
}

[[noreturn]] inline void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what.c_str());
  std::fflush(stderr);
  std::abort();
}

#define ZHIBIAO_FUZZ_CHECK(cond, what)                                                   \
  do {                                                                                   \
    if (!(cond)) ::zhibiao::fuzz::fail(std::string(#cond) + " -- " + std::string(what)); \
  } while (0)

// Where characters start in `s`, as the normaliser reads it: every position
// decode_at reaches walking from 0 (an invalid byte is a character of its
// own), plus s.size(). boundary[i] is true when i is one.
inline std::vector<bool> char_boundaries(std::string_view s) {
  std::vector<bool> boundary(s.size() + 1, false);
  for (std::size_t i = 0; i < s.size(); i += text::decode_at(s, i).size) boundary[i] = true;
  boundary[s.size()] = true;
  return boundary;
}

// True when `s` is well-formed UTF-8 (every character decodes).
inline bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    auto d = text::decode_at(s, i);
    if (!d.valid) return false;
    i += d.size;
  }
  return true;
}

}  // namespace zhibiao::fuzz
