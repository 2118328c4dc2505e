// extract runs itself again with glibc.malloc.hugetlb=1, a larger tcache
// and a larger heap pad (cli/malloc_tunables.hpp) only when that helps and
// cannot loop: not when GLIBC_TUNABLES already names the huge pages'
// tunable (the user's choice, or the second start), not under valgrind, and
// only when the kernel gives huge pages on request, and only with one
// thread. A tcache size, pad or mmap threshold the user chose is kept.
#define BOOST_TEST_MODULE malloc_tunables
#include <boost/test/unit_test.hpp>

#include "cli/malloc_tunables.hpp"

using zhibiao::cli::malloc_tunables_to_rerun_with;

namespace {
constexpr const char* kOnRequest = "always [madvise] never";
constexpr const char* kAdded =
    "glibc.malloc.hugetlb=1:glibc.malloc.tcache_count=256:glibc.malloc.top_pad=8388608:"
    "glibc.malloc.mmap_threshold=4194304";
}  // namespace

BOOST_AUTO_TEST_CASE(the_tunables_are_added_when_huge_pages_come_on_request) {
  BOOST_TEST(malloc_tunables_to_rerun_with(nullptr, nullptr, kOnRequest).value() == kAdded);
  BOOST_TEST(malloc_tunables_to_rerun_with("", nullptr, kOnRequest).value() == kAdded);
  BOOST_TEST(malloc_tunables_to_rerun_with("glibc.malloc.check=3", "/usr/lib/libfoo.so", kOnRequest).value() ==
             std::string("glibc.malloc.check=3:") + kAdded);
}

BOOST_AUTO_TEST_CASE(a_tcache_size_pad_or_mmap_threshold_the_user_chose_is_kept) {
  BOOST_TEST(malloc_tunables_to_rerun_with("glibc.malloc.tcache_count=0", nullptr, kOnRequest).value() ==
             "glibc.malloc.tcache_count=0:glibc.malloc.hugetlb=1:glibc.malloc.top_pad=8388608:"
             "glibc.malloc.mmap_threshold=4194304");
  BOOST_TEST(malloc_tunables_to_rerun_with("glibc.malloc.top_pad=0:glibc.malloc.mmap_threshold=65536", nullptr,
                                           kOnRequest)
                 .value() ==
             "glibc.malloc.top_pad=0:glibc.malloc.mmap_threshold=65536:glibc.malloc.hugetlb=1:"
             "glibc.malloc.tcache_count=256");
}

BOOST_AUTO_TEST_CASE(only_with_one_thread) {
  // Each thread's heap keeps its own pad and huge pages: with more threads,
  // no second start at all.
  BOOST_TEST(malloc_tunables_to_rerun_with(nullptr, nullptr, kOnRequest, 1).value() == kAdded);
  BOOST_TEST(!malloc_tunables_to_rerun_with(nullptr, nullptr, kOnRequest, 2));
  BOOST_TEST(!malloc_tunables_to_rerun_with(nullptr, nullptr, kOnRequest, 5));
  BOOST_TEST(!malloc_tunables_to_rerun_with("glibc.malloc.check=3", nullptr, kOnRequest, 256));
}

BOOST_AUTO_TEST_CASE(huge_pages_already_named_are_left_alone_so_the_second_start_stays) {
  BOOST_TEST(!malloc_tunables_to_rerun_with("glibc.malloc.hugetlb=1", nullptr, kOnRequest));
  BOOST_TEST(!malloc_tunables_to_rerun_with("glibc.malloc.hugetlb=0", nullptr, kOnRequest));
  BOOST_TEST(!malloc_tunables_to_rerun_with("glibc.malloc.check=3:glibc.malloc.hugetlb=2", nullptr, kOnRequest));
  // What the first start sets, the second finds.
  auto first = malloc_tunables_to_rerun_with("glibc.malloc.check=3", nullptr, kOnRequest);
  BOOST_TEST(!malloc_tunables_to_rerun_with(first->c_str(), nullptr, kOnRequest));
}

BOOST_AUTO_TEST_CASE(not_under_valgrind) {
  BOOST_TEST(
      !malloc_tunables_to_rerun_with(nullptr, "/usr/libexec/valgrind/vgpreload_core-amd64-linux.so", kOnRequest));
}

BOOST_AUTO_TEST_CASE(not_when_the_kernel_gives_them_always_never_or_cannot_be_asked) {
  BOOST_TEST(!malloc_tunables_to_rerun_with(nullptr, nullptr, "[always] madvise never"));
  BOOST_TEST(!malloc_tunables_to_rerun_with(nullptr, nullptr, "always madvise [never]"));
  BOOST_TEST(!malloc_tunables_to_rerun_with(nullptr, nullptr, ""));
}
