"""Tests of the Python module: python3 -m unittest discover -s python/tests
(with PYTHONPATH naming the build tree's python/ directory; ctest sets it)."""

import concurrent.futures
import datetime
import decimal
import os
import pathlib
import shutil
import tempfile
import unittest
import warnings

import zhibiao

try:
    import pandas
except ImportError:  # to_pandas is tested where pandas is present
    pandas = None

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEEDS = pathlib.Path(os.environ.get("ZHIBIAO_SEEDS", ROOT / "seeds"))
RULES = pathlib.Path(os.environ.get("ZHIBIAO_TEST_RULES", ROOT / "rules" / "zh"))

SENTENCE = "上半年预计完成地区生产总值193.2亿元，实现税收收入13.57亿元。"


def by_indicator(facts):
    return {(f["indicator"], f["measure"]): f for f in facts}


class ExtractTest(unittest.TestCase):
    def test_facts_are_dicts_with_the_spec_fields(self):
        facts = zhibiao.extract(SENTENCE, date="2023-07-12", doc_id="d1")
        self.assertEqual(len(facts), 2)
        for f in facts:
            self.assertEqual(tuple(f), zhibiao.FACT_COLUMNS)
        gdp = by_indicator(facts)[("gdp", "level")]
        self.assertEqual(gdp["doc"], "d1")
        self.assertEqual(gdp["value"], decimal.Decimal("19320000000"))
        self.assertEqual(gdp["unit"], "CNY")
        self.assertEqual(gdp["qualifier"], "eq")
        self.assertIsNone(gdp["value_max"])
        self.assertEqual(gdp["modality"], "expected")
        self.assertEqual(gdp["period"], "2023-01/2023-06")
        self.assertEqual(gdp["rule"], "gdp.level.v1")
        tax = by_indicator(facts)[("tax_revenue", "level")]
        self.assertEqual(tax["value"], decimal.Decimal("1357000000"))
        self.assertEqual(tax["modality"], "expected")

    def test_values_are_exact_decimals(self):
        facts = zhibiao.extract("全市地区生产总值增长9.2%，税收收入0.1亿元。", date="2023-07-12")
        values = {f["indicator"] + "." + f["measure"]: f["value"] for f in facts}
        for v in values.values():
            self.assertIsInstance(v, decimal.Decimal)
        self.assertEqual(str(values["gdp.growth"]), "9.2")
        self.assertEqual(str(values["tax_revenue.level"]), "10000000")

    def test_range_has_value_max(self):
        facts = zhibiao.extract("固定资产投资增长10%-15%。", date="2023-07-12")
        growth = by_indicator(facts)[("fixed_asset_investment", "growth")]
        self.assertEqual(growth["qualifier"], "range")
        self.assertEqual(growth["value"], decimal.Decimal("10"))
        self.assertEqual(growth["value_max"], decimal.Decimal("15"))

    def test_offsets_bytes_and_characters(self):
        text = "（新华社）" + SENTENCE
        for f in zhibiao.extract(text, date="2023-07-12"):
            self.assertEqual(text.encode()[f["begin"]:f["end"]].decode(), f["text"])
            self.assertEqual(text[f["char_begin"]:f["char_end"]], f["text"])

    def test_bytes_input(self):
        from_str = zhibiao.extract(SENTENCE, date="2023-07-12")
        from_bytes = zhibiao.extract(SENTENCE.encode(), date="2023-07-12")
        strip = lambda fs: [{k: v for k, v in f.items() if not k.startswith("char_")} for f in fs]
        self.assertEqual(strip(from_str), strip(from_bytes))
        self.assertTrue(all(f["char_begin"] is None for f in from_bytes))

    def test_invalid_utf8_warns_and_extracts(self):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            facts = zhibiao.extract(b"\xff" + SENTENCE.encode(), date="2023-07-12", doc_id="bad")
        self.assertEqual(len(facts), 2)
        self.assertTrue(any(str(w.message).startswith("bad:0:") for w in caught))

    def test_date_forms(self):
        text = "上半年实现税收收入13.57亿元。"
        as_str = zhibiao.extract(text, date="2022-08-01")
        as_date = zhibiao.extract(text, date=datetime.date(2022, 8, 1))
        self.assertEqual(as_str, as_date)
        self.assertEqual(as_str[0]["period"], "2022-01/2022-06")
        with self.assertRaises(ValueError):
            zhibiao.extract(text, date="1 August 2022")

    def test_header_date_and_title(self):
        header = zhibiao.extract("日期:2021-07-15\n上半年实现税收收入13.57亿元。")
        self.assertEqual(header[0]["period"], "2021-01/2021-06")
        titled = zhibiao.extract("实现税收收入13.57亿元。", title="2020年上半年经济运行情况")
        self.assertEqual(titled[0]["period"], "2020-01/2020-06")

    def test_no_facts(self):
        self.assertEqual(zhibiao.extract("今天天气很好。"), [])
        self.assertEqual(zhibiao.extract(""), [])

    def test_wrong_type(self):
        with self.assertRaises(TypeError):
            zhibiao.extract(42)

    def test_seed_article(self):
        text = (SEEDS / "seed-article.txt").read_text(encoding="utf-8")
        facts = zhibiao.extract(text, doc_id="seed")
        self.assertEqual(len(facts), 9)
        got = {(f["indicator"], f["measure"], str(f["value"]), f["modality"], f["period"]) for f in facts}
        self.assertIn(("gdp", "level", "19320000000", "expected", "2023-01/2023-06"), got)
        self.assertIn(("project_count", "level", "122", "planned", "2023"), got)
        self.assertIn(("high_tech_va", "share", "34.3", "expected", "2023-01/2023-06"), got)
        for f in facts:
            self.assertEqual(text[f["char_begin"]:f["char_end"]], f["text"])


class QuantitiesTest(unittest.TestCase):
    def test_quantity_layer(self):
        qs = zhibiao.quantities("2023年投资约283亿元，增长10%，提高2.5个百分点，共9个项目。")
        for q in qs:
            self.assertEqual(tuple(q), zhibiao.QUANTITY_COLUMNS)
        kinds = {(q["kind"], str(q["value"]), q["unit"]) for q in qs}
        self.assertIn(("money", "28300000000", "CNY"), kinds)
        self.assertIn(("percent", "10", "percent"), kinds)
        self.assertIn(("pp", "2.5", "pp"), kinds)
        self.assertNotIn("2023", {str(q["value"]) for q in qs})  # a year is not a quantity
        approx = [q for q in qs if q["kind"] == "money"][0]
        self.assertEqual(approx["qualifier"], "approx")


class RulePackTest(unittest.TestCase):
    def test_default_pack_is_the_bundled_one(self):
        pack = zhibiao.RulePack()
        self.assertGreater(pack.rule_count, 0)
        self.assertEqual(pathlib.Path(pack.directory).resolve(), RULES.resolve())
        self.assertIn("rules", repr(pack))

    def test_pack_from_a_directory(self):
        pack = zhibiao.RulePack(RULES)
        extractor = zhibiao.Extractor(pack)
        self.assertEqual(len(extractor.facts(SENTENCE, date="2023-07-12")), 2)
        self.assertEqual(len(zhibiao.Extractor(str(RULES)).quantities(SENTENCE)), 2)
        self.assertEqual(len(zhibiao.extract(SENTENCE, pack=pack)), 2)
        self.assertEqual(len(zhibiao.extract(SENTENCE, pack=extractor)), 2)

    def test_edited_pack_changes_results(self):
        with tempfile.TemporaryDirectory() as tmp:
            pack_dir = pathlib.Path(tmp) / "zh"
            shutil.copytree(RULES, pack_dir)
            (pack_dir / "indicators" / "tax_revenue.toml").unlink()
            facts = zhibiao.extract(SENTENCE, date="2023-07-12", pack=zhibiao.RulePack(pack_dir))
        self.assertEqual([f["indicator"] for f in facts], ["gdp"])

    def test_broken_pack_raises_with_every_error(self):
        with tempfile.TemporaryDirectory() as tmp:
            pack_dir = pathlib.Path(tmp) / "zh"
            shutil.copytree(RULES, pack_dir)
            with open(pack_dir / "pack.toml", "a", encoding="utf-8") as f:
                f.write("\n[this is not toml\n")
            with self.assertRaises(zhibiao.RulePackError) as ctx:
                zhibiao.RulePack(pack_dir)
        self.assertIsInstance(ctx.exception, ValueError)
        self.assertTrue(ctx.exception.errors)
        self.assertIn("pack.toml:", ctx.exception.errors[0])

    def test_a_pattern_too_large_for_re2_is_found_at_first_use_or_by_compile_all(self):
        with tempfile.TemporaryDirectory() as tmp:
            pack_dir = pathlib.Path(tmp) / "zh"
            shutil.copytree(RULES, pack_dir)
            (pack_dir / "zz.toml").write_text(
                '[[rule]]\nid = "r.huge"\nindicator = "gdp"\nmeasure = "level"\n'
                "pattern = '总产出(?P<q>(?:{number}){60}亿元)'\n",
                encoding="utf-8",
            )
            pack = zhibiao.RulePack(pack_dir)  # loads: the rule's syntax is right
            self.assertEqual(len(zhibiao.extract(SENTENCE, pack=pack)), 2)  # the rule is not needed
            with self.assertRaises(zhibiao.RulePackError) as ctx:
                zhibiao.extract("总产出3亿元。", pack=pack)
            self.assertIn("rule r.huge: RE2 rejects the pattern: pattern too large", ctx.exception.errors[0])
            with self.assertRaises(zhibiao.RulePackError) as ctx:
                pack.compile_all()
            self.assertIn("zz.toml:1:1: rule r.huge", ctx.exception.errors[0])
        zhibiao.RulePack(RULES).compile_all()  # the bundled pack compiles whole

    def test_missing_directory(self):
        with self.assertRaises(zhibiao.RulePackError):
            zhibiao.RulePack("/nonexistent/zhibiao/rules")

    def test_rule_tests_pass(self):
        cases, failures = zhibiao.RulePack(RULES).run_tests()
        self.assertGreater(cases, 0)
        self.assertEqual(failures, [])

    def test_threads_share_one_extractor(self):
        extractor = zhibiao.Extractor()
        text = (SEEDS / "seed-article.txt").read_text(encoding="utf-8")
        serial = [extractor.facts(text, doc_id=str(i)) for i in range(8)]
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            parallel = list(pool.map(lambda i: extractor.facts(text, doc_id=str(i)), range(8)))
        self.assertEqual(serial, parallel)


@unittest.skipIf(pandas is None, "pandas is not installed")
class PandasTest(unittest.TestCase):
    def test_to_pandas(self):
        facts = zhibiao.extract(SENTENCE, date="2023-07-12", doc_id="d1")
        frame = zhibiao.to_pandas(facts)
        self.assertEqual(list(frame.columns), list(zhibiao.FACT_COLUMNS))
        self.assertEqual(len(frame), 2)
        self.assertEqual(frame["begin"].dtype, "int64")
        gdp = frame[frame["indicator"] == "gdp"].iloc[0]
        self.assertIsInstance(gdp["value"], decimal.Decimal)
        self.assertEqual(gdp["value"], decimal.Decimal("19320000000"))

    def test_as_frame(self):
        frame = zhibiao.extract(SENTENCE, date="2023-07-12", as_frame=True)
        self.assertEqual(sorted(frame["indicator"]), ["gdp", "tax_revenue"])
        qframe = zhibiao.quantities(SENTENCE, as_frame=True)
        self.assertEqual(list(qframe.columns), list(zhibiao.QUANTITY_COLUMNS))

    def test_empty(self):
        frame = zhibiao.to_pandas([])
        self.assertEqual(list(frame.columns), list(zhibiao.FACT_COLUMNS))
        self.assertEqual(len(frame), 0)


if __name__ == "__main__":
    unittest.main()
