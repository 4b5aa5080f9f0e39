"""Exact and near-duplicate detection: LSH keys, similarity, and the in-batch deduper."""

from __future__ import annotations

from pathlib import Path

from newsweave.dedupe import KEY_SCHEME, NEAR_DUP_THRESHOLD, BatchDeduper, near_dup_keys, similarity
from newsweave.model import Article

STORY = " ".join(
    f"On day {i} the regional council of the northern province debated the new water tariff, "
    f"which officials said would raise {i * 3} million in revenue for pipe repairs." for i in range(1, 15))
OTHER = " ".join(
    f"Match report {i}: the home side scored twice in the second half and the coach praised "
    f"the young striker, who has now scored {i} goals this season." for i in range(1, 15))


def _republished(text: str) -> str:
    """The same article with a new headline, one changed figure and a correction note."""
    return "UPDATED: " + text.replace("raise 6 million", "raise 6.5 million") + " (Corrected a figure.)"


def test_dedupe_keys_stable_and_shared_by_near_copies() -> None:
    keys = near_dup_keys(STORY)
    assert keys == near_dup_keys(STORY)
    assert all(k.startswith(KEY_SCHEME + "-") for k in keys)
    assert set(keys) & set(near_dup_keys(_republished(STORY)))
    assert not set(keys) & set(near_dup_keys(OTHER))
    assert near_dup_keys("") == [] and near_dup_keys("  ...  ") == []


def test_dedupe_similarity_ranges() -> None:
    assert similarity(STORY, STORY) == 1.0
    assert similarity(STORY, _republished(STORY)) >= NEAR_DUP_THRESHOLD
    assert similarity(STORY, OTHER) < 0.1
    assert similarity("Case AND punctuation, ignored!", "case and punctuation ignored") == 1.0


def test_dedupe_batch_marks_exact_and_near() -> None:
    arts = [Article(id="a", text=STORY), Article(id="b", text=OTHER), Article(id="c", text=STORY + "\n"),
            Article(id="d", text=_republished(STORY)), Article(id="e", text=_republished(OTHER))]
    marked = {a.id: a for a in BatchDeduper().mark(arts)}
    assert {k: a.duplicate_of for k, a in marked.items()} == {"a": None, "b": None, "c": "a", "d": "a", "e": "b"}
    assert marked["c"].meta["duplicate"]["kind"] == "exact"
    assert marked["d"].meta["duplicate"]["kind"] == "near"


def test_dedupe_unspaced_script_gets_keys() -> None:
    text = "東京都は月曜日、新しい予算案を発表した。総額は約八兆円となる見込みで、議会は来月審議する。" * 3
    assert len(near_dup_keys(text)) > 1
    assert similarity(text, text.replace("八兆円", "九兆円")) > 0.8


def test_dedupe_seed_edited_copy_is_near_duplicate(seeds_dir: Path) -> None:
    seed = sorted(seeds_dir.glob("*.txt"))[1].read_text(encoding="utf-8")
    lines = seed.splitlines()
    edited = "\n".join(["Aktualizacja", *lines[:-1]])  # a new first line, last paragraph dropped
    dedupe = BatchDeduper()
    dedupe.check(Article(id="orig", text=seed))
    copy = Article(id="copy", text=edited)
    assert dedupe.check(copy) == "orig"
