"""Abbreviations after which news writes no sentence end, though they end in a period.

Data, not code. ICU's sentence rules skip the abbreviations CLDR lists for a few locales (English *Mr.*, German
*z. B.*), not the titles, street words and company forms of Polish, Turkish or Russian news: *z prof. Janem
Zelkinem*, *przy ul. Marszałkowskiej*, *Muzeum im. Jana Pawła II*, *Prof. Dr. Ahmet Zelkan*, *Zelmorra Ltd. Şti.*
each came out as two sentences, their name opening the second, where a sentence's first word is read as a common
word. Lower case, without the final period; a dotted form keeps its inner periods (*a.ş*, *m.in*).
"""

from __future__ import annotations

#: Titles and ranks written before a name.
TITLES = frozenset({
    "prof", "dr", "hab", "inż", "mgr", "lek", "mec", "adw", "gen", "płk", "ppłk", "mjr", "kpt", "por", "ks", "abp",
    "bp", "kard", "św", "red", "sen", "pos",  # Polish
    "mr", "mrs", "ms", "mme", "hr",  # English, French, Nordic
    "doç", "av", "op", "yrd", "öğr", "gör", "uzm", "orgeneral", "korgeneral",  # Turkish
    "dipl", "ing",  # German
    "проф", "акад", "ген", "доц",  # Russian, Ukrainian, Bulgarian, Kazakh
})
#: Words for streets, squares and administrative units written before their name, and "named after".
PLACES = frozenset({"ul", "al", "os", "woj", "pow", "gm", "im", "ул", "пл", "им", "пр-т", "обл",
                    "st"})  # *St. Petersburg*, *FC St. Pauli*, *St. Gallen*
#: Of those, the words for a street or an estate: with the name after them they are one place (*ul. Bułgarska*,
#: *al. Jana Pawła II*, *ул. Ленина*).
STREETS = frozenset({"ul", "al", "os", "ул", "пр-т"})
#: Company forms that run on into more of the name or the sentence.
COMPANY_FORMS = frozenset({"ltd", "şti", "a.ş", "san", "tic", "sp", "co"})
#: Words that open a phrase: *tzw.* (so-called), *m.in.* (among others), *ds.* (for), *np.* (for example).
PHRASE_OPENERS = frozenset({"tzw", "m.in", "ds", "np", "tj", "ang", "т.н", "т.е"})

NON_FINAL: frozenset[str] = TITLES | PLACES | COMPANY_FORMS | PHRASE_OPENERS
