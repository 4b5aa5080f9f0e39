"""The words international institutions are named with, per language, mapped to shared concepts.

*World Health Organization*, *Światowa Organizacja Zdrowia*, *Всемирная организация здравоохранения* and
*विश्व स्वास्थ्य संगठन* are word-for-word translations of one another: each word maps to one of the concepts
WORLD, HEALTH, ORGANIZATION, in whatever order the language puts them. Canonicalisation compares such names by their
bag of concepts when every word of the name is in this table (see
:func:`newsweave.corpus.entities.concept_key`). Data only: lowercase word beginnings (stems of four or
more letters match any word they start; shorter ones only the whole word).
"""

from __future__ import annotations

#: concept -> language -> stems.
INSTITUTION_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "organization": {
        "en": ("organization", "organisation"), "de": ("organisation",), "fr": ("organisation",),
        "es": ("organización", "organizacion"), "pl": ("organizacj",), "cs": ("organizac",),
        "ru": ("организаци",), "uk": ("організаці",), "bg": ("организаци",), "tr": ("örgüt", "teşkilat"),
        "kk": ("ұйым",), "uz": ("ташкилот", "tashkilot"), "hi": ("संगठन",),
    },
    "treaty": {
        "en": ("treaty",), "de": ("vertrag", "verträg"), "fr": ("traité",), "es": ("tratado",),
        "pl": ("układ", "traktat"), "cs": ("smlouv",), "ru": ("договор",), "uk": ("договор",), "bg": ("договор",),
        "tr": ("antlaşma", "anlaşma"),
        "kk": ("шарт",), "uz": ("шартнома", "shartnoma"), "hi": ("संधि",),
    },
    "security": {
        "en": ("security",), "de": ("sicherheit",), "fr": ("sécurité",), "es": ("seguridad",),
        "pl": ("bezpieczeństw",), "cs": ("bezpečnost",), "ru": ("безопасност",), "uk": ("безпек",),
        "bg": ("сигурност",), "tr": ("güvenlik",), "kk": ("қауіпсіздік",), "uz": ("хавфсизлик", "xavfsizlik"),
        "hi": ("सुरक्षा",),
    },
    "collective": {
        "en": ("collective",), "de": ("kollektiv",), "fr": ("collective", "collectif"), "es": ("colectiv",),
        "pl": ("zbiorow",), "cs": ("kolektivní",), "ru": ("коллективн",), "uk": ("колективн",),
        "bg": ("колективн",), "tr": ("kolektif", "ortak"), "kk": ("ұжымдық",), "uz": ("коллектив", "kollektiv"),
        "hi": ("सामूहिक",),
    },
    "cooperation": {
        "en": ("cooperation", "co-operation"), "de": ("zusammenarbeit", "kooperation"), "fr": ("coopération",),
        "es": ("cooperación",), "pl": ("współprac",), "cs": ("spoluprác",), "ru": ("сотрудничеств",),
        "uk": ("співробітництв", "співпрац"), "bg": ("сътрудничеств",), "tr": ("işbirliği",),
        "kk": ("ынтымақтастық",), "uz": ("ҳамкорлик", "hamkorlik"), "hi": ("सहयोग",),
    },
    "economic": {
        "en": ("economic",), "de": ("wirtschaft",), "fr": ("économique",), "es": ("económic",),
        "pl": ("gospodarcz", "ekonomiczn"), "cs": ("ekonomick", "hospodářsk"), "ru": ("экономическ",),
        "uk": ("економічн",), "bg": ("икономическ",), "tr": ("ekonomik",), "kk": ("экономикалық",),
        "uz": ("иқтисодий", "iqtisodiy"), "hi": ("आर्थिक",),
    },
    "union": {
        "en": ("union",), "de": ("union",), "fr": ("union",), "es": ("unión",),
        "pl": ("unia", "unii", "unię", "unią"), "cs": ("unie", "unii"),
        "ru": ("союз",), "uk": ("союз",), "bg": ("съюз",), "tr": ("birliği", "birlik"), "kk": ("одақ",),
        "uz": ("иттифоқ", "ittifoq"), "hi": ("संघ",),
    },
    "nations": {
        "en": ("nations",), "de": ("nationen",), "fr": ("nations",), "es": ("naciones",), "pl": ("narod",),
        "cs": ("národ",), "ru": ("наций", "нации"), "uk": ("націй", "нації"), "bg": ("нации",),
        "tr": ("milletler",), "kk": ("ұлттар",), "uz": ("миллатлар", "millatlar"), "hi": ("राष्ट्र",),
    },
    "united": {
        "en": ("united",), "de": ("vereint",), "fr": ("unies", "unis"), "es": ("unidas", "unidos"),
        "pl": ("zjednoczon",), "cs": ("spojen",), "ru": ("объединённ", "объединенн"), "uk": ("об'єднан",),
        "bg": ("обединен",), "tr": ("birleşmiş",), "kk": ("біріккен",), "uz": ("бирлашган", "birlashgan"),
        "hi": ("संयुक्त",),
    },
    "council": {
        "en": ("council",), "de": ("rat",), "fr": ("conseil",), "es": ("consejo",), "pl": ("rada", "rady", "radzie"),
        "cs": ("rada", "rady", "radě"), "ru": ("совет",), "uk": ("рада", "ради", "раді"), "bg": ("съвет",),
        "tr": ("konsey",), "kk": ("кеңес",), "uz": ("кенгаш", "kengash"), "hi": ("परिषद",),
    },
    "international": {
        "en": ("international",), "de": ("international",), "fr": ("international",), "es": ("internacional",),
        "pl": ("międzynarodow",), "cs": ("mezinárodní",), "ru": ("международн",), "uk": ("міжнародн",),
        "bg": ("международн",), "tr": ("uluslararası",), "kk": ("халықаралық",), "uz": ("халқаро", "xalqaro"),
        "hi": ("अंतरराष्ट्रीय", "अंतर्राष्ट्रीय"),
    },
    "monetary": {
        "en": ("monetary",), "de": ("währung",), "fr": ("monétaire",), "es": ("monetari",), "pl": ("walutow",),
        "cs": ("měnov",), "ru": ("валютн",), "uk": ("валютн",), "bg": ("валутн",), "tr": ("para",),
        "kk": ("валюта",), "uz": ("валюта", "valyuta"), "hi": ("मुद्रा",),
    },
    "fund": {
        "en": ("fund",), "de": ("fonds",), "fr": ("fonds",), "es": ("fondo",), "pl": ("fundusz",), "cs": ("fond",),
        "ru": ("фонд",), "uk": ("фонд",), "bg": ("фонд",), "tr": ("fon", "fonu"), "kk": ("қор",),
        "uz": ("жамғарма", "jamg'arma"), "hi": ("कोष",),
    },
    "bank": {
        "en": ("bank",), "de": ("bank",), "fr": ("banque",), "es": ("banco",), "pl": ("bank",), "cs": ("bank",),
        "ru": ("банк",), "uk": ("банк",), "bg": ("банк",), "tr": ("banka",), "kk": ("банк",), "uz": ("банк", "bank"),
        "hi": ("बैंक",),
    },
    "development": {
        "en": ("development",), "de": ("entwicklung",), "fr": ("développement",), "es": ("desarrollo",),
        "pl": ("rozwoj", "rozwó"), "cs": ("rozvoj",), "ru": ("развити",), "uk": ("розвит",), "bg": ("развити",),
        "tr": ("kalkınma",), "kk": ("даму",), "uz": ("тараққиёт", "taraqqiyot"), "hi": ("विकास",),
    },
    "trade": {
        "en": ("trade",), "de": ("handel",), "fr": ("commerce",), "es": ("comercio",), "pl": ("handl",),
        "cs": ("obchod",), "ru": ("торгов",), "uk": ("торгівл", "торговел"), "bg": ("търговск", "търговия"),
        "tr": ("ticaret",), "kk": ("сауда",), "uz": ("савдо", "savdo"), "hi": ("व्यापार",),
    },
    "world": {
        "en": ("world",), "de": ("welt",), "fr": ("mondial",), "es": ("mundial",), "pl": ("światow",),
        "cs": ("světov",), "ru": ("всемирн",), "uk": ("всесвітн",), "bg": ("световн",), "tr": ("dünya",),
        "kk": ("дүниежүзілік",), "uz": ("жаҳон", "jahon"), "hi": ("विश्व",),
    },
    "health": {
        "en": ("health",), "de": ("gesundheit",), "fr": ("santé",), "es": ("salud",), "pl": ("zdrowi",),
        "cs": ("zdravot",), "ru": ("здравоохранени",), "uk": ("здоров",), "bg": ("здравеопазван",),
        "tr": ("sağlık",), "kk": ("денсаулық",), "uz": ("соғлиқни", "sog'liqni"), "hi": ("स्वास्थ्य",),
    },
    "european": {
        "en": ("european",), "de": ("europäisch",), "fr": ("européen",), "es": ("europe",), "pl": ("europejsk",),
        "cs": ("evropsk",), "ru": ("европейск",), "uk": ("європейськ",), "bg": ("европейск",), "tr": ("avrupa",),
        "kk": ("еуропа",), "uz": ("европа", "yevropa"), "hi": ("यूरोपीय",),
    },
    "eurasian": {
        "en": ("eurasian",), "de": ("eurasisch",), "fr": ("eurasiatique", "eurasien"), "es": ("euroasiátic",),
        "pl": ("eurazjatyck",), "cs": ("euroasijsk",), "ru": ("евразийск",), "uk": ("євразійськ",),
        "bg": ("евразийск",), "tr": ("avrasya",), "kk": ("еуразиялық",), "uz": ("евроосиё", "yevroosiyo"),
        "hi": ("यूरेशियाई", "यूरेशियन"),
    },
    "parliament": {
        "en": ("parliament",), "de": ("parlament",), "fr": ("parlement",), "es": ("parlamento",),
        "pl": ("parlament",), "cs": ("parlament",), "ru": ("парламент",), "uk": ("парламент",), "bg": ("парламент",),
        "tr": ("parlamento", "meclis"), "kk": ("парламент",), "uz": ("парламент", "parlament"), "hi": ("संसद",),
    },
    "commission": {
        "en": ("commission",), "de": ("kommission",), "fr": ("commission",), "es": ("comisión",), "pl": ("komisj",),
        "cs": ("komis",), "ru": ("комисси",), "uk": ("комісі",), "bg": ("комисия",), "tr": ("komisyon",),
        "kk": ("комиссия",), "uz": ("комиссия", "komissiya"), "hi": ("आयोग",),
    },
    "states": {
        "en": ("states",), "de": ("staaten",), "fr": ("états", "etats"), "es": ("estados",), "pl": ("państw",),
        "cs": ("stát",), "ru": ("государств",), "uk": ("держав",), "bg": ("държави",), "tr": ("devletler",),
        "kk": ("мемлекеттер",), "uz": ("давлатлар", "davlatlar"), "hi": ("राज्य",),
    },
    "independent": {
        "en": ("independent",), "de": ("unabhängig",), "fr": ("indépendant",), "es": ("independiente",),
        "pl": ("niepodległ",), "cs": ("nezávisl",), "ru": ("независим",), "uk": ("незалежн",), "bg": ("независим",),
        "tr": ("bağımsız",), "kk": ("тәуелсіз",), "uz": ("мустақил", "mustaqil"), "hi": ("स्वतंत्र",),
    },
    "commonwealth": {
        "en": ("commonwealth",), "de": ("gemeinschaft",), "fr": ("communauté",), "es": ("comunidad",),
        "pl": ("wspólnot",), "cs": ("společenstv",), "ru": ("содружеств",), "uk": ("співдружн",),
        "bg": ("общност",), "tr": ("topluluğu", "topluluk"), "kk": ("достастық",), "uz": ("ҳамдўстлик", "hamdo'stlik"),
        "hi": ("राष्ट्रमंडल",),
    },
    "atomic": {
        "en": ("atomic",), "de": ("atom",), "fr": ("atomique",), "es": ("atómica",), "pl": ("atomow",),
        "cs": ("atomov",), "ru": ("атомн",), "uk": ("атомн",), "bg": ("атомн",), "tr": ("atom",),
        "kk": ("атом",), "uz": ("атом", "atom"), "hi": ("परमाणु",),
    },
    "energy": {
        "en": ("energy",), "de": ("energie",), "fr": ("énergie",), "es": ("energía",), "pl": ("energi",),
        "cs": ("energi",), "ru": ("энерги",), "uk": ("енергі",), "bg": ("енерги",), "tr": ("enerji",),
        "kk": ("энергия",), "uz": ("энергия", "energiya"), "hi": ("ऊर्जा",),
    },
    "agency": {
        "en": ("agency",), "de": ("agentur", "behörde"), "fr": ("agence",), "es": ("agencia",), "pl": ("agencj",),
        "cs": ("agentur",), "ru": ("агентств",), "uk": ("агентств",), "bg": ("агенция",), "tr": ("ajans", "kurum"),
        "kk": ("агенттік",), "uz": ("агентлик", "agentlik"), "hi": ("एजेंसी",),
    },
    "court": {
        "en": ("court",), "de": ("gerichtshof", "gericht"), "fr": ("cour",), "es": ("corte", "tribunal"),
        "pl": ("trybunał", "sąd"), "cs": ("soud",), "ru": ("суд",), "uk": ("суд",), "bg": ("съд",),
        "tr": ("mahkeme",), "kk": ("сот",), "uz": ("суд", "sud"), "hi": ("न्यायालय", "अदालत"),
    },
    "criminal": {
        "en": ("criminal",), "de": ("straf",), "fr": ("pénale",), "es": ("penal",), "pl": ("karn",),
        "cs": ("trestní",), "ru": ("уголовн",), "uk": ("кримінальн",), "bg": ("наказателн",), "tr": ("ceza",),
        "kk": ("қылмыстық",), "uz": ("жиноят", "jinoyat"), "hi": ("आपराधिक",),
    },
    "military": {
        "en": ("military",), "de": ("militär",), "fr": ("militaire",), "es": ("militar",),
        "pl": ("wojskow", "militarn"), "cs": ("vojensk",), "ru": ("военн",), "uk": ("військов",), "bg": ("военн",),
        "tr": ("askeri",),
        "kk": ("әскери",), "uz": ("ҳарбий", "harbiy"), "hi": ("सैन्य",),
    },
    "alliance": {
        "en": ("alliance",), "de": ("bündnis", "allianz"), "fr": ("alliance",), "es": ("alianza",), "pl": ("sojusz",),
        "cs": ("aliance",), "ru": ("альянс",), "uk": ("альянс",), "bg": ("алианс",), "tr": ("ittifak",),
        "kk": ("альянс",), "uz": ("альянс", "alyans"), "hi": ("गठबंधन",),
    },
}

#: Words that link the concept words in a language and are skipped (Hindi genitive postpositions,
#: Kazakh *туралы* "about", German *über*), beyond the acronym function words.
LINK_WORDS: dict[str, frozenset[str]] = {
    "hi": frozenset({"का", "की", "के"}),
    "kk": frozenset({"туралы"}),
    "uz": frozenset({"тўғрисидаги", "to'g'risidagi"}),
    "de": frozenset({"über"}),
    "tr": frozenset({"için"}),
}
