"""The merge evaluation: pairwise and B³ scoring, and the CI sample run (a regression floor, not the goal)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsweave.cli import app
from newsweave.evaluate.merge import Item, bcubed, pairwise, run


def _items(pairs: list[tuple[str, str, str, str]]) -> list[Item]:
    return [Item(doc, lang, gold, pred) for doc, lang, gold, pred in pairs]


def test_canonical_eval_pairwise_counts_pairs_by_scope() -> None:
    items = _items([("d1", "pl", "A", "x"), ("d1", "pl", "A", "x"), ("d2", "ru", "A", "x"), ("d2", "ru", "B", "x")])
    everything = pairwise(items)
    assert (everything.precision, everything.recall) == (3 / 6, 3 / 3)
    across_docs = pairwise(items, "doc")  # pairs within d1 or within d2 do not count
    assert (across_docs.precision, across_docs.recall) == (2 / 4, 2 / 2)


def test_canonical_eval_bcubed_perfect_and_split() -> None:
    perfect = bcubed(_items([("d", "pl", "A", "x"), ("e", "ru", "A", "x"), ("f", "ru", "B", "y")]))
    assert perfect.f1 == 1.0
    split = bcubed(_items([("d", "pl", "A", "x"), ("e", "ru", "A", "y")]))
    assert split.precision == 1.0 and split.recall == 0.5


def test_canonical_eval_ci_sample_meets_floor(shared: Path) -> None:
    rows = {str(row["data"]): row for row in run(shared)}
    slavic = next(row for label, row in rows.items() if label.startswith("slavicner"))
    assert slavic["pair_p"] >= 0.97 and slavic["pair_f1"] >= 0.90
    assert slavic["xlang_p"] >= 0.97
    assert rows["name_variants"]["pair_p"] >= 0.98 and rows["name_variants"]["pair_f1"] >= 0.45
    assert rows["name_variants B names"]["pair_p"] >= 0.98 and rows["name_variants B names"]["pair_f1"] >= 0.70


def test_canonical_eval_command_prints_the_table(shared: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "merge"])
    assert result.exit_code == 0, result.output
    assert "slavicner" in result.stdout and "pair F1" in result.stdout
