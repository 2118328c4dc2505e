#define BOOST_TEST_MODULE normalizer
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "bundled_pack.hpp"

#include "rules/compiled_pack.hpp"
#include "text/icu_fold.hpp"
#include "text/normalizer.hpp"
#include "text/utf8.hpp"
#include "zhibiao/rule_pack.hpp"

using namespace zhibiao;

namespace {

// The bundled pack's fold table: ICU's plus the pack's dash pairs.
text::NormalizedText norm(const std::string& s) {
  return text::normalize(s, *testing::bundled_pack().compiled().fold);
}

// The original bytes a folded substring came from.
std::string original_of(const std::string& original, const text::NormalizedText& n, const std::string& folded_part) {
  auto pos = n.text.find(folded_part);
  BOOST_REQUIRE(pos != std::string::npos);
  Span s = n.to_original(pos, pos + folded_part.size());
  return original.substr(s.begin, s.end - s.begin);
}

// Each character of the folded copy, with where it starts in the copy and
// the original bytes it maps back to.
struct FoldedChar {
  std::size_t at;
  std::string folded;
  std::string from;
};
std::vector<FoldedChar> folded_chars(const std::string& original, const text::NormalizedText& n) {
  std::vector<FoldedChar> out;
  for (std::size_t i = 0; i < n.text.size(); i += text::decode_at(n.text, i).size) {
    std::string folded = n.text.substr(i, text::decode_at(n.text, i).size);
    Span s = n.to_original(i, i + folded.size());
    out.push_back({i, folded, original.substr(s.begin, s.end - s.begin)});
  }
  return out;
}

}  // namespace

// The table built into the library (at build time) is what this machine's
// ICU computes now: a library built against another ICU would show here.
BOOST_AUTO_TEST_CASE(built_in_folding_table_matches_icu) {
  auto base = zhibiao::text::CharFold::base();
  std::vector<char32_t> icu = zhibiao::text::icu_fold_table();
  std::size_t differences = 0;
  for (char32_t cp = 0; cp < icu.size(); ++cp)
    if (base->fold(cp) != icu[cp]) ++differences;
  BOOST_TEST(differences == 0u);
  BOOST_TEST((base->fold(U'國') == U'国'));
  BOOST_TEST((base->fold(U'５') == U'5'));
}

BOOST_AUTO_TEST_CASE(traditional_folds_to_simplified) {
  BOOST_TEST(norm("地區生產總值193.2億元").text == "地区生产总值193.2亿元");
  BOOST_TEST(norm("兩千萬").text == "两千万");
}

BOOST_AUTO_TEST_CASE(full_width_forms_fold_to_ascii) {
  BOOST_TEST(norm("１２３％").text == "123%");
  BOOST_TEST(norm("１２．５").text == "12.5");
  BOOST_TEST(norm("增长，下降").text == "增长,下降");
  BOOST_TEST(norm("1—5月").text == "1-5月");
  BOOST_TEST(norm("10～15").text == "10~15");
}

BOOST_AUTO_TEST_CASE(pinyin_annotations_are_dropped_and_offsets_kept) {
  std::string original = "蘭州高新區(qū)實(shí)現(xiàn)稅收";
  auto n = norm(original);
  BOOST_TEST(n.text == "兰州高新区实现税收");
  // A span across the annotation covers it in the original.
  BOOST_TEST(original_of(original, n, "高新区实现") == "高新區(qū)實(shí)現");
  // A span ending at the annotated character stops before the annotation.
  BOOST_TEST(original_of(original, n, "实") == "實");
}

BOOST_AUTO_TEST_CASE(real_parentheses_are_kept) {
  BOOST_TEST(norm("產業基地(三期)").text == "产业基地(三期)");
  BOOST_TEST(norm("現代中(藏)藥").text == "现代中(藏)药");
  BOOST_TEST(norm("中国(China)").text == "中国(China)");
}

BOOST_AUTO_TEST_CASE(whitespace_and_line_ends) {
  BOOST_TEST(norm("地区 生产\t总值").text == "地区生产总值");
  BOOST_TEST(norm("high tech").text == "high tech");
  // A number after a Latin word keeps its space: GDP1 would read as a code.
  BOOST_TEST(norm("GDP\u30001.5 万亿元").text == "GDP 1.5万亿元");
  BOOST_TEST(norm("5 G").text == "5G");
  BOOST_TEST(norm("a\r\nb\rc").text == "a\nb\nc");
  BOOST_TEST(norm("\xEF\xBB\xBF" "GDP").text == "GDP");
}

BOOST_AUTO_TEST_CASE(a_byte_order_mark_is_dropped_only_at_the_start_of_a_document) {
  // A later part of a document read in parts begins inside the text, where
  // a mark (files joined with cat) is a character like any other.
  const auto& fold = *text::CharFold::base();
  BOOST_TEST(text::normalize("\xEF\xBB\xBF" "GDP", fold, true).text == "GDP");
  auto later = text::normalize("\xEF\xBB\xBF" "GDP", fold, false);
  BOOST_TEST(later.text == "\xEF\xBB\xBF" "GDP");
  BOOST_TEST(later.to_original(3, 6).begin == 3u);
}

BOOST_AUTO_TEST_CASE(invalid_bytes_are_replaced_and_reported) {
  std::string original = "GDP\xFF" "100";
  auto n = norm(original);
  BOOST_TEST(n.text == "GDP\xEF\xBF\xBD" "100");
  BOOST_REQUIRE(n.invalid.size() == 1u);
  BOOST_TEST(n.invalid[0].offset == 3u);
  BOOST_TEST(original_of(original, n, "100") == "100");
}

BOOST_AUTO_TEST_CASE(every_folded_byte_maps_inside_the_original) {
  std::string original = "高新區(qū)１—５月固投實(shí)現(xiàn)20%以上。\n第二行";
  auto n = norm(original);
  BOOST_TEST(n.text == "高新区1-5月固投实现20%以上。\n第二行");
  // Every character of the copy maps to a non-empty span of the original
  // that starts and ends on character boundaries, in order.
  std::size_t previous_end = 0;
  for (std::size_t i = 0; i < n.text.size(); i += text::decode_at(n.text, i).size) {
    std::size_t size = text::decode_at(n.text, i).size;
    Span s = n.to_original(i, i + size);
    BOOST_TEST(s.begin < s.end);
    BOOST_TEST(s.end <= original.size());
    BOOST_TEST(s.begin >= previous_end);
    BOOST_TEST((static_cast<unsigned char>(original[s.begin]) & 0xC0) != 0x80);
    previous_end = s.end;
  }
  BOOST_TEST(original_of(original, n, "1-5月") == "１—５月");
  BOOST_TEST(original_of(original, n, "固投实现") == "固投實(shí)現");
}

BOOST_AUTO_TEST_CASE(each_character_maps_to_the_character_it_comes_from) {
  // Runs copied as they are, broken by characters that change (１, 國, ，),
  // by spaces, an annotation, CRLF and an invalid byte.
  std::string original = "GDP增长５.２%，高新區(qū)實現 high  tech１２３亿元\r\n第二行\xFF末尾abc";
  auto n = norm(original);
  BOOST_TEST(n.text == "GDP增长5.2%,高新区实现high tech123亿元\n第二行\xEF\xBF\xBD末尾abc");
  for (const auto& [at, folded, from] : folded_chars(original, n)) {
    // The original character folds to this one (the kept space stands for
    // the run of two; the replacement character for the invalid byte).
    if (folded == " ") BOOST_TEST(from == "  ");
    else if (folded == "\xEF\xBF\xBD") BOOST_TEST(from == "\xFF");
    else BOOST_TEST(norm(from).text == folded, "at folded " << at << ": " << from);
  }
}

// The copying loop reads one- and three-byte characters itself and leaves
// the others (two and four bytes) to the general path: a run mixing them
// is still copied whole, and the character a run ends with still decides
// whether a parenthesis after it opens a pinyin annotation (区 and 𠀀 are
// Han, é is not).
BOOST_AUTO_TEST_CASE(characters_of_every_utf8_length_are_copied_and_mapped) {
  std::string original = "a×b区(qū)é(ā)𠀀(ā)Ω，國x";
  auto n = norm(original);
  BOOST_TEST(n.text == "a×b区é(ā)𠀀Ω,国x");
  for (const auto& [at, folded, from] : folded_chars(original, n))
    BOOST_TEST(norm(from).text == folded, "at folded " << at << ": " << from);
  BOOST_TEST(original_of(original, n, "b区é") == "b区(qū)é");
  BOOST_TEST(original_of(original, n, "𠀀Ω") == "𠀀(ā)Ω");
}

// normalize() lists where watched characters land in the folded copy while
// it makes it (the quantity windows use the list instead of reading the
// whole copy again), and apart from them the breaks (line breaks and
// sentence ends, for the segmenter): each list must be exactly the places a
// reading of the copy finds, whatever path a character took: copied in a
// run, folded (１ → 1, 國 → 国, ！ → !), a kept space, CRLF, after an
// annotation or a dropped space run, an invalid byte, a BOM, and characters
// beyond the BMP.
BOOST_AUTO_TEST_CASE(watched_characters_and_breaks_are_listed_where_they_land_in_the_copy) {
  text::WatchedChars watch, breaks;
  for (char32_t c : std::u32string(U"0123456789一二万 \n国")) watch.bmp[c] = true;
  watch.bmp[text::kReplacement] = true;
  for (char32_t c : std::u32string(U"\n。!?")) breaks.bmp[c] = true;
  // Each run of the characters of `chars` side by side in the copy, as
  // "begin-end", and how many characters they hold.
  auto read_runs = [](const std::string& copy, const text::WatchedChars& chars, std::size_t& count) {
    std::vector<std::string> read;
    for (std::size_t i = 0, run_end = 0; i < copy.size(); i += text::decode_at(copy, i).size) {
      if (!chars.contains(text::decode_at(copy, i).cp)) continue;
      ++count;
      std::size_t end = i + text::decode_at(copy, i).size;
      if (!read.empty() && run_end == i) read.back() = read.back().substr(0, read.back().find('-')) + "-" + std::to_string(end);
      else read.push_back(std::to_string(i) + "-" + std::to_string(end));
      run_end = end;
    }
    return read;
  };
  auto as_text = [](const std::vector<text::Range>& ranges) {
    std::vector<std::string> out;
    for (const auto& r : ranges) out.push_back(std::to_string(r.begin) + "-" + std::to_string(r.end));
    return out;
  };
  std::size_t watched_chars = 0, break_chars = 0;
  auto listed_and_read = [&](const std::string& original, bool beyond_bmp) {
    watch.beyond_bmp = beyond_bmp;
    breaks.beyond_bmp = beyond_bmp;
    auto fold = text::CharFold::base()->with_watched(watch)->with_breaks(breaks);
    auto n = text::normalize(original, *fold);
    // Listing changes nothing else.
    auto unwatched = text::normalize(original, *text::CharFold::base());
    BOOST_TEST(n.text == unwatched.text);
    BOOST_TEST(unwatched.watched.empty());
    BOOST_TEST(unwatched.breaks.empty());
    for (std::size_t i = 0; i < n.text.size(); i += text::decode_at(n.text, i).size) {
      Span a = n.to_original(i, i + text::decode_at(n.text, i).size);
      Span b = unwatched.to_original(i, i + text::decode_at(n.text, i).size);
      BOOST_TEST((a.begin == b.begin && a.end == b.end));
    }
    BOOST_TEST(as_text(n.watched) == read_runs(n.text, watch, watched_chars), boost::test_tools::per_element());
    BOOST_TEST(as_text(n.breaks) == read_runs(n.text, breaks, break_chars), boost::test_tools::per_element());
  };
  std::vector<std::string> texts = {
      "\xEF\xBB\xBF" "GDP增长５.２%，高新區(qū)實現 high  tech１２３亿元。\r\n第二行！\xFF末尾abc 12？\n\n",
      "一二三 ，國家（一）12 (ab) 万(wàn)元\r3\t 4\u3000五𠀀6𠀁",
      "１２３４５６７８９０",
      "",
      "\xE4\xB8",  // a cut-off character at the end
  };
  for (const auto& t : texts) {
    listed_and_read(t, false);
    listed_and_read(t, true);
  }
  BOOST_TEST(watched_chars > 60u);  // the texts hold watched characters on every path
  BOOST_TEST(break_chars > 10u);    // and breaks: copied, folded, CRLF, beyond the BMP
  // A run of them is one range, however long.
  auto digits = text::normalize(std::string(100000, '7') + "x１２", *text::CharFold::base()->with_watched(watch));
  BOOST_REQUIRE(digits.watched.size() == 2u);
  BOOST_TEST(digits.watched[0].end == 100000u);
  BOOST_TEST(digits.watched[1].begin == 100001u);
  BOOST_TEST(digits.watched[1].end == 100003u);
  // The pack's table watches what its quantity windows need: digits.
  BOOST_TEST(!norm("增长12%").watched.empty());
}

// ( and CR are decided outside the copying loop; a pack may still fold
// them to another character, and then they are folded like any other.
BOOST_AUTO_TEST_CASE(a_parenthesis_a_pack_folds_is_folded) {
  auto fold = text::CharFold::base()->with_overrides({{U'(', U'['}});
  BOOST_TEST(text::normalize("ab(cd)區(x)", *fold).text == "ab[cd)区[x)");
  BOOST_TEST(text::normalize("ab(cd)", *text::CharFold::base()).text == "ab(cd)");
}

// The decoders for well-formed text read every character as the checked
// one does, whatever its length, forwards and back.
BOOST_AUTO_TEST_CASE(decoding_well_formed_text_agrees_with_the_checked_decoder) {
  const char* prefix_of_length[] = {"a", "\u00e9", "\u4e2d", "\U0001F600"};
  std::string text;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;  // surrogates are no characters
    text.clear();
    zhibiao::text::append_utf8(text, cp);
    std::size_t size = text.size();
    text += "x";  // something after it, as in a text
    auto checked = zhibiao::text::decode_at(text, 0);
    auto fast = zhibiao::text::decode_valid_at(text, 0);
    // And read back from its end, after a character of each length.
    std::string after = std::string(prefix_of_length[cp % 4]) + text.substr(0, size);
    auto back = zhibiao::text::decode_valid_before(after, after.size());
    if (fast.cp != cp || fast.size != size || checked.cp != cp || checked.size != size || back.cp != cp ||
        back.size != size) {
      BOOST_ERROR("U+" << std::hex << static_cast<unsigned>(cp) << " decoded as U+" << static_cast<unsigned>(fast.cp)
                       << ", back as U+" << static_cast<unsigned>(back.cp));
      break;
    }
  }
}
