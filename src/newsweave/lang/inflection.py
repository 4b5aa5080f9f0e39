"""Case endings that names take in inflecting languages, so a gazetteer or a known name still matches.

Data, not code. A word matches a base name when it is the base, or ends in one of ``suffixes``
after a stem that, with one of ``restores`` appended, gives the base: Polish ``Polski`` = ``Polsk`` +
``i`` and ``Polsk`` + ``a`` = ``Polska``; Uzbek ``Тошкентда`` = ``Тошкент`` + ``да``. The lists hold
the case endings of proper nouns only (no verbs); `newsweave.kb.gazetteer.inflection_bases` tries them longest first.

Where an ending changes the stem too, ``alternations`` map the inflected ending to the base endings it
stands for: Polish locatives soften the last consonant (``Kanadzie`` = ``Kanada``, ``Polsce`` = ``Polska``,
``Włoszech`` = ``Włochy``), Czech feminine ``-é``/``-ou`` come from ``-á`` (``Velké Británii`` = ``Velká
Británie``), East Slavic plural countries take ``-ах``/``-ів``/``-ов`` (``Нідерландах`` = ``Нідерланди``), and
Ukrainian ``і`` turns back to ``о``/``е`` when a syllable is added (``Львова``, ``Києва`` = ``Львів``, ``Київ``).
A candidate base only counts when the gazetteer or a known name has it, so the tables may overgenerate.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Inflection:
    """A language's noun case endings and the stem endings they replace."""

    suffixes: frozenset[str]
    restores: tuple[str, ...] = ("",)
    alternations: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    #: a base's last syllable -> the one it stands for, where an ending that opens the syllable changes its vowel:
    #: Polish *ó* turns to *o* (*Łódź*, *w Łodzi*; *Tarnów*, *do Tarnowa*; *Wschód*, *na Wschodzie*; *Zdrój*, *Zdroju*)
    raised: dict[str, str] = field(default_factory=dict, hash=False)


_SLAVIC_LATIN_RESTORES = ("", "a", "o", "e", "y")
_CYRILLIC_RESTORES = ("", "а", "я", "й", "ь", "о", "е", "ия")
#: Polish stem alternations: locative/dative ``-e`` softens the stem's last consonant; ``-iej`` is the
#: adjectival genitive/locative of ``-a`` after k/g (``Wielkiej``); plural names take ``-ech`` after ch/cz/rz and
#: lose their ``-y`` in the genitive (``z Włoch``, ``z Węgier``); soft stems add ``-ia``/``-iu`` (``Wrocławia``,
#: ``Poznania`` = ``Poznań``) and ``-dzi``/``-ci`` (``Łodzi``: ``Łódź``, with :attr:`Inflection.raised`); feminine
#: nouns in ``-ość`` and ``-ś`` soften to ``-ości``/``-ością``, ``-si``/``-sią``
#: (``Prawa i Sprawiedliwości`` = ``Prawo i Sprawiedliwość``, ``z Białorusią`` = ``Białoruś``); adjectives take
#: ``-ym``/``-im`` in the instrumental and locative, ``-ymi``/``-imi`` in the plural (``w Nowym Jorku``,
#: ``nad Morzem Bałtyckim`` = ``Morze Bałtyckie``); plural names in ``-ice``, ``-ce``, ``-ki`` drop the ending in the
#: genitive (``z Gliwic``, ``Kielc``, ``Siedlec``, ``Suwałk``).
_PL_ALTERNATIONS = {"dzie": ("da", "d"), "cie": ("ta", "t"), "ście": ("sta", "st"), "sce": ("ska",),
                    "ce": ("ka",), "dze": ("ga",), "rze": ("ra", "r"), "le": ("ła", "ł", "ło"), "źle": ("zła",),
                    "iej": ("a",), "ych": ("e", "y"), "ich": ("ie", "i"), "szech": ("chy",), "czech": ("cy",),
                    "rzech": ("ry",), "iec": ("cy",), "ier": ("ry",), "": ("y",), "ia": ("",), "iu": ("",),
                    "nia": ("ń",), "niu": ("ń",), "niem": ("ń",),
                    "ości": ("ość",), "ością": ("ość",), "si": ("ś",), "sią": ("ś",),
                    "ym": ("y", "e"), "im": ("i", "ie"), "ymi": ("e", "y"), "imi": ("ie", "i"),
                    "dzi": ("dź",), "ci": ("ć",), "ciu": ("ć",), "dziu": ("dź",), "siu": ("ś",), "ziu": ("ź",),
                    # -ś- hardens before -ł- (na Wiśle: Wisła); the fleeting -e- of -iec (w Sosnowcu: Sosnowiec)
                    "śle": ("sła",), "cu": ("iec",), "ca": ("iec",), "cem": ("iec",),
                    # plural names in -ice, -ce, -ki have no ending in the genitive (z Gliwic, Kielc, Siedlec, Suwałk)
                    "ic": ("ice",), "lc": ("lce",), "lec": ("lce",), "k": ("ki",),
                    # the fleeting -e- of -ek (w Lądku-Zdroju, do Lądka: Lądek)
                    "ku": ("ek",), "ka": ("ek",), "kiem": ("ek",)}
#: Czech: ``-ě``/``-e`` after a softened consonant, feminine adjectives and surnames ``-á`` -> ``-é``/``-ou``.
_CS_ALTERNATIONS = {"ze": ("ha", "ga"), "ce": ("ka",), "ře": ("ra",), "é": ("á",), "ou": ("á",),
                    "ii": ("ie",), "ií": ("ie",), "ech": ("y", "a"), "ích": ("e",),
                    # -ea names take -eje, -eji (Korea: Jižní Koreje); plural names -ů in the genitive (do států)
                    "eje": ("ea",), "eji": ("ea",), "ů": ("y",),
                    # adjectives back to their long nominative vowel (ve Spojených státech, v Černém moři)
                    "ých": ("é", "ý"), "ými": ("é", "ý"), "ém": ("é", "ý"), "ého": ("ý", "é"), "ému": ("ý", "é"),
                    "ým": ("ý", "é"),
                    # the fleeting -e- of -eň names (Vídeň: do Vídně, ve Vídni; Plzeň: Plzně, v Plzni)
                    "ně": ("eň",), "ni": ("eň",), "ní": ("eň",)}
#: Slovene plural names and their adjectives in the locative and genitive back to the nominative (*v Združenih
#: državah* = *Združene države*, *v Združenih arabskih emiratih* = *Združeni arabski emirati*).
_SL_ALTERNATIONS = {"ih": ("e", "i"), "ah": ("e", "a")}
#: East Slavic plural country names (Нидерланды, Нідерланди): locative, genitive, dative plural; Russian
#: adjectives of place names back to the nominative (Херсонской области, Южную Корею, Нижнего Новгорода).
_RU_ALTERNATIONS = {"ах": ("ы", "и"), "ов": ("ы",), "ам": ("ы", "и"), "ами": ("ы", "и"), "ой": ("ая", "ый"),
                    "ую": ("ая",), "ого": ("ый", "ий", "ое"), "ему": ("ий",), "ому": ("ый",), "ых": ("ые",),
                    # the prepositional and instrumental of adjectives (*Петропавловске-Камчатском*, *Нижнем*)
                    "ском": ("ский",), "цком": ("цкий",), "нем": ("ний",), "ым": ("ый",)}
_UK_ALTERNATIONS = {"ах": ("и",), "ів": ("и",), "ам": ("и",), "ами": ("и",), "ова": ("ів",), "ові": ("ів",),
                    "овом": ("ів",), "єва": ("їв",), "єві": ("їв",), "євом": ("їв",),
                    # locative/dative -і softens к, г, х to ц, з, с (Америці = Америка, Празі = Прага)
                    "ці": ("ка",), "зі": ("га",), "сі": ("ха",),
                    # adjectives back to the nominative (Сполучених Штатах, Європейського Союзу, Чорному морі)
                    "их": ("і",), "ими": ("і",), "ого": ("ий", "е"), "ому": ("ий", "е"), "им": ("ий", "і")}

#: Finnish stems that change before a case ending: *-i* nouns take *-e-* (*Suomessa* = *Suomi*), *-s* nouns *-kse-*
#: (*Kyproksen* = *Kypros*), and *-kka* loses a *k* (*Kreikassa*, *Kreikan* = *Kreikka*).
_FI_ALTERNATIONS = {"essa": ("i",), "essä": ("i",), "esta": ("i",), "estä": ("i",), "en": ("i",), "elle": ("i",),
                    "ella": ("i",), "ellä": ("i",), "eksi": ("i",), "ksen": ("s",), "ksessa": ("s",),
                    "ksesta": ("s",), "kseen": ("s",), "assa": ("ka",), "asta": ("ka",), "an": ("ka",),
                    "alla": ("ka",), "alle": ("ka",)}

INFLECTIONS: dict[str, Inflection] = {
    "pl": Inflection(frozenset({"a", "u", "em", "ie", "owi", "y", "i", "ą", "ę", "ego", "emu", "iem", "ach",
                                "ami", "om", "ów", "ej", "ii", "ji", "o", "e", "owie"}),
                     _SLAVIC_LATIN_RESTORES, _PL_ALTERNATIONS,
                     {"ow": "ów", "od": "ód", "odź": "ódź", "oj": "ój"}),
    "cs": Inflection(frozenset({"a", "u", "em", "e", "ě", "ovi", "y", "i", "ou", "ii", "ie", "o", "ům", "ech",
                                "ami", "ého", "ému", "ém", "ým"}), _SLAVIC_LATIN_RESTORES,
                     _CS_ALTERNATIONS),
    "sk": Inflection(frozenset({"a", "u", "om", "e", "ovi", "y", "i", "ou", "ii", "ie", "o"}),
                     _SLAVIC_LATIN_RESTORES),
    "sl": Inflection(frozenset({"a", "u", "om", "em", "e", "i", "o", "ji", "ju", "jo", "ja"}),
                     _SLAVIC_LATIN_RESTORES, _SL_ALTERNATIONS),
    "hr": Inflection(frozenset({"a", "u", "om", "em", "e", "i", "o", "ju", "ji"}), _SLAVIC_LATIN_RESTORES),
    "ru": Inflection(frozenset({"а", "у", "ом", "ем", "е", "ы", "и", "ой", "ей", "ю", "ою", "ею", "ии", "ию",
                                "ией", "ым", "им", "ого", "его", "ых", "их", "я", "ё"}),
                     _CYRILLIC_RESTORES, _RU_ALTERNATIONS),
    "uk": Inflection(frozenset({"а", "у", "ом", "ем", "е", "и", "і", "ї", "ою", "ею", "ю", "ії", "ію", "ієї",
                                "ого", "ому", "им", "ій", "я", "ові", "еві", "єві", "ої"}),
                     (*_CYRILLIC_RESTORES, "і", "ія", "а"), _UK_ALTERNATIONS),
    "bg": Inflection(frozenset({"а", "я", "ът", "ят", "та", "то", "те"}), _CYRILLIC_RESTORES),
    "be": Inflection(frozenset({"а", "у", "ам", "ем", "е", "ы", "і", "ай", "ей"}), _CYRILLIC_RESTORES),
    "de": Inflection(frozenset({"s", "es", "n"})),
    "tr": Inflection(frozenset({"ın", "in", "un", "ün", "nın", "nin", "nun", "nün", "a", "e", "ya", "ye", "da",
                                "de", "ta", "te", "dan", "den", "tan", "ten", "ı", "i", "u", "ü", "yı", "yi",
                                "yu", "yü", "la", "le", "yla", "yle", "ndan", "nden",
                                "nda", "nde", "na", "ne",
                                # the copula "is" (*Ankara'dır*; a counted noun: *14 anlaşmadır*)
                                "dır", "dir", "dur", "dür", "tır", "tir", "tur", "tür"})),
    "az": Inflection(frozenset({"ın", "in", "un", "ün", "nın", "nin", "nun", "nün", "a", "ə", "ya", "yə", "da",
                                "də", "dan", "dən", "ı", "i", "u", "ü", "nı", "ni", "nu", "nü", "la", "lə"})),
    "uz": Inflection(frozenset({"нинг", "га", "ка", "қа", "да", "та", "дан", "тан", "ни", "ning", "ga",
                                "ka", "qa", "da", "ta", "dan", "tan", "ni", "даги", "dagi", "лар", "lar",
                                "ларнинг"})),
    "kk": Inflection(frozenset({"тың", "тің", "дың", "дің", "ның", "нің", "қа", "ке", "ға", "ге", "на", "не",
                                "а", "е", "та", "те", "да", "де", "нда", "нде", "тан", "тен", "дан", "ден",
                                "нан", "нен", "ты", "ті", "ды", "ді", "ны", "ні", "мен", "пен", "бен",
                                # the locative made an attribute, "in X" (*Алматыдағы*, *Мәскеудегі*)
                                "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі"}),
                     # the possessive's accusative (*Батыс Қазақстан облысын*: *облысы*)
                     alternations={"ын": ("ы",), "ін": ("і",)}),
    "ky": Inflection(frozenset({"нын", "нин", "дын", "дин", "тын", "тин", "га", "ге", "ка", "ке", "да", "де",
                                "та", "те", "дан", "ден", "тан", "тен", "ны", "ни", "ды", "ди",
                                "дагы", "деги", "тагы", "теги", "ндагы", "ндеги"})),
    # Romanian: the definite article and its genitive-dative written onto the noun (*Ucrainei* = *Ucraina*,
    # *Regatului Unit* = *Regatul Unit*, *Marii Britanii* = *Marea Britanie*, *Statelor Unite* = *Statele Unite*)
    "ro": Inflection(frozenset({"ul", "ului", "ui", "ei", "ii", "i", "lui", "lor", "le"}), ("", "a", "e", "ea", "le")),
    # Danish, Norwegian, Swedish: the genitive -s (*New Zealands statsminister*, *Sveriges regering*)
    "da": Inflection(frozenset({"s"})),
    "no": Inflection(frozenset({"s"})),
    "sv": Inflection(frozenset({"s"})),
    "fi": Inflection(frozenset({"n", "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "an", "iin",
                                "a", "ä", "ksi", "na", "nä"}), ("",), _FI_ALTERNATIONS),
    "hu": Inflection(frozenset({"ban", "ben", "ba", "be", "ból", "ből", "nak", "nek", "t", "ot", "et",
                                "ön", "on", "en", "hoz", "hez", "höz", "val", "vel", "ról", "ről", "ra", "re"})),
    "lt": Inflection(frozenset({"o", "ui", "ą", "u", "e", "os", "ai", "ijos", "ijoje", "iją"}),
                     ("", "as", "a", "ija", "is")),
    "lv": Inflection(frozenset({"a", "am", "u", "ā", "as", "ai", "ijas", "ijā", "iju"}), ("", "s", "a", "ija")),
    # Georgian: genitive, dative, instrumental, adverbial and the postpositions written onto the noun ("in", "on",
    # "at", "from"); the nominative -ი of a consonant stem is dropped before them (*თბილისში* = *თბილისი*)
    "ka": Inflection(frozenset({"ის", "ს", "ით", "ად", "ში", "ზე", "თან", "დან", "იდან", "ისთვის"}), ("", "ი", "ა")),
    "el": Inflection(frozenset({"ς", "σ", "υ", "ου", "ης", "ας", "ησ", "ασ"}), ("", "α", "η", "ος", "ας", "οσ", "ασ")),
}

#: lang -> what follows an apostrophe as a clitic of the whole phrase, not a case ending of the name (English
#: possessive *'s*: *NASA's*): a name's span stops before it, where Turkish *Rusya'nın* keeps its ending.
APOSTROPHE_CLITICS: dict[str, frozenset[str]] = {"en": frozenset({"s"})}

#: Languages that mark a noun phrase's case once, on its last word and with no apostrophe (Kazakh, Uzbek, Kyrgyz):
#: a big place's name with a case ending right after a person's name is that place, not the person's last name
#: (*Сарыбаев Мәскеуде* "Sarybayev in Moscow").
PHRASE_FINAL_CASE: frozenset[str] = frozenset({"kk", "uz", "ky"})
#: Languages that write a name's case ending with no apostrophe and mark a phrase's case on its last word: those of
#: :data:`PHRASE_FINAL_CASE` and Azerbaijani (*Bahodir Zelkinov Bryusselda*, "in Brussels"; *Vaşinqtonda*). A word
#: with an ending there closes the name before it.
UNMARKED_CASE_LANGS: frozenset[str] = PHRASE_FINAL_CASE | {"az"}
#: Openings of the possessive ending on a word for a kind of place after a name (Turkish *ilçe|sinde*, Uzbek
#: *туман|ида*, Kazakh *аудан|ында*): the place is the name's; bare, it is a place of its own (*şəhər|də*, "in the
#: city").
POSSESSIVE_OPENINGS: tuple[str, ...] = ("i", "ı", "u", "ü", "и", "ы", "і", "si", "sı", "su", "sü", "сы", "сі")
#: lang -> the only endings that tell an inflected word opening a sentence where no word list tells common words and
#: many a noun of its own ends as a case does: Azerbaijani's genitive (*Bankın İdarə Heyəti*, "the bank's board";
#: *Ekologiya*, *Səhiyyə*, *Fövqəladə* end as the dative and locative do and open ministries' names).
OPENER_ENDINGS: dict[str, tuple[str, ...]] = {"az": ("ın", "in", "un", "ün")}

#: lang -> the possessive endings that make a noun the head of a compound named after what stands before it
#: (Turkish *Berlin Maratonu*, *Astana Zirvesi*, Azerbaijani *Bakı Forumu*): after a place's name such a word makes
#: the place part of a name of a thing or happening, not a person's first name (*Paris Hilton*). Longest first.
POSSESSIVE_COMPOUND_ENDINGS: dict[str, tuple[str, ...]] = {"tr": ("sı", "si", "su", "sü", "ı", "i", "u", "ü")}
POSSESSIVE_COMPOUND_ENDINGS["az"] = POSSESSIVE_COMPOUND_ENDINGS["tr"]

#: Languages where a place's name modifies the noun after it bare, with no preposition or case (*Berlin marafonida*
#: "at the Berlin marathon", *Berlin Maratonu'nda*): a town's name after a person's full name there starts such a
#: phrase rather than ending the name.
BARE_PLACE_MODIFIERS: frozenset[str] = frozenset({"tr", "az", "uz", "kk", "ky"})

#: Prepositions of where (in, at, to, from) whose capitalised object, where no list or cue types it, is a place far
#: more often than anything else (SlavicNER pl: 25 of 45 such untyped names after them are places, 2 organisations):
#: *w Brześciu*, *z Bolechowa*, *do Jasionki*. Not Russian or Ukrainian, where natasha or the layers leave fewer names
#: untyped and the rest are places less often (SlavicNER ru and FactRuEval lost a point each).
WHERE_PREPOSITIONS: dict[str, frozenset[str]] = {
    "pl": frozenset({"w", "we", "do", "z", "ze", "na", "pod", "nad", "spod", "znad", "koło", "obok"}),
    "cs": frozenset({"v", "ve", "do", "z", "ze", "na"}),
    "sk": frozenset({"v", "vo", "do", "z", "zo", "na"}),
    "sl": frozenset({"v", "iz", "do", "na"}),
    "bg": frozenset({"в", "във", "до"}),
}
#: The case endings of where (in, from) that Turkish and Azerbaijani write after an apostrophe on a name: an untyped
#: name so written is a place far more often than anything else (*Bayraklı'da*, *Melikgazi'den*; a person takes
#: the dative, *Ahmet'e*).
WHERE_CASE_ENDINGS: dict[str, frozenset[str]] = {
    "tr": frozenset({"da", "de", "ta", "te", "dan", "den", "tan", "ten", "nda", "nde", "ndan", "nden"}),
    "az": frozenset({"da", "də", "dan", "dən", "nda", "ndə", "ndan", "ndən"}),
}

#: lang -> prepositions that put a following name in a place's role ("w Warszawie", "в Бухарест", "для Азії"):
#: a lone word after one that is both a place and a person's first name is read as the place, and so is a city
#: whose name is also a common word of the language (*in Leipzig*, *à Marseille*; elsewhere *Essen* is "food").
PLACE_PREPOSITIONS: dict[str, frozenset[str]] = {
    "pl": frozenset({"w", "we", "do", "z", "ze", "na", "od", "przez", "pod", "nad", "koło", "przy", "dla"}),
    "cs": frozenset({"v", "ve", "do", "z", "ze", "na", "u", "od", "přes", "pro"}),
    "sl": frozenset({"v", "iz", "na", "do", "z", "s", "pri", "proti", "za"}),
    "ru": frozenset({"в", "во", "из", "на", "до", "под", "над", "для", "через", "по"}),
    "uk": frozenset({"в", "у", "з", "із", "до", "на", "під", "над", "для", "через", "по"}),
    "bg": frozenset({"в", "във", "от", "до", "на", "през", "към", "за"}),
    "de": frozenset({"in", "im", "nach", "aus", "von", "bei", "für"}),
    "en": frozenset({"in", "to", "from", "at", "for", "across"}),
    "fr": frozenset({"à", "vers", "depuis"}),
    "nl": frozenset({"in", "naar", "uit"}),
    "pt": frozenset({"em", "para"}),
    "es": frozenset({"en", "desde", "hacia"}),
    "it": frozenset({"a", "in", "verso"}),
    "sv": frozenset({"i", "till", "från"}),
    "no": frozenset({"i", "til", "fra"}),
    "da": frozenset({"i", "til", "fra"}),
    "ro": frozenset({"la", "în", "din", "spre"}),
    "id": frozenset({"di", "ke", "dari"}),
    "ms": frozenset({"di", "ke", "dari"}),
}

#: lang -> words for "and": between two adjectives that share one head noun, each agreeing with it in case
#: (pl *Zachodniej i Wschodniej Republiki*, ru *Северной и Южной Кореи*), the first adjective names a second
#: place or body of the same kind; between a person and a surname, the surname names a second person.
COORDINATING_AND: dict[str, frozenset[str]] = {
    "pl": frozenset({"i", "oraz"}),
    "cs": frozenset({"a", "i"}),
    "sk": frozenset({"a", "i"}),
    "sl": frozenset({"in"}),
    "hr": frozenset({"i"}),
    "sr": frozenset({"i", "и"}),
    "ru": frozenset({"и"}),
    "uk": frozenset({"і", "й", "та"}),
    "be": frozenset({"і", "й"}),
    "bg": frozenset({"и"}),
    "de": frozenset({"und"}),
    "en": frozenset({"and"}),
    "tr": frozenset({"ve", "ile"}),
    "az": frozenset({"və", "ilə"}),
    "kk": frozenset({"мен", "және"}),
    "uz": frozenset({"ва", "va", "билан", "bilan"}),
    "hi": frozenset({"और", "एवं", "तथा", "व"}),
}

#: lang -> words for "of" that join an institution to its country where nouns have no genitive case
#: (bg ``Върховният съд на Пакистан``; in case languages the country's genitive does it: ``Верховный суд Пакистана``).
OF_WORDS: dict[str, frozenset[str]] = {
    "bg": frozenset({"на"}),
    "mk": frozenset({"на"}),
    "en": frozenset({"of"}),
    "fr": frozenset({"de", "du"}),
    "es": frozenset({"de", "del"}),
    "it": frozenset({"di", "del", "della"}),
    "pt": frozenset({"de", "do", "da"}),
}

#: lang -> case endings only adjectives take: a one-word place read through one of them is the town's adjective
#: (Russian *Томского*: *томский*, of Tomsk; the town's own genitive is *Томска*), which opens an organisation's
#: name more often than it names the place (*Томского политехнического университета*). A base that is an adjective
#: itself (:data:`ADJECTIVE_BASE_ENDINGS`) inflects so.
ADJECTIVE_CASE_ENDINGS: dict[str, tuple[str, ...]] = {
    "ru": ("ого", "его", "ому", "ему", "ым", "им", "ых", "их"),
    "uk": ("ого", "ому", "им", "их"),
    # Polish *Krajowej* (national) is no case of *Krajowa* (Craiova)
    "pl": ("ego", "emu", "ej", "ym", "ych", "ymi"),
}
ADJECTIVE_BASE_ENDINGS: tuple[str, ...] = ("ый", "ий", "ой", "ій", "ая", "яя", "ое", "ее", "ые", "ие", "і",
                                           "e", "y", "i")

#: lang -> endings of a possessor or a plural, which no name's first word takes without an apostrophe: a frequent
#: word so inflected opening a sentence is no part of the name after it (Turkish *Şirketin Kamuyu Aydınlatma
#: Platformu*, "the company's …").
POSSESSOR_ENDINGS: dict[str, tuple[str, ...]] = {"tr": ("ın", "in", "un", "ün", "ler", "lar")}

#: lang -> endings that make an adjective of a noun: a head word with one describes (Kazakh *академиялық*,
#: "academic"; *облыстық*, "regional").
DERIVED_ADJECTIVE_ENDINGS: dict[str, tuple[str, ...]] = {
    "kk": ("лық", "лік", "дық", "дік", "тық", "тік"),
    # Hindi *सीमावर्ती* (bordering), *सूखाग्रस्त* (drought-hit), *बाढ़ प्रभावित*, *राष्ट्रीय*, *क्षेत्रीय*
    "hi": ("वर्ती", "ग्रस्त", "प्रभावित", "कारी", "शील", "ीय"),
}

#: lang -> genitive endings: a word in the genitive before a word for a kind of place is what the place is "of",
#: no name of it (Kazakh names a town in apposition, *Алматы қаласы*; *Бейбітшіліктің қаласы*, "the city of peace").
GENITIVE_ENDINGS: dict[str, tuple[str, ...]] = {"kk": ("ның", "нің", "дың", "дің", "тың", "тің")}

#: lang -> adjective endings no given name or noun surname ends in, marking a name of two words opening with no
#: given name as a place's or thing's (Polish *Długiego Targu*, *na Krakowskim Przedmieściu*; not bare *-ym*:
#: *Kasym*, *Maksym*). Not Russian, whose surnames decline as adjectives do (*Достоевского*).
PLACE_ADJECTIVE_ENDINGS: dict[str, tuple[str, ...]] = {
    "pl": ("ego", "emu", "iej", "owej", "nej", "owym", "nym", "ych", "ymi", "skie", "ckie", "skim", "ckim",
           "skich", "ckich"),
}
