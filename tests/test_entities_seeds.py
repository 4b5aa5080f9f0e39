"""Acceptance on the five seed articles: every mention of the six key names and of the CSTO is found."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from newsweave.corpus.propagation import propagate_mentions
from newsweave.model import Article
from newsweave.stages.entities import EntityStage

LANGS = {"000": "hi", "001": "pl", "002": "uz", "003": "de", "004": "tr"}

# Surface patterns of the names as the seeds write them (tests may name seed content; product code may not).
TARGETS = {
    "PER": [r"\bTokayev\w*", r"\bTokajew\w*", r"Тўқаев\w*", r"टोकायव", r"टोकायेव", r"तोकायेव", r"टोकयव", r"टोकयेव",
            r"\bPutin\w*", r"Путин\w*", r"पुतिन"],
    "LOC": [r"\bKazakhstan\w*", r"\bKazachstan\w*", r"\bKasachstan\w*", r"\bKazakistan\w*", r"Қозоғистон\w*",
            r"कज़ाख़स्तान", r"कजाकिस्तान", r"\bRussia\b\w*", r"\bRosj\w*", r"\bRosji\b", r"\bRussland\w*",
            r"\bRusya\w*", r"Россия\w*", r"(?<!\w)रूस(?!\w)", r"\bMoscow\b", r"\bMoskw\w*", r"\bMoskau\w*",
            r"\bMoskova\w*", r"Москва\w*", r"(?<!\w)मॉस्को", r"(?<!\w)मास्को", r"\bAstana\w*", r"Остона\w*"],
    "ORG": [r"सीएसटीओ", r"\bODKB\b", r"Organizacji Układu o Bezpieczeństwie Zbiorowym"],
}


def _articles(seeds_dir: Path) -> list[Article]:
    arts = []
    for path in sorted(seeds_dir.glob("*.txt")):
        art = Article(id=path.stem, text=path.read_text(encoding="utf-8"))
        art.lang = LANGS[path.stem[:3]]
        arts.append(art)
    return arts


def _missing(art: Article) -> list[str]:
    missing = []
    for kind, patterns in TARGETS.items():
        for pat in patterns:
            for m in regex.finditer(pat, art.text):
                covered = [x for x in art.mentions if x.start <= m.start() and m.end() <= x.end]
                if not covered or all(x.type != kind for x in covered):
                    got = [(x.text, x.type) for x in covered]
                    missing.append(f"{art.id}:{m.start()} {m.group()!r} as {kind}: {got}")
    return missing


@pytest.fixture(scope="module")
def stage() -> EntityStage:
    return EntityStage()


def test_entities_seeds_every_key_mention_found(seeds_dir: Path, stage: EntityStage) -> None:
    arts = [stage(a) for a in _articles(seeds_dir)]
    propagate_mentions(arts)
    missing = [m for a in arts for m in _missing(a)]
    assert not missing, "\n".join(missing)


def test_entities_seeds_mentions_index_the_text(seeds_dir: Path, stage: EntityStage) -> None:
    for art in _articles(seeds_dir):
        stage(art)
        assert art.mentions
        for m in art.mentions:
            assert art.text[m.start:m.end] == m.text
            assert m.type in {"PER", "ORG", "LOC", "EVT", "PRO", "MISC"}
            assert 0 < m.confidence <= 1


def test_entities_seeds_countries_carry_iso_codes(seeds_dir: Path, stage: EntityStage) -> None:
    kb_ids = {m.kb_id for a in _articles(seeds_dir) for m in stage(a).mentions}
    assert {"iso:KZ", "iso:RU"} <= kb_ids
