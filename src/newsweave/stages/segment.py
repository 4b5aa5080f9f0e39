"""Paragraph, sentence and word boundaries for every script, and embedded social-media posts.

Sentences and words come from ICU's break iterators (UAX #29 plus per-language dictionaries for
Thai, Lao, Khmer, Burmese, Chinese and Japanese, which have no spaces), so no script needs a
hand-made regular expression. Break iterators are costly to build, so one per (kind, language)
is kept per thread. ICU counts UTF-16 units; the offsets returned here are Python string indices.

Any stage may import this module: ``sentences(text, lang)`` and ``words(text, lang)`` return
``(start, end)`` spans into ``text``.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from datetime import datetime
from itertools import accumulate
from typing import Any

import icu
import regex

from newsweave.lang.abbreviations import NON_FINAL

#: ICU word-break rule statuses below this are spaces and punctuation, not words.
_UBRK_WORD_NONE_LIMIT = 100

_local = threading.local()


def _iterator(kind: str, lang: str) -> icu.BreakIterator:
    """A cached break iterator; ``ss=standard`` makes ICU skip abbreviations like "Mr." and "z. B."."""
    cache: dict[tuple[str, str], icu.BreakIterator] = _local.__dict__.setdefault("cache", {})
    key = (kind, lang or "und")
    it = cache.get(key)
    if it is None:
        locale = icu.Locale(f"{lang}@ss=standard" if lang and lang != "und" else "root")
        it = (icu.BreakIterator.createSentenceInstance(locale) if kind == "sentence"
              else icu.BreakIterator.createWordInstance(locale))
        cache[key] = it
    return it


def _to_python(text: str) -> list[int] | None:
    """Map UTF-16 offsets to string indices, or None when they are the same (no astral characters).

    The length test is a fast C pass; lone surrogates count as one unit, as they do in ICU.
    """
    if len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text):
        return None
    starts = list(accumulate((2 if ord(ch) > 0xFFFF else 1 for ch in text), initial=0))
    back = [0] * (starts[-1] + 1)
    for i, u in enumerate(starts):
        back[u] = i
    return back


def _breaks(kind: str, text: str, lang: str) -> list[tuple[int, int, int]]:
    """(start, end, rule status) for every piece between two boundaries."""
    if not text:
        return []
    it = _iterator(kind, lang)
    it.setText(text)
    back = _to_python(text)
    out: list[tuple[int, int, int]] = []
    start = 0
    for end in it:
        status = it.getRuleStatus() if kind == "word" else 0
        if back is not None:
            out.append((back[start], back[end], status))
        else:
            out.append((start, end, status))
        start = end
    return out


#: A piece ending in a name's initial ("Philip H.", "В. В.", "J."): ICU ends a sentence there, a name does not.
_INITIAL_END = re.compile(r"(?:^|[\s(\"'«„“.])[^\W\d_]\.$")


def _ends_with_initial(piece: str) -> bool:
    if len(piece) < 2 or piece[-1] != "." or not piece[-2].isupper():
        return False  # the common case, decided without the regular expression
    m = _INITIAL_END.search(piece)
    return m is not None and piece[-2].isupper()


#: The last word of a piece and its period ("prof.", "A.Ş.", "m.in.").
_LAST_ABBREVIATION = re.compile(r"(?:^|[\s(\"'«„“])([^\W\d_][\w.-]*?)\.$")


def _ends_with_abbreviation(piece: str) -> bool:
    """Whether a piece ends in an abbreviation no sentence ends with (:mod:`newsweave.lang.abbreviations`)."""
    if not piece.endswith("."):
        return False
    m = _LAST_ABBREVIATION.search(piece)
    return m is not None and m.group(1).lower() in NON_FINAL


def sentences(text: str, lang: str = "und") -> list[tuple[int, int]]:
    """Sentence spans of ``text``, trimmed of surrounding white space; empty pieces dropped.

    A break right after a one-letter initial followed by a capitalised word is undone ("Ben S. Bernanke",
    "А. С. Пушкин"): ICU's abbreviation list knows titles, not initials. A sentence that really ends in
    a capital letter ("Plan B.") is rarer in news than a name with an initial. So is a break after a title, street
    word or company form that never ends a sentence (:mod:`newsweave.lang.abbreviations`: *z prof. Janem*,
    *Zelmorra Ltd. Şti. çalışanları*).
    """
    spans: list[tuple[int, int]] = []
    after_abbreviation = after_initial = False
    for start, end, _ in _breaks("sentence", text, lang):
        piece = text[start:end]
        stripped = piece.strip()
        if not stripped:
            continue
        lead = len(piece) - len(piece.lstrip())
        span = (start + lead, start + lead + len(stripped))
        if after_abbreviation or (after_initial and stripped[0].isupper()):
            spans[-1] = (spans[-1][0], span[1])
        else:
            spans.append(span)
        last = text[spans[-1][0]:spans[-1][1]]
        after_abbreviation = _ends_with_abbreviation(last)
        after_initial = _ends_with_initial(last)
    return spans


def words(text: str, lang: str = "und") -> list[tuple[int, int]]:
    """Word (and number) spans of ``text``; spaces and punctuation are not words."""
    return [(s, e) for s, e, status in _breaks("word", text, lang) if status >= _UBRK_WORD_NONE_LIMIT]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines, trimmed: plain-text articles put one paragraph per line."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        piece = match.group()
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            spans.append((match.start() + lead, match.start() + lead + len(stripped)))
    return spans


#: The attribution line an embedded tweet leaves in extracted text: "— Name (@handle) November 28, 2022".
_ATTRIBUTION = re.compile(
    r"^[ \t]*(?:[—–―-]|&mdash;)[ \t]*(?P<author>[^\n(]{0,80}?)[ \t]*\(@(?P<handle>\w{1,30})\)"
    r"[ \t]*(?P<date>[^\n]{0,40}?)[ \t]*$",
    re.MULTILINE,
)
#: The line an embedded Instagram post leaves: "A post shared by Name (@handle)", older embeds add " on <date>".
_INSTAGRAM_ATTRIBUTION = re.compile(
    r"^[ \t]*A post shared by[ \t]+(?P<author>[^\n(]{0,80}?)[ \t]*\(@(?P<handle>[\w.]{1,30})\)"
    r"(?:[ \t]+on[ \t]+(?P<date>[^\n]{0,40}?))?[ \t]*$",
    re.MULTILINE,
)
#: Links that only appear inside an embedded post.
_POST_LINK = re.compile(
    r"\b(?:pic\.twitter\.com/\w+|(?:twitter|x)\.com/\w+/status/\d+|instagram\.com/(?:p|reel)/[\w-]+)")


@dataclass(slots=True)
class Post:
    """An embedded social-media post: the attribution line and the post text around it."""

    start: int
    end: int
    attribution: tuple[int, int]
    meta: dict[str, Any] = field(default_factory=dict)


def _parse_date(date_text: str) -> str | None:
    """ISO date of an attribution's date text (any language dateparser knows), or None."""
    if not date_text:
        return None
    try:  # the embed code's own English form first: exact and a thousand times cheaper than dateparser
        return datetime.strptime(date_text, "%B %d, %Y").date().isoformat()
    except ValueError:
        pass
    import dateparser  # imported here: it is slow to import and only needed for other forms

    parsed = dateparser.parse(date_text, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date().isoformat() if parsed else None


def _clean_name(name: str) -> str:
    """The display name without the emoji and symbols people decorate it with (its own vowel signs stay: the
    Devanagari *ी* of *मोदी* is a mark, not a letter)."""
    return regex.sub(r"^[^\p{L}\p{N}]+|[^\p{L}\p{M}\p{N}]+$", "", name).strip()


def attributions(text: str) -> list[Post]:
    """Every "— Name (@handle) date" (Twitter/X) or "A post shared by Name (@handle)" (Instagram) line,
    as a post covering only that line (callers widen it), in text order."""
    posts: list[Post] = []
    if "(@" not in text:
        return posts
    for platform, pattern in (("twitter", _ATTRIBUTION), ("instagram", _INSTAGRAM_ATTRIBUTION)):
        for m in pattern.finditer(text):
            date_text = (m.group("date") or "").strip()
            meta = {"author": _clean_name(m.group("author")) or None, "handle": m.group("handle"),
                    "date": _parse_date(date_text), "date_text": date_text or None, "platform": platform}
            start = m.start() + (len(m.group()) - len(m.group().lstrip()))
            posts.append(Post(start=start, end=m.end(), attribution=(start, m.end()), meta=meta))
    posts.sort(key=lambda p: p.start)
    return posts


def has_post_link(text: str) -> bool:
    """Whether ``text`` carries a link that only an embedded post has (pic.twitter.com, /status/)."""
    return _POST_LINK.search(text) is not None
