"""The store's tables as SQLAlchemy Core objects, used to build queries.

The database itself is created and changed only by the Alembic migrations in ``migrations/``;
``tests/test_store.py`` checks that a migrated database matches these definitions, so the two
cannot drift apart. Child rows (mentions, times, ...) are the normalised, queryable copy of the
``analysis`` JSON (``Article.to_contract()``), which stays the lossless source of truth.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

#: Article lifecycle: stored and waiting for analysis, analysed, or a near-duplicate that is never analysed.
STATUSES = ("pending", "analysed", "duplicate")

_CASCADE = {"ondelete": "CASCADE"}

articles = Table(
    "articles", metadata,
    # integer surrogate key: the FTS5 index (SQLite) needs a stable integer rowid
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", String(255), nullable=False, unique=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("text", Text, nullable=False),
    Column("raw", LargeBinary),
    Column("raw_type", Text),
    Column("title", Text),
    Column("url", Text),
    Column("source", Text),
    Column("author", Text),
    Column("origin", Text),
    Column("date", Text),
    Column("date_precision", Text),
    Column("date_source", Text),
    Column("date_confidence", Float),
    Column("date_earliest", Text),
    Column("date_latest", Text),
    Column("lang", Text),
    Column("script", Text),
    Column("duplicate_of", String(255), ForeignKey("articles.id", ondelete="SET NULL")),
    Column("event_id", String(255)),
    Column("story_id", String(255)),
    Column("status", Text, nullable=False, server_default="pending"),
    Column("analysis", JSON),
    Column("meta", JSON),
    Column("ingested_at", Text, nullable=False),
    Column("lang_confidence", Float),  # migration 0002
    Index("ix_articles_status", "status"),
    Index("ix_articles_lang_date", "lang", "date"),  # migration 0006: listings by language, newest first
    Index("ix_articles_source_date", "source", "date"),
    Index("ix_articles_date", "date"),
    Index("ix_articles_event_id", "event_id"),
    Index("ix_articles_story_id", "story_id"),
    Index("ix_articles_duplicate_of", "duplicate_of"),
)

#: LSH band keys of original articles. Keyed by (key, article_id) and, in SQLite, without a rowid: one
#: b-tree serves the only lookup (by key), which keeps the ~20 rows per stored article cheap to insert.
near_dup_keys = Table(
    "near_dup_keys", metadata,
    Column("key", Text, primary_key=True),
    Column("article_id", String(255), ForeignKey("articles.id", **_CASCADE), primary_key=True),
    sqlite_with_rowid=False,
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(255), ForeignKey("articles.id", **_CASCADE), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("entity_id", String(255)),
    Column("entity_name", Text),
    Column("confidence", Float),
    Column("layer", Text),
    Column("lemma", Text),
    Column("kb_id", Text),
    Index("ix_mentions_article_id", "article_id"),
    Index("ix_mentions_entity_id", "entity_id"),
)

times = Table(
    "times", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(255), ForeignKey("articles.id", **_CASCADE), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", Text),
    Column("type", Text),
    Column("direction", Text),
    Index("ix_times_article_id", "article_id"),
    Index("ix_times_value", "value"),
)

quantities = Table(
    "quantities", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(255), ForeignKey("articles.id", **_CASCADE), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", Float),
    Column("unit", Text),
    Column("kind", Text),
    Column("period", Text),
    Column("qualifier", Text),
    Column("measure", Text),
    Column("measure_key", Text),
    Index("ix_quantities_article_id", "article_id"),
    Index("ix_quantities_measure_key", "measure_key"),
)

quotes = Table(
    "quotes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(255), ForeignKey("articles.id", **_CASCADE), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("speaker_text", Text),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("speaker_entity_id", String(255)),
    Column("speaker_name", Text),
    Column("lang", Text),
    Index("ix_quotes_article_id", "article_id"),
    Index("ix_quotes_speaker_entity_id", "speaker_entity_id"),
)

embeddings = Table(
    "embeddings", metadata,
    Column("article_id", String(255), ForeignKey("articles.id", **_CASCADE), primary_key=True),
    Column("dim", Integer, nullable=False),
    Column("vector", LargeBinary, nullable=False),  # little-endian float32
)

entities = Table(
    "entities", metadata,
    Column("id", String(255), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("kb_ids", JSON),
    Column("article_count", Integer, nullable=False, server_default="0"),
    Index("ix_entities_type", "type"),
)

entity_variants = Table(
    "entity_variants", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity_id", String(255), ForeignKey("entities.id", **_CASCADE), nullable=False),
    Column("name", Text, nullable=False),
    Column("lang", Text),
    Column("script", Text),
    Column("count", Integer, nullable=False, server_default="0"),
    Index("ix_entity_variants_entity_id", "entity_id"),
)

#: Every casefolded name of an entity (canonical and variants, once each), for ``list_entities(name=...)``:
#: matching a query against all names is a substring search, which a trigram index answers (SQLite: the
#: FTS5 table ``entity_names_fts``; PostgreSQL: a pg_trgm GIN index) instead of a scan. Folded in Python,
#: so both backends match exactly what ``str.casefold`` matches (migration 0004).
entity_names = Table(
    "entity_names", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity_id", String(255), ForeignKey("entities.id", **_CASCADE), nullable=False),
    Column("name_fold", Text, nullable=False),
    Index("ix_entity_names_entity_id", "entity_id"),
)

stories = Table(
    "stories", metadata,
    Column("id", String(255), primary_key=True),
    Column("label", Text, nullable=False),
    Column("meta", JSON),
)

events = Table(
    "events", metadata,
    Column("id", String(255), primary_key=True),
    Column("label", Text, nullable=False),
    Column("date", Text),
    Column("date_end", Text),
    Column("places", JSON),
    Column("participants", JSON),
    Column("story_id", String(255), ForeignKey("stories.id", ondelete="SET NULL")),
    Column("kind", Text, nullable=False, server_default="reported"),
    Column("meta", JSON),
    Index("ix_events_date", "date"),
    Index("ix_events_story_id", "story_id"),
)

#: role "reported": the article reports the event; "mentioned": it only refers to it.
event_articles = Table(
    "event_articles", metadata,
    Column("event_id", String(255), ForeignKey("events.id", **_CASCADE), primary_key=True),
    Column("article_id", String(255), ForeignKey("articles.id", **_CASCADE), primary_key=True),
    Column("role", Text, primary_key=True),
    Column("position", Integer, nullable=False),
    Index("ix_event_articles_article_id", "article_id"),
)

#: Events a re-clustering pass merged away (``newsweave recluster``, migration 0005): an old id resolves
#: to the event that absorbed it; likewise a story it emptied, to the story that holds its events (``st-`` ids).
#: Chains are collapsed when written, so one lookup always suffices.
event_redirects = Table(
    "event_redirects", metadata,
    Column("old_id", String(255), primary_key=True),
    Column("new_id", String(255), nullable=False),
    Column("created_at", Text, nullable=False),
    Index("ix_event_redirects_new_id", "new_id"),
)

story_events = Table(
    "story_events", metadata,
    Column("story_id", String(255), ForeignKey("stories.id", **_CASCADE), primary_key=True),
    Column("event_id", String(255), ForeignKey("events.id", **_CASCADE), primary_key=True),
    Column("position", Integer, nullable=False),
    Index("ix_story_events_event_id", "event_id"),
)

# ---------------------------------------------------------------- monitoring (newsweave.watch; migration 0003)

#: Sources ``newsweave watch`` polls: feed/page URLs and folders (drop directories of files or WARCs).
sources = Table(
    "sources", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("location", Text, nullable=False, unique=True),
    Column("kind", Text, nullable=False),
    Column("interval_s", Integer, nullable=False),
    Column("title", Text),
    Column("added_at", Text, nullable=False),
)

#: One row per source: the conditional-request validators and what its polls gave (health).
source_health = Table(
    "source_health", metadata,
    Column("source_id", Integer, ForeignKey("sources.id", **_CASCADE), primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_poll_at", Text),
    Column("last_success_at", Text),
    Column("last_error", Text),
    Column("last_error_at", Text),
    Column("failures", Integer, nullable=False, server_default="0"),
    Column("next_poll_at", Float, nullable=False, server_default="0"),
    Column("polls", Integer, nullable=False, server_default="0"),
    Column("not_modified", Integer, nullable=False, server_default="0"),
    Column("articles_gained", Integer, nullable=False, server_default="0"),
)

#: Files of a folder source already stored (size and mtime as signature), so a drop directory is read once.
source_files = Table(
    "source_files", metadata,
    Column("source_id", Integer, ForeignKey("sources.id", **_CASCADE), primary_key=True),
    Column("path", Text, primary_key=True),
    Column("signature", Text, nullable=False),
)

#: Saved watches; ``cursor`` is the highest article pk already matched against the watch.
watches = Table(
    "watches", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", Text, nullable=False),
    Column("target", Text, nullable=False),
    Column("label", Text, nullable=False),
    Column("channels", JSON, nullable=False),
    Column("digest", Text),
    Column("cursor", Integer, nullable=False, server_default="0"),
    Column("meta", JSON),
    Column("created_at", Text, nullable=False),
    Column("last_digest_at", Text),
)

#: One row per (watch, matched thing): the unique key is what makes every alert fire once.
alerts = Table(
    "alerts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("watch_id", Integer, ForeignKey("watches.id", **_CASCADE), nullable=False),
    Column("key", Text, nullable=False),
    Column("article_id", String(255)),
    Column("payload", JSON, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("delivered", JSON),
    Column("delivered_at", Text),
    Column("delivery_error", Text),
    UniqueConstraint("watch_id", "key", name="uq_alerts_watch_key"),
    Index("ix_alerts_watch_id_delivered_at", "watch_id", "delivered_at"),
)
