"""Initial schema: articles with full-text index, analysis rows, entities, events, stories.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_ID = sa.String(255)


def _article_fk() -> sa.ForeignKey:
    return sa.ForeignKey("articles.id", ondelete="CASCADE")


def _span_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", _ID, _article_fk(), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", _ID, nullable=False, unique=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("raw", sa.LargeBinary),
        sa.Column("raw_type", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("origin", sa.Text),
        sa.Column("date", sa.Text),
        sa.Column("date_precision", sa.Text),
        sa.Column("date_source", sa.Text),
        sa.Column("date_confidence", sa.Float),
        sa.Column("date_earliest", sa.Text),
        sa.Column("date_latest", sa.Text),
        sa.Column("lang", sa.Text),
        sa.Column("script", sa.Text),
        sa.Column("duplicate_of", _ID, sa.ForeignKey("articles.id", ondelete="SET NULL")),
        sa.Column("event_id", _ID),
        sa.Column("story_id", _ID),
        sa.Column("status", sa.Text, nullable=False, server_default="pending"),
        sa.Column("analysis", sa.JSON),
        sa.Column("meta", sa.JSON),
        sa.Column("ingested_at", sa.Text, nullable=False),
    )
    for col in ("status", "lang", "source", "date", "event_id", "story_id", "duplicate_of"):
        op.create_index(f"ix_articles_{col}", "articles", [col])

    op.create_table(
        "near_dup_keys",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("article_id", _ID, _article_fk(), primary_key=True),
        sqlite_with_rowid=False,
    )

    op.create_table(
        "mentions", *_span_columns(),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("entity_id", _ID),
        sa.Column("entity_name", sa.Text),
        sa.Column("confidence", sa.Float),
        sa.Column("layer", sa.Text),
        sa.Column("lemma", sa.Text),
        sa.Column("kb_id", sa.Text),
    )
    op.create_index("ix_mentions_article_id", "mentions", ["article_id"])
    op.create_index("ix_mentions_entity_id", "mentions", ["entity_id"])

    op.create_table(
        "times", *_span_columns(),
        sa.Column("value", sa.Text),
        sa.Column("type", sa.Text),
        sa.Column("direction", sa.Text),
    )
    op.create_index("ix_times_article_id", "times", ["article_id"])
    op.create_index("ix_times_value", "times", ["value"])

    op.create_table(
        "quantities", *_span_columns(),
        sa.Column("value", sa.Float),
        sa.Column("unit", sa.Text),
        sa.Column("kind", sa.Text),
        sa.Column("period", sa.Text),
        sa.Column("qualifier", sa.Text),
        sa.Column("measure", sa.Text),
        sa.Column("measure_key", sa.Text),
    )
    op.create_index("ix_quantities_article_id", "quantities", ["article_id"])
    op.create_index("ix_quantities_measure_key", "quantities", ["measure_key"])

    op.create_table(
        "quotes", *_span_columns(),
        sa.Column("speaker_text", sa.Text),
        sa.Column("speaker_start", sa.Integer),
        sa.Column("speaker_end", sa.Integer),
        sa.Column("speaker_entity_id", _ID),
        sa.Column("speaker_name", sa.Text),
        sa.Column("lang", sa.Text),
    )
    op.create_index("ix_quotes_article_id", "quotes", ["article_id"])
    op.create_index("ix_quotes_speaker_entity_id", "quotes", ["speaker_entity_id"])

    op.create_table(
        "embeddings",
        sa.Column("article_id", _ID, _article_fk(), primary_key=True),
        sa.Column("dim", sa.Integer, nullable=False),
        sa.Column("vector", sa.LargeBinary, nullable=False),
    )

    op.create_table(
        "entities",
        sa.Column("id", _ID, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("kb_ids", sa.JSON),
        sa.Column("article_count", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_entities_type", "entities", ["type"])

    op.create_table(
        "entity_variants",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("entity_id", _ID, sa.ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("lang", sa.Text),
        sa.Column("script", sa.Text),
        sa.Column("count", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_entity_variants_entity_id", "entity_variants", ["entity_id"])

    op.create_table(
        "stories",
        sa.Column("id", _ID, primary_key=True),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("meta", sa.JSON),
    )

    op.create_table(
        "events",
        sa.Column("id", _ID, primary_key=True),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("date", sa.Text),
        sa.Column("date_end", sa.Text),
        sa.Column("places", sa.JSON),
        sa.Column("participants", sa.JSON),
        sa.Column("story_id", _ID, sa.ForeignKey("stories.id", ondelete="SET NULL")),
        sa.Column("kind", sa.Text, nullable=False, server_default="reported"),
        sa.Column("meta", sa.JSON),
    )
    op.create_index("ix_events_date", "events", ["date"])
    op.create_index("ix_events_story_id", "events", ["story_id"])

    op.create_table(
        "event_articles",
        sa.Column("event_id", _ID, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("article_id", _ID, _article_fk(), primary_key=True),
        sa.Column("role", sa.Text, primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_index("ix_event_articles_article_id", "event_articles", ["article_id"])

    op.create_table(
        "story_events",
        sa.Column("story_id", _ID, sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("event_id", _ID, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_index("ix_story_events_event_id", "story_events", ["event_id"])

    _create_fulltext()


def _create_fulltext() -> None:
    """Full-text index over title + text: FTS5 kept in sync by triggers, or a generated tsvector + GIN."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', "
                   "content_rowid='pk', tokenize='unicode61 remove_diacritics 2')")
        op.execute("CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
                   "INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END")
        op.execute("CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
                   "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
                   "VALUES ('delete', old.pk, old.title, old.text); END")
        op.execute("CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN "
                   "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
                   "VALUES ('delete', old.pk, old.title, old.text); "
                   "INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END")
    else:
        # 'simple' config: no language-specific stemming, so every language is indexed the same way;
        # the text is capped because a tsvector holds at most 1 MB.
        op.execute("ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
                   "(to_tsvector('simple', left(coalesce(title, '') || ' ' || text, 100000))) STORED")
        op.execute("CREATE INDEX ix_articles_tsv ON articles USING gin (tsv)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("articles_fts_ai", "articles_fts_ad", "articles_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    for table in ("story_events", "event_articles", "events", "stories", "entity_variants", "entities",
                  "embeddings", "quotes", "quantities", "times", "mentions", "near_dup_keys", "articles"):
        op.drop_table(table)
