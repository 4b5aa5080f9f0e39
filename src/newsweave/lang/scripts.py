"""Which scripts each language is written in, and letters that tell close languages apart.

The script of a passage narrows its possible languages before any statistics are asked: Uzbek in
Cyrillic can only be confused with other Cyrillic languages, and a Georgian-script passage is never
Russian. Primary scripts come from CLDR's likely-subtags table (through babel); ``EXTRA_SCRIPTS``
adds the well-attested second scripts CLDR leaves out of that table.

``LETTER_MARKS`` is hand-written from the languages' standard alphabets (each language's official
orthography): letters that only some members of a confusable group use. The n-gram models were
trained mostly on other material (Uzbek Wikipedia is Latin, Kazakh and Kyrgyz share most letters),
so a handful of letters is stronger evidence than their statistics for these groups.
"""

from __future__ import annotations

from functools import cache

from babel.core import get_global

#: Second (and third) scripts in real use that CLDR's likely subtags do not name.
EXTRA_SCRIPTS: dict[str, tuple[str, ...]] = {
    "uz": ("Cyrl", "Arab"),
    "sr": ("Latn",),
    "sh": ("Latn", "Cyrl"),
    "bs": ("Cyrl",),
    "az": ("Cyrl", "Arab"),
    "kk": ("Latn", "Arab"),
    "ky": ("Arab", "Latn"),
    "tk": ("Cyrl",),
    "tt": ("Latn",),
    "crh": ("Latn",),
    "ku": ("Arab", "Cyrl"),
    "ckb": ("Latn",),
    "pa": ("Arab",),
    "pnb": ("Arab",),
    "sd": ("Deva",),
    "ks": ("Deva",),
    "ms": ("Arab",),
    "mn": ("Mong",),
    "ug": ("Cyrl", "Latn"),
    "be": ("Latn",),
    "tg": ("Latn",),
    "kaa": ("Latn",),
    "hbo": ("Hebr",),
    "yue": ("Hans",),
    "zh": ("Hant",),
    "wuu": ("Hans", "Hant"),
    "lzh": ("Hant", "Hans"),
    "ja": ("Jpan",),
    "ko": ("Kore",),
}

#: How a script seen in text maps onto the script codes that CLDR uses for languages.
#: First word of a letter's Unicode name (``unicodedata.name``: "DEVANAGARI LETTER KA") -> ISO 15924 code.
UNICODE_SCRIPT_CODES: dict[str, str] = {
    "LATIN": "Latn", "CYRILLIC": "Cyrl", "DEVANAGARI": "Deva", "ARABIC": "Arab", "GREEK": "Grek",
    "CJK": "Hani", "HANGUL": "Hang", "HIRAGANA": "Jpan", "KATAKANA": "Jpan", "HEBREW": "Hebr",
    "GEORGIAN": "Geor", "ARMENIAN": "Armn", "THAI": "Thai", "BENGALI": "Beng", "TAMIL": "Taml",
    "GURMUKHI": "Guru", "GUJARATI": "Gujr", "TELUGU": "Telu", "KANNADA": "Knda", "MALAYALAM": "Mlym",
    "SINHALA": "Sinh", "ETHIOPIC": "Ethi", "KHMER": "Khmr", "MYANMAR": "Mymr", "LAO": "Laoo",
}

SCRIPT_FAMILY: dict[str, str] = {"Hani": "Hans", "Hira": "Jpan", "Kana": "Jpan", "Hang": "Kore"}

#: Confusable groups inside one script: language -> letters its alphabet has that some other group
#: member lacks (empty: a group member with no letters of its own). ``LETTER_FOREIGN`` lists letters
#: the language's alphabet does not contain at all.
LETTER_MARKS: dict[str, dict[str, str]] = {
    "Cyrl": {
        "uz": "ўқғҳ",
        "kk": "әғқңөұүһі",
        "ky": "ңөү",
        "tg": "ӣӯҷҳғқ",
        "uk": "іїєґ",
        "be": "ўі",
        "bg": "ъ",
        "ru": "ыэё",
        "mn": "өү",
        "tt": "әөүҗңһ",
        "ba": "әөүғҡңҙҫһ",
        "mk": "ѓќѕјљњџ",
        "sr": "ђћјљњџ",
        # The palochka (Ӏ) of the Caucasian alphabets, which no other Cyrillic alphabet has.
        "av": "ӏ",
        "ce": "ӏ",
        "lez": "ӏ",
    },
    "Latn": {
        "uz": "ʻ",
        "az": "ə",
        "tr": "ğış",
        # Karakalpak's Latin alphabet (2016) marks its vowels and ng/gh with acute accents, where Turkish,
        # Azerbaijani and Uzbek use ö ü ñ ğ or apostrophes; neither base model knows Karakalpak.
        "kaa": "áóúńǵ",
        # Turkmen's Latin alphabet (1993) writes ň (its genitive -yň/-iň) and ý, which Turkish, Azerbaijani and
        # Uzbek lack. Its ä and ž are left out: "Ä" and "ž" are what UTF-8 Turkish ğ, ı and ş turn into when
        # decoded as Windows-1252, a common mojibake in scraped Turkish news.
        "tk": "ňý",
        # Crimean Tatar writes its velar nasal ñ (Turkish has none) and uses q; q is Azerbaijani and Uzbek too.
        "crh": "ñ",
    },
    # Mingrelian writes its schwa with ჷ (and ჸ), letters the Georgian alphabet no longer has.
    "Geor": {"xmf": "ჷჸ", "ka": ""},
    # Written Cantonese: particles, pronouns, the copula 係 and negation 唔 that standard written Chinese
    # does not use (係 only inside the words of ``LETTER_MASKS``).
    # Written Shanghainese (Wu): 侬/儂 "you", 㑚 "you (plural)", 搿 "this", 覅 "don't", 嘸 "not have"; its other
    # common words (伊 "he", 阿拉 "we", 弗 "not") are also syllables of transliterated names (伊朗, 阿拉伯, 弗拉基米尔).
    "Hant": {"yue": "嘅咗喺嗰佢哋冇嚟啲嘢噉睇係唔乜咁畀啱搵諗咩攞", "wuu": "侬儂㑚搿覅嘸", "zh": ""},
    "Hans": {"yue": "嘅咗喺嗰佢哋冇嚟啲嘢噉睇係唔乜咁畀啱搵諗咩攞", "wuu": "侬儂㑚搿覅嘸", "zh": ""},
}

#: Standard words that contain a mark letter of ``LETTER_MARKS`` without being evidence for it: 關係
#: ("relation") is standard Chinese, while 係 alone is the Cantonese copula.
LETTER_MASKS: dict[str, tuple[str, ...]] = {
    "Hant": ("關係", "聯係", "維係", "係數", "係列"),
    "Hans": ("關係", "聯係", "維係", "係數"),
}

#: Confusable groups told apart by function words and common vocabulary that only some members use
#: (a word may mark several members). Counted on whole lower-cased words, like the letters above; a mark
#: with a space is counted on two consecutive words.
WORD_MARKS: tuple[dict[str, frozenset[str]], ...] = (
    # Punjabi in Shahmukhi shares almost every letter with Urdu (ڑ included), but its grammar words differ:
    # دے/دی/دا "of", وچ "in", تے "and", نال "with", توں "from", نیں/اے "is/are" against Urdu کے/کی/کا, میں,
    # اور, سے, ہیں.
    {
        "pnb": frozenset({"دے", "دی", "دا", "وچ", "تے", "نال", "توں", "نیں", "نيں", "اے", "ہور", "چ", "وی", "نوں"}),
        "ur": frozenset({"کے", "کی", "کا", "میں", "اور", "سے", "ہیں", "تھا", "تھے", "کو", "بھی"}),
    },
    # Persian grammar words (az "from", be "to", dar "in", ke "that", ra, ast "is") against South Azerbaijani
    # ones written in the same letters (bir "one", iki "two", ile "with", olan, üçün "for", sonra "after").
    {
        "fa": frozenset({"از", "به", "در", "که", "را", "این", "با", "است", "شد", "می", "برای", "آن", "بود", "کرد",
                         "های", "خود", "شده", "نیز"}),
        "azb": frozenset({"بیر", "ایکی", "ایله", "اولان", "اولاراق", "اوچون", "ائتدی", "اولدو", "چوْخ", "چوخ",
                          "داها", "گؤره", "سونرا", "ایدی", "دئدی"}),
    },
    # Russian, Ukrainian and Bulgarian grammar words and month names for short passages without the letters
    # of ``LETTER_MARKS`` (Russian что/когда/января, Ukrainian що/як/але/грудня, Bulgarian че/това/след/януари);
    # words two of them use, whatever the sense, are left out (как, или, но, та, тому, после, ще, коли).
    {
        "ru": frozenset({"что", "его", "уже", "очень", "когда", "только", "если", "чтобы", "будет",
                         "может", "сказал", "умер", "который", "которая", "которые", "которых", "января",
                         "февраля", "марта", "апреля", "июня", "июля", "августа", "сентября", "октября", "ноября",
                         "декабря"}),
        "uk": frozenset({"що", "як", "але", "це", "щоб", "або", "вже", "дуже", "якщо", "також", "було",
                         "був", "була", "були", "його", "її", "який", "яка", "які", "після", "помер", "сказав",
                         "січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня",
                         "жовтня", "листопада", "грудня"}),
        "bg": frozenset({"че", "това", "са", "беше", "бяха", "които", "който", "която", "след", "във",
                         "тази", "този", "според", "каза", "почина", "януари", "февруари", "април", "юни", "юли",
                         "септември", "октомври", "ноември", "декември"}),
    },
    # Standard Indonesian against standard Malay vocabulary (Indonesian karena/mantan/uang/polisi and
    # Dutch-derived month names against Malay kerana/bekas/selepas/wang/polis and Julai/Ogos/Disember), and
    # the spellings of shared loanwords (kursi/kerusi, parlemen/parlimen, persen/peratus, miliar/bilion,
    # tentara/tentera, dokter/doktor). Two-word marks are word order (sepak bola/bola sepak) or compounds
    # (pemilihan umum/pilihan raya). Words both use with other senses (pemerintah, pejabat, setelah, semasa,
    # kereta, jabatan, kerajaan, negeri, cedera, beliau, penghargaan, ledakan, kesatuan) are left out.
    {
        "id": frozenset({"karena", "yaitu", "mantan", "uang", "bisa", "saja", "sesudah",
                         "tewas", "menewaskan", "berhasil", "serikat", "kantor", "polisi", "perusahaan", "mobil",
                         "kebijakan", "diluncurkan", "juni", "juli", "agustus", "desember", "maret", "selama",
                         "kursi", "parlemen", "persen", "miliar", "triliun", "tentara", "sekretaris", "universitas",
                         "dokter", "kampanye", "olahraga", "majelis", "provinsi", "setidaknya", "pemilu", "bandara",
                         "sepak bola", "pemilihan umum", "juru bicara"}),
        "ms": frozenset({"kerana", "iaitu", "bekas", "wang", "boleh", "sahaja", "selepas", "berjaya", "syarikat",
                         "polis", "dilancarkan", "jun", "julai", "ogos", "disember", "mac",
                         "terbunuh", "daripada", "kerusi", "parlimen", "peratus", "bilion", "trilion", "tentera",
                         "setiausaha", "universiti", "doktor", "kempen", "sukan", "majlis", "baharu", "terkorban",
                         "berikutan", "jawatan", "mesyuarat", "pertubuhan", "letupan", "antarabangsa", "tiada",
                         "askar", "hospital", "jurucakap", "bola sepak", "pilihan raya", "lapangan terbang",
                         "kapal terbang"}),
        # Minangkabau: nan "which", jo "and", alah "already", indak "not", and Malay -a/-u endings as -o/-uak.
        "min": frozenset({"nan", "jo", "alah", "indak", "urang", "pado", "kapado", "daripado", "ado", "dek",
                          "baliau", "iko", "karano", "antaro", "samo", "untuak", "tibo", "sabagai", "manjadi",
                          "mandapek", "dibuek", "mambuek", "katiko", "patamo", "sasudah", "sabalun", "salamo",
                          "ciek", "duo", "tigo", "ampek", "limo", "taun", "kato", "maso", "inyo"}),
    },
    # Iberian Romance articles, contractions and grammar words: Spanish los/las/y/muy, Portuguese
    # em/com/uma/não/pelo, Galician unha/non/polo/coa/xa, Catalan els/amb/i/però; then the everyday news
    # words each spells its own way (yesterday/today/years/without/when/millions: Spanish ayer/hoy/años/sin/
    # cuando/millones, Portuguese ontem/hoje/sem/quando/milhões, Galician onte/hoxe/sen/cando, Catalan
    # ahir/avui/anys/sense/quan/milions; law: ley/lei/llei). do/da/na are Portuguese and Galician alike; el and una are
    # Catalan as much as Spanish (and el is Galician "he"), so they mark neither; words two languages use
    # in other senses (Spanish dos "two" and se va "goes" against Portuguese dos "of the" and the Catalan
    # past va) are left out.
    {
        "es": frozenset({"los", "las", "del", "y", "con", "unas", "pero", "también", "ya", "hasta", "muy", "fue",
                         "hay", "según", "su", "sus", "le", "está", "están", "después", "ayer", "hoy", "año", "años",
                         "sin", "otros", "otras", "cuando", "donde", "mientras", "millones", "nuevo", "nueva", "ley"}),
        "pt": frozenset({"do", "da", "das", "na", "nas", "ao", "aos", "em", "uma", "umas", "não", "pelo",
                         "pela", "pelos", "pelas", "também", "já", "até", "com", "muito", "são", "após", "ontem",
                         "hoje", "sem", "quando", "enquanto", "milhões", "numa", "lei"}),
        "gl": frozenset({"do", "da", "das", "na", "nas", "ao", "aos", "unha", "unhas", "non", "polo", "pola",
                         "polos", "polas", "coa", "coas", "cun", "cunha", "xa", "moi", "tamén", "ata", "dun",
                         "dunha", "con", "pero", "despois", "onte", "hoxe", "sen", "cando", "mentres", "nunha", "lei"}),
        "ca": frozenset({"els", "del", "dels", "amb", "per", "i", "les", "és", "són", "aquest", "aquesta",
                         "però", "molt", "també", "fins", "pel", "seva", "després", "ahir", "avui", "anys",
                         "segons", "durant", "sense", "altres", "dues", "perquè", "encara", "quan", "milions",
                         "seus", "seves", "tots", "totes", "mitjançant", "aquests", "aquestes", "llei"}),
    },
    # Scots against English spelling of the commonest words (Scots o/wi/frae/haes/wis/efter/auld for
    # of/with/from/has/was/after/old). Scots words that are also English words (an, aw, wee) are left out.
    {
        "en": frozenset({"of", "and", "with", "from", "has", "was", "were", "other", "about", "out", "down", "old",
                         "after", "have", "does", "own", "who", "what", "where", "not", "many", "would", "only",
                         "between", "before", "into", "people", "world", "two", "more", "most", "so", "them",
                         "their", "they", "called", "former", "country", "city", "language", "government"}),
        "sco": frozenset({"o", "wi", "frae", "haes", "wis", "wur", "ither", "aboot", "oot", "doon", "auld", "efter",
                          "hae", "dees", "ain", "wha", "whit", "whaur", "nae", "mony", "juist", "anly", "atween",
                          "afore", "intae", "fowk", "warld", "twa", "mair", "maist", "thaim", "thair", "thay",
                          "thit", "tae", "cried", "umwhile", "kintra", "ceety", "leid", "govrenment", "unitit",
                          "kinrick", "meenister", "fitba", "selectit", "electit"}),
    },
    # Danish, Norwegian (Bokmål and Nynorsk) and Swedish grammar words: Danish af/efter/ud/op/mig/blev/nu,
    # Bokmål av/etter/ut/opp/meg/ble/nå, Nynorsk ikkje/eg/frå/kva, Swedish och/är/inte/för/att.
    {
        "da": frozenset({"af", "efter", "ud", "op", "mig", "dig", "sig", "blev", "nu", "hvad", "gennem", "mellem",
                         "nogle", "meget", "tusind", "regering", "udbrud", "havde", "været", "ved", "kun"}),
        "no": frozenset({"av", "etter", "ut", "opp", "meg", "deg", "seg", "ble", "nå", "hva", "gjennom", "mellom",
                         "noen", "mye", "tusen", "regjering", "hadde", "vært", "ved", "kun"}),
        "nn": frozenset({"ikkje", "eg", "ein", "eit", "frå", "kva", "korleis", "vart", "berre", "noko", "mykje",
                         "dei", "gjennom", "mellom", "etter", "av", "ut", "opp", "hadde"}),
        "sv": frozenset({"och", "är", "inte", "för", "att", "av", "efter", "ut", "upp", "mig", "sig", "blev", "nu",
                         "vad", "genom", "mellan", "några", "mycket", "tusen", "regering", "hade", "varit", "vid"}),
    },
    # Afrikaans against Dutch grammar words: Afrikaans die "the", nie "not", 'n "a" (counted as n), vir "for",
    # hulle "they", sy "his/her", deur "by", word "is (passive)", sal "shall", as "as", hierdie "this", gewees
    # "been" against Dutch de, een, niet, zijn, werd/wordt, door, naar, bij, heeft, zal, als, deze, er.
    # Words both use (het, van, en, is, was, ook, dat, maar, voor, ons, wat, een as Afrikaans "one") are left out.
    {
        "af": frozenset({"die", "nie", "n", "vir", "hulle", "sy", "deur", "word", "sal", "as", "hierdie",
                         "daardie", "gewees", "oor", "teen", "tydens", "jy", "ek", "julle", "baie"}),
        "nl": frozenset({"de", "niet", "zijn", "werd", "wordt", "worden", "door", "naar", "bij", "heeft",
                         "hebben", "zal", "als", "deze", "er", "zij", "ze", "hun", "tegen", "tijdens", "zich",
                         "geweest", "ik", "jij", "jullie"}),
    },
    # Devanagari languages by their grammar words. Bhojpuri forms its past in -al/-il (gail "went", bhail
    # "became", kail "did", rahal "was") and has the copula ba; its pronouns are unuka/okar/eh/oh. Nepali has
    # ra "and", chha/thiyo "is/was", pani "also", lagi "for", yo "this" and the ergative -le. Marathi has ani
    # "and", aahe "is", hote "was", madhye "in". Hindi has aur, hai/tha, gaya/hua/kiya, the ergative ne and
    # is/us/yah/vah. Postpositions several use (ke, se, mein, par), Hindi ho/hi/ya (Nepali "is", Marathi
    # "this", "or") and forms Hindi shares (bane "made", hota/hote/hoti "is/was") are left out.
    {
        "bho": frozenset({"गइल", "भइल", "कइल", "रहल", "गइलें", "भइलें", "कइलें", "कहलें", "गइलन", "कइलन",
                          "कहलन", "बा", "बाड़े", "बाड़ें", "बाड़ी", "बाटे", "बानी", "होला", "जाला", "उनुका",
                          "उनकर", "ओकर", "एकर", "एह", "ओह", "आपन", "हमनी", "खातिर"}),
        "ne": frozenset({"र", "छ", "छन्", "थियो", "थिए", "भएको", "भएका", "गरेको", "गरेका", "गर्न", "गर्ने", "हुने",
                         "रहेको", "लागि", "पनि", "यो", "त्यो", "भयो", "गरे", "भने", "भन्दा", "पहिलो", "पछि", "उनले",
                         "उनको", "बनिन्"}),
        "mr": frozenset({"आणि", "आहे", "आहेत", "मध्ये", "झाले", "झाली", "झाला", "केले", "केली", "यांनी",
                         "त्यांनी", "करण्यात", "असे", "नाही", "पहिल्या"}),
        "hi": frozenset({"है", "हैं", "था", "थे", "थी", "गया", "गई", "गयी", "गए", "हुआ", "हुई", "हुए", "किया",
                         "किए", "कहा", "ने", "और", "यह", "वह", "इस", "उस", "लिए", "अपने", "अपनी"}),
    },
    # Bantu languages of southern and eastern Africa by their grammar words: Chichewa ndi "and/with", koma "but",
    # chifukwa "because", kapena "or", anthu "people", dziko "country"; Shona uye "and", asi "but", nekuti
    # "because", vanhu, nyika, hurumende "government"; Swahili ni "is", kwamba "that", katika "in", lakini "but",
    # watu, nchi, serikali. Neither base model knows Chichewa; kwa, na, wa, ya and the demonstratives ichi/iyi
    # (Chichewa and Shona alike) are left out.
    {
        "ny": frozenset({"ndi", "ndipo", "komanso", "koma", "chifukwa", "kapena", "anthu", "dziko", "zaka",
                         "pamene", "omwe", "ambiri", "chaka"}),
        "sn": frozenset({"uye", "asi", "nekuti", "vanhu", "nyika", "hurumende", "makore", "gore", "muna",
                         "zvakare", "izvi", "akati", "vakati", "vese", "zvinhu"}),
        "sw": frozenset({"ni", "kwamba", "katika", "hii", "huo", "hiyo", "lakini", "pia", "kuwa", "baada",
                         "wakati", "serikali", "watu", "mwaka", "nchi"}),
    },
    # Philippine languages: Tagalog at "and", ng/na linkers, ay, ito "this", mula "from", hindi "not"; Cebuano
    # ug/og "and", nga linker, kini "this", gikan "from", dili "not"; Waray ngan "and", han/hin, ha "in", an
    # "the", ini "this". ang, sa, mga and si are shared.
    {
        "tl": frozenset({"at", "ng", "na", "ay", "ito", "mula", "noong", "hindi", "ngayon", "isang", "naging",
                         "kanyang", "kaniyang", "niya", "nang"}),
        "ceb": frozenset({"ug", "og", "nga", "kini", "gikan", "dili", "karon", "usa", "niadtong", "nahimong",
                          "iyang", "didto", "kay"}),
        "war": frozenset({"ngan", "nga", "han", "hin", "ha", "an", "ini", "tikang", "diri", "yana", "hiya"}),
    },
)

LETTER_FOREIGN: dict[str, dict[str, str]] = {
    "Cyrl": {
        "uz": "іїєґыщәңөұүӣӯҷђћјљњџѓќѕӏ",
        "kk": "ўїєґӣӯҷҳђћјљњџѓќѕӏ",
        "ky": "ўіїєґәұқғҳһӣӯҷђћјљњџѓќѕӏ",
        "tg": "ўіїєґыщәңөұүцђћјљњџѓќѕӏ",
        "uk": "ыэъёўқғҳәңөұүһӣӯҷђћјљњџѓќѕӏ",
        "be": "ищъїєґқғҳәңөұүһӣӯҷђћјљњџѓќѕӏ",
        "bg": "ыэёіїєґўқғҳәңөұүһӣӯҷђћјљњџѓќѕӏ",
        "ru": "іїєґўқғҳәңөұүһӣӯҷђћјљњџѓќѕӏ",
        "mn": "іїєґўқғҳәңұһӣӯҷђћјљњџѓќѕӏ",
        "tt": "іїєґўқғҳұӣӯҷђћјљњџѓќѕӏ",
        "ba": "іїєґўқҳұӣӯҷђћјљњџѓќѕӏ",
        "mk": "ђћыэёъщьюяйіїєґўқғҳәңөұүһӣӯҷӏ",
        "sr": "ѓќѕыэёъщьюяйіїєґўқғҳәңөұүһӣӯҷӏ",
        "av": "ўқғҳәңөұүһіїєґӣӯҷђћјљњџѓќѕ",
        "ce": "ўқғҳәңөұүһіїєґӣӯҷђћјљњџѓќѕ",
        "lez": "ўқғҳәңөұүһіїєґӣӯҷђћјљњџѓќѕ",
    },
    "Geor": {"ka": "ჷჸ"},
    "Latn": {
        "uz": "əçşöüñıäğáńǵňý",
        "az": "ʻñäáńǵňý",
        "tr": "əʻáńǵňýñqx",
        "kaa": "əçşğöüñʻňý",
        "tk": "ıəğʻñáńǵqx",
        "crh": "əʻáńǵňý",
    },
}

#: Pairs (and small sets) of languages so close that the n-gram models confuse them on short text;
#: when both lead the vote, word frequencies from ``wordfreq`` decide between them.
CLOSE_SETS: tuple[frozenset[str], ...] = (
    frozenset({"id", "ms"}),
    frozenset({"da", "nb", "no", "sv"}),
    frozenset({"cs", "sk"}),
    frozenset({"bg", "ru", "mk"}),
    frozenset({"bs", "hr", "sr", "sh"}),
)

#: Our label -> the wordfreq wordlist that describes it.
WORDFREQ_LANG: dict[str, str] = {"no": "nb", "bs": "sh", "hr": "sh", "sr": "sh"}

#: Labels the base models (and Wikipedia-derived data) use where ISO 639 has another code: fastText's
#: ``als`` is Alemannic (ISO ``gsw``; ISO ``als`` is Tosk Albanian) and ``bh`` is Bhojpuri (``bho``).
LABEL_ALIASES: dict[str, str] = {"nb": "no", "zh-yue": "yue", "zh-classical": "lzh", "be-tarask": "be",
                                 "als": "gsw", "bh": "bho"}


@cache
def _likely() -> dict[str, str]:
    return get_global("likely_subtags")


@cache
def lang_scripts(lang: str) -> frozenset[str]:
    """Scripts ``lang`` is written in (CLDR primary script plus ``EXTRA_SCRIPTS``); empty when unknown."""
    parts = _likely().get(lang, "").split("_")
    found = {parts[1]} if len(parts) >= 2 and len(parts[1]) == 4 else set()
    found.update(EXTRA_SCRIPTS.get(lang, ()))
    return frozenset(found)


def written_in(lang: str, script: str) -> bool:
    """Whether ``lang`` may be written in ``script``; unknown languages are given the benefit of the doubt."""
    scripts = lang_scripts(lang)
    family = SCRIPT_FAMILY.get(script, script)
    return not scripts or family in scripts or script in scripts or (family == "Hans" and "Hant" in scripts)


@cache
def script_default_lang(script: str) -> str | None:
    """CLDR's most likely language for a script (``und_Olck`` -> ``sat``), the answer of last resort."""
    family = {"Hira": "Jpan", "Kana": "Jpan", "Hang": "Kore"}.get(script, script)
    for key in (f"und_{family}", f"und_{script}"):
        value = _likely().get(key)
        if value:
            return value.split("_")[0]
    return None
