"""Number, scale, currency, percent and qualifier words per language: what turns "24,5 miliarda dolarów" into a figure.

Data, not code: the quantities stage looks these words up. Two sources are merged, dateparser-style:

* generated from CLDR through babel at first use (:func:`locale_symbols`, :func:`currency_names`,
  :func:`month_words`): decimal and group symbols, currency display names in every plural form and
  month names, so that a new language needs no hand-typed list for those;
* hand-written supplements below, each table saying why CLDR does not cover it (scale words are not in
  CLDR; news writes "dolarów" without the "amerykańskich" of the CLDR name; qualifiers and counted-thing
  exclusions are not in CLDR at all).

Matching convention for word tables: a form ending in ``*`` is a stem that matches any word starting with it
(inflection: ``milyar*`` matches ``milyara``, ``milyarlık``); a form without ``*`` must equal the lower-cased
word. Keys are ISO 639-1 codes; ``"*"`` holds forms valid in any language's text.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.numbers import get_currency_name, get_decimal_symbol, get_group_symbol, list_currencies

#: Languages whose CLDR data is generated into the tables (the languages of the time issue).
LANGS: tuple[str, ...] = ("en", "de", "fr", "es", "it", "pl", "cs", "ru", "uk", "bg", "kk", "uz", "tr", "az",
                          "hi", "ur", "ar", "zh")

#: CLDR locale to read for a language code where the bare code is not the news default (Uzbek news in Cyrillic).
CLDR_LOCALES: dict[str, tuple[str, ...]] = {"uz": ("uz", "uz_Cyrl")}

#: Scale words -> multiplier ("dozen" included: "3 düzine" is 36). Not in CLDR (its compact-decimal patterns
#: give only abbreviations for some locales), so hand-written. Note the long/short scale: German/Polish/Russian
#: "Billion"/"bilion"/"биллион" is 10^12.
SCALES: dict[str, dict[str, float]] = {
    "*": {"k": 1e3, "bn": 1e9, "mln": 1e6, "mn": 1e6, "mld": 1e9, "mlrd": 1e9, "trn": 1e12, "млрд*": 1e9, "млн*": 1e6,
          "трлн*": 1e12},
    "en": {"dozen": 12, "thousand": 1e3, "million*": 1e6, "m": 1e6, "billion*": 1e9, "b": 1e9, "trillion*": 1e12,
           "tn": 1e12, "lakh*": 1e5, "crore*": 1e7},
    "de": {"dutzend": 12, "tausend": 1e3, "tsd": 1e3, "million*": 1e6, "mio": 1e6, "milliarde*": 1e9, "mrd": 1e9,
           "billion*": 1e12, "bio": 1e12},
    "fr": {"mille": 1e3, "million*": 1e6, "milliard*": 1e9, "md": 1e9, "mds": 1e9, "billion*": 1e12},
    "es": {"mil": 1e3, "millón": 1e6, "millones": 1e6, "mil millones": 1e9, "billón": 1e12, "billones": 1e12},
    "it": {"mila": 1e3, "milion*": 1e6, "miliard*": 1e9, "mld": 1e9},
    "pl": {"tuzin*": 12, "tys": 1e3, "tysiąc*": 1e3, "tysięc*": 1e3, "milion*": 1e6, "miliard*": 1e9, "bilion*": 1e12},
    "cs": {"tis": 1e3, "tisíc*": 1e3, "milion*": 1e6, "miliard*": 1e9, "mld": 1e9, "bilion*": 1e12},
    "ru": {"дюжин*": 12, "крор*": 1e7, "лакх*": 1e5, "тыс": 1e3, "тысяч*": 1e3, "миллион*": 1e6,
           "миллиард*": 1e9, "триллион*": 1e12},
    "uk": {"тис": 1e3, "тисяч*": 1e3, "мільйон*": 1e6, "мільярд*": 1e9, "трильйон*": 1e12},
    "bg": {"хил": 1e3, "хиляд*": 1e3, "милион*": 1e6, "милиард*": 1e9, "трилион*": 1e12},
    "kk": {"мың*": 1e3, "миллион*": 1e6, "миллиард*": 1e9, "триллион*": 1e12, "mıń*": 1e3, "million*": 1e6,
           "milliard*": 1e9},
    "uz": {"минг*": 1e3, "миллион*": 1e6, "миллиард*": 1e9, "триллион*": 1e12, "ming*": 1e3, "million*": 1e6,
           "milliard*": 1e9, "trillion*": 1e12},
    "tr": {"düzine": 12, "bin": 1e3, "bine": 1e3, "milyon*": 1e6, "milyar*": 1e9, "trilyon*": 1e12, "mr": 1e9},
    "az": {"min": 1e3, "milyon*": 1e6, "milyard*": 1e9, "trilyon*": 1e12},
    "hi": {"दर्जन": 12, "हज़ार": 1e3, "हजार": 1e3, "लाख": 1e5, "करोड़": 1e7, "करोड": 1e7, "अरब": 1e9, "खरब": 1e11,
           "मिलियन": 1e6, "बिलियन": 1e9, "ट्रिलियन": 1e12},
    "ur": {"ہزار": 1e3, "لاکھ": 1e5, "کروڑ": 1e7, "ارب": 1e9, "کھرب": 1e11, "ملین": 1e6, "بلین": 1e9},
    "ar": {"ألف": 1e3, "آلاف": 1e3, "مليون": 1e6, "ملايين": 1e6, "مليار": 1e9, "مليارات": 1e9, "تريليون": 1e12},
    "zh": {"千": 1e3, "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "百万": 1e6, "十亿": 1e9},
}

#: Currency symbols written next to a number that CLDR's symbols (see :func:`currency_symbols`) lack or give
#: differently: news forms such as "US$", "C$" and the Russian abbreviations. "$" alone means USD by news convention.
CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "USD", "C$": "CAD", "CA$": "CAD", "A$": "AUD", "AU$": "AUD", "NZ$": "NZD", "HK$": "HKD", "$": "USD",
    "€": "EUR", "£": "GBP", "₽": "RUB", "₸": "KZT", "₹": "INR", "¥": "JPY",
    "₺": "TRY", "₴": "UAH", "₼": "AZN", "zł": "PLN", "Kč": "CZK", "CHF": "CHF", "руб.": "RUB", "р.": "RUB",
    "Rs": "INR", "Rs.": "INR", "元": "CNY", "美元": "USD", "欧元": "EUR", "$'": "USD",
}

#: Short currency names as news writes them, without the country qualifier of the CLDR display name
#: ("dolarów", "Dollar", "доллар" mean USD in international news). Stems use the ``*`` convention. ISO codes
#: ("USD") come from CLDR (:func:`iso_codes`) and count only in capitals.
CURRENCY_WORDS: dict[str, dict[str, str]] = {
    "en": {"dollar*": "USD", "euro*": "EUR", "rouble*": "RUB", "ruble*": "RUB", "tenge": "KZT", "pound*": "GBP",
           "yuan": "CNY", "renminbi": "CNY", "rupee*": "INR", "lira": "TRY", "sum": "UZS", "hryvnia*": "UAH",
           "zloty*": "PLN", "yen": "JPY", "manat*": "AZN"},
    "de": {"dollar*": "USD", "us-dollar*": "USD", "euro*": "EUR", "rubel*": "RUB", "tenge": "KZT",
           "franken": "CHF",
           "pfund": "GBP", "yuan": "CNY", "rupie*": "INR", "lira": "TRY", "złoty": "PLN", "zloty": "PLN",
           "yen": "JPY"},
    "fr": {"dollar*": "USD", "euro*": "EUR", "rouble*": "RUB", "tenge*": "KZT", "livre*": "GBP", "yuan*": "CNY"},
    "es": {"dólar*": "USD", "dolar*": "USD", "euro*": "EUR", "rublo*": "RUB", "libra*": "GBP", "yuan*": "CNY"},
    "it": {"dollar*": "USD", "euro": "EUR", "rubl*": "RUB", "sterlin*": "GBP"},
    "pl": {"dolar*": "USD", "euro": "EUR", "rubl*": "RUB", "rubel": "RUB", "tenge": "KZT", "funt*": "GBP",
           "juan*": "CNY", "złot*": "PLN", "zł": "PLN", "hrywn*": "UAH", "rupi*": "INR", "lir*": "TRY"},
    "cs": {"dolar*": "USD", "eur*": "EUR", "rubl*": "RUB", "liber": "GBP", "korun*": "CZK", "koruna": "CZK"},
    "ru": {"доллар*": "USD", "долл": "USD", "евро": "EUR", "рубл*": "RUB", "руб": "RUB", "тенге": "KZT",
           "фунт*": "GBP", "юан*": "CNY", "рупи*": "INR", "лир*": "TRY", "сум*": "UZS", "гривн*": "UAH"},
    "uk": {"долар*": "USD", "євро": "EUR", "рубл*": "RUB", "гривн*": "UAH", "грн": "UAH", "тенге": "KZT"},
    "bg": {"долар*": "USD", "евро": "EUR", "рубл*": "RUB", "лев*": "BGN", "лв": "BGN"},
    "kk": {"доллар*": "USD", "еуро": "EUR", "рубл*": "RUB", "теңге*": "KZT", "dollar*": "USD", "teńge*": "KZT"},
    "uz": {"доллар*": "USD", "евро*": "EUR", "рубл*": "RUB", "сўм*": "UZS", "тенге*": "KZT", "dollar*": "USD",
           "so'm*": "UZS", "soʻm*": "UZS", "rubl*": "RUB", "yevro*": "EUR"},
    "tr": {"dolar*": "USD", "avro*": "EUR", "euro*": "EUR", "ruble*": "RUB", "tenge*": "KZT", "lira*": "TRY",
           "tl": "TRY", "sterlin*": "GBP", "yuan*": "CNY", "rupi*": "INR", "yen": "JPY"},
    "az": {"dollar*": "USD", "avro*": "EUR", "rubl*": "RUB", "manat*": "AZN", "tenge*": "KZT"},
    "hi": {"डॉलर": "USD", "डालर": "USD", "डॉलरों": "USD", "यूरो": "EUR", "रूबल": "RUB", "रुपये": "INR",
           "रुपए": "INR", "रुपया": "INR", "रुपयों": "INR", "टेंगे": "KZT", "पाउंड": "GBP", "युआन": "CNY",
           "येन": "JPY"},
    "ur": {"ڈالر": "USD", "یورو": "EUR", "روبل": "RUB", "روپے": "INR", "روپیہ": "INR"},
    "ar": {"دولار*": "USD", "يورو": "EUR", "روبل": "RUB", "جنيه": "GBP", "يوان": "CNY"},
    "zh": {"美元": "USD", "欧元": "EUR", "卢布": "RUB", "英镑": "GBP", "人民币": "CNY", "元": "CNY"},
}

#: Currencies whose CLDR display names are generated into :func:`currency_names` (the ones news figures use).
MAJOR_CURRENCIES: tuple[str, ...] = ("USD", "EUR", "RUB", "KZT", "GBP", "CNY", "JPY", "INR", "TRY", "UZS", "PLN",
                                     "UAH", "CHF", "AZN", "KGS", "TJS", "BYN", "CZK", "BGN", "SAR", "AED", "PKR",
                                     "AUD", "CAD", "NZD", "HKD", "SGD", "SEK", "NOK", "DKK", "KRW", "BRL", "MXN",
                                     "ZAR", "ILS", "EGP", "IRR", "HUF", "RON", "GEL", "AMD", "MNT", "TMT", "AFN")

#: lang -> words for a number and a fraction that ICU's spell-out rules do not know, as ``("=", value)`` for a
#: number of their own (Hindi *डेढ़* 1.5, Russian *полтора*, German *zweieinhalb*), ``("+" | "-", fraction)`` added
#: to or taken from the number after them (*साढ़े तीन* 3.5, *सवा* 1¼ or *सवा दो* 2¼, *पौने दो* 1¾), or ``("post",
#: fraction)`` added to the number before them (Turkish *iki buçuk* 2.5). Before a scale word they scale with it:
#: *डेढ़ लाख* 150,000, *полтора миллиарда* 1.5 billion.
FRACTION_WORDS: dict[str, dict[str, tuple[str, float]]] = {
    "hi": {"डेढ़": ("=", 1.5), "डेढ": ("=", 1.5), "ढाई": ("=", 2.5), "सवा": ("+", 0.25), "साढ़े": ("+", 0.5),
           "साढे": ("+", 0.5), "पौने": ("-", 0.25)},
    "ru": {"полтора": ("=", 1.5), "полторы": ("=", 1.5), "полутора": ("=", 1.5)},
    "uk": {"півтора": ("=", 1.5), "півтори": ("=", 1.5)},
    "pl": {"półtora": ("=", 1.5), "półtorej": ("=", 1.5)},
    "de": {"anderthalb": ("=", 1.5), "eineinhalb": ("=", 1.5), "zweieinhalb": ("=", 2.5),
           "dreieinhalb": ("=", 3.5), "viereinhalb": ("=", 4.5), "fünfeinhalb": ("=", 5.5)},
    "tr": {"buçuk": ("post", 0.5), "yarım": ("=", 0.5)},
}

#: Words between a scale word and the currency ("12 milliards de francs", "10.000 millones de dólares").
SCALE_CONNECTORS: dict[str, tuple[str, ...]] = {
    "en": ("of",), "fr": ("de", "d"), "es": ("de",), "it": ("di",), "pt": ("de",), "ro": ("de",),
}

#: Units of length, mass, area and volume -> (base unit, factor): "57 Kilometern" is 57 000 m. The unit symbols
#: are international; the words are hand-written per language (CLDR's unit names are not in babel's data).
MEASURE_UNITS: dict[str, dict[str, tuple[str, float]]] = {
    "*": {"km": ("m", 1e3), "m": ("m", 1.0), "cm": ("m", 0.01), "mm": ("m", 0.001), "kg": ("kg", 1.0),
          "t": ("kg", 1e3), "km²": ("m2", 1e6), "km2": ("m2", 1e6), "ha": ("m2", 1e4), "mw": ("W", 1e6),
          "gw": ("W", 1e9), "kwh": ("Wh", 1e3), "mwh": ("Wh", 1e6), "bcm": ("m3", 1e9)},
    "en": {"kilomet*": ("m", 1e3), "metre*": ("m", 1.0), "meter*": ("m", 1.0), "mile*": ("m", 1609.344),
           "tonne*": ("kg", 1e3), "ton": ("kg", 1e3), "tons": ("kg", 1e3), "kilogram*": ("kg", 1.0),
           "barrel*": ("bbl", 1.0), "hectare*": ("m2", 1e4), "megawatt*": ("W", 1e6), "gigawatt*": ("W", 1e9)},
    "de": {"kilometer*": ("m", 1e3), "meter": ("m", 1.0), "metern": ("m", 1.0), "tonne*": ("kg", 1e3),
           "kilogramm": ("kg", 1.0), "barrel": ("bbl", 1.0), "hektar": ("m2", 1e4), "megawatt": ("W", 1e6)},
    "fr": {"kilomètre*": ("m", 1e3), "mètre*": ("m", 1.0), "tonne*": ("kg", 1e3), "baril*": ("bbl", 1.0),
           "hectare*": ("m2", 1e4)},
    "es": {"kilómetro*": ("m", 1e3), "metro": ("m", 1.0), "metros": ("m", 1.0), "tonelada*": ("kg", 1e3),
           "barril*": ("bbl", 1.0), "hectárea*": ("m2", 1e4)},
    "pl": {"kilometr*": ("m", 1e3), "metr": ("m", 1.0), "metrów": ("m", 1.0), "metry": ("m", 1.0),
           "ton": ("kg", 1e3), "tony": ("kg", 1e3), "tonę": ("kg", 1e3), "baryłk*": ("bbl", 1.0),
           "hektar*": ("m2", 1e4)},
    "cs": {"kilometr*": ("m", 1e3), "metr*": ("m", 1.0), "tun*": ("kg", 1e3), "barel*": ("bbl", 1.0)},
    "ru": {"километр*": ("m", 1e3), "метр": ("m", 1.0), "метра": ("m", 1.0), "метров": ("m", 1.0),
           "тонн*": ("kg", 1e3), "баррел*": ("bbl", 1.0), "гектар*": ("m2", 1e4), "мегаватт*": ("W", 1e6)},
    "uk": {"кілометр*": ("m", 1e3), "метр": ("m", 1.0), "метра": ("m", 1.0), "метрів": ("m", 1.0),
           "тонн*": ("kg", 1e3), "барел*": ("bbl", 1.0)},
    "kk": {"шақырым*": ("m", 1e3), "километр*": ("m", 1e3), "тонна*": ("kg", 1e3), "баррель*": ("bbl", 1.0)},
    "uz": {"километр*": ("m", 1e3), "метр": ("m", 1.0), "тонна*": ("kg", 1e3), "баррел*": ("bbl", 1.0),
           "kilometr*": ("m", 1e3), "tonna*": ("kg", 1e3)},
    "tr": {"kilometre*": ("m", 1e3), "metre*": ("m", 1.0), "ton": ("kg", 1e3), "tonluk": ("kg", 1e3),
           "varil*": ("bbl", 1.0), "hektar*": ("m2", 1e4)},
    "hi": {"किलोमीटर": ("m", 1e3), "मीटर": ("m", 1.0), "टन": ("kg", 1e3), "बैरल": ("bbl", 1.0),
           "हेक्टेयर": ("m2", 1e4)},
}

#: Percent words. "before" words precede the number (Turkish "yüzde 20", "%5"), "after" words follow it.
PERCENT_AFTER: dict[str, tuple[str, ...]] = {
    "*": ("%", "％", "٪"),
    "en": ("percent", "per cent", "pct", "percentage points"),
    "de": ("prozent*", "proz"),
    "fr": ("pour cent", "pourcent*"),
    "es": ("por ciento",),
    "it": ("per cento",),
    "pl": ("proc", "procent*"),
    "cs": ("procent*", "proc"),
    "ru": ("процент*", "проц"),
    "uk": ("відсот*",),
    "bg": ("процент*",),
    "kk": ("пайыз*", "пайыздық", "payyz*"),
    "uz": ("фоиз*", "foiz*"),
    "tr": ("yüzdesi",),
    "az": ("faiz*",),
    "hi": ("प्रतिशत", "का प्रतिशत", "परसेंट", "फ़ीसदी", "फीसदी", "फ़ीसद", "फीसद"),
    "ur": ("فیصد",),
    "ar": ("بالمئة", "بالمائة", "في المئة"),
    "zh": (),
}
PERCENT_BEFORE: dict[str, tuple[str, ...]] = {
    "*": ("%", "％"),
    "tr": ("yüzde",),
    "az": ("faiz",),
    "zh": ("百分之",),
}

#: Qualifiers before a number: (phrase, qualifier). Bare "to" prepositions (pl "do", ru "до") are left out: after a
#: verb of change they mean "to" ("spadła do 4,9 proc."), not "up to". Verbs of exceeding stand here too in
#: verb-medial languages
#: ("превысил 1,5 млрд", "überstieg 3 Mrd."). Qualifier values are the model's
#: "about" | "over" | "under" | "up_to" | "exactly". Multi-word phrases are matched word by word.
QUALIFIERS_BEFORE: dict[str, tuple[tuple[str, str], ...]] = {
    "*": (("~", "about"), ("≈", "about"), (">", "over"), ("<", "under"), ("≥", "over"), ("≤", "up_to")),
    "en": (("about", "about"), ("around", "about"), ("approximately", "about"), ("roughly", "about"),
           ("some", "about"), ("nearly", "under"), ("almost", "under"), ("just under", "under"),
           ("more than", "over"), ("over", "over"), ("above", "over"), ("exceeding", "over"),
           ("at least", "over"), ("exceeded", "over"), ("less than", "under"), ("under", "under"),
           ("fewer than", "under"),
           ("up to", "up_to"), ("as many as", "up_to"), ("exactly", "exactly"), ("precisely", "exactly")),
    "de": (("rund", "about"), ("etwa", "about"), ("ca", "about"), ("circa", "about"), ("ungefähr", "about"),
           ("annähernd", "about"), ("knapp", "under"), ("fast", "under"), ("beinahe", "under"),
           ("mehr als", "over"), ("über", "over"), ("mindestens", "over"),
           ("überstieg*", "over"), ("übersteigt", "over"), ("überschritt*", "over"), ("weniger als", "under"),
           ("unter", "under"), ("bis zu", "up_to"), ("genau", "exactly")),
    "fr": (("environ", "about"), ("près de", "about"), ("quelque", "about"), ("plus de", "over"),
           ("moins de", "under"), ("jusqu'à", "up_to"), ("presque", "under")),
    "es": (("unos", "about"), ("unas", "about"), ("alrededor de", "about"), ("cerca de", "about"),
           ("más de", "over"), ("menos de", "under"), ("hasta", "up_to"), ("casi", "under")),
    "it": (("circa", "about"), ("oltre", "over"), ("più di", "over"), ("meno di", "under"), ("fino a", "up_to"),
           ("quasi", "under")),
    "pl": (("około", "about"), ("ok", "about"), ("blisko", "about"), ("mniej więcej", "about"),
           ("ponad", "over"), ("przeszło", "over"), ("powyżej", "over"), ("co najmniej", "over"),
           ("przekroczył*", "over"), ("przekracza*", "over"),
           ("prawie", "under"), ("niemal", "under"), ("niespełna", "under"), ("poniżej", "under"),
           ("mniej niż", "under"), ("nawet", "up_to"), ("dokładnie", "exactly")),
    "cs": (("asi", "about"), ("zhruba", "about"), ("přibližně", "about"), ("téměř", "under"), ("přes", "over"),
           ("více než", "over"), ("méně než", "under"), ("až", "up_to")),
    "ru": (("около", "about"), ("примерно", "about"), ("приблизительно", "about"), ("порядка", "about"),
           ("почти", "under"), ("свыше", "over"), ("более", "over"), ("больше", "over"), ("не менее", "over"),
           ("превысил*", "over"), ("превышает", "over"),
           ("менее", "under"), ("меньше", "under"), ("ровно", "exactly")),
    "uk": (("близько", "about"), ("приблизно", "about"), ("майже", "under"), ("понад", "over"),
           ("більше", "over"), ("менше", "under")),
    "bg": (("около", "about"), ("близо", "about"), ("почти", "under"), ("над", "over"), ("повече от", "over"),
           ("под", "under")),
    "kk": (("шамамен", "about"), ("шамасы", "about"), ("жуық", "under")),
    "uz": (("тахминан", "about"), ("қарийб", "under"), ("салкам", "under"), ("taxminan", "about"),
           ("qariyb", "under")),
    "tr": (("yaklaşık", "about"), ("takriben", "about"), ("tahminen", "about"), ("kabaca", "about"),
           ("neredeyse", "under"), ("en az", "over")),
    "az": (("təxminən", "about"), ("təqribən", "about")),
    "hi": (("लगभग", "about"), ("करीब", "about"), ("क़रीब", "about"), ("तकरीबन", "about"), ("तक़रीबन", "about"),
           ("कम से कम", "over")),
    "ar": (("حوالي", "about"), ("نحو", "about"), ("قرابة", "about"), ("أكثر من", "over"), ("أقل من", "under")),
    "zh": (("约", "about"), ("大约", "about"), ("超过", "over"), ("近", "under")),
}

#: Qualifiers written after the figure (postpositions and verb-final languages: Turkish "… doları aştı",
#: Hindi "… से अधिक", Uzbek "… дан ортиқ"). Looked for within a few words after the figure.
QUALIFIERS_AFTER: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (("or more", "over"), ("plus", "over")),
    "de": (("übersteig*", "over"), ("überstieg*", "over"), ("überschritt*", "over")),
    "pl": (("przekroczył*", "over"), ("przekracza*", "over")),
    "ru": (("превысил*", "over"), ("превышает", "over"), ("с лишним", "over")),
    "kk": (("асты", "over"), ("астам", "over"), ("артық", "over"), ("шамасында", "about")),
    "uz": (("ошди", "over"), ("ортиқ", "over"), ("зиёд", "over"), ("атрофида", "about"), ("oshdi", "over"),
           ("ortiq", "over"), ("atrofida", "about")),
    "tr": (("aştı", "over"), ("aşıyor", "over"), ("aşkın", "over"), ("fazla", "over"), ("üzerinde", "over"),
           ("civarında", "about"), ("kadar", "up_to"), ("altında", "under")),
    "az": (("artıq", "over"), ("ötüb", "over"), ("keçib", "over"), ("civarında", "about")),
    "hi": (("से अधिक", "over"), ("से ज़्यादा", "over"), ("से ज्यादा", "over"), ("से ऊपर", "over"),
           ("से कम", "under")),
    "ur": (("سے زیادہ", "over"), ("سے کم", "under"), ("تک", "up_to")),
}

#: Words after a number that make it a rank, not an amount ("30 rocznica" = 30th anniversary): anniversary
#: nouns are written with cardinal digits in many languages. Hand-written (no CLDR equivalent).
ORDINAL_NOUNS: dict[str, tuple[str, ...]] = {
    "en": ("anniversary", "th", "st", "nd", "rd"),
    "de": ("jahrestag*", "jubiläum*", "geburtstag*"),
    "fr": ("anniversaire*", "e", "ème", "er", "ère"),
    "es": ("aniversario*",),
    "pl": ("rocznic*", "urodzin*"),
    "cs": ("výročí",),
    "ru": ("годовщин*", "летие", "юбиле*"),
    "uk": ("річниц*",),
    "kk": ("жылдығ*",),
    "uz": ("йиллиг*", "yilligi*"),
    "tr": ("yıldönüm*", "yıl dönüm*"),
    "hi": ("वर्षगांठ", "सालगिरह"),
}

#: Ordinal endings attached to the digits ("18वें", "30-й", "20'nci", "3rd").
ORDINAL_SUFFIXES: dict[str, tuple[str, ...]] = {
    "*": ("th", "st", "nd", "rd", "e", "er", "ème", "º", "ª"),
    "ru": ("-й", "-го", "-му", "-м", "-я", "-е", "-ю", "-ой", "-летие", "-летия"),
    "uk": ("-й", "-го", "-му", "-ий", "-та", "-ї"),
    "bg": ("-и", "-ви", "-ри", "-ти", "-ия"),
    "uz": ("-", "-чи", "-йил"),
    "kk": ("-", "-шы", "-ші"),
    "tr": ("'inci", "'ıncı", "'üncü", "'uncu", "'nci", "'ncı", "'ncü", "'ncu", "’inci", "’ıncı", "’üncü",
           "’uncu", "’nci", "’ncı", "’ncü", "’ncu", "."),
    "hi": ("वें", "वां", "वीं", "वाँ", "वा", "वी", "ला", "ली", "ले", "रा", "री", "रे", "था", "थी", "थे"),
}

#: Languages that capitalise every noun: a capitalised word before a number is no sign of a name there
#: ("in 12 Monaten 40 Verträge").
NOUNS_CAPITALISED: frozenset[str] = frozenset({"de", "lb"})

#: Languages that put case endings on the last word of a noun phrase: an inflected scale word ends the figure
#: ("bunu 30 milyara çıkarma": the word after is a verb, not the counted thing).
CASE_ON_LAST_WORD: frozenset[str] = frozenset({"tr", "az", "uz", "kk", "ky", "tk", "hu", "fi", "et"})

#: Languages that write ordinals as digits followed by a full stop ("20. Bölgelerarası", "30. Jahrestag").
ORDINAL_DOT: frozenset[str] = frozenset({"de", "pl", "cs", "tr", "sk", "sl", "hr", "sr", "hu", "da", "no", "fi",
                                         "et", "lv", "is"})

#: Words after a number that never name counted things but are frequent there: multipliers ("10 раз", "3 kat")
#: and comparatives ("9 больше"). The language's most frequent words (wordfreq) are excluded as well.
NOT_COUNTED: dict[str, tuple[str, ...]] = {
    "en": ("times", "more", "less", "fewer", "percent", "per", "plus", "minus"),
    "de": ("mal", "mehr", "weniger", "fach", "prozent*"),
    "fr": ("fois", "plus", "moins"),
    "es": ("veces", "más", "menos"),
    "pl": ("razy", "raz", "więcej", "mniej", "krotnie"),
    "cs": ("krát", "více", "méně"),
    "ru": ("раз", "раза", "больше", "меньше", "более", "менее"),
    "uk": ("разів", "рази", "більше", "менше"),
    "tr": ("kat", "kez", "defa", "daha", "fazla", "az"),
    "uz": ("марта", "баравар", "кўп", "кам", "marta", "barobar"),
    "kk": ("есе", "рет", "көп", "аз"),
    "hi": ("गुना", "बार", "अधिक", "कम", "ज़्यादा", "ज्यादा"),
}

#: Time-unit words: a number followed by one is a duration or date part, which the time stage owns.
TIME_UNITS: dict[str, tuple[str, ...]] = {
    "en": ("year*", "month*", "week*", "day*", "hour*", "minute*", "second*", "decade*", "century", "centuries",
           "am", "pm", "a.m", "p.m"),
    "de": ("jahr*", "monat*", "woche*", "tag", "tage", "tagen", "tages", "stunde*", "minute*", "sekunde*",
           "jahrzehnt*", "uhr"),
    "fr": ("an", "ans", "année*", "mois", "semaine*", "jour*", "heure*", "minute*", "h"),
    "es": ("año*", "mes", "meses", "semana*", "día*", "hora*", "minuto*"),
    "it": ("anno", "anni", "mese", "mesi", "settiman*", "giorn*", "ora", "ore", "minut*"),
    "pl": ("rok", "roku", "lat", "lata", "latach", "miesiąc*", "miesięc*", "tydz*", "tygodni*", "dni", "dzień",
           "dnia", "godzin*", "minut*", "sekund*", "dekad*", "wiek*"),
    "cs": ("rok*", "let", "měsíc*", "týd*", "den", "dn*", "hodin*", "minut*"),
    "ru": ("год*", "лет", "месяц*", "недел*", "дн*", "день", "час*", "минут*", "секунд*", "век*", "сутк*", "сут",
           "мск"),
    "uk": ("рок*", "рік", "місяц*", "тижн*", "дн*", "годин*", "хвилин*"),
    "bg": ("годин*", "месец*", "седмиц*", "дни", "ден", "час*", "минут*"),
    "kk": ("жыл*", "ай*", "апта*", "күн*", "сағат*", "минут*"),
    "uz": ("йил*", "ой*", "ҳафта*", "кун*", "соат*", "дақиқа*", "yil*", "oy*", "hafta*", "kun*", "soat*"),
    "tr": ("yıl*", "sene*", "ay", "aylık", "ayda", "ayın", "aydır", "hafta*", "gün*", "saat*", "dakika*",
           "saniye*", "asır*", "yüzyıl*"),
    "az": ("il*", "ay*", "həftə*", "gün*", "saat*"),
    "hi": ("साल", "वर्ष", "वर्षों", "सालों", "महीने", "महीनों", "माह", "हफ्ते", "सप्ताह", "दिन", "दिनों", "घंटे",
           "मिनट", "बजे"),
    "ur": ("سال", "مہینے", "ہفتے", "دن", "گھنٹے", "منٹ", "بجے"),
    "ar": ("عام*", "سنة", "سنوات", "شهر*", "أسبوع*", "يوم*", "ساعة*", "دقيقة*"),
}


@lru_cache(maxsize=1)
def currency_symbols() -> dict[str, str]:
    """Symbol -> ISO code: CLDR's non-letter symbols of every currency (in the languages of :data:`LANGS`), where
    one symbol names one currency, overridden by :data:`CURRENCY_SYMBOLS`."""
    seen: dict[str, set[str]] = {}
    codes = list_currencies()
    for loc in ("en", *LANGS):
        try:
            symbols = Locale.parse(loc).currency_symbols  # one locale load, not one per currency
        except (UnknownLocaleError, ValueError):
            continue
        for code in codes:
            sym = symbols.get(code, code)
            if sym != code and not sym.isalpha() and sym != "¤":
                seen.setdefault(sym, set()).add(code)
    generated = {sym: codes.pop() for sym, codes in seen.items() if len(codes) == 1}
    return {**generated, **CURRENCY_SYMBOLS}


@lru_cache(maxsize=1)
def iso_codes() -> frozenset[str]:
    """ISO 4217 codes known to CLDR ("USD", "KZT"): written in capitals next to a number they name the currency."""
    return frozenset(list_currencies())


def matches(word: str, form: str) -> bool:
    """Whether a lower-cased word matches a table form (``*`` marks a stem)."""
    if form.endswith("*"):
        return word.startswith(form[:-1])
    return word == form


@lru_cache(maxsize=64)
def locale_symbols(lang: str) -> tuple[str, str]:
    """(decimal, group) symbols from CLDR; English's when the language has no CLDR locale."""
    try:
        return get_decimal_symbol(lang), get_group_symbol(lang)
    except (UnknownLocaleError, ValueError):
        return ".", ","


def _cldr_locales(lang: str) -> tuple[str, ...]:
    return CLDR_LOCALES.get(lang, (lang,))


@lru_cache(maxsize=64)
def currency_names(lang: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """CLDR display names of the major currencies in every plural form, as (lower-cased word tuple, ISO code).

    Longest names first, so that "ABD doları" wins over "doları"; the short forms of :data:`CURRENCY_WORDS`
    are matched separately.
    """
    seen: dict[tuple[str, ...], str] = {}
    for loc in _cldr_locales(lang):
        try:
            Locale.parse(loc)
        except (UnknownLocaleError, ValueError):
            continue
        for code in MAJOR_CURRENCIES:
            for count in (1, 2, 5, 21):
                name = get_currency_name(code, count, loc)
                if name and name != code:
                    seen.setdefault(tuple(name.lower().replace("-", " - ").split()), code)
    return tuple(sorted(seen.items(), key=lambda kv: -len(kv[0])))


@lru_cache(maxsize=64)
def month_words(lang: str) -> frozenset[str]:
    """Lower-cased CLDR month names (wide and abbreviated, format and stand-alone): "11 ноябрда" is a date."""
    words: set[str] = set()
    for loc in _cldr_locales(lang):
        try:
            locale = Locale.parse(loc)
        except (UnknownLocaleError, ValueError):
            continue
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                words.update(v.lower().rstrip(".") for v in locale.months[context][width].values())
    return frozenset(w for w in words if len(w) >= 3)


@lru_cache(maxsize=64)
def territory_names(lang: str) -> tuple[tuple[str, str], ...]:
    """Single-word CLDR country names (lower-cased) -> ISO 3166 alpha-2, for naming the countries of a figure."""
    names: dict[str, str] = {}
    for loc in (*_cldr_locales(lang), "en"):
        try:
            locale = Locale.parse(loc)
        except (UnknownLocaleError, ValueError):
            continue
        for code, name in locale.territories.items():
            if len(code) == 2 and code.isalpha() and code not in {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"}:
                words = name.split()
                if len(words) == 1:
                    names.setdefault(name.lower(), code)
    return tuple(sorted(names.items()))


def table(data: dict[str, dict[str, object]] | dict[str, tuple[object, ...]], lang: str) -> list:
    """The language's entries followed by the language-independent ones (``"*"``), as a flat list."""
    out: list = []
    for key in (lang, "*"):
        part = data.get(key)
        if isinstance(part, dict):
            out.extend(part.items())
        elif part:
            out.extend(part)
    return out
