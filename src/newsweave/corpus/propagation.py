"""Cross-document propagation: a name found confidently in one article is looked for in the others.

Local cues are weak in some articles (a caseless script, a name without a title, a misspelling), yet
the same batch usually holds an article where the name stands beside ``President`` or a verb of
saying. Every confident person/organisation mention of the batch becomes a known name; each
article is then searched for those names, inflected (``Tokajewem``) or spelt differently in any
script (``टोकायेव``, ``तोकायेव`` for ``टोकायव``; by :func:`newsweave.kb.names.same_name`-style
transliteration and phonetic keys). New mentions get layer ``propagation`` and never overlap
existing ones. Articles of the same event or story would be searched first when known; today the
whole batch is one pool.
"""

from __future__ import annotations

import logging

from newsweave.model import Article
from newsweave.stages.entities import KnownNames, document, known_from, propagate_into

log = logging.getLogger(__name__)

#: A mention must be at least this confident, and found by a local cue (not itself propagated), to spread.
MIN_CONFIDENCE = 0.6
_SOURCE_LAYERS = frozenset({"pattern", "kb", "natasha", "tagger", "capitalisation"})


def propagate_mentions(articles: list[Article]) -> int:
    """Add ``propagation`` mentions to the articles of a batch; returns how many were added."""
    docs = []
    known = KnownNames()
    for art in articles:
        spans = [(s.start, s.end, s.lang) for s in art.segments if s.lang and s.lang != "und"]
        doc = document(art.text, art.lang, spans, art.mentions)
        docs.append(doc)
        sources = [f for f in doc.found if f.layer in _SOURCE_LAYERS]
        for name in known_from(sources, doc, MIN_CONFIDENCE):
            known.add(name)
    if not len(known):
        return 0
    added = 0
    for art, doc in zip(articles, docs, strict=True):
        new = propagate_into(doc, known)
        if new:
            art.mentions = sorted([*art.mentions, *new], key=lambda m: (m.start, m.end))
            added += len(new)
    log.debug("propagation added %d mentions over %d articles", added, len(articles))
    return added
