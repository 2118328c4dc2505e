// A small program linking zhibiao: load the bundled rule pack, extract the
// facts of one sentence, print them.
#include <iostream>

#include "zhibiao/zhibiao.hpp"

int main() {
  zhibiao::RulePack pack = zhibiao::RulePack::load(zhibiao::RulePack::default_directory());
  zhibiao::Extractor extractor(pack);
  zhibiao::Document doc{"example", "上半年预计完成地区生产总值193.2亿元，实现税收收入13.57亿元。", "2023-07-12", ""};
  for (const zhibiao::Fact& f : extractor.facts(doc)) {
    std::cout << f.indicator << ' ' << zhibiao::to_string(f.measure) << ' ' << f.value.to_string() << ' ' << f.unit
              << ' ' << zhibiao::to_string(f.modality) << ' ' << (f.period ? f.period->to_string() : "") << ' '
              << f.text << '\n';
  }
}
