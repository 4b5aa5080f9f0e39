"""The shared word-frequency table: one per language, read from wordfreq's lists."""

from __future__ import annotations

import wordfreq

from newsweave.kb import frequency


def test_frequency_zipf_reads_words_numbers_and_unknown_languages() -> None:
    assert frequency.zipf("und", "de") > 6.0 > frequency.zipf("taiskirchen", "de") == 0.0
    assert frequency.zipf("2022", "en") > frequency.zipf("1783", "en") > 0.0  # recent years are the frequent ones
    assert frequency.zipf("und", "xx") == 0.0 and frequency.table("xx") == {}


def test_frequency_common_words_are_wordfreq_s_small_list() -> None:
    assert frequency.common_words("de") == frozenset(wordfreq.get_frequency_dict("de", wordlist="small"))
    assert frequency.top_words("en", 5) == frozenset(wordfreq.top_n_list("en", 5))
    assert frequency.top_words("xx", 5) == frozenset()
