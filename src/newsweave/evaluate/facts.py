"""``newsweave eval facts``: numbers, percentages and money on Recognizers-Text specs; figures, quotes on own examples.

* Recognizers-Text specs (``dev/time/recognizers_text_specs``) for German, Hindi and Turkish:
  ``Number/<Lang>/NumberModel.json`` (every number in the text, digits or words), ``Number/<Lang>/PercentModel.json``
  and ``NumberWithUnit/<Lang>/CurrencyModel.json`` (the quantities stage's percentages and money). A case passes
  when exactly the expected values are found (for money: with the expected currency). Spec features newsweave
  does not aim at (fractions such as "1/2" or "drei halbe", "Komma" decimals, ranges) count as failures: the pass
  rate is the honest share of the specs handled.
* Own examples (``evaluate/data/facts_examples.json``, invented sentences in nine languages): figure recall and
  precision on (kind, value, currency), then qualifier and measure-key accuracy over the matched figures; quote
  recall and speaker accuracy, with the listed person names given as the entity stage's mentions.

The default run takes every second spec case (CI sample); ``--full`` scores all of them.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from babel import Locale

from newsweave.lang.numbers import SCALES, locale_symbols
from newsweave.model import Article, Mention
from newsweave.stages.facttext import WORD, compiled, fold
from newsweave.stages.numberwords import word_numbers
from newsweave.stages.quantities import _NUM, extract_quantities, parse_number, signed
from newsweave.stages.quotes import extract_quotes

SPECS = Path("dev/time/recognizers_text_specs")
SPEC_LANGS = {"de": "German", "hi": "Hindi", "tr": "Turkish"}
MODELS = (("Number", "NumberModel", "number"), ("Number", "PercentModel", "percent"),
          ("NumberWithUnit", "CurrencyModel", "money"))
#: Unit names of the specs that CLDR's English display names do not give (generic names mean the main currency).
SPEC_UNITS = {"dollar": "USD", "united states dollar": "USD", "euro": "EUR", "pound": "GBP", "yen": "JPY",
              "yuan": "CNY",
              "rupee": "INR",
              "lira": "TRY", "cent": "USD", "penny": "GBP", "pence": "GBP", "franc": "CHF", "ruble": "RUB",
              "rouble": "RUB"}


@dataclass
class Score:
    """Pass counts of one spec file."""

    cases: int = 0
    passed: int = 0

    @property
    def rate(self) -> float:
        return self.passed / self.cases if self.cases else 0.0


def spec_value(raw: str, lang: str) -> float | None:
    """A spec's expected value ("0,5" in German and Turkish specs, "0.08" in Hindi ones; "20%")."""
    raw = raw.rstrip("%").strip()
    decimal, _ = locale_symbols(lang)
    try:
        return float(raw.replace(decimal, ".")) if decimal != "." else float(raw)
    except ValueError:
        return None


def all_numbers(text: str, lang: str) -> list[float]:
    """Every number of a text, digits (with a following scale word) or words: what NumberModel specs expect."""
    values: list[tuple[int, float]] = []
    scales = compiled(SCALES, lang)
    taken: list[tuple[int, int]] = []
    for m in _NUM.finditer(text):
        value = parse_number(m.group(), lang)
        if value is None:
            continue
        gap = len(text[m.end():m.end() + 3]) - len(text[m.end():m.end() + 3].lstrip(" "))
        nxt = WORD.match(text, m.end() + gap)
        scale = scales.word(fold(nxt.group())) if nxt else None
        values.append((m.start(), signed(text, m.start(), value * float(scale) if scale else value)[1]))
        taken.append(m.span())
    for wn in word_numbers(text, lang):
        if not any(s < wn.end and wn.start < e for s, e in taken):
            values.append((wn.start, wn.value))
    return [v for _, v in sorted(values)]


def _same(a: list[float], b: list[float]) -> bool:
    return len(a) == len(b) and all(math.isclose(x, y, rel_tol=1e-6, abs_tol=1e-9) for x, y in zip(sorted(a), sorted(b),
                                                                                                   strict=True))


def _currency_codes() -> dict[str, str]:
    names = {name.lower(): code for code, name in Locale.parse("en").currencies.items()}
    return {**names, **SPEC_UNITS}


def score_case(case: dict[str, Any], lang: str, model: str, codes: dict[str, str]) -> bool:
    """Whether newsweave finds exactly the case's expected values (and currencies)."""
    text = case["Input"]
    results = case.get("Results", [])
    if model == "number":
        expected = [spec_value(r["Resolution"]["value"], lang) for r in results]
        return None not in expected and _same(all_numbers(text, lang), expected)  # type: ignore[arg-type]
    found = [q for q in extract_quantities(Article(id="spec", text=text, lang=lang)) if q.kind == model]
    if model == "percent":
        expected = [spec_value(r["Resolution"]["value"], lang) for r in results]
        return None not in expected and _same([q.value or 0.0 for q in found], expected)  # type: ignore[arg-type]
    want: list[tuple[float | None, str | None]] = []
    for r in results:
        res = r.get("Resolution") or {}
        code = res.get("isoCurrency") or codes.get(str(res.get("unit", "")).lower())
        want.append((spec_value(str(res.get("value", "")), lang), code))
    got = sorted((q.value, q.unit) for q in found)
    return len(got) == len(want) and all(
        w[0] is not None and g[1] == w[1] and math.isclose(g[0] or 0.0, w[0], rel_tol=1e-6)
        for g, w in zip(got, sorted(want, key=lambda x: (x[0] or 0.0, x[1] or "")), strict=True))


def evaluate_specs(shared: Path, full: bool = False) -> dict[str, Score]:
    """Pass rate per (model, language) on the Recognizers-Text specs."""
    codes = _currency_codes()
    out: dict[str, Score] = {}
    for folder, name, model in MODELS:
        for lang, language in SPEC_LANGS.items():
            path = shared / SPECS / folder / language / f"{name}.json"
            if not path.is_file():
                continue
            cases = json.loads(path.read_text(encoding="utf-8"))
            score = out.setdefault(f"{name} {lang}", Score())
            for i, case in enumerate(cases):
                if not full and i % 2:
                    continue
                score.cases += 1
                score.passed += score_case(case, lang, model, codes)
    return out


def load_examples() -> list[dict[str, Any]]:
    """The hand-written labelled examples shipped with the package."""
    data = resources.files("newsweave.evaluate").joinpath("data/facts_examples.json").read_text(encoding="utf-8")
    return json.loads(data)["examples"]


def _with_people(ex: dict[str, Any]) -> Article:
    art = Article(id="example", text=ex["text"], lang=ex["lang"])
    for name in ex.get("persons", []):
        pos = art.text.find(name)
        while pos >= 0:
            art.mentions.append(Mention(start=pos, end=pos + len(name), text=name, type="PER"))
            pos = art.text.find(name, pos + 1)
    art.mentions.sort(key=lambda m: m.start)
    return art


def evaluate_examples() -> dict[str, float | int]:
    """Figure and quote scores on the own labelled examples."""
    gold_n = pred_n = matched = qual_ok = key_ok = 0
    quotes_gold = quotes_found = speaker_ok = 0
    for ex in load_examples():
        art = _with_people(ex)
        if "quantities" in ex:
            found = extract_quantities(art)
            pred_n += len(found)
            gold_n += len(ex["quantities"])
            free = list(found)
            for kind, value, unit, qualifier, key in ex["quantities"]:
                hit = next((q for q in free if q.kind == kind and q.value is not None
                            and math.isclose(q.value, value, rel_tol=1e-6) and (unit is None or q.unit == unit)),
                           None)
                if hit is None:
                    continue
                free.remove(hit)
                matched += 1
                qual_ok += hit.qualifier == qualifier
                key_ok += (hit.measure_key.split(":")[0] if hit.measure_key else None) == key
        if "quotes" in ex:
            quotes = extract_quotes(art)
            for first, speaker in ex["quotes"]:
                quotes_gold += 1
                q = next((q for q in quotes if WORD.findall(q.text)[:1] == [first]), None)
                if q is not None:
                    quotes_found += 1
                    speaker_ok += q.speaker_text == speaker
    return {"figures_gold": gold_n, "figures_pred": pred_n, "figures_matched": matched,
            "figure_recall": matched / gold_n if gold_n else 0.0,
            "figure_precision": matched / pred_n if pred_n else 0.0,
            "qualifier_acc": qual_ok / matched if matched else 0.0,
            "measure_acc": key_ok / matched if matched else 0.0,
            "quotes_gold": quotes_gold, "quote_recall": quotes_found / quotes_gold if quotes_gold else 0.0,
            "speaker_acc": speaker_ok / quotes_gold if quotes_gold else 0.0}


def evaluate(shared: Path | None, full: bool = False) -> dict[str, Any]:
    """Both parts; the spec part is empty when the shared folder is absent."""
    return {"full": full, "specs": evaluate_specs(shared, full) if shared else {}, "examples": evaluate_examples()}


def format_table(result: dict[str, Any]) -> str:
    """The evaluation as plain-text tables."""
    lines = [f"facts evaluation ({'full' if result['full'] else 'CI sample'})",
             "Recognizers-Text spec     cases  passed  pass rate"]
    for name, s in result["specs"].items():
        lines.append(f"{name:<25} {s.cases:<6} {s.passed:<7} {s.rate:.3f}")
    e = result["examples"]
    lines += ["Own examples: figures     gold  pred  matched  recall  precision  qualifier acc  measure acc",
              f"{'':<25} {e['figures_gold']:<5} {e['figures_pred']:<5} {e['figures_matched']:<8} "
              f"{e['figure_recall']:.3f}   {e['figure_precision']:.3f}      {e['qualifier_acc']:.3f}          "
              f"{e['measure_acc']:.3f}",
              "Own examples: quotes      gold  recall  speaker acc",
              f"{'':<25} {e['quotes_gold']:<5} {e['quote_recall']:.3f}   {e['speaker_acc']:.3f}"]
    return "\n".join(lines)
