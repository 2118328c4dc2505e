// A JSON Lines record on a line too long to read whole is parsed as it is
// read (io/long_record.hpp). It must read what simdjson reads from the same
// line (parse_jsonl_record): the same fields, the same errors, wherever the
// bytes already read end. And read_documents must hand such a record on in
// blocks, in its place among the others.
#define BOOST_TEST_MODULE long_record
#include <boost/test/unit_test.hpp>

#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "io/document_reader.hpp"
#include "io/long_record.hpp"

using namespace zhibiao;

namespace {

struct Reading {
  std::string error;
  Document doc;
};

Reading with_simdjson(const std::string& line) {
  Reading r;
  r.error = io::parse_jsonl_record(line, r.doc);
  return r;
}

// The line streamed, its first `split` bytes already read; the next line
// must be left in the stream.
Reading streamed(const std::string& line, std::size_t split) {
  Reading r;
  std::istringstream in(line.substr(split) + "\nnext line");
  io::TextSpool text;
  r.error = io::read_long_record(std::string_view(line).substr(0, split), in, r.doc, text);
  text.rewind();
  text.read(r.doc.text, text.size());
  std::string rest;
  std::getline(in, rest);
  BOOST_TEST(rest == "next line");
  return r;
}

// The error, or the fields read, as one line to compare. Which error of
// the JSON itself is named may differ: simdjson checks all of a line's
// bytes before its structure, the stream reads in order.
std::string outcome(const Reading& r) {
  if (r.error.rfind("invalid JSON (", 0) == 0) return "error: invalid JSON";
  if (!r.error.empty()) return "error: " + r.error;
  return "id=" + r.doc.id + "|date=" + r.doc.date + "|title=" + r.doc.title + "|text=" + r.doc.text;
}

void check_everywhere(const std::string& line) {
  std::string expected = outcome(with_simdjson(line));
  for (std::size_t split = 0; split <= line.size(); ++split) {
    BOOST_TEST_CONTEXT("line " << line << ", split at " << split) { BOOST_TEST(outcome(streamed(line, split)) == expected); }
  }
}

const std::vector<std::string> kRecords = {
    // Read
    R"({"id":"a","text":"上半年全区生产总值增长6.1%"})",
    R"({"text":"x","id":"b","date":"2024-03-05","title":"标题"})",
    R"({"id":42,"text":"t"})",
    R"({"id":-7,"text":"t"})",
    R"({"id":-0,"text":"t"})",
    R"({"id":18446744073709551615,"text":"t"})",
    R"({"text":"\u4e0a\u534A\u5e74 \ud83d\ude00 \"q\" \\ \/ \b\f\n\r\t end"})",
    R"({"meta":{"a":[1,2.5e-3,-0.5E+2,true,false,null,{"text":"nested"}],"b":{}},"list":[],"text":"outer"})",
    R"({"text":"first","text":"second"})",
    R"({"text":"kept","text":null,"date":null})",
    "  { \"text\" : \"spaces\" ,\t\"id\" : \"s\" }  \r",
    R"({"\u0074ext":"an escaped key","texts":"not the text"})",
    R"({"id":"","title":"","text":""})",
    R"({"text":"\u0000 nul"})",
    "{\"text\":\"\xF0\x9F\x98\x80 four bytes, \xE4\xB8\x8A three\"}",
    R"({"a":1e-400,"text":"too small a number is 0"})",
    // Errors of the record
    R"({"id":1.5,"text":"t"})",
    R"({"id":1e3,"text":"t"})",
    R"({"id":18446744073709551616,"text":"t"})",
    R"({"id":-9223372036854775809,"text":"t"})",
    R"({"id":true,"text":"t"})",
    R"({"date":5,"title":[],"text":"t"})",
    R"({"text":["a"]})",
    R"({"text":{"a":1}})",
    R"({"id":"a"})",
    R"({})",
    R"([1,2])",
    R"("a string")",
    R"(42)",
    R"(null)",
    // Invalid JSON
    R"({"text":"a"} x)",
    R"({"text":"a"}})",
    R"({"text":"a"}{"b":1})",
    R"({"text":"a",})",
    R"({"text" "a"})",
    R"({text:"a"})",
    R"({"text":"a\q"})",
    R"({"text":"\ud800"})",
    R"({"text":"\ud800\u0041"})",
    R"({"text":"\udc00"})",
    R"({"text":"\u12"})",
    R"({"text":"\u12g4"})",
    R"({"text":"abc)",
    R"({"text":"abc")",
    "{\"text\":\"a\tb\"}",
    "{\"text\":\"a\x01\"}",
    "{\"text\":\"\xFF\"}",
    "{\"text\":\"\xC0\xAF\"}",
    "{\"text\":\"\xE4\xB8\"}",
    "{\"text\":\"\xED\xA0\x80\"}",
    R"({"a":tru,"text":"t"})",
    R"({"a":truex,"text":"t"})",
    R"({"a":nul,"text":"t"})",
    R"({"a":fals,"text":"t"})",
    R"({"a":01,"text":"t"})",
    R"({"a":-,"text":"t"})",
    R"({"a":1.,"text":"t"})",
    R"({"a":.5,"text":"t"})",
    R"({"a":1e,"text":"t"})",
    R"({"a":1.5e400,"text":"t"})",
    R"({"a":[1,],"text":"t"})",
    R"({"a":[1 2],"text":"t"})",
    R"({"a":{"b"},"text":"t"})",
    R"({"a":{"b":1,},"text":"t"})",
    R"({"text":"t",)",
    R"({"text":"t")",
    R"({)",
    R"({"text")",
    "",
    "   ",
};

}  // namespace

BOOST_AUTO_TEST_CASE(reads_what_simdjson_reads_wherever_the_bytes_read_end) {
  for (const auto& line : kRecords) check_everywhere(line);
}

BOOST_AUTO_TEST_CASE(a_text_longer_than_the_pieces_it_is_read_in) {
  // Pieces of 64 KB are read from the stream and decoded into the spool:
  // characters and escapes cut by them come out whole.
  std::string text;
  while (text.size() < 300000) text += "上半年\\u5e74\\ud83d\\ude00增长\\\"6.1%\\\"\\n";
  std::string line = R"({"id":"big","date":"2024-03-05","text":")" + text + R"(","title":"后面的标题"})";
  std::string expected = outcome(with_simdjson(line));
  BOOST_TEST_REQUIRE(expected.rfind("id=big", 0) == 0);
  for (std::size_t split : {0ul, 1ul, 70000ul, 70001ul, 70002ul, line.size() - 3, line.size()}) {
    BOOST_TEST_CONTEXT("split at " << split) { BOOST_TEST(outcome(streamed(line, split)) == expected); }
  }
}

BOOST_AUTO_TEST_CASE(records_changed_at_random_read_as_simdjson_reads_them) {
  // Any byte of a record replaced by one that matters to JSON: the same
  // error, or the same fields.
  const std::string bytes = "{}[]:,\"\\ u0123456789aeflnrstx.-+E\t\x01\xE4\xB8\x8A\xFF";
  std::vector<std::string> good;
  for (const auto& line : kRecords)
    if (with_simdjson(line).error.empty()) good.push_back(line);
  std::mt19937 random(11);
  int records_read = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string line = good[random() % good.size()];
    line[random() % line.size()] = bytes[random() % bytes.size()];
    if (random() % 2) line.insert(random() % line.size(), 1, bytes[random() % bytes.size()]);
    Reading expected = with_simdjson(line);
    records_read += expected.error.empty();
    std::size_t split = random() % (line.size() + 1);
    BOOST_TEST_CONTEXT("line " << line << ", split at " << split) {
      BOOST_TEST(outcome(streamed(line, split)) == outcome(expected));
    }
  }
  // Both kinds were tried.
  BOOST_TEST(records_read > 400);
  BOOST_TEST(records_read < 3600);
}

BOOST_AUTO_TEST_CASE(a_long_record_is_handed_on_in_blocks_in_its_place) {
  std::string text, decoded;  // as written in JSON, and as read
  while (text.size() < io::kLongRecordBytes + 500000) {
    text += "上半年全区生产总值增长6.1%。\\n";
    decoded += "上半年全区生产总值增长6.1%。\n";
  }
  std::istringstream in("{\"id\":\"first\",\"text\":\"a\"}\n"
                        "{\"date\":\"2024-03-05\",\"text\":\"" + text + "\",\"id\":\"long\"}\n"
                        "{\"id\":\"bad\",\"text\":\"" + text + "\n"
                        "{\"id\":\"last\",\"text\":\"b\"}\n");
  std::vector<std::string> events;
  std::string long_text;
  std::vector<io::InputError> errors;
  io::LongTextSink sink{
      [&](Document&& header) { events.push_back("begin " + header.id + " " + header.date); },
      [&](std::string_view block) {
        long_text += block;
        if (events.back() != "block") events.push_back("block");
      },
      [&] { events.push_back("end"); }};
  io::read_documents(
      in, "in.jsonl", io::InputFormat::jsonl, [&](Document&& doc) { events.push_back("document " + doc.id); },
      [&](const io::InputError& e) { errors.push_back(e); }, &sink);
  std::vector<std::string> expected = {"document first", "begin long 2024-03-05", "block", "end", "document last"};
  BOOST_TEST(events == expected, boost::test_tools::per_element());
  BOOST_TEST((long_text == decoded));
  BOOST_TEST_REQUIRE(errors.size() == 1u);
  BOOST_TEST(errors[0].where == "in.jsonl:3");
  BOOST_TEST(errors[0].message == "invalid JSON (A string is opened, but never closed.)");
}

BOOST_AUTO_TEST_CASE(a_long_text_comes_in_blocks_of_the_size_the_sink_asks_for) {
  // Long enough to be read in blocks both as a text file and as a record.
  std::string text, escaped;
  while (text.size() < io::kLongRecordBytes + 300000) {
    text += "上半年全区生产总值增长6.1%。\n";
    escaped += "上半年全区生产总值增长6.1%。\\n";
  }
  for (std::size_t block_bytes : {std::size_t{50'000}, io::kWholeTextBytes, std::size_t{1} << 20}) {
    for (io::InputFormat format : {io::InputFormat::text, io::InputFormat::jsonl}) {
      std::istringstream in(format == io::InputFormat::text ? text : "{\"id\":\"long\",\"text\":\"" + escaped + "\"}\n");
      std::vector<std::size_t> sizes;
      std::string joined;
      io::LongTextSink sink{[](Document&&) {},
                            [&](std::string_view block) {
                              sizes.push_back(block.size());
                              joined += block;
                            },
                            [] {}, block_bytes};
      bool read_whole = false;
      io::read_documents(
          in, "in", format, [&](Document&&) { read_whole = true; },
          [](const io::InputError& e) { BOOST_FAIL(e.message); }, &sink);
      BOOST_TEST_CONTEXT("blocks of " << block_bytes << (format == io::InputFormat::text ? " from text" : " from JSON")) {
        BOOST_TEST(!read_whole);
        BOOST_TEST((joined == text));
        BOOST_TEST_REQUIRE(!sizes.empty());
        // The first block of a text file is what was read to tell it is long.
        for (std::size_t i = 1; i < sizes.size(); ++i) BOOST_TEST(sizes[i] <= block_bytes);
      }
    }
  }
}
