"""Time stage: date the document and normalise its time expressions to TIMEX3 values.

How it works, in three passes (the way an analyst reads an undated article):

1. **Recognise** time expressions with a small grammar over token *categories*. Every token is looked up in the
   language's lexicon (``newsweave.lang.time_words``: CLDR/ICU/dateparser words plus hand-written inflections)
   and replaced by one letter (``M`` month, ``U`` unit, ``P`` "last", ``A`` "ago", ...); the grammar rules are
   regular expressions over that letter string, so one rule ("a number, a unit, an ago-word") serves every
   language and inflection ("two weeks ago", "tydzień temu", "एक सप्ताह पहले").
2. **Date the document** when metadata did not: a header/dateline, dated embedded posts, then inference from
   the absolute dates the text mentions, their tense, named multi-year periods and the AP-style convention
   that writers name the year of a date only when it is not the current year. The result carries a
   precision, a source, a confidence and, when only bounded, ``date_earliest``/``date_latest``.
3. **Resolve** every expression against the document date, with the direction (past/future) from the
   expression itself ("last", "ago", "next") or from the tense of its sentence. When the document date is
   coarser than the expression needs, the value keeps only what is certain (``2022-WXX-1``: a Monday in 2022).

Bad input (31 February, year 20225, empty text) yields no expression for that span, never an exception.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import regex
from dateutil import easter as dateutil_easter

from newsweave.lang.time_extra import HEADER_WORDS
from newsweave.lang.time_words import PRIORITY, Lexicon, languages, lexicon, tokenize
from newsweave.model import Article, TimeRef

log = logging.getLogger(__name__)

_REL = r"(?:R|[PTX][Uq]|[Uq][PTX])"
#: What :func:`_build` returns for a date that does not exist: the span is skipped, not re-read shorter.
_INVALID = object()
#: Grammar rules over the category string: (name, pattern). At each token the longest match wins; on equal
#: length the earlier rule wins.
RULES: list[tuple[str, str]] = [
    ("dmy", r"D?[PX]?[NOn]\.?h?o?[Mx]\.?m?,?o?Yy?"),
    ("mdy", r"D?[Mx]\.?[NO]h?,?Yy?"),
    ("dmy", r"D?W,?D?[NO]\.?h?o?[Mx]\.?m?,?o?Yy?"),
    ("mdy", r"D?W,?[Mx]\.?[NO]h?,?Yy?"),
    ("ymd", r"Yy?[-/.]?[Mx]m?[-/.]?Nj?"),
    ("ydm", r"Yy?,?N\.?[Mx]m?"),
    ("zh_ymd", r"YyNkNj"),
    ("zh_ym", r"YyNk"),
    ("zh_md", r"NkNj"),
    ("zh_m", r"Nk"),
    ("ym", r"D?[Mx]m?,?o?Yy?"),
    ("ym", r"Yy?o?Mm?"),
    ("dm", r"D?[PX]?[NOn]\.?h?o?[Mx]m?"),
    ("md", r"D?[Mx]\.?[NO]h?(?![NYkUq])"),
    ("drange", r"D?[NO]\.?h?[-r]o?D?[NO]\.?h?o?[Mx](?:\.?m?,?o?Yy?|m?)"),
    ("drange", r"D?[Mx]\.?[NO]h?[-r][NO]h?(?:,?Yy?)?"),
    ("relm", rf"D?{_REL}[o,F]*D?Mm?"),
    ("mrel", rf"D?Mm?[o,]*D?{_REL}"),
    ("mdir", r"D?[PTX]Mm?|D?Mm?[PX]"),
    ("first_n", rf"D?[IAO][nN]-?[Uq](?:[oD,]*(?:{_REL}|Yy?))?"),
    ("first_n", rf"(?:Yy?|{_REL})o?[IAO][nN]-?[Uq]"),
    ("months_of", rf"(?:Yy?|{_REL})o?[nN][Uq]|[nN][Uq]o?Yy?"),
    ("mrange", rf"D?(?:Yy?o?|{_REL}o?)?[Mx]-[Mx]m?(?:,?o?Yy?)?"),
    ("quarter", r"D?[OI]-?q(?:o?D?Yy?)?"),
    ("quarter", r"D?Yy?o?[OI]-?q"),  # the year's genitive first: "2024 yılının ilk çeyreğinde"
    ("relq", r"D?[PTX]q"),
    ("yrange", r"D?Yy?[-/r]Yy?"),
    ("ago", r"D?[nN]?[Uq]A|B[nN]?[Uq]"),
    ("in", r"F[nN][Uq]|[nN][Uq]G"),
    ("dur", r"D?[PX]?[nNf]-?[Uq]"),
    ("weekwd", r"D?(?:[PTX]U|U[PTX]|R)o?D?WU?"),
    ("rel", rf"D?{_REL}"),
    ("edge", r"Eo?D?[Uq]|[Uq]o?E"),
    ("rel", r"D?R,?D?W"),
    ("relwd", r"D?[PX]W|D?W[PX]"),
    ("wd", r"D?W(?:,?D?[NO]\.?h?o?[Mx]|,?[Mx]\.?[NO]h?)?"),
    ("wd", r"D?W(?:,?D?[NO]\.?h?o?[Mx]|,?[Mx]\.?[NO]h?)?U"),
    ("wd", r"D?[NO]\.?h?o?[Mx]m?(?:,?o?Yy?)?,?o?W"),
    ("wd", r"D?[NO]\.?h?o?[Mx]m?(?:,?o?Yy?)?,?o?WU"),
    ("decade", r"D?Y-?z(?:-?[yUu])?|D?L|D?Yo?U|D?Uo?Y"),
    ("y", r"D?Yy?"),
    ("m", r"D?Mm?"),
    ("date", r"Z"),
    ("fuzzy", r"S"),
    ("set", r"K|e[nN]?[Uqu]"),
    ("vague", r"D?u"),
    ("daypart", r"D?[TR]H|RoDH|D?WH|D?HoD?R|DH"),
    ("weekend", r"(?<![nNfe])D?o?U"),
    ("dayof", r"DN(?=[,.;_]|$)"),
    ("clock", r"D?C"),
    ("dayof", r"D?UN(?![.Mxo\-r])"),
    ("season", r"D?[PTX]V(?:,?o?Yy?)?|DV(?:,?o?Yy?)?|V,?o?Yy?"),
    ("holiday", rf"D?[PTX]?J(?:,?o?(?:Yy?|{_REL}))?"),
]
_COMPILED = [(name, re.compile(pattern.replace("D?", "D{0,2}"))) for name, pattern in RULES]
#: Categories a rule match may start with (anything else is skipped without trying the rules).
_STARTS = set("DNOMxYRPTXUqIAnBFWSZVKeuHCfLEJ")
#: Turkish/Azerbaijani endings on a year that make it its decade ("1990'lar", "1990'lı", "1990'larda").
_DECADE_SUFFIXES = ("lar", "ler", "lı", "li", "lu", "lü")
_UNIT_DAYS = {"D": 1, "W": 7, "WE": 7}
#: Last weekday (ISO, Wednesday) on which a weekend told without tense is the one before, not the coming one.
WEEKEND_LOOKS_BACK_UNTIL = 3
_SENTENCE_END = regex.compile(r"[.!?।؟。\n]+(?:\s|$)")
#: Numeric dates need a four-digit year: "2.01.09" is as likely a race time as a date.
_NUMERIC_DATE = regex.compile(r"^(\d{4})[./](\d{1,2})[./](\d{1,2})$|^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_CLOCK = regex.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")
#: A decimal amount ("3,5 Jahre", "1.5 hours"): only a duration's count (category ``f``). One decimal only:
#: "18.45 horas" is a clock time, "1.20 minutos" a minute and twenty seconds.
_DECIMAL = regex.compile(r"^\d{1,3}[.,]\d$")
#: A number alone counts as a year only in this range ("1190 people" is not a date).
_BARE_YEARS = (1800, 2199)
#: How far (characters) a quarter mention makes "a year earlier" mean that quarter a year before.
_QUARTER_REACH = 400
_QUARTER = regex.compile(r"^\d{4}-Q[1-4]$")
_DOTTED_DAY_MONTH = regex.compile(r"^(\d{1,2})\.(\d{1,2})\.$")
_ISO = regex.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")
_HEADER_DATE = regex.compile(
    r"^\W{0,3}(?:" + "|".join(HEADER_WORDS) + r")\s*[:\-]?\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?!\d)"
    r"|^\W{0,3}(?:" + "|".join(HEADER_WORDS) + r")\s*[:\-]?\s*(\d{1,2})[./](\d{1,2})[./](\d{4})",
    regex.IGNORECASE)
#: "— Name (@handle) November 28, 2022": the attribution line of an embedded tweet.
_POST_LINE = regex.compile(r"^[\u2014\u2013-]\s*.{0,80}\(@\w{1,30}\)\s+(.{4,40}?)\s*$", regex.MULTILINE)


@dataclass(slots=True)
class Expr:
    """A recognised expression before it is resolved against the document date."""

    start: int
    end: int
    rule: str
    type: str = "DATE"
    year: int | None = None
    year2: int | None = None
    month: int | None = None
    month2: int | None = None
    day: int | None = None
    day2: int | None = None  # last day of a range of days in one month ("12-15 June")
    weekday: int | None = None
    quarter: int | None = None
    unit: str | None = None
    offset: int | None = None
    amount: float | None = None
    ref: str | None = None
    season: str | None = None
    holiday: str | None = None  # ``MM-DD``, or days after Western (``E+49``) or Orthodox (``O+0``) Easter
    either: bool = False  # the word means both directions ("कल"); the tense picks one
    plan: bool = False  # a year range naming a programme or plan ("2024-2026 Joint Action Plan")
    explicit_year: bool = False
    tense: str | None = None


@dataclass(slots=True)
class Anchor:
    """The document date: its first day and its precision (``day`` | ``month`` | ``year``)."""

    date: dt.date
    precision: str

    @property
    def last(self) -> dt.date:
        if self.precision == "day":
            return self.date
        if self.precision == "month":
            return self.date.replace(day=calendar.monthrange(self.date.year, self.date.month)[1])
        return self.date.replace(month=12, day=31)


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    cat: str
    value: Any = None
    all: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------- recognition


def _classify(text: str, lex: Lexicon) -> list[_Tok]:
    """Tokens with their category letter (longest lexicon phrase first)."""
    raw = tokenize(text)
    first_max, entries, prefixes = lex.first_max, lex.entries, lex.prefixes
    dotted = lex.dotted_day_month
    out: list[_Tok] = []
    i, n = 0, len(raw)
    while i < n:
        start, end, tok = raw[i]
        longest = first_max.get(tok, 0)
        if not longest and (tok[:3] in prefixes or "'" in tok or "’" in tok):
            longest = first_max.get(lex.key(tok), 0)
        if not longest:  # most tokens: no lexicon phrase starts here
            out.append(_classify_plain(tok, start, end, out, dotted))
            i += 1
            continue
        found = None
        for length in range(min(longest, n - i), 0, -1):
            words = tuple(t for _, _, t in raw[i:i + length])
            hit = entries.get(words) or entries.get(tuple(lex.key(t) for t in words))
            if hit:
                found = (length, hit)
                break
        if found:
            length, hit = found
            cats = dict(hit)
            cat = min(cats, key=PRIORITY.index)
            out.append(_Tok(start, raw[i + length - 1][1], cat, cats[cat], cats))
            i += length
            continue
        out.append(_classify_plain(tok, start, end, out, dotted))
        i += 1
    out = _without_ordinal_hyphens(out)
    _disambiguate(out, text)
    return out


def _without_ordinal_hyphens(toks: list[_Tok]) -> list[_Tok]:
    """The tokens without a hyphen written with no space between a number and a month name or year word after it:
    Uzbek, Kazakh and Azerbaijani write the ordinal of a date's day and year so (*5-mart*, *12-сәуірде*,
    *2024-yil*), and the grammar reads the number and the word as it reads them apart."""
    out: list[_Tok] = []
    for k, tok in enumerate(toks):
        if tok.cat == "-" and out and k + 1 < len(toks) and out[-1].end == tok.start and toks[k + 1].start == tok.end \
                and out[-1].cat in ("N", "Y") and ({"M", "x", "y"} & (toks[k + 1].all.keys() | {toks[k + 1].cat})):
            continue
        out.append(tok)
    return out


def _classify_plain(tok: str, start: int, end: int, before: list[_Tok], dotted: bool) -> _Tok:
    first = tok[0]
    if first.isalpha():
        prev = before[-1] if before else None
        if prev is not None and prev.end == start:
            if prev.cat == "N" and tok in ("st", "nd", "rd", "th", "er", "e"):
                return _Tok(start, end, "h")
            if prev.cat == "Y" and tok in ("s", "er") and prev.value % 10 == 0:
                return _Tok(start, end, "z")  # "1990s", German "1990er"
        return _Tok(start, end, "w")
    if first.isdigit():
        if "'" in tok or "’" in tok:  # "2023'ün", "2022'de": a Turkish/Azerbaijani case ending on a number
            tok, suffix = regex.split(r"['’]", tok, maxsplit=1)
            if tok.isdecimal() and len(tok) == 4 and int(tok) % 10 == 0 and suffix.startswith(_DECADE_SUFFIXES):
                return _Tok(start, end, "L", int(tok))  # "1990'larda", "1990'lı yıllarda": the 1990s
        if tok.endswith("."):  # "22.04." (the tokenizer keeps the trailing dot only for this shape)
            return _Tok(start, end, "Z", tok) if dotted else _Tok(start, end, "_")
        if _ISO.match(tok) or _NUMERIC_DATE.match(tok):
            return _Tok(start, end, "Z", tok)
        clock = _CLOCK.match(tok)
        if clock and (":" in tok or (before and before[-1].cat == "D")):  # "12:30", "las 8.15"
            return _Tok(start, end, "C", (int(clock.group(1)), int(clock.group(2))))
        # not isdigit(): superscripts ("10²") are digits int() refuses; and a 5000-digit run is no year or day
        if _DECIMAL.match(tok):
            return _Tok(start, end, "f", float(tok.replace(",", ".")))
        if tok.isdecimal() and len(tok) <= 4:
            value = int(tok)
            if len(tok) == 4 and 1000 <= value <= 2999:
                return _Tok(start, end, "Y", value)
            if len(tok) <= 3:
                return _Tok(start, end, "N", value)
        return _Tok(start, end, "_")
    if tok in "-–":
        return _Tok(start, end, "-")
    if tok in ",./":
        return _Tok(start, end, tok)
    return _Tok(start, end, "_")


def _disambiguate(toks: list[_Tok], text: str) -> None:
    """Context decides between a token's readings: 'current' is a fuzzy word alone and 'this' before a unit;
    a homograph month ("Kasım", "may") is a month only next to a number or a month word."""
    for i, tok in enumerate(toks):
        if not tok.all:  # a token no lexicon phrase covers has no other reading: every rule below needs one
            continue
        nxt = toks[i + 1].cat if i + 1 < len(toks) else ""
        prv = toks[i - 1].cat if i else ""
        if tok.cat == "S" and len(tok.all) > 1:
            for cat in "TPX":
                if cat in tok.all and (nxt in "UqWMVnNO" or prv in "UqWM"):
                    tok.cat, tok.value = cat, tok.all[cat]
        # a year word right after a year ("2024 йил"; "20 yılda" stays a unit), a month/day marker after a
        # number ("11月", "28日")
        if "H" in tok.all and (prv in ("T", "D", "o") or tok.cat == "w"):  # "esta mañana" is this morning
            tok.cat, tok.value = "H", tok.all["H"]
        if "u" in tok.all and tok.cat == "U" and prv not in ("n", "N", "O", "I", "B", "F", "f") and nxt not in "AGPTX":
            tok.cat = "u"  # a bare plural unit: "for years"
        if tok.cat == "J" and "M" in tok.all and (prv in ("N", "O", "n", "Y", "y") or nxt in ("N", "Y") or (
                i + 1 < len(toks) and "m" in toks[i + 1].all)):
            tok.cat, tok.value = "M", tok.all["M"]  # "5 наурызда", "наурыз айында": the month, not its holiday
        if tok.cat == "U" and tok.value == "Y" and prv == "Y":  # "2023 жылдың": a year word after a year
            tok.cat = "y"
        if "m" in tok.all and prv in ("M", "x"):  # "Eylül ayında": the month word after a month name
            tok.cat, tok.value = "m", tok.all["m"]
        for marker, after in (("y", "Y"), ("k", "NY"), ("j", "N")):
            if marker in tok.all and prv and prv in after:
                tok.cat, tok.value = marker, tok.all[marker]
        if tok.cat == "A" and "I" in tok.all and nxt in "nN":
            tok.cat, tok.value = "I", tok.all["I"]
        if tok.cat == "x":
            after_dot = nxt == "." and i + 2 < len(toks) and toks[i + 2].cat in "NY"
            before_dot = prv == "." and i > 1 and toks[i - 2].cat == "N"
            if any(mark in text[tok.start:tok.end] for mark in "'’‘"):
                tok.cat = "M"  # a case ending after an apostrophe ("Kasım'da") marks the month, not the name
            elif text[tok.start].isupper() and (nxt == "E" or any(0 <= k < len(toks) and toks[k].cat == "M"
                                                                  for k in (i - 2, i + 2))):
                tok.cat = "M"  # "Kasım ortasında" (mid-November), "Ağustos ve Ekim", "May and June"; not "may end"
            elif not (nxt in ("N", "Y", "m") or prv in ("N", "O", "h") or after_dot or before_dot):
                tok.cat = "w"


def recognise(text: str, lex: Lexicon) -> list[Expr]:
    """All time expressions in ``text`` (unresolved), left to right, non-overlapping."""
    toks = _classify(text, lex)
    cats = "".join(t.cat for t in toks)
    found: list[Expr] = []
    i = 0
    while i < len(toks):
        if cats[i] not in _STARTS:
            i += 1
            continue
        candidates = []
        for order, (name, pattern) in enumerate(_COMPILED):
            m = pattern.match(cats, i)
            if m and m.end() > i:
                candidates.append((-m.end(), order, name))
        if not candidates:
            i += 1
            continue
        candidates.sort()
        # the longest reading that is a real date wins; when none is ("31 February 2022"), the whole
        # span is skipped rather than read as a shorter, invented date ("February 2022")
        invalid_end = None
        for neg_end, _, name in candidates:
            expr = _build(name, toks[i:-neg_end])
            if expr is _INVALID:
                invalid_end = max(invalid_end or 0, -neg_end)
            elif expr is not None:
                _extend_edges(expr, toks, i, -neg_end)
                found.append(expr)
                i = -neg_end
                break
        else:
            i = invalid_end if invalid_end is not None else i + 1
    return found


def _extend_edges(expr: Expr, toks: list[_Tok], i: int, end: int) -> None:
    """Widen the span over "early"/"the end of"/"की शुरुआत" words next to it (TIMEX3 keeps the value)."""
    j = i
    while j > 0 and toks[j - 1].cat in "oD" and j - i > -3:
        j -= 1
    if j > 0 and "E" in toks[j - 1].all:
        k = j - 1
        if k > 0 and toks[k - 1].cat == "D":
            k -= 1
        expr.start = toks[k].start
    elif j < i and i > 0 and "E" in toks[i - 1].all:
        expr.start = toks[i - 1].start
    if i > 1 and toks[i - 1].cat == "-" and "E" in toks[i - 2].all:
        expr.start = toks[i - 2].start
    k = end
    while k < len(toks) and toks[k].cat == "o" and k - end < 2:
        k += 1
    if k < len(toks) and "E" in toks[k].all and toks[k].cat != "A":
        expr.end = toks[k].end


def _count(tok: _Tok) -> float | None:
    """How many units a number token counts: a whole number, a decimal ("3,5") or a fraction word ("полтора")."""
    value = tok.all.get("n", tok.value) if tok.cat == "n" else tok.value
    return value if isinstance(value, (int, float)) else None


def _num(tok: _Tok) -> int | None:
    """A number token's value where a whole number is wanted (a day, an ordinal); None for "полтора"."""
    value = _count(tok)
    return value if isinstance(value, int) else None


#: Months in a unit, to count a fraction of it in whole months ("полтора года назад": 18 months ago).
_MONTHS_IN = {"Y": 12, "Q": 3}


def _build(name: str, toks: Sequence[_Tok]) -> Any:
    """Turn one rule match into an :class:`Expr`: ``None`` when the match is not this kind of expression,
    :data:`_INVALID` when it is but names no real date (31 February)."""
    e = Expr(start=toks[0].start, end=toks[-1].end, rule=name)
    years = [t.value for t in toks if t.cat in "YL"]  # L: a year that names its decade ("1990'lar")
    months = [t.value for t in toks if t.cat in "Mx"]
    nums = [t for t in toks if t.cat in "NnO"]
    units = [t.value for t in toks if t.cat in "Uq"]
    mods = [t.value for t in toks if t.cat in "PTX"]
    rel = next((t.value for t in toks if t.cat == "R"), None)
    if "WE" in units and name not in ("rel", "weekend"):
        return None  # a weekend is a time, not a length or a recurrence ("two weekends", "every weekend")
    if name == "weekend":
        if units != ["WE"]:
            return None
        e.unit = "WE"
        return e
    if name in ("dmy", "dm") and nums and nums[0].cat == "n" and nums[0].value == 1:
        return None  # "an Aug. 10": an article, not the first day
    if name in ("dmy", "mdy", "ymd", "ydm", "zh_ymd"):
        if not (years and (months or name == "zh_ymd") and nums):
            return None
        e.year, e.explicit_year = years[0], True
        if name == "zh_ymd":
            e.month, e.day = nums[0].value, nums[1].value
        else:
            e.month, e.day = months[0], _num(nums[0])
        return e if _valid(e.year, e.month, e.day) else _INVALID
    if name in ("zh_ym", "ym"):
        e.year, e.explicit_year = years[0], True
        e.month = nums[0].value if name == "zh_ym" else months[0]
        return e if _valid(e.year, e.month, 1) else _INVALID
    if name in ("dm", "md", "zh_md"):
        if mods:  # "el pasado 2 de marzo", "el próximo 25 de julio"
            e.tense = "past" if mods[0] < 0 else "future"
        e.month = nums[0].value if name == "zh_md" else months[0]
        e.day = _num(nums[-1] if name == "zh_md" else nums[0])
        return e if _valid(2000, e.month, e.day) else _INVALID
    if name in ("zh_m", "m"):
        e.month = nums[0].value if name == "zh_m" else months[0]
        return e if _valid(2000, e.month, 1) else _INVALID
    if name == "drange":
        first, last = _num(nums[0]), _num(nums[1])
        if first is None or last is None or not first < last:
            return None  # "3-1 May" is a score before a date, not a range
        e.month, e.day, e.day2 = months[0], first, last
        if years:
            e.year, e.explicit_year = years[0], True
        return e if _valid(e.year or 2000, e.month, last) else _INVALID
    if name == "relm" or name == "mrel":
        unit, offset = rel[:2] if rel else (units[0], mods[0])
        if unit != "Y" or not months:
            return None
        e.unit, e.offset, e.month = "Y", offset, months[0]
        return e
    if name == "mdir":
        e.month, e.offset = months[0], mods[0]
        return e
    if name == "months_of" and (not units or units[0] not in ("M", "Q")):
        return None  # "за 9 месяцев 2023 года", "2023 жылдың тоғыз айында": the first N months of that year
    if name == "mrange":
        if len(months) < 2 or months[0] >= months[1]:
            return None
        e.month, e.month2 = months[0], months[1]
        if years:
            e.year, e.explicit_year = years[0], True
        elif rel or mods:
            unit, offset = rel[:2] if rel else (units[0] if units else None, mods[0])
            if unit != "Y":
                return None
            e.offset = offset
        return e
    if name in ("first_n", "months_of"):
        count = next((_num(t) for t in toks if t.cat in "nN"), None)
        if not count or count < 1 or not units:
            return None
        e.amount, e.unit = count, units[0]
        if years:
            e.year, e.explicit_year = years[0], True
        elif rel or len(units) > 1:
            ref_unit, ref_offset = rel[:2] if rel else (units[1], mods[0] if mods else 0)
            if ref_unit != "Y":
                return None
            e.offset = ref_offset
        else:
            e.type = "DURATION"
        return e
    if name in ("quarter", "relq"):
        if name == "quarter":
            ordinal = next(t for t in toks if t.cat in "OI")
            q = ordinal.all.get("O") or (1 if "I" in ordinal.all else None)
            if not q or not 1 <= q <= 4:
                return None
            e.quarter = q
            if years:
                e.year, e.explicit_year = years[0], True
        else:
            e.unit, e.offset = "Q", mods[0]
        return e
    if name == "yrange":
        if len(years) < 2 or not years[0] < years[1] <= years[0] + 100:
            return None
        e.year, e.year2, e.explicit_year = years[0], years[1], True
        return e
    if name in ("ago", "in"):
        count = next((_count(t) for t in toks if t.cat in "nN"), 1)
        if count is None or count == 0:
            return None
        e.unit = units[0]
        if count != int(count):  # "полтора года назад": a year and a half is 18 months
            months = count * _MONTHS_IN.get(e.unit, 0)
            if not months or months != int(months):
                return None
            e.unit, count = "M", int(months)
        count = int(count)
        if count < 0:
            e.type, e.amount = "DURATION", -1
            return e
        e.offset = -count if name == "ago" else count
        return e
    if name == "dur":
        count = next((_count(t) for t in toks if t.cat in "nNf"), None)
        if count is None or count == 0:
            return None
        e.type, e.amount, e.unit = "DURATION", count, units[0]
        return e
    if name == "weekwd":
        unit, offset = rel[:2] if rel else (units[0], mods[0])
        if unit != "W" or (units if rel else units[1:]) not in ([], ["D"]):
            return None  # "tomorrow, Tuesday" is left to the other rules
        e.weekday = next(t.value for t in toks if t.cat == "W")
        e.unit, e.offset = "W", offset  # "next week Tuesday", "geçen hafta Salı günü": that week's Tuesday
        return e
    if name == "edge":
        if units[0] not in ("Y", "Q", "M", "W"):
            return None  # "the end of the day" is a time, left to the day-part rules
        e.unit, e.offset = units[0], 0  # "by the end of the year", "до конца года", "yıl sonuna": the current one
        return e
    if name == "rel":
        unit, offset = rel[:2] if rel else (units[0], mods[0])
        e.unit, e.offset = unit, offset
        e.either = bool(rel) and len(rel) > 2
        if not rel and any("u" in t.all for t in toks if t.cat in "Uq"):
            e.type, e.amount = "DURATION", -1  # "los últimos meses", "the past few weeks": an unspecified span
        return e
    if name == "set":
        e.type = "SET"
        fixed = next((t.value for t in toks if t.cat == "K"), None)
        if fixed:
            e.ref = fixed
            return e
        count = next((_num(t) for t in toks if t.cat in "nN"), 1) or 1
        unit = next((t.value or t.all.get("U") for t in toks if t.cat in "Uqu"), None)
        if unit is None:
            return None
        e.ref = f"PT{count}H" if unit == "H" else f"P{3 * count}M" if unit == "Q" else f"P{count}{unit}"
        return e
    if name == "vague":
        unit = next(t.all.get("U") for t in toks if t.cat == "u")
        if unit is None:
            return None
        e.type, e.amount, e.unit = "DURATION", -1, unit
        return e
    if name == "clock":
        hour, minute = next(t.value for t in toks if t.cat == "C")
        e.type, e.ref, e.unit, e.offset = "TIME", f"{hour:02d}:{minute:02d}", "D", 0
        return e
    if name == "daypart":
        e.type = "TIME"
        e.ref = next(t.value for t in toks if t.cat == "H")
        e.unit, e.offset = "D", rel[1] if rel and rel[0] == "D" else 0
        e.weekday = next((t.value for t in toks if t.cat == "W"), None)
        return e
    if name == "relwd":
        e.weekday = next(t.value for t in toks if t.cat == "W")
        e.offset = mods[0]
        return e
    if name == "wd":
        if units and units != ["D"]:
            return None  # "Salı günü" (Tuesday's day) is the weekday; a weekday and another unit is not
        e.weekday = next(t.value for t in toks if t.cat == "W")
        if months and nums:
            e.month, e.day = months[0], _num(nums[0])
            if years:  # "9 Mayıs 2018 Salı günü": the date written before its weekday
                e.year, e.explicit_year = years[0], True
            if not _valid(e.year or 2000, e.month, e.day):
                return _INVALID
        return e
    if name == "decade":
        if not years or years[0] % 10 or (units and units != ["DE"] and not any(t.cat == "z" for t in toks)):
            return None  # "1990 के दशक", "la década de 1990": a decade word; "2020 के साल" is a year
        e.year = years[0]
        e.unit = "DE"
        e.explicit_year = True
        return e
    if name == "y":
        marked = len(toks) > 1  # "el 2000", "2024 йил": a determiner or year word says it is a year
        if not (1000 <= years[0] <= 2999 if marked else _BARE_YEARS[0] <= years[0] <= _BARE_YEARS[1]):
            return None
        e.year, e.explicit_year = years[0], True
        return e
    if name == "date":
        return _numeric_date(e, toks[0].value)
    if name == "fuzzy":
        e.ref = next(t.value for t in toks if t.cat == "S")
        return e
    if name == "dayof":
        day = _num(nums[0])
        if (units and units[0] != "D") or day is None or not 1 <= day <= 31:
            return None
        e.day = day
        return e
    if name == "holiday":
        e.holiday = next(t.value for t in toks if t.cat == "J")
        if years:
            e.year, e.explicit_year = years[0], True
        elif rel or units:
            unit, offset = rel[:2] if rel else (units[0], mods[-1])
            if unit != "Y":
                return None
            e.offset = offset  # "Ostern letzten Jahres"
        elif mods:
            e.tense = "past" if mods[0] < 0 else "future" if mods[0] > 0 else None  # "last Christmas"
        return e
    if name == "season":
        e.season = next(t.value for t in toks if t.cat == "V")
        e.offset = mods[0] if mods else None
        if years:
            e.year, e.explicit_year = years[0], True
        return e
    return None


def _numeric_date(e: Expr, token: str) -> Any:
    dotted = _DOTTED_DAY_MONTH.match(token)
    if dotted:
        e.day, e.month = int(dotted.group(1)), int(dotted.group(2))
        return e if _valid(2000, e.month, e.day) else _INVALID
    m = _ISO.match(token)
    if m and m.group(3) is None:
        y, mo = int(m.group(1)), int(m.group(2))
        if not _valid(y, mo, 1):
            return _INVALID
        e.year, e.month, e.explicit_year = y, mo, True
        return e
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = _NUMERIC_DATE.match(token)
        if not m:
            return _INVALID
        if m.group(1):
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        else:
            d, mo, y = int(m.group(4)), int(m.group(5)), int(m.group(6))
    if not _valid(y, mo, d):
        return _INVALID
    e.year, e.month, e.day, e.explicit_year = y, mo, d, True
    return e


def _valid(y: int | None, m: int | None, d: int | None) -> bool:
    if y is None or m is None or d is None or not 1000 <= y <= 2999:
        return False
    try:
        dt.date(y, m, d)
    except (ValueError, TypeError):
        return False
    return True


# ---------------------------------------------------------------- tense


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _mark_tense(exprs: list[Expr], text: str, lex: Lexicon) -> None:
    """Set each expression's tense from markers in its sentence (future markers win; default: none)."""
    spans = _sentences(text)
    idx = 0
    cache: dict[int, list[tuple[int, str]]] = {}
    for e in exprs:
        while idx < len(spans) - 1 and spans[idx][1] <= e.start:
            idx += 1
        if idx not in cache:
            s, t = spans[idx]
            sentence = text[s:t]
            cache[idx] = [(m.start() + s, "future") for p in lex.future for m in p.finditer(sentence)] + \
                [(m.start() + s, "past") for p in lex.past for m in p.finditer(sentence)] + \
                [(m.start() + s, "report") for p in lex.reporting for m in p.finditer(sentence)]
        # a verb of saying dates the saying, so it speaks only for expressions before it
        markers = [(pos, "past" if kind == "report" else kind) for pos, kind in cache[idx]
                   if kind != "report" or pos > e.start]
        if e.tense is not None:  # the expression said it itself ("el pasado 2 de marzo")
            continue
        # the marker nearest to the expression decides: "said (past) that in September it will (future) ..."
        e.tense = min(markers, key=lambda mk: abs(mk[0] - e.start))[1] if markers else None


# ---------------------------------------------------------------- resolution


def _fmt(d: dt.date, unit: str) -> str:
    if unit == "Y":
        return f"{d.year:04d}"
    if unit == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if unit in ("W", "WE"):
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}" + ("-WE" if unit == "WE" else "")
    if unit == "DE":
        return f"{d.year // 10:03d}"
    if unit == "CE":
        return f"{d.year // 100:02d}"
    return d.isoformat()


def _vague(a: str, b: str, unit: str) -> str:
    """The certain part of two candidate values at one granularity (TIMEX3 X placeholders for the rest)."""
    if a == b:
        return a
    if unit == "WE":
        return _vague(a[:-3], b[:-3], "W") + "-WE"
    if a[:4] != b[:4]:
        return {"W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX", "Y": "XXXX"}.get(unit, "XXXX-XX-XX")
    if unit == "W":
        return a[:4] + "-WXX"
    if unit == "M" or unit == "Q":
        return a[:4] + ("-XX" if unit == "M" else "-QX")
    if a[:7] == b[:7]:
        return a[:7] + "-XX"
    return a[:4] + "-XX-XX"


def _shift(d: dt.date, unit: str, n: int) -> dt.date:
    if unit in _UNIT_DAYS:
        return d + dt.timedelta(days=_UNIT_DAYS[unit] * n)
    months = {"Y": 12, "Q": 3, "M": 1, "DE": 120, "CE": 1200}.get(unit)
    if months is None:
        return d
    total = d.year * 12 + d.month - 1 + months * n
    y, m = divmod(total, 12)
    y = min(max(y, 1), 9999)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _both(anchor: Anchor, fn) -> str:
    """Evaluate a resolution at both ends of the anchor's span and keep what they agree on."""
    a, unit = fn(anchor.date)
    b, _ = fn(anchor.last)
    return _vague(_fmt(a, unit), _fmt(b, unit), unit)


def _year_for_month(month: int, day: int, anchor: Anchor, tense: str | None, narrative: int | None) -> list[int]:
    """Candidate years for a year-less month/day at the two ends of the anchor span."""
    out = []
    for ref in (anchor.date, anchor.last):
        if anchor.precision == "year" and narrative is not None and abs(narrative - ref.year) <= 1:
            out.append(narrative)
            continue
        y = ref.year
        if anchor.precision == "year":
            out.append(y)
            continue
        by_day = anchor.precision == "day" and day > 0  # a month alone is compared by month
        later = (month, day if by_day else 0) > (ref.month, ref.day if by_day else 0)
        earlier = (month, day if by_day else 0) < (ref.month, ref.day if by_day else 0)
        if tense == "past" and later and month != ref.month:
            y -= 1
        elif tense == "future" and earlier:
            y += 1
        out.append(y)
    return out


def rel_dir_of(offset: int | None) -> str | None:
    """Direction of a relative offset: negative is past, positive future, zero/none present."""
    if not offset:
        return None
    return "past" if offset < 0 else "future"


def _resolve_range(e: Expr, anchor: Anchor | None, narrative: int | None) -> tuple[str | None, str | None]:
    """``first/last`` of a range of days in one month ("12-15 June"), the year found as for its first day."""
    first, direction = resolve(replace(e, day2=None), anchor, narrative)
    if first is None:
        return None, None
    return f"{first}/{first[:-2]}{e.day2:02d}", direction


def holiday_date(code: str, year: int) -> dt.date | None:
    """The day a holiday code (``12-25``, ``E+49``, ``O+0``) falls on in ``year``; None where there is none."""
    if code[0] in "EO":
        try:
            easter = dateutil_easter.easter(year, dateutil_easter.EASTER_WESTERN if code[0] == "E"
                                            else dateutil_easter.EASTER_ORTHODOX)
        except ValueError:  # a year dateutil's tables do not cover
            return None
        return easter + dt.timedelta(days=int(code[1:]))
    month, day = int(code[:2]), int(code[3:])
    return dt.date(year, month, day) if _valid(year, month, day) else None


def _resolve_holiday(e: Expr, anchor: Anchor | None, direction: str | None) -> tuple[str | None, str | None]:
    """A holiday's date: in the year written or counted ("Ostern 2019", "Ostern letzten Jahres"), else the one
    nearest the document date in the direction of the tense (the coming Christmas, or the last one)."""
    fixed = e.holiday if e.holiday[0].isdigit() else None
    if e.year is not None:
        day = holiday_date(e.holiday, e.year)
    elif anchor is None:
        return (f"XXXX-{fixed}" if fixed else None), direction
    elif e.offset is not None:
        day = holiday_date(e.holiday, anchor.date.year + e.offset)
    else:
        year = anchor.date.year
        day = holiday_date(e.holiday, year)
        if day is not None and direction == "past" and day > anchor.last:
            day = holiday_date(e.holiday, year - 1)
        elif day is not None and direction == "future" and day < anchor.date:
            day = holiday_date(e.holiday, year + 1)
    return (day.isoformat() if day else None), direction


def resolve(e: Expr, anchor: Anchor | None, narrative: int | None = None) -> tuple[str | None, str | None]:
    """(TIMEX3 value, direction) of one expression; value ``None`` when it cannot be known."""
    direction = e.tense if e.tense in ("past", "future") else None
    if e.day2 is not None:
        return _resolve_range(e, anchor, narrative)
    if e.type == "DURATION":
        if e.amount is None or e.unit is None:
            return None, None
        if e.unit == "DE":
            return ("PXY" if e.amount < 0 else f"P{10 * e.amount}Y"), None
        if e.unit == "CE":
            return ("PXY" if e.amount < 0 else f"P{100 * e.amount}Y"), None
        if e.unit == "Q":  # TIMEX3 has no quarter duration unit: three quarters are nine months
            return ("PXM" if e.amount < 0 else f"P{3 * e.amount}M"), None
        n = "X" if e.amount < 0 else f"{e.amount:g}"
        if e.unit in ("H", "MI"):
            return f"PT{n}{e.unit[0]}", None
        return f"P{n}{e.unit}", None
    if e.type == "TIME" and e.ref:
        if e.weekday is not None:
            day, dirn = resolve(Expr(e.start, e.end, "wd", weekday=e.weekday, tense=e.tense), anchor)
        else:
            day, dirn = resolve(Expr(e.start, e.end, "rel", unit="D", offset=e.offset), anchor)
        return (f"{day}T{e.ref}" if day else None), dirn
    if e.ref:
        return e.ref, {"PAST_REF": "past", "FUTURE_REF": "future"}.get(e.ref)
    if e.rule == "yrange":
        return f"{e.year:04d}/{e.year2:04d}", None
    if e.rule == "decade":
        return f"{e.year // 10:03d}", None
    if e.rule == "mrange":
        if e.year is not None:
            y = e.year
        elif anchor is None:
            return f"XXXX-{e.month:02d}/XXXX-{e.month2:02d}", direction
        elif e.offset is not None:
            y = anchor.date.year + e.offset
        else:
            years = _year_for_month(e.month2, 0, anchor, e.tense, narrative)
            if len(set(years)) != 1:
                return f"XXXX-{e.month:02d}/XXXX-{e.month2:02d}", direction
            y = years[0]
        return f"{y:04d}-{e.month:02d}/{y:04d}-{e.month2:02d}", direction
    if e.rule in ("first_n", "months_of"):
        months = (e.amount or 0) * (3 if e.unit == "Q" else 1)
        if e.unit not in ("M", "Q") or not 1 <= months <= 12:
            return None, None
        if e.year is not None:
            y = e.year
        elif anchor is None:
            return None, None
        else:
            y = _shift(anchor.date, "Y", e.offset or 0).year
        dirn = None if e.offset is None else ("past" if e.offset < 0 else "future" if e.offset > 0 else None)
        return f"{y:04d}-01/{y:04d}-{months:02d}", dirn
    if e.quarter is not None:
        if e.year is not None:
            return f"{e.year:04d}-Q{e.quarter}", None
        if anchor is None:
            return f"XXXX-Q{e.quarter}", direction
        return f"{anchor.date.year:04d}-Q{e.quarter}", direction
    if e.holiday is not None:
        return _resolve_holiday(e, anchor, direction)
    if e.season is not None:
        if e.year is not None:
            return f"{e.year:04d}-{e.season}", None
        if anchor is None:
            return f"XXXX-{e.season}", direction
        return f"{anchor.date.year + (e.offset or 0):04d}-{e.season}", rel_dir_of(e.offset)
    if e.year is not None and e.month is None:
        return f"{e.year:04d}", None
    if e.year is not None and e.day is None:
        return f"{e.year:04d}-{e.month:02d}", None
    if e.year is not None:
        return f"{e.year:04d}-{e.month:02d}-{e.day:02d}", None
    if e.either and e.offset is not None:
        e = replace(e, offset=abs(e.offset) if e.tense == "future" else -abs(e.offset), either=False)
    rel_dir = None if e.offset is None else ("past" if e.offset < 0 else "future" if e.offset > 0 else None)
    if anchor is None:
        if e.month is not None and e.day is not None:
            return f"XXXX-{e.month:02d}-{e.day:02d}", direction
        if e.month is not None:
            return f"XXXX-{e.month:02d}", direction
        if e.weekday is not None:
            return f"XXXX-WXX-{e.weekday}", direction or rel_dir
        return None, rel_dir
    if e.rule in ("relm", "mrel"):
        y = _shift(anchor.date, "Y", e.offset).year
        return f"{y:04d}-{e.month:02d}", rel_dir
    if e.rule == "mdir" and e.offset == 0:  # "this September", "इस सितंबर"
        return f"{anchor.date.year:04d}-{e.month:02d}", direction
    if e.rule == "mdir":
        tense = "past" if e.offset < 0 else "future"
        years = _year_for_month(e.month, 0, anchor, tense, None)
        y = years[0] if len(set(years)) == 1 else None
        return (f"{y:04d}-{e.month:02d}" if y else f"XXXX-{e.month:02d}"), tense
    if e.rule == "weekwd":
        weekday, offset = e.weekday, e.offset

        def day_of_week(d: dt.date) -> tuple[dt.date, str]:
            monday = _shift(d, "W", offset) - dt.timedelta(days=d.isoweekday() - 1)
            return monday + dt.timedelta(days=weekday - 1), "D"

        return _both(anchor, day_of_week), rel_dir
    if e.weekday is not None:
        if e.month is not None:
            years = _year_for_month(e.month, e.day, anchor, e.tense, narrative)
            if len(set(years)) == 1 and _valid(years[0], e.month, e.day):
                return f"{years[0]:04d}-{e.month:02d}-{e.day:02d}", direction
        wd_dir = "future" if (e.offset or 0) > 0 or (e.offset is None and e.tense == "future") else "past"

        def weekday(d: dt.date) -> tuple[dt.date, str]:
            delta = (d.isoweekday() - e.weekday) % 7
            if wd_dir == "future":
                delta = -((e.weekday - d.isoweekday()) % 7 or (7 if e.offset else 0))
            elif e.offset and delta == 0:
                delta = 7
            return d - dt.timedelta(days=delta), "D"

        a, _ = weekday(anchor.date)
        b, _ = weekday(anchor.last)
        if a == b:
            return a.isoformat(), wd_dir
        return (f"{a.year:04d}-WXX-{e.weekday}" if a.year == b.year else f"XXXX-WXX-{e.weekday}"), wd_dir
    if e.month is not None:
        day = e.day or 0
        years = _year_for_month(e.month, day, anchor, e.tense, narrative)
        if len(set(years)) != 1:
            y_txt = "XXXX"
        else:
            y_txt = f"{years[0]:04d}"
            if e.day is not None and not _valid(years[0], e.month, e.day):
                return None, None
        value = f"{y_txt}-{e.month:02d}" + (f"-{e.day:02d}" if e.day is not None else "")
        return value, direction
    if e.day is not None:  # "el día 13": a day of the document's month
        if anchor.precision != "day":
            return (f"{anchor.date.year:04d}-{anchor.date.month:02d}-{e.day:02d}" if anchor.precision == "month"
                    and _valid(anchor.date.year, anchor.date.month, e.day) else None), direction
        ref = anchor.date
        if not _valid(ref.year, ref.month, e.day):
            return None, None
        return f"{ref.year:04d}-{ref.month:02d}-{e.day:02d}", direction
    if e.rule == "weekend":
        # "am Wochenende": the weekend before the document date when told as past, the coming one when told as
        # future; untold, the nearer one (a Monday's "over the weekend" is the one just gone)
        def weekend(d: dt.date) -> tuple[dt.date, str]:
            day = d.isoweekday()
            before = day < 6 and (e.tense == "past" or (e.tense is None and day <= WEEKEND_LOOKS_BACK_UNTIL))
            return _shift(d, "WE", -1 if before else 0), "WE"

        return _both(anchor, weekend), direction
    if e.unit is not None and e.offset is not None:
        unit, offset = e.unit, e.offset
        return _both(anchor, lambda d: (_shift(d, unit, offset), unit)), rel_dir
    return None, None


# ---------------------------------------------------------------- document date


def _header_date(text: str) -> tuple[str, str] | None:
    """A dateline in the first line: ("2022-11", "month")."""
    first = text.lstrip()[:200]
    m = _HEADER_DATE.match(first)
    if not m:
        return None
    if m.group(1):
        y, mo, d = int(m.group(1)), int(m.group(2)), m.group(3)
    else:
        y, mo, d = int(m.group(6)), int(m.group(5)), m.group(4)
    if d is not None and _valid(y, mo, int(d)):
        return f"{y:04d}-{mo:02d}-{int(d):02d}", "day"
    if _valid(y, mo, 1):
        return f"{y:04d}-{mo:02d}", "month"
    return None


def _post_dates(article: Article, lex_all: Lexicon) -> list[dt.date]:
    """Dates of embedded posts: from the language stage's post segments, else from attribution lines."""
    dates: list[dt.date] = []
    for seg in article.segments:
        if seg.kind == "post" and seg.meta.get("date"):
            parsed = _parse_iso(str(seg.meta["date"]))
            if parsed:
                dates.append(parsed)
    if dates:
        return dates
    for m in _POST_LINE.finditer(article.text):
        for e in recognise(m.group(1), lex_all):
            if e.year is not None and e.month is not None and e.day is not None and _valid(e.year, e.month, e.day):
                dates.append(dt.date(e.year, e.month, e.day))
    return dates


def _parse_iso(value: str) -> dt.date | None:
    m = regex.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if m and _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))):
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


def anchor_from(date: str | None) -> Anchor | None:
    """An :class:`Anchor` from a ``YYYY``/``YYYY-MM``/``YYYY-MM-DD`` string (``None`` when malformed)."""
    if not date:
        return None
    m = regex.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", date)
    if not m:
        return None
    y, mo, d = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    if not _valid(y, mo, d):
        return None
    precision = "day" if m.group(3) else "month" if m.group(2) else "year"
    return Anchor(dt.date(y, mo, d), precision)


@dataclass
class Dating:
    """The document date and the evidence behind it."""

    date: str | None = None
    precision: str | None = None
    source: str | None = None
    confidence: float | None = None
    earliest: str | None = None
    latest: str | None = None
    reason: str = ""


def _period(e: Expr) -> tuple[dt.date, dt.date] | None:
    """The calendar span an absolute expression denotes."""
    if e.year is None or e.rule in ("yrange", "first_n", "months_of", "mrange") or e.unit == "DE":
        return None
    if e.month is None:
        return dt.date(e.year, 1, 1), dt.date(e.year, 12, 31)
    if e.day is None:
        return dt.date(e.year, e.month, 1), dt.date(e.year, e.month, calendar.monthrange(e.year, e.month)[1])
    return dt.date(e.year, e.month, e.day), dt.date(e.year, e.month, e.day)


def infer_date(article: Article, exprs: list[Expr], lex_all: Lexicon) -> Dating:
    """Date an article without metadata from its header, embedded posts, or its content (see module doc)."""
    header = _header_date(article.text)
    if header:
        value, precision = header
        anchor = anchor_from(value)
        return Dating(value, precision, "header", 0.9, anchor.date.isoformat() if anchor else None,
                      anchor.last.isoformat() if anchor else None, "dateline in the first line")
    posts = _post_dates(article, lex_all)
    if posts:
        latest = max(posts)
        conf, why = 0.75, "latest embedded post"
        weekdays = {e.weekday for e in exprs if e.weekday is not None and e.month is None and e.offset is None}
        if latest.isoweekday() in weekdays:
            conf, why = 0.9, "latest embedded post, on the weekday the text names"
        return Dating(latest.isoformat(), "day", "embedded_post", conf, latest.isoformat(), None, why)
    return _infer_from_content(exprs)


def _infer_from_content(exprs: list[Expr]) -> Dating:
    year_less = any(e.year is None and e.month is not None for e in exprs)
    lower: dt.date | None = None
    lower_precision = "year"  # how finely the latest past evidence is dated
    upper: dt.date | None = None
    ap_year: int | None = None
    plan_low: int | None = None
    plan_high: int | None = None
    for e in exprs:
        span = _period(e)
        if span is not None:
            if e.tense == "future":
                upper = span[1] if upper is None else min(upper, span[1])
            else:
                if lower is None or span[0] > lower:
                    lower, lower_precision = span[0], "day" if e.day else "month" if e.month else "year"
                if e.month is not None and e.day is None and year_less:
                    # a text that writes other months without a year names the year of "November 2023"
                    # because it is not the current one (AP style); full dates often carry the year anyway
                    ap_year = max(ap_year or 0, e.year + 1)
        elif e.rule == "yrange" and e.year is not None and e.year2 is not None:
            if e.plan:
                # a named multi-year programme/plan in force or just adopted: the text is from its span
                # (or the year before it starts)
                plan_low = max(plan_low or 0, e.year - 1)
                plan_high = min(plan_high or 9999, e.year2)
            else:  # "in the years 2005-2013": a past period, a lower bound only
                lower = dt.date(e.year, 1, 1) if lower is None else max(lower, dt.date(e.year, 1, 1))
    if lower is None and plan_low is None:
        return Dating(reason="no dated evidence in the text")
    if ap_year is None and plan_low is None and lower_precision == "year" and \
            not any(e.tense == "future" and e.month for e in exprs):
        # only bare years: "the first since 1932" bounds the date but does not place it
        return Dating(earliest=lower.isoformat() if lower else None, latest=upper.isoformat() if upper else None,
                      reason="only years are mentioned: the date is bounded, not placed")
    est_year = max(y for y in (lower.year if lower else None, ap_year, plan_low) if y is not None)
    if plan_high is not None and est_year > plan_high:
        est_year = plan_high
    if upper is not None and est_year > upper.year:
        est_year = upper.year
    earliest = lower if lower is not None else dt.date(plan_low, 1, 1)
    latest = upper
    if plan_high is not None:
        plan_end = dt.date(plan_high, 12, 31)
        latest = plan_end if latest is None else min(latest, plan_end)
    if plan_low is not None and lower is None:
        earliest = dt.date(plan_low, 1, 1)
    # the nearest upcoming year-less day ("starts on 11 November") bounds the date from above
    start_from = max(earliest, dt.date(est_year, 1, 1))
    upcoming = []
    for e in exprs:
        if e.tense == "future" and e.year is None and e.month is not None and e.day is not None and e.offset is None:
            for y in (start_from.year, start_from.year + 1):
                if _valid(y, e.month, e.day) and dt.date(y, e.month, e.day) > start_from:
                    upcoming.append(dt.date(y, e.month, e.day))
                    break
    if upcoming:
        soon = min(upcoming)
        latest = soon - dt.timedelta(days=1) if latest is None else min(latest, soon - dt.timedelta(days=1))
        guess = soon - dt.timedelta(days=7)  # announcements of a dated event come days to weeks before it
        guess = max(guess, start_from)
        return Dating(f"{guess.year:04d}-{guess.month:02d}", "month", "inferred", 0.5, earliest.isoformat(),
                      latest.isoformat(), "after the latest past event, before the nearest upcoming dated event")
    if lower is not None and lower_precision != "year" and est_year == lower.year:
        # the latest dated event the text reports: written on or soon after it
        value = lower.isoformat() if lower_precision == "day" else f"{lower.year:04d}-{lower.month:02d}"
        return Dating(value, lower_precision, "inferred", 0.4, lower.isoformat(),
                      latest.isoformat() if latest else None, "on or after the latest dated past event")
    confidence = 0.4 if ap_year else 0.3
    return Dating(f"{est_year:04d}", "year", "inferred", confidence, earliest.isoformat(),
                  latest.isoformat() if latest else None,
                  ("after the latest dated past event" if lower else "") + (", " if lower and plan_low else "")
                  + ("within named multi-year plans" if plan_low else ""))


# ---------------------------------------------------------------- stage


def article_languages(article: Article) -> tuple[str, ...]:
    """The languages whose time words apply: the article's, then its segments' (embedded posts, quotes)."""
    known = set(languages())
    order: list[str] = []
    main = article.lang if article.lang in known else None
    if main is None and article.lang is None:
        main = _guess_language(article.text)
    if main:
        order.append(main)
    for seg in article.segments:
        if seg.lang in known and seg.lang not in order:
            order.append(seg.lang)
    return tuple(order)


def _guess_language(text: str) -> str | None:
    """Only when no language stage ran: a quick py3langid guess restricted to languages with time words."""
    try:
        import py3langid

        lang, _ = py3langid.classify(text[:2000])
    except Exception as exc:  # the guess is optional: without it only language-independent dates are found
        log.debug("language guess failed: %s", exc)
        return None
    return lang if lang in set(languages()) else None


def expressions(article: Article) -> list[Expr]:
    """The article's time expressions, recognised and tense-marked but not resolved.

    Public so that a corpus step that learns a better document date (from a sibling article of the same
    event) can weigh the article's own evidence and re-resolve with :func:`resolve_all`.
    """
    text = article.text or ""
    lex = lexicon(article_languages(article))
    exprs = recognise(text, lex)
    _mark_tense(exprs, text, lex)
    if lex.plans is not None:
        for e in exprs:
            if e.rule == "yrange":
                e.plan = bool(lex.plans.search(text[max(0, e.start - 40):e.end + 60]))
    return exprs


def analyse(article: Article) -> tuple[list[TimeRef], Dating | None]:
    """Time expressions of an article and, when it has no date yet, its inferred date."""
    exprs = expressions(article)
    dating = None
    anchor = anchor_from(article.date)
    if anchor is None:
        dating = infer_date(article, exprs, lexicon(languages()))
        anchor = anchor_from(dating.date)
    return resolve_all(article.text or "", exprs, anchor), dating


def resolve_all(text: str, exprs: list[Expr], anchor: Anchor | None) -> list[TimeRef]:
    """One :class:`TimeRef` per expression, in order, resolved against the document date ``anchor``."""
    times: list[TimeRef] = []
    narrative: int | None = None
    quarter: int | None = None
    quarter_end = 0
    for e in exprs:
        value, direction = resolve(e, anchor, narrative)
        if e.explicit_year and e.year is not None:
            narrative = e.year
        if value and _QUARTER.match(value):
            quarter, quarter_end = int(value[-1]), e.end
        elif quarter and value and e.rule == "ago" and e.unit == "Y" and regex.fullmatch(r"\d{4}", value) \
                and e.start - quarter_end < _QUARTER_REACH:
            # after a quarter was discussed, "a year earlier/ago" is that quarter a year before (earnings style)
            value = f"{value}-Q{quarter}"
        times.append(TimeRef(e.start, e.end, text[e.start:e.end], value, e.type, direction))
    return times


class TimeStage:
    """Fills ``times`` and, when metadata gave no date, ``date`` with its precision, source and confidence."""

    name = "time"
    requires = ("text", "lang", "segments")
    assigns = ("date", "times")

    def __call__(self, article: Article) -> Article:
        try:
            times, dating = analyse(article)
        except Exception as exc:  # a defect here must not cost the article its other stages
            log.warning("%s: time stage failed: %s", article.id, exc)
            article.meta["time_reason"] = f"error: {type(exc).__name__}: {exc}"
            return article
        article.times = times
        if article.date and not article.date_source:
            article.date_source = "metadata"
            anchor = anchor_from(article.date)
            article.date_precision = article.date_precision or (anchor.precision if anchor else None)
        if dating is not None and dating.date:
            article.date = dating.date
            article.date_precision = dating.precision
            article.date_source = dating.source
            article.date_confidence = dating.confidence
            article.date_earliest = dating.earliest
            article.date_latest = dating.latest
            article.meta["date_reason"] = dating.reason
        elif dating is not None:
            article.date_earliest = dating.earliest
            article.date_latest = dating.latest
            if dating.earliest or dating.latest:
                article.date_source = "inferred"
            article.meta["date_reason"] = dating.reason
        return article
