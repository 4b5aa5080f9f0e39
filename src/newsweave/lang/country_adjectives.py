"""Endings that turn a country's name into its adjective, per language: *Sverige*/*svensk* aside, most languages
make the adjective of a country from the stem of its name (*Malaisie* -> *malaisiennes*, *Китай* -> *китайским*,
*Σουηδία* -> *σουηδικές*, *Bulgarie* -> *bulgares*, *Schweden* -> *schwedische*).

Event titles name their country either way (*Élections législatives malaisiennes de 2022*, *Pilihan raya umum
Malaysia 2022*), so :func:`newsweave.corpus.entities_titles.title_anchors` reads a title word as a country when it
is a country's name (or that name without its last one or two letters) followed by one of these endings of the
title's language. Data, not code: general grammar of each language (nationality adjectives with their gender,
number and case endings), lower-case and without diacritics (words are compared with their marks removed).
A language missing here gets no adjective reading; English needs none (the gazetteer lists its demonyms).
"""

from __future__ import annotations

_RU_ADJ = ("ий", "ая", "ое", "ие", "ого", "ому", "им", "ом", "ой", "ую", "их", "ими")
_UK_ADJ = ("ий", "а", "е", "і", "ого", "ому", "им", "ім", "ій", "у", "их", "ими", "ою")
_BE_ADJ = ("і", "ая", "ае", "ія", "ага", "аму", "ім", "ым", "ай", "ую", "іх", "імі", "ы", "ых", "ымі")

#: language -> endings that follow a country's stem in its adjective (all genders, numbers and cases).
COUNTRY_ADJECTIVE_ENDINGS: dict[str, tuple[str, ...]] = {
    "fr": ("ien", "ienne", "iens", "iennes", "ais", "aise", "aises", "ois", "oise", "oises", "ain", "aine", "ains",
           "aines", "ine", "ines", "iote", "iotes", "es"),
    "es": ("es", "esa", "eses", "esas", "ano", "ana", "anos", "anas", "ense", "enses", "ino", "ina", "inos", "inas"),
    "pt": ("es", "esa", "eses", "esas", "ano", "ana", "anos", "anas", "ense", "enses", "ino", "ina", "inos", "inas"),
    "it": ("ese", "esi", "iano", "iana", "iani", "iane", "ino", "ina", "ini", "ine"),
    "ro": ("ean", "eana", "eni", "ene", "eanca", "ez", "eza", "ezi", "eze", "ian", "iana", "ieni", "iene", "esc",
           "easca", "esti"),
    "de": ("isch", "ische", "ischen", "ischer", "isches", "ischem", "esisch", "esische", "esischen", "esischer"),
    "nl": ("se", "ese", "isch", "ische"),
    "da": ("isk", "iske", "sk", "ske", "esisk", "esiske"),
    "no": ("isk", "iske", "sk", "ske", "esisk", "esiske"),
    "sv": ("isk", "iska", "iske", "sk", "ska", "esisk", "esiska"),
    "pl": tuple(f"{stem}{end}" for stem in ("sk", "ck", "ańsk", "ijsk")
                for end in ("i", "a", "ie", "iego", "iej", "im", "ich", "imi", "ą")),
    "cs": tuple(f"{stem}{end}" for stem in ("sk", "ck") for end in ("ý", "á", "é", "ého", "ém", "ou", "ých", "ými")),
    "ru": tuple(f"{stem}{end}" for stem in ("ск", "ийск", "ейск") for end in _RU_ADJ),
    "bg": tuple(f"{stem}{end}" for stem in ("ск", "ийск") for end in ("и", "а", "о", "ия", "ият", "ите")),
    "uk": tuple(f"{stem}{end}" for stem in ("ськ", "ійськ", "ейськ") for end in _UK_ADJ),
    "be": tuple(f"{stem}{end}" for stem in ("ск", "ійск", "ейск") for end in _BE_ADJ),
    "el": ("ικος", "ικη", "ικο", "ικοι", "ικες", "ικα", "ικου", "ικης", "ικων", "εζικος", "εζικη", "εζικες"),
    "fi": ("lainen", "laiset", "laisen", "laisten", "laista"),
}

#: language -> endings read only in a word written in lower case (titles of these languages write a country's
#: adjective so): short ones that also close given names and other nouns, which titles capitalise (*Colombe*,
#: *Canaan* beside *cubain*, *nigériane*, *andorranes*).
LOWER_CASE_ENDINGS: dict[str, tuple[str, ...]] = {
    "fr": ("in", "ins", "an", "ans", "ane", "anes"),
}

#: language -> endings after a language's name that make it its country's adjective (*danois* -> *danoises*,
#: *kazakh* -> *kazakhe*, *letton* -> *lettonne*); the empty ending: the name as it is (*slovène*).
LANGUAGE_NAME_ENDINGS: dict[str, tuple[str, ...]] = {
    "fr": ("", "e", "s", "es", "ne", "nes"),
}
