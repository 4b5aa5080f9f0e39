"""``newsweave eval facts``: the spec scorer and the own-examples scorer on small inputs."""

from __future__ import annotations

from newsweave.evaluate.facts import Score, all_numbers, evaluate, format_table, score_case, spec_value


def test_facts_eval_spec_value_reads_locale_decimals() -> None:
    assert spec_value("0,5", "de") == 0.5
    assert spec_value("0.08", "hi") == 0.08
    assert spec_value("20%", "tr") == 20.0


def test_facts_eval_all_numbers_digits_scales_and_words() -> None:
    assert all_numbers("75 Millionen und siebenunddreißig, dazu 2,5", "de") == [75e6, 37.0, 2.5]


def test_facts_eval_score_case_money_needs_value_and_currency() -> None:
    case = {"Input": "Das kostet 94.000 $.", "Results": [{"Resolution": {"value": "94000", "unit": "Dollar"}}]}
    assert score_case(case, "de", "money", {"dollar": "USD"})
    wrong = {"Input": "Das kostet 94.000 €.", "Results": [{"Resolution": {"value": "94000", "unit": "Dollar"}}]}
    assert not score_case(wrong, "de", "money", {"dollar": "USD"})


def test_facts_eval_examples_table_without_shared_data() -> None:
    result = evaluate(None)
    examples = result["examples"]
    assert examples["figures_gold"] > 20 and examples["quotes_gold"] > 10
    assert 0.0 <= examples["figure_recall"] <= 1.0
    table = format_table(result)
    assert "Own examples: figures" in table and "Own examples: quotes" in table
    assert Score(4, 3).rate == 0.75
