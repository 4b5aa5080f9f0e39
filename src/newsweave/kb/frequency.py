"""How common a word is in a language: wordfreq's lists, read once per language into one table.

Recognition asks it of every piece (a common word is no name), the CRF tagger's features of every word, display
names and event titles of a few: one table per language serves them all, where wordfreq's own ``zipf_frequency``
would load its full dictionary again (0.3-0.5 s in each new language's first article) and tokenise each query.
Words come case-folded and one at a time, as the table holds them.
"""

from __future__ import annotations

import math
from functools import cache, lru_cache

import wordfreq
from wordfreq.numbers import digit_freq, smash_numbers

from newsweave.lang.function_words import FUNCTION_WORDS

#: Words rarer than this (Zipf) count as unseen (0.0). The table then holds ~200k words per language and builds in
#: ~50 ms; the lowest threshold any caller asks about is Zipf 2.5.
ZIPF_FLOOR = 2.0
#: The languages wordfreq has lists for: asking it about another raises ``LookupError`` (or answers with a
#: neighbour's list).
LANGS = frozenset(wordfreq.available_languages())
#: Languages whose word lists tell whether a word is known abroad: names travel (Michael, Toyota, Jackson),
#: a language's own common nouns do not (Parlamentsarmee).
ABROAD = ("en", "de", "fr", "es", "it", "nl", "pl", "tr", "ru", "uk")


@cache
def table(lang: str) -> dict[str, float]:
    """Zipf frequency of every word of ``lang`` at least as frequent as ``ZIPF_FLOOR`` (wordfreq's best list);
    empty for a language wordfreq has no list for."""
    if lang not in LANGS:
        return {}
    out: dict[str, float] = {}
    for index, bucket in enumerate(wordfreq.get_frequency_list(lang)):
        zipf = round(9.0 - index / 100, 2)  # bucket i holds words of frequency 10^(-i/100): Zipf = log10(freq) + 9
        if zipf < ZIPF_FLOOR:
            break
        out.update(dict.fromkeys(bucket, zipf))
    return out


@cache
def zipf(word: str, lang: str) -> float:
    """The Zipf frequency of a case-folded word in ``lang`` (0.0 when rarer than ``ZIPF_FLOOR`` or unknown)."""
    words = table(lang)
    smashed = smash_numbers(word)
    if smashed == word:
        return words.get(word, 0.0)
    # wordfreq lists numbers with their digits folded to 0 ("2022" -> "0000") and spreads that frequency over
    # the numbers as its zipf_frequency does (years near now are frequent, others follow Benford's law)
    found = words.get(smashed)
    return 0.0 if found is None else round(found + math.log10(digit_freq(word)), 2)


@cache
def common_words(lang: str) -> frozenset[str]:
    """The words of ``lang`` above Zipf 3 (wordfreq's small list): ~30-60k words, read in ~20 ms. Asked of many
    languages at once (is a word known abroad?), so not cut from :func:`table`, which would read ~200k words
    of each of them."""
    return frozenset(wordfreq.get_frequency_dict(lang, wordlist="small")) if lang in LANGS else frozenset()


@cache
def top_words(lang: str, n: int) -> frozenset[str]:
    """The ``n`` most frequent words of ``lang`` (its function words, for ``n`` around 100); for a language
    ``wordfreq`` lacks, the function words written out in :mod:`newsweave.lang.function_words`."""
    return frozenset(wordfreq.top_n_list(lang, n)) if lang in LANGS else FUNCTION_WORDS.get(lang, frozenset())


@lru_cache(maxsize=200_000)
def abroad(word: str, lang: str) -> int:
    """In how many of the ``ABROAD`` languages (other than ``lang``) a case-folded word is common."""
    return sum(word in common_words(other) for other in ABROAD if other != lang)
