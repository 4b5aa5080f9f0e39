"""Words that make a capitalised phrase an organisation's name.

Data, not code. ``ORG_HEADS`` are matched as word beginnings on the lower-cased word, so inflected
forms (``Organizacji``, ``Üniversitesi``, ``ташкилотига``) count too; for ``de`` also as word
endings (``Außenministerium``). The letter names of acronyms spelled out in a caseless script (Devanagari
``एनएचबी`` = N-H-B) are in :mod:`newsweave.lang.acronym_letters`.
"""

from __future__ import annotations

#: lang -> beginnings of organisation head words ("*" = valid in any language).
ORG_HEADS: dict[str, frozenset[str]] = {
    "*": frozenset({"bank", "forum", "institut", "universit", "agenc", "parti", "partei", "komitet", "ministr",
                    "council", "organi", "corporation", "company", "group", "union", "association", "front",
                    "federation", "fund", "commission", "court", "army", "office", "news", "times", "tv",
                    "radio", "airlines", "airways", "parlament", "air", "aviation", "holdings", "industries",
                    "technologies", "motors", "vereinigung", "gewerkschaft"}),
    "en": frozenset({"organization", "organisation", "ministry", "department", "party", "committee", "agency",
                     "university", "institute", "parliament", "senate", "congress", "assembly", "treaty",
                     "alliance", "community", "service", "inc", "ltd", "corp", "foundation", "society",
                     "exchange", "centre", "center", "authority", "bureau", "embassy", "consulate", "police",
                     "league", "constabulary", "trust", "museum", "hospital", "college", "school", "board", "guard",
                     "fleet", "navy", "laboratory", "holding", "tribunal", "academy", "directorate", "inspectorate"}),
    "de": frozenset({"organisation", "ministerium", "partei", "ausschuss", "agentur", "universität", "institut",
                     "parlament", "bundestag", "gericht", "stiftung", "verband", "gesellschaft", "konzern",
                     "gmbh", "bündnis", "zeitung", "gemeinschaft", "behörde", "verein",
                     "vereinigung", "akademie", "hochschule", "kammer", "kommission", "sezession", "senat", "stadtrat",
                     "stadtverwaltung", "landratsamt", "botschaft", "konsulat", "staatsanwaltschaft", "stadtwerke",
                     "verbraucherzentrale", "kriminalamt", "polizeipräsidium", "polizeidirektion", "inspektion",
                     "gemeinderat",
                     "museum", "kunsthalle", "landtag", "kreistag", "rechnungshof", "bundesrat",
                     # matched with a noun's endings only (*Polizeichef* is none), so bare ones too
                     "polizei", "feuerwehr", "klinikum", "bezirksregierung", "gerichtshof", "zentrum", "anstalt"}),
    "pl": frozenset({"organizacj", "ministerstw", "parti", "komitet", "agencj", "uniwersytet", "instytut",
                     "sejm", "senat", "zgromadzeni", "sąd", "fundacj", "stowarzyszeni", "związ", "wspólnot",
                     "unii", "unia", "sojusz", "spółk", "urząd", "urzęd", "kancelari", "gazet", "komisj", "trybunał",
                     "trybunal", "rada", "ambasad", "konsulat", "grup", "prokuratur", "komend", "inspektorat", "izba",
                     "izby", "straż", "politechnik", "akademi",
                     # inflected forms the prefix match misses (*Uniwersytecie*, *Radzie*), and more bodies
                     "uniwersytec", "rady", "radzie", "radę", "radą", "centrum", "departament", "dyrekcj",
                     "szpital", "wojsk", "wydział", "fundusz", "bank", "inspekcj", "biur", "służb", "korporacj", "muze",
                     "teatr", "filharmoni", "dywizj", "brygad"}),
    "ru": frozenset({"организаци", "министерств", "парти", "комитет", "агентств", "университет", "институт",
                     "дум", "совет", "собрани", "суд", "фонд", "союз", "содружеств", "ассоциаци", "компани",
                     "газет", "банк", "служб", "управлени", "корпораци", "альянс", "парламент", "комисси", "мэри",
                     "администраци", "посольств", "консульств"}),
    "uk": frozenset({"організаці", "міністерств", "парті", "комітет", "агентств", "університет", "інститут",
                     "рад", "суд", "фонд", "союз", "асоціаці", "компані", "газет", "служб", "парламент", "комісі",
                     "адміністраці", "міськрад", "посольств", "консульств", "банк", "бюро", "прокуратур"}),
    "bg": frozenset({"организаци", "министерств", "парти", "комитет", "агенци", "университет", "институт",
                     "събрани", "съд", "фонд", "съюз", "асоциаци", "компани", "вестник", "парламент", "комиси",
                     "посолств", "банк", "сдружени"}),
    "cs": frozenset({"organizac", "ministerstv", "stran", "výbor", "agentur", "univerzit", "institut",
                     "sněmovn", "senát", "soud", "nadac", "sdružení", "svaz", "společnost", "rad", "alianc", "komis",
                     "velvyslanectv", "úřad", "úřed", "asociac", "nemocnic", "divadl", "inspekc"}),
    "sk": frozenset({"organizác", "ministerstv", "stran", "výbor", "agentúr", "univerzit", "inštitút", "súd",
                     "nadáci", "združeni", "zväz", "spoločnos", "rad", "komisi", "úrad", "veľvyslanectv"}),
    "sl": frozenset({"organizacij", "ministrstv", "strank", "odbor", "agencij", "univerz", "inštitut", "zbor",
                     "sodišč", "sklad", "društv", "zvez", "družb", "svet", "komisij", "parlament", "urad", "združenj"}),
    "tr": frozenset({"örgüt", "federasyon", "teşkilat", "bakanlı", "parti", "komite", "ajans", "üniversite", "enstitü",
                     "meclis", "mahkeme", "vakf", "vakıf", "derne", "birliğ", "birlik", "şirket", "kurul",
                     "konsey", "anlaşma", "ittifak", "gazete", "holding", "parlamento", "komisyon", "kurum", "ajansı",
                     "kargo", "baro", "belediye", "valili", "kaymakamlı", "müdürlüğ", "başkanlığ", "odası", "sendika",
                     "büyükelçili",
                     "konsolosluğ", "savcılığ", "başsavcılığ", "cumhurbaşkanlığ", "müsteşarlığ", "banka", "borsa",
                     "grubu", "kulüb", "fakülte", "rasathane", "kooperatif", "müze", "ofisi", "fabrika",
                     # hospitals, fire brigades, police stations, missions, court chambers, platforms
                     "hastane", "itfaiye", "komiserliğ", "komiserlik", "temsilciliğ", "temsilcilik", "dairesi",
                     "platformu",
                     # commands (Sahil Güvenlik Komutanlığı), magistrates' courts (Sulh Ceza Hâkimliği), centres
                     "komutanlığ", "hâkimliğ", "hakimliğ", "merkezi",
                     # programmes (Kalkınma Programı), airlines (Özbekistan Havayolları), services (Denetim Servisi)
                     "programı", "havayolları", "havayolu", "servisi"}),
    "az": frozenset({"təşkilat", "nazirliy", "partiya", "komitə", "agentliy", "universitet", "institut",
                     "məclis", "məhkəmə", "fond", "birliy", "şirkət", "şura", "xidmət", "mərkəz", "idarə",
                     "hakimiyyət", "akademiya", "metropoliten", "bank", "cəmiyyət", "prokurorluq", "şəbəkə",
                     "komissiya", "xəstəxana", "teatr", "muzey"}),
    "uz": frozenset({"ташкилот", "вазирли", "партия", "қўмита", "агентли", "университет", "институт",
                     "мажлис", "суд", "жамғарма", "иттифоқ", "ҳамдўстлик", "компания", "кенгаш", "газета", "палата",
                     "tashkilot", "vazirli", "partiya", "qo'mita", "qoʻmita", "universitet", "kengash", "ҳокимлиг",
                     "hokimlig", "agentli", "jamgʻarma", "jamg'arma", "palata", "банк", "комиссия", "komissiya",
                     "комбинат", "kombinat", "метрополитен", "metropoliten", "биржа", "birja", "академия",
                     "akademiya", "прокуратура", "prokuratura", "sud", "institut", "bank",
                     # the court's possessive, which case endings follow (*вилоят судига*, "to the regional court")
                     "суди", "sudi",
                     # departments, services and theatres (ички ишлар бошқармаси, хавфсизлик хизмати); not *марказ*,
                     # "centre", which *Марказий*, "central", begins
                     "бошқарма", "boshqarma", "хизмат", "xizmat", "театр", "teatr",
                     "ассоциация", "assotsiatsiya", "федерация", "federatsiya", "музей", "muzey", "инспекция",
                     "inspeksiya"}),
    "kk": frozenset({"ұйым", "министрлі", "партия", "комитет", "агенттігі", "университет", "институт",
                     "мәжіліс", "сот", "соты", "қор", "одақ", "компания", "кеңес", "әкімдіг", "әкімшілі", "банк",
                     "зауыт", "комбинат", "басқарма", "департамент", "прокуратура", "академия", "корпорация",
                     "клуб", "команда", "биржа", "консерватория", "мәслихат", "метрополитен", "бюро",
                     # a federation of unions or sports clubs, lower-case (*Ресей Федерациясы* is a place's head)
                     "федерация"}),
    "hi": frozenset({"संगठन", "मंत्रालय", "पार्टी", "दल", "समिति", "एजेंसी", "विश्वविद्यालय", "संस्थान",
                     "संसद", "न्यायालय", "अदालत", "बैंक", "संघ", "परिषद", "आयोग", "कंपनी", "निगम", "फोरम", "मंच",
                     "प्राधिकरण", "बोर्ड", "कार्यालय", "निदेशालय", "कोष",
                     # English head words as Hindi news writes them (सुप्रीम कोर्ट, रॉयल सोसाइटी)
                     "कोर्ट", "सोसाइटी", "सोसायटी", "एकेडमी", "एकैडमी", "अकादमी", "कमीशन", "काउंसिल", "कॉर्पोरेशन",
                     "फाउंडेशन", "एसोसिएशन", "इंस्टीट्यूट", "यूनिवर्सिटी", "कॉलेज", "महाविद्यालय", "कॉरपोरेशन",
                     "मोटर्स", "इंडस्ट्रीज", "लिमिटेड", "ग्रुप", "एयरलाइंस", "एयरवेज", "टेक्नोलॉजीज", "होल्डिंग्स",
                     # courts, departments, tribunals, fronts, armies, laboratories, corporations, clubs
                     "हाईकोर्ट", "विभाग", "अधिकरण", "न्यायाधिकरण", "मोर्चा", "सेना", "प्रयोगशाला", "महानगरपालिका",
                     "विधानसभा", "रेलवे", "एक्सचेंज", "प्रकोष्ठ", "महासंघ", "बल", "समूह", "पाइरेट्स", "जायंट",
                     # clubs and league teams (मैनचेस्टर यूनाइटेड, मुंबई इंडियंस, कोलकाता नाइट राइडर्स)
                     "क्लब", "एफसी", "यूनाइटेड", "इंडियंस", "राइडर्स", "किंग्स", "टाइटंस", "कैपिटल्स", "रॉयल्स",
                     "जायंट्स", "वॉरियर्स",
                     # a town's or state's police (दिल्ली पुलिस)
                     "पुलिस"}),
    "ur": frozenset({"تنظیم", "وزارت", "پارٹی", "جماعت", "کمیٹی", "ایجنسی", "یونیورسٹی", "ادارہ", "پارلیمنٹ",
                     "عدالت", "بینک", "کونسل", "کمیشن", "کمپنی"}),
    "fr": frozenset({"organisation", "ministère", "parti", "comité", "agence", "université", "institut",
                     "assemblée", "sénat", "tribunal", "fondation", "union", "conseil", "société", "banque",
                     "ambassade", "consulat"}),
    "pt": frozenset({"organização", "ministério", "partido", "comitê", "comité", "agência", "universidade",
                     "instituto", "congresso", "senado", "tribunal", "fundação", "união", "conselho", "sociedade",
                     "banco", "assembleia", "embaixada", "consulado", "grupo"}),
    "it": frozenset({"organizzazione", "ministero", "partito", "comitato", "agenzia", "università", "istituto",
                     "senato", "tribunale", "fondazione", "unione", "consiglio", "società", "banca", "ambasciata",
                     "consolato"}),
    "es": frozenset({"organización", "ministerio", "partido", "comité", "agencia", "universidad", "instituto",
                     "congreso", "senado", "tribunal", "fundación", "unión", "consejo", "sociedad", "banco",
                     "embajada", "consulado", "grupo"}),
}

#: lang -> beginnings of common nouns that describe a company, club or brand and stand right before its bare
#: name (``przewoźnik Ryanair``, ``компания Apple``, ``der Konzern Siemens``): the name after one is an ORG even
#: when no head word is in it. ``COMPANY_WORDS_AFTER``: the same for languages that put the noun after the name
#: with a possessive ending (Turkish ``Galatasaray kulübü``, Kazakh ``Apple компаниясы``).
COMPANY_WORDS_BEFORE: dict[str, frozenset[str]] = {
    "en": frozenset({"company", "firm", "airline", "carrier", "club", "maker", "giant", "brand", "retailer",
                     "conglomerate", "manufacturer", "broadcaster", "insurer", "automaker", "carmaker"}),
    "de": frozenset({"firma", "konzern", "fluggesellschaft", "airline", "billigflieger", "hersteller", "verein",
                     "club", "marke", "unternehmen", "fluglinie", "autobauer", "sender", "versicherer"}),
    "pl": frozenset({"firm", "firma", "koncern", "przewoźnik", "producent", "klub", "marka", "mark", "operator",
                     "koncernu", "nadawc", "nadawca", "ubezpieczyciel", "holding", "lotnicz", "spółk", "spółka"}),
    "cs": frozenset({"společnost", "firm", "firma", "koncern", "dopravce", "dopravc", "aerolini", "aerolinie", "klub",
                     "automobilk", "automobilka", "výrobce", "výrobc", "značk", "značka", "holding"}),
    "sl": frozenset({"družb", "družba", "podjetj", "podjetje", "prevoznik", "koncern", "klub", "proizvajal",
                     "proizvajalec", "znamk", "znamka", "holding"}),
    "ru": frozenset({"компани", "компания", "авиакомпани", "авиакомпания", "концерн", "холдинг", "перевозчик",
                     "клуб", "фирм", "фирма", "бренд", "производител", "производитель", "автоконцерн", "телеканал",
                     "лоукостер", "ритейлер"}),
    "uk": frozenset({"компані", "компанія", "авіакомпані", "авіакомпанія", "концерн", "холдинг", "перевізник",
                     "клуб", "фірм", "фірма", "бренд", "виробник", "телеканал", "лоукостер"}),
    "bg": frozenset({"компани", "компания", "авиокомпани", "авиокомпания", "концерн", "холдинг", "превозвач",
                     "клуб", "фирм", "фирма", "марк", "марка", "производител", "телевизия"}),
    "fr": frozenset({"société", "compagnie", "groupe", "club", "marque", "constructeur", "transporteur"}),
    "es": frozenset({"empresa", "compañía", "aerolínea", "grupo", "club", "marca", "fabricante"}),
    # Hindi company, firm, brand: *कंपनी ज़ेलमोरा ने*
    "hi": frozenset({"कंपनी", "कम्पनी", "फर्म", "ब्रांड"}),
}
COMPANY_WORDS_AFTER: dict[str, frozenset[str]] = {
    "tr": frozenset({"şirketi", "firması", "kulübü", "holdingi", "markası", "grubu", "takımı", "havayolları",
                     "havayolu", "bankası"}),
    "az": frozenset({"şirkəti", "klubu", "holdinqi", "markası", "qrupu"}),
    "kk": frozenset({"компаниясы", "клубы", "холдингі", "корпорациясы", "банкі"}),
    "uz": frozenset({"компанияси", "клуби", "холдинги", "kompaniyasi", "klubi", "xoldingi"}),
}

#: lang -> words for a storm that stand before its given name (*Hurricane Zelmorra*, *ураган «Зелморра»*, *Orkan
#: Zelmorra*): the name after one names the storm, an event, and neither a person nor the town it may be spelt like.
#: Matched as word beginnings on the lower-cased word, like the head words.
STORM_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({"hurricane", "typhoon", "cyclone", "storm"}),
    "de": frozenset({"hurrikan", "taifun", "zyklon", "orkan", "sturmtief"}),
    "pl": frozenset({"huragan", "tajfun", "cyklon", "orkan", "sztorm"}),
    "cs": frozenset({"hurikán", "tajfun", "cyklón", "bouř"}),
    "ru": frozenset({"ураган", "тайфун", "циклон", "шторм"}),
    "uk": frozenset({"ураган", "тайфун", "циклон", "шторм"}),
    "bg": frozenset({"ураган", "тайфун", "циклон"}),
    "tr": frozenset({"kasırga", "tayfun"}),
    "pt": frozenset({"furacão", "tufão", "ciclone", "tempestade"}),
    "es": frozenset({"huracán", "tifón", "ciclón", "tormenta"}),
    "fr": frozenset({"ouragan", "typhon", "cyclone", "tempête"}),
    "it": frozenset({"uragano", "tifone", "ciclone"}),
    "fi": frozenset({"hurrikaani", "taifuuni", "myrsky"}),
    "id": frozenset({"badai", "topan", "siklon", "hurikan"}),
    "sv": frozenset({"orkan", "tyfon", "cyklon", "stormen"}),
    "no": frozenset({"orkan", "tyfon", "syklon", "stormen"}),
    "da": frozenset({"orkan", "tyfon", "cyklon", "stormen"}),
    "kk": frozenset({"дауыл", "тайфун", "циклон"}),
    "uz": frozenset({"dovul", "toʻfon", "бўрон", "тайфун"}),
}
STORM_WORDS["ms"] = STORM_WORDS["id"]

#: lang -> words that end the name of a contest, a show or a meeting (*Zelmorra Marathon*, *Australian Open*, *Academy
#: Awards*): the name is an event (EVT), never a person. Matched as word beginnings, like the head words. Turkish
#: has the competitions' only (*Avrupa Ligi*, *Dünya Kupası*): a city's marathon or summit keeps the city a place.
EVENT_HEADS: dict[str, frozenset[str]] = {
    "en": frozenset({"marathon", "open", "olympics", "olympiad", "championship", "cup", "awards", "prix", "festival",
                     "summit", "expo", "tournament"}),
    "de": frozenset({"marathon", "open", "meisterschaft", "pokal", "festival", "gipfel"}),
    "tr": frozenset({"ligi", "şampiyonası", "olimpiyatları", "kupası", "festivali"}),
}

#: Languages whose news writes the names of clubs, companies and papers in quotation marks, and whose untyped quoted
#: names are those (Uzbek *«Пахтакор»*, *«Насаф»ни*: the fresh Uzbek probe's F1 .784 -> .798). Not Russian, whose
#: quoted untyped names SlavicNER leaves unnamed, nor Bulgarian, where the stage alone gained (SlavicNER bg .793 ->
#: .801) but the batch lost (.824 -> .822): propagation had typed the same names from other articles already.
QUOTED_ORG_LANGS: frozenset[str] = frozenset({"uz", "kk", "ky"})
#: lang -> endings of the verbs (past tense, participles) that may follow a quoted name as its predicate (Kazakh
#: *«Зелмор» ойнады*, "Zelmor played"), where a noun after it says what the name names (*«Зелмор» мектебі*, a school).
VERB_ENDINGS: dict[str, tuple[str, ...]] = {
    "kk": ("ды", "ді", "ты", "ті", "ған", "ген", "қан", "кен", "йды", "йді", "мақ", "мек"),
    "uz": ("ди", "ти", "ган", "кан", "қан", "моқда", "япти", "ади", "ydi", "di", "gan", "moqda"),
    "ky": ("ды", "ди", "ду", "дү", "ты", "ти", "ган", "ген", "гон", "гөн", "кан", "кен"),
}
#: lang -> words that may follow a quoted name alone though they are no function word of the language's commonest:
#: the reflexive "own" of a club at its own ground (Kazakh *«Жетісу» өз алаңында*, Uzbek *ўз майдонида*).
QUOTED_NAME_FOLLOWERS: dict[str, frozenset[str]] = {"kk": frozenset({"өз"}), "uz": frozenset({"ўз", "o'z", "oʻz"}),
                                                    "ky": frozenset({"өз"})}
#: lang -> words for a kind of work after a quoted title (*«Зелмор» фильмі*, "the film"), and the words for "named"
#: (*«Зелмор» деген*, *атты*): the quoted words name that work, or what follows, no organisation.
WORK_WORDS_AFTER: dict[str, frozenset[str]] = {
    "kk": frozenset({"деген", "атты", "фильм", "кітап", "кітаб", "роман", "спектакл", "ән", "әні", "жыр", "поэма",
                     "опера", "повест", "әңгіме", "жоба", "бағдарлама", "сериал", "альбом", "көрме"}),
    "uz": frozenset({"деган", "номли", "deb", "nomli", "фильм", "китоб", "роман", "спектакл", "қўшиқ", "достон",
                     "опера", "қисса", "ҳикоя", "лойиҳа", "дастур", "сериал", "альбом", "кўргазма", "film", "kitob",
                     "loyiha", "dastur"}),
    "ky": frozenset({"деген", "аттуу", "фильм", "китеп", "роман", "спектакл", "ыр", "дастан", "опера", "долбоор",
                     "программа", "сериал", "альбом", "көргөзмө"}),
}

#: lang -> beginnings of the words that name a competition or festival, a place's preposition before it all the same
#: (Polish *w Lidze Narodów*, *w Ekstraklasie*, *w Pucharze Polski*): such a name is no place.
COMPETITION_STEMS: dict[str, tuple[str, ...]] = {
    "pl": ("lig", "lidze", "ekstraklas", "puchar", "mistrzostw", "olimpiad", "turniej", "festiwal", "mundial"),
    "cs": ("lig", "lize", "pohár", "mistrovstv", "olympi", "turnaj", "festival"),
    "sk": ("lig", "lige", "pohár", "majstrovst", "olympi", "turnaj", "festival"),
    "sl": ("lig", "pokal", "prvenstv", "olimpij", "turnir", "festival"),
    "bg": ("лига", "лиги", "купа", "първенств", "олимпи", "турнир", "фестивал"),
}

#: lang -> compass points and the like written as one word before a place's name, naming a part of it (German
#: *Ostukraine*, *Nordirak*, *Nordhessen*; Swedish *Östukraina*; Danish and Norwegian *Nordsyrien*).
COMPASS_PREFIXES: dict[str, tuple[str, ...]] = {
    "de": ("nordost", "nordwest", "südost", "südwest", "nord", "süd", "ost", "west", "mittel", "zentral"),
    "sv": ("nordöst", "nordväst", "sydöst", "sydväst", "nord", "syd", "öst", "väst", "mellersta", "central"),
    "da": ("nordøst", "nordvest", "sydøst", "sydvest", "nord", "syd", "øst", "vest", "midt"),
    "no": ("nordøst", "nordvest", "sydøst", "sydvest", "nord", "sør", "øst", "vest", "midt"),
}

#: lang -> endings that make a one-word name a sports club's, written onto its town's name or another word
#: (Turkish *Zelmorraspor*, *Trabzonspor*): such a capitalised word is an organisation, however frequent.
CLUB_ENDINGS: dict[str, tuple[str, ...]] = {"tr": ("spor",)}

#: lang -> endings that make a one-word name a place's, a word for a kind of place written onto it (Turkish
#: *Zelmorraköy*, *Zelmorrahisar*: "village", "fortress"), which few given names, surnames or common words of the
#: language end with (those that do: :data:`PLACE_SHAPED_WORDS`). Many such towns and city districts are too small for
#: GeoNames' list of cities.
PLACE_NAME_ENDINGS: dict[str, tuple[str, ...]] = {
    "tr": ("köy", "hisar"),
    # Hindi towns: -pur, -garh, -ganj, -nagar, -ābād, -prayag (रुद्रप्रयाग, हमीरपुर, किशनगंज, फर्रुखाबाद), most of them
    # too small for GeoNames' list of cities, or listed there in Latin letters alone; the gazetteer finds the rest
    "hi": ("पुर", "पुरा", "गढ", "गंज", "नगर", "ाबाद", "प्रयाग"),
}
#: lang -> common words and given names with a place's ending (:data:`PLACE_NAME_ENDINGS`): *महानगर* "metropolis",
#: *जिंदाबाद* "long live", *नाबाद* "not out" (cricket), *नूपुर* (a given name).
PLACE_SHAPED_WORDS: dict[str, frozenset[str]] = {
    "hi": frozenset({"महानगर", "उपनगर", "जिंदाबाद", "मुर्दाबाद", "नाबाद", "नूपुर"}),
}
#: lang -> word beginnings that make a compound ending in an organisation's head word one body of the state, a name
#: (German *Bundesgesundheitsministerium*, *Bundesamt*: the federal ministry of health), where the bare compound
#: (*Gesundheitsministerium*) is any state's.
NATIONAL_COMPOUND_PREFIXES: dict[str, tuple[str, ...]] = {"de": ("bundes",)}
#: Languages whose bodies write their place after the head word in the genitive or as an adjective, each word
#: capitalised (Polish *Politechnika Gdańska*, *Prokuratura Krajowa*; Czech *Policie Brno*): the place, in any form,
#: ends the organisation's name.
PLACE_AFTER_HEAD: frozenset[str] = frozenset({"pl", "cs", "sk"})

#: lang -> compass points written apart, with a capital, before a country's, state's or region's name, naming a
#: part of it (Turkish *Kuzey Irak*, *Doğu Akdeniz*; Russian *Северный Кавказ*; Polish *Wschodnia Ukraina*): the
#: beginnings of the words, whose adjective endings vary.
COMPASS_WORDS: dict[str, frozenset[str]] = {
    "tr": frozenset({"kuzey", "güney", "doğu", "batı", "kuzeydoğu", "kuzeybatı", "güneydoğu", "güneybatı"}),
    "az": frozenset({"şimal", "cənub", "şərq", "qərb"}),
    "en": frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "northeast",
                     "northwest", "southeast", "southwest"}),
    "ru": frozenset({"северн", "южн", "восточн", "западн"}),
    "uk": frozenset({"північн", "південн", "східн", "західн"}),
    "bg": frozenset({"северн", "южн", "източн", "западн"}),
    "pl": frozenset({"północn", "południow", "wschodni", "zachodni"}),
    "cs": frozenset({"severn", "jižn", "východn", "západn"}),
}

#: lang -> endings that make a town's name an adjective written with a capital (German *Frankfurter*, *Kölner*,
#: *Lehrter* from Lehrte): before a place's head word, the two name one place (*Frankfurter Hauptbahnhof*).
TOWN_ADJECTIVE_ENDINGS: dict[str, tuple[str, ...]] = {"de": ("er", "r")}

#: lang -> (endings of a region's adjective written with a capital, the lower-case words for the kind of region that
#: follow it in any case): Russian *Свердловской области*, *Краснодарского края*, Ukrainian *Львівської області*,
#: Bulgarian *Софийска област*. The two are one place, which GeoNames' cities and ISO's romanised names miss.
REGION_ADJECTIVES: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {
    "ru": (("ская", "ской", "скую", "ский", "ского", "скому", "ском", "ским", "цкая", "цкой", "цкую", "цкий", "цкого",
            "цкому", "цком", "цким"),
           frozenset({"область", "области", "областью", "край", "края", "краю", "краем", "крае", "округ", "округа",
                      "округу", "округом", "округе", "район", "района", "району", "районом", "районе", "губерния",
                      "губернии", "губернию"})),
    "uk": (("ська", "ської", "ську", "ській", "ською", "ський", "ського", "ському", "ським", "цька", "цької", "цьку",
            "цькій", "цькою", "цький", "цького", "цькому", "цьким"),
           frozenset({"область", "області", "областю", "край", "краю", "краї", "краєм", "округ", "округу", "округа",
                      "округом", "окрузі", "район", "району", "районі", "районом"})),
    "bg": (("ска", "цка", "ски", "цки"), frozenset({"област", "областта", "район", "района"})),
}

#: lang -> suffixes (before the case ending) that make a region of a town's name (Ukrainian *Харківщина*,
#: *Донеччина* "the Kharkiv, Donetsk region"; Russian *Брянщина*): a lone capitalised word so made is a place.
#: Russian *-чина* is left out: surnames in *-чин* (*Кучин*) end so in the genitive.
REGION_SUFFIXES: dict[str, tuple[str, ...]] = {"uk": ("щин", "ччин"), "ru": ("щин",)}
#: Case endings after a :data:`REGION_SUFFIXES` suffix.
REGION_CASE_ENDINGS = ("а", "и", "і", "у", "ою", "ой", "е", "ы")
#: Endings of a town's name the region suffix replaces (*Полтав|а*, *Сум|и*, *Луган|ськ*, *Брян|ск*, *Вінни|ця*,
#: *Доне|цьк*, *Хмельни|цький*, *Черка|си*, *Оде|са*), or none (*Харків*).
REGION_STEM_ENDINGS = ("", "а", "и", "я", "ськ", "ск", "ця", "цьк", "цький", "си", "са")

#: lang -> beginnings of words that make a capitalised phrase a place or state ("*" = any language).
LOC_HEADS: dict[str, frozenset[str]] = {
    "*": frozenset({"republi", "federa", "kingdom", "emirat", "oblast", "provinc", "region", "tunnel"}),
    "en": frozenset({"airport", "canal", "strait", "peninsula", "regency", "county", "district", "bridge", "island",
                     "river", "lake", "bay", "square", "street", "road", "avenue", "boulevard", "highway",
                     "expressway", "motorway", "cosmodrome", "gap", "valley", "mountains", "desert", "gulf",
                     "plateau", "basin"}),
    # the state's forms, not a prefix of them (*Stanisław*)
    "pl": frozenset({"republik", "federacj", "królestw", "obwod", "województw", "prowincj", "stany", "stanu",
                     "stanie", "stanów", "stanach"}),
    "ru": frozenset({"республик", "федераци", "королевств", "област", "край", "округ", "провинци"}),
    "uk": frozenset({"республік", "федераці", "королівств", "област", "округ"}),
    "de": frozenset({"republik", "föderation", "königreich", "bundesland", "provinz", "flughafen", "bahnhof", "kanal",
                     "gebirge", "arena", "stadion", "dom", "großraum", "ballungsraum"}),
    "tr": frozenset({"cumhuriyet", "federasyon", "krallığ", "eyalet", "bölges", "havalimanı", "havaalanı",
                     "limanı", "boğazı", "denizi", "körfezi", "adası", "dağı", "dağları", "nehri", "gölü",
                     "meydanı", "caddesi", "kanalı", "tüneli", "köprüsü", "barajı", "stadı", "stadyum", "sarayı",
                     "camii", "parkı", "bulvarı", "sokağı", "mahallesi", "çayı", "ovası", "ormanı", "vadisi",
                     "yaylası", "platosu", "santrali", "sahası", "koridoru", "park", "bahçe", "yarımada",
                     "salonu", "garı", "üssü", "istasyonu", "terminali", "kenti", "kapısı", "tiyatrosu",
                     "antik kenti"}),
    "az": frozenset({"respublika", "stadion", "aeroport", "meydan", "prospekt", "küçə", "körfəz", "yarımada"}),
    "uz": frozenset({"республика", "федерация", "вилоят", "respublika", "viloyat"}),
    "kk": frozenset({"республика", "федерация", "облыс"}),
    # a river, lake, dam, stadium, port, canal, valley, island after its name (गोमती नदी, हीराकुंड बांध)
    "hi": frozenset({"भवन", "नदी", "झील", "बांध", "स्टेडियम", "बंदरगाह", "नहर", "घाटी", "द्वीप", "रोड", "मार्ग",
                     "घाट", "चौक", "दर्रा", "दर्रे"}),
    "cs": frozenset({"republik", "federac", "královstv", "kraj"}),
}

#: lang -> beginnings of lower-case words for kinds of place (city, village, river, lake, island, street, square,
#: tunnel, district, province, state, region) that a place's own name follows in apposition: Polish *tunel Zelmorry*,
#: Russian *река Нева*, Czech *ostrov Krk*. The name after one is that place, whatever its words look like.
PLACE_WORDS_BEFORE: dict[str, frozenset[str]] = {
    "pl": frozenset({"miast", "mieście", "wieś", "wsi", "rzek", "rzece", "jezior", "wysp", "wyspie", "ulic",
                     "plac", "tunel", "półwysp", "cieśnin", "zatok", "dolin", "kanał", "dzielnic",
                     "gmin", "osiedl", "prowincj", "województw", "region"}),
    "ru": frozenset({"город", "село", "села", "селе", "деревн", "посёл", "посел", "река", "реки", "реке", "реку",
                     "рекой", "озер", "остров", "улиц", "площад", "проспект", "тоннел", "туннел",
                     "пролив", "залив", "полуостров", "станиц", "провинци", "штат", "регион"}),
    "uk": frozenset({"місто", "міста", "місті", "село", "села", "селі", "річк", "річці", "озер", "остров", "вулиц",
                     "площ", "тунел", "проток", "затоц", "затока", "провінці", "штат", "регіон"}),
    "cs": frozenset({"měst", "obec", "obci", "vesnic", "řek", "řece", "jezer", "ostrov", "ulic", "náměst",
                     "tunel", "průliv", "záliv", "provinci", "region"}),
    "sk": frozenset({"mest", "obec", "obci", "dedin", "riek", "rieke", "jazer", "ostrov", "ulic", "námest",
                     "tunel"}),
    "bg": frozenset({"град", "село", "селото", "река", "реката", "езер", "остров", "улиц", "площад", "тунел",
                     "пролив", "залив", "провинци", "щат", "регион"}),
    "sl": frozenset({"mest", "vas", "vasi", "reka", "reki", "reke", "jezer", "otok", "ulic", "predor", "občin",
                     "provinc", "regij"}),
}

#: lang -> beginnings of lower-case words for kinds of place (city, district, village, neighbourhood, province)
#: that follow a place's own name in languages that put the head noun last: Turkish *Zelmorra ilçesinde*, Kazakh
#: *Зелморра қаласында*, Uzbek *Zelmorra tumanida*. The name before one is that place, whatever its words look like.
PLACE_WORDS_AFTER: dict[str, frozenset[str]] = {
    "tr": frozenset({"kent", "şehr", "ilçe", "köy", "belde", "kasaba", "mahalle", "semt", "vilayet", "eyalet", "bölge",
                     "iline", "ilinde", "ilinin"}),
    "az": frozenset({"şəhər", "rayon", "kənd", "qəsəbə"}),
    "uz": frozenset({"shahr", "shahar", "tuman", "viloyat", "qishlo", "шаҳр", "шаҳар", "туман", "вилоят", "қишло"}),
    "kk": frozenset({"қалас", "аудан", "облыс", "ауыл"}),
    # Hindi writes no capitals: a rare word before one is the place (river, lake, canal, valley, island)
    "hi": frozenset({"नदी", "झील", "नहर", "घाटी", "द्वीप", "दर्रा", "दर्रे"}),
}

#: Kinds of administrative area written after their name (district, village, town) in a caseless script:
#: adjectives stand before them too (*सीमावर्ती जिले*, "border districts"), so only a rare word before one is read
#: as the area's name (*गंजाम जिले*), and the kind word stays out of it. Not *इलाके* ("area"): *चट्टानी इलाके*,
#: "rocky areas", has as rare a word before it as any name.
AREA_WORDS_AFTER: dict[str, frozenset[str]] = {
    "hi": frozenset({"जिले", "जिला", "जिलों", "गांव", "कस्बे", "कस्बा", "तहसील", "प्रखंड", "गांवों", "कस्बों",
                     "तहसीलों", "प्रखंडों"}),
}
#: lang -> the plurals among :data:`AREA_WORDS_AFTER`: the list of names before one are all areas (*सोलन, ऊना और
#: हमीरपुर ज़िलों*).
AREA_PLURALS: dict[str, frozenset[str]] = {"hi": frozenset({"जिलों", "गांवों", "कस्बों", "तहसीलों", "प्रखंडों"})}

#: Languages whose institutions' names capitalise only their first word (cs ``Nejvyšší soud``, bg ``Върховният
#: съд``, sl ``Vrhovno sodišče``, ru ``Верховный суд``): a capitalised word before a lower-case head word starts one.
FIRST_WORD_CAPITALISED: frozenset[str] = frozenset({"cs", "sk", "sl", "bg", "ru", "uk", "be", "hr", "sr", "mk"})
#: lang -> endings of the adjectives that open an institution's name before its lower-case head word (Czech
#: *Krajský soud*, *Nejvyšší kontrolní úřad*; Ukrainian *Печерський районний суд*; Bulgarian *Районния съд*):
#: inside a sentence such a capitalised adjective opens a name, not a description, which is written in lower case.
INSTITUTION_ADJECTIVE_ENDINGS: dict[str, tuple[str, ...]] = {
    "cs": ("ý", "á", "é", "í", "ého", "ému", "ém", "ým", "ých", "ými", "ou"),
    "sk": ("ý", "á", "é", "í", "ého", "ému", "om", "ým", "ých", "ými", "ou", "ej"),
    "sl": ("ski", "ska", "sko", "ske", "skega", "skemu", "skem", "skim", "skih", "ni", "na", "no", "ne", "nega",
           "nemu", "nem", "nim", "nih"),
    "hr": ("ski", "ska", "sko", "ske", "skog", "skom", "skoj", "skih", "ni", "na", "no", "ne", "nog", "nom", "noj",
           "nih"),
    "sr": ("ski", "ska", "sko", "ske", "skog", "skom", "skoj", "skih", "ni", "na", "no", "ne", "nog", "nom", "noj",
           "nih", "ски", "ска", "ско", "ске", "ског", "ском", "ској", "ских", "ни", "на", "но", "не", "ног", "ном"),
    "bg": ("ски", "ска", "ско", "ския", "ският", "ската", "ското", "ните", "ния", "ният", "ната", "ното", "ен",
           "ия", "ият"),
    "mk": ("ски", "ска", "ско", "скиот", "ската", "ското", "ен", "на", "но", "ниот", "ната", "ното"),
    "uk": ("ий", "ій", "ого", "ього", "ому", "ьому", "им", "ім", "их", "іх", "ими", "іми", "ої", "ьої", "ою", "ьою",
           "на", "ка", "ва", "ня", "не", "ке", "ве"),
    "ru": ("ый", "ий", "ой", "ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ых", "их", "ыми", "ими", "ая",
           "яя", "ую", "юю", "ое", "ее"),
    "be": ("ы", "і", "ая", "ае", "ага", "аму", "ым", "ім", "ых", "іх", "ай", "ой", "ую"),
}
#: lang -> the words for "in" before the town an institution serves (*Krajský soud v Brně*, *Районния съд в
#: Лахор*); not "from" (*студентов Томского университета из Томска*: the students come from the town).
INSTITUTION_PLACE_PREPOSITIONS: dict[str, frozenset[str]] = {
    "cs": frozenset({"v", "ve"}), "sk": frozenset({"v", "vo"}), "sl": frozenset({"v"}), "hr": frozenset({"u"}),
    "sr": frozenset({"u", "у"}), "bg": frozenset({"в", "във"}), "mk": frozenset({"во"}), "ru": frozenset({"в", "во"}),
    "uk": frozenset({"в", "у"}), "be": frozenset({"у", "ў"}), "pl": frozenset({"w", "we", "dla"}),
}
#: lang -> the word for "named after" between a person or place and the body named after them, which the whole
#: name holds (Kazakh *Әл-Фараби атындағы Қазақ ұлттық университеті*, Uzbek *Алишер Навоий номидаги …*).
NAMED_AFTER_WORDS: dict[str, frozenset[str]] = {"kk": frozenset({"атындағы"}),
                                                "uz": frozenset({"номидаги", "nomidagi"})}
#: lang -> the word for "named after" between a body's name and the person it is named after, which the whole name
#: holds (Polish *Szpital Wojewódzki im. Jana Pawła II w Zamościu*, Russian *Институт катализа имени Борескова*).
NAMED_FOR_WORDS: dict[str, frozenset[str]] = {"pl": frozenset({"im", "imienia"}), "ru": frozenset({"имени", "им"}),
                                              "uk": frozenset({"імені", "ім"})}
#: lang -> words that say where a thing is based after a town's name (Hindi *बेंगलुरु स्थित कंपनी*, "a
#: Bengaluru-based company"; *बेंगलुरु मुख्यालय वाली कंपनी*, "headquartered in Bengaluru"): a description, no body
#: named after the town.
LOCATED_WORDS: dict[str, frozenset[str]] = {"hi": frozenset({"स्थित", "आधारित", "वाली", "वाला", "वाले"})}
#: Languages that capitalise only an institution's first word and end its name with the head word (Uzbek *Tashqi
#: ishlar vazirligi*, *Xalqaro valyuta jamgʻarmasi*): there a capitalised word inside a sentence, lower-case words
#: and the head word are an organisation, with no country after it (a description is not capitalised). Kazakh
#: writes them so too, but its tagger (trained on KazNERD) reads them, from the cues of the layers it was trained with.
HEAD_LAST_FIRST_WORD_CAPITALISED: frozenset[str] = frozenset({"uz", "ky"})
#: The languages that write bodies' names so, whichever layer reads them (:data:`HEAD_LAST_FIRST_WORD_CAPITALISED`
#: and Kazakh): the words an acronym in brackets explains end in the head word (*Қаржылық мониторинг агенттігі
#: (АФМ)*).
HEAD_LAST_NAMES: frozenset[str] = HEAD_LAST_FIRST_WORD_CAPITALISED | {"kk"}
#: lang -> lower-case words that say "of the region", "of the district", "of the city" after a place's name and
#: before the head word of its body (Kazakh *Жамбыл облыстық соты*, *Бостандық аудандық полиция басқармасы*): with
#: one, any capitalised word before it is the place, listed or not.
PLACE_BODY_ADJECTIVES: dict[str, frozenset[str]] = {
    "kk": frozenset({"облыстық", "аудандық", "қалалық", "ауданаралық", "ауылдық"}),
}

#: lang -> capitalised word -> beginnings of the lower-case word that continues it inside a name: compounds the
#: language writes as two words, the second in lower case even in names (Turkish *iş birliği* "cooperation":
#: *Şanghay İş birliği Örgütü*, *Körfez İş birliği Konseyi*). The pair is one capitalised piece of a name run.
CAPITALISED_COMPOUND_TAILS: dict[str, dict[str, tuple[str, ...]]] = {
    "tr": {"iş": ("birliğ", "birlik")},
}

#: Languages that write an ordinal number as digits and a period (*20. Uluslararası Kitap Fuarı*, *am
#: 3. Oktober*, *XX. zjazd*): such a period ends no sentence, so the word after it is read mid-sentence.
ORDINAL_PERIOD_LANGS: frozenset[str] = frozenset({"de", "tr", "pl", "cs", "sk", "sl", "hr", "sr", "bs", "hu", "fi",
                                                  "da", "no", "nb", "nn", "is", "et", "lv", "az"})
#: Most digits of such an ordinal (a year, *2022.*, usually ends a sentence).
ORDINAL_MAX_DIGITS = 3
#: Languages whose news names a club or a company by its own name and then its seat's, the town in the nominative
#: whatever the case of the name before it (Polish *Stali Gorzów*, *z Apatorem Toruń*, *z Hutą Stalowa Wola*; Czech
#: *se Spartou Praha*; German *Eintracht Braunschweig*): a free capitalised word before a town's base form names an
#: organisation.
SEAT_AFTER_NAME_LANGS: frozenset[str] = frozenset({"pl", "cs", "sk", "de"})
#: Languages whose clubs' names open with an ordinal and its period (German *1. FC Köln*, *1. FSV Mainz 05*).
NUMBERED_CLUB_LANGS: frozenset[str] = frozenset({"de"})

#: lang -> words that join an institution's head word to the rest of its name in languages that write the whole
#: name capitalised after them (German *Bundesamt für Kommunikation*, *Verband der Automobilindustrie*).
INSTITUTION_JOINERS: dict[str, frozenset[str]] = {
    "de": frozenset({"für", "der", "des", "zur", "zum", "von", "vom"}),
    "en": frozenset({"of", "for"}),  # *Bank of England*, *Ministry of Foreign Affairs of Kazakhstan*
}
#: lang -> plural endings after a word for a kind of place (:data:`PLACE_WORDS_AFTER`): the kind said of a list of
#: places before it (Kazakh *Мамлют және Тайынша аудандарында*, Uzbek *Мўйноқ ва Тахтакўпир туманларида*).
PLACE_LIST_PLURALS: dict[str, tuple[str, ...]] = {
    "kk": ("дар", "дер", "тар", "тер", "лар", "лер"),
    "uz": ("лар", "lar"),
}
#: lang -> genitive endings of :data:`HEAD_LAST_FIRST_WORD_CAPITALISED` languages: a capitalised word in the genitive
#: before a lower-case head word owns what the head word names (*Зелмораванинг банкка қарзи*, "Zelmorova's debt to
#: the bank"), no organisation's first word; nor is a surname (*Зелмор Зелкинов банкка мурожаат қилди*).
HEAD_LAST_GENITIVES: dict[str, tuple[str, ...]] = {
    "uz": ("нинг", "ning"),
    "ky": ("нын", "нин", "нун", "нүн", "дын", "дин", "дун", "дүн", "тын", "тин", "тун", "түн"),
}
#: lang -> lower-case words that join the words of a name whose head word ends it (Uzbek *Иқтисодиёт ва молия
#: вазирлиги*, "and"; *жиноят ишлари бўйича суди*, "court for criminal cases"): they count as none of its inner words.
HEAD_LAST_JOINERS: dict[str, frozenset[str]] = {
    "uz": frozenset({"ва", "бўйича", "va", "boʻyicha", "bo'yicha"}),
    "ky": frozenset({"жана", "боюнча"}),
}
#: Most such joiners in one name.
HEAD_LAST_MAX_JOINERS = 2
#: lang -> endings of the capitalised words right before an institution's head word that belong to its name:
#: German adjectives (*Bayerischen Staatsministerium*); English writes any modifier there (*Central Bank of*).
INSTITUTION_MODIFIER_ENDINGS: dict[str, tuple[str, ...]] = {"de": ("e", "em", "en", "er", "es"), "en": ("",)}
#: lang -> endings of compounds that head such a name though too short to be matched as a head word alone
#: (German *Bundesamt*, *Landesamt*: *Amt* is an office).
INSTITUTION_HEAD_ENDINGS: dict[str, tuple[str, ...]] = {"de": ("desamt", "nzamt", "tsamt")}
#: lang -> articles that may follow the joiner before the tail's capitalised words (*General Court of the European
#: Union*).
INSTITUTION_ARTICLES: dict[str, frozenset[str]] = {"en": frozenset({"the"})}
#: lang -> words that join two capitalised words inside such a name (*für Unterricht und Kultus*).
INSTITUTION_AND: dict[str, frozenset[str]] = {"de": frozenset({"und"}), "en": frozenset({"and"}),
                                              "pl": frozenset({"i"})}
#: A company's legal form written after its name, as one word and spelt so (any language): *Volkswagen AG*, *Zelmorra
#: Energy GmbH*, *Zelmorra Holdings Ltd*. Forms that are also common abbreviations are left out (*SE* southeast,
#: *AB* the Turkish EU, *SA* South Africa, *Co*): :data:`COMPANY_NOUNS_AFTER` has them where a language means the form.
LEGAL_FORMS: frozenset[str] = frozenset({"AG", "GmbH", "gGmbH", "mbH", "KGaA", "KG", "Inc", "Ltd", "LLC", "LLP",
                                         "PLC", "plc", "Plc", "Corp", "JSC", "PJSC", "OJSC", "SpA", "Oyj", "AŞ", "NV",
                                         "BV", "लिमिटेड"})
#: A sports club's abbreviation after its name ends it as a legal form ends a company's (*Bodrum FK*, *Beşiktaş JK*,
#: *Zelmorra SK*): football, sports, gymnastics, basketball and hockey clubs.
CLUB_FORMS_AFTER: frozenset[str] = frozenset({"FK", "SK", "JK", "FC", "BK", "HK", "HC", "GSK", "SC"})
#: The forms of :data:`LEGAL_FORMS` that abbreviate a word, whose period belongs to the name (*Zelmorra Corp.*).
ABBREVIATED_LEGAL_FORMS: frozenset[str] = frozenset({"Co", "Corp", "Inc", "Ltd"})
#: Legal forms written in several pieces with periods, as the text spells them (Turkish *A.Ş.*, *Ltd. Şti.*, Polish
#: *Sp. z o.o.*, German *GmbH & Co. KG*): the longest that starts at a piece is the form.
SPELT_LEGAL_FORMS: tuple[str, ...] = ("GmbH & Co. KG", "Ltd. Şti.", "Ltd.Şti.", "Sp. z o.o.", "sp. z o.o.", "A.Ş.",
                                      "S.A.", "S.p.A.", "sp.j.", "sp.k.", "a.s.", "s.r.o.")
#: lang -> nouns that end a company's name the way a legal form does (German *Hirzel Verlag*, a publisher), as
#: whole words: a head word matched inside compounds would take *Verlagerung* ("shift"); and the forms that are a
#: legal form only in that language's news (German *SE*, Polish *SA*: *Zelmorra Logistik SE*, *Zelmorra SA*; English
#: *AS*, *Co.*: *Zelmorra Motor Co.*).
COMPANY_NOUNS_AFTER: dict[str, frozenset[str]] = {"de": frozenset({"Verlag", "Verlags", "Verlages", "SE"}),
                                                   "pl": frozenset({"SA"}),
                                                   # English news writes Turkish *A.Ş.* and Norwegian *AS* so
                                                   "en": frozenset({"AS", "Co"})}
#: A company's legal form or kind written as an acronym before its name (*ПАО «Газпром»*, *ТОО «Зелморра»*, *ТОВ*,
#: *ЕООД*, Uzbek *МЧЖ*; *ИА*, news agency): no organisation of its own (news NER takes the name alone), but it makes
#: the name after it one, or the name before it, where Uzbek and Kazakh news write the form (*«Зелморра» АҚ*).
LEGAL_FORMS_BEFORE: frozenset[str] = frozenset({"ООО", "ОАО", "ЗАО", "ПАО", "НАО", "АО", "ТОО", "АҚ", "ЖШС", "МЧЖ",
                                                "АЖ", "ТОВ", "ПАТ", "ПрАТ", "ЕООД", "ООД", "ЕАД", "MChJ", "ИА",
                                                # Uzbek joint-stock company and bank, Kazakh closed company
                                                "AJ", "ATB", "АТБ", "ЖАҚ",
                                                # Russian state and municipal institutions and enterprises
                                                "ФГБУ", "ФГБОУ", "ФГУП", "ГБУ", "ГБУЗ", "ГУП", "МУП", "АНО"})
#: The forms of :data:`LEGAL_FORMS_BEFORE` that Kazakh and Uzbek news write only after the name (*«Зелморра» АҚ*):
#: the word after one is no company's (*АҚ Шымкенттен*, "the company ... from Shymkent").
LEGAL_FORMS_AFTER_ONLY: frozenset[str] = frozenset({"АҚ", "ЖШС", "ЖАҚ", "АЖ", "МЧЖ", "MChJ", "AJ", "ATB", "АТБ"})
#: lang -> clipped compound names of public bodies (Russian and Ukrainian *сложносокращённые слова*: *Минфин*,
#: ministry of finance; *Генпрокуратура*; *Мін'юст*), matched whole or with a case ending: each is an organisation
#: wherever it stands, where a reporting verb before it (*сообщил Минтранс*) would otherwise make it a speaker.
#: Which country's ministry is meant is the text's to say, so none is linked; the bodies only one country has are in
#: the knowledge base (*Росстат*, *Роскомнадзор*).
CLIPPED_ORG_WORDS: dict[str, frozenset[str]] = {
    "ru": frozenset({"Минфин", "Минобороны", "Минюст", "Минздрав", "Минтранс", "Минэнерго", "Минсельхоз",
                     "Минэкономразвития", "Минэкономики", "Минпромторг", "Минцифры", "Минкультуры", "Минпросвещения",
                     "Минобрнауки", "Минтруд", "Минтруда", "Минспорт", "Минспорта", "Минстрой", "Минприроды",
                     "Минвостокразвития", "Минэкологии", "Минторговли", "Миннауки", "Мининдустрии", "Минсоцразвития",
                     "Миннацэкономики", "Минкультинформ", "Минобразования", "Минводхоз",
                     "Генпрокуратура", "Генштаб", "Госдеп", "Госсовет", "Совбез", "Горсовет", "Горсуд", "Облсуд",
                     "Мосгордума", "Мосгорсуд", "Мособлсуд", "Мособлдума", "Горизбирком", "Облизбирком",
                     "Центризбирком", "Нацбанк", "Нацгвардия", "Минжилкомхоз", "Минкомсвязь", "Минсвязь", "Минсвязи",
                     "Росздравнадзор", "Ростехнадзор", "Роструд", "Росприроднадзор", "Ространснадзор", "Росавтодор",
                     "Росреестр", "Росимущество", "Росархив", "Роснедра", "Росводресурсы", "Рослесхоз",
                     "Росстандарт", "Росжелдор", "Росгидромет", "Роспатент", "Росрыболовство", "Росморречфлот",
                     "Росмолодежь", "Росмолодёжь", "Росаккредитация", "Роскачество", "Мосводоканал", "Мосгортранс",
                     "Мосгоризбирком", "Заксобрание", "Заксобрания", "Облдума", "Гордума"}),
    "uk": frozenset({"Мінфін", "Міноборони", "Мін'юст", "Мінюст", "Мінекономіки", "Мінекономрозвитку", "Мінцифри",
                     "Мінкульт", "Мінкультури", "Мінагрополітики", "Мінінфраструктури", "Мінсоцполітики", "Мінрегіон",
                     "Мінреінтеграції", "Мінстратегпром", "Мінветеранів", "Міненерго", "Мінприроди", "Міндовкілля",
                     "Мінмолодьспорт", "Міносвіти", "Мінохорони", "Мінохоронздоров'я", "Генпрокуратура", "Генштаб",
                     "Держдеп", "Нацбанк", "Нацгвардія", "Нацполіція", "Держприкордонслужба", "Держспецзв'язку",
                     "Держстат", "Мінрозвитку"}),
}
#: Acronyms of concepts, not of organisations, that economic and everyday news writes in capitals in each language
#: (gross domestic product, value added tax, road accident, artificial intelligence): no layer reads them as a name.
#: Written as the text writes them; one set for every language, as no two languages' entries clash.
CONCEPT_ACRONYMS: frozenset[str] = frozenset({
    "GDP", "GNP", "VAT", "CPI", "FDI", "AI", "DNA",  # en
    "BIP", "MwSt", "KI",  # de
    "PKB", "PIT", "CIT",  # pl
    "HDP", "DPH",  # cs, sk
    "ВВП", "НДС", "НДФЛ", "ДТП", "ЧС", "ИИ", "ЖКХ",  # ru
    "ПДВ", "ПДФО", "ЗМІ", "ШІ", "ЖКГ", "ППО", "ДНК",  # uk
    "БВП", "ДДС", "ПТП",  # bg
    "ЖІӨ", "ҚҚС", "ЖТП",  # kk
    "GSYİH", "GSYH", "KDV", "ÖTV",  # tr
    "ЯИМ", "YaIM", "QQS",  # uz
    "ÜDM", "ƏDV",  # az
    "जीडीपी", "जीएसटी",  # hi
})
#: Top-level domains of the sites news names as its sources (*Interfax.ru*, *Kapitalni.org*): a name written with
#: one after a period, no space, is the site's, an organisation.
NEWS_SITE_DOMAINS: frozenset[str] = frozenset({"ru", "com", "org", "net", "info", "kz", "uz", "ua", "by", "kg", "az",
                                               "pl", "de", "cz", "sk", "bg", "si", "tr", "in", "pk", "eu", "news"})
#: lang -> words that join two capitalised words before an organisation's head word, where the head ends the name
#: and every word of it is capitalised (Turkish *Hazine ve Maliye Bakanlığı*, *Enerji ve Tabii Kaynaklar
#: Bakanlığı*).
HEAD_FINAL_AND: dict[str, frozenset[str]] = {"tr": frozenset({"ve"}), "az": frozenset({"və"})}
#: lang -> the English "and" as a caseless script spells it inside a company's name (Hindi *लार्सन एंड टुब्रो
#: लिमिटेड*, *महिंद्रा एंड महिंद्रा*).
COMPANY_AND: dict[str, frozenset[str]] = {"hi": frozenset({"एंड", "ऐंड"}), "ur": frozenset({"اینڈ"})}
#: lang -> words that join two capitalised words after an organisation's head word, where the head opens the name
#: and every word of it is capitalised (Polish *Ministerstwo Klimatu i Środowiska*, *Narodowe Centrum Badań i
#: Rozwoju*).
HEAD_FIRST_AND: dict[str, frozenset[str]] = {"pl": frozenset({"i"})}

#: Endings a head word takes in a language that capitalises its nouns (German *Ministeriums*, *Gerichte*,
#: *Kammern*): only these, not any six letters (*Polizeichef*, *Parteitag*, *Senatorin* are no heads).
NOUN_HEAD_ENDINGS = ("", "s", "es", "e", "en", "n")

#: Beginnings of adjectives made of a place's head word: no head themselves (Polish *Regionalnej Dyrekcji*,
#: *Federalnego Trybunału*, English *Regional Council*).
LOC_HEAD_ADJECTIVES = ("regional", "federal")

#: lang -> beginnings of the words for a kind of place that are part of the place's name: a region named after its
#: town (Kazakh *Алматы облысы*, the region, is not *Алматы*, the city; *Алматы қаласы* is).
REGION_WORDS_IN_NAME: dict[str, tuple[str, ...]] = {"kk": ("облыс",)}

#: Languages that capitalise every word of an institution's name and put the town it serves after a word for "in"
#: (:data:`INSTITUTION_PLACE_PREPOSITIONS`): Polish *Sąd Okręgowy w Warszawie*, *Komenda Wojewódzka Policji w Opolu*.
CAPITALISED_INSTITUTION_TOWN = frozenset({"pl"})
