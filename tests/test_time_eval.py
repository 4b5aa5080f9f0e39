"""The time evaluation: TimeBank parsing, scoring, and the CI sample run (a regression floor, not the goal)."""

from __future__ import annotations

from pathlib import Path

from newsweave.evaluate.time import Doc, evaluate, format_table, load_timebank, score_specs, score_timebank


def test_time_eval_timebank_loader_rebuilds_text_and_spans(tmp_path: Path) -> None:
    path = tmp_path / "tb.tsv"
    path.write_text('*!-DCTVALUE="1989-10-30"-!*\tO\t-\n\nSales\tO\t-\nrose\tO\t-\nlast\tB-DATE\t1988\n'
                    'year\tI-DATE\t1988\n.\tO\t-\n', encoding="utf-8")
    docs = load_timebank(path)
    assert len(docs) == 1 and docs[0].dct == "1989-10-30"
    assert docs[0].text == "Sales rose last year ."
    assert docs[0].gold == [(2, 4, "DATE", "1988")]


def test_time_eval_scores_perfect_and_missing_predictions() -> None:
    doc = Doc(dct="1989-10-30", tokens=[(0, 5), (6, 10), (11, 15), (16, 20)], text="Sales rose last year",
              gold=[(2, 4, "DATE", "1988")])
    result = score_timebank([doc], "en")
    assert result["strict"] == (1.0, 1.0, 1.0)
    assert result["value_acc"] == 1.0
    empty = Doc(dct="1989-10-30", tokens=[(0, 4)], text="rain", gold=[(0, 1, "DATE", "1989")])
    assert score_timebank([empty], "en")["relaxed"][1] == 0.0


def test_time_eval_spec_case_pass_and_fail() -> None:
    case = {"Input": "Ich komme am 2. Oktober zurück.", "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
            "Results": [{"Text": "2. oktober", "Start": 13, "End": 22, "TypeName": "datetimeV2.date",
                         "Resolution": {"values": [{"timex": "XXXX-10-02", "type": "date", "value": "2016-10-02"}]}}]}
    assert score_specs([case], "de") == {"cases": 1, "passed": 1, "rate": 1.0}
    wrong = {**case, "Input": "Ich komme morgen nicht."}
    assert score_specs([wrong], "de")["passed"] == 0


def test_time_eval_ci_sample_meets_floor(shared: Path) -> None:
    result = evaluate(shared)
    table = format_table(result)
    assert "TimeBank" in table and "Recognizers" in table
    for lang in ("en", "es"):
        scores = result["timebank"][lang]
        assert scores["relaxed"][2] >= 0.85, (lang, scores)
        assert scores["value_acc"] >= 0.82, (lang, scores)
