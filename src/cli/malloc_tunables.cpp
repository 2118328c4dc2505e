#include "cli/malloc_tunables.hpp"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>

namespace zhibiao::cli {

namespace {

constexpr std::string_view kHugePages = "glibc.malloc.hugetlb";

// Added along with the huge pages, each unless GLIBC_TUNABLES names it
// already (see malloc_tunables.hpp for what each gains).
struct Tunable {
  std::string_view name, value;
};
constexpr Tunable kAlongWithHugePages[] = {
    {"glibc.malloc.tcache_count", "256"},
    {"glibc.malloc.top_pad", "8388608"},         // 8 MB
    {"glibc.malloc.mmap_threshold", "4194304"},  // 4 MB
};

std::string huge_page_mode() {
  std::ifstream mode("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string line;
  std::getline(mode, line);
  return line;
}

}  // namespace

std::optional<std::string> malloc_tunables_to_rerun_with(const char* tunables, const char* ld_preload,
                                                         std::string_view huge_page_mode, unsigned jobs) {
  if (jobs > kMostJobs) return std::nullopt;
  std::string_view present = tunables ? tunables : "";
  if (present.find(kHugePages) != std::string_view::npos) return std::nullopt;
  if (ld_preload && std::strstr(ld_preload, "vgpreload")) return std::nullopt;  // valgrind's malloc
  if (huge_page_mode.find("[madvise]") == std::string_view::npos) return std::nullopt;
  std::string extended(present);
  if (!extended.empty()) extended += ':';
  extended.append(kHugePages).append("=1");
  for (const auto& [name, value] : kAlongWithHugePages)
    if (present.find(name) == std::string_view::npos) extended.append(":").append(name).append("=").append(value);
  return extended;
}

void rerun_with_malloc_tunables(char** argv, unsigned jobs) {
#if defined(__linux__) && defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  auto extended = malloc_tunables_to_rerun_with(tunables, std::getenv("LD_PRELOAD"), huge_page_mode(), jobs);
  if (!extended) return;
  std::string before = tunables ? tunables : "";
  if (::setenv("GLIBC_TUNABLES", extended->c_str(), 1) != 0) return;
  ::execv("/proc/self/exe", argv);
  // The exec failed: on as we are, with the environment as it was.
  if (tunables) ::setenv("GLIBC_TUNABLES", before.c_str(), 1);
  else ::unsetenv("GLIBC_TUNABLES");
#else
  (void)argv;
#endif
}

}  // namespace zhibiao::cli
