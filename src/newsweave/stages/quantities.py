"""Figures in the text: money, percentages and counts, in base units, with what they measure and when.

Every written number is read with its neighbours: a scale word ("Milliarden", "milyar", "млрд", "करोड़"),
a currency (symbol, ISO code, CLDR name or short news name), a percent word, a qualifier ("rund",
"ponad", "yaklaşık", "… aştı") and, for counts, the counted noun ("19 anlaşma", "23 bin şirket"). All the
words are data in :mod:`newsweave.lang.numbers` and :mod:`newsweave.lang.measures`. Dates, durations,
years and ordinals ("30 rocznica", "18वें", "20. Bölgelerarası") are not figures: the time stage's spans
and the ordinal tables exclude them. The period comes from the time stage's expressions in the same
sentence; with no time stage there is no period (none is guessed).

Malformed numbers ("1.000.000,5,3"), numbers longer than :data:`MAX_DIGITS` and values beyond
:data:`MAX_VALUE` are skipped (logged at debug level), never raised or turned into absurd values.
"""

from __future__ import annotations

import bisect
import logging
from dataclasses import dataclass, field
from functools import lru_cache

import regex
from wordfreq import available_languages, top_n_list

from newsweave.kb import frequency
from newsweave.kb.gazetteer import inflection_bases
from newsweave.lang import measures as M
from newsweave.lang import numbers as N
from newsweave.model import Article, Quantity
from newsweave.stages.facttext import (
    WORD,
    Overlaps,
    SpanIndex,
    compiled,
    countries_in,
    fold,
    lang_key,
    paragraphs,
    sentences,
    strip_suffix,
    top_countries,
)
from newsweave.stages.numberwords import number_after, number_before

log = logging.getLogger(__name__)

#: Longest digit string read as a figure; longer ones are identifiers or garbage.
MAX_DIGITS = 18
#: How far from a figure (in characters) its measure words and countries are looked for: a sentence is
#: the unit, but a run-on "sentence" of a whole page must not make every figure read all of it.
MEASURE_REACH = 300
#: Largest value in base units kept (10^16: beyond any real news figure, below float trouble).
MAX_VALUE = 1e16

_NUM = regex.compile(
    r"(?<![\p{L}\p{M}\p{Nd}.,])(?<!\p{Nd}[-/–])"
    r"(?:\p{Nd}{1,3}(?:[\u00a0\u202f ]\p{Nd}{3})+(?![\p{Nd}]|[.,]\p{Nd})"
    r"|\p{Nd}+(?:[.,'’]\p{Nd}+)*|[.,]\p{Nd}+)"
)
_CASE_SUFFIX = regex.compile(r"['’]\p{L}{1,5}(?!\p{L})")
_ELISION = regex.compile(r"\p{L}{1,3}['’](?=\p{L}{3})")
_ATTACHED = regex.compile(r"[\p{L}\p{M}'’.\-]+")
#: Spaces written inside a number ("1 000", "1\u202f000").
_NUMBER_SPACE = regex.compile(r"[\u00a0\u202f ]")
#: A word (with a closing abbreviation dot) or a unit symbol, read before a number.
_WORD_BEFORE = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}\p{N}'’\-]*\.?|[%$€£₽₸₹¥₺~≈<>≤≥]|US\$")
#: A full stop then a word: an ordinal's dot ("3. května") in languages that write ordinals so.
_DOT_THEN_WORD = regex.compile(r"\.[ \u00a0]+\p{L}")
_LAST_WORD = regex.compile(r"[\p{L}\p{M}]+$")
#: Up to three letters right before "$": a currency prefix ("NZD$15", "cad$ 15").
_CURRENCY_PREFIX = regex.compile(r"(?<![\p{L}])(\p{L}{1,3})\s?$")
_SYMBOL_CODES = N.currency_symbols()
_SYMBOL_AT = regex.compile("|".join(regex.escape(sym) for sym in sorted(_SYMBOL_CODES, key=len, reverse=True)))
_SYMBOL_END = regex.compile("(?:" + _SYMBOL_AT.pattern + r")\Z")
_YEAR = regex.compile(r"^[12]\p{Nd}{3}$")


@dataclass(slots=True)
class _Word:
    start: int
    end: int
    text: str  # folded, without a trailing full stop
    raw: str

    @property
    def base(self) -> str:
        """The word without a full stop, a Turkish-style case ending or a French/Italian elided article
        ("d'euros" -> "euros")."""
        raw = self.raw.rstrip(".")
        elided = _ELISION.match(raw)
        return fold(strip_suffix(raw[elided.end():] if elided else raw))


@dataclass(slots=True)
class _Hit:
    quantity: Quantity
    sentence: int
    paragraph: int
    unit_word: str | None = None
    post_qualifier: bool = False
    measure_base: str | None = None
    extra: dict[str, object] = field(default_factory=dict)


def parse_number(raw: str, lang: str) -> float | None:
    """Read digits with the locale's separators (and a leading minus); None when malformed or too long."""
    value = _parse_unsigned(raw.lstrip("-−"), lang)
    return -value if value is not None and raw[:1] in "-−" else value


def _parse_unsigned(raw: str, lang: str) -> float | None:
    """Digits with the locale's separators; None when malformed ("1.000.000,5,3") or too long.

    Rules: with both "." and ",", the last one is the decimal mark and may occur once; a separator occurring
    several times groups thousands (or lakhs: "1,00,000"); a single separator followed by exactly three
    digits is a group mark when it is the locale's group symbol, a decimal mark otherwise.
    """
    s = _NUMBER_SPACE.sub("", raw).replace("’", "'").replace("'", "")
    digits = sum(ch.isdigit() for ch in s)
    if digits == 0 or digits > MAX_DIGITS:
        return None
    decimal, group = N.locale_symbols(lang)
    seps = [ch for ch in s if ch in ".,"]
    if not seps:
        return _to_float(s)
    kinds = set(seps)
    if len(kinds) == 2:
        last = max(s.rfind("."), s.rfind(","))
        dec = s[last]
        if seps.count(dec) != 1 or s.find(dec) != last:
            return None
        other = "," if dec == "." else "."
        head = s[:last]
        if not _grouped(head, other):
            return None
        return _to_float(head.replace(other, "") + "." + s[last + 1:])
    sep = seps[0]
    if len(seps) > 1:
        return _to_float(s.replace(sep, "")) if _grouped(s, sep) else None
    head, _, tail = s.partition(sep)
    if not head:
        return _to_float("0." + tail)
    if len(tail) == 3 and (sep == group or (group not in ".," and sep != decimal)):
        return _to_float(head + tail)
    return _to_float(head + "." + tail)


def signed(text: str, start: int, value: float) -> tuple[int, float]:
    """A minus sign written right before the digits ("-5 proc.", "−1,2") and not after a word or digit."""
    if start > 0 and text[start - 1] in "-−" and (start < 2 or text[start - 2].isspace()):
        return start - 1, -value
    return start, value


def url_spans(text: str) -> list[tuple[int, int]]:
    """Spans of web addresses ("pic.twitter.com/x1", "https://…?a=%20"): their digits are no figures.

    Found from each "/" outwards to the surrounding spaces (a few string searches, no backtracking regex)."""
    spans: list[tuple[int, int]] = []
    pos = text.find("/")
    while pos >= 0:
        floor = max(0, pos - 500)  # a web address is shorter; the bound keeps slash-only junk linear
        left = max(text.rfind(" ", floor, pos), text.rfind("\n", floor, pos), floor - 1) + 1
        right = pos
        while right < len(text) and not text[right].isspace():
            right += 1
        token = text[left:right]
        if "://" in token or "www." in token or "." in token[:pos - left]:
            spans.append((left, right))
        pos = text.find("/", right)
    return spans


def _grouped(s: str, sep: str) -> bool:
    parts = s.split(sep)
    if not parts[0] or len(parts[0]) > 3 or not all(p.isdigit() for p in parts):
        return False
    rest = parts[1:]
    if not rest:
        return True
    return len(rest[-1]) == 3 and all(len(p) in (2, 3) for p in rest[:-1])  # 1,000,000 and Indian 1,00,00,000


def _to_float(s: str) -> float | None:
    try:
        value = float("".join(str(int(ch)) if ch.isdigit() else ch for ch in s))
    except ValueError:
        return None
    return value if value <= MAX_VALUE else None


def _words_after(text: str, pos: int, limit: int, stop: int) -> list[_Word]:
    out: list[_Word] = []
    while len(out) < limit and pos < stop:
        while pos < stop and text[pos] in " \t\u00a0\u202f":
            pos += 1
        if pos >= stop or text[pos] == "\n":
            break
        sm = _SYMBOL_AT.match(text, pos)
        sym = sm.group() if sm else None
        m = WORD.match(text, pos)
        if m and (sym is None or len(m.group()) > len(sym)):
            end = m.end()
            if end < stop and text[end] == ".":
                end += 1
            out.append(_Word(pos, end, fold(m.group()), text[pos:end]))
            pos = end
        elif sym:
            out.append(_Word(pos, pos + len(sym), sym, sym))
            pos += len(sym)
        elif text[pos] in "%％٪":
            out.append(_Word(pos, pos + 1, "%", text[pos]))
            pos += 1
        else:
            break
    return out


def _words_before(text: str, pos: int, limit: int, start: int) -> list[_Word]:
    window = text[max(start, pos - 80):pos]
    base = pos - len(window)
    if "\n" in window:
        cut = window.rindex("\n") + 1
        window, base = window[cut:], base + cut
    found: list[_Word] = []
    for m in _WORD_BEFORE.finditer(window):
        found.append(_Word(base + m.start(), base + m.end(), fold(m.group().rstrip(".")), m.group()))
    return found[-limit:]


def _at(words: list[_Word], table: dict, lang: str) -> tuple[int, object] | None:
    """Longest entry of a word table matching the start of ``words``: (number of words, value)."""
    return compiled(table, lang).at([w.base for w in words], 0) if words else None


def _ending(words: list[_Word], table: dict, lang: str) -> tuple[int, object] | None:
    """Longest entry of a word table matching the end of ``words`` (qualifiers written before the figure)."""
    return compiled(table, lang).ending_at([w.text for w in words]) if words else None


def _currency_after(words: list[_Word], lang: str) -> tuple[int, str] | None:
    if not words:
        return None
    for name, code in _currency_names_by_start(lang).get(strip_suffix(words[0].text)[:3], ()):
        if len(name) <= len(words) and all(_inflected(words[i].text, part) for i, part in enumerate(name)):
            return len(name), code
    # Uzbek *so'm* (*soʻm*): the apostrophe is the letter oʻ's, no Turkish-style case ending's
    hit = _at(words[:1], N.CURRENCY_WORDS, lang) or compiled(N.CURRENCY_WORDS, lang).at([words[0].text], 0)
    if hit:
        return 1, str(hit[1])
    if words[0].raw in _SYMBOL_CODES:
        return 1, _SYMBOL_CODES[words[0].raw]
    raw = words[0].raw.rstrip(".")
    if raw in N.iso_codes():
        return 1, raw
    return None


@lru_cache(maxsize=64)
def _currency_names_by_start(lang: str) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """CLDR currency names grouped by the first three letters of their first word, longest names first."""
    groups: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, code in N.currency_names(lang):
        groups.setdefault(name[0][:3], []).append((name, code))
    return {k: tuple(v) for k, v in groups.items()}


def _inflected(word: str, form: str) -> bool:
    """A word is a form of a CLDR name word if equal, or sharing all but the form's last letter (4+ letters)."""
    word = strip_suffix(word)
    if word == form:
        return True
    return len(form) >= 4 and word.startswith(form[:-1]) and len(word) - len(form) <= 4


class QuantityStage:
    """Money, percentages and counts (see module docstring)."""

    name = "quantities"
    requires = ("text", "lang", "times")
    assigns = ("quantities",)

    def __call__(self, article: Article) -> Article:
        article.quantities = extract_quantities(article)
        return article


def extract_quantities(article: Article) -> list[Quantity]:
    """All figures of one article, in text order."""
    text = article.text
    lang = lang_key(article.lang)
    sents = sentences(article)
    sidx, pidx = SpanIndex(sents), SpanIndex(paragraphs(text))
    time_spans = Overlaps([(t.start, t.end) for t in article.times] + url_spans(text))
    hits: list[_Hit] = []
    for start, end, value in _numbers(text, lang):
        hit = _read_figure(article, start, end, value, lang, time_spans)
        if hit is None:
            continue
        hit.sentence = sidx.index(hit.quantity.start)
        hit.paragraph = pidx.index(hit.quantity.start)
        hits.append(hit)
    hits = _without_overlaps(hits)
    if not hits:
        return []
    _inherit_currency(hits)
    _share_post_qualifiers(hits)
    _assign_measures(article, hits, sents, lang)
    _assign_periods(article, hits, sents)
    return [h.quantity for h in hits]


_TRIGGERS: dict[str, tuple[regex.Pattern, regex.Pattern]] = {}


def _triggers(lang: str) -> tuple[regex.Pattern, regex.Pattern]:
    """Regexes for the words that may follow a number in words (scale, percent, currency) and that may precede
    one (Turkish "yüzde"), built once per language from the tables so one scan finds them all."""
    found = _TRIGGERS.get(lang)
    if found is None:
        found = _TRIGGERS[lang] = (_words_regex((N.SCALES, N.PERCENT_AFTER, N.CURRENCY_WORDS), lang),
                                   _words_regex((N.PERCENT_BEFORE,), lang))
    return found


def _words_regex(tables: tuple[dict, ...], lang: str) -> regex.Pattern:
    exact: set[str] = set()
    stems: set[str] = set()
    for table in tables:
        for key in (lang, "*"):
            for form in table.get(key) or ():
                if form[:1].isalpha():
                    (stems if form.endswith("*") else exact).add(form.rstrip("*").lower())
    if not exact and not stems:
        return regex.compile(r"(?!)")
    return regex.compile(r"\b(?:\L<exact>\b|\L<stems>[\p{L}\p{M}]*)", regex.IGNORECASE,
                         exact=exact or {"\0"}, stems=stems or {"\0"})


def _numbers(text: str, lang: str) -> list[tuple[int, int, float | None]]:
    """Numbers in digits (value None: read later with its context) and, where a scale, percent or currency word
    follows ("zwanzig Prozent", "iki milyar dolar") or a percent word precedes ("yüzde yirmi"), in words."""
    found: list[tuple[int, int, float | None]] = [(m.start(), m.end(), None) for m in _NUM.finditer(text)]
    after, before = _triggers(lang)
    seen = {s for s, _, _ in found}
    spelled = [number_before(text, lang, m.start()) for m in after.finditer(text)]
    spelled += [number_after(text, lang, m.end()) for m in before.finditer(text)]
    for wn in spelled:
        if wn is not None and wn.start not in seen:
            seen.add(wn.start)
            found.append((wn.start, wn.end, wn.value))
    return sorted(found)


def _read_figure(article: Article, start: int, end: int, spelled: float | None, lang: str,
                 time_spans: Overlaps) -> _Hit | None:
    """One number with its neighbours (read within its line: abbreviations like "Mrd." or "ca." would fool a
    sentence splitter), or None when it is no figure."""
    text = article.text
    raw = text[start:end]
    if time_spans.hit(start, end):
        return None
    value = parse_number(raw, lang) if spelled is None else spelled
    if value is not None:
        start, value = signed(text, start, value)
    if value is None:
        log.debug("%s: skipped unreadable number %r at %d", article.id, raw[:40], start)
        return None
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    attached = _ATTACHED.match(text, end)
    if attached and _is_ordinal_suffix(attached.group(), lang):
        return None
    if lang in N.ORDINAL_DOT and text[end:end + 1] == "." and _DOT_THEN_WORD.match(text[end:end + 3]):
        return None
    suffix = _CASE_SUFFIX.match(text, end)  # "210'un yüzdesi", "20’lik": a case ending on the number
    after = _words_after(text, suffix.end() if suffix else end, 8, line_end)
    before = _words_before(text, start, 5, line_start)
    scale, n_used = 1.0, 0
    hit = _at(after, N.SCALES, lang)
    if hit:
        scale, n_used = float(hit[1]), hit[0]
        more = _at(after[n_used:], N.SCALES, lang)
        if more and float(more[1]) > scale:  # "हजार करोड़", "thousand crore": a scale of scales (10^10)
            scale, n_used = scale * float(more[1]), n_used + more[0]
    kind, unit, unit_word = None, None, None
    q_end = after[n_used - 1].end if n_used else end
    q_start = start
    # percent
    pct = _at(after[n_used:], N.PERCENT_AFTER, lang)
    pre = _ending(before, N.PERCENT_BEFORE, lang)
    if text[start - 1:start] == "%" and not pre:
        pre = (1, "%")
    if pct:
        kind, unit = "percent", "%"
        q_end = after[n_used + pct[0] - 1].end
        n_used += pct[0]
    elif pre:
        kind, unit = "percent", "%"
        q_start = before[-pre[0]].start if before else start - 1
        before = before[:-pre[0]]
    # currency after / before
    if kind is None and n_used and n_used < len(after) - 1 and compiled(N.SCALE_CONNECTORS, lang).word(
            after[n_used].base) is not None and (_currency_after(after[n_used + 1:], lang) or compiled(
            N.MEASURE_UNITS, lang).word(after[n_used + 1].base) is not None):
        n_used += 1  # "12 milliards de francs suisses", "1,5 millones de kilómetros"
    if kind is None:
        cur = _currency_after(after[n_used:], lang)
        if cur:
            kind, unit = "money", cur[1]
            unit_word = after[n_used + cur[0] - 1].text
            q_end = after[n_used + cur[0] - 1].end
            n_used += cur[0]
            if n_used < len(after):
                more = _at(after[n_used:], N.SCALES, lang)
                if more and scale == 1.0:
                    scale = float(more[1])
        else:
            sym = _symbol_before(text, start, before)
            if sym:
                kind, unit, unit_word = "money", sym[1], sym[2]
                q_start = sym[0]
                before = [w for w in before if w.end <= q_start]
    if kind is None and (spelled is not None or (raw.isdigit() and _YEAR.match(raw))) and scale == 1.0:
        return None
    if kind is None and n_used < len(after):
        dim = compiled(N.MEASURE_UNITS, lang).word(after[n_used].base)
        if dim is not None:  # "57 Kilometern", "1,5 млн баррелей" (a scale word was read above)
            kind, unit = "dimension", dim[0]
            scale *= dim[1]
            q_end = after[n_used].end
            n_used += 1
    if kind is None and _after_name(text, before, start, lang):
        return None  # "Ariane 5 rocket", "Chandrayaan-3", "Artikel 5": a number that is part of a name
    if kind is None:
        ends_phrase = scale != 1.0 and lang in N.CASE_ON_LAST_WORD and _inflected_scale(after[n_used - 1], lang)
        noun = None if ends_phrase else _counted_noun(text, after[n_used:n_used + 2], lang)
        if noun:
            kind, unit = "count", _count_unit(noun, lang)
            unit_word = noun.text
            q_end = noun.end
            n_used = after.index(noun) + 1
        elif scale != 1.0:
            kind = "number"
        else:
            return None
    elif after[n_used:] and _is_ordinal_noun(after[n_used], lang):
        return None
    if text[q_end - 1] == "." and q_end - q_start > 1 and not _abbreviation(text, q_end - 1, lang):
        q_end -= 1  # a sentence's full stop, not an abbreviation's ("proc.", "Mrd." keep theirs)
    value = float(f"{value * scale:.12g}")  # 16.4 * 10^6 is 16400000, not 16399999.999999998
    if value > MAX_VALUE:
        log.debug("%s: skipped absurd value %r at %d", article.id, raw[:40], start)
        return None
    qualifier, post = None, False
    qb = _ending(before, N.QUALIFIERS_BEFORE, lang)
    if qb:
        qualifier = str(qb[1])
        q_start = min(q_start, before[-qb[0]].start)
    else:
        for i in range(len(after[n_used:n_used + 4])):
            qa = _at(after[n_used + i:], N.QUALIFIERS_AFTER, lang)
            if qa:
                qualifier, post = str(qa[1]), True
                break
    quantity = Quantity(start=q_start, end=q_end, text=text[q_start:q_end], value=value, unit=unit, kind=kind,
                        qualifier=qualifier)
    return _Hit(quantity, -1, -1, unit_word=unit_word, post_qualifier=post)


def _after_name(text: str, before: list[_Word], start: int, lang: str) -> bool:
    """Whether the number is joined to a word by a hyphen, or follows a capitalised word inside a sentence
    (in languages that do not capitalise every noun)."""
    if start >= 2 and text[start - 1] in "-–" and text[start - 2].isalpha():
        return True
    if lang in N.NOUNS_CAPITALISED or not before or before[-1].end < start - 1 or not before[-1].raw[:1].isupper():
        return False
    prev = text[:before[-1].start].rstrip()
    return bool(prev) and prev[-1] not in ".!?:;\n\"'„“«»–—-(" and not before[-1].raw.isupper()


def _abbreviation(text: str, dot: int, lang: str) -> bool:
    """Whether the word before a full stop is a short table form written abbreviated ("proc.", "Mrd.", "mln.")."""
    m = _LAST_WORD.search(text[max(0, dot - 8):dot])
    if not m or len(m.group()) > 4:
        return False
    w = fold(m.group())
    return any(w in compiled(t, lang).exact for t in (N.SCALES, N.PERCENT_AFTER, N.CURRENCY_WORDS))


def _without_overlaps(hits: list[_Hit]) -> list[_Hit]:
    """The first of overlapping figures ("450 bin yen" read from its digits, not again from the word "bin")."""
    kept: list[_Hit] = []
    for h in sorted(hits, key=lambda h: (h.quantity.start, -h.quantity.end)):
        if kept and h.quantity.start < kept[-1].quantity.end:
            continue
        kept.append(h)
    return kept


def _symbol_before(text: str, start: int, before: list[_Word]) -> tuple[int, str, str] | None:
    """A currency symbol or capitalised ISO code right before the number: (its start, ISO code, as written)."""
    head = text[max(0, start - 5):start].rstrip(" \u00a0")
    sm = _SYMBOL_END.search(head)
    if sm:
        sym = sm.group()
        at = start - (len(text[max(0, start - 5):start]) - len(head)) - len(sym)
        prefix = _CURRENCY_PREFIX.search(text[max(0, at - 5):at]) if sym == "$" else None
        if prefix and prefix.group(1).upper() in N.iso_codes():  # "cad$ 15", "NZD$15"
            return at - len(prefix.group(0)), prefix.group(1).upper(), prefix.group(1) + sym
        if prefix and prefix.group(1).upper() + "$" in _SYMBOL_CODES:  # "c $ 16.4" is C$
            return at - len(prefix.group(0)), _SYMBOL_CODES[prefix.group(1).upper() + "$"], sym
        return at, _SYMBOL_CODES[sym], sym
    if before and before[-1].end >= start - 1:
        raw = before[-1].raw.rstrip(".")
        if raw in N.iso_codes():
            return before[-1].start, raw, raw
    return None


def _is_ordinal_suffix(attached: str, lang: str) -> bool:
    for suffix in N.table(N.ORDINAL_SUFFIXES, lang):
        if attached == suffix or (suffix and attached.startswith(suffix) and not suffix[-1].isalpha()):
            return True
        if len(suffix) >= 2 and attached.startswith(suffix):
            return True
    return False


def _is_ordinal_noun(word: _Word, lang: str) -> bool:
    return compiled(N.ORDINAL_NOUNS, lang).word(word.base) is not None


def _counted_noun(text: str, words: list[_Word], lang: str) -> _Word | None:
    """The counted thing after a number: the next word, or the one after it when that one names a measure and
    the next is a qualifying word ("1,500 Chinese firms", "1,5 тыс. китайских компаний", "12 büyük şirket")."""
    if not words:
        return None
    if not _is_counted_noun(words[0], lang):
        skippable = words[0].base in _function_words(lang) and len(words) > 1
        if skippable and _is_counted_noun(words[1], lang) and _measure_words(text, words[1].start, words[1].end, lang):
            return words[1]
        return None
    if not _measure_words(text, words[0].start, words[0].end, lang) and len(words) > 1 and _is_counted_noun(
            words[1], lang) and _measure_words(text, words[1].start, words[1].end, lang):
        return words[1]
    return words[0]


def _count_unit(word: _Word, lang: str) -> str:
    """The unit of counted things: the counted noun as written, or, in a language that marks case and the copula on
    the noun after a number (Turkish *14 anlaşmadır* "it is 14 agreements", *anlaşmayı*), the base form it
    inflects from that the word lists know better (*anlaşma*)."""
    base = word.base
    if lang not in N.CASE_ON_LAST_WORD:
        return base
    best = max(inflection_bases(base, base, lang), key=lambda b: frequency.zipf(b, lang))
    return best if frequency.zipf(best, lang) > frequency.zipf(base, lang) else base


def _inflected_scale(word: _Word, lang: str) -> bool:
    """Whether a scale word carries an ending beyond its table form ("milyara" of "milyar")."""
    forms = compiled(N.SCALES, lang)
    if word.base in forms.exact:
        return False
    return any(word.base.startswith(stem) and len(word.base) > len(stem) for stem in forms.stem_prefixes)


def _is_counted_noun(word: _Word, lang: str) -> bool:
    """A word after a number names counted things unless it is a time unit, month, ordinal noun or function word."""
    w = word.base
    if len(w) < 3 or not w[0].isalpha() or w in _SYMBOL_CODES:
        return False
    if _is_ordinal_noun(word, lang):
        return False
    if compiled(N.TIME_UNITS, lang).word(w) is not None or compiled(N.TIME_UNITS, "en").word(w) is not None:
        return False
    if any(w.startswith(mw) for mw in N.month_words(lang)):
        return False
    return w not in _function_words(lang) and compiled(N.NOT_COUNTED, lang).word(w) is None


def _function_words(lang: str) -> frozenset[str]:
    return _FUNCTION_WORDS.get(lang) or _load_function_words(lang)


_FUNCTION_WORDS: dict[str, frozenset[str]] = {}
_WORDFREQ_LANGS = frozenset(available_languages())


def _load_function_words(lang: str) -> frozenset[str]:
    """The language's 60 most frequent words (wordfreq): function words that never name counted things.

    Only for languages wordfreq has itself (it would otherwise substitute a neighbour, Russian for Uzbek)."""
    words = frozenset(fold(w) for w in top_n_list(lang, 60)) if lang in _WORDFREQ_LANGS else frozenset()
    _FUNCTION_WORDS[lang] = words
    return words


def _inherit_currency(hits: list[_Hit]) -> None:
    """A scaled number with no currency ("bunu 30 milyara çıkarma") takes the currency of the figure before it,
    when that one is in the same paragraph and at most one sentence back."""
    last_money: _Hit | None = None
    for h in hits:
        if h.quantity.kind == "number" and last_money is not None and last_money.paragraph == h.paragraph \
                and h.sentence - last_money.sentence <= 1:
            h.quantity.kind, h.quantity.unit = "money", last_money.quantity.unit
        if h.quantity.kind == "money":
            last_money = h


def _share_post_qualifiers(hits: list[_Hit]) -> None:
    """Gapping: "24 milyar doları, … 8,5 milyar doları aştı" — one final verb qualifies both same-case figures."""
    for i, h in enumerate(hits):
        if not h.post_qualifier:
            continue
        j = i - 1
        while j >= 0 and hits[j].sentence == h.sentence:
            p = hits[j]
            if p.quantity.qualifier is None and p.unit_word and p.unit_word == h.unit_word \
                    and p.quantity.kind == h.quantity.kind:
                p.quantity.qualifier = h.quantity.qualifier
            j -= 1


def _measure_words(text: str, start: int, end: int, lang: str) -> list[tuple[int, int, str]]:
    """(start, end, base key) of every measure word or phrase in ``text[start:end]``."""
    forms = compiled(M.MEASURE_WORDS, lang)
    compounding = lang in M.COMPOUNDING
    spans = [(m.start(), m.end()) for m in WORD.finditer(text, start, end)]
    words = [fold(strip_suffix(text[s:e])) for s, e in spans]
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        hit = forms.at(words, i)
        if hit is None and compounding:
            key = _compound_measure(words[i], lang)
            hit = (1, key) if key else None
        if hit:
            found.append((spans[i][0], spans[i + hit[0] - 1][1], str(hit[1])))
            i += hit[0]
        else:
            i += 1
    return found


@lru_cache(maxsize=65536)
def _compound_measure(word: str, lang: str) -> str | None:
    """The measure a compound names by one of its parts ("Außenhandelsumsatz" holds "handelsumsatz")."""
    return next((str(v) for stem, v in compiled(M.MEASURE_WORDS, lang).stems if len(stem) >= 5 and stem in word),
                None)


def _percent_key(base: str, text: str, start: int, end: int, lang: str) -> str:
    """A percentage's key: the rate of a rate measure, else the growth or share of the measure its clause names."""
    if base in M.RATE_MEASURES:
        return f"{base}_rate"
    words = [fold(strip_suffix(m.group())) for m in WORD.finditer(text, start, end)]
    family = base.split("_")[0]
    growth, share = compiled(M.GROWTH_WORDS, lang), compiled(M.SHARE_WORDS, lang)
    if any(growth.word(w) is not None for w in words):
        return f"{family}_growth"
    if any(share.word(w) is not None for w in words):
        return f"{family}_share"
    return f"{family}_rate"


def _clause(text: str, pos: int, start: int, end: int) -> tuple[int, int]:
    """The part of a sentence between semicolons that holds ``pos``: "…; merkez bankası faizi yüzde 50'ye …"."""
    left = text.rfind(";", start, pos)
    right = text.find(";", pos, end)
    return (left + 1 if left >= 0 else start), (right if right >= 0 else end)


def _fits_measure(kind: str, base: str) -> bool:
    """Sums of money never measure what only counts or rates measure (agreements, companies, inflation)."""
    return kind == "percent" or base not in M.COUNT_MEASURES | M.RATE_MEASURES


def _assign_measures(article: Article, hits: list[_Hit], sents: list, lang: str) -> None:
    """Measure phrase and key of every figure: a count's own noun; for money and percentages the nearest
    measure word of the clause, else the figure before in the paragraph or the previous sentence ("bu miktar")."""
    text = article.text
    subject: list[str] | None = None
    for i, h in enumerate(hits):
        q = h.quantity
        sent = sents[h.sentence] if 0 <= h.sentence < len(sents) else None
        s_start, s_end = (sent.start, sent.end) if sent else (q.start, q.end)
        c_start, c_end = _clause(text, q.start, s_start, max(s_end, q.end))
        c_start, c_end = max(c_start, q.start - MEASURE_REACH), min(c_end, q.end + MEASURE_REACH)
        base, phrase = None, None
        if q.kind == "count":
            own = _measure_words(text, q.start, q.end, lang)
            if not own:
                q.measure = q.unit
                continue
            base, phrase = own[-1][2], text[own[-1][0]:q.end]
        if base is None:
            cands = [c for c in _measure_words(text, c_start, c_end, lang) if _fits_measure(q.kind, c[2])]
            if cands:
                near = min(cands, key=lambda c: abs(c[0] - q.start) + (0 if c[0] < q.start else 1))
                base, phrase = near[2], text[near[0]:near[1]]
        if base is None:
            prev = _previous_measured(hits, i, q.kind)
            if prev:
                base, phrase = prev.measure_base, prev.quantity.measure
            elif h.sentence > 0 and sents[h.sentence - 1].start >= _para_start(text, s_start):
                ps = sents[h.sentence - 1]
                cands = [c for c in _measure_words(text, max(ps.start, ps.end - MEASURE_REACH), ps.end, lang)
                         if _fits_measure(q.kind, c[2])]
                if cands:
                    base, phrase = cands[-1][2], text[cands[-1][0]:cands[-1][1]]
        if base is None:
            continue
        h.measure_base = base
        q.measure = phrase
        key = _percent_key(base, text, c_start, c_end, lang) if q.kind == "percent" else base
        codes = countries_in(text, max(s_start, q.start - MEASURE_REACH), min(s_end, q.end + MEASURE_REACH), lang)
        if len(codes) < 2 and h.sentence > 0:
            ps = sents[h.sentence - 1]
            codes += [c for c in countries_in(text, max(ps.start, ps.end - MEASURE_REACH), ps.end, lang)
                      if c not in codes]
        if len(codes) < 2:
            if subject is None:
                subject = top_countries(text, lang)
            codes += [c for c in subject if c not in codes]
        codes = sorted(codes[:2])
        q.measure_key = f"{key}:{'-'.join(codes)}" if codes else key


def _previous_measured(hits: list[_Hit], i: int, kind: str) -> _Hit | None:
    """The nearest earlier figure of the same paragraph, one or two sentences back, whose measure fits."""
    h = hits[i]
    for j in range(i - 1, -1, -1):
        p = hits[j]
        if p.paragraph != h.paragraph or h.sentence - p.sentence > 2:
            return None
        if p.measure_base and p.sentence < h.sentence and _fits_measure(kind, p.measure_base):
            return p
    return None


def _para_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def reassign_periods(article: Article) -> None:
    """Recompute each figure's period from the article's current times, as extraction chose it.

    The corpus dating step calls it after re-resolving an article's times against a date learnt from a
    sibling article, so that a figure's period follows the new value of its expression.
    """
    sents = sentences(article)
    sidx = SpanIndex(sents)
    _assign_periods(article, [_Hit(q, sidx.index(q.start), -1) for q in article.quantities], sents)


def _assign_periods(article: Article, hits: list[_Hit], sents: list) -> None:
    """The nearest dated expression of the figure's sentence; one before the figure counts at half the distance
    ("pierwszych 9 miesięcy tego roku … o 5 proc. w stosunku do … roku poprzedniego" is about this year).

    With no date in the sentence, a duration there is the period ("mehr als 300 Verträge in den letzten 30
    Jahren" is P30Y: a total over thirty years, not a figure of the article's day)."""
    refs = sorted((t for t in article.times if t.value and t.type in ("DATE", "TIME", "DURATION")),
                  key=lambda t: t.start)
    if not refs:
        return
    starts = [t.start for t in refs]
    for h in hits:
        q = h.quantity
        if not 0 <= h.sentence < len(sents):
            continue
        s = sents[h.sentence]
        inside = refs[bisect.bisect_left(starts, s.start):bisect.bisect_left(starts, s.end)]
        dated = [t for t in inside if t.type != "DURATION"] or inside
        if dated:
            best = min(dated, key=lambda t: q.start - t.end if t.end <= q.start else 2 * (t.start - q.end))
            q.period = best.value
