// extract runs itself again with glibc.malloc.hugetlb=1 (cli/huge_pages.hpp)
// only when that helps and cannot loop: not when GLIBC_TUNABLES already
// names the tunable (the user's choice, or the second start), not under
// valgrind, and only when the kernel gives huge pages on request.
#define BOOST_TEST_MODULE huge_pages
#include <boost/test/unit_test.hpp>

#include "cli/huge_pages.hpp"

using zhibiao::cli::tunables_for_huge_pages;

namespace {
constexpr const char* kOnRequest = "always [madvise] never";
}

BOOST_AUTO_TEST_CASE(the_tunable_is_added_when_huge_pages_come_on_request) {
  BOOST_TEST(tunables_for_huge_pages(nullptr, nullptr, kOnRequest).value() == "glibc.malloc.hugetlb=1");
  BOOST_TEST(tunables_for_huge_pages("", nullptr, kOnRequest).value() == "glibc.malloc.hugetlb=1");
  BOOST_TEST(tunables_for_huge_pages("glibc.malloc.check=3", "/usr/lib/libfoo.so", kOnRequest).value() ==
             "glibc.malloc.check=3:glibc.malloc.hugetlb=1");
}

BOOST_AUTO_TEST_CASE(a_tunable_already_named_is_left_alone_so_the_second_start_stays) {
  BOOST_TEST(!tunables_for_huge_pages("glibc.malloc.hugetlb=1", nullptr, kOnRequest));
  BOOST_TEST(!tunables_for_huge_pages("glibc.malloc.hugetlb=0", nullptr, kOnRequest));
  BOOST_TEST(!tunables_for_huge_pages("glibc.malloc.check=3:glibc.malloc.hugetlb=2", nullptr, kOnRequest));
  // What the first start sets, the second finds.
  auto first = tunables_for_huge_pages("glibc.malloc.check=3", nullptr, kOnRequest);
  BOOST_TEST(!tunables_for_huge_pages(first->c_str(), nullptr, kOnRequest));
}

BOOST_AUTO_TEST_CASE(not_under_valgrind) {
  BOOST_TEST(!tunables_for_huge_pages(nullptr, "/usr/libexec/valgrind/vgpreload_core-amd64-linux.so", kOnRequest));
}

BOOST_AUTO_TEST_CASE(not_when_the_kernel_gives_them_always_never_or_cannot_be_asked) {
  BOOST_TEST(!tunables_for_huge_pages(nullptr, nullptr, "[always] madvise never"));
  BOOST_TEST(!tunables_for_huge_pages(nullptr, nullptr, "always madvise [never]"));
  BOOST_TEST(!tunables_for_huge_pages(nullptr, nullptr, ""));
}
