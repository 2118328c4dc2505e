#include "text/icu_fold.hpp"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <memory>
#include <stdexcept>

namespace zhibiao::text {
namespace {

constexpr char32_t kTableSize = 0x10000;

// NFKC of each BMP code point whose result is a single code point.
void apply_nfkc(std::vector<char32_t>& table) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU: NFKC normaliser unavailable");
  for (char32_t cp = 0; cp < table.size(); ++cp) {
    if (cp >= 0xD800 && cp < 0xE000) continue;  // surrogates
    icu::UnicodeString one(static_cast<UChar32>(cp));
    UErrorCode e = U_ZERO_ERROR;
    if (nfkc->isNormalized(one, e)) continue;
    e = U_ZERO_ERROR;
    icu::UnicodeString folded = nfkc->normalize(one, e);
    if (U_SUCCESS(e) && folded.countChar32() == 1) table[cp] = static_cast<char32_t>(folded.char32At(0));
  }
}

// Traditional to simplified over every Han code point in one call: ICU's
// transform maps character by character, so the output lines up with the
// input; if it ever does not, each character is transformed alone.
void apply_traditional_to_simplified(std::vector<char32_t>& table) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t2s(
      icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU: Traditional-Simplified transform unavailable");
  std::vector<char32_t> sources;
  icu::UnicodeString all;
  for (char32_t cp = 0; cp < table.size(); ++cp) {
    char32_t c = table[cp];
    if (!icu_is_han(cp) || c >= 0x10000) continue;
    sources.push_back(cp);
    all.append(static_cast<UChar32>(c));
  }
  icu::UnicodeString out = all;
  t2s->transliterate(out);
  if (out.countChar32() == static_cast<int32_t>(sources.size())) {
    int32_t i = 0;
    for (char32_t cp : sources) {
      table[cp] = static_cast<char32_t>(out.char32At(i));
      i = out.moveIndex32(i, 1);
    }
    return;
  }
  for (char32_t cp : sources) {
    icu::UnicodeString one(static_cast<UChar32>(table[cp]));
    t2s->transliterate(one);
    if (one.countChar32() == 1) table[cp] = static_cast<char32_t>(one.char32At(0));
  }
}

}  // namespace

bool icu_is_han(char32_t cp) {
  UErrorCode e = U_ZERO_ERROR;
  auto c = static_cast<UChar32>(cp);
  return uscript_getScript(c, &e) == USCRIPT_HAN && u_isalpha(c);
}

std::vector<char32_t> icu_fold_table() {
  std::vector<char32_t> table(kTableSize);
  for (char32_t cp = 0; cp < kTableSize; ++cp) table[cp] = cp;
  apply_nfkc(table);
  apply_traditional_to_simplified(table);
  return table;
}

}  // namespace zhibiao::text
