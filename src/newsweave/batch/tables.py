"""The Parquet tables ``newsweave batch`` writes: rows and Spark schemas derived from the model's dataclasses.

The columns follow ``newsweave.model`` field by field, so a new field on ``Mention`` or ``Event`` shows up
in the tables without an edit here. Scalars keep their type; lists of strings become arrays; anything
nested (``meta``, variants, segments) is one JSON string column, because Parquet readers everywhere
(DuckDB, pandas, Spark) read JSON strings, and a changing nested schema would break appends.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Iterable
from typing import Any

from newsweave.model import Article, Entity, Event, Mention, Quantity, Quote, Story, TimeRef

#: Table name -> dataclass of its rows (the per-article tables also carry ``article_id``).
SPAN_TABLES: dict[str, type] = {"mentions": Mention, "times": TimeRef, "quantities": Quantity, "quotes": Quote}
CORPUS_TABLES: dict[str, type] = {"entities": Entity, "events": Event, "stories": Story}

#: Article fields not written to the ``articles`` table: spans have their own tables, raw input stays out.
_ARTICLE_SKIP = {"raw", "mentions", "times", "quantities", "quotes"}


def _kind(hint: Any) -> str:
    """``str`` | ``int`` | ``float`` | ``strs`` (list of strings) | ``floats`` | ``json`` for one type hint."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        return _kind(args[0]) if len(args) == 1 else "json"
    if typing.get_origin(hint) is list:
        return {str: "strs", float: "floats"}.get(args[0], "json") if args else "json"
    return {str: "str", int: "int", float: "float"}.get(hint, "json")


def columns(cls: type) -> list[tuple[str, str]]:
    """``(column, kind)`` for every field of a model dataclass, in declaration order."""
    hints = typing.get_type_hints(cls)
    skip = _ARTICLE_SKIP if cls is Article else set()
    return [(f.name, _kind(hints[f.name])) for f in dataclasses.fields(cls) if f.name not in skip]


def table_columns(name: str) -> list[tuple[str, str]]:
    """The columns of one output table (``articles``, a span table or a corpus table)."""
    if name == "articles":
        return columns(Article)
    if name in SPAN_TABLES:
        return [("article_id", "str"), *columns(SPAN_TABLES[name])]
    return columns(CORPUS_TABLES[name])


def _cell(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "json":
        return json.dumps(value, ensure_ascii=False, default=_jsonable, sort_keys=True)
    if kind == "float":
        return float(value)
    if kind == "floats":
        return [float(v) for v in value]
    return value


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _row(obj: Any, cols: list[tuple[str, str]], **extra: Any) -> tuple[Any, ...]:
    return tuple(_cell(extra[name] if name in extra else getattr(obj, name), kind) for name, kind in cols)


def article_rows(articles: Iterable[Article]) -> dict[str, list[tuple[Any, ...]]]:
    """Rows of ``articles`` and the four span tables for analysed (and linked) articles."""
    out: dict[str, list[tuple[Any, ...]]] = {"articles": [], **{name: [] for name in SPAN_TABLES}}
    art_cols = table_columns("articles")
    span_cols = {name: table_columns(name) for name in SPAN_TABLES}
    for art in articles:
        out["articles"].append(_row(art, art_cols))
        for name in SPAN_TABLES:
            out[name].extend(_row(item, span_cols[name], article_id=art.id) for item in getattr(art, name))
    return out


def corpus_rows(entities: list[Entity], events: list[Event], stories: list[Story]) -> dict[str, list[tuple[Any, ...]]]:
    """Rows of the three corpus tables."""
    return {name: [_row(obj, table_columns(name)) for obj in objs]
            for name, objs in (("entities", entities), ("events", events), ("stories", stories))}


def spark_schema(name: str) -> Any:
    """The Spark ``StructType`` of one table (pyspark is imported only here, on the driver)."""
    from pyspark.sql import types as st

    spark_type = {"str": st.StringType(), "int": st.LongType(), "float": st.DoubleType(),
                  "strs": st.ArrayType(st.StringType()), "floats": st.ArrayType(st.FloatType()),
                  "json": st.StringType()}
    return st.StructType([st.StructField(col, spark_type[kind], True) for col, kind in table_columns(name)])
