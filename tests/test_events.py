"""Event and story clustering on hand-built articles (entities, dates and vectors set by hand)."""

from __future__ import annotations

import numpy as np

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
    base = np.array(_vec(_TOPIC, 0.9))
    meeting = np.array(_vec(base, 0.85))
    return [
        _art("hi", "Tokayev met Putin in Moscow on Monday. Kazakhstan and Russia signed a declaration.",
             "2022-11-28", _PEOPLE, _vec(meeting, 0.93)),
        _art("pl", "Tokayev arrived in Moscow on Monday for a meeting with Putin. Russia is a partner.",
             "2022-11-28", _PEOPLE, _vec(meeting, 0.93)),
        _art("uz", "Tokayev wrote before his state visit to Russia. He recalled that Putin made a state visit "
             "to Astana in November 2024. Kazakhstan values the ties.", "2025-11-10", _PEOPLE, _vec(base, 0.9),
             [("November 2024", "2024-11")]),
        _art("de", "In an interview Tokayev called Russia the main ally of Kazakhstan. He said that he and Putin "
             "agreed during the official visit in November 2023 that ties stay strong.", "2024-01-10", _PEOPLE,
             _vec(base, 0.9), [("November 2023", "2023-11")]),
        _art("tr", "Putin on a visit to Astana: Tokayev and Putin signed 20 agreements. Kazakhstan and Russia.",
             "2023-11-09", _PEOPLE, _vec(base, 0.9)),
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
