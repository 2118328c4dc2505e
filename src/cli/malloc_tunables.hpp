// glibc's malloc tuned for extract, by running itself again with
// GLIBC_TUNABLES extended.
//
// Huge pages, the reason to run again: on the machine the benchmark runs on
// (a virtual machine), a page of memory touched for the first time costs
// 11-15 µs, and a TLB miss walks two sets of page tables. extract touches
// about 26 MB of heap as RE2's DFAs grow and reads their states in no order.
// With glibc.malloc.hugetlb=1, malloc asks the kernel for 2 MB pages
// (madvise(MADV_HUGEPAGE)) for the memory it gets: page faults on 200 MB of
// input went from 9,200 to 1,500, and extraction took 0.86-0.96 of the time
// in runs of each build in turn pinned to one core; the seed article took
// 69.5 ms instead of 73.3 (30 runs each), the second start included
// (bench/README.md, "Huge pages and fewer reads").
//
// A larger per-thread cache of freed blocks rides along:
// glibc.malloc.tcache_count=256 (glibc keeps 7 of each size by default).
// A document's figures, candidates and records are allocated and freed in
// bursts of dozens of one size; past seven, each free and the malloc after
// it go through the shared bins and their consolidation. Extraction took
// 0.968 of the time on 100 MB (bench/compare.sh, 9 runs of each in turn
// pinned to one core), at the same peak memory (bench/README.md, "No wait
// at a batch's end, and a larger cache of freed blocks"). It is not worth a
// second start on its own: that costs a few milliseconds, and the cache
// gains on long inputs only.
//
// And a heap that grows 8 MB at a time: glibc.malloc.top_pad=8388608.
// malloc grows its heap by what it needs plus this pad (128 KB by default),
// and the kernel gives a 2 MB page only where the 2 MB the page would cover
// lie wholly inside what has been grown. Loading the rule pack touches
// about 4 MB of heap on several threads in small steps, so with the default
// nearly all of it came in 4 KB pages, a fault each: 1,600 faults on an
// empty input, 300-700 with the pad. An empty input took a median of 49.7
// ms instead of 61.8, the seed article 59.3 instead of 77.2 (21 runs of
// each in turn); 100 MB of the corpus took 0.965 of the time, at 2-4 MB
// more peak memory, and the densest text measured 0.5 MB more
// (bench/README.md, "A heap grown 8 MB at a time"). Naming the pad turns off glibc's
// mmap threshold that follows the blocks freed, leaving it at 128 KB, so
// it is set where that threshold would have gone for these inputs:
// glibc.malloc.mmap_threshold=4194304.
//
// All of this for one thread only (kMostJobs). Each thread's heap (arena)
// keeps its own pad and its own huge pages, each partly filled: text dense
// with figures took 72.0 MB at its peak with -j 8 and the pad, 60.9 MB
// without; 73 MB of it as one text document took 64-66 MB with -j 2 and
// the pad, and still 61.5-64.0 MB (63,000-65,552 KB) with -j 2 and huge
// pages without the pad (twenty-third session), against the 64 MB issue 4
// allows; without huge pages, 59.8-60.3 MB. -j 2 takes about 3% more
// time without them (0.78 s against 0.75 s on 100 MB of the corpus, medians
// of 6 runs in turn). A small input, where the pad pays, is read with one
// thread, the default.
//
// glibc reads its tunables only when a process starts, and offers no call
// to change them later, so extract runs itself again (/proc/self/exe) with
// GLIBC_TUNABLES extended, before it has read anything. It does not when
// that would change nothing or do harm:
// - GLIBC_TUNABLES already names glibc.malloc.hugetlb (the user's choice,
//   =0 to turn this off; and how the second start knows it is the second);
// - the kernel's transparent huge pages are not in "madvise" mode ("always"
//   gives them already, "never" not at all), which is also glibc's test;
// - malloc is not glibc's: a sanitizer's, or valgrind's (whose tools would
//   lose the process at the exec);
// - the exec fails (no /proc): extract goes on as it is.
// A tcache_count, top_pad or mmap_threshold the user set is kept.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace zhibiao::cli {

// The most threads (-j) extract runs itself again with the tunables for.
inline constexpr unsigned kMostJobs = 1;

// Returns only when it does not run extract again. `jobs`: the threads
// extract will extract with.
void rerun_with_malloc_tunables(char** argv, unsigned jobs);

// The decision: the GLIBC_TUNABLES to run again with, given the present
// one and LD_PRELOAD (either may be null), the first line of
// /sys/kernel/mm/transparent_hugepage/enabled ("" when it cannot be read)
// and the threads extract will use; nullopt when extract should not run
// again (more threads than kMostJobs, among other reasons).
std::optional<std::string> malloc_tunables_to_rerun_with(const char* tunables, const char* ld_preload,
                                                         std::string_view huge_page_mode, unsigned jobs = 1);

}  // namespace zhibiao::cli
