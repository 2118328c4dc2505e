// zhibiao._zhibiao: the C++ library as a Python extension (pybind11).
//
// Records come back as dicts with the spec's fields, in the spec's column
// order (doc, begin, end, indicator, ..., rule), then char_begin/char_end.
// Values are decimal.Decimal, built from the library's exact decimal string,
// never a float. begin/end are byte offsets into the UTF-8 text, as in the
// CSV; char_begin/char_end index the Python str (text[char_begin:char_end]).
// The pure-Python layer (zhibiao/__init__.py) adds the module-level
// extract()/quantities(), the default rule pack and to_pandas().
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <string>
#include <vector>

#include "zhibiao/zhibiao.hpp"

namespace py = pybind11;

namespace {

using zhibiao::Decimal;

// The rule pack is immutable and shared; the Extractor keeps a reference to
// it, so both live together and the object is never copied or moved.
struct PyExtractor {
  explicit PyExtractor(zhibiao::RulePack p) : pack(std::move(p)), extractor(pack) {}
  PyExtractor(const PyExtractor&) = delete;
  PyExtractor& operator=(const PyExtractor&) = delete;
  zhibiao::RulePack pack;
  zhibiao::Extractor extractor;
};

// What a call gets: the text as UTF-8 bytes, and whether it came as a str
// (then character offsets mean something).
struct Input {
  std::string bytes;
  bool is_str = false;
};

Input read_text(const py::handle& text) {
  if (py::isinstance<py::str>(text)) return {text.cast<std::string>(), true};
  if (py::isinstance<py::bytes>(text) || py::isinstance<py::bytearray>(text))
    return {py::bytes(py::reinterpret_borrow<py::object>(text)).cast<std::string>(), false};
  throw py::type_error("text must be str or bytes, not " + std::string(py::str(py::type::of(text).attr("__name__"))));
}

// Code-point offsets of byte offsets, for valid UTF-8 (what a str encodes to):
// one pass, counting every byte that is not a continuation byte.
class CharOffsets {
 public:
  explicit CharOffsets(const std::string& s) : s_(s) {}
  std::size_t operator()(std::size_t byte) {
    if (byte < byte_) byte_ = chars_ = 0;
    for (; byte_ < byte && byte_ < s_.size(); ++byte_)
      if ((static_cast<unsigned char>(s_[byte_]) & 0xC0) != 0x80) ++chars_;
    return chars_;
  }

 private:
  const std::string& s_;
  std::size_t byte_ = 0;
  std::size_t chars_ = 0;
};

zhibiao::Document make_doc(std::string text, const std::string& date, const std::string& doc_id,
                           const std::string& title) {
  return zhibiao::Document{doc_id, std::move(text), date, title};
}

void warn(const std::string& doc_id, const std::vector<zhibiao::Warning>& warnings) {
  for (const auto& w : warnings) {
    std::string msg = (doc_id.empty() ? std::string("<text>") : doc_id) + ":" + std::to_string(w.offset) + ": " + w.message;
    if (PyErr_WarnEx(PyExc_UserWarning, msg.c_str(), 1) != 0) throw py::error_already_set();
  }
}

// The matched text: original bytes, which for bytes input may be invalid UTF-8.
py::str utf8(const std::string& bytes) {
  PyObject* s = PyUnicode_DecodeUTF8(bytes.data(), static_cast<Py_ssize_t>(bytes.size()), "replace");
  if (!s) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(s);
}

py::object decimal_or_none(const py::object& decimal_cls, const std::optional<Decimal>& d) {
  if (!d) return py::none();
  return decimal_cls(d->to_string());
}

// Runs `run` (facts or quantities) on `text` without the GIL, and turns each
// record into a dict: doc and byte offsets, then what `fill` adds, then the
// character offsets into a Python str.
template <typename Run, typename Fill>
py::list records(const py::handle& text, const std::string& date, const std::string& doc_id,
                 const std::string& title, Run run, Fill fill) {
  Input in = read_text(text);
  zhibiao::Document doc = make_doc(std::move(in.bytes), date, doc_id, title);
  std::vector<zhibiao::Warning> warnings;
  decltype(run(doc, &warnings)) out;
  {
    py::gil_scoped_release release;
    out = run(doc, &warnings);
  }
  warn(doc_id, warnings);
  py::object decimal_cls = py::module_::import("decimal").attr("Decimal");
  CharOffsets chars(doc.text);
  py::list result;
  for (const auto& r : out) {
    py::dict d;
    d["doc"] = doc_id;
    d["begin"] = r.span.begin;
    d["end"] = r.span.end;
    fill(d, r, decimal_cls);
    d["char_begin"] = in.is_str ? py::object(py::int_(chars(r.span.begin))) : py::object(py::none());
    d["char_end"] = in.is_str ? py::object(py::int_(chars(r.span.end))) : py::object(py::none());
    result.append(std::move(d));
  }
  return result;
}

py::list facts(const PyExtractor& self, const py::handle& text, const std::string& date, const std::string& doc_id,
               const std::string& title) {
  return records(
      text, date, doc_id, title,
      [&](const zhibiao::Document& doc, std::vector<zhibiao::Warning>* w) { return self.extractor.facts(doc, w); },
      [](py::dict& d, const zhibiao::Fact& f, const py::object& decimal_cls) {
        d["indicator"] = f.indicator;
        d["measure"] = std::string(zhibiao::to_string(f.measure));
        d["value"] = decimal_cls(f.value.to_string());
        d["unit"] = f.unit;
        d["qualifier"] = std::string(zhibiao::to_string(f.qualifier));
        d["value_max"] = decimal_or_none(decimal_cls, f.value_max);
        d["modality"] = std::string(zhibiao::to_string(f.modality));
        d["period"] = f.period ? py::object(py::str(f.period->to_string())) : py::object(py::none());
        d["subject"] = f.subject;
        d["base"] = f.base;
        d["text"] = utf8(f.text);
        d["rule"] = f.rule;
      });
}

py::list quantities(const PyExtractor& self, const py::handle& text, const std::string& date,
                    const std::string& doc_id, const std::string& title) {
  return records(
      text, date, doc_id, title,
      [&](const zhibiao::Document& doc, std::vector<zhibiao::Warning>* w) { return self.extractor.quantities(doc, w); },
      [](py::dict& d, const zhibiao::Quantity& q, const py::object& decimal_cls) {
        d["kind"] = std::string(zhibiao::to_string(q.kind));
        d["value"] = decimal_cls(q.value.to_string());
        d["unit"] = q.unit;
        d["qualifier"] = std::string(zhibiao::to_string(q.qualifier));
        d["value_max"] = decimal_or_none(decimal_cls, q.value_max);
        d["text"] = utf8(q.text);
      });
}

}  // namespace

PYBIND11_MODULE(_zhibiao, m) {
  m.doc() = "zhibiao's C++ core; use the package zhibiao, not this module.";
  m.attr("__version__") = ZHIBIAO_VERSION;

  static py::exception<zhibiao::RulePackError> rule_pack_error(m, "RulePackError", PyExc_ValueError);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const zhibiao::RulePackError& e) {
      py::list errors;
      for (const auto& err : e.errors()) errors.append(err.to_string());
      py::object exc = py::handle(rule_pack_error.ptr())(e.what());
      exc.attr("errors") = errors;
      PyErr_SetObject(rule_pack_error.ptr(), exc.ptr());
    }
  });

  // Where the bundled pack is: the source tree's (used from a build tree) and
  // the compile-time install location. The package's default_rules_directory()
  // decides; RulePack::default_directory() would look beside the python
  // executable first, which is not where this module was installed.
  m.attr("_source_rules") = ZHIBIAO_SOURCE_RULES;
  m.attr("_install_rules") = ZHIBIAO_INSTALL_RULES;

  py::class_<zhibiao::RulePack>(m, "RulePack",
                                "A compiled rule pack: every *.toml under a directory. Immutable, thread-safe.")
      .def(py::init([](const std::filesystem::path& dir) {
             py::gil_scoped_release release;
             return zhibiao::RulePack::load(dir);
           }),
           py::arg("directory"))
      .def_property_readonly("directory", &zhibiao::RulePack::directory)
      .def_property_readonly("rule_count", &zhibiao::RulePack::rule_count)
      .def(
          "compile_all",
          [](const zhibiao::RulePack& pack) {
            py::gil_scoped_release release;
            pack.compile_all();
          },
          "Compile every pattern now (they compile the first time a sentence needs them); raises RulePackError "
          "for a pattern too large for RE2, which loading cannot tell.")
      .def(
          "run_tests",
          [](const zhibiao::RulePack& pack) {
            zhibiao::RuleTestReport report;
            {
              py::gil_scoped_release release;
              report = zhibiao::run_rule_tests(pack);
            }
            std::vector<std::string> failures;
            for (const auto& f : report.failures) failures.push_back(f.to_string());
            return py::make_tuple(report.cases, failures);
          },
          "Runs the pack's own [[test]] cases: (number of cases, list of failure reports).")
      .def("__repr__", [](const zhibiao::RulePack& p) {
        return "zhibiao.RulePack(" + std::string(py::repr(py::str(p.directory().string()))) + ", " +
               std::to_string(p.rule_count()) + " rules)";
      });

  py::class_<PyExtractor>(m, "Extractor", "Extraction with one rule pack. Thread-safe; releases the GIL while it works.")
      .def(py::init<zhibiao::RulePack>(), py::arg("pack"))
      .def_property_readonly("pack", [](const PyExtractor& e) { return e.pack; })
      .def("facts", &facts, py::arg("text"), py::kw_only(), py::arg("date") = "", py::arg("doc_id") = "",
           py::arg("title") = "")
      .def("quantities", &quantities, py::arg("text"), py::kw_only(), py::arg("date") = "", py::arg("doc_id") = "",
           py::arg("title") = "");
}
