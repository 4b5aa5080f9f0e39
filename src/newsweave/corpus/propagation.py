"""Cross-document propagation: a name found confidently in one article is looked for in the others.

Local cues are weak in some articles (a caseless script, a name without a title, a misspelling), yet
the same batch usually holds an article where the name stands beside ``President`` or a verb of
saying. Every confident person/organisation mention of the batch becomes a known name; each
article is then searched for those names, inflected (``Sarajewem``, an invented name) or spelt differently
in any script (``सरायेव``, ``शरायेव`` for ``सरायव``; by :func:`newsweave.kb.names.same_name`-style
transliteration and phonetic keys). New mentions get layer ``propagation`` and never overlap
existing ones. The batch votes: a name's type is the reading its confident mentions give most (summed
confidence; confident places vote too and keep a name from spreading as a person or organisation), and a
one-word name spreads only when written as a name and never as an ordinary lower-case word (see
``KnownNames.spreads`` and ``entities._spreads_alone``). Articles of the same event or story would be
searched first when known; today the whole batch is one pool.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from newsweave.corpus.entities_titles import country_of_adjective
from newsweave.model import Article
from newsweave.stages.entities import (
    KnownName,
    KnownNames,
    document,
    known_from,
    propagate_into,
    remember_tokens,
)

if TYPE_CHECKING:
    from newsweave.stages.entities import _Doc

log = logging.getLogger(__name__)

#: A mention must be at least this confident, and found by a local cue (not itself propagated), to spread.
MIN_CONFIDENCE = 0.6
_SOURCE_LAYERS = frozenset({"pattern", "acronym", "kb", "natasha", "tagger", "capitalisation"})


def propagate_mentions(articles: list[Article]) -> int:
    """Add ``propagation`` mentions to the articles of a batch; returns how many were added.

    Two passes (the names of every article, then the spreading), each building one article's document at a time
    and dropping it: holding every document (~200 KB for a 600-word article) would take tens of GB in a batch of
    100k articles. The first pass gives the pieces back to the entity stage's memo, so while a batch fits the memo
    (a few hundred articles) the second pass does not tokenise again.
    """
    known = KnownNames()
    for art in articles:
        doc = article_document(art)
        for name in names_to_spread(doc):
            known.add(name)
        remember_tokens(art.text, art.lang, _spans(art), doc.toks)
    if not len(known):
        return 0
    added = sum(propagate_article(art, article_document(art), known) for art in articles)
    log.debug("propagation added %d mentions over %d articles", added, len(articles))
    return added


def article_document(art: Article) -> _Doc:
    """The article tokenised with its mentions claimed, as both propagation passes read it: the pieces are the
    ones the entity stage made of the same text when it still holds them (``entities.document``), which spares
    tokenising every article twice."""
    return document(art.text, art.lang, _spans(art), art.mentions)


def _spans(art: Article) -> list[tuple[int, int, str]]:
    """The article's segments with a language, as the entity stage was given them (the token memo's key)."""
    return [(s.start, s.end, s.lang) for s in art.segments if s.lang and s.lang != "und"]


def names_to_spread(doc: _Doc) -> list[KnownName]:
    """The article's names confident enough, and found by a local cue, to be looked for in other articles,
    and its confident places (votes on the type of names spelt like them). A one-word person or organisation
    that is the adjective of a country in its language (``Пакистанская`` opening a sentence) is no name.

    The two passes are separate functions so that a distributed job (``newsweave.batch``) can collect the
    names of every article, add them to one :class:`KnownNames` in article order, and propagate per article.
    """
    return known_from([f for f in doc.found if (f.layer in _SOURCE_LAYERS or f.type == "LOC") and not (
        f.type in ("PER", "ORG") and f.j - f.i == 1 and country_of_adjective(doc.toks[f.i].text, doc.toks[f.i].lang))],
        doc, MIN_CONFIDENCE)


def propagate_article(art: Article, doc: _Doc, known: KnownNames) -> int:
    """Add the known names found in one article (``doc`` from :func:`article_document`), retype its mentions of
    names the batch reads otherwise and drop those a known name replaced; returns how many mentions were added."""
    new, changes = propagate_into(doc, known)
    if changes:
        kept = []
        for m in art.mentions:
            if (m.start, m.end) not in changes:
                kept.append(m)
            elif (type_ := changes[(m.start, m.end)]) is not None:
                kept.append(replace(m, type=type_))
        art.mentions = kept
    if new or changes:
        art.mentions = sorted([*art.mentions, *new], key=lambda m: (m.start, m.end))
    return len(new)
