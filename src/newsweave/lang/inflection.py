"""Case endings that names take in inflecting languages, so a gazetteer or a known name still matches.

Data, not code. A word matches a base name when it is the base, or ends in one of ``suffixes``
after a stem that, with one of ``restores`` appended, gives the base: Polish ``Rosji`` = ``Rosj`` +
``i`` and ``Rosj`` + ``a`` = ``Rosja``; Uzbek ``Остонада`` = ``Остона`` + ``да``. The lists hold
the case endings of proper nouns only (no verbs); the entity stage tries them longest first (its `_suffix_order`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Inflection:
    """A language's noun case endings and the stem endings they replace."""

    suffixes: frozenset[str]
    restores: tuple[str, ...] = ("",)


_SLAVIC_LATIN_RESTORES = ("", "a", "o", "e", "y")
_CYRILLIC_RESTORES = ("", "а", "я", "й", "ь", "о", "е", "ия")

INFLECTIONS: dict[str, Inflection] = {
    "pl": Inflection(frozenset({"a", "u", "em", "ie", "owi", "y", "i", "ą", "ę", "ego", "emu", "iem", "ach",
                                "ami", "om", "ów", "ej", "ii", "ji", "o", "e", "owie"}),
                     _SLAVIC_LATIN_RESTORES),
    "cs": Inflection(frozenset({"a", "u", "em", "e", "ě", "ovi", "y", "i", "ou", "ii", "ie", "o", "ům", "ech",
                                "ami", "ého", "ému", "ém", "ým"}), _SLAVIC_LATIN_RESTORES),
    "sk": Inflection(frozenset({"a", "u", "om", "e", "ovi", "y", "i", "ou", "ii", "ie", "o"}),
                     _SLAVIC_LATIN_RESTORES),
    "sl": Inflection(frozenset({"a", "u", "om", "em", "e", "i", "o", "ji", "ju", "jo", "ja"}),
                     _SLAVIC_LATIN_RESTORES),
    "hr": Inflection(frozenset({"a", "u", "om", "em", "e", "i", "o", "ju", "ji"}), _SLAVIC_LATIN_RESTORES),
    "ru": Inflection(frozenset({"а", "у", "ом", "ем", "е", "ы", "и", "ой", "ей", "ю", "ою", "ею", "ии", "ию",
                                "ией", "ым", "им", "ого", "его", "ых", "их", "я", "ё"}),
                     _CYRILLIC_RESTORES),
    "uk": Inflection(frozenset({"а", "у", "ом", "ем", "е", "и", "і", "ї", "ою", "ею", "ю", "ії", "ію", "ієї",
                                "ого", "ому", "им", "ій", "я", "ові", "еві", "єві", "ої"}),
                     (*_CYRILLIC_RESTORES, "і", "ія", "а")),
    "bg": Inflection(frozenset({"а", "я", "ът", "ят", "та", "то"}), _CYRILLIC_RESTORES),
    "be": Inflection(frozenset({"а", "у", "ам", "ем", "е", "ы", "і", "ай", "ей"}), _CYRILLIC_RESTORES),
    "de": Inflection(frozenset({"s", "es", "n", "ns"})),
    "tr": Inflection(frozenset({"ın", "in", "un", "ün", "nın", "nin", "nun", "nün", "a", "e", "ya", "ye", "da",
                                "de", "ta", "te", "dan", "den", "tan", "ten", "ı", "i", "u", "ü", "yı", "yi",
                                "yu", "yü", "la", "le", "yla", "yle", "lı", "li", "lu", "lü", "ndan", "nden",
                                "nda", "nde", "na", "ne"})),
    "az": Inflection(frozenset({"ın", "in", "un", "ün", "nın", "nin", "nun", "nün", "a", "ə", "ya", "yə", "da",
                                "də", "dan", "dən", "ı", "i", "u", "ü", "nı", "ni", "nu", "nü", "la", "lə"})),
    "uz": Inflection(frozenset({"нинг", "га", "ка", "қа", "да", "та", "дан", "тан", "ни", "ning", "ga",
                                "ka", "qa", "da", "ta", "dan", "tan", "ni", "даги", "dagi", "лар", "lar",
                                "ларнинг"})),
    "kk": Inflection(frozenset({"тың", "тің", "дың", "дің", "ның", "нің", "қа", "ке", "ға", "ге", "на", "не",
                                "а", "е", "та", "те", "да", "де", "нда", "нде", "тан", "тен", "дан", "ден",
                                "нан", "нен", "ты", "ті", "ды", "ді", "ны", "ні", "мен", "пен", "бен"})),
    "ky": Inflection(frozenset({"нын", "нин", "дын", "дин", "тын", "тин", "га", "ге", "ка", "ке", "да", "де",
                                "та", "те", "дан", "ден", "тан", "тен", "ны", "ни", "ды", "ди"})),
    "fi": Inflection(frozenset({"n", "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "an", "iin",
                                "a", "ä", "ksi", "na", "nä"})),
    "hu": Inflection(frozenset({"ban", "ben", "ba", "be", "ból", "ből", "nak", "nek", "t", "ot", "et",
                                "ön", "on", "en", "hoz", "hez", "höz", "val", "vel", "ról", "ről", "ra", "re"})),
    "lt": Inflection(frozenset({"o", "ui", "ą", "u", "e", "os", "ai", "ijos", "ijoje", "iją"}),
                     ("", "as", "a", "ija", "is")),
    "lv": Inflection(frozenset({"a", "am", "u", "ā", "as", "ai", "ijas", "ijā", "iju"}), ("", "s", "a", "ija")),
    "el": Inflection(frozenset({"ς", "υ", "ου", "ης", "ας"}), ("", "α", "η", "ος", "ας")),
}
