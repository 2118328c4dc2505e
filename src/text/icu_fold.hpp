// The ICU part of the folding table: NFKC of each Basic Multilingual Plane
// code point, then Traditional-Simplified on the Han ones.
//
// ICU takes about 15 ms to build its Traditional-Simplified transform, a
// third of what loading a rule pack may take, and the result never changes
// for a given ICU. So tools/fold_table_gen.cpp runs this once at build time
// and writes the pairs it changes into the library (see char_fold.cpp).
#pragma once

#include <vector>

namespace zhibiao::text {

// Whether ICU counts a code point as a Han letter.
bool icu_is_han(char32_t cp);

// table[cp] for every cp < 0x10000: what the code point folds to.
std::vector<char32_t> icu_fold_table();

}  // namespace zhibiao::text
