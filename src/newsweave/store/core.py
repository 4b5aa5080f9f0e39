"""The store: articles, their analyses, and the corpus picture, in SQLite or PostgreSQL.

Every write is one transaction (SQLite: ``BEGIN IMMEDIATE`` in WAL mode, so writers queue instead of
failing and readers keep reading a consistent snapshot), which is what makes ingestion safe against
``kill -9``: a batch is either wholly in the store or not at all, and articles stay ``pending`` until
their analysis is saved. The ``analysis`` column holds ``Article.to_contract()`` losslessly; the
mentions/times/quantities/quotes tables are its normalised copy for querying.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

import numpy as np
from alembic import command
from alembic.config import Config
from sqlalchemy import (
    Connection,
    Engine,
    Row,
    Text,
    and_,
    any_,
    bindparam,
    case,
    column,
    create_engine,
    delete,
    event,
    func,
    insert,
    literal_column,
    or_,
    select,
    text,
    update,
)
from sqlalchemy import table as sql_table
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from newsweave.model import Article, Entity, Event, Mention, Quantity, Quote, Story, Variant
from newsweave.store import neardup
from newsweave.store import schema as t

T = TypeVar("T")

#: Search snippets mark matched words with these characters before they are split into segments.
_HL_START, _HL_END = "\x02", "\x03"

#: Longest article id kept as given; longer ids are shortened with a hash suffix (ids are String(255)).
_MAX_ID = 200

_MIGRATIONS = Path(__file__).parent / "migrations"

#: Key of the PostgreSQL advisory lock that serialises writers.
_PG_WRITE_LOCK = 4711042


class StoreError(RuntimeError):
    """A store that cannot be opened or a write that cannot be done; the message says why."""


@dataclass(slots=True)
class AddResult:
    """What ``add_articles`` did with one article.

    ``status`` is ``"added"``, ``"duplicate"`` (same content hash as a stored article; nothing stored)
    or ``"near_duplicate"`` (stored with status ``duplicate`` and linked, never analysed). ``id`` is
    where the content lives in the store (for an exact duplicate: the existing article), which may
    differ from the given id when that id was already taken by other content.
    """

    status: str
    id: str
    duplicate_of: str | None = None
    origin: str | None = None


@dataclass(slots=True)
class Page(Generic[T]):
    """One page of a listing and the total number of matches."""

    items: list[T]
    total: int
    limit: int
    offset: int


@dataclass(slots=True)
class ArticleSummary:
    """An article row without its text, for listings."""

    id: str
    title: str | None
    source: str | None
    url: str | None
    lang: str | None
    script: str | None
    date: str | None
    event_id: str | None
    story_id: str | None
    status: str
    duplicate_of: str | None
    ingested_at: str


@dataclass(slots=True)
class SearchHit:
    """A full-text match: the article and a snippet as (text, is_match) segments, safe to escape piecewise."""

    article: ArticleSummary
    snippet: list[tuple[str, bool]]
    rank: float


@dataclass(slots=True)
class MentionHit:
    """One mention with the article it is in."""

    article_id: str
    article_title: str | None
    mention: Mention


@dataclass(slots=True)
class QuantityHit:
    """One figure with the article it is in."""

    article_id: str
    article_title: str | None
    quantity: Quantity


@dataclass(slots=True)
class MeasureCount:
    """One measure key with how many figures and articles state it (the facts overview's listing)."""

    key: str
    figures: int
    articles: int


@dataclass(slots=True)
class FigureHit:
    """One figure of a measure's series with the article facts aligning it needs (date and language)."""

    article_id: str
    article_date: str | None
    article_lang: str | None
    quantity: Quantity


@dataclass(slots=True)
class QuoteHit:
    """One quotation with the article it is in."""

    article_id: str
    article_title: str | None
    quote: Quote


@dataclass(slots=True)
class StoreStats:
    """Counts for ``newsweave stats`` and the web app's overview."""

    articles: int
    by_status: dict[str, int]
    by_lang: dict[str, int]
    by_source: dict[str, int]
    entities: int
    events: int
    stories: int
    mentions: int
    quantities: int
    quotes: int


@dataclass(slots=True)
class CorpusState:
    """Entities, events and stories as stored (the same shape as ``newsweave.corpus.CorpusPicture``)."""

    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)


class Picture(Protocol):
    """Anything with entities, events and stories, e.g. ``newsweave.corpus.CorpusPicture``.

    A protocol rather than an import because the corpus layer sits above the store.
    """

    entities: list[Entity]
    events: list[Event]
    stories: list[Story]


def _among(col: Any, values: Iterable[str], dialect: str) -> Any:
    """``col IN values`` with the whole list as one bound parameter (a JSON array or a PostgreSQL array).

    A plain ``IN (:p1, :p2, ...)`` binds one parameter per value: slow to compile for the thousands of
    hashes and near-duplicate keys a batch looks up, and capped by the database's parameter limit.
    """
    listed = sorted(set(values))
    if dialect == "sqlite":
        return col.in_(select(func.json_each(bindparam(None, json.dumps(listed))).table_valued("value").c.value))
    return col == any_(bindparam(None, listed, type_=ARRAY(Text)))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def database_url(location: str | Path) -> str:
    """The SQLAlchemy URL for a SQLite path or a ``postgresql://`` URL (driven by psycopg 3)."""
    loc = str(location)
    if loc.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + loc.split("://", 1)[1]
    if loc.startswith(("postgresql+", "sqlite:")):
        return loc
    return f"sqlite:///{Path(loc).expanduser()}"


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin (see _on_begin).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        _enable_wal(cur)
        cur.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a killed process never loses a commit
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers take the write lock up front: a deferred transaction that later upgrades to a write
        # lock can fail with SQLITE_BUSY without waiting, and that would lose a batch.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")

    return engine


def _enable_wal(cur: Any, tries: int = 50) -> None:
    """Switch the file to WAL once (the mode persists in the file); retry while another opener holds it.

    The switch needs an exclusive lock and SQLite answers "database is locked" at once, without the
    busy timeout, when several processes open a new file together.
    """
    for attempt in range(tries):
        if cur.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal":
            return
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError:
            if attempt == tries - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def display_location(location: str | Path) -> str:
    """The store location for messages and logs, with any password in a URL masked."""
    loc = str(location)
    if "://" not in loc:
        return loc
    try:
        return make_url(database_url(loc)).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparsable database URL>"


def open_store(location: str | Path) -> Store:
    """Open (creating and migrating as needed) the store at a SQLite path or a ``postgresql://`` URL."""
    url = database_url(location)
    engine = None
    try:
        if url.startswith("sqlite"):
            engine = _sqlite_engine(url)
        else:
            engine = create_engine(url, pool_size=5, max_overflow=10, pool_pre_ping=True)
        store = Store(engine)
        store.migrate()
    except SQLAlchemyError as exc:
        if engine is not None:
            engine.dispose()
        reason = getattr(exc, "orig", None) or exc
        raise StoreError(f"cannot open store {display_location(location)}: {type(reason).__name__}: "
                         f"{str(reason).strip().splitlines()[0] if str(reason).strip() else ''}") from exc
    return store


class Store:
    """Articles, analyses and the corpus picture; all reads are snapshots, all writes transactions."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self._writer = engine.execution_options(write=True)
        # Readers see one snapshot across the several queries of a method (count + page, entity + variants).
        # SQLite's deferred BEGIN already does; PostgreSQL's default READ COMMITTED would not. Writers stay
        # READ COMMITTED so that, once they hold the write lock, they see what the writer before them committed.
        self._reader = engine.execution_options(isolation_level="REPEATABLE READ") if self.dialect == "postgresql" \
            else engine

    # ------------------------------------------------------------------ setup

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction; writers are serialised (SQLite: BEGIN IMMEDIATE; PostgreSQL: advisory lock).

        Serialising writers is what lets ``add_articles`` check content hashes and near-duplicate keys
        and then insert without another ingest slipping the same article in between.
        """
        with self._writer.begin() as conn:
            if self.dialect == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_WRITE_LOCK})
            yield conn

    def migrate(self) -> None:
        """Bring the schema to the newest migration (idempotent; safe when several processes open at once)."""
        cfg = Config()
        cfg.set_main_option("script_location", str(_MIGRATIONS))
        with self._write() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _clean(self, row: dict[str, Any]) -> dict[str, Any]:
        """PostgreSQL text cannot hold NUL; replace it with U+FFFD, which keeps every offset unchanged."""
        if self.dialect != "postgresql":
            return row
        return {k: v.replace("\x00", "\ufffd") if isinstance(v, str) else v for k, v in row.items()}

    # ------------------------------------------------------------------ adding articles

    def add_articles(self, articles: Iterable[Article]) -> list[AddResult]:
        """Store new articles in one transaction, recognising exact and near duplicates.

        Exact duplicates (same ``content_hash``, also within the batch) are not stored. Near-duplicates
        (``newsweave.dedupe``) are stored with status ``duplicate`` and ``duplicate_of`` set to the
        original, so their raw input is kept but they are never analysed. Everything else is stored as
        ``pending``. Re-adding the same articles adds nothing, so an interrupted ingest can simply re-run.
        """
        arts = list(articles)
        if not arts:
            return []
        with self._write() as conn:
            known_hash = self._existing(conn, t.articles.c.content_hash, t.articles.c.id,
                                        [a.content_hash for a in arts])
            fresh = [a for a in arts if a.content_hash not in known_hash]
            wanted_ids = [i for a in fresh for i in (self._short_id(a), self._alt_id(a))]
            taken_ids = set(self._existing(conn, t.articles.c.id, t.articles.c.id, wanted_ids))
            art_keys = {id(a): neardup.keys(a.text) for a in fresh}
            key_owners = self._key_owners(conn, [k for ks in art_keys.values() for k in ks])
            text_cache: dict[str, str] = {}
            results, rows, key_rows = [], [], []
            now = _now()
            for art in arts:
                if art.content_hash in known_hash:
                    existing = known_hash[art.content_hash]
                    results.append(AddResult("duplicate", existing, existing, art.origin))
                    continue
                new_id = self._short_id(art)
                if new_id in taken_ids:
                    new_id = self._alt_id(art)
                keys = art_keys[id(art)]
                original = self._near_original(conn, art.text, keys, key_owners, text_cache)
                row = self._article_row(art, new_id, now)
                if original:
                    row["duplicate_of"], row["status"] = original, "duplicate"
                else:
                    key_rows.extend((k, new_id) for k in keys)
                    for k in keys:
                        key_owners.setdefault(k, []).append(new_id)
                    text_cache[new_id] = art.text
                rows.append(self._clean(row))
                known_hash[art.content_hash] = new_id
                taken_ids.add(new_id)
                results.append(AddResult("near_duplicate" if original else "added", new_id, original, art.origin))
            if rows:
                conn.execute(insert(t.articles), rows)
            self._insert_keys(conn, key_rows)
        return results

    def _insert_keys(self, conn: Connection, pairs: list[tuple[str, str]]) -> None:
        """Insert (key, article_id) pairs straight through the driver: about 25 per article, and
        SQLAlchemy's per-row parameter processing would cost more than the insert itself."""
        if pairs:
            mark = "?" if self.dialect == "sqlite" else "%s"
            conn.exec_driver_sql(f"INSERT INTO near_dup_keys (key, article_id) VALUES ({mark}, {mark})", pairs)

    @staticmethod
    def _short_id(art: Article) -> str:
        return art.id if len(art.id) <= _MAX_ID else f"{art.id[:_MAX_ID - 13]}~{art.content_hash[:12]}"

    @staticmethod
    def _alt_id(art: Article) -> str:
        """The id used when the given one is taken by other content: stable across re-runs."""
        return f"{art.id[:_MAX_ID - 13]}~{art.content_hash[:12]}"

    def _existing(self, conn: Connection, key_col: Any, val_col: Any, keys: list[str]) -> dict[str, str]:
        return {k: v for k, v in conn.execute(select(key_col, val_col).where(_among(key_col, keys, self.dialect)))}

    def _key_owners(self, conn: Connection, keys: list[str]) -> dict[str, list[str]]:
        owners: dict[str, list[str]] = {}
        c = t.near_dup_keys.c
        for key, article_id in conn.execute(select(c.key, c.article_id).where(_among(c.key, keys, self.dialect))):
            owners.setdefault(key, []).append(article_id)
        return owners

    def _near_original(self, conn: Connection, txt: str, keys: list[str], owners: dict[str, list[str]],
                       cache: dict[str, str]) -> str | None:
        """The most similar original this text near-duplicates, or None.

        Only originals own keys, so a link always points at an original and links never form chains.
        """
        shared = Counter(o for k in keys for o in owners.get(k, ()))
        if not shared:
            return None
        candidates = [cid for cid, _ in shared.most_common(neardup.MAX_CANDIDATES)]
        missing = [cid for cid in candidates if cid not in cache]
        if missing:
            a = t.articles.c
            cache.update((r.id, r.text) for r in conn.execute(select(a.id, a.text).where(a.id.in_(missing))))
        best, best_sim = None, neardup.THRESHOLD
        for cid in candidates:
            sim = neardup.similarity(txt, cache[cid])
            if sim >= best_sim:
                best, best_sim = cid, sim
        return best

    @staticmethod
    def _article_row(art: Article, new_id: str, now: str) -> dict[str, Any]:
        return {
            "id": new_id, "content_hash": art.content_hash, "text": art.text, "raw": art.raw,
            "raw_type": art.raw_type, "title": art.title, "url": art.url, "source": art.source,
            "author": art.author, "origin": art.origin, "date": art.date, "date_precision": art.date_precision,
            "date_source": art.date_source, "date_confidence": art.date_confidence,
            "date_earliest": art.date_earliest, "date_latest": art.date_latest, "lang": art.lang,
            "lang_confidence": art.lang_confidence, "script": art.script, "duplicate_of": None, "event_id": None,
            "story_id": None, "status": "pending", "analysis": None, "meta": art.meta or None, "ingested_at": now,
        }

    # ------------------------------------------------------------------ analysis

    def pending_articles(self, limit: int = 100) -> list[Article]:
        """The oldest articles still waiting for analysis (never near-duplicates)."""
        a = t.articles
        with self._reader.connect() as conn:
            rows = conn.execute(select(a).where(a.c.status == "pending").order_by(a.c.pk).limit(limit)).all()
        return [self._to_article(r, None) for r in rows]

    def count_pending(self) -> int:
        """How many articles wait for analysis."""
        with self._reader.connect() as conn:
            return conn.execute(select(func.count()).where(t.articles.c.status == "pending")).scalar_one()

    def save_analysis(self, articles: Sequence[Article], picture: Picture | None = None) -> None:
        """Save analysed articles (and, when given, the corpus picture) in one transaction.

        Each article's analysis rows are replaced, so saving again is idempotent; its status becomes
        ``analysed``. Passing the picture here rather than via ``save_corpus`` keeps articles and the
        entities/events that refer to them consistent if the process dies between the two.
        """
        with self._write() as conn:
            self._write_analysis(conn, articles)
            if picture is not None:
                self._write_corpus(conn, picture, self._load_state(conn))

    def commit_analysis(self, articles: Sequence[Article],
                        link: Callable[[list[Article], CorpusState], Picture]) -> int:
        """Link analysed articles against the stored corpus picture and save both, in one write transaction.

        Articles that are no longer pending (another process saved them meanwhile) are dropped first,
        and ``link(still_pending, stored_state)`` runs inside the transaction, so concurrent ingests
        never overwrite each other's picture. Returns how many articles were saved.
        """
        with self._write() as conn:
            ids = [art.id for art in articles]
            pending = set(conn.execute(select(t.articles.c.id).where(
                _among(t.articles.c.id, ids, self.dialect), t.articles.c.status == "pending")).scalars())
            todo = [art for art in articles if art.id in pending]
            if not todo:
                return 0
            picture = link(todo, self._load_state(conn))
            self._write_analysis(conn, todo)
            # linking may change the objects it was given, so compare with a fresh copy of the stored state
            self._write_corpus(conn, picture, self._load_state(conn))
        return len(todo)

    def _write_analysis(self, conn: Connection, articles: Sequence[Article]) -> None:
        a = t.articles
        ids = [art.id for art in articles]
        for table in (t.mentions, t.times, t.quantities, t.quotes, t.embeddings):
            conn.execute(delete(table).where(_among(table.c.article_id, ids, self.dialect)))
        mentions, times, quantities, quotes, vectors = [], [], [], [], []
        for art in articles:
            values = self._clean({
                "title": art.title, "date": art.date, "date_precision": art.date_precision,
                "date_source": art.date_source, "date_confidence": art.date_confidence,
                "date_earliest": art.date_earliest, "date_latest": art.date_latest, "lang": art.lang,
                "lang_confidence": art.lang_confidence, "script": art.script, "event_id": art.event_id,
                "story_id": art.story_id, "analysis": art.to_contract(), "meta": art.meta or None,
                "status": "duplicate" if art.duplicate_of else "analysed",
            })
            if conn.execute(update(a).where(a.c.id == art.id).values(**values)).rowcount != 1:
                raise StoreError(f"cannot save analysis of {art.id!r}: no such article in the store")
            mentions += [self._clean({"article_id": art.id, **asdict(m)}) for m in art.mentions]
            times += [self._clean({"article_id": art.id, **asdict(x)}) for x in art.times]
            quantities += [self._clean({"article_id": art.id, **asdict(q)}) for q in art.quantities]
            quotes += [self._clean({"article_id": art.id, **asdict(q)}) for q in art.quotes]
            if art.embedding is not None:
                vec = np.asarray(art.embedding, dtype="<f4")
                vectors.append({"article_id": art.id, "dim": int(vec.shape[0]), "vector": vec.tobytes()})
        for table, rows in ((t.mentions, mentions), (t.times, times), (t.quantities, quantities),
                            (t.quotes, quotes), (t.embeddings, vectors)):
            if rows:
                conn.execute(insert(table), rows)

    # ------------------------------------------------------------------ corpus picture

    def load_corpus(self) -> CorpusState:
        """Every stored entity (with variants), event (with article ids) and story (with event ids)."""
        with self._reader.connect() as conn:
            return self._load_state(conn)

    def _load_state(self, conn: Connection) -> CorpusState:
        return CorpusState(self._entities(conn, None), self._events(conn, None), self._stories(conn, None))

    def save_corpus(self, picture: Picture) -> None:
        """Replace the stored entities, events and stories with ``picture`` (the updated whole) in one transaction.

        Articles' ``event_id``/``story_id`` columns are set from the events' reported articles.
        """
        with self._write() as conn:
            self._write_corpus(conn, picture, None)

    def rewrite_corpus(self, change: Callable[[CorpusState, Callable[[Sequence[str]], list[Article]]],
                                              tuple[Picture, dict[str, str]]]) -> dict[str, str]:
        """Recompute the corpus picture and save it with event- and story-id redirects, in one write transaction.

        ``change(stored_state, load_articles)`` returns the new picture and ``{old id: surviving id}`` (event
        ids and story ids alike: they never collide);
        ``load_articles(ids)`` reads analysed articles with embeddings inside the same transaction, so no
        ingest can slip in between reading and writing, and a process killed midway leaves the store as it was.
        Returns the redirects written.
        """
        with self._write() as conn:
            picture, redirects = change(self._load_state(conn), lambda ids: self._articles(conn, ids))
            self._write_corpus(conn, picture, self._load_state(conn))
            self._save_redirects(conn, redirects)
        return redirects

    def _save_redirects(self, conn: Connection, redirects: dict[str, str]) -> None:
        """Add redirects; older ones that pointed at a now-redirected id point at its survivor (one hop, always)."""
        if not redirects:
            return
        r = t.event_redirects
        conn.execute(update(r).where(r.c.new_id == bindparam("b_old")).values(new_id=bindparam("b_new")),
                     [{"b_old": old, "b_new": new} for old, new in redirects.items()])
        conn.execute(delete(r).where(_among(r.c.old_id, list(redirects), self.dialect)))
        now = _now()
        self._insert(conn, r, [{"old_id": old, "new_id": new, "created_at": now} for old, new in redirects.items()])

    def _articles(self, conn: Connection, ids: Sequence[str]) -> list[Article]:
        """Analysed articles with their embeddings, in the order of ``ids`` (missing ids skipped)."""
        a, emb = t.articles, t.embeddings
        rows = conn.execute(select(a, emb.c.vector).outerjoin(emb, emb.c.article_id == a.c.id)
                            .where(_among(a.c.id, ids, self.dialect))).all()
        by_id = {row.id: self._to_article(row, row.vector) for row in rows}
        return [by_id[i] for i in ids if i in by_id]

    def _write_corpus(self, conn: Connection, picture: Picture, before: CorpusState | None,
                      remove_absent: bool = True) -> None:
        """Write a picture, touching only what changed since ``before`` (the stored state it was built from).

        ``before=None`` replaces everything. Otherwise entities, events and stories that differ from
        ``before`` are rewritten, new ones inserted, and (with ``remove_absent``) those the picture
        no longer has are deleted; so a batch that changes a few events costs a few rows, not a
        rewrite of the whole picture. Stories and events are updated in place, because deleting
        them would cascade to links of unchanged rows. Articles' ``event_id``/``story_id`` follow
        the reported articles of the changed events.
        """
        if before is None:
            for table in (t.story_events, t.event_articles, t.events, t.stories, t.entity_variants, t.entities):
                conn.execute(delete(table))
            conn.execute(update(t.articles).where(or_(t.articles.c.event_id.is_not(None),
                                                      t.articles.c.story_id.is_not(None)))
                         .values(event_id=None, story_id=None))
            before = CorpusState()
        old_entities = {e.id: e for e in before.entities}
        old_events = {e.id: e for e in before.events}
        old_stories = {s.id: s for s in before.stories}
        entities = [e for e in picture.entities if old_entities.get(e.id) != e]
        events = [e for e in picture.events if old_events.get(e.id) != e]
        stories = [s for s in picture.stories if old_stories.get(s.id) != s]
        gone_events: list[str] = []
        if remove_absent:
            self._delete_ids(conn, t.stories, list(old_stories.keys() - {s.id for s in picture.stories}))
            gone_events = list(old_events.keys() - {e.id for e in picture.events})
            self._delete_ids(conn, t.events, gone_events)
            self._delete_ids(conn, t.entities, list(old_entities.keys() - {e.id for e in picture.entities}))

        self._upsert(conn, t.stories, [self._clean({"id": s.id, "label": s.label, "meta": s.meta or None})
                                       for s in stories], old_stories)
        self._upsert(conn, t.events, [self._clean({
            "id": e.id, "label": e.label, "date": e.date, "date_end": e.date_end, "places": e.places,
            "participants": e.participants, "story_id": e.story_id, "kind": e.kind, "meta": e.meta or None})
            for e in events], old_events)
        self._delete_ids(conn, t.entities, [e.id for e in entities if e.id in old_entities])
        self._insert(conn, t.entities, [self._clean({"id": e.id, "name": e.name, "type": e.type,
                                                     "kb_ids": e.kb_ids or None, "article_count": e.article_count})
                                        for e in entities])
        self._insert(conn, t.entity_variants, [self._clean({"entity_id": e.id, **asdict(v)})
                                               for e in entities for v in e.variants])
        self._insert(conn, t.entity_names, [self._clean({"entity_id": e.id, "name_fold": n})
                                            for e in entities for n in _folded_names(e)])
        changed_stories = [s.id for s in stories]
        if changed_stories:
            conn.execute(delete(t.story_events).where(_among(t.story_events.c.story_id, changed_stories,
                                                             self.dialect)))
        self._insert(conn, t.story_events, [{"story_id": s.id, "event_id": ev, "position": i}
                                            for s in stories for i, ev in enumerate(s.event_ids)])
        changed_events = [e.id for e in events]
        a = t.articles
        if changed_events:
            conn.execute(delete(t.event_articles).where(_among(t.event_articles.c.event_id, changed_events,
                                                               self.dialect)))
        if changed_events or gone_events:
            conn.execute(update(a).where(_among(a.c.event_id, changed_events + gone_events, self.dialect))
                         .values(event_id=None, story_id=None))
        self._insert(conn, t.event_articles, [
            {"event_id": e.id, "article_id": aid, "role": role, "position": i}
            for e in events for role, ids in (("reported", e.article_ids), ("mentioned", e.mentioned_in))
            for i, aid in enumerate(dict.fromkeys(ids))])
        marks = [{"aid": aid, "ev": e.id, "st": e.story_id} for e in events for aid in e.article_ids]
        if marks:
            conn.execute(update(a).where(a.c.id == bindparam("aid"))
                         .values(event_id=bindparam("ev"), story_id=bindparam("st")), marks)

    @staticmethod
    def _insert(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
        if rows:
            conn.execute(insert(table), rows)

    def _upsert(self, conn: Connection, table: Any, rows: list[dict[str, Any]], existing: dict[str, Any]) -> None:
        """Insert new rows and update existing ones (by ``id``) in place."""
        self._insert(conn, table, [r for r in rows if r["id"] not in existing])
        old = [r for r in rows if r["id"] in existing]
        if old:
            cols = [k for k in old[0] if k != "id"]
            stmt = update(table).where(table.c.id == bindparam("b_id")).values(
                {c: bindparam(f"b_{c}") for c in cols})
            conn.execute(stmt, [{f"b_{k}": v for k, v in r.items()} for r in old])

    def _delete_ids(self, conn: Connection, table: Any, ids: list[str]) -> None:
        if ids:
            conn.execute(delete(table).where(_among(table.c.id, ids, self.dialect)))

    @staticmethod
    def _entities(conn: Connection, ids: list[str] | None) -> list[Entity]:
        e, v = t.entities, t.entity_variants
        query = select(e)
        vquery = select(v).order_by(v.c.entity_id, v.c.id)
        if ids is not None:
            query, vquery = query.where(e.c.id.in_(ids)), vquery.where(v.c.entity_id.in_(ids))
        found = {r.id: Entity(r.id, r.name, r.type, kb_ids=r.kb_ids or {}, article_count=r.article_count)
                 for r in conn.execute(query.order_by(e.c.id))}
        for r in conn.execute(vquery):
            found[r.entity_id].variants.append(Variant(r.name, r.lang, r.script, r.count))
        return list(found.values())

    @staticmethod
    def _events(conn: Connection, ids: list[str] | None) -> list[Event]:
        e, ea = t.events, t.event_articles
        query, lquery = select(e), select(ea).order_by(ea.c.event_id, ea.c.role, ea.c.position)
        if ids is not None:
            query, lquery = query.where(e.c.id.in_(ids)), lquery.where(ea.c.event_id.in_(ids))
        found = {r.id: Event(r.id, r.label, r.date, r.date_end, places=r.places or [],
                             participants=r.participants or [], story_id=r.story_id, kind=r.kind,
                             meta=r.meta or {}) for r in conn.execute(query.order_by(e.c.id))}
        for r in conn.execute(lquery):
            ev = found[r.event_id]
            (ev.article_ids if r.role == "reported" else ev.mentioned_in).append(r.article_id)
        return list(found.values())

    @staticmethod
    def _stories(conn: Connection, ids: list[str] | None) -> list[Story]:
        s, se = t.stories, t.story_events
        query, lquery = select(s), select(se).order_by(se.c.story_id, se.c.position)
        if ids is not None:
            query, lquery = query.where(s.c.id.in_(ids)), lquery.where(se.c.story_id.in_(ids))
        found = {r.id: Story(r.id, r.label, meta=r.meta or {}) for r in conn.execute(query.order_by(s.c.id))}
        for r in conn.execute(lquery):
            found[r.story_id].event_ids.append(r.event_id)
        return list(found.values())

    # ------------------------------------------------------------------ reading articles

    def _to_article(self, row: Row, vector: bytes | None) -> Article:
        """Rebuild an Article from its row: the analysis JSON when there is one, else the stored metadata."""
        if row.analysis:
            art = Article.from_contract(row.analysis, row.text)
        else:
            art = Article(id=row.id, text=row.text, title=row.title, url=row.url, source=row.source,
                          date=row.date, date_precision=row.date_precision, date_source=row.date_source,
                          date_confidence=row.date_confidence, date_earliest=row.date_earliest,
                          date_latest=row.date_latest, lang=row.lang, script=row.script,
                          content_hash=row.content_hash)
        art.content_hash, art.lang_confidence = row.content_hash, row.lang_confidence
        art.raw, art.raw_type, art.author, art.origin = row.raw, row.raw_type, row.author, row.origin
        art.duplicate_of, art.event_id, art.story_id = row.duplicate_of, row.event_id, row.story_id
        art.meta = dict(row.meta or {})
        if vector is not None:
            art.embedding = np.frombuffer(vector, dtype="<f4").tolist()
        return art

    def get_article(self, article_id: str) -> Article | None:
        """The full article (text, raw input, analysis, embedding), or None.

        ``event_id``/``story_id`` come from the corpus picture (columns), which is newer than the ids
        recorded in the analysis JSON when later articles re-shaped the events.
        """
        a, emb = t.articles, t.embeddings
        with self._reader.connect() as conn:
            row = conn.execute(select(a, emb.c.vector).outerjoin(emb, emb.c.article_id == a.c.id)
                               .where(a.c.id == article_id)).first()
        return None if row is None else self._to_article(row, row.vector)

    def get_articles(self, article_ids: Sequence[str]) -> list[Article]:
        """Articles for display, in the order given (missing ids skipped), in one query: text and analysis,
        without the raw input and the embedding, which no page shows."""
        if not article_ids:
            return []
        a = t.articles
        cols = [c for c in a.c if c.name != "raw"]
        with self._reader.connect() as conn:
            rows = conn.execute(select(*cols, literal_column("NULL").label("raw"))
                                .where(_among(a.c.id, article_ids, self.dialect))).all()
        by_id = {r.id: self._to_article(r, None) for r in rows}
        return [by_id[i] for i in dict.fromkeys(article_ids) if i in by_id]

    def article_summaries(self, article_ids: Sequence[str]) -> dict[str, ArticleSummary]:
        """Listing rows of the given articles by id (missing ids left out), in one query."""
        if not article_ids:
            return {}
        with self._reader.connect() as conn:
            rows = conn.execute(select(*self._SUMMARY).where(_among(t.articles.c.id, article_ids, self.dialect)))
            return {r.id: self._summary(r) for r in rows}

    def article_texts(self, article_ids: Sequence[str]) -> dict[str, str]:
        """The text of each given article by id (missing ids left out), in one query."""
        if not article_ids:
            return {}
        a = t.articles.c
        with self._reader.connect() as conn:
            return dict(conn.execute(select(a.id, a.text).where(_among(a.id, article_ids, self.dialect))).all())

    def first_mentions(self, article_ids: Sequence[str], entity_ids: Sequence[str]) -> dict[str, tuple[int, int]]:
        """(start, end) of the first mention of any of the entities in each article that has one."""
        if not article_ids or not entity_ids:
            return {}
        m = t.mentions.c
        first: dict[str, tuple[int, int]] = {}
        with self._reader.connect() as conn:
            for r in conn.execute(select(m.article_id, m.start, m.end).where(
                    _among(m.article_id, article_ids, self.dialect), _among(m.entity_id, entity_ids, self.dialect))
                    .order_by(m.article_id, m.start)):
                first.setdefault(r.article_id, (r.start, r.end))
        return first

    def article_status(self, article_id: str) -> str | None:
        """``pending``, ``analysed`` or ``duplicate``; None when there is no such article."""
        with self._reader.connect() as conn:
            return conn.execute(select(t.articles.c.status).where(t.articles.c.id == article_id)).scalar()

    _SUMMARY = (t.articles.c.id, t.articles.c.title, t.articles.c.source, t.articles.c.url, t.articles.c.lang,
                t.articles.c.script, t.articles.c.date, t.articles.c.event_id, t.articles.c.story_id,
                t.articles.c.status, t.articles.c.duplicate_of, t.articles.c.ingested_at)

    @staticmethod
    def _summary(row: Row) -> ArticleSummary:
        return ArticleSummary(row.id, row.title, row.source, row.url, row.lang, row.script, row.date,
                              row.event_id, row.story_id, row.status, row.duplicate_of, row.ingested_at)

    @staticmethod
    def _article_filters(lang: str | None, source: str | None, date_from: str | None, date_to: str | None,
                         entity_id: str | None, event_id: str | None, story_id: str | None,
                         status: str | None) -> list[Any]:
        a = t.articles.c
        conds: list[Any] = []
        if lang:
            conds.append(a.lang == lang)
        if source:
            conds.append(a.source == source)
        if date_from:
            conds.append(a.date >= date_from)
        if date_to:
            # "2024-05" as an upper bound includes every day of May
            conds.append(a.date <= date_to + "\uffff")
        if entity_id:
            conds.append(a.id.in_(select(t.mentions.c.article_id).where(t.mentions.c.entity_id == entity_id)))
        if event_id:
            conds.append(a.id.in_(select(t.event_articles.c.article_id)
                                  .where(t.event_articles.c.event_id == event_id)))
        if story_id:
            conds.append(a.story_id == story_id)
        if status:
            conds.append(a.status == status)
        return conds

    def list_articles(self, *, lang: str | None = None, source: str | None = None, date_from: str | None = None,
                      date_to: str | None = None, entity_id: str | None = None, event_id: str | None = None,
                      story_id: str | None = None, status: str | None = None, limit: int = 50,
                      offset: int = 0) -> Page[ArticleSummary]:
        """Articles matching every given filter, newest date first (undated last), then by id.

        Dates are ``YYYY[-MM[-DD]]`` strings compared as prefixes; ``event_id`` matches articles that
        report or mention the event.
        """
        conds = self._article_filters(lang, source, date_from, date_to, entity_id, event_id, story_id, status)
        a = t.articles.c
        with self._reader.connect() as conn:
            total = conn.execute(select(func.count()).select_from(t.articles).where(*conds)).scalar_one()
            # "DESC NULLS LAST" rather than sorting on "date IS NULL" first: SQLite then reads the date indexes
            # in order (a page of the newest of 100,000 articles without sorting them all)
            rows = conn.execute(select(*self._SUMMARY).where(*conds)
                                .order_by(a.date.desc().nulls_last(), a.id).limit(limit).offset(offset))
            items = [self._summary(r) for r in rows]
        return Page(items, total, limit, offset)

    def iter_articles(self, batch: int = 500) -> Iterator[Article]:
        """Every article in storage order, in batches (export, re-analysis)."""
        a, emb = t.articles, t.embeddings
        last = 0
        while True:
            with self._reader.connect() as conn:
                rows = conn.execute(select(a, emb.c.vector).outerjoin(emb, emb.c.article_id == a.c.id)
                                    .where(a.c.pk > last).order_by(a.c.pk).limit(batch)).all()
            if not rows:
                return
            for row in rows:
                yield self._to_article(row, row.vector)
            last = rows[-1].pk

    def iter_article_rows(self, batch: int = 500) -> Iterator[dict[str, Any]]:
        """Every article as a plain dict of its stored columns plus ``embedding`` (export)."""
        a, emb = t.articles, t.embeddings
        cols = [c for c in a.c if c.name != "pk"]
        last = 0
        while True:
            with self._reader.connect() as conn:
                rows = conn.execute(select(a.c.pk, *cols, emb.c.vector).outerjoin(emb, emb.c.article_id == a.c.id)
                                    .where(a.c.pk > last).order_by(a.c.pk).limit(batch)).all()
            if not rows:
                return
            for row in rows:
                rec = {c.name: getattr(row, c.name) for c in cols}
                rec["embedding"] = None if row.vector is None else np.frombuffer(row.vector, "<f4").tolist()
                yield rec
            last = rows[-1].pk

    def count_embeddings(self) -> int:
        """How many articles have an embedding.

        The condition on the key, always true, makes SQLite count the key index (under a millisecond at
        100,000); a bare ``count(*)`` reads every vector's pages (tens of milliseconds).
        """
        emb = t.embeddings.c
        with self._reader.connect() as conn:
            return conn.execute(select(func.count()).where(emb.article_id >= "")).scalar_one()

    def embeddings(self, article_ids: Sequence[str] | None = None) -> Iterator[tuple[str, np.ndarray]]:
        """(article id, float32 vector) for every article with an embedding, or for the given ids."""
        emb = t.embeddings
        with self._reader.connect() as conn:
            if article_ids is None:
                rows: Iterable[Row] = conn.execute(select(emb).order_by(emb.c.article_id)).all()
            else:
                rows = conn.execute(select(emb).where(_among(emb.c.article_id, article_ids, self.dialect))
                                    .order_by(emb.c.article_id)).all()
        for r in rows:
            yield r.article_id, np.frombuffer(r.vector, dtype="<f4")

    # ------------------------------------------------------------------ search

    def search(self, query: str, *, lang: str | None = None, source: str | None = None,
               date_from: str | None = None, date_to: str | None = None, entity_id: str | None = None,
               event_id: str | None = None, story_id: str | None = None, include_duplicates: bool = False,
               limit: int = 20, offset: int = 0) -> Page[SearchHit]:
        """Full-text search over title and text (all words must occur), best match first, with snippets.

        Takes the same filters as ``list_articles``. Near-duplicates are left out unless asked for,
        since they repeat their original's text.
        """
        words = _query_words(query)
        if not words:
            return Page([], 0, limit, offset)
        a = t.articles
        conds = self._article_filters(lang, source, date_from, date_to, entity_id, event_id, story_id, None)
        if not include_duplicates:
            conds.append(a.c.status != "duplicate")
        if self.dialect == "sqlite":
            fts = sql_table("articles_fts", column("rowid"))
            index = literal_column("articles_fts")
            match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
            source_rows = fts.join(a, a.c.pk == fts.c.rowid)
            conds.append(text("articles_fts MATCH :q").bindparams(q=match))
            snippet = func.snippet(index, -1, _HL_START, _HL_END, "…", 24)
            score = -func.bm25(index)
        else:
            tsq = func.plainto_tsquery("simple", " ".join(words))
            source_rows = a
            conds.append(literal_column("articles.tsv").op("@@")(tsq))
            snippet = func.ts_headline("simple", func.left(a.c.text, 100_000), tsq,
                                       f"StartSel={_HL_START}, StopSel={_HL_END}, MaxWords=35, MinWords=15")
            score = func.ts_rank(literal_column("articles.tsv"), tsq)
        with self._reader.connect() as conn:
            total = conn.execute(select(func.count()).select_from(source_rows).where(*conds)).scalar_one()
            hits = conn.execute(select(*self._SUMMARY, snippet.label("snippet"), score.label("score"))
                                .select_from(source_rows).where(*conds)
                                .order_by(literal_column("score").desc(), a.c.id).limit(limit).offset(offset)).all()
        items = [SearchHit(self._summary(h), _segments(h.snippet or ""), float(h.score)) for h in hits]
        return Page(items, total, limit, offset)

    # ------------------------------------------------------------------ entities, events, stories

    def get_entity(self, entity_id: str) -> Entity | None:
        """One entity with all its variants, or None."""
        with self._reader.connect() as conn:
            found = self._entities(conn, [entity_id])
        return found[0] if found else None

    def get_entities(self, entity_ids: Sequence[str]) -> list[Entity]:
        """The entities among the given ids, with their variants, in the order given (one query per table)."""
        if not entity_ids:
            return []
        with self._reader.connect() as conn:
            by_id = {x.id: x for x in self._entities(conn, list(dict.fromkeys(entity_ids)))}
        return [by_id[i] for i in dict.fromkeys(entity_ids) if i in by_id]

    def list_entities(self, *, type: str | None = None, name: str | None = None, limit: int = 50,
                      offset: int = 0) -> Page[Entity]:
        """Entities, most-reported first; ``name`` matches the canonical name or any variant as a substring,
        after Unicode case folding (Казах = казах, STRASSE = Straße), in any script."""
        e = t.entities
        conds = []
        if type:
            conds.append(e.c.type == type)
        if name:
            conds.append(e.c.id.in_(self._named(name.casefold())))
        with self._reader.connect() as conn:
            total = conn.execute(select(func.count()).select_from(e).where(*conds)).scalar_one()
            ids = list(conn.execute(select(e.c.id).where(*conds).order_by(e.c.article_count.desc(), e.c.id)
                                    .limit(limit).offset(offset)).scalars())
            by_id = {x.id: x for x in self._entities(conn, ids)} if ids else {}
        return Page([by_id[i] for i in ids], total, limit, offset)

    def _named(self, fold: str) -> Any:
        """Ids of entities with a casefolded name containing ``fold``: through the trigram index where the
        backend has one (SQLite's FTS5 trigram table needs three characters; PostgreSQL's pg_trgm index
        serves the same LIKE), else a scan of the folded names."""
        n = t.entity_names
        if self.dialect == "postgresql":
            fold = fold.replace("\x00", "\ufffd")  # as stored (see _clean): PostgreSQL text cannot hold NUL
        if self.dialect == "sqlite" and len(fold) >= 3 and "\x00" not in fold:
            # An FTS5 query string ends at a NUL ("unterminated string"); such a name goes to the scan.
            fts = sql_table("entity_names_fts", column("rowid"))
            phrase = '"' + fold.replace('"', '""') + '"'
            return select(n.c.entity_id).where(n.c.id.in_(
                select(fts.c.rowid).where(text("entity_names_fts MATCH :name_phrase").bindparams(
                    name_phrase=phrase))))
        return select(n.c.entity_id).where(n.c.name_fold.contains(fold, autoescape=True))

    def entity_mentions(self, entity_id: str, *, limit: int = 50, offset: int = 0) -> Page[MentionHit]:
        """Where an entity is mentioned, in article order."""
        m, a = t.mentions, t.articles
        cond = m.c.entity_id == entity_id
        with self._reader.connect() as conn:
            total = conn.execute(select(func.count()).select_from(m).where(cond)).scalar_one()
            rows = conn.execute(select(m, a.c.title.label("article_title")).join(a, a.c.id == m.c.article_id)
                                .where(cond).order_by(a.c.pk, m.c.start).limit(limit).offset(offset)).all()
        return Page([MentionHit(r.article_id, r.article_title, _mention(r)) for r in rows], total, limit, offset)

    def entity_timeline(self, entity_id: str) -> list[tuple[str, int]]:
        """(YYYY-MM, articles) for every month in which dated articles mention the entity, in month order."""
        a, m = t.articles.c, t.mentions.c
        month = func.substr(a.date, 1, 7)
        with self._reader.connect() as conn:
            return [(r[0], r[1]) for r in conn.execute(
                select(month, func.count()).where(a.id.in_(select(m.article_id).where(m.entity_id == entity_id)),
                                                  a.date.is_not(None), a.date != "")
                .group_by(month).order_by(month))]

    def co_occurring(self, entity_id: str, article_ids: Sequence[str], limit: int = 15) -> list[tuple[str, int]]:
        """(entity id, articles) of the other entities mentioned in the given articles, most articles first."""
        if not article_ids:
            return []
        m = t.mentions.c
        n = func.count(m.article_id.distinct())
        with self._reader.connect() as conn:
            return [(r[0], r[1]) for r in conn.execute(
                select(m.entity_id, n).where(_among(m.article_id, article_ids, self.dialect),
                                             m.entity_id.is_not(None), m.entity_id != entity_id)
                .group_by(m.entity_id).order_by(n.desc(), m.entity_id).limit(limit))]

    def quotes_about(self, entity_id: str, article_ids: Sequence[str]) -> list[QuoteHit]:
        """Quotations in the given articles that hold a mention of the entity and are not by it, in the
        order of the articles given, then by position."""
        if not article_ids:
            return []
        q, m, a = t.quotes, t.mentions, t.articles
        inside = select(m.c.id).where(m.c.article_id == q.c.article_id, m.c.entity_id == entity_id,
                                      q.c.start <= m.c.start, m.c.end <= q.c.end).exists()
        with self._reader.connect() as conn:
            rows = conn.execute(select(q, a.c.title.label("article_title")).join(a, a.c.id == q.c.article_id)
                                .where(_among(q.c.article_id, article_ids, self.dialect), inside,
                                       or_(q.c.speaker_entity_id.is_(None), q.c.speaker_entity_id != entity_id))
                                .order_by(q.c.article_id, q.c.start)).all()
        order = {aid: i for i, aid in enumerate(dict.fromkeys(article_ids))}
        rows.sort(key=lambda r: (order[r.article_id], r.start))
        return [QuoteHit(r.article_id, r.article_title, _quote(r)) for r in rows]

    def get_event(self, event_id: str) -> Event | None:
        """One event with its reporting and mentioning article ids, or None.

        An id that a re-clustering pass merged away gives the event that absorbed it (its ``id`` differs
        from the one asked for), so old links keep working.
        """
        with self._reader.connect() as conn:
            found = self._events(conn, [event_id])
            if not found and (target := self._redirect(conn, event_id)):
                found = self._events(conn, [target])
        return found[0] if found else None

    def resolve_event_id(self, event_id: str) -> str | None:
        """The id under which an event lives now: itself, the survivor it was merged into, or None."""
        with self._reader.connect() as conn:
            if conn.execute(select(t.events.c.id).where(t.events.c.id == event_id)).first():
                return event_id
            return self._redirect(conn, event_id)

    @staticmethod
    def _redirect(conn: Connection, event_id: str) -> str | None:
        r = t.event_redirects
        return conn.execute(select(r.c.new_id).where(r.c.old_id == event_id)).scalar()

    def list_events(self, *, date_from: str | None = None, date_to: str | None = None,
                    entity_id: str | None = None, story_id: str | None = None, kind: str | None = None,
                    limit: int = 50, offset: int = 0) -> Page[Event]:
        """Events, newest first; ``entity_id`` matches events with that participant or place in an article."""
        e, ea, m = t.events, t.event_articles, t.mentions
        conds = []
        if date_from:
            conds.append(e.c.date >= date_from)
        if date_to:
            conds.append(e.c.date <= date_to + "\uffff")
        if story_id:
            conds.append(e.c.story_id == story_id)
        if kind:
            conds.append(e.c.kind == kind)
        if entity_id:
            conds.append(e.c.id.in_(select(ea.c.event_id).join(m, m.c.article_id == ea.c.article_id)
                                    .where(and_(m.c.entity_id == entity_id, ea.c.role == "reported"))))
        with self._reader.connect() as conn:
            total = conn.execute(select(func.count()).select_from(e).where(*conds)).scalar_one()
            ids = list(conn.execute(select(e.c.id).where(*conds).order_by(e.c.date.desc().nulls_last(), e.c.id)
                                    .limit(limit).offset(offset)).scalars())
            by_id = {x.id: x for x in self._events(conn, ids)} if ids else {}
        return Page([by_id[i] for i in ids], total, limit, offset)

    def get_events(self, event_ids: Sequence[str]) -> list[Event]:
        """The events among the given ids, with their article ids, in the order given (missing ids skipped)."""
        if not event_ids:
            return []
        with self._reader.connect() as conn:
            by_id = {x.id: x for x in self._events(conn, list(dict.fromkeys(event_ids)))}
        return [by_id[i] for i in dict.fromkeys(event_ids) if i in by_id]

    def get_story(self, story_id: str) -> Story | None:
        """One story with its event ids in order, or None. A story that a re-clustering pass emptied gives the
        story that now holds its events (its ``id`` differs from the one asked for)."""
        with self._reader.connect() as conn:
            found = self._stories(conn, [story_id])
            if not found and (target := self._redirect(conn, story_id)):
                found = self._stories(conn, [target])
        return found[0] if found else None

    def resolve_story_id(self, story_id: str) -> str | None:
        """The id under which a story lives now: itself, the story that took its events over, or None."""
        with self._reader.connect() as conn:
            if conn.execute(select(t.stories.c.id).where(t.stories.c.id == story_id)).first():
                return story_id
            return self._redirect(conn, story_id)

    def list_stories(self, *, limit: int = 50, offset: int = 0) -> Page[Story]:
        """Stories, those with the most events first."""
        s, se = t.stories, t.story_events
        n_events = select(func.count()).where(se.c.story_id == s.c.id).scalar_subquery()
        with self._reader.connect() as conn:
            total = conn.execute(select(func.count()).select_from(s)).scalar_one()
            ids = list(conn.execute(select(s.c.id).order_by(n_events.desc(), s.c.id)
                                    .limit(limit).offset(offset)).scalars())
            by_id = {x.id: x for x in self._stories(conn, ids)} if ids else {}
        return Page([by_id[i] for i in ids], total, limit, offset)

    # ------------------------------------------------------------------ facts

    def quantities(self, *, measure_key: str | None = None, kind: str | None = None, article_id: str | None = None,
                   limit: int = 50, offset: int = 0) -> Page[QuantityHit]:
        """Figures, filtered by canonical measure key, kind or article; by article date, then position."""
        q, a = t.quantities, t.articles
        conds = [c for c, v in ((q.c.measure_key == measure_key, measure_key), (q.c.kind == kind, kind),
                                (q.c.article_id == article_id, article_id)) if v]
        with self._reader.connect() as conn:
            total = conn.execute(select(func.count()).select_from(q).where(*conds)).scalar_one()
            rows = conn.execute(select(q, a.c.title.label("article_title")).join(a, a.c.id == q.c.article_id)
                                .where(*conds).order_by(a.c.date, a.c.pk, q.c.start).limit(limit).offset(offset))
            items = [QuantityHit(r.article_id, r.article_title, _quantity(r)) for r in rows]
        return Page(items, total, limit, offset)

    def measures(self, *, measure_key: str | None = None, limit: int = 10, offset: int = 0) -> Page[MeasureCount]:
        """Measure keys with their figures and articles (near-duplicates left out), most articles first."""
        q, a = t.quantities.c, t.articles.c
        # a correlated lookup by article id: as a join, SQLite scans every article
        duplicate = select(a.id).where(a.id == q.article_id, a.duplicate_of.is_not(None)).exists()
        conds = [q.measure_key.is_not(None), q.value.is_not(None), ~duplicate]
        if measure_key:
            conds.append(q.measure_key == measure_key)
        n_articles = func.count(q.article_id.distinct())
        with self._reader.connect() as conn:
            total = conn.execute(select(func.count(q.measure_key.distinct())).where(*conds)).scalar_one()
            rows = conn.execute(select(q.measure_key, func.count(), n_articles).where(*conds)
                                .group_by(q.measure_key).order_by(n_articles.desc(), q.measure_key)
                                .limit(limit).offset(offset)).all()
        return Page([MeasureCount(r[0], r[1], r[2]) for r in rows], total, limit, offset)

    def measure_series(self, measure_key: str, *, limit: int = 100, offset: int = 0,
                       whole_periods: int = 50) -> Page[FigureHit]:
        """One page of a measure's figures in the order of the period they are about (a stated period, else
        the article's date; undated last), near-duplicates left out.

        A page that would cut a period in two runs on to the end of that period (for up to
        ``whole_periods`` more figures), so figures that must be compared with each other (same measure,
        same period) are on one page; the next page starts at ``offset + len(items)``.
        """
        q, a = t.quantities, t.articles
        stated = func.substr(q.c.period, 1, 1).between("0", "9")
        # as newsweave.corpus.facts.normalize_period: unspecified parts dropped ("2021-XX-XX" is 2021)
        normal = func.replace(func.replace(q.c.period, "-WXX", ""), "-XX", "")
        period = case((stated, normal), (or_(q.c.period.is_(None), q.c.period == "PRESENT_REF"), a.c.date),
                      else_=None).label("period_key")
        conds = [q.c.measure_key == measure_key, q.c.value.is_not(None), a.c.duplicate_of.is_(None)]
        joined = q.join(a, a.c.id == q.c.article_id)
        with self._reader.connect() as conn:
            total = conn.execute(select(func.count()).select_from(joined).where(*conds)).scalar_one()
            rows = conn.execute(select(q, a.c.date.label("article_date"), a.c.lang.label("article_lang"), period)
                                .select_from(joined).where(*conds)
                                .order_by(period.is_(None), period, a.c.date, a.c.pk, q.c.start)
                                .limit(limit + whole_periods).offset(offset)).all()
        if len(rows) > limit:
            last = rows[limit - 1].period_key
            cut = limit
            while cut < len(rows) and last is not None and rows[cut].period_key == last:
                cut += 1
            rows = rows[:cut]
        return Page([FigureHit(r.article_id, r.article_date, r.article_lang, _quantity(r)) for r in rows],
                    total, limit, offset)

    def quotes(self, *, speaker_entity_id: str | None = None, article_id: str | None = None, limit: int = 50,
               offset: int = 0) -> Page[QuoteHit]:
        """Quotations, filtered by resolved speaker or article; by article date, then position."""
        q, a = t.quotes, t.articles
        conds = [c for c, v in ((q.c.speaker_entity_id == speaker_entity_id, speaker_entity_id),
                                (q.c.article_id == article_id, article_id)) if v]
        with self._reader.connect() as conn:
            total = conn.execute(select(func.count()).select_from(q).where(*conds)).scalar_one()
            rows = conn.execute(select(q, a.c.title.label("article_title")).join(a, a.c.id == q.c.article_id)
                                .where(*conds).order_by(a.c.date, a.c.pk, q.c.start).limit(limit).offset(offset))
            items = [QuoteHit(r.article_id, r.article_title, _quote(r)) for r in rows]
        return Page(items, total, limit, offset)

    # ------------------------------------------------------------------ overview and integrity

    def ping(self) -> None:
        """Raise unless the database answers a trivial query: what a health check needs, at no cost.

        Counting the tables (:meth:`stats`) would make every load-balancer probe scan indexes.
        """
        with self._reader.connect() as conn:
            conn.execute(select(1)).scalar_one()

    def stats(self, top_sources: int = 50) -> StoreStats:
        """Counts of articles (by status, language, source) and of the corpus picture's parts."""
        a = t.articles.c

        def count(table: Any) -> int:
            return conn.execute(select(func.count()).select_from(table)).scalar_one()

        with self._reader.connect() as conn:
            by_status = dict(conn.execute(select(a.status, func.count()).group_by(a.status)).all())
            by_lang = {k or "und": v for k, v in conn.execute(
                select(a.lang, func.count()).group_by(a.lang).order_by(func.count().desc(), a.lang))}
            by_source = {k or "(unknown)": v for k, v in conn.execute(
                select(a.source, func.count()).group_by(a.source).order_by(func.count().desc(), a.source)
                .limit(top_sources))}
            return StoreStats(sum(by_status.values()), by_status, by_lang, by_source, count(t.entities),
                              count(t.events), count(t.stories), count(t.mentions), count(t.quantities),
                              count(t.quotes))

    def check(self) -> list[str]:
        """Integrity problems, one line each (empty when the store is sound).

        Checks the database's own integrity, foreign keys, the full-text index against the articles,
        unique content hashes, analysed articles having an analysis, and references between the
        analysis rows and the corpus picture.
        """
        problems: list[str] = []
        a = t.articles
        with self._reader.connect() as conn:
            if self.dialect == "sqlite":
                problems += [f"sqlite integrity: {r[0]}" for r in conn.exec_driver_sql("PRAGMA quick_check")
                             if r[0] != "ok"]
                problems += [f"foreign key: {r[0]} row {r[1]} -> {r[2]}"
                             for r in conn.exec_driver_sql("PRAGMA foreign_key_check")]
                try:
                    conn.exec_driver_sql("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
                except SQLAlchemyError as exc:
                    problems.append(f"full-text index out of step with articles: {exc.orig}")
            else:
                missing = conn.execute(text("SELECT count(*) FROM articles WHERE tsv IS NULL")).scalar_one()
                if missing:
                    problems.append(f"full-text index: {missing} articles without a tsvector")
            dup_hashes = conn.execute(select(func.count()).select_from(
                select(a.c.content_hash).group_by(a.c.content_hash).having(func.count() > 1).subquery())).scalar_one()
            if dup_hashes:
                problems.append(f"{dup_hashes} content hashes stored more than once")
            bad_status = conn.execute(select(func.count()).where(a.c.status.not_in(t.STATUSES))).scalar_one()
            if bad_status:
                problems.append(f"{bad_status} articles with an unknown status")
            no_analysis = conn.execute(select(func.count()).where(a.c.status == "analysed",
                                                                  a.c.analysis.is_(None))).scalar_one()
            if no_analysis:
                problems.append(f"{no_analysis} analysed articles without an analysis")
            orphan_checks = [
                ("mentions", t.mentions.c.article_id, a.c.id), ("times", t.times.c.article_id, a.c.id),
                ("quantities", t.quantities.c.article_id, a.c.id), ("quotes", t.quotes.c.article_id, a.c.id),
                ("embeddings", t.embeddings.c.article_id, a.c.id),
                ("near-duplicate keys", t.near_dup_keys.c.article_id, a.c.id),
                ("duplicate links", a.c.duplicate_of, a.c.id),
                ("event links", t.event_articles.c.article_id, a.c.id),
                ("event links", t.event_articles.c.event_id, t.events.c.id),
                ("story links", t.story_events.c.event_id, t.events.c.id),
                ("entity variants", t.entity_variants.c.entity_id, t.entities.c.id),
                ("articles' events", a.c.event_id, t.events.c.id),
                ("articles' stories", a.c.story_id, t.stories.c.id),
                ("events' stories", t.events.c.story_id, t.stories.c.id),
            ]
            for label, ref, target in orphan_checks:
                n = conn.execute(select(func.count()).select_from(ref.table).where(
                    ref.is_not(None), ref.not_in(select(target)))).scalar_one()
                if n:
                    problems.append(f"{label}: {n} rows refer to a missing {target.table.name} row")
        return problems

    # ------------------------------------------------------------------ backup

    def import_article_rows(self, rows: Sequence[dict[str, Any]]) -> int:
        """Restore exported article rows verbatim (ids, status, analysis) in one transaction; returns how many.

        Rows whose id or content hash is already stored are skipped, so an interrupted import can re-run.
        Analysis rows are rebuilt from the ``analysis`` JSON; originals' near-duplicate keys are recomputed.
        """
        cols = {c.name for c in t.articles.c if c.name != "pk"}
        with self._write() as conn:
            have_ids = self._existing(conn, t.articles.c.id, t.articles.c.id, [r["id"] for r in rows])
            have_hash = self._existing(conn, t.articles.c.content_hash, t.articles.c.id,
                                       [r["content_hash"] for r in rows])
            fresh = [r for r in rows if r["id"] not in have_ids and r["content_hash"] not in have_hash]
            if not fresh:
                return 0
            # originals before their near-duplicates, so the self-reference is satisfied at insert time
            fresh.sort(key=lambda r: r.get("duplicate_of") is not None)
            conn.execute(insert(t.articles), [self._clean({k: r.get(k) for k in cols}) for r in fresh])
            self._insert_keys(conn, [(k, r["id"]) for r in fresh if not r.get("duplicate_of")
                                     for k in neardup.keys(r["text"])])
            analysed = []
            for r in fresh:
                if r.get("analysis"):
                    art = Article.from_contract(r["analysis"], r["text"])
                    art.embedding = r.get("embedding")
                    art.event_id, art.story_id, art.meta = r.get("event_id"), r.get("story_id"), r.get("meta") or {}
                    art.lang_confidence = r.get("lang_confidence")
                    analysed.append(art)
            if analysed:
                self._write_analysis(conn, analysed)
                # the analysis JSON and status go back verbatim: the rebuilt article may differ in ids
                # that the corpus picture changed after the analysis was saved
                a = t.articles
                conn.execute(update(a).where(a.c.id == bindparam("aid"))
                             .values(status=bindparam("st"), analysis=bindparam("an")),
                             [{"aid": r["id"], "st": r["status"], "an": r["analysis"]} for r in fresh
                              if r.get("analysis")])
        return len(fresh)

    def import_corpus(self, picture: Picture) -> None:
        """Add or overwrite (by id) entities, events and stories from a backup, keeping the rest."""
        with self._write() as conn:
            self._write_corpus(conn, picture, self._load_state(conn), remove_absent=False)


def _folded_names(entity: Entity) -> list[str]:
    """The entity's canonical name and variants, casefolded, each once (the rows of ``entity_names``)."""
    return list(dict.fromkeys(n.casefold() for n in [entity.name, *(v.name for v in entity.variants)]))


def _quote(r: Row) -> Quote:
    return Quote(r.start, r.end, r.text, r.speaker_text, r.speaker_start, r.speaker_end, r.speaker_entity_id,
                 r.speaker_name, r.lang)


def _quantity(r: Row) -> Quantity:
    return Quantity(r.start, r.end, r.text, r.value, r.unit, r.kind, r.period, r.qualifier, r.measure, r.measure_key)


def _mention(r: Row) -> Mention:
    return Mention(r.start, r.end, r.text, r.type, r.entity_id, r.entity_name, r.confidence, r.layer, r.lemma,
                   r.kb_id)


def _query_words(query: str) -> list[str]:
    """The words of a search query: runs of letters, marks and digits.

    Marks count as word characters because Devanagari and other Indic vowel signs are marks; ``\\w``
    would cut "मास्को" into pieces that no index holds.
    """
    words, current = [], []
    for ch in query:
        if unicodedata.category(ch)[0] in "LMN":
            current.append(ch)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def _segments(snippet: str) -> list[tuple[str, bool]]:
    """Split a marked snippet into (text, is_match) pieces."""
    out: list[tuple[str, bool]] = []
    for i, piece in enumerate(re.split(f"[{_HL_START}{_HL_END}]", snippet)):
        if piece:
            out.append((piece, i % 2 == 1))
    return out
