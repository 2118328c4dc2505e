// Whether any figure (a quantity) begins strictly between two positions of
// the folded text: what the modality and period resolvers ask to tell a
// signal that names the next figure (年度计划, 年任务) from one that names
// another figure before this one. The extractor answers from its quantity
// scan, which reads mentions only as far as a question needs.
#pragma once

#include <cstddef>
#include <functional>

namespace zhibiao::resolve {

using FigureBetween = std::function<bool(std::size_t after, std::size_t before)>;

}  // namespace zhibiao::resolve
