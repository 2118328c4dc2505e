"""zhibiao: economic facts from Chinese text, as typed records.

    >>> import zhibiao
    >>> facts = zhibiao.extract("上半年预计完成地区生产总值193.2亿元。", date="2023-07-12")
    >>> f = facts[0]
    >>> f["indicator"], f["measure"], f["value"], f["unit"], f["modality"], f["period"]
    ('gdp', 'level', Decimal('19320000000'), 'CNY', 'expected', '2023-01/2023-06')

Every fact is a dict with the fields of the CSV that ``extract`` writes, in
its column order (doc, begin, end, indicator, measure, value, unit,
qualifier, value_max, modality, period, subject, base, text, rule), then
``char_begin`` and ``char_end``:

* ``value`` and ``value_max`` are :class:`decimal.Decimal`, exact (never a
  float); ``value_max`` is None unless the qualifier is ``range``.
* ``period`` is a string such as ``"2023-01/2023-06"``, or None.
* ``begin``/``end`` are byte offsets into the UTF-8 text, as in the CSV;
  ``char_begin``/``char_end`` index the str you passed
  (``text[f["char_begin"]:f["char_end"]] == f["text"]``); they are None when
  the text was given as bytes.

A rule pack is a directory of TOML files. The default is the pack that ships
with zhibiao; ``RulePack(path)`` loads another, and ``Extractor(pack)``
extracts with it. Both are immutable and thread-safe, and extraction
releases the GIL, so a thread pool over documents runs in parallel.
"""

import datetime as _datetime
import os as _os
import re as _re
import threading as _threading
from pathlib import Path as _Path

from . import _zhibiao

__version__ = _zhibiao.__version__
__all__ = [
    "extract", "quantities", "to_pandas", "RulePack", "Extractor", "RulePackError",
    "default_rules_directory", "FACT_COLUMNS", "QUANTITY_COLUMNS",
]

RulePackError = _zhibiao.RulePackError

#: The fields of a fact, in the CSV's column order, then the str offsets.
FACT_COLUMNS = ("doc", "begin", "end", "indicator", "measure", "value", "unit", "qualifier",
                "value_max", "modality", "period", "subject", "base", "text", "rule",
                "char_begin", "char_end")
#: The fields of a quantity (``extract --quantities``), then the str offsets.
QUANTITY_COLUMNS = ("doc", "begin", "end", "kind", "value", "unit", "qualifier", "value_max",
                    "text", "char_begin", "char_end")

_RULES_SUBDIR = _Path("share", "zhibiao", "rules", "zh")


def default_rules_directory():
    """The rule pack used when none is given, as a :class:`pathlib.Path`.

    ``$ZHIBIAO_RULES`` if set; else the pack installed in the same prefix as
    this package (PREFIX/share/zhibiao/rules/zh, for the package in
    PREFIX/lib/python3*/...); else the source tree's rules/zh (a build
    tree); else the location the pack was to be installed to.
    """
    env = _os.environ.get("ZHIBIAO_RULES")
    if env:
        return _Path(env)
    here = _Path(__file__).resolve().parent
    for up in list(here.parents)[:5]:
        candidate = up / _RULES_SUBDIR
        if (candidate / "pack.toml").is_file():
            return candidate
    source = _Path(_zhibiao._source_rules)
    if source.is_dir():
        return source
    return _Path(_zhibiao._install_rules)


class RulePack(_zhibiao.RulePack):
    """A compiled rule pack. ``RulePack()`` loads the default one,
    ``RulePack(path)`` the one in that directory. Raises :class:`RulePackError`
    (a ValueError; its ``errors`` list every problem as
    ``file:line:column: rule ID: what``) when the pack does not load.

    Attributes: ``directory``, ``rule_count``. ``run_tests()`` runs the pack's
    own test cases and returns ``(cases, failures)``.
    """

    def __init__(self, directory=None):
        super().__init__(_Path(directory) if directory is not None else default_rules_directory())


class Extractor(_zhibiao.Extractor):
    """Extraction with one rule pack: ``Extractor()`` (the default pack),
    ``Extractor(RulePack(...))`` or ``Extractor("path/to/pack")``.

    ``facts(text, date=..., doc_id=..., title=...)`` and
    ``quantities(text, ...)`` return lists of dicts (see the module's doc).
    """

    def __init__(self, pack=None):
        if pack is None or isinstance(pack, (str, bytes, _os.PathLike)):
            pack = RulePack(pack)
        super().__init__(pack)

    def facts(self, text, date=None, doc_id="", title=""):
        return super().facts(text, date=_date(date), doc_id=str(doc_id), title=title or "")

    def quantities(self, text, date=None, doc_id="", title=""):
        return super().quantities(text, date=_date(date), doc_id=str(doc_id), title=title or "")


_DATE = _re.compile(r"\d{4}-\d{2}-\d{2}")
_default = None
_default_lock = _threading.Lock()


def _date(date):
    """A document date: None/"" (none), "YYYY-MM-DD", or a datetime.date."""
    if date is None:
        return ""
    if isinstance(date, (_datetime.date, _datetime.datetime)):
        return date.strftime("%Y-%m-%d")
    if isinstance(date, str) and (date == "" or _DATE.fullmatch(date)):
        return date
    raise ValueError(f"date must be 'YYYY-MM-DD' or a datetime.date, not {date!r}")


def _extractor(pack):
    global _default
    if pack is not None:
        return pack if isinstance(pack, Extractor) else Extractor(pack)
    with _default_lock:
        if _default is None:
            _default = Extractor()
        return _default


def extract(text, date=None, doc_id="", title="", *, pack=None, as_frame=False):
    """The facts in ``text`` (str, or UTF-8 bytes) as a list of dicts.

    ``date`` ("YYYY-MM-DD" or a datetime.date) fixes relative periods such as
    上半年 or 今年; without it, a ``日期:2023-07-12`` header line in the text
    is used. ``title`` is read as the document's top heading. ``pack`` is a
    RulePack, an Extractor or a directory (default: the bundled pack).
    ``as_frame=True`` returns a pandas DataFrame instead.
    """
    facts = _extractor(pack).facts(text, date=date, doc_id=doc_id, title=title)
    return to_pandas(facts, FACT_COLUMNS) if as_frame else facts


def quantities(text, date=None, doc_id="", title="", *, pack=None, as_frame=False):
    """Every numeric mention in ``text`` (the quantity layer) as a list of
    dicts with the fields of QUANTITY_COLUMNS; ``kind`` is number, percent,
    money or pp. Arguments as for :func:`extract`."""
    qs = _extractor(pack).quantities(text, date=date, doc_id=doc_id, title=title)
    return to_pandas(qs, QUANTITY_COLUMNS) if as_frame else qs


def to_pandas(records, columns=None):
    """A pandas DataFrame of facts or quantities (needs pandas).

    Columns are the records' fields in order (FACT_COLUMNS or
    QUANTITY_COLUMNS, guessed from the records; an empty list gives the fact
    columns). ``value`` and ``value_max`` stay exact ``Decimal`` objects
    (dtype object); ``df["value"].astype(float)`` if you want floats.
    """
    try:
        import pandas
    except ImportError as e:
        raise ImportError("zhibiao.to_pandas needs pandas (Debian: apt install python3-pandas)") from e
    records = list(records)
    if columns is None:
        columns = QUANTITY_COLUMNS if records and "kind" in records[0] else FACT_COLUMNS
    frame = pandas.DataFrame.from_records(records, columns=list(columns))
    for col in ("begin", "end"):
        frame[col] = frame[col].astype("int64")
    for col in ("char_begin", "char_end"):
        frame[col] = frame[col].astype("Int64")  # nullable: None for bytes input
    return frame
