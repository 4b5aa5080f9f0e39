"""Direct quotations and their speakers, in every quoting style.

Three kinds of quotation are found:

* text between quotation marks of any style („…“ „…” “…” «…» »…« ‚…‘ 「…」 "…"), paired on one line;
  an opening mark with no closing mark on its line is ignored, so unbalanced marks never swallow text;
* dash-introduced speech paragraphs ("- …", "— …") under a "Name, title:" header line (TV transcripts);
* embedded social-media posts (the language stage's ``post`` segments), quoted from their author.

The speaker is read from the words around the quotation: a reporting verb (data in
:mod:`newsweave.lang.quotes`) before or after it, and the person candidate nearest to that verb: a person
mention, a back-reference noun ("rosyjski przywódca", "der Staatschef", "Қозоғистон раҳбари") or a pronoun.
Back-references resolve to the nearest earlier person that fits: one tied to the same country when the
back-reference names one, otherwise the previous quotation's speaker, otherwise the nearest person.
``speaker_start``/``speaker_end`` point at the person's mention, which the corpus step resolves to an entity.

Every lookup (marks, quotations, mentions, segments) goes through sorted offsets and binary search, so an
article with thousands of marks or mentions costs time in proportion to its length.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from newsweave.lang import quotes as Q
from newsweave.model import Article, Mention, Quote
from newsweave.stages.facttext import WORD, compiled, country_of, fold, lang_key, paragraphs, strip_suffix

#: Longest quotation read between marks, in characters (a runaway pair is more likely a mistake).
MAX_QUOTE_CHARS = 4000
#: How far around a quotation its attribution is looked for, in characters.
WINDOW_CHARS = 220
_SENTENCE_END = ".!?।。"
_WORD_INNER = "‘’‚'"
_OPENERS = regex.compile("[" + regex.escape("".join(Q.QUOTE_PAIRS)) + "]")
_INLINE_ATTRIBUTION = regex.compile(r"(?<=[,!?…])\s*[—–-]\s+")
_CLOSING = regex.compile("[" + regex.escape("".join(sorted(set("".join(Q.QUOTE_PAIRS.values()))))) + "]")


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    kind: str  # "person" | "backref" | "pronoun" | "header"
    mention: Mention | None = None
    country: str | None = None


class _Spans:
    """Quotation spans, sorted, with containment and neighbour queries by binary search."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.ends = sorted(e for _, e in self.spans)
        self._reach: list[int] = []
        for _, e in self.spans:
            self._reach.append(max(e, self._reach[-1]) if self._reach else e)

    def covers(self, start: int, end: int) -> bool:
        """Whether one span holds all of ``start..end``."""
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and self._reach[i] >= end

    def last_end_before(self, pos: int) -> int | None:
        i = bisect.bisect_left(self.ends, pos) - 1
        return self.ends[i] if i >= 0 else None

    def first_start_after(self, pos: int) -> int | None:
        i = bisect.bisect_right(self.starts, pos)
        return self.starts[i] if i < len(self.starts) else None


class _People:
    """Person mentions sorted by offset: those inside a window, or the one starting at an offset."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]

    def within(self, lo: int, hi: int) -> list[Mention]:
        i, j = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)
        return [m for m in self.mentions[i:j] if m.end <= hi]

    def starting_at(self, pos: int) -> Mention | None:
        i = bisect.bisect_left(self.starts, pos)
        return self.mentions[i] if i < len(self.mentions) and self.starts[i] == pos else None


class QuoteStage:
    """Quotations with speakers (see module docstring)."""

    name = "quotes"
    requires = ("text", "lang", "segments", "mentions")
    assigns = ("quotes",)

    def __call__(self, article: Article) -> Article:
        article.quotes = extract_quotes(article)
        return article


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(opening mark, closing mark) offsets of quotations, each within one line and at most MAX_QUOTE_CHARS long.

    An opening mark pairs with the first mark after it that can close it, found by binary search in the
    positions of each closing character, so unbalanced marks cost no more than balanced ones.
    """
    closing: dict[str, list[int]] = {}
    for m in _CLOSING.finditer(text):
        if not (m.group() in _WORD_INNER and text[m.end():m.end() + 1].isalpha()):  # "so’m" closes nothing
            closing.setdefault(m.group(), []).append(m.start())
    spans: list[tuple[int, int]] = []
    pos, n = 0, len(text)
    while True:
        m = _OPENERS.search(text, pos)
        if m is None:
            return spans
        i = m.start()
        ch = text[i]
        pos = i + 1
        if ch == '"' and i > 0 and i + 1 < n and text[i + 1].isspace() and not text[i - 1].isspace():
            continue  # a straight mark closing a word cannot open a quotation
        if ch in _WORD_INNER and i > 0 and text[i - 1].isalnum():
            continue  # "O‘zbekiston": a single mark after a letter is an apostrophe, not an opening
        line_end = text.find("\n", i, i + MAX_QUOTE_CHARS)
        limit = i + MAX_QUOTE_CHARS if line_end < 0 else line_end
        close = min((_first_after(closing.get(c, []), i + 1) for c in Q.QUOTE_PAIRS[ch]), default=n)
        if i + 1 < close < limit:
            spans.append((i, close))
            pos = close + 1


def _first_after(positions: list[int], pos: int) -> int:
    k = bisect.bisect_right(positions, pos)
    return positions[k] if k < len(positions) else 1 << 62


def extract_quotes(article: Article) -> list[Quote]:
    """All quotations of one article, in text order, with speakers where the text gives them."""
    text = article.text
    lang = lang_key(article.lang)
    people = _People([m for m in article.mentions if m.type == "PER"])
    posts = [(s.start, s.end, s) for s in article.segments if s.kind == "post"]
    found: list[tuple[int, int, str, object]] = []  # start, end, how, extra
    for start, end, header, inline_end in _dash_speech(text, people):
        found.append((start, end, "dash", header if inline_end is None else inline_end))
    taken = _Spans([(s, e) for s, e, _, _ in found] + [(s, e) for s, e, _ in posts])
    for o, c in quote_spans(text):
        if taken.covers(o, c) or len(WORD.findall(text, o + 1, c)) < Q.MIN_QUOTE_WORDS:
            continue
        found.append((o + 1, c, "marks", None))
    for s, e, seg in posts:
        found.append((s, _post_body_end(text, s, e), "post", seg))
    found.sort(key=lambda f: f[0])
    quoted = _Spans([(s, e) for s, e, how, _ in found if how != "post"])
    outside = _People([m for m in people.mentions if not quoted.covers(m.start, m.end)])
    resolver = _Resolver(text, lang, people, outside)
    ctx = _Context(text, lang, outside, quoted)
    langs = _SegmentLangs(article)
    quotes: list[Quote] = []
    for start, end, how, extra in found:
        s, e = _trim(text, start, end)
        if how == "marks" and e > s and text[e - 1] == ",":
            e -= 1  # the comma of '"We will win," the coach said' belongs to the sentence, not the words
        if e <= s:
            continue
        quote = Quote(start=s, end=e, text=text[s:e], lang=langs.at(s))
        if how == "post":
            _post_speaker(text, quote, extra)
        elif how == "dash" and isinstance(extra, int):
            _set_speaker(quote, _attribution(ctx, start - 1, extra - 1), resolver)
        elif how == "dash":
            _set_speaker(quote, extra if isinstance(extra, _Cand) else None, resolver)
        else:
            _set_speaker(quote, _attribution(ctx, start - 1, end) or _carried_attribution(ctx, start - 1), resolver)
            if quote.speaker_text is None and quotes and _same_sentence(text, quotes[-1].end, start):
                prev = quotes[-1]
                quote.speaker_text, quote.speaker_start, quote.speaker_end = (
                    prev.speaker_text, prev.speaker_start, prev.speaker_end)
            if quote.speaker_text is None:
                _set_speaker(quote, _next_sentence_attribution(ctx, end), resolver)
        quotes.append(quote)
        resolver.remember(quote)
    return quotes


@dataclass(slots=True)
class _Context:
    """What every attribution lookup of one article reads."""

    text: str
    lang: str
    people: _People  # person mentions outside quotations
    quoted: _Spans


class _SegmentLangs:
    """Language of the sentence, post or quote segment at an offset (the article's language elsewhere)."""

    def __init__(self, article: Article) -> None:
        segs = sorted((s.start, s.end, s.lang) for s in article.segments
                      if s.kind in ("sentence", "post", "quote") and s.lang != "und")
        self.segs = segs
        self.starts = [s for s, _, _ in segs]
        self.default = article.lang

    def at(self, pos: int) -> str | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.segs[i][0] <= pos < self.segs[i][1]:
            return self.segs[i][2]
        return self.default


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _post_body_end(text: str, start: int, end: int) -> int:
    """End of an embedded post's words: before its "— Author (@handle) date" byline line when it has one."""
    cut = text.find("\n", start, end)
    while cut >= 0:
        if text[cut + 1:end].lstrip(" ")[:1] in Q.SPEECH_DASHES:
            return cut
        cut = text.find("\n", cut + 1, end)
    return end


def _post_speaker(text: str, quote: Quote, seg: object) -> None:
    meta = getattr(seg, "meta", {}) or {}
    for key in ("author", "handle"):
        name = meta.get(key)
        if not name:
            continue
        quote.speaker_text = str(name)
        pos = text.find(str(name), quote.start, getattr(seg, "end", quote.end))
        if pos >= 0:
            quote.speaker_start, quote.speaker_end = pos, pos + len(str(name))
        return


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), fold(m.group())) for m in WORD.finditer(text, start, end)]


def _find_forms(words: list[tuple[int, int, str]], table: dict, lang: str) -> list[tuple[int, int]]:
    """Spans of a word table's entries (single or multi-word, ``*`` stems) among the words."""
    forms = compiled(table, lang)
    keys = [strip_suffix(w[2]) for w in words]
    plain = [w[2] for w in words]
    hits: list[tuple[int, int]] = []
    for i in range(len(words)):
        hit = forms.at(keys, i) or forms.at(plain, i)
        if hit:
            hits.append((words[i][0], words[i + hit[0] - 1][1]))
    return hits


def _window_before(ctx: _Context, open_pos: int) -> int:
    """Start of the attribution window before a quotation: its sentence, after any earlier quotation."""
    text = ctx.text
    start = max(0, open_pos - WINDOW_CHARS)
    nl = text.rfind("\n", start, open_pos)
    if nl >= 0:
        start = nl + 1
    prev = ctx.quoted.last_end_before(open_pos)
    if prev is not None and prev + 1 > start:
        start = prev + 1
    for k in range(open_pos - 1, start, -1):
        if text[k] in _SENTENCE_END and k + 1 < len(text) and text[k + 1].isspace():
            return k + 1
    return start


def _window_after(ctx: _Context, close_pos: int, stop_at_quotes: bool = True) -> int:
    """End of the attribution window after a quotation: its sentence, before any later quotation."""
    text = ctx.text
    end = min(len(text), close_pos + 1 + WINDOW_CHARS)
    nl = text.find("\n", close_pos + 1, end)
    if nl >= 0:
        end = nl
    nxt = ctx.quoted.first_start_after(close_pos + 2) if stop_at_quotes else None
    if nxt is not None and close_pos + 1 < nxt - 1 < end:
        end = nxt - 1
    for k in range(close_pos + 1, end):
        if text[k] in _SENTENCE_END and (k + 1 >= len(text) or text[k + 1].isspace()):
            return k
    return end


def _attribution(ctx: _Context, open_pos: int, close_pos: int) -> _Cand | None:
    """The speaker candidate named by the words around one quotation (after it first, then before it)."""
    text, lang = ctx.text, ctx.lang
    after_end = _window_after(ctx, close_pos)
    words = _words(text, close_pos + 1, after_end)
    lead = text[close_pos + 1:words[0][0]] if words else ""
    joined = any(ch in lead for ch in ",–—-:") or text[close_pos - 1:close_pos] in (",", "!", "?")
    verb_spans = _find_forms(words[:Q.AFTER_VERB_WORDS], Q.REPORTING_VERBS, lang) if joined else []
    if verb_spans:
        cands = _candidates(ctx, words, close_pos + 1, after_end)
        if cands:
            return min(cands, key=lambda c: abs(c.start - verb_spans[0][0]))
    before_start = _window_before(ctx, open_pos)
    words = _words(text, before_start, open_pos)
    verb_spans = _find_forms(words, Q.REPORTING_VERBS, lang)
    if not verb_spans and not text[before_start:open_pos].rstrip().endswith(":"):
        return None
    cands = _candidates(ctx, words, before_start, open_pos)
    if not cands:
        return None
    if lang in Q.VERB_FINAL:
        return min(cands, key=lambda c: c.start)
    anchors = [v[0] for v in verb_spans] or [open_pos]
    return min(cands, key=lambda c: min(abs(c.start - a) for a in anchors))


def _same_sentence(text: str, prev_end: int, start: int) -> bool:
    """No sentence end or line break between two quotations: the second continues the first's attribution."""
    between = text[prev_end + 1:start - 1]
    return "\n" not in between and not any(
        ch in _SENTENCE_END and k + 1 < len(between) and between[k + 1].isspace() for k, ch in enumerate(between))


def _carried_attribution(ctx: _Context, open_pos: int) -> _Cand | None:
    """A quotation opening a paragraph after one that ends in ":" or a dangling quote mark is introduced there."""
    text = ctx.text
    line_start = text.rfind("\n", 0, open_pos) + 1
    if text[line_start:open_pos].strip() or line_start == 0:
        return None
    prev_end = line_start - 1
    while prev_end > 0 and text[prev_end - 1].isspace():
        prev_end -= 1
    if prev_end <= 0 or text[prev_end - 1] not in ":" + "".join(Q.QUOTE_PAIRS):
        return None
    return _attribution(ctx, prev_end, prev_end)


def _next_sentence_attribution(ctx: _Context, close_pos: int) -> _Cand | None:
    """Attribution in the sentence right after an unattributed quotation ("«…» … . X бу фикрни … билдирди":
    X expressed this view), when that sentence quotes nothing itself."""
    text = ctx.text
    end = _window_after(ctx, close_pos)
    if end >= len(text) or text[end] == "\n":
        return None
    start = end + 1
    stop = _window_after(ctx, start, stop_at_quotes=False)
    nxt = ctx.quoted.first_start_after(start - 1)
    if nxt is not None and nxt < stop:
        return None
    words = _words(text, start, stop)
    verbs = _find_forms(words, Q.REPORTING_VERBS, ctx.lang)
    cands = [c for c in _candidates(ctx, words, start, stop) if c.kind == "person"]
    if not verbs or not cands:
        return None
    if ctx.lang in Q.VERB_FINAL:
        return min(cands, key=lambda c: c.start)
    return min(cands, key=lambda c: min(abs(c.start - v[0]) for v in verbs))


def _candidates(ctx: _Context, words: list[tuple[int, int, str]], lo: int, hi: int) -> list[_Cand]:
    """Person mentions, back-reference nouns and pronouns in a window (outside quotations)."""
    cands = [_Cand(m.start, m.end, "person", mention=m) for m in ctx.people.within(lo, hi)]
    taken = [(c.start, c.end) for c in cands]
    for s, e in _find_forms(words, Q.BACKREF_NOUNS, ctx.lang):
        if any(ts <= s < te for ts, te in taken):
            continue
        cands.append(_Cand(s, e, "backref", country=_country_near(ctx.text, words, s, ctx.lang)))
    pronouns = compiled(Q.PRONOUNS, ctx.lang)
    cands.extend(_Cand(s, e, "pronoun") for s, e, w in words if w in pronouns.exact)
    return cands


def _country_near(text: str, words: list[tuple[int, int, str]], s: int, lang: str) -> str | None:
    """The country an adjective or noun next to a back-reference names ("rosyjski przywódca", "Қозоғистон раҳбари")."""
    idx = next((i for i, w in enumerate(words) if w[0] == s), None)
    if idx is None:
        return None
    for j in (idx - 1, idx + 1, idx - 2, idx + 2):
        if 0 <= j < len(words):
            code = country_of(text[words[j][0]:words[j][1]], lang, loose=True)
            if code:
                return code
    return None


def _set_speaker(quote: Quote, cand: _Cand | None, resolver: _Resolver) -> None:
    if cand is None:
        return
    if cand.kind == "person" and cand.mention is not None:
        m = cand.mention
        quote.speaker_text, quote.speaker_start, quote.speaker_end = m.text, m.start, m.end
        return
    if cand.kind == "header":
        quote.speaker_text, quote.speaker_start, quote.speaker_end = (
            resolver.text[cand.start:cand.end], cand.start, cand.end)
        return
    found = resolver.resolve(cand)
    if found:
        quote.speaker_start, quote.speaker_end, quote.speaker_text = found


class _Resolver:
    """Back-references and pronouns -> the person they stand for."""

    def __init__(self, text: str, lang: str, people: _People, outside: _People) -> None:
        self.text, self.lang = text, lang
        self.people, self.outside = people, outside
        self.last_speaker: tuple[int, int, str, str] | None = None
        self._affiliation: dict[str, set[str]] | None = None

    def affiliation(self, key: str) -> set[str] | None:
        """Countries named next to any mention of the person (computed on first need: most articles never ask)."""
        if self._affiliation is None:
            self._affiliation = {}
            for m in self.people.mentions:
                self._affiliation.setdefault(_person_key(m), set()).update(
                    _adjacent_countries(self.text, m, self.lang))
        return self._affiliation.get(key)

    def _before(self, pos: int) -> range:
        """Indexes of the persons outside quotations before ``pos``, nearest first."""
        return range(bisect.bisect_left(self.outside.starts, pos) - 1, -1, -1)

    def resolve(self, cand: _Cand) -> tuple[int, int, str] | None:
        """Nearest fitting person before the back-reference: same country, else the last speaker, else nearest."""
        mentions = self.outside.mentions
        if cand.country:
            for i in self._before(cand.start):
                if cand.country in (self.affiliation(_person_key(mentions[i])) or ()):
                    return mentions[i].start, mentions[i].end, mentions[i].text
        if self.last_speaker is not None and self._fits(self.last_speaker[3], cand.country):
            return self.last_speaker[:3]
        for i in self._before(cand.start):
            if self._fits(_person_key(mentions[i]), cand.country):
                return mentions[i].start, mentions[i].end, mentions[i].text
        return None

    def _fits(self, key: str, country: str | None) -> bool:
        if not country:
            return True
        codes = self.affiliation(key)
        return not codes or country in codes

    def remember(self, quote: Quote) -> None:
        """The quotation's speaker becomes the default referent of the next "he" / "the leader"."""
        if quote.speaker_start is None or quote.speaker_end is None or not quote.speaker_text:
            return
        mention = self.outside.starting_at(quote.speaker_start)
        key = _person_key(mention) if mention else fold(quote.speaker_text)
        self.last_speaker = (quote.speaker_start, quote.speaker_end, quote.speaker_text, key)


def _person_key(m: Mention) -> str:
    if m.entity_id:
        return m.entity_id
    last = fold(strip_suffix((m.lemma or m.text).split()[-1])) if (m.lemma or m.text).split() else ""
    return last.split("-")[-1][:5]


def _adjacent_countries(text: str, m: Mention, lang: str) -> set[str]:
    """Countries named within three words of a person mention ("kasachische Präsident X", "X, Rusya Başkanı")."""
    left = [w for w in WORD.finditer(text, max(0, m.start - 60), m.start)][-3:]
    right = [w for w in WORD.finditer(text, m.end, min(len(text), m.end + 40))][:3]
    codes: set[str] = set()
    for w in (*left, *right):
        code = country_of(w.group(), lang, loose=True)
        if code:
            codes.add(code)
    return codes


def _dash_speech(text: str, people: _People) -> list[tuple[int, int, _Cand | None, int | None]]:
    """Speech paragraphs opened by a dash: (start, end, header speaker, end of speech before an inline attribution).

    Under a "Name, title:" header every following dash paragraph is the header person's speech. Without a
    header a dash paragraph is speech only when it carries its own attribution after a second dash
    ("— Мы готовы …, — заявил Игорь Петров"); plain dash lines are list items.
    """
    out: list[tuple[int, int, _Cand | None, int | None]] = []
    header: _Cand | None = None
    in_speech = False
    for para in paragraphs(text):
        line = text[para.start:para.end]
        if line[0] in Q.SPEECH_DASHES and len(line) > 2 and line[1].isspace():
            if header is not None or in_speech:
                out.append((para.start + 1, para.end, header, None))
                in_speech = True
            else:
                inline = _INLINE_ATTRIBUTION.search(line, 2)
                if inline:
                    out.append((para.start + 1, para.start + inline.start() - 1, None, para.start + inline.start()))
            continue
        in_speech = False
        header = None
        if line.endswith(":") and len(WORD.findall(line)) <= Q.HEADER_MAX_WORDS:
            header = _header_speaker(text, para.start, para.end - 1, people)
    return out


def _header_speaker(text: str, start: int, end: int, people: _People) -> _Cand:
    inside = people.within(start, end)
    if inside:
        m = inside[0]
        return _Cand(m.start, m.end, "person", mention=m)
    comma = text.find(",", start, end)
    stop = comma if comma > start else end
    return _Cand(start, stop, "header")
