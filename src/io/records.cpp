#include "io/records.hpp"

namespace zhibiao::io {

std::vector<std::string_view> fact_columns() {
  return {"doc", "begin", "end", "indicator", "measure", "value", "unit", "qualifier", "value_max",
          "modality", "period", "subject", "base", "text", "rule"};
}

std::vector<std::string_view> quantity_columns() {
  return {"doc", "begin", "end", "kind", "value", "unit", "qualifier", "value_max", "text"};
}

Fields fact_fields(const std::string& doc, const Fact& f) {
  return {
      {"doc", doc},
      {"begin", std::to_string(f.span.begin)},
      {"end", std::to_string(f.span.end)},
      {"indicator", f.indicator},
      {"measure", std::string(to_string(f.measure))},
      {"value", f.value.to_string()},
      {"unit", f.unit},
      {"qualifier", std::string(to_string(f.qualifier))},
      {"value_max", f.value_max ? f.value_max->to_string() : ""},
      {"modality", std::string(to_string(f.modality))},
      {"period", f.period ? f.period->to_string() : ""},
      {"subject", f.subject},
      {"base", f.base},
      {"text", f.text},
      {"rule", f.rule},
  };
}

Fields quantity_fields(const std::string& doc, const Quantity& q) {
  return {
      {"doc", doc},
      {"begin", std::to_string(q.span.begin)},
      {"end", std::to_string(q.span.end)},
      {"kind", std::string(to_string(q.kind))},
      {"value", q.value.to_string()},
      {"unit", q.unit},
      {"qualifier", std::string(to_string(q.qualifier))},
      {"value_max", q.value_max ? q.value_max->to_string() : ""},
      {"text", q.text},
  };
}

}  // namespace zhibiao::io
