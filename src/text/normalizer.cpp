#include "text/normalizer.hpp"

#include <simdjson.h>

#include <algorithm>

#include "text/utf8.hpp"

namespace zhibiao::text {
namespace {

constexpr std::size_t kMaxPinyinLetters = 7;

bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }

// Length in original bytes of a pinyin annotation starting at `pos` (which
// holds an opening parenthesis), or 0 when there is none.
std::size_t pinyin_annotation_at(std::string_view s, std::size_t pos, const CharFold& fold) {
  Decoded open = decode_at(s, pos);
  if (fold.fold(open.cp) != '(') return 0;
  std::size_t i = pos + open.size;
  std::size_t letters = 0;
  while (i < s.size() && letters <= kMaxPinyinLetters) {
    Decoded d = decode_at(s, i);
    char32_t c = fold.fold(d.cp);
    if (c == ')') return letters > 0 ? i + d.size - pos : 0;
    if (!fold.is_pinyin_letter(d.cp)) return 0;
    ++letters;
    i += d.size;
  }
  return 0;
}

// Where the character that ends at `end` (> 0) begins.
std::size_t start_of_char_before(std::string_view s, std::size_t end) {
  std::size_t at = end - 1;
  while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
  return at;
}

}  // namespace

const NormalizedText::Anchor& NormalizedText::anchor_at(std::size_t b) const {
  auto it = std::upper_bound(anchors_.begin(), anchors_.end(), b,
                             [](std::size_t pos, const Anchor& a) { return pos < a.folded; });
  return *(it - 1);  // anchors_[0].folded == 0 whenever text is not empty
}

std::size_t NormalizedText::in_step(const Anchor& a, std::size_t b) const {
  if (a.original_size == 0 || b == a.folded) return a.original + (b - a.folded);
  // After a character whose length changed: in step from its end.
  std::size_t changed_end = a.folded + decode_at(text, a.folded).size;
  return a.original + a.original_size + (b - changed_end);
}

std::size_t NormalizedText::original_begin(std::size_t b) const {
  if (anchors_.empty()) return 0;
  if (b >= text.size()) return next_original_;
  return in_step(anchor_at(b), b);
}

std::size_t NormalizedText::original_end_of_char(std::size_t b) const {
  const Anchor& a = anchor_at(b);
  if (a.folded == b && a.original_size != 0) return a.original + a.original_size;
  return in_step(a, b) + decode_at(text, b).size;
}

Span NormalizedText::to_original(std::size_t b, std::size_t e) const {
  if (anchors_.empty()) return {0, 0};
  if (b >= e || e > text.size()) {
    std::size_t at = original_begin(b);
    return {at, at};
  }
  std::size_t last = e - 1;  // the start of the character that ends at e
  while (last > b && (static_cast<unsigned char>(text[last]) & 0xC0) == 0x80) --last;
  return {original_begin(b), original_end_of_char(last)};
}

NormalizedText normalize(std::string_view original, const CharFold& fold, bool document_start) {
  NormalizedText out;
  out.reserve(original.size());
  auto emit = [&](char32_t cp, std::size_t from, std::size_t to) {
    std::size_t at = out.text.size();
    out.append(cp, from, to);
    out.add_marked(fold.kind(cp), at, out.text.size());
  };

  char32_t last = 0;           // last emitted (folded) code point
  bool last_was_han = false;   // judged on the original character
  std::size_t pending_space = std::string_view::npos;  // original start of a held-back run of spaces
  std::size_t pending_space_end = 0;                   // and its end

  // Nearly every document is well-formed UTF-8: checked once, in bulk, so
  // that its characters are read without a check each.
  const bool well_formed = simdjson::validate_utf8(original.data(), original.size());
  const std::uint8_t* kinds = fold.bmp_kinds();

  // Most characters fold to themselves and need nothing else: a run of them
  // is copied in one piece.
  std::size_t run = std::string_view::npos;  // original start of such a run
  auto end_run = [&](std::size_t at) {
    if (run == std::string_view::npos) return;
    out.append_unchanged(original, run, at);
    run = std::string_view::npos;
  };

  std::size_t i = 0;
  // A UTF-8 byte order mark at the very start is not text.
  if (document_start && original.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < original.size()) {
    // The common case in a tight loop: well-formed characters that stay as
    // they are, or fold to one other character with nothing else to decide
    // (，→ ,), with no space held back. A parenthesis stops it (after a Han
    // character it may open a pinyin annotation), as do a space and a CR;
    // the loop below decides about them. The last character copied is read
    // once, at the end.
    if (well_formed && pending_space == std::string_view::npos) {
      std::size_t start = i;  // of the characters copied as they are
      // The run is copied as it is, so the folded copy of original[i] will
      // be at folded_at + i (unsigned arithmetic wraps back).
      std::size_t folded_at = out.text.size() - (run == std::string_view::npos ? start : run);
      while (i < original.size()) {
        // Past the characters copied as they are, listing those with marks.
        i = skip_run(original, i, original.size(), kinds, std::uint8_t{CharFold::kCopied},
                     [&out, folded_at](std::uint8_t kind, std::size_t at, std::size_t size) {
                       if (!(kind & CharFold::kCopied)) return false;
                       out.add_marked(kind, folded_at + at, folded_at + at + size);
                       return true;
                     });
        if (i >= original.size()) break;
        Decoded d = decode_valid_at(original, i);
        std::uint8_t kind = fold.kind(d.cp);
        if (kind & CharFold::kCopied) {  // of two or four bytes, which skip_run leaves
          out.add_marked(kind, folded_at + i, folded_at + i + d.size);
          i += d.size;
          continue;
        }
        if (!(kind & CharFold::kFoldedAlone)) break;
        // The characters before it are copied, then it is folded: emit's
        // work, written out here, where one character in twenty passes
        // (as a call, GCC keeping emit out of line for its other callers,
        // it took 0.8% more instructions in all).
        if (i > start && run == std::string_view::npos) run = start;
        end_run(i);
        char32_t folded = fold.fold(d.cp);
        std::size_t at = out.text.size();
        out.append(folded, i, i + d.size);
        out.add_marked(fold.kind(folded), at, out.text.size());
        last = folded;
        last_was_han = fold.is_han(d.cp);
        i += d.size;
        start = i;
        folded_at = out.text.size() - start;
      }
      if (i > start) {
        if (run == std::string_view::npos) run = start;
        last = decode_valid_at(original, start_of_char_before(original, i)).cp;
        last_was_han = fold.is_han(last);
      }
      if (i >= original.size()) break;
    }
    auto byte = static_cast<unsigned char>(original[i]);
    Decoded d = byte < 0x80 ? Decoded{byte, 1, true} : well_formed ? decode_valid_at(original, i) : decode_at(original, i);
    bool unchanged = fold.fold(d.cp) == d.cp && !fold.is_space(d.cp);
    bool as_is = d.valid && unchanged && d.cp != '\r' && !(d.cp == '(' && last_was_han) &&
                 pending_space == std::string_view::npos;
    if (as_is) {
      if (run == std::string_view::npos) run = i;
      out.add_marked(fold.kind(d.cp), out.text.size() + (i - run), out.text.size() + (i - run) + d.size);
      last = d.cp;
      last_was_han = fold.is_han(d.cp);
      i += d.size;
      continue;
    }
    end_run(i);
    if (!d.valid) out.invalid.push_back({i});
    char32_t c = fold.fold(d.cp);

    if (last_was_han && c == '(') {
      if (std::size_t skip = pinyin_annotation_at(original, i, fold)) {
        // Dropped from the folded copy; a span running over it still covers
        // it in the original, a span ending at the Han character does not.
        i += skip;
        continue;
      }
    }
    if (c == '\r') {  // CRLF and lone CR both end a line
      std::size_t to = i + 1;
      if (to < original.size() && original[to] == '\n') ++to;
      emit('\n', i, to);
      i = to;
      last = '\n';
      last_was_han = false;
      pending_space = std::string_view::npos;
      continue;
    }
    if (fold.is_space(d.cp) || fold.is_space(c)) {
      if (pending_space == std::string_view::npos) pending_space = i;
      i += d.size;
      pending_space_end = i;
      continue;
    }
    if (pending_space != std::string_view::npos) {
      // Spaces only carry meaning after a Latin word, before another word
      // ("high tech") or a number ("GDP 1.5万亿元": without it, GDP1 reads
      // as a code like G20); the one space kept stands for the whole run,
      // whatever its characters.
      if (is_ascii_letter(last) && (is_ascii_letter(c) || is_ascii_digit(c)))
        emit(' ', pending_space, pending_space_end);
      pending_space = std::string_view::npos;
    }
    emit(c, i, i + d.size);
    last = c;
    last_was_han = fold.is_han(d.cp);
    i += d.size;
  }
  end_run(i);
  return out;
}

}  // namespace zhibiao::text
