// The whole public API of zhibiao.
#pragma once

#include "zhibiao/decimal.hpp"
#include "zhibiao/document_stream.hpp"
#include "zhibiao/extractor.hpp"
#include "zhibiao/fact.hpp"
#include "zhibiao/period.hpp"
#include "zhibiao/rule_pack.hpp"
#include "zhibiao/rule_tests.hpp"
