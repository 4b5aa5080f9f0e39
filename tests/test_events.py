"""Event and story clustering on hand-built articles (entities, dates and vectors set by hand)."""

from __future__ import annotations

import numpy as np
import pytest
from typer.testing import CliRunner

from newsweave.cli import app
from newsweave.corpus.events import (
    EventIndex,
    cluster,
    date_range,
    find_trigger,
    mentioned_happenings,
    timeline,
)
from newsweave.model import Article, Mention, TimeRef

_RNG = np.random.default_rng(7)
_TOPIC = _RNG.normal(size=32)


def _vec(similar_to: np.ndarray, closeness: float) -> list[float]:
    """A unit vector whose cosine with ``similar_to`` is roughly ``closeness``."""
    noise = _RNG.normal(size=32)
    noise -= noise @ similar_to / (similar_to @ similar_to) * similar_to
    v = closeness * similar_to / np.linalg.norm(similar_to) + np.sqrt(1 - closeness**2) * noise / np.linalg.norm(noise)
    return v.tolist()


def _art(aid: str, text: str, date: str | None, names: list[tuple[str, str, str]], vec: list[float] | None,
         times: list[tuple[str, str]] = ()) -> Article:
    """An article whose mentions are (surface, type, entity id) found in ``text``, times (surface, value)."""
    art = Article(id=aid, text=text, date=date, lang="en")
    for surface, typ, eid in names:
        start = 0
        while (pos := text.find(surface, start)) >= 0:
            art.mentions.append(Mention(pos, pos + len(surface), surface, typ, entity_id=eid, entity_name=surface))
            start = pos + 1
    for surface, value in times:
        pos = text.find(surface)
        art.times.append(TimeRef(pos, pos + len(surface), surface, value))
    art.embedding = vec
    return art


_PEOPLE = [("Tokayev", "PER", "Q-tok"), ("Putin", "PER", "Q-put"), ("Moscow", "LOC", "Q-mos"),
           ("Astana", "LOC", "Q-ast"), ("Kazakhstan", "LOC", "Q-kz"), ("Russia", "LOC", "Q-ru")]


def _seed_like() -> list[Article]:
    """Five reports of one story's meetings; their vectors ~0.85 alike, as e5 puts such reports (unrelated news
    of the same day: 0.80-0.86)."""
    base = np.array(_vec(_TOPIC, 0.9))
    meeting = np.array(_vec(base, 0.95))
    return [
        _art("hi", "Tokayev met Putin in Moscow on Monday. Kazakhstan and Russia signed a declaration.",
             "2022-11-28", _PEOPLE, _vec(meeting, 0.93)),
        _art("pl", "Tokayev arrived in Moscow on Monday for a meeting with Putin. Russia is a partner.",
             "2022-11-28", _PEOPLE, _vec(meeting, 0.93)),
        _art("uz", "Tokayev wrote before his state visit to Russia. He recalled that Putin made a state visit "
             "to Astana in November 2024. Kazakhstan values the ties.", "2025-11-10", _PEOPLE, _vec(base, 0.95),
             [("November 2024", "2024-11")]),
        _art("de", "In an interview Tokayev called Russia the main ally of Kazakhstan. He said that he and Putin "
             "agreed during the official visit in November 2023 that ties stay strong.", "2024-01-10", _PEOPLE,
             _vec(base, 0.95), [("November 2023", "2023-11")]),
        _art("tr", "Putin on a visit to Astana: Tokayev and Putin signed 20 agreements. Kazakhstan and Russia.",
             "2023-11-09", _PEOPLE, _vec(base, 0.95)),
    ]


def test_events_date_range_parses_timex_precisions() -> None:
    assert date_range("2022-11-28")[0] == date_range("2022-11-28")[1]
    lo, hi = date_range("2024-11")
    assert hi - lo == 29
    assert date_range("2023")[1] - date_range("2023")[0] == 364
    assert date_range("XXXX-11") is None
    assert date_range("2023-02-30") is None


def test_events_trigger_words_found_in_several_languages() -> None:
    assert find_trigger("Putin made a state visit to Astana")[0] == "visit"
    assert find_trigger("Путин 2024 йил ноябрь ойида Остонага давлат ташрифи қилди")[0] == "visit"
    assert find_trigger("w czasie spotkania ze swoim gościem")[0] == "meeting"
    assert find_trigger("nothing happened here") is None


def test_events_same_visit_shares_event_other_occurrences_do_not() -> None:
    arts = _seed_like()
    events, stories = cluster(arts, [], [])
    by_id = {a.id: a for a in arts}
    assert by_id["hi"].event_id == by_id["pl"].event_id
    assert len({by_id[k].event_id for k in ("hi", "uz", "de", "tr")}) == 4
    assert len({a.story_id for a in arts}) == 1 and by_id["hi"].story_id is not None
    assert all(e.label for e in events)
    meeting = next(e for e in events if e.id == by_id["hi"].event_id)
    assert meeting.label.startswith("Tokayev – Putin") and "Moscow" in meeting.label and "2022-11-28" in meeting.label
    assert len(stories) == 1


def test_events_mentioned_visit_links_to_reported_event_or_stands_alone() -> None:
    arts = _seed_like()
    events, stories = cluster(arts, [], [])
    by_id = {a.id: a for a in arts}
    reported_2023 = next(e for e in events if e.id == by_id["tr"].event_id)
    assert "de" in reported_2023.mentioned_in
    mentioned = [e for e in events if e.kind == "mentioned"]
    assert [e.date for e in mentioned] == ["2024-11"]
    assert mentioned[0].label == "Putin visit, Astana, 2024-11"
    assert mentioned[0].mentioned_in == ["uz"]
    line = timeline(stories[0], events)
    dates = [e.date for e in line]
    assert dates == sorted(dates) and dates[0] == "2022-11-28" and dates[-1] == "2025-11-10"
    assert mentioned[0].id in [e.id for e in line]

def test_events_a_shared_country_or_a_similar_theme_alone_makes_no_story() -> None:
    arts = _seed_like()
    other = _art("moon", "India landed a probe on the Moon. Russia had lost its own probe. Kazakhstan watched.",
                 "2023-08-23", [("India", "LOC", "Q-in"), *_PEOPLE], _vec(np.array(arts[0].embedding), 0.88))
    cluster([*arts, other], [], [])
    assert other.story_id is not None
    assert other.story_id not in {a.story_id for a in arts}
    assert len({a.story_id for a in arts}) == 1



def test_events_incremental_resume_gives_the_same_event() -> None:
    arts = _seed_like()
    first, stories = cluster(arts[:1], [], [])
    later = arts[1]
    events, stories = cluster([later], first, stories)  # the lists returned last: the live index is reused
    assert later.event_id == arts[0].event_id
    assert later.story_id == arts[0].story_id
    again = _seed_like()[1]
    cluster([again], list(events), list(stories))  # new lists (read back from a store): re-indexed from meta
    assert again.event_id == arts[0].event_id


def test_events_bad_input_undated_unnamed_and_copies() -> None:
    empty = Article(id="x", text="")
    copies = [Article(id=f"c{i}", text="Same text about a flood.", date="2024-05-01") for i in range(50)]
    vec = _vec(_TOPIC, 0.5)
    for c in copies:
        c.embedding = vec
    events, _ = cluster([empty, *copies], [], [])
    assert empty.event_id and empty.story_id
    assert len({c.event_id for c in copies}) == 1
    assert len(events) == 2


def test_events_mentioned_happening_needs_trigger_names_and_date() -> None:
    art = _art("m", "Putin visited Astana in November 2024. Prices rose in March 2023.", "2025-01-01",
               _PEOPLE, None, [("November 2024", "2024-11"), ("March 2023", "2023-03")])
    found = mentioned_happenings(art)
    assert [(h.concept, sorted(h.keys)) for h in found] == [("visit", ["Q-ast", "Q-put"])]


def test_events_index_candidates_are_bounded() -> None:
    index = EventIndex()
    for i in range(300):
        index.assign(_art(f"a{i}", f"Story {i} Putin", "2024-01-01", _PEOPLE, _vec(_RNG.normal(size=32), 0.99)))
    probe = _art("p", "Putin", "2024-01-01", _PEOPLE, _vec(_TOPIC, 0.9))
    from newsweave.corpus.events import ANN_CANDIDATES, POSTING_DEPTH, evidence

    assert len(index.candidates(evidence(probe))) <= ANN_CANDIDATES + POSTING_DEPTH * len(_PEOPLE)


def test_events_bad_input_huge_article_and_ten_thousand_copies_stay_bounded() -> None:
    sentence = "Putin met Tokayev in Astana during a visit in November 2024. "
    huge = Article(id="huge", text=sentence * 20_000, date="2025-01-01")  # ~200,000 words
    step = len(sentence)
    for i in range(0, 20_000, 4):
        base = i * step
        huge.mentions.append(Mention(base, base + 5, "Putin", "PER", entity_id="Q-put"))
        huge.mentions.append(Mention(base + 21, base + 27, "Astana", "LOC", entity_id="Q-ast"))
        huge.times.append(TimeRef(base + 46, base + 59, "November 2024", "2024-11"))
    copies = [Article(id=f"c{i}", text="One article copied many times.", date="2024-05-01") for i in range(10_000)]
    events, _ = cluster([huge, *copies], [], [])
    assert len({c.event_id for c in copies}) == 1
    mentioned = [e for e in events if e.kind == "mentioned"]
    assert len(mentioned) == 1 and mentioned[0].mentioned_in == ["huge"]
    copy_event = next(e for e in events if e.id == copies[0].event_id)
    assert len(copy_event.meta["hashes"]) == 1 and len(copy_event.meta["figures"]) <= 8


_FLOOD = [("Valencia", "LOC", "Q-val"), ("Spain", "LOC", "Q-es"), ("Sanchez", "PER", "Q-san")]


def _topic_vec(rng: np.random.Generator, topic: np.ndarray, closeness: float) -> list[float]:
    noise = rng.normal(size=32)
    noise -= noise @ topic / (topic @ topic) * topic
    v = closeness * topic / np.linalg.norm(topic) + np.sqrt(1 - closeness**2) * noise / np.linalg.norm(noise)
    return v.tolist()


def _visit_and_flood() -> tuple[list[Article], list[Article]]:
    """Three reports of a visit (28 Nov 2022) and two of a flood (5 Dec 2022): different vectors, names, days."""
    rng = np.random.default_rng(11)
    visit, flood = rng.normal(size=32), rng.normal(size=32)
    visits = [_art(f"v{i}", f"Tokayev met Putin in Moscow, report {i}.", "2022-11-28", _PEOPLE,
                   _topic_vec(rng, visit, 0.97)) for i in range(3)]
    floods = [_art(f"f{i}", f"Flood in Valencia, Sanchez visits Spain's east, report {i}.", "2022-12-05", _FLOOD,
                   _topic_vec(rng, flood, 0.97)) for i in range(2)]
    return visits, floods


def _loader(articles: list[Article]):
    by_id = {a.id: a for a in articles}
    return lambda ids: [by_id[i] for i in ids if i in by_id]


def test_events_recluster_merges_events_of_one_happening_and_redirects() -> None:
    from newsweave.corpus.events import recluster

    visits, floods = _visit_and_flood()
    first, s1 = cluster(visits[:2], [], [])  # two shards clustered apart: one visit, two events
    second, s2 = EventIndex().load([], []), None
    for art in visits[2:]:
        second.assign(art)
    e2, s2 = second.finish()
    flood_events, s3 = cluster(floods, [], [])
    events = [*first, *e2, *flood_events]
    assert len({e.id for e in events if e.kind == "reported"}) == 3
    result = recluster(events, [*s1, *s2, *s3], _loader(visits + floods))
    survivor = visits[0].event_id
    assert result.redirects == {visits[2].event_id: survivor}
    merged = next(e for e in result.events if e.id == survivor)
    assert sorted(merged.article_ids) == ["v0", "v1", "v2"] and "2022-11-28" in merged.label
    assert visits[2].event_id not in {e.id for e in result.events}
    flood = next(e for e in result.events if e.id == floods[0].event_id)
    assert sorted(flood.article_ids) == ["f0", "f1"]
    assert all(visits[2].event_id not in s.event_ids for s in result.stories)
    assert result.split == []


def test_events_recluster_splits_an_event_whose_articles_drifted_apart() -> None:
    from newsweave.corpus.events import recluster

    visits, floods = _visit_and_flood()
    events, stories = cluster(visits, [], [])
    event = next(e for e in events if e.kind == "reported")
    event.article_ids.append(floods[0].id)  # a report of another happening that an earlier pass let in
    result = recluster(events, stories, _loader(visits + floods[:1]))
    assert result.redirects == {}
    assert [origin for origin, _ in result.split] == [event.id]
    kept = next(e for e in result.events if e.id == event.id)
    assert sorted(kept.article_ids) == ["v0", "v1", "v2"]
    new_id = result.split[0][1][0]
    split_off = next(e for e in result.events if e.id == new_id)
    assert split_off.article_ids == ["f0"] and split_off.date == "2022-12-05" and "Sanchez" in split_off.label
    story = next(s for s in result.stories if s.id == kept.story_id)
    assert new_id in story.event_ids and split_off.story_id == story.id


def test_events_recluster_leaves_a_clean_picture_alone() -> None:
    from newsweave.corpus.events import recluster

    visits, floods = _visit_and_flood()
    events, stories = cluster(visits + floods, [], [])
    before = [(e.id, list(e.article_ids), e.label) for e in events]
    result = recluster(events, stories, _loader(visits + floods))
    assert result.merged == [] and result.split == [] and result.redirects == {}
    assert [(e.id, list(e.article_ids), e.label) for e in result.events] == before


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_events_recluster_store_redirects_old_ids(fresh_store, kind: str) -> None:
    from newsweave.corpus import CorpusPicture
    from newsweave.corpus.events import recluster_store
    from newsweave.store import open_store

    visits, floods = _visit_and_flood()
    location = fresh_store(kind)
    with open_store(location) as store:
        store.add_articles([Article(id=a.id, text=a.text, date=a.date, lang="en") for a in visits + floods])
        first, s1 = cluster(visits[:2], [], [])
        index = EventIndex()
        for art in visits[2:]:
            index.assign(art)
        e2, s2 = index.finish()
        rest, s3 = cluster(floods, [], [])
        store.save_analysis(visits + floods, CorpusPicture([], [*first, *e2, *rest], [*s1, *s2, *s3]))
        old = visits[2].event_id
        result = recluster_store(store)
        assert result.redirects == {old: visits[0].event_id}
        assert store.get_event(old).id == visits[0].event_id
        assert sorted(store.get_event(old).article_ids) == ["v0", "v1", "v2"]
        assert store.resolve_event_id(old) == visits[0].event_id and store.resolve_event_id("nope") is None
        assert store.get_article("v2").event_id == visits[0].event_id
        assert store.check() == []
    result = CliRunner().invoke(app, ["recluster", "--db", location])  # a second pass: nothing to do
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("0 merged, 0 split, 2 events")


def test_events_recluster_folds_a_mentioned_event_into_its_later_report() -> None:
    from newsweave.corpus.events import recluster

    uz = _seed_like()[2]  # recalls Putin's state visit to Astana in November 2024
    events, stories = cluster([uz], [], [])
    mentioned = next(e for e in events if e.kind == "mentioned")
    report = _art("rep", "Putin arrived in Astana on a state visit; Tokayev welcomed him.", "2024-11-27", _PEOPLE,
                  _vec(_TOPIC, 0.9))
    events, stories = cluster([report], list(events), list(stories))  # reported later, in another batch
    assert mentioned.id in {e.id for e in events} and report.event_id != mentioned.id
    result = recluster(events, stories, _loader([uz, report]))
    assert result.redirects == {mentioned.id: report.event_id}
    reported = next(e for e in result.events if e.id == report.event_id)
    assert reported.mentioned_in == ["uz"] and mentioned.id not in {e.id for e in result.events}
    own = next(e for e in result.events if e.id == uz.event_id)
    assert own.meta["mentions"] == [report.event_id]


def test_events_merge_spans_keeps_a_multi_day_range_and_sharpens_a_month() -> None:
    from newsweave.corpus.events import merge_spans

    day = date_range("2022-11-28")
    assert merge_spans(date_range("2022-11"), day) == day
    assert merge_spans(day, date_range("2022-11")) == day
    reports = (day[0] - 4, day[0])  # reports from the 24th to the 28th
    assert merge_spans(reports, day) == reports
    assert merge_spans((day[0] - 2, day[0] - 2), reports) == reports
    assert merge_spans(reports, (day[0] + 3, day[0] + 3)) == (day[0] - 4, day[0] + 3)


def test_events_multi_day_event_keeps_its_range_as_reports_arrive() -> None:
    topic = np.array(_vec(_TOPIC, 0.9))
    days = ["2022-11-01", "2022-11-02", "2022-11-03", "2022-11-03", "2022-11-02"]
    arts = [_art(f"r{i}", "Tokayev met Putin in Moscow.", d, _PEOPLE, _vec(topic, 0.97)) for i, d in enumerate(days)]
    events, _ = cluster(arts, [], [])
    assert len({a.event_id for a in arts}) == 1
    event = next(e for e in events if e.id == arts[0].event_id)
    assert (event.date, event.date_end) == ("2022-11-01", "2022-11-03")


def test_events_itn_halves_are_fixed_and_disjoint() -> None:
    from newsweave.evaluate.cluster import itn_half, select_itn

    rows = [{"qid": f"Q{i}", "timestamp": i, "text": "x", "lang": "en"} for i in range(200)]
    a, b = select_itn(rows, half="A"), select_itn(rows, half="B")
    assert {r["qid"] for r in a}.isdisjoint({r["qid"] for r in b}) and len(a) + len(b) == len(rows)
    assert 60 < len(a) < 140
    # the split is a fixed hash, not a random draw: the figures reported for half B stay comparable
    assert "".join(itn_half(f"Q{i}") for i in range(1, 11)) == "BBBBBABBAB"


def test_events_recluster_redirects_a_story_it_empties() -> None:
    from newsweave.corpus.events import recluster

    visits, _floods = _visit_and_flood()
    first, s1 = cluster(visits[:2], [], [])
    second, s2 = cluster(visits[2:], [], [])  # another shard: the third report opens its own event and story
    assert s1[0].id != s2[0].id
    result = recluster([*first, *second], [*s1, *s2], _loader(visits))
    assert result.redirects == {visits[2].event_id: visits[0].event_id}
    assert result.story_redirects == {s2[0].id: s1[0].id}
    assert [s.id for s in result.stories] == [s1[0].id]


def test_events_recluster_reads_articles_a_batch_of_events_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsweave.corpus.events as events_module

    visits, floods = _visit_and_flood()
    first, s1 = cluster(visits[:2], [], [])
    second, s2 = cluster(visits[2:] + floods, [], [])
    calls: list[list[str]] = []
    load = _loader(visits + floods)

    def recording(ids):
        calls.append(sorted(ids))
        return load(ids)

    monkeypatch.setattr(events_module, "LOAD_BATCH", 1)
    result = events_module.recluster([*first, *second], [*s1, *s2], recording)
    assert max(len(c) for c in calls) == 2  # one event's articles per read, never the whole store
    assert ["v0", "v1"] in calls and ["f0", "f1"] in calls
    assert result.redirects == {visits[2].event_id: visits[0].event_id}
    merged = next(e for e in result.events if e.id == visits[0].event_id)
    assert sorted(merged.article_ids) == ["v0", "v1", "v2"] and merged.meta["n"] == 3
    assert sorted(merged.meta["by_lang"]["en"]) == ["v0", "v1", "v2"]


def test_events_recluster_store_resolves_an_emptied_story(fresh_store) -> None:
    from newsweave.corpus import CorpusPicture
    from newsweave.corpus.events import recluster_store
    from newsweave.store import open_store

    visits, _floods = _visit_and_flood()
    with open_store(fresh_store("sqlite")) as store:
        store.add_articles([Article(id=a.id, text=a.text, date=a.date, lang="en") for a in visits])
        first, s1 = cluster(visits[:2], [], [])
        second, s2 = cluster(visits[2:], [], [])
        store.save_analysis(visits, CorpusPicture([], [*first, *second], [*s1, *s2]))
        result = recluster_store(store)
        assert result.story_redirects == {s2[0].id: s1[0].id}
        assert store.get_story(s2[0].id).id == s1[0].id
        assert store.resolve_story_id(s2[0].id) == s1[0].id and store.resolve_story_id(s1[0].id) == s1[0].id
        assert store.resolve_story_id("st-nope") is None and store.check() == []


def test_events_same_day_reports_of_one_kind_in_two_countries_are_two_events() -> None:
    """Same words, same day, same toll, near-identical vectors: a quake in Ghana is not the quake in Peru; a report
    that names Peru beside Bolivia still joins the Peru quake."""
    quake = np.array(_vec(_TOPIC, 0.9))

    def report(aid: str, text: str, countries: list[tuple[str, str]]) -> Article:
        art = _art(aid, text, "2031-03-03", [], _vec(quake, 0.97))
        for name, code in countries:
            pos = text.find(name)
            art.mentions.append(Mention(pos, pos + len(name), name, "LOC", kb_id=f"iso:{code}",
                                        entity_id=f"Q-{code}", entity_name=name))
        return art

    arts = [report("pe", "An earthquake hit Peru on Monday, killing 12 people.", [("Peru", "PE")]),
            report("gh", "An earthquake hit Ghana on Monday, killing 12 people.", [("Ghana", "GH")]),
            report("bo", "An earthquake hit Bolivia and Peru on Monday, killing 12 people.",
                   [("Bolivia", "BO"), ("Peru", "PE")])]
    cluster(arts, [], [])
    by_id = {a.id: a.event_id for a in arts}
    assert by_id["pe"] == by_id["bo"] != by_id["gh"]
