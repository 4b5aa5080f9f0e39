"""Numbers written in words ("siebenunddreißig", "yüz on altı", "बीस"), read with ICU's CLDR spell-out rules.

ICU's rule-based number format knows how every CLDR language spells numbers and can parse them back.
The words it uses are generated once per language by spelling out the numbers that make up all others
(0-100, the hundreds, the powers of a thousand); a run of such words in the text is then handed to ICU's
lenient parser. Languages that write numbers as one compound word (German) are read word by word.
Inflected forms outside CLDR's rules (Russian "двадцати") are not read.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import icu

from newsweave.lang.numbers import FRACTION_WORDS
from newsweave.stages.facttext import WORD

log = logging.getLogger(__name__)

_BASES = (*range(0, 101), *range(200, 1001, 100), 10**4, 10**5, 10**6, 10**7, 10**9, 10**12)


@dataclass(slots=True, frozen=True)
class WordNumber:
    """A number written in words: its span and value."""

    start: int
    end: int
    value: float


class _Speller:
    def __init__(self, lang: str) -> None:
        self.fmt = icu.RuleBasedNumberFormat(icu.URBNFRuleSetTag.SPELLOUT, icu.Locale(lang))
        self.fmt.setLenient(True)
        words: set[str] = set()
        for n in _BASES:
            words.update(w.lower() for w in WORD.findall(self.spell(n)))
        self.words = frozenset(w for w in words if len(w) > 1 or not w.isascii())
        self.prefixes = tuple(w for w in self.words if len(w) >= 3)
        self._parsed: dict[str, float | None] = {}
        # German-style spelling writes numbers below a million as one word ("siebenunddreißig")
        self.compounds = any(len(WORD.findall(self.spell(n))) == 1 for n in (37, 199))
        # compared in NFD: the Devanagari nukta comes apart in any form, and so does a Latin letter's accent
        self.fractions = {unicodedata.normalize("NFD", w): v for w, v in FRACTION_WORDS.get(lang.split("-")[0],
                                                                                           {}).items()}

    def spell(self, value: float) -> str:
        """CLDR's spelling of a number, without the soft hyphens ICU puts between compound parts."""
        return self.fmt.format(value).replace("\u00ad", "")

    def parse(self, text: str) -> float | None:
        """The value of a run of words, when ICU reads all of it and the words are the number's own spelling.

        ICU's parser also reads a prefix of inflected words ("zweiten" as 2), so a value is kept only when every
        word is a generated number word or spelling the value back gives the same letters.
        """
        if text in self._parsed:
            return self._parsed[text]
        value = self._parse_fraction(text) if self.fractions else None
        if value is None:
            value = self._parse(text)
        if len(self._parsed) < 8192:  # the same few words recur; ICU's lenient parse is slow (~1 ms)
            self._parsed[text] = value
        return value

    def _parse(self, text: str) -> float | None:
        pos = icu.ParsePosition(0)
        try:
            result = self.fmt.parse(text, pos)
        except icu.ICUError:
            return None
        if pos.getIndex() != len(text):
            return None
        value = float(result.getDouble())
        if all(w in self.words for w in WORD.findall(text)):
            return value
        return value if _letters(self.spell(value)) == _letters(text) else None

    def _parse_fraction(self, text: str) -> float | None:
        """A run with a fraction word (:data:`FRACTION_WORDS`): *डेढ़ लाख*, *साढ़े तीन सौ*, *सवा*, *iki buçuk*."""
        words = WORD.findall(text)
        keys = [unicodedata.normalize("NFD", w) for w in words]
        at = next((i for i, key in enumerate(keys) if key in self.fractions), None)
        if at is None:
            return None
        kind, amount = self.fractions[keys[at]]
        if kind == "post":  # "iki buçuk (milyar)": the number before it and a half
            before = self._parse(" ".join(words[:at])) if at else None
            rest = words[at + 1:]
            if before is None:
                return None
            scale = self._scale(rest) if rest else 1.0
            return (before + amount) * scale if scale and (not rest or scale >= 100) else None
        if at:
            return None
        rest = words[1:]
        total = self._scale(rest) if rest else None
        if kind == "=":  # a number of its own, scaled by a scale word after it ("डेढ़ लाख")
            return amount if not rest else (amount * total if total is not None and total >= 100 else None)
        shift = amount if kind == "+" else -amount
        if not rest:
            return 1 + shift  # "सवा" alone is one and a quarter
        if total is None:
            return None
        first = total if len(rest) == 1 else self._parse(rest[0])
        if not first:
            return None
        if first >= 100:  # "सवा लाख": one and a quarter lakh
            return (1 + shift) * total
        return total * (first + shift) / first  # "साढ़े तीन हजार": three and a half thousand

    def _scale(self, words: list[str]) -> float | None:
        """The value of number words, a bare scale word ("लाख", "milyar") read as one of it, as ICU reads it only
        after "one"."""
        value = self._parse(" ".join(words))
        if value is None and len(words) == 1:
            value = self._parse(f"{self.spell(1)} {words[0]}")
        return value

    def is_word(self, word: str) -> bool:
        w = word.lower()
        return w in self.words or unicodedata.normalize("NFD", w) in self.fractions or (
            self.compounds and len(w) >= 6 and w.startswith(self.prefixes) and self.parse(w) is not None)


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


@lru_cache(maxsize=32)
def _speller(lang: str) -> _Speller | None:
    try:
        speller = _Speller(lang)
    except icu.ICUError as exc:
        log.debug("no ICU spell-out rules for %s: %s", lang, exc)
        return None
    return speller if speller.words else None


def word_numbers(text: str, lang: str, start: int = 0, end: int | None = None) -> list[WordNumber]:
    """Maximal runs of number words in ``text[start:end]`` that ICU reads as one number."""
    speller = _speller(lang)
    if speller is None:
        return []
    end = len(text) if end is None else end
    out: list[WordNumber] = []
    run: list[tuple[int, int]] = []
    for m in [*WORD.finditer(text, start, end), None]:
        if m is not None and speller.is_word(m.group()) and (not run or text[run[-1][1]:m.start()].strip() == ""):
            run.append(m.span())
            continue
        out.extend(_read_run(text, run, speller))
        run = [m.span()] if m is not None and speller.is_word(m.group()) else []
    return out


def _read_run(text: str, run: list[tuple[int, int]], speller: _Speller) -> list[WordNumber]:
    """Longest readable stretches of a run of number words, left to right ("und zwanzig" -> "zwanzig")."""
    out: list[WordNumber] = []
    i = 0
    while i < len(run):
        for j in range(len(run), i, -1):
            value = speller.parse(text[run[i][0]:run[j - 1][1]].lower())
            if value is not None:
                out.append(WordNumber(run[i][0], run[j - 1][1], value))
                i = j
                break
        else:
            i += 1
    return out


def number_before(text: str, lang: str, pos: int, span: int = 60) -> WordNumber | None:
    """The number in words that ends right before ``pos`` ("drei" in "drei Milliarden"), or None."""
    speller = _speller(lang)
    if speller is None:
        return None
    words = list(WORD.finditer(text, max(0, pos - span), pos))
    run: list[tuple[int, int]] = []
    end = pos
    for m in reversed(words):
        if text[m.end():end].strip() or not speller.is_word(m.group()):
            break
        run.insert(0, m.span())
        end = m.start()
    while run:
        value = speller.parse(text[run[0][0]:run[-1][1]].lower())
        if value is not None:
            return WordNumber(run[0][0], run[-1][1], value)
        run.pop(0)
    return None


def number_after(text: str, lang: str, pos: int, span: int = 60) -> WordNumber | None:
    """The number in words that starts right after ``pos`` ("yirmi" in "yüzde yirmi"), or None."""
    speller = _speller(lang)
    if speller is None:
        return None
    run: list[tuple[int, int]] = []
    start = pos
    for m in WORD.finditer(text, pos, min(len(text), pos + span)):
        if text[start:m.start()].strip() or not speller.is_word(m.group()):
            break
        run.append(m.span())
        start = m.end()
    while run:
        value = speller.parse(text[run[0][0]:run[-1][1]].lower())
        if value is not None:
            return WordNumber(run[0][0], run[-1][1], value)
        run.pop()
    return None
