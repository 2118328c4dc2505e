// Fuzz target: the parser of JSON Lines records too long to read whole
// (io/long_record.cpp), against simdjson on the same line.
//
// The first byte says how many bytes of the line count as already read
// (the rest comes from the stream); the rest is the line, a '\n' in it
// ending it. Invariants: the same outcome as parse_jsonl_record (the same
// fields, or the same error, any error of the JSON itself counting as one);
// the stream is left at the start of the next line.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "fuzz_common.hpp"
#include "io/document_reader.hpp"
#include "io/long_record.hpp"

using namespace zhibiao;

namespace {

std::string outcome(const std::string& error, const Document& doc) {
  if (error.rfind("invalid JSON (", 0) == 0) return "invalid JSON";
  if (!error.empty()) return error;
  return "id=" + doc.id + "|date=" + doc.date + "|title=" + doc.title + "|text=" + doc.text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string input(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string line = input.substr(0, input.find('\n'));
  std::size_t split = data[0] % (line.size() + 1);

  Document by_simdjson;
  std::string expected = outcome(io::parse_jsonl_record(line, by_simdjson), by_simdjson);

  std::istringstream in(line.substr(split) + "\nnext");
  Document streamed;
  io::TextSpool text;
  std::string error = io::read_long_record(std::string_view(line).substr(0, split), in, streamed, text);
  text.rewind();
  text.read(streamed.text, text.size());
  std::string got = outcome(error, streamed);
  ZHIBIAO_FUZZ_CHECK(got == expected, "streamed: " + got + " / simdjson: " + expected);
  std::string rest;
  std::getline(in, rest);
  ZHIBIAO_FUZZ_CHECK(rest == "next", "the stream was not left at the next line");
  return 0;
}
