"""``newsweave eval time``: time expression spans and values on TimeBank, pass rate on Recognizers-Text specs.

* TimeBank / TempEval-3 (``dev/time/timebank/{en,es}_train.tsv``): one token per line with a BIO tag and the
  TIMEX3 value; each document starts with ``*!-DCTVALUE="YYYY-MM-DD"-!*``, the document creation time the
  values are resolved against. Scores: span precision/recall/F1, strict (same tokens) and relaxed (overlap),
  and value accuracy over the relaxed matches (the TempEval-3 "value" attribute score).
* Recognizers-Text DateTime specs (``dev/time/recognizers_text_specs/DateTime/<Language>/DateTimeModel.json``)
  for German, Hindi and Turkish: cases whose expected results are dates, date ranges or durations (or no
  result at all). A case passes when every expected expression is found (overlapping span) with its value
  and nothing else is found.

The default run takes a fixed sample (every third TimeBank document, every second spec case) so that CI stays
well under a minute; ``--full`` scores everything.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsweave.model import Article
from newsweave.stages.time import analyse

TIMEBANK = Path("dev/time/timebank")
SPECS = Path("dev/time/recognizers_text_specs/DateTime")
SPEC_LANGS = {"de": "German", "hi": "Hindi", "tr": "Turkish"}
_DCT = re.compile(r"DCTVALUE=\"(\d{4}-\d{2}-\d{2})")
_SUPPORTED = {"datetimeV2.date", "datetimeV2.daterange", "datetimeV2.duration"}


@dataclass
class Doc:
    """One TimeBank document rebuilt as text, with its gold expressions as token ranges."""

    dct: str
    tokens: list[tuple[int, int]] = field(default_factory=list)  # character span of each token
    text: str = ""
    gold: list[tuple[int, int, str, str]] = field(default_factory=list)  # first token, last+1, type, value


def load_timebank(path: Path) -> list[Doc]:
    """Parse a TimeBank TSV file into documents."""
    docs: list[Doc] = []
    parts: list[str] = []
    pos = 0
    current: list[Any] | None = None

    def close() -> None:
        nonlocal current
        if current is not None and docs:
            docs[-1].gold.append((current[0], current[1], current[2], current[3]))
        current = None

    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 3:
            close()
            if docs and parts and parts[-1] != "\n":
                parts.append("\n")
                pos += 1
            continue
        token, tag, value = cols[0], cols[1], cols[2]
        dct = _DCT.search(token)
        if dct:
            close()
            if docs:
                docs[-1].text = "".join(parts)
            docs.append(Doc(dct=dct.group(1)))
            parts, pos = [], 0
            continue
        if not docs:
            continue
        doc = docs[-1]
        if parts and parts[-1] != "\n":
            parts.append(" ")
            pos += 1
        doc.tokens.append((pos, pos + len(token)))
        parts.append(token)
        pos += len(token)
        index = len(doc.tokens) - 1
        if tag.startswith("B-"):
            close()
            current = [index, index + 1, tag[2:], value]
        elif tag.startswith("I-") and current is not None:
            current[1] = index + 1
        else:
            close()
    close()
    if docs:
        docs[-1].text = "".join(parts)
    return docs


def _token_range(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    inside = [i for i, (s, e) in enumerate(doc.tokens) if s < end and e > start]
    return (inside[0], inside[-1] + 1) if inside else None


def score_timebank(docs: list[Doc], lang: str) -> dict[str, Any]:
    """Strict/relaxed span P/R/F1 and value accuracy of the time stage on TimeBank documents."""
    n_gold = n_pred = strict = relaxed_gold = relaxed_pred = value_ok = 0
    for doc in docs:
        article = Article(id="tb", text=doc.text, lang=lang, date=doc.dct)
        times, _ = analyse(article)
        preds = [(r, t.value) for t in times if (r := _token_range(doc, t.start, t.end)) is not None]
        n_gold += len(doc.gold)
        n_pred += len(preds)
        gold_spans = {(g[0], g[1]) for g in doc.gold}
        strict += sum(1 for r, _ in preds if r in gold_spans)
        relaxed_pred += sum(1 for r, _ in preds if any(r[0] < g[1] and g[0] < r[1] for g in doc.gold))
        for g0, g1, _, value in doc.gold:
            hits = [v for r, v in preds if r[0] < g1 and g0 < r[1]]
            if hits:
                relaxed_gold += 1
                value_ok += int(value in hits)
    return {
        "docs": len(docs), "gold": n_gold, "pred": n_pred,
        "strict": _prf(strict, strict, n_pred, n_gold),
        "relaxed": _prf(relaxed_pred, relaxed_gold, n_pred, n_gold),
        "value_acc": value_ok / relaxed_gold if relaxed_gold else 0.0,
    }


def _prf(tp_pred: int, tp_gold: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _whole_period(start: str, end: str) -> str | None:
    """``YYYY-MM`` or ``YYYY`` when a resolved range is exactly one calendar month or year."""
    try:
        a, b = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    except ValueError:
        return None
    if a.day != 1 or b.day != 1:
        return None
    if a.month == 1 and b == dt.date(a.year + 1, 1, 1):
        return f"{a.year:04d}"
    if b == (dt.date(a.year + 1, 1, 1) if a.month == 12 else dt.date(a.year, a.month + 1, 1)):
        return f"{a.year:04d}-{a.month:02d}"
    return None


def _expected_values(result: dict[str, Any]) -> set[str]:
    values: set[str] = set()
    for v in result.get("Resolution", {}).get("values", []):
        for key in ("timex", "value"):
            if isinstance(v.get(key), str):
                values.add(v[key])
        span = _whole_period(str(v.get("start", "")), str(v.get("end", "")))
        if span:
            values.add(span)
        timex = v.get("timex", "")
        m = re.match(r"^\((\d{4}-\d{2})-01,(\d{4}-\d{2})-01,P1M\)$", timex)
        if m:
            values.add(m.group(1))  # a whole month written as a range
        m = re.match(r"^\((\d{4})-01-01,(\d{4})-01-01,P1Y\)$", timex)
        if m:
            values.add(m.group(1))
        m = re.match(r"^\((\d{3})0-01-01,\d{4}-01-01,P10Y\)$", timex)
        if m:
            values.add(m.group(1))  # a decade, as TIMEX3 writes it ("199")
        m = re.match(r"^\(([\dX]{4}-\d{2}-\d{2}),([\dX]{4}-\d{2}-\d{2}),P\d+D\)$", timex)
        if m:
            values.add(f"{m.group(1)}/{m.group(2)}")  # a range of days, in the contract's first/last form
    return values


def score_specs(cases: list[dict[str, Any]], lang: str) -> dict[str, Any]:
    """Pass rate on Recognizers-Text DateTime cases with date/daterange/duration results (or none)."""
    tried = passed = 0
    for case in cases:
        results = case.get("Results", [])
        if any(r.get("TypeName") not in _SUPPORTED for r in results):
            continue
        ref = str(case.get("Context", {}).get("ReferenceDateTime", ""))[:10] or None
        article = Article(id="spec", text=case["Input"], lang=lang, date=ref)
        try:
            times, _ = analyse(article)
        except Exception:  # a crash is a failed case, and the evaluation goes on
            times = []
        tried += 1
        ok = len(times) == len(results)
        for r in results:
            start, end = int(r["Start"]), int(r["End"]) + 1
            hit = [t for t in times if t.start < end and start < t.end]
            ok = ok and bool(hit) and any(t.value in _expected_values(r) for t in hit)
        passed += int(ok)
    return {"cases": tried, "passed": passed, "rate": passed / tried if tried else 0.0}


def evaluate(shared: Path, full: bool = False) -> dict[str, Any]:
    """Score TimeBank en/es and the de/hi/tr specs; a sample unless ``full``."""
    out: dict[str, Any] = {"timebank": {}, "specs": {}, "full": full}
    for lang in ("en", "es"):
        path = shared / TIMEBANK / f"{lang}_train.tsv"
        if path.exists():
            docs = load_timebank(path)
            out["timebank"][lang] = score_timebank(docs if full else docs[::3], lang)
    for lang, folder in SPEC_LANGS.items():
        path = shared / SPECS / folder / "DateTimeModel.json"
        if path.exists():
            cases = json.loads(path.read_text(encoding="utf-8-sig"))
            out["specs"][lang] = score_specs(cases if full else cases[::2], lang)
    return out


def format_table(result: dict[str, Any]) -> str:
    """The evaluation as a plain-text table."""
    lines = [f"time evaluation ({'full' if result['full'] else 'CI sample'})",
             "TimeBank  docs  gold  pred  strict P/R/F1         relaxed P/R/F1        value acc"]
    for lang, r in result["timebank"].items():
        s, x = r["strict"], r["relaxed"]
        lines.append(f"{lang:<9} {r['docs']:<5} {r['gold']:<5} {r['pred']:<5} "
                     f"{s[0]:.3f}/{s[1]:.3f}/{s[2]:.3f}   {x[0]:.3f}/{x[1]:.3f}/{x[2]:.3f}   {r['value_acc']:.3f}")
    lines.append("Recognizers-Text DateTime  cases  passed  pass rate")
    for lang, r in result["specs"].items():
        lines.append(f"{lang:<26} {r['cases']:<6} {r['passed']:<7} {r['rate']:.3f}")
    return "\n".join(lines)
