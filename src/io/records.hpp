// Facts and quantities as named text fields, in the spec's column order.
// Shared by the CSV and JSON Lines writers and by the rule-test runner, so
// all three agree on how a value is spelt.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "zhibiao/fact.hpp"

namespace zhibiao::io {

using Fields = std::vector<std::pair<std::string_view, std::string>>;

Fields fact_fields(const std::string& doc, const Fact& f);
Fields quantity_fields(const std::string& doc, const Quantity& q);
std::vector<std::string_view> fact_columns();
std::vector<std::string_view> quantity_columns();

}  // namespace zhibiao::io
