"""What a figure measures: words per language that name a measure, mapped to canonical measure keys.

Data, not code. The quantities stage looks for these words in the figure's sentence (or, when the sentence
only says "this amount", the sentence before) and builds ``measure_key`` = key plus the two countries the
text names, so that "Wolumen wymiany handlowej", "Handelsumsatz" and "karşılıklı ticaret" meet under one key.
Forms use the ``*`` stem convention of :mod:`newsweave.lang.numbers`; all are matched lower-cased, and for
``de`` also inside compounds (``Handelsumsatz``).
"""

from __future__ import annotations

#: Measure words -> base key. Money and counts take the base key; percentages take ``<base>_growth`` or
#: ``<base>_share`` when a growth or share word is also present (see :data:`GROWTH_WORDS`, :data:`SHARE_WORDS`).
MEASURE_WORDS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (("trade turnover", "trade_turnover"), ("trade*", "trade_turnover"), ("turnover", "trade_turnover"),
           ("investment*", "investment_stock"), ("agreement*", "agreements_signed"), ("treat*", "agreements_signed"),
           ("deal*", "agreements_signed"), ("contract*", "agreements_signed"), ("memorand*", "agreements_signed"),
           ("compan*", "companies"), ("firm*", "companies"), ("enterprise*", "companies"), ("export*", "exports"),
           ("import*", "imports"), ("gdp", "gdp"), ("inflation", "inflation"), ("budget*", "budget"),
           ("revenue*", "revenue"), ("sales", "revenue"), ("turnover", "revenue"), ("profit*", "profit"),
           ("unemployment", "unemployment")),
    "de": (("handelsumsatz*", "trade_turnover"), ("handelsvolumen*", "trade_turnover"),
           ("warenumsatz*", "trade_turnover"), ("handel*", "trade_turnover"), ("außenhandel*", "trade_turnover"),
           ("investition*", "investment_stock"), ("vertr*", "agreements_signed"),
           ("vereinbarung*", "agreements_signed"),
           ("abkommen*", "agreements_signed"), ("unternehmen*", "companies"), ("firmen", "companies"),
           ("export*", "exports"), ("ausfuhr*", "exports"), ("import*", "imports"), ("einfuhr*", "imports"),
           ("bip", "gdp"), ("inflation*", "inflation"), ("haushalt*", "budget"), ("umsatz*", "revenue"),
           ("gewinn*", "profit"), ("arbeitslos*", "unemployment")),
    "fr": (("échanges commerciaux", "trade_turnover"), ("commerc*", "trade_turnover"),
           ("investissement*", "investment_stock"), ("accord*", "agreements_signed"), ("traité*", "agreements_signed"),
           ("entreprise*", "companies"), ("société*", "companies"), ("export*", "exports"), ("import*", "imports"),
           ("pib", "gdp")),
    "es": (("intercambio comercial", "trade_turnover"), ("comerc*", "trade_turnover"),
           ("inversi*", "investment_stock"), ("acuerdo*", "agreements_signed"), ("tratado*", "agreements_signed"),
           ("empresa*", "companies"), ("export*", "exports"), ("import*", "imports"), ("pib", "gdp")),
    "pl": (("wymian* handlow*", "trade_turnover"), ("obrot* handlow*", "trade_turnover"),
           ("obrót handlowy", "trade_turnover"), ("handl*", "trade_turnover"), ("inwestycj*", "investment_stock"),
           ("umow*", "agreements_signed"), ("umów", "agreements_signed"), ("porozumie*", "agreements_signed"),
           ("traktat*", "agreements_signed"), ("firm*", "companies"), ("przedsiębiorstw*", "companies"),
           ("spółek", "companies"), ("spółk*", "companies"), ("eksport*", "exports"), ("import*", "imports"),
           ("pkb", "gdp"), ("inflacj*", "inflation"), ("przychod*", "revenue"), ("zysk*", "profit"),
           ("bezroboci*", "unemployment")),
    "cs": (("obchodní obrat", "trade_turnover"), ("obchod*", "trade_turnover"), ("investic*", "investment_stock"),
           ("smlouv*", "agreements_signed"), ("dohod*", "agreements_signed"), ("firem", "companies"),
           ("společnost*", "companies"), ("vývoz*", "exports"), ("dovoz*", "imports"), ("hdp", "gdp")),
    "ru": (("товарооборот*", "trade_turnover"), ("торгов* оборот*", "trade_turnover"), ("торгов*", "trade_turnover"),
           ("инвестиц*", "investment_stock"), ("соглашени*", "agreements_signed"), ("договор*", "agreements_signed"),
           ("меморандум*", "agreements_signed"), ("компани*", "companies"),
           ("предприяти*", "companies"), ("фирм*", "companies"), ("экспорт*", "exports"), ("импорт*", "imports"),
           ("ввп", "gdp"), ("инфляци*", "inflation"), ("выручк*", "revenue"), ("прибыл*", "profit"),
           ("безработиц*", "unemployment")),
    "uk": (("товарообіг*", "trade_turnover"), ("торгів*", "trade_turnover"), ("інвестиц*", "investment_stock"),
           ("угод*", "agreements_signed"), ("договор*", "agreements_signed"), ("компані*", "companies"),
           ("підприємств*", "companies"), ("експорт*", "exports"), ("імпорт*", "imports"), ("ввп", "gdp")),
    "bg": (("стокооборот*", "trade_turnover"), ("търгов*", "trade_turnover"), ("инвестици*", "investment_stock"),
           ("споразумени*", "agreements_signed"), ("договор*", "agreements_signed"), ("компани*", "companies"),
           ("фирм*", "companies"), ("износ*", "exports"), ("внос*", "imports"), ("бвп", "gdp")),
    "kk": (("тауар айналым*", "trade_turnover"), ("сауда*", "trade_turnover"), ("инвестиция*", "investment_stock"),
           ("келісім*", "agreements_signed"), ("компания*", "companies"),
           ("кәсіпорын*", "companies"), ("экспорт*", "exports"), ("импорт*", "imports"), ("жіө", "gdp")),
    "uz": (("товар айирбошла*", "trade_turnover"), ("товар айланма*", "trade_turnover"),
           ("савдо айланма*", "trade_turnover"), ("савдо*", "trade_turnover"), ("товарооборот*", "trade_turnover"),
           ("tovar ayirboshla*", "trade_turnover"), ("savdo*", "trade_turnover"), ("инвестиция*", "investment_stock"),
           ("sarmoya*", "investment_stock"), ("investitsiya*", "investment_stock"), ("келишув*", "agreements_signed"),
           ("битим*", "agreements_signed"), ("kelishuv*", "agreements_signed"),
           ("компания*", "companies"), ("корхона*", "companies"),
           ("korxona*", "companies"), ("kompaniya*", "companies"), ("экспорт*", "exports"), ("импорт*", "imports")),
    "tr": (("ticaret hacm*", "trade_turnover"), ("dış ticaret*", "trade_turnover"), ("ticar*", "trade_turnover"),
           ("yatırım*", "investment_stock"), ("anlaşma*", "agreements_signed"), ("antlaşma*", "agreements_signed"),
           ("sözleşme*", "agreements_signed"), ("memorandum*", "agreements_signed"),
           ("mutabakat*", "agreements_signed"),
           ("şirket*", "companies"), ("firma*", "companies"),
           ("işletme*", "companies"), ("ihracat*", "exports"), ("ithalat*", "imports"), ("gsyh", "gdp"),
           ("enflasyon*", "inflation"), ("gelir*", "revenue"), ("kâr*", "profit"), ("kar", "profit"),
           ("işsizlik*", "unemployment")),
    "az": (("ticarət dövriyyə*", "trade_turnover"), ("ticarət*", "trade_turnover"),
           ("investisiya*", "investment_stock"),
           ("sərmayə*", "investment_stock"), ("saziş*", "agreements_signed"), ("müqavilə*", "agreements_signed"),
           ("şirkət*", "companies"), ("ixrac*", "exports"), ("idxal*", "imports")),
    "hi": (("व्यापार", "trade_turnover"), ("कारोबार", "trade_turnover"), ("निवेश", "investment_stock"),
           ("समझौत*", "agreements_signed"), ("संधि*", "agreements_signed"), ("कंपनि*", "companies"),
           ("कंपनी", "companies"), ("कंपनियों", "companies"), ("निर्यात", "exports"), ("आयात", "imports"),
           ("जीडीपी", "gdp"), ("महंगाई", "inflation")),
    "ar": (("التبادل التجاري", "trade_turnover"), ("تجار*", "trade_turnover"), ("استثمار*", "investment_stock"),
           ("اتفاق*", "agreements_signed"), ("شركة", "companies"), ("شركات", "companies")),
    "zh": (("贸易额", "trade_turnover"), ("贸易", "trade_turnover"), ("投资", "investment_stock"),
           ("协议", "agreements_signed"), ("公司", "companies"), ("企业", "companies")),
}

#: Words that make a percentage a growth rate of the measure ("wzrost obrotów o 5 proc.").
GROWTH_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("grow*", "grew", "increase*", "rise*", "rose", "up", "decline*", "fell", "fall*", "drop*"),
    "de": ("wachstum*", "wuchs", "wächst", "gestiegen", "stieg*", "anstieg*", "zuwachs*", "zunahme*",
           "rückgang*", "gesunken", "sank*", "sinkt", "fiel*", "gefallen", "plus", "minus"),
    "fr": ("croissance", "hausse", "augment*", "baisse", "recul*"),
    "es": ("crecimiento", "aument*", "crec*", "caída", "descenso"),
    "pl": ("wzrost*", "wzrósł", "wzrosł*", "rośnie", "spadek*", "spadł*", "zwiększ*"),
    "cs": ("růst*", "vzrost*", "nárůst*", "pokles*"),
    "ru": ("рост*", "вырос*", "увеличи*", "снижени*", "сократи*", "прирост*"),
    "uk": ("зрост*", "збільш*", "зменш*"),
    "bg": ("ръст*", "увелич*", "спад*"),
    "kk": ("өс*", "арт*", "төменде*"),
    "uz": ("ўсиш*", "ўсди", "ошди", "ошган", "ошиш*", "камай*", "o'sish*", "oʻsish*", "oshdi", "kamay*"),
    "tr": ("art*", "büyü*", "düş*", "azal*", "yüksel*"),
    "az": ("art*", "artım*", "azal*"),
    "hi": ("वृद्धि", "बढ़*", "बढ*", "गिरावट", "घट*", "अधिक", "ज़्यादा", "ज्यादा", "कम"),
}

#: Words that make a percentage a share of the measure ("yüzde 20'lik oranını", "Anteil").
SHARE_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("share", "proportion", "of total"),
    "de": ("anteil*",),
    "fr": ("part",),
    "es": ("cuota", "proporción"),
    "pl": ("udział*",),
    "cs": ("podíl*",),
    "ru": ("дол*",),
    "uk": ("частк*",),
    "kk": ("үлес*",),
    "uz": ("улуш*", "ulush*", "ҳисса*"),
    "tr": ("oran*", "pay*"),
    "az": ("pay*",),
    "hi": ("हिस्सा", "हिस्सेदारी"),
}

#: Measures that are rates themselves: a percentage of one is its level ("inflacja spadła do 4,9 proc." is an
#: inflation rate of 4.9 %, not a growth of inflation), and no sum of money or count measures them.
RATE_MEASURES: frozenset[str] = frozenset({"inflation", "unemployment"})

#: Measures only counts have: a sum of money is never "the agreements" or "the companies".
COUNT_MEASURES: frozenset[str] = frozenset({"agreements_signed", "companies"})

#: Languages that write nouns as compounds, where a measure word may close a longer word ("Außenhandelsumsatz").
COMPOUNDING: frozenset[str] = frozenset({"de", "nl", "sv", "da", "no"})
