"""The vocabulary of newsweave: every layer speaks in these objects.

One :class:`Article` flows through the analysis stages (each fills some of its fields), is saved
by the store, and is grouped by the corpus steps into entities, events and stories. This module
imports nothing from the rest of the package, so every other layer may depend on it.

Offsets (``start``/``end``) are always Python string indices into ``Article.text``.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

#: Keys every record of ``newsweave analyze --jsonl`` carries (docs/contract.md).
CONTRACT_KEYS = (
    "id", "lang", "date", "date_precision", "date_source", "entities", "times",
    "quantities", "quotes", "event_id", "story_id",
)


def normalize_text(text: str) -> str:
    """NFC-normalise and unify line endings so that offsets mean the same everywhere."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def content_hash(text: str) -> str:
    """Hash of the normalised text: two articles with the same hash are exact duplicates."""
    return hashlib.sha256(normalize_text(text).strip().encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Segment:
    """A paragraph, sentence, embedded post or quoted passage with its own language."""

    start: int
    end: int
    kind: str  # "paragraph" | "sentence" | "post" | "quote"
    lang: str = "und"
    script: str = "Zyyy"
    confidence: float = 0.0
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Mention:
    """A name in the text; ``entity_id`` is filled by canonicalisation (corpus step)."""

    start: int
    end: int
    text: str
    type: str  # PER | ORG | LOC | EVT | PRO | MISC
    entity_id: str | None = None
    entity_name: str | None = None
    confidence: float = 0.0
    layer: str = ""  # which recogniser layer found it (gazetteer, pattern, tagger, natasha, propagation)
    lemma: str | None = None  # inflection-folded form, the key canonicalisation starts from
    kb_id: str | None = None


@dataclass(slots=True)
class TimeRef:
    """A time expression with its TIMEX3-style normalised value."""

    start: int
    end: int
    text: str
    value: str | None
    type: str = "DATE"  # DATE | TIME | DURATION | SET
    direction: str | None = None  # "past" | "future" | None when absolute


@dataclass(slots=True)
class Quantity:
    """A figure: money, percentage or count, in base units, with what it measures and when."""

    start: int
    end: int
    text: str
    value: float | None
    unit: str | None  # ISO 4217 currency, "%", or the counted thing's unit
    kind: str  # "money" | "percent" | "count" | ...
    period: str | None = None  # TIMEX3 value of the period the figure refers to
    qualifier: str | None = None  # "about" | "over" | "under" | "up_to" | "exactly" | None
    measure: str | None = None  # the measured thing, a short phrase from the text
    measure_key: str | None = None  # canonical key, e.g. "trade_turnover:KZ-RU"


@dataclass(slots=True)
class Quote:
    """A direct quotation and who said it."""

    start: int
    end: int
    text: str
    speaker_text: str | None = None
    speaker_start: int | None = None  # span of the speaker's mention, resolved to an entity by the corpus step
    speaker_end: int | None = None
    speaker_entity_id: str | None = None
    speaker_name: str | None = None
    lang: str | None = None


@dataclass(slots=True)
class Article:
    """One news article and everything the stages learn about it."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None  # outlet / site name
    author: str | None = None
    origin: str | None = None  # where it was ingested from (file path, feed URL, WARC record)
    raw: bytes | None = None  # the input exactly as received
    raw_type: str | None = None  # "text" | "html" | "jsonl" | "feed" | "warc"
    content_hash: str = ""
    duplicate_of: str | None = None  # near-duplicate link (not analysed twice)
    # document date (the time stage fills what metadata did not give)
    date: str | None = None  # YYYY | YYYY-MM | YYYY-MM-DD
    date_precision: str | None = None  # "day" | "month" | "year"
    date_source: str | None = None  # "metadata" | "header" | "embedded_post" | "inferred"
    date_confidence: float | None = None
    date_earliest: str | None = None
    date_latest: str | None = None
    # language stage
    lang: str | None = None
    lang_confidence: float | None = None
    script: str | None = None
    segments: list[Segment] = field(default_factory=list)
    # content stages
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    embedding: list[float] | None = None
    # corpus steps
    event_id: str | None = None
    story_id: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.text = normalize_text(self.text)
        if not self.content_hash:
            self.content_hash = content_hash(self.text)

    def to_contract(self) -> dict[str, Any]:
        """The stable JSON record of ``newsweave analyze --jsonl`` (documented in docs/contract.md)."""
        return {
            "id": self.id,
            "lang": self.lang,
            "script": self.script,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_source": self.date_source,
            "date_confidence": self.date_confidence,
            "date_earliest": self.date_earliest,
            "date_latest": self.date_latest,
            "segments": [asdict(s) for s in self.segments],
            "entities": [asdict(m) for m in self.mentions],
            "times": [asdict(t) for t in self.times],
            "quantities": [asdict(q) for q in self.quantities],
            "quotes": [asdict(q) for q in self.quotes],
            "event_id": self.event_id,
            "story_id": self.story_id,
            "duplicate_of": self.duplicate_of,
        }

    @classmethod
    def from_contract(cls, record: dict[str, Any], text: str) -> Article:
        """Rebuild an analysed article from its contract record and text (store, export/import)."""
        art = cls(id=record["id"], text=text)
        for key in ("lang", "script", "title", "source", "url", "date", "date_precision", "date_source",
                    "date_confidence", "date_earliest", "date_latest", "event_id", "story_id", "duplicate_of"):
            if key in record:
                setattr(art, key, record[key])
        art.segments = [Segment(**s) for s in record.get("segments", [])]
        art.mentions = [Mention(**m) for m in record.get("entities", [])]
        art.times = [TimeRef(**t) for t in record.get("times", [])]
        art.quantities = [Quantity(**q) for q in record.get("quantities", [])]
        art.quotes = [Quote(**q) for q in record.get("quotes", [])]
        return art


@dataclass(slots=True)
class Variant:
    """One written form of an entity's name, with where it was seen."""

    name: str
    lang: str | None = None
    script: str | None = None
    count: int = 0


@dataclass(slots=True)
class Entity:
    """A canonical person, organisation, place, ...: all its variants under one stable id."""

    id: str
    name: str  # display name in Latin script (English form when known)
    type: str
    variants: list[Variant] = field(default_factory=list)
    kb_ids: dict[str, str] = field(default_factory=dict)  # e.g. {"wikidata": "Q..."}
    article_count: int = 0


@dataclass(slots=True)
class Event:
    """Something that happened once, reported (articles) or only mentioned in articles."""

    id: str
    label: str
    date: str | None = None
    date_end: str | None = None
    places: list[str] = field(default_factory=list)  # entity ids
    participants: list[str] = field(default_factory=list)  # entity ids
    article_ids: list[str] = field(default_factory=list)
    story_id: str | None = None
    kind: str = "reported"  # "reported" | "mentioned"
    mentioned_in: list[str] = field(default_factory=list)  # article ids that only mention it
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Story:
    """A chain of events with the same actors and theme over time."""

    id: str
    label: str
    event_ids: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
