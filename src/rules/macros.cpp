#include "rules/macros.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

namespace zhibiao::detail {
namespace {

bool is_name_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }

// One character that stands for itself inside a class: a letter, a digit
// or any character beyond ASCII, never a byte a class would read otherwise
// (] \ ^ -). A valid UTF-8 sequence of one code point.
bool is_plain_char(std::string_view w) {
  if (w.empty()) return false;
  auto lead = static_cast<unsigned char>(w[0]);
  if (lead < 0x80) return w.size() == 1 && std::isalnum(lead);
  std::size_t size = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (size != w.size()) return false;
  for (std::size_t i = 1; i < size; ++i)
    if ((static_cast<unsigned char>(w[i]) & 0xC0) != 0x80) return false;
  return true;
}

}  // namespace

MacroExpansion MacroTable::expand(const std::string& pattern,
                                  const std::map<std::string, std::string>& locals) const {
  MacroExpansion result;
  std::vector<std::string> stack, looked_up;
  if (!expand_into(pattern, locals, stack, looked_up, result.pattern, result.error)) result.pattern.clear();
  return result;
}

bool MacroTable::expand_into(const std::string& pattern,
                             const std::map<std::string, std::string>& locals,
                             std::vector<std::string>& stack, std::vector<std::string>& looked_up,
                             std::string& out, std::string& error) const {
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {  // an escaped character is literal
      out += c;
      out += pattern[++i];
      // \p{Han}: a Unicode class, not a macro.
      if ((pattern[i] == 'p' || pattern[i] == 'P') && i + 1 < pattern.size() && pattern[i + 1] == '{') {
        std::size_t close = pattern.find('}', i);
        if (close != std::string::npos) {
          out.append(pattern, i + 1, close - i);
          i = close;
        }
      }
      continue;
    }
    if (c != '{' || i + 1 >= pattern.size() || !is_name_start(pattern[i + 1])) {
      out += c;
      continue;
    }
    std::size_t j = i + 1;
    while (j < pattern.size() && is_name_char(pattern[j])) ++j;
    if (j >= pattern.size() || pattern[j] != '}') {
      out += c;
      continue;
    }
    std::string name = pattern.substr(i + 1, j - i - 1);
    looked_up.push_back(name);
    // An expansion that looked up a name a local shadows holds for this
    // pattern only.
    auto shadowed = [&](const std::vector<std::string>& used) {
      return locals.count(name) != 0 ||
             std::any_of(used.begin(), used.end(), [&](const std::string& n) { return locals.count(n) != 0; });
    };
    std::vector<std::string> names;  // every name the expansion looked up
    // A cached expansion succeeded, so it holds no cycle through a macro
    // being expanded now: a cycle is always found the first time.
    if (auto cached = expanded_.find(name); cached != expanded_.end() && !shadowed(cached->second.names)) {
      out += "(?:";
      out += cached->second.pattern;
      out += ")";
      names = cached->second.names;
    } else {
      const std::string* body = nullptr;
      if (auto it = locals.find(name); it != locals.end()) body = &it->second;
      else if (auto jt = bodies_.find(name); jt != bodies_.end()) body = &jt->second;
      if (!body) {
        error = "undefined macro {" + name + "}";
        return false;
      }
      if (std::find(stack.begin(), stack.end(), name) != stack.end()) {
        std::string chain;
        for (const auto& s : stack) chain += "{" + s + "} -> ";
        error = "macro refers to itself: " + chain + "{" + name + "}";
        return false;
      }
      stack.push_back(name);
      out += "(?:";
      std::size_t body_begin = out.size();
      if (!expand_into(*body, locals, stack, names, out, error)) return false;
      if (!shadowed(names)) {
        std::sort(names.begin(), names.end());
        names.erase(std::unique(names.begin(), names.end()), names.end());
        expanded_[name] = {out.substr(body_begin), names};
      }
      out += ")";
      stack.pop_back();
    }
    looked_up.insert(looked_up.end(), names.begin(), names.end());
    if (out.size() > kMaxExpansion) {
      error = "macro {" + name + "} expands to more than " + std::to_string(kMaxExpansion >> 20) + " MB";
      return false;
    }
    i = j;
  }
  return true;
}

std::vector<std::string> alternation_order(std::vector<std::string> words) {
  std::sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  words.erase(std::unique(words.begin(), words.end()), words.end());
  words.erase(std::remove(words.begin(), words.end(), std::string()), words.end());
  return words;
}

std::string alternation_of(std::vector<std::string> words) {
  words = alternation_order(std::move(words));
  // Single characters (the numerals, 万 亿, 余 多): a class, the same
  // language in fewer bytes. At one place only one of them can match, so
  // the order does not matter. RE2 parses a class faster than the
  // alternation it would fold into one, and every rule repeats the figure's
  // grammar several times: 8% fewer bytes of rule pattern to compile.
  if (words.size() > 1 && std::all_of(words.begin(), words.end(), is_plain_char)) {
    std::string out = "[";
    for (const auto& w : words) out += w;
    return out + "]";
  }
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += '|';
    out += RE2::QuoteMeta(w);
  }
  // An empty list must match nothing, not the empty string.
  return out.empty() ? "[^\\x00-\\x{10FFFF}]" : out;
}

}  // namespace zhibiao::detail
