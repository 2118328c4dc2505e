#define BOOST_TEST_MODULE csv_writer
#include <boost/test/unit_test.hpp>

#include <sstream>

#include "io/record_writer.hpp"

using namespace zhibiao;

BOOST_AUTO_TEST_CASE(fields_are_quoted_only_when_needed) {
  BOOST_TEST(io::csv_escape("plain") == "plain");
  BOOST_TEST(io::csv_escape("a,b") == "\"a,b\"");
  BOOST_TEST(io::csv_escape("say \"hi\"") == "\"say \"\"hi\"\"\"");
  BOOST_TEST(io::csv_escape("line\nbreak") == "\"line\nbreak\"");
  BOOST_TEST(io::csv_escape("") == "");
}

BOOST_AUTO_TEST_CASE(writes_header_and_records_in_spec_order) {
  Fact f;
  f.span = {812, 851};
  f.indicator = "gdp";
  f.measure = Measure::level;
  f.value = *Decimal::parse("19320000000");
  f.unit = "CNY";
  f.modality = Modality::expected;
  f.period = Period::months(2023, 1, 6);
  f.subject = "蘭州高新區";
  f.text = "地區生產總值193.2億元,占";
  f.rule = "gdp.level.v1";
  std::ostringstream out;
  auto w = io::make_csv_writer(out);
  w->header(io::fact_columns());
  w->record(io::fact_fields("news/lanzhou.txt", f));
  BOOST_TEST(out.str() ==
             "doc,begin,end,indicator,measure,value,unit,qualifier,value_max,modality,period,subject,base,text,rule\n"
             "news/lanzhou.txt,812,851,gdp,level,19320000000,CNY,eq,,expected,2023-01/2023-06,蘭州高新區,,"
             "\"地區生產總值193.2億元,占\",gdp.level.v1\n");
}

BOOST_AUTO_TEST_CASE(empty_fields_keep_their_commas_and_records_their_own_lines) {
  std::ostringstream out;
  auto w = io::make_csv_writer(out);
  w->record({{"a", ""}, {"b", ""}, {"c", "x"}});
  w->record({{"a", "1,2"}, {"b", ""}});
  w->record({{"a", ""}});
  BOOST_TEST(out.str() == ",,x\n\"1,2\",\n\n");
}

BOOST_AUTO_TEST_CASE(jsonl_escapes_strings) {
  BOOST_TEST(io::json_escape("a\"b\\c\nd") == "a\\\"b\\\\c\\nd");
  BOOST_TEST(io::json_escape(std::string("\x01", 1)) == "\\u0001");
  Quantity q;
  q.value = *Decimal::parse("30");
  q.kind = QuantityKind::percent;
  q.unit = "percent";
  q.text = "三成";
  std::ostringstream out;
  io::make_jsonl_writer(out)->record(io::quantity_fields("d", q));
  BOOST_TEST(out.str() ==
             "{\"doc\":\"d\",\"begin\":\"0\",\"end\":\"0\",\"kind\":\"percent\",\"value\":\"30\",\"unit\":\"percent\","
             "\"qualifier\":\"eq\",\"value_max\":\"\",\"text\":\"三成\"}\n");
}
