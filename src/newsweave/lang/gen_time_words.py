"""Generate ``time_words.json``: month, weekday, unit, number and relative-time words per language.

Run ``python -m newsweave.lang.gen_time_words`` after upgrading babel, PyICU or dateparser. The data comes
from CLDR (through babel: month and weekday names, duration unit patterns, "in {0} years"/"{0} years ago"
patterns), ICU spell-out rules (number words and ordinals 1-31) and dateparser's per-language tables
(relative phrases such as "w zeszłym roku", which dateparser itself assembled from CLDR plus additions).
Forms CLDR does not list (case-inflected months, agglutinative suffixes, tense markers) are hand-written in
``time_extra.py`` so that generated and curated knowledge stay apart.
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from pathlib import Path

import icu
from babel import Locale

#: Our language code -> (babel locales, dateparser locale files). Uzbek, Azerbaijani and Chinese merge scripts:
#: the language stage reports "uz" for both Cyrillic and Latin Uzbek.
LANGUAGES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (("en",), ("en",)),
    "de": (("de",), ("de",)),
    "fr": (("fr",), ("fr",)),
    "es": (("es",), ("es",)),
    "it": (("it",), ("it",)),
    "pl": (("pl",), ("pl",)),
    "cs": (("cs",), ("cs",)),
    "ru": (("ru",), ("ru",)),
    "uk": (("uk",), ("uk",)),
    "bg": (("bg",), ("bg",)),
    "kk": (("kk",), ("kk",)),
    "uz": (("uz", "uz_Cyrl"), ("uz", "uz-Cyrl", "uz-Latn")),
    "tr": (("tr",), ("tr",)),
    "az": (("az", "az_Cyrl"), ("az", "az-Cyrl", "az-Latn")),
    "hi": (("hi",), ("hi",)),
    "ur": (("ur",), ("ur",)),
    "ar": (("ar",), ("ar",)),
    "zh": (("zh", "zh_Hant"), ("zh", "zh-Hans", "zh-Hant")),
}

_UNIT_KEYS = {"year": "Y", "quarter": "Q", "month": "M", "week": "W", "day": "D", "hour": "H", "minute": "MI",
              "decade": "DE", "century": "CE"}
_DP_RELATIVE = re.compile(r"^(in )?(\d+) (year|quarter|month|week|day|decade)( ago)?$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
OUT = Path(__file__).with_name("time_words.json")


def _dateparser_info(code: str) -> dict:
    """dateparser's table for one locale, read from its data module (importing dateparser is slow)."""
    spec = importlib.util.find_spec("dateparser")
    if spec is None or spec.origin is None:
        return {}
    path = Path(spec.origin).parent / "data" / "date_translation_data" / f"{code}.py"
    if not path.exists():
        return {}
    namespace: dict = {}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)  # trusted installed package data
    return namespace["info"]


def _scripts(words: list[str]) -> set[str]:
    """The Unicode scripts (first word of the character name) the letters of some words are written in."""
    return {unicodedata.name(ch, "?").split()[0] for word in words for ch in word if ch.isalpha()}


def _contexts(table: dict) -> list[dict[int, str]]:
    """The format and stand-alone wide/abbreviated names of one babel table, minus stand-alone names in a
    foreign script: babel's alias resolution can hand back another locale's stand-alone names (seen: az -> zh)."""
    out = []
    base = _scripts(list(table["format"]["wide"].values()))
    for ctx in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            names = dict(table[ctx][width])
            if ctx == "format" or _scripts(list(names.values())) <= base:
                out.append({"width": width, "names": names})
    return out


def _unit_word(word: str) -> bool:
    """A usable unit word: not a number, not a one-letter abbreviation, and not a Chinese unit with "ago"/"later"
    glued on (周前, 年后: CLDR writes those patterns without spaces)."""
    if _HAN.search(word):
        return not word.endswith(("前", "后", "後"))
    return len(word) >= 2 and not word[0].isdigit()


def _clean(word: str) -> str:
    return word.strip().rstrip(".").lower()


def _pattern_parts(pattern: str) -> tuple[list[str], str | None, list[str]]:
    """Split a CLDR pattern like ``vor {0} Jahren`` into (words before, unit word, words after)."""
    before, _, after = pattern.partition("{0}")
    pre = before.lower().split()
    post = after.lower().replace(".", " ").split()
    unit = post.pop(0) if post else None
    return pre, unit, post


def _numbers(locale: str) -> tuple[dict[str, int], dict[str, int]]:
    """Cardinal and ordinal words 1-31 (and round tens) from every ICU spell-out rule set of the locale."""
    cardinals: dict[str, int] = {}
    ordinals: dict[str, int] = {}
    fmt = icu.RuleBasedNumberFormat(icu.URBNFRuleSetTag.SPELLOUT, icu.Locale(locale))
    names = [fmt.getRuleSetName(i) for i in range(fmt.getNumberOfRuleSetNames())]
    values = [*range(1, 32), 40, 50, 60, 70, 80, 90, 100]
    for name in names:
        if "year" in name or not (name.startswith("%spellout-cardinal") or name.startswith("%spellout-ordinal")
                                  or name == "%spellout-numbering"):
            continue
        target = ordinals if "ordinal" in name else cardinals
        for n in values:
            word = fmt.format(n, name).lower()
            if word and not word[0].isdigit() and (n <= 31 or target is cardinals):
                target.setdefault(word, n)
    return cardinals, ordinals


def _language(babel_codes: tuple[str, ...], dp_codes: tuple[str, ...]) -> dict:
    months: dict[str, int] = {}
    month_abbr: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    units: dict[str, str] = {}
    numbers: dict[str, int] = {}
    ordinals: dict[str, int] = {}
    relative: dict[str, list] = {}
    ago_pre: set[str] = set()
    ago_post: set[str] = set()
    in_pre: set[str] = set()
    in_post: set[str] = set()
    for code in babel_codes:
        loc = Locale.parse(code)
        for entry in _contexts(loc.months):
            for n, name in entry["names"].items():
                word = _clean(name)
                if entry["width"] == "wide":
                    months.setdefault(word, n)
                elif len(word) >= 3 and word not in months:
                    month_abbr.setdefault(word, n)
        for entry in _contexts(loc.days):
            if entry["width"] == "wide":
                for n, name in entry["names"].items():
                    weekdays.setdefault(_clean(name), n + 1)  # babel: 0 = Monday; ISO: 1 = Monday
        unit_patterns = loc._data["unit_patterns"]
        for key, unit in _UNIT_KEYS.items():
            lengths = unit_patterns.get(f"duration-{key}", {})
            for length in ("long", "short"):
                for plural, pattern in lengths.get(length, {}).items():
                    if plural == "per" or "{0}" not in pattern:
                        continue
                    _, word, _ = _pattern_parts(pattern)
                    if word and _unit_word(word):
                        units.setdefault(word, unit)
            fields = loc._data["date_fields"].get(key, {})
            for tense in ("past", "future"):
                for pattern in fields.get(tense, {}).values():
                    if "{0}" not in pattern or pattern.startswith(("+", "-")):
                        continue
                    pre, word, post = _pattern_parts(pattern)
                    if word and _unit_word(word):
                        units.setdefault(word, unit)
                    # multi-word function words stay phrases: "dentro de", "il y a", "тому назад"
                    if pre:
                        (ago_pre if tense == "past" else in_pre).add(" ".join(pre))
                    if post:
                        (ago_post if tense == "past" else in_post).add(" ".join(post))
        cardinals, ords = _numbers(code)
        for word, n in cardinals.items():
            numbers.setdefault(word, n)
        for word, n in ords.items():
            ordinals.setdefault(word, n)
    for code in dp_codes:
        info = _dateparser_info(code)
        for n, name in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                  "september", "october", "november", "december"), start=1):
            for form in info.get(name, []):
                word = _clean(form)
                if word in months or word in month_abbr:
                    continue
                if len(word) >= 5 or _HAN.search(word):
                    months[word] = n
                elif len(word) >= 3:
                    month_abbr[word] = n
        for n, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
                                 start=1):
            for form in info.get(name, []):
                word = _clean(form)
                # short weekday abbreviations ("di", "Die", "mar") collide with common words: wide names only
                if len(word) >= 5 or (_HAN.search(word) and len(word) >= 2):
                    weekdays.setdefault(word, n)
        for key, unit in _UNIT_KEYS.items():
            for form in info.get(key, []):
                word = _clean(form)
                if _unit_word(word):
                    units.setdefault(word, unit)
        for key, phrases in info.get("relative-type", {}).items():
            found = _DP_RELATIVE.match(key)
            if not found:
                continue
            sign = 1 if found.group(1) else -1
            offset = sign * int(found.group(2))
            for phrase in phrases:
                words = _clean(phrase)
                if len(words) < 2 or "/" in words:
                    continue
                unit = _UNIT_KEYS[found.group(3)]
                known = relative.setdefault(words, [unit, offset])
                if offset and known[:2] == [unit, -offset]:  # Hindi/Urdu "कल": yesterday and tomorrow; tense decides
                    relative[words] = [unit, abs(offset), "either"]
    for word in list(month_abbr):
        if word in weekdays or word in units or word in numbers:
            del month_abbr[word]
    return {
        "months": dict(sorted(months.items())),
        "month_abbr": dict(sorted(month_abbr.items())),
        "weekdays": dict(sorted(weekdays.items())),
        "units": dict(sorted(units.items())),
        "numbers": dict(sorted(numbers.items())),
        "ordinals": dict(sorted(ordinals.items())),
        "relative": dict(sorted(relative.items())),
        "ago_pre": sorted(ago_pre),
        "ago_post": sorted(ago_post),
        "in_pre": sorted(in_pre),
        "in_post": sorted(in_post),
    }


def generate() -> dict[str, dict]:
    """All languages' generated time words."""
    return {lang: _language(*codes) for lang, codes in LANGUAGES.items()}


def main() -> None:
    """Write ``time_words.json`` beside this module."""
    data = generate()
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(data)} languages)")


if __name__ == "__main__":
    main()
