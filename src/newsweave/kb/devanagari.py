"""Devanagari names in Latin letters as Hindi speakers say them: the inherent vowel kept where it is spoken.

Every Devanagari consonant carries a short *a* unless a vowel sign or a virama replaces it, and Hindi leaves
many of those unspoken (schwa deletion): *कमल* is *kamal*, not *kamala* nor, as anyascii writes it, *kml*;
*जवाहरलाल* is *javaharlal*. Display names need the spoken form (an English reader cannot use *Nremdr Modi*);
name keys keep anyascii's vowel-free letters, which compare across spellings better.

The rules (after Narasimhan et al., 2004, simplified): a word's last inherent *a* is silent unless the word has
one syllable or ends in a cluster Sanskrit names end in (*नरेंद्र* *narendra*, *मिश्र* *mishra*); going right to left, an
inner one is silent between a vowel and a consonant that keeps its vowel (*सलमान* *salman*, *रामलाखन*
*ramlakhan*); the first syllable always keeps it (*सरायेव* *sarayev*).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

#: Consonants (with their nukta forms) and the Latin letters English news uses for them.
CONSONANTS = {
    "क": "k", "ख": "kh", "ग": "g", "घ": "gh", "ङ": "n", "च": "ch", "छ": "chh", "ज": "j", "झ": "jh", "ञ": "n",
    "ट": "t", "ठ": "th", "ड": "d", "ढ": "dh", "ण": "n", "त": "t", "थ": "th", "द": "d", "ध": "dh", "न": "n",
    "प": "p", "फ": "ph", "ब": "b", "भ": "bh", "म": "m", "य": "y", "र": "r", "ल": "l", "व": "v", "श": "sh",
    "ष": "sh", "स": "s", "ह": "h", "क़": "q", "ख़": "kh", "ग़": "gh", "ज़": "z", "ड़": "r", "ढ़": "rh", "फ़": "f",
    "य़": "y", "ळ": "l",
}
#: Vowel letters written on their own, and vowel signs written on a consonant.
VOWELS = {"अ": "a", "आ": "a", "इ": "i", "ई": "i", "उ": "u", "ऊ": "u", "ऋ": "ri", "ए": "e", "ऐ": "ai", "ओ": "o",
          "औ": "au", "ऑ": "o", "ऍ": "e"}
SIGNS = {"ा": "a", "ि": "i", "ी": "i", "ु": "u", "ू": "u", "ृ": "ri", "े": "e", "ै": "ai", "ो": "o", "ौ": "au",
         "ॉ": "o", "ॅ": "e"}
VIRAMA, NUKTA = "्", "़"
#: Nasal marks: *n*, or *m* before a labial (*कंबल* *kambal*); the visarga is an *h*.
NASALS, VISARGA = frozenset("ंँ"), "ः"
LABIALS = frozenset("pbm")
#: A word's last inherent vowel is spoken after a cluster ending in one of these, as in Sanskrit names
#: (*नरेंद्र* *narendra*, *मिश्र* *mishra*, *लक्ष* *laksha*), not after others (*स्टीवर्ट* *stivart*).
SPOKEN_AFTER = frozenset("ryv")


@dataclass(slots=True)
class _Syllable:
    onset: str  # Latin consonants ("" for a vowel letter)
    vowel: str  # Latin vowel; "a" when inherent
    inherent: bool  # the vowel is the consonant's own short a, which may go silent
    cluster: bool = False  # the onset joins two or more consonants (a virama before it)
    coda: str = ""  # a nasal or visarga after the vowel


def _syllables(word: str) -> list[_Syllable] | None:
    """The word's syllables, None when it holds a character this module does not read."""
    out: list[_Syllable] = []
    pending = ""  # consonants joined by a virama, waiting for the vowel of the cluster
    chars = list(word)
    k = 0
    while k < len(chars):
        ch = chars[k]
        if k + 1 < len(chars) and chars[k + 1] == NUKTA and ch + NUKTA in CONSONANTS:
            ch, k = ch + NUKTA, k + 1
        if ch in CONSONANTS:
            onset = pending + CONSONANTS[ch]
            cluster = bool(pending)
            pending = ""
            nxt = chars[k + 1] if k + 1 < len(chars) else ""
            if nxt == VIRAMA:
                pending, k = onset, k + 2
                continue
            if nxt in SIGNS:
                out.append(_Syllable(onset, SIGNS[nxt], False, cluster))
                k += 2
                continue
            out.append(_Syllable(onset, "a", True, cluster))
        elif ch in VOWELS:
            out.append(_Syllable(pending, VOWELS[ch], False))
            pending = ""
        elif ch in NASALS or ch == VISARGA:
            if not out:
                return None
            out[-1].coda += "h" if ch == VISARGA else "n"
        else:
            return None
        k += 1
    if pending:  # a word ending in a virama: its consonants stand without a vowel
        out.append(_Syllable(pending, "", False))
    return out


def _silence(syllables: list[_Syllable]) -> None:
    """Schwa deletion (see the module docstring), in place: a silenced inherent vowel becomes ""."""
    last = syllables[-1]
    spoken_cluster = last.cluster and (last.onset[-1:] in SPOKEN_AFTER or last.onset.endswith("ksh"))
    if len(syllables) > 1 and last.inherent and not spoken_cluster and not last.coda:
        last.vowel = ""
    for k in range(len(syllables) - 2, 0, -1):
        s, before, after = syllables[k], syllables[k - 1], syllables[k + 1]
        if s.inherent and not s.coda and before.vowel and after.vowel and after.onset and not after.cluster:
            s.vowel = ""


def _nasal(coda: str, following: str) -> str:
    """The nasal as written before the next consonant: *m* before a labial, *ng* before *h* (*सिंह* *singh*)."""
    if coda == "n" and following[:1] in LABIALS:
        return "m"
    if coda == "n" and following == "h":
        return "ng"
    return coda


def romanize_word(word: str) -> str | None:
    """One Devanagari word in Latin letters, inherent vowels spoken as in Hindi; None for other text."""
    syllables = _syllables(unicodedata.normalize("NFD", word))  # क़ (one code point) is क and a nukta
    if not syllables:
        return None
    _silence(syllables)
    out = []
    for k, s in enumerate(syllables):
        following = syllables[k + 1].onset if k + 1 < len(syllables) else ""
        out.append(s.onset + s.vowel + _nasal(s.coda, following))
    return "".join(out)


#: Spellings of one sound in romanised Indian place names, read alike by :func:`latin_key`.
_LATIN_SPELLINGS = (("w", "v"), ("ee", "i"), ("oo", "u"), ("y", "i"))
_DOUBLED = re.compile(r"(.)\1")


def latin_key(latin: str) -> str:
    """A romanised name as a key that meets :func:`romanize_word`'s reading of its Devanagari spelling: vowel length,
    doubled letters and the *w*/*v*, *y*/*i* spellings go (GeoNames' *Bhīlwāra* and the spoken *भीलवाड़ा*
    *bhilvara* both give ``bhilvara``); aspiration stays, which tells *Dhār* from *डर* ("fear")."""
    key = "".join(ch for ch in anyascii(latin).lower() if "a" <= ch <= "z")
    for spelt, read in _LATIN_SPELLINGS:
        key = key.replace(spelt, read)
    return _DOUBLED.sub(r"\1", key)


@lru_cache(maxsize=1 << 16)
def spoken_key(word: str) -> str | None:
    """:func:`latin_key` of a Devanagari word read as Hindi speaks it (:func:`romanize_word`), None for other text:
    the key towns named in Latin letters alone are looked up by, asked of many words of every Hindi text."""
    spoken = romanize_word(word)
    return None if spoken is None else latin_key(spoken)
