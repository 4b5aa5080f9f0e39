"""Articles the per-stage benchmarks share: the shared seeds (when present) and the sample corpus."""

from __future__ import annotations

import json
from pathlib import Path

from newsweave.config import shared_dir
from newsweave.model import Article

ROOT = Path(__file__).resolve().parents[1]


def load_articles() -> list[Article]:
    """Seeds (when the shared folder exists) and the sample corpus's plain-text and JSONL articles."""
    articles: list[Article] = []
    shared = shared_dir()
    if shared is not None:
        for path in sorted((shared / "seeds").glob("*.txt")):
            articles.append(Article(id=path.stem, text=path.read_text(encoding="utf-8")))
    corpus = ROOT / "examples" / "corpus"
    for path in sorted(corpus.glob("*.txt")):
        articles.append(Article(id=path.stem, text=path.read_text(encoding="utf-8")))
    jsonl = corpus / "articles.jsonl"
    if jsonl.exists():
        for i, line in enumerate(jsonl.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                record = json.loads(line)
                articles.append(Article(id=f"jsonl{i}", text=record.get("text", ""), title=record.get("title"),
                                        date=record.get("date"), lang=record.get("lang")))
    return [a for a in articles if a.text.strip()]
