// A document read in parts (DocumentStream) against the same document read
// whole: the same records, with offsets into the whole text, whatever the
// part size and however the text arrives; and where the parts are cut.
#define BOOST_TEST_MODULE document_stream
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>

#include "bundled_pack.hpp"
#include "io/records.hpp"
#include "text/part_cut.hpp"
#include "zhibiao/document_stream.hpp"
#include "zhibiao/extractor.hpp"

using namespace zhibiao;

namespace {

const RulePack& pack() { return testing::bundled_pack(); }

// One record as a line of all its fields.
std::string row(const Fact& f) {
  std::string s;
  for (const auto& [name, value] : io::fact_fields("doc", f)) s += std::string(name) + "=" + value + "|";
  return s;
}

std::vector<std::string> rows(const std::vector<Fact>& facts) {
  std::vector<std::string> out;
  for (const auto& f : facts) out.push_back(row(f));
  return out;
}

// The text handed to the stream in blocks of random sizes up to
// `max_block`, each part extracted as soon as it is ready.
std::vector<Fact> facts_in_parts(const Document& doc, std::size_t part_bytes, std::size_t max_block, unsigned seed,
                                 std::size_t* parts = nullptr) {
  Extractor extractor(pack());
  DocumentStream stream(extractor, Document{doc.id, {}, doc.date, doc.title}, part_bytes);
  std::mt19937 random(seed);
  std::vector<Fact> out;
  auto drain = [&] {
    while (stream.part_ready()) {
      auto part = stream.facts();
      out.insert(out.end(), part.begin(), part.end());
      if (parts) ++*parts;
    }
  };
  for (std::size_t at = 0; at < doc.text.size();) {
    std::size_t n = std::uniform_int_distribution<std::size_t>(1, max_block)(random);
    stream.add(std::string_view(doc.text).substr(at, n));
    at += n;
    drain();
  }
  stream.close();
  drain();
  BOOST_TEST(stream.bytes_extracted() == doc.text.size());
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A long dated document of real sentences: the seed article, then every
// rule-file test text of the pack as a line, with a heading stating a year
// now and then and lead-in lines ending in a colon.
Document long_document() {
  Document doc{"long", read_file(ZHIBIAO_SEEDS "/seed-article.txt"), "2023-07-12", ""};
  int n = 0;
  for (const auto& t : pack().compiled().tests) {
    if (t.quantities || !t.date.empty() || !t.title.empty()) continue;
    if (n % 40 == 0) doc.text += "\n" + std::to_string(2010 + n / 40) + "年主要指标\n";
    if (n % 25 == 0) doc.text += "主要预期目标是：\n\n";
    doc.text += t.text + "\n";
    ++n;
  }
  return doc;
}

std::size_t longest_line(const std::string& text) {
  std::size_t longest = 0, start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      longest = std::max(longest, i - start);
      start = i + 1;
    }
  }
  return longest;
}

// The document read by two streams in parts of `part` bytes, one for its
// facts and one for its quantities, handed four parts' length at a time
// and drained with ready_facts / ready_quantities on `threads` threads.
struct ReadOnThreads {
  std::vector<Fact> facts;
  std::vector<Quantity> quantities;
  std::vector<Warning> facts_warnings, quantities_warnings;
};

ReadOnThreads read_on_threads(const Extractor& extractor, const Document& doc, std::size_t part, unsigned threads) {
  ReadOnThreads out;
  DocumentStream facts_stream(extractor, Document{doc.id, {}, doc.date, {}}, part);
  DocumentStream quantities_stream(extractor, Document{doc.id, {}, doc.date, {}}, part);
  auto drain = [&] {
    for (auto& p : facts_stream.ready_facts(threads, &out.facts_warnings))
      out.facts.insert(out.facts.end(), p.begin(), p.end());
    for (auto& p : quantities_stream.ready_quantities(threads, &out.quantities_warnings))
      out.quantities.insert(out.quantities.end(), p.begin(), p.end());
  };
  for (std::size_t at = 0; at < doc.text.size(); at += 4 * part) {
    facts_stream.add(std::string_view(doc.text).substr(at, 4 * part));
    quantities_stream.add(std::string_view(doc.text).substr(at, 4 * part));
    drain();
  }
  facts_stream.close();
  quantities_stream.close();
  while (facts_stream.part_ready() || quantities_stream.part_ready()) drain();
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(parts_give_the_records_of_the_whole_document) {
  Document doc = long_document();
  auto whole = rows(Extractor(pack()).facts(doc));
  BOOST_TEST_REQUIRE(whole.size() > 200u);
  // Parts at least half the longest line long are cut at line ends only.
  std::size_t line = longest_line(doc.text);
  unsigned seed = 1;
  for (std::size_t part : {line / 2 + 1, line, 3 * line, 10 * line}) {
    for (std::size_t block : {std::size_t{7}, part / 3 + 1, 4 * part}) {
      std::size_t parts = 0;
      auto got = rows(facts_in_parts(doc, part, block, seed++, &parts));
      BOOST_TEST_CONTEXT("part " << part << " block " << block) {
        BOOST_TEST(parts > doc.text.size() / (4 * part + 1));
        BOOST_TEST(got == whole, boost::test_tools::per_element());
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(parts_on_several_threads_give_the_same_records) {
  // Several parts matched at once, then finished in order, on threads that
  // go on between calls (test_ordered_pipeline): the records of the whole
  // document, part by part.
  Document doc = long_document();
  auto whole = rows(Extractor(pack()).facts(doc));
  auto whole_quantities = Extractor(pack()).quantities(doc);
  std::size_t part = longest_line(doc.text);
  for (unsigned threads : {1u, 2u, 3u}) {
    Extractor extractor(pack());
    ReadOnThreads read = read_on_threads(extractor, doc, part, threads);
    BOOST_TEST_CONTEXT("threads " << threads) {
      BOOST_TEST(rows(read.facts) == whole, boost::test_tools::per_element());
      BOOST_TEST_REQUIRE(read.quantities.size() == whole_quantities.size());
      for (std::size_t i = 0; i < read.quantities.size(); ++i)
        BOOST_TEST(read.quantities[i].text == whole_quantities[i].text);
    }
  }
}

BOOST_AUTO_TEST_CASE(offsets_point_into_the_whole_text) {
  Document doc = long_document();
  auto facts = facts_in_parts(doc, 600, 100, 5);
  BOOST_TEST_REQUIRE(!facts.empty());
  BOOST_TEST(facts.back().span.begin > 10 * 600u);
  for (const auto& f : facts) BOOST_TEST(doc.text.substr(f.span.begin, f.span.end - f.span.begin) == f.text);
}

BOOST_AUTO_TEST_CASE(a_heading_holds_for_the_parts_after_it) {
  // The heading's period reaches a figure with none of its own, many parts
  // further on.
  std::string filler;
  for (int i = 0; i < 200; ++i) filler += "园区坚持创新驱动，持续优化营商环境。\n";
  Document doc{"h", "2022年上半年经济运行情况\n" + filler + "全区固定资产投资完成193.2亿元。\n", "2023-07-12", ""};
  auto whole = Extractor(pack()).facts(doc);
  BOOST_TEST_REQUIRE(whole.size() == 1u);
  BOOST_TEST(whole[0].period->to_string() == "2022-01/2022-06");
  auto parts = facts_in_parts(doc, 500, 300, 9);
  BOOST_TEST_REQUIRE(parts.size() == 1u);
  BOOST_TEST(row(parts[0]) == row(whole[0]));
}

BOOST_AUTO_TEST_CASE(an_undated_document_takes_its_date_from_the_first_part) {
  std::string filler;
  for (int i = 0; i < 100; ++i) filler += "园区坚持创新驱动，持续优化营商环境。\n";
  Document doc{"d", "日期:2023-07-12\n" + filler + "上半年全区固定资产投资完成193.2亿元。\n", "", ""};
  auto parts = facts_in_parts(doc, 400, 300, 3);
  BOOST_TEST_REQUIRE(parts.size() == 1u);
  BOOST_TEST(parts[0].period->to_string() == "2023-01/2023-06");
}

BOOST_AUTO_TEST_CASE(quantities_in_parts_are_those_of_the_whole) {
  Document doc = long_document();
  Extractor extractor(pack());
  auto whole = extractor.quantities(doc);
  DocumentStream stream(extractor, Document{doc.id, {}, doc.date, {}}, 1000);
  std::vector<Quantity> got;
  stream.add(doc.text);
  stream.close();
  while (stream.part_ready()) {
    auto q = stream.quantities();
    got.insert(got.end(), q.begin(), q.end());
  }
  BOOST_TEST_REQUIRE(got.size() == whole.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    BOOST_TEST(got[i].span.begin == whole[i].span.begin);
    BOOST_TEST(got[i].span.end == whole[i].span.end);
    BOOST_TEST(got[i].text == whole[i].text);
    BOOST_TEST(got[i].value.to_string() == whole[i].value.to_string());
  }
}

BOOST_AUTO_TEST_CASE(a_text_longer_than_a_part_is_read_in_parts_by_facts) {
  // Extractor::facts on a long text goes through the stream: the same
  // records as the document's pieces read one by one, shifted.
  std::string line = "2023年上半年全区固定资产投资完成193.2亿元，增长12.5%。\n";
  Document doc{"x", "", "2023-07-12", ""};
  while (doc.text.size() <= DocumentStream::kPartBytes + 3 * line.size()) doc.text += line;
  Extractor extractor(pack());
  auto one = extractor.facts(Document{"x", line, "2023-07-12", ""});
  auto all = extractor.facts(doc);
  BOOST_TEST_REQUIRE(one.size() == 2u);
  BOOST_TEST_REQUIRE(all.size() == 2 * (doc.text.size() / line.size()));
  for (std::size_t i = 0; i < all.size(); ++i) {
    Fact expected = one[i % 2];
    std::size_t shift = (i / 2) * line.size();
    expected.span = {expected.span.begin + shift, expected.span.end + shift};
    BOOST_TEST(row(all[i]) == row(expected));
  }
}

// ---- where parts are cut

namespace {

std::size_t cut(std::string_view buffer, std::size_t target, std::size_t longest_line) {
  const auto& cp = pack().compiled();
  return text::PartCut{*cp.fold, cp.segments.sentence_end}(buffer, target, longest_line);
}

}  // namespace

BOOST_AUTO_TEST_CASE(invalid_utf8_is_named_for_the_first_bytes_then_counted_however_the_text_is_read) {
  // A bad byte at the start of some lines: the first 20 of the document
  // are named, the rest counted in one warning at its end, whether it is
  // read whole or in parts, for facts or quantities, on any number of threads.
  Document doc = long_document();
  for (std::string copy = doc.text; doc.text.size() <= DocumentStream::kPartBytes;) doc.text += copy;
  std::vector<std::size_t> bad;
  for (std::size_t at = doc.text.find('\n'); at != std::string::npos && bad.size() < 45;
       at = doc.text.find('\n', at + doc.text.size() / 46)) {
    doc.text.insert(at + 1, "\xFF");
    bad.push_back(at + 1);
  }
  BOOST_TEST_REQUIRE(bad.size() == 45u);
  std::vector<std::string> expected;
  for (std::size_t i = 0; i < 20; ++i)
    expected.push_back(std::to_string(bad[i]) + " invalid UTF-8 at byte " + std::to_string(bad[i]) + ", read as U+FFFD");
  expected.push_back(std::to_string(bad.back()) + " 25 more bytes of invalid UTF-8, the last at byte " +
                     std::to_string(bad.back()) + ", read as U+FFFD");
  auto lines = [](const std::vector<Warning>& warnings) {
    std::vector<std::string> out;
    for (const auto& w : warnings) out.push_back(std::to_string(w.offset) + " " + w.message);
    return out;
  };
  Extractor extractor(pack());
  BOOST_TEST_REQUIRE(doc.text.size() > DocumentStream::kPartBytes);  // read in parts by Extractor::facts
  std::vector<Warning> whole_facts, whole_quantities;
  extractor.facts(doc, &whole_facts);
  extractor.quantities(doc, &whole_quantities);
  BOOST_TEST(lines(whole_facts) == expected, boost::test_tools::per_element());
  BOOST_TEST(lines(whole_quantities) == expected, boost::test_tools::per_element());

  std::size_t part = longest_line(doc.text);
  for (unsigned threads : {1u, 2u, 3u}) {
    BOOST_TEST_CONTEXT("threads " << threads) {
      ReadOnThreads read = read_on_threads(extractor, doc, part, threads);
      BOOST_TEST(lines(read.facts_warnings) == expected, boost::test_tools::per_element());
      BOOST_TEST(lines(read.quantities_warnings) == expected, boost::test_tools::per_element());
    }
  }

  // A document read whole: one part, the same report.
  Document short_doc{"short", doc.text.substr(0, bad[24] + 1), doc.date, ""};
  BOOST_TEST_REQUIRE(short_doc.text.size() <= DocumentStream::kPartBytes);
  std::vector<Warning> short_warnings;
  extractor.facts(short_doc, &short_warnings);
  BOOST_TEST_REQUIRE(short_warnings.size() == 21u);
  BOOST_TEST(short_warnings.back().message ==
             "5 more bytes of invalid UTF-8, the last at byte " + std::to_string(bad[24]) + ", read as U+FFFD");
}

BOOST_AUTO_TEST_CASE(a_part_ends_at_the_last_line_end_within_its_length) {
  std::string text = "第一行。\n第二行。\n第三行";
  BOOST_TEST(cut(text, text.size(), 1000) == text.find("第三行"));
  BOOST_TEST(cut(text, text.find("第二行") + 2, 1000) == text.find("第二行"));
  // None within the length: the first one after it.
  BOOST_TEST(cut(text, 3, 1000) == text.find("第三行"));
  // CRLF ends after the LF; a lone CR is a line end once the next byte is known.
  BOOST_TEST(cut("甲。\r\n乙", 100, 1000) == std::string("甲。\r\n").size());
  BOOST_TEST(cut("甲。\r乙", 100, 1000) == std::string("甲。\r").size());
  BOOST_TEST(cut("甲。\r", 100, 1000) == 0u);
}

BOOST_AUTO_TEST_CASE(a_lead_in_line_stays_with_the_list_after_it) {
  std::string text = "去年工作回顾。\n主要预期目标是：\n\n  \n地区生产总值增长6%左右。\n";
  std::size_t list = text.find("地区");
  // Not after the colon line, nor after the blank lines below it.
  BOOST_TEST(cut(text, list, 1000) == text.find("主要"));
  BOOST_TEST(cut(text, list - 1, 1000) == text.find("主要"));
  // A full-width colon folds to the same; a colon inside a line is no lead-in.
  BOOST_TEST(cut("甲。\n目标：\n乙", 100, 1000) == std::string("甲。\n").size());
  BOOST_TEST(cut("甲。\n目标：如下。\n乙", 100, 1000) == std::string("甲。\n目标：如下。\n").size());
  // The list's lead-in at the very start: no place to cut before it yet.
  BOOST_TEST(cut("目标：\n乙", 100, 1000) == 0u);
}

BOOST_AUTO_TEST_CASE(a_line_too_long_to_wait_for_is_cut_after_a_sentence) {
  std::string text = "投资增长。产值增长！利润增长";
  // Shorter than the longest line waited for: wait.
  BOOST_TEST(cut(text, 10, text.size() + 1) == 0u);
  BOOST_TEST(cut(text, text.size(), text.size()) == text.find("利润"));
  BOOST_TEST(cut(text, text.find("产值"), text.size()) == text.find("产值"));
  // No sentence end either: at a character's start, never inside one.
  std::string han = "投资增长产值增长";
  for (std::size_t target = 1; target <= han.size(); ++target) {
    std::size_t at = cut(han, target, 1);
    BOOST_TEST_CONTEXT("target " << target) {
      BOOST_TEST(at > 0u);
      BOOST_TEST(at % 3 == 0u);  // each character is three bytes
      BOOST_TEST(at <= std::max<std::size_t>(3, target));
    }
  }
}
