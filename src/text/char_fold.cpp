#include "text/char_fold.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
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
    t->table_ = std::make_shared<char32_t[]>(kTableSize);
    char32_t* folds = t->table_.get();
    for (char32_t cp = 0; cp < kTableSize; ++cp) {
      folds[cp] = cp;
      UErrorCode e = U_ZERO_ERROR;
      auto c = static_cast<UChar32>(cp);
      UScriptCode script = uscript_getScript(c, &e);
      t->han_[cp] = icu_is_han(cp);
      t->pinyin_[cp] = script == USCRIPT_LATIN && u_isULowercase(c);
      t->space_[cp] = cp != '\n' && cp != '\r' && u_isUWhiteSpace(c);
    }
    for (auto [from, to] : kIcuFolds) folds[from] = to;
    t->find_kinds();
    table = std::move(t);
  });
  return table;
}

std::shared_ptr<const CharFold> CharFold::with_overrides(const std::map<char32_t, char32_t>& extra) const {
  auto t = std::make_shared<CharFold>(*this);
  t->table_ = std::make_shared<char32_t[]>(kTableSize);  // its own, changed here
  char32_t* folds = t->table_.get();
  std::copy_n(table_.get(), kTableSize, folds);
  for (auto [from, to] : extra) {
    if (from >= kTableSize) continue;
    // A pair applies to every code point that already folds to `from`, so
    // both the traditional and the simplified spelling reach `to`.
    for (char32_t cp = 0; cp < kTableSize; ++cp)
      if (folds[cp] == from) folds[cp] = to;
    folds[from] = to;
  }
  t->find_kinds();
  return t;
}

std::shared_ptr<const CharFold> CharFold::with_watched(const WatchedChars& watched) const {
  return with_marked(watched, kWatched);
}

std::shared_ptr<const CharFold> CharFold::with_breaks(const WatchedChars& breaks) const {
  return with_marked(breaks, kBreak);
}

std::shared_ptr<const CharFold> CharFold::with_marked(const WatchedChars& chars, Kind mark) const {
  auto t = std::make_shared<CharFold>(*this);
  for (char32_t cp = 0; cp < kTableSize; ++cp) {
    t->kinds_[cp] &= static_cast<std::uint8_t>(~mark);
    if (chars.bmp[cp]) t->kinds_[cp] |= mark;
  }
  t->kind_beyond_bmp_ = static_cast<std::uint8_t>((kind_beyond_bmp_ & ~mark) | (chars.beyond_bmp ? mark : 0));
  return t;
}

void CharFold::find_kinds() {
  kinds_.resize(kTableSize, 0);
  // ( may open a pinyin annotation after a Han character, a CR ends a line
  // (with the LF after it): the normaliser decides about those itself.
  auto special = [&](char32_t cp) { return space_[cp] || cp == '(' || cp == '\r'; };
  for (char32_t cp = 0; cp < kTableSize; ++cp) {
    char32_t to = table_[cp];
    auto marks = static_cast<std::uint8_t>(kinds_[cp] & (kWatched | kBreak));
    std::uint8_t kind = 0;
    if (to == cp && !special(cp)) kind = kCopied;
    else if (to != cp && !special(cp) && (to >= kTableSize || !special(to))) kind = kFoldedAlone;
    kinds_[cp] = static_cast<std::uint8_t>(kind | marks);
  }
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
