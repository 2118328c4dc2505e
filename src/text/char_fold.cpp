#include "text/char_fold.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <mutex>

#include "text/icu_fold.hpp"
#include "text/utf8.hpp"

namespace zhibiao::text {
namespace {

struct FoldPair {
  char32_t from, to;
};

// NFKC and Traditional-Simplified, computed from ICU when the library was
// built (tools/fold_table_gen.cpp, text/icu_fold.hpp).
constexpr FoldPair kIcuFolds[] = {
#include "fold_table.inc"
};

}  // namespace

std::shared_ptr<const CharFold> CharFold::base() {
  static std::once_flag once;
  static std::shared_ptr<const CharFold> table;
  std::call_once(once, [] {
    auto t = std::make_shared<CharFold>();
    t->table_.resize(kTableSize);
    for (char32_t cp = 0; cp < kTableSize; ++cp) {
      t->table_[cp] = cp;
      UErrorCode e = U_ZERO_ERROR;
      auto c = static_cast<UChar32>(cp);
      UScriptCode script = uscript_getScript(c, &e);
      t->han_[cp] = icu_is_han(cp);
      t->pinyin_[cp] = script == USCRIPT_LATIN && u_isULowercase(c);
      t->space_[cp] = cp != '\n' && cp != '\r' && u_isUWhiteSpace(c);
    }
    for (auto [from, to] : kIcuFolds) t->table_[from] = to;
    t->find_unchanged();
    table = std::move(t);
  });
  return table;
}

std::shared_ptr<const CharFold> CharFold::with_overrides(const std::map<char32_t, char32_t>& extra) const {
  auto t = std::make_shared<CharFold>(*this);
  for (auto [from, to] : extra) {
    if (from >= kTableSize) continue;
    // A pair applies to every code point that already folds to `from`, so
    // both the traditional and the simplified spelling reach `to`.
    for (char32_t cp = 0; cp < kTableSize; ++cp)
      if (t->table_[cp] == from) t->table_[cp] = to;
    t->table_[from] = to;
  }
  t->find_unchanged();
  return t;
}

void CharFold::find_unchanged() {
  for (char32_t cp = 0; cp < kTableSize; ++cp) unchanged_[cp] = table_[cp] == cp && !space_[cp];
}

std::string CharFold::fold_string(const std::string& s) const {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    Decoded d = decode_at(s, i);
    append_utf8(out, fold(d.cp));
    i += d.size;
  }
  return out;
}

}  // namespace zhibiao::text
