"""How caseless scripts spell out Latin acronyms, letter by letter, and the small words acronyms skip.

Hindi writes SCO (the Shanghai Cooperation Organisation) as एससीओ (एस-सी-ओ, "es-see-o") and Urdu as ایس سی او: to
compare such an acronym with *SCO* the spelled letter names are read back into Latin letters (:func:`spelled_latin`).
"""

from __future__ import annotations

from functools import lru_cache

#: script -> spoken name of each Latin letter -> the letter.
LETTER_NAMES: dict[str, dict[str, str]] = {
    "Deva": {
        "ए": "A", "बी": "B", "सी": "C", "डी": "D", "ई": "E", "एफ़": "F", "एफ": "F", "जी": "G", "एच": "H",
        "आई": "I", "जे": "J", "के": "K", "एल": "L", "एम": "M", "एन": "N", "ओ": "O", "पी": "P", "क्यू": "Q",
        "आर": "R", "एस": "S", "टी": "T", "यू": "U", "वी": "V", "डब्ल्यू": "W", "डब्लू": "W", "एक्स": "X",
        "वाई": "Y", "ज़ेड": "Z", "जेड": "Z",
    },
    "Arab": {
        "اے": "A", "بی": "B", "سی": "C", "ڈی": "D", "ای": "E", "ایف": "F", "جی": "G", "ایچ": "H", "آئی": "I",
        "جے": "J", "کے": "K", "ایل": "L", "ایم": "M", "این": "N", "او": "O", "پی": "P", "کیو": "Q", "آر": "R",
        "ایس": "S", "ٹی": "T", "یو": "U", "وی": "V", "ڈبلیو": "W", "ایکس": "X", "وائی": "Y", "زیڈ": "Z",
    },
}

#: script -> its letter names, longest first: a name is read before a shorter one it starts with (डब्ल्यू before डी).
_PARSE_ORDER: dict[str, tuple[str, ...]] = {script: tuple(sorted(table, key=len, reverse=True))
                                            for script, table in LETTER_NAMES.items()}


@lru_cache(maxsize=100_000)
def spelled_latin(word: str, script: str) -> str | None:
    """The Latin letters a word of ``script`` (ISO 15924) spells out, letter name by letter name (एससीओ -> ``SCO``),
    None where it is not made of letter names only or the script has none listed."""
    names = _PARSE_ORDER.get(script)
    if not names or not word:
        return None
    letters, rest = [], word
    while rest:
        found = next((n for n in names if rest.startswith(n)), None)
        if found is None:
            return None
        letters.append(LETTER_NAMES[script][found])
        rest = rest[len(found):]
    return "".join(letters)


#: Function words an acronym leaves out of its expansion (*Organizacja Współpracy Gospodarczej i Rozwoju*,
#: *Организация по безопасности и сотрудничеству в Европе*), per language, lowercase.
ACRONYM_SKIP: dict[str, frozenset[str]] = {
    "en": frozenset({"of", "the", "and", "for", "in", "on", "to", "a", "an"}),
    "de": frozenset({"der", "die", "das", "des", "den", "dem", "und", "für", "von", "zur", "zum", "im", "in"}),
    "fr": frozenset({"de", "du", "des", "la", "le", "les", "et", "pour", "l", "d"}),
    "es": frozenset({"de", "del", "la", "el", "los", "las", "y", "para"}),
    "pl": frozenset({"o", "i", "w", "na", "do", "dla", "z", "ze"}),
    "cs": frozenset({"o", "a", "v", "na", "pro", "z", "ze"}),
    "ru": frozenset({"о", "и", "в", "на", "по", "для", "с", "об"}),
    "uk": frozenset({"про", "і", "й", "в", "у", "на", "з"}),
    "bg": frozenset({"за", "и", "в", "на", "по"}),
    "tr": frozenset({"ve", "ile"}),
}
