"""Event-type words of titles, per concept and language: what an event's title says happened.

Titles of events are translated, not transliterated (*2022 Swedish general election*, *Riksdagsvalet i Sverige
2022*, *انتخابات سراسری سوئد (۲۰۲۲)*), so no name key follows them across languages. Canonicalisation
(:mod:`newsweave.corpus.entities_titles`) takes a title apart instead: a year, the places it names (gazetteer
ids, any script) and one concept from this table; titles whose three parts agree are one event.

Hand-curated general vocabulary (dictionary words for kinds of happenings), lower-case. In scripts that write
spaces between words an entry matches the start of a word (entries of fewer than :data:`MIN_STEM` letters only
a whole word); in scripts without spaces (Chinese, Japanese, Thai) it matches anywhere. An entry of several words
matches those words in sequence. Kinds that news often names in one breath (hurricane, typhoon, cyclone) share a
concept, so that the title of one storm meets its other languages' titles whatever they call it.
"""

from __future__ import annotations

#: Entries shorter than this (in letters) match a whole word only (*val*, *sel*, *war*).
MIN_STEM = 4

#: Kinds of happening that one country sees many of in a year (attacks and explosions, storms): their titles need a
#: city or province, or the month, to be told apart. A country and a year suffice for the others, which news names
#: one per country and year (*2023 Chile wildfires*, *2022 Pakistan floods*, one general election, one coup in
#: September).
LOCAL_CONCEPTS: frozenset[str] = frozenset({"attack", "storm", "bus crash"})
#: Kinds of happening seen from much of the world at once, told apart by their month, not a place (*Éclipse solaire
#: du 14 mars 2031*, *2031年3月14日日食*): the year and the month alone anchor their titles.
DATED_CONCEPTS: frozenset[str] = frozenset({"solar eclipse", "lunar eclipse"})
#: Kinds that hold between exactly two parties and last beyond any year (*Peru–Bolivia relations*,
#: *秘鲁－玻利维亚关系*): the two parties alone make the key, with or without a year in the title.
PAIR_CONCEPTS: frozenset[str] = frozenset({"relations"})

#: Kinds of happening held for the whole world, whose titles name no place (*2022 FIFA World Cup*, *Coupe du monde
#: de football 2022*): they need a qualifier that says which one (a sport) instead of a place.
GLOBAL_CONCEPTS: frozenset[str] = frozenset({"world championship"})
#: The qualifiers that say which world championship (:data:`GLOBAL_CONCEPTS`) a title names.
SPORTS: frozenset[str] = frozenset({"football", "basketball", "volleyball", "handball", "ice hockey",
                                   "field hockey"})

#: concept -> language -> entries.
TITLE_TYPES: dict[str, dict[str, tuple[str, ...]]] = {
    "election": {
        "en": ("election",), "de": ("wahl", "wahlen", "bundestagswahl", "landtagswahl", "präsidentschaftswahl"),
        "fr": ("élection",), "es": ("elecci",), "pt": ("eleiç", "eleicao", "eleicoes"), "it": ("elezion",),
        "nl": ("verkiezing",), "sv": ("val", "riksdagsval", "presidentval", "parlamentsval", "kommunalval"),
        "da": ("valg", "folketingsvalg", "parlamentsvalg", "kommunalvalg"),
        "no": ("valg", "stortingsvalg", "parlamentsvalg", "kommunevalg"),
        "fi": ("vaali", "eduskuntavaali", "presidentinvaali"),
        "pl": ("wybor",), "cs": ("volb", "volby"), "sk": ("voľb",), "sl": ("volitv",), "hr": ("izbor",),
        "sr": ("izbor", "избор"), "bs": ("izbor",), "sh": ("izbor",), "ro": ("alegeri",), "hu": ("választás",),
        "el": ("εκλογ",), "tr": ("seçim",), "az": ("seçki",), "ru": ("выбор",), "uk": ("вибор",),
        "be": ("выбар",), "bg": ("избор",), "mk": ("избор",), "kk": ("сайлау",), "uz": ("сайлов", "saylov"),
        "ky": ("шайлоо",), "id": ("pemilihan", "pemilu"), "ms": ("pilihan raya",), "ar": ("انتخاب",),
        "fa": ("انتخابات",), "ur": ("انتخاب",), "he": ("בחירות",), "hi": ("चुनाव", "निर्वाचन"),
        "bn": ("নির্বাচন",), "ta": ("தேர்தல்",), "th": ("เลือกตั้ง",), "zh": ("选举", "選舉", "大选", "大選"),
        "ja": ("選挙",), "ko": ("선거",), "vi": ("bầu cử",), "ka": ("არჩევნ",), "hy": ("ընտրություն",),
    },
    "earthquake": {
        "en": ("earthquake", "quake"), "de": ("erdbeben", "beben"), "fr": ("séisme", "tremblement de terre"),
        "es": ("terremoto", "sismo"), "pt": ("terremoto", "sismo", "sismos"), "it": ("terremoto", "sisma"),
        "nl": ("aardbeving",), "sv": ("jordbävning", "jordskalv"), "da": ("jordskælv",), "no": ("jordskjelv",),
        "fi": ("maanjäristy",), "pl": ("trzęsieni",), "cs": ("zemětřesení",), "ro": ("cutremur",),
        "hu": ("földrengés",), "el": ("σεισμ",), "tr": ("deprem",), "az": ("zəlzələ",), "ru": ("землетрясени",),
        "uk": ("землетрус",), "be": ("землетрасенн", "землятрус"), "bg": ("земетресени",),
        "kk": ("жер сілкін",), "kaa": ("jer silkin",), "uz": ("zilzila", "зилзила"), "id": ("gempa",),
        "ms": ("gempa",), "ar": ("زلزال",),
        "fa": ("زلزله", "زمین‌لرزه"), "ur": ("زلزلہ", "زلزل"), "he": ("רעידת אדמה",), "hi": ("भूकंप", "भूकम्प"),
        "bn": ("ভূমিকম্প",), "ta": ("நிலநடுக்கம்",), "th": ("แผ่นดินไหว",), "zh": ("地震",), "ja": ("地震",),
        "ko": ("지진",), "vi": ("động đất",), "ka": ("მიწისძვრ",), "hy": ("երկրաշարժ",),
    },
    "fire": {
        "en": ("wildfire", "bushfire", "fire", "fires"), "de": ("waldbrand", "waldbrände", "brand"),
        "fr": ("incendi", "feux de forêt"), "es": ("incendio",), "pt": ("incêndio", "incendio"), "it": ("incendi",),
        "nl": ("bosbrand", "brand"), "sv": ("skogsbrand", "brand"), "fi": ("metsäpalo",), "pl": ("pożar",),
        "cs": ("požár",), "ro": ("incendi",), "el": ("πυρκαγι",), "tr": ("yangın",), "ru": ("пожар",), "uk": ("пожеж",),
        "be": ("пажар",), "bg": ("пожар",), "id": ("kebakaran",), "ms": ("kebakaran", "kebakaran hutan"),
        "ar": ("حريق", "حرائق", "حريق الغابات"), "fa": ("آتش‌سوزی", "آتش‌سوزی جنگل"), "hi": ("दावानल",),
        "th": ("ไฟป่า", "ไฟไหม้"), "zh": ("火灾", "火災", "山火", "野火"), "ja": ("火災", "山火事"),
        "ko": ("산불", "화재"), "no": ("brann", "skogbrann"), "da": ("skovbrand",), "uz": ("yongʻin", "ёнғин"),
        "ka": ("ხანძარ",), "ur": ("آتش زدگی", "آگ"), "kk": ("өрт", "өрті"), "ta": ("காட்டுத்தீ", "தீ விபத்து"),
        "ckb": ("ئاگر",),
    },
    "flood": {  # with landslides and mudslides, which the same rains bring and titles name together
        "en": ("flood", "floods", "flooding", "landslide", "mudslide", "landslip"),
        "de": ("hochwasser", "überschwemmung", "flut", "erdrutsch", "hangrutsch", "murgang"),
        "fr": ("inondation", "crue", "glissement de terrain", "coulée de boue"),
        "es": ("inundaci", "deslizamiento", "derrumbe", "alud"),
        "pt": ("inundaç", "enchente", "cheia", "deslizamento", "deslizamentos"),
        "it": ("alluvion", "inondazion", "frana", "smottamento"),
        "nl": ("overstroming", "aardverschuiving", "modderstroom"), "sv": ("översvämning", "jordskred", "lerskred"),
        "da": ("oversvømmelse", "jordskred", "mudderskred"), "no": ("oversvømmelse", "flom", "jordskred", "leirskred"),
        "fi": ("tulva", "maanvyöry", "mutavyöry"), "pl": ("powódź", "osuwisk", "lawina błotna"),
        "cs": ("povodn", "povodeň", "sesuv"), "ro": ("inundați", "alunecare de teren", "alunecări de teren"),
        "hu": ("árvíz", "földcsuszamlás"), "el": ("πλημμύρ", "κατολίσθησ"), "tr": ("sel", "taşkın", "heyelan"),
        "ru": ("наводнени", "паводок", "оползен", "оползн"), "uk": ("повін", "повен", "зсув"),
        "bg": ("наводнени", "свлачищ"), "id": ("banjir", "longsor", "tanah longsor"), "ms": ("banjir", "tanah runtuh"),
        "ar": ("فيضان", "انزلاق"), "fa": ("سیل", "رانش زمین"), "ur": ("سیلاب", "لینڈ سلائیڈ"), "ckb": ("لافاو",),
        "hi": ("बाढ़", "भूस्खलन"), "bn": ("বন্যা", "ভূমিধস"), "ta": ("நிலச்சரிவு",),
        "th": ("อุทกภัย", "น้ำท่วม", "ดินถล่ม", "โคลนถล่ม"),
        "zh": ("洪水", "水灾", "水災", "洪灾", "洪災", "山体滑坡", "山體滑坡", "滑坡", "泥石流", "山泥倾泻",
               "山泥傾瀉"),
        "ja": ("洪水", "土砂崩れ", "地滑り", "土石流"), "ko": ("홍수", "산사태"),
        "vi": ("lũ lụt", "sạt lở", "lở đất"), "be": ("паводк", "павадк", "наводнен"), "uz": ("toshqin", "сув тошқини"),
        "kk": ("су тасқын",), "ka": ("წყალდიდობ",),
    },
    "storm": {
        "en": ("hurricane", "typhoon", "cyclone", "tropical storm", "winter storm"),
        "de": ("hurrikan", "taifun", "zyklon", "orkan", "wintersturm", "tropischer sturm"),
        "fr": ("ouragan", "typhon", "cyclone", "tempête", "tempête tropicale", "tempête hivernale"),
        "es": ("huracán", "tifón", "ciclón", "tormenta", "tormenta tropical", "tormenta invernal"),
        "pt": ("furacão", "tufão", "ciclone", "tempestade", "tempestade tropical", "tempestade de inverno"),
        "it": ("uragano", "tifone", "ciclone", "tempesta", "tempesta tropicale"), "nl": ("orkaan", "tyfoon", "cycloon"),
        "sv": ("orkan", "tyfon", "cyklon"), "fi": ("hurrikaani", "taifuuni", "sykloni"),
        "pl": ("huragan", "tajfun", "cyklon"), "cs": ("hurikán", "tajfun", "cyklón"),
        "ro": ("uragan", "taifun", "ciclon"), "el": ("τυφών", "κυκλών"), "tr": ("kasırga", "tayfun"),
        "ru": ("ураган", "тайфун", "циклон", "шторм", "тропический шторм", "зимний шторм"),
        "uk": ("ураган", "тайфун", "циклон", "тропічний шторм", "зимовий шторм"),
        "be": ("ураган", "тайфун", "цыклон", "трапічны шторм", "зімовы шторм"),
        "id": ("topan", "siklon", "hurikan", "badai"), "ms": ("taufan", "siklon", "ribut", "ribut tropika"),
        "ar": ("إعصار", "عاصفة"), "fa": ("توفند", "چرخند"), "hi": ("चक्रवात",), "th": ("พายุ",),
        "zh": ("颶風", "飓风", "台风", "颱風", "气旋", "氣旋"), "ja": ("台風", "ハリケーン"),
        "ko": ("허리케인", "태풍", "사이클론"), "no": ("stormen",), "ta": ("புயல்", "சூறாவளி"), "ur": ("طوفان",),
        "kk": ("дауыл",), "ka": ("ქარიშხალ", "ტაიფუნ"),
    },
    "invasion": {
        "en": ("invasion",), "de": ("invasion", "einmarsch"), "fr": ("invasion", "envâsion"), "es": ("invasión",),
        "pt": ("invasão",), "it": ("invasione",), "pl": ("inwazj",), "cs": ("invaz",), "sh": ("invazij",),
        "hr": ("invazij",), "ro": ("invazi",), "ru": ("вторжени",), "uk": ("вторгнен",),
        "be": ("уварван", "ўварван"), "kk": ("басып кіру",), "ky": ("басып кир",),
        "fi": ("hyökkäy",), "id": ("invasi",), "ms": ("pencerobohan",), "ar": ("غزو",), "fa": ("تهاجم",),
        "zh": ("入侵",), "ja": ("侵攻",), "ko": ("침공",), "tr": ("işgal", "istila"), "no": ("invasjon",),
        "uz": ("bosqin",), "ka": ("შეჭრ",), "th": ("การรุกราน",), "ta": ("படையெடுப்பு",),
    },
    "war": {
        "en": ("war",), "de": ("krieg",), "fr": ("guerre",), "es": ("guerra",), "pt": ("guerra",), "it": ("guerra",),
        "pl": ("wojn",), "cs": ("válk",), "ru": ("войн",), "uk": ("війн",), "be": ("вайн",), "tr": ("savaş",),
        "fi": ("sota",), "sv": ("krig", "kriget"), "id": ("perang",), "ms": ("perang",), "ar": ("حرب",), "fa": ("جنگ",),
        "hi": ("युद्ध",), "zh": ("战争", "戰爭"), "ja": ("戦争",), "ko": ("전쟁",), "th": ("สงคราม",),
        "ro": ("război", "razboi"), "no": ("krigen",), "uz": ("urush",), "kk": ("соғыс",), "ckb": ("جەنگ",),
        "ta": ("போர்",), "ka": ("ომი",),
    },
    "attack": {  # with shelling, air strikes and mass killings; and blasts, which news calls attacks, bombings or
        # explosions in one breath (*Vienna bombing*, *Теракт в Вене*, *Vienadagi portlash*)
        "en": ("attack", "shooting", "massacre", "bombing", "missile strike", "airstrike", "air strike", "shelling",
               "explosion", "blast"),
        "de": ("anschlag", "angriff", "massaker", "amoklauf", "beschuss", "bombardierung", "explosion"),
        "fr": ("attaque", "attentat", "fusillade", "massacre", "bombardement", "frappe", "explosion"),
        "es": ("ataque", "atentado", "tiroteo", "masacre", "bombardeo", "explosión"),
        "pt": ("ataque", "atentado", "tiroteio", "massacre", "bombardeio", "bombardeamento", "explosão"),
        "it": ("attacco", "attentato", "strage", "massacro", "bombardament", "esplosion"),
        "pl": ("atak", "strzelanin", "masakr", "ostrzał", "bombardowani", "wybuch", "eksplozj"),
        "cs": ("útok", "ostřelování", "masakr", "výbuch"),
        "ru": ("нападени", "теракт", "стрельб", "расстрел", "обстрел", "массовое убийство", "ракетный удар", "взрыв"),
        "uk": ("напад", "теракт", "стрілянин", "обстріл", "масове вбивство", "ракетний удар", "вибух"),
        "be": ("тэракт", "абстрэл", "масавае забойства", "выбух", "атака", "страляніна"), "ka": ("ტერაქტ", "თავდასხმ"),
        "tr": ("saldırı", "katliam", "bombardıman", "patlama"),
        "id": ("serangan", "penembakan", "pembantaian", "pengeboman", "ledakan", "pembunuhan massal"),
        "ms": ("serangan", "penembakan", "pengeboman", "letupan", "pembunuhan beramai-ramai"),
        "ar": ("هجوم", "مجزرة", "تفجير", "قصف", "انفجار"), "fa": ("کشتار", "حمله", "بمب‌گذاری", "بمباران", "انفجار"),
        "ur": ("حملہ", "فائرنگ", "دھماکہ", "دھماکے"), "kk": ("теракт", "шабуыл", "атыс"),
        "uz": ("ommaviy qotillik", "hujum", "portlash"), "hi": ("हमला", "हमले", "नरसंहार"),
        "zh": ("袭击", "襲擊", "枪击", "槍擊", "屠杀", "屠殺", "轰炸", "轟炸", "空袭", "空襲", "爆炸"),
        "ja": ("襲撃", "銃撃", "空爆", "爆発"), "ko": ("총격", "테러", "학살", "공습", "폭격", "폭발"),
        "th": ("กราดยิง", "สังหารหมู่", "ระเบิด"), "fi": ("isku", "ampumi", "verilöyly", "ohjusisku", "terrori-isku"),
        "sv": ("attack", "skjutning", "massaker"), "ro": ("atac", "masacru", "bombardament"), "el": ("επίθεσ", "έκρηξ"),
        "no": ("angrep", "terrorangrep", "skyting", "massakre", "eksplosjon"),
        "da": ("angreb", "terrorangreb", "skyderi", "eksplosion"), "ckb": ("هێرش", "تەقینەوە"),
        "ta": ("தாக்குதல்", "குண்டுவெடிப்பு", "துப்பாக்கிச் சூடு"), "ky": ("атуу",),
    },
    "coup": {
        "en": ("coup",), "fr": ("coup d'état",), "es": ("golpe de estado", "autogolpe"), "pt": ("golpe de estado",),
        "de": ("putsch",), "ru": ("переворот",), "uk": ("переворот",), "be": ("пераварот",), "tr": ("darbe",),
        "id": ("kudeta",), "ms": ("rampasan kuasa",), "ar": ("انقلاب",), "fa": ("کودتا",), "zh": ("政变", "政變"),
        "ko": ("쿠데타",), "th": ("รัฐประหาร",), "fi": ("vallankaappau",), "sv": ("statskupp",),
        "pl": ("zamach stanu",), "ro": ("lovitură de stat",), "no": ("kupp",), "da": ("statskup",), "kk": ("төңкеріс",),
        "uz": ("davlat toʻntarishi",),
    },
    "referendum": {
        "en": ("referendum", "plebiscite"), "fr": ("référendum",), "es": ("referéndum",), "pt": ("referendo",),
        "de": ("referendum", "volksabstimmung"), "pl": ("referendum",), "ru": ("референдум",), "uk": ("референдум",),
        "tr": ("referandum",), "fi": ("kansanäänesty",), "fa": ("همه‌پرسی",), "ar": ("استفتاء",),
        "zh": ("公投", "公民投票"), "ko": ("국민투표",), "id": ("referendum",), "be": ("рэферэндум",),
        "th": ("ประชามติ",), "ka": ("რეფერენდუმ",), "ur": ("ریفرنڈم",), "sv": ("folkomröstning",),
        "da": ("folkeafstemning",), "no": ("folkeavstemning",),
    },
    "protest": {
        "en": ("protest", "protests", "riot", "riots"), "de": ("protest", "unruhen"), "fr": ("manifestation", "émeute"),
        "es": ("protesta", "disturbios"), "pt": ("protesto",), "pl": ("protest", "zamieszki"),
        "ru": ("протест", "беспорядк"), "uk": ("протест", "заворушен"), "tr": ("protesto",),
        "id": ("protes", "unjuk rasa", "kerusuhan", "demonstrasi"), "ms": ("protes", "rusuhan", "tunjuk perasaan"),
        "ar": ("احتجاج",), "fa": ("اعتراض",), "zh": ("抗议", "抗議", "示威"), "ko": ("시위",), "th": ("ประท้วง",),
        "fi": ("mielenosoi", "mellakka", "mielenosoitu"), "be": ("пратэст", "беспарадк"),
        "uz": ("namoyish", "норозилик", "norozilik"), "sv": ("protester", "upplopp", "kravaller"), "no": ("opptøyer",),
        "da": ("uroligheder",), "ka": ("პროტესტ", "საპროტესტო"), "ur": ("مظاہر",), "kk": ("наразылық",),
        "ckb": ("خۆپیشاندان",), "el": ("διαδηλώσ",), "it": ("rivolta",), "nl": ("rellen",),
    },
    "summit": {
        "en": ("summit",), "de": ("gipfel",), "fr": ("sommet",), "es": ("cumbre",), "pt": ("cimeira", "cúpula"),
        "pl": ("szczyt",), "ru": ("саммит",), "uk": ("саміт",), "tr": ("zirve",), "zh": ("峰会", "峰會"),
        "ar": ("قمة",), "ko": ("정상회의",), "id": ("ktt", "konferensi tingkat tinggi"), "ms": ("sidang kemuncak",),
        "fi": ("huippukokous",), "no": ("toppmøte",), "da": ("topmøde",), "sv": ("toppmöte",),
        "ur": ("سربراہی اجلاس",),
    },
    "crisis": {
        "en": ("crisis",), "de": ("krise", "regierungskrise"), "fr": ("crise",), "es": ("crisis",), "pt": ("crise",),
        "it": ("crisi",), "pl": ("kryzys",), "cs": ("krize",), "ru": ("кризис",), "uk": ("криз",), "tr": ("kriz",),
        "id": ("krisis",), "ms": ("krisis",), "ar": ("أزمة",), "fa": ("بحران",), "zh": ("危机", "危機"),
        "ja": ("危機",), "ko": ("위기",), "fi": ("kriisi",), "sv": ("kris", "regeringskris"), "be": ("крызіс",),
        "uz": ("inqiroz",), "th": ("วิกฤต",), "ro": ("criză", "criza"), "ka": ("კრიზის",), "kk": ("дағдарыс",),
        "ta": ("நெருக்கடி",),
    },
    "offensive": {
        "en": ("offensive", "counteroffensive"), "de": ("offensive", "gegenoffensive"),
        "fr": ("offensive", "contre-offensive"), "es": ("ofensiva", "contraofensiva"),
        "pt": ("ofensiva", "contraofensiva"), "pl": ("ofensyw", "kontrofensyw"),
        "ru": ("наступлени", "контрнаступлени"), "uk": ("наступ", "контрнаступ"), "tr": ("taarruz",),
        "id": ("serangan balasan",), "zh": ("反攻", "攻势", "攻勢"), "ko": ("반격", "공세"), "fi": ("vastahyökkäy",),
    },
    "collapse": {
        "en": ("collapse",), "de": ("einsturz",), "fr": ("effondrement",), "es": ("derrumbe", "colapso"),
        "pt": ("colapso", "desabamento"), "it": ("crollo",), "id": ("keruntuhan", "runtuhnya"), "ms": ("keruntuhan",),
        "ru": ("обрушени",), "uk": ("обвал", "обрушенн"), "pl": ("katastrofa budowlana", "zawalenie"),
        "tr": ("çökme", "çöküşü"), "fa": ("ریزش",), "ar": ("انهيار",), "zh": ("倒塌",), "ko": ("붕괴",),
        "th": ("ถล่ม",), "uz": ("qulashi",), "be": ("абвал", "абрушэнн"), "fi": ("romahdu", "sortumi"),
        "no": ("kollaps",), "ro": ("prăbușire", "prabusire"),
    },
    "train crash": {
        "en": ("train collision", "train crash", "train derailment", "rail crash", "derailment"), "de": ("zugunglück",),
        "da": ("togulykke",), "no": ("togulykke",), "sv": ("tågolycka",), "fr": ("accident ferroviaire",),
        "pt": ("acidente ferroviário",), "es": ("accidente ferroviario",), "it": ("incidente ferroviario",),
        "ro": ("catastrofa feroviară", "accident feroviar"), "id": ("kecelakaan kereta", "anjlok kereta"),
        "ms": ("perlanggaran kereta", "kemalangan kereta"), "ru": ("столкновение поездов", "крушение поезда"),
        "uk": ("зіткнення потягів", "залізнична катастрофа"), "be": ("сутыкненне цягнікоў",),
        "el": ("σιδηροδρομικό δυστύχημα",), "fi": ("junaonnettomuu",), "pl": ("katastrofa kolejowa",),
        "fa": ("برخورد قطار",), "ur": ("ٹرین حادثہ",), "zh": ("火车相撞", "列车相撞", "火車相撞"), "ko": ("열차 충돌",),
        "ar": ("تصادم قطار", "حادث قطار"), "tr": ("tren kazası",), "th": ("รถไฟชนกัน",),
    },
    "helicopter crash": {
        "en": ("helicopter crash",), "fr": ("accident d'hélicoptère",), "pt": ("acidente de helicóptero",),
        "es": ("accidente de helicóptero",), "id": ("kecelakaan helikopter",), "ms": ("kemalangan helikopter",),
        "pl": ("katastrofa śmigłowca",), "ru": ("крушение вертолёта", "крушение вертолета", "катастрофа вертолёта"),
        "uk": ("катастрофа гелікоптера", "катастрофа вертольота"), "be": ("крушэнне верталёта",),
        "uz": ("vertolyot halokati",), "de": ("hubschrauberabsturz",), "zh": ("直升机坠毁", "直升機坠毁", "直升機墜毀"),
        "fa": ("سرنگونی هلیکوپتر",), "ar": ("تحطم مروحية",), "ko": ("헬리콥터 추락",), "tr": ("helikopter kazası",),
    },
    "crash": {
        "en": ("plane crash", "air crash", "air disaster"), "de": ("flugzeugabsturz", "absturz"),
        "fr": ("accident aérien",), "es": ("accidente aéreo",), "pt": ("acidente aéreo", "queda do avião"),
        "pl": ("katastrofa lotnicza", "katastrofa samolotu"), "ru": ("авиакатастроф", "крушение самолёта"),
        "uk": ("авіакатастроф",), "tr": ("uçak kazası",), "id": ("kecelakaan pesawat",), "zh": ("空难", "空難"),
        "ko": ("추락 사고",), "uz": ("samolyot qulashi", "samolyot halokati"), "fa": ("سقوط هواپیما",),
        "ar": ("تحطم طائرة",), "ms": ("nahas udara", "nahas pesawat"), "be": ("авіякатастроф",), "no": ("flyulykke",),
        "sv": ("flygolycka",), "ro": ("accident aviatic",), "ur": ("طیارہ حادثہ",), "ta": ("விமான விபத்து",),
        "ka": ("ავიაკატასტროფ",), "th": ("เครื่องบินตก",), "fi": ("lento-onnettomuus",),
    },
    "eruption": {
        "en": ("eruption",), "de": ("ausbruch",), "fr": ("éruption",), "es": ("erupción",), "pt": ("erupção",),
        "it": ("eruzione",), "pl": ("erupcj",), "ru": ("извержени",), "uk": ("виверженн",), "tr": ("patlaması",),
        "id": ("letusan", "erupsi"), "ms": ("letusan",), "zh": ("喷发", "噴發"), "ja": ("噴火",), "ko": ("분화",),
        "be": ("вывяржэнн",), "ar": ("ثوران",), "fa": ("فوران",), "fi": ("purkau",), "th": ("ปะทุ",),
    },
    "disaster": {  # with crowd crushes and shipwrecks
        "en": ("disaster", "tragedy", "stampede", "crowd crush", "crush", "shipwreck", "sinking"),
        "de": ("katastrophe", "tragödie", "massenpanik", "unglück", "schiffbruch"),
        "fr": ("catastrophe", "tragédie", "bousculade", "drame", "naufrage"),
        "es": ("desastre", "tragedia", "estampida", "naufragio"), "pt": ("desastre", "tragédia", "naufrágio"),
        "it": ("disastro", "tragedia", "naufragio"), "pl": ("tragedi", "zatonięcie"),
        "ru": ("давк", "трагеди", "кораблекрушени", "крушение лодки", "крушение судна"),
        "uk": ("тиснява", "тисняв", "трагеді", "корабельна аварія"), "be": ("цісканін", "трагеды", "караблекрушэнн"),
        "tr": ("facia", "izdiham"), "id": ("tragedi", "bencana", "desak-desakan"),
        "ms": ("tragedi", "bencana", "rempuhan"), "fi": ("tragedia", "onnettomuus", "haaksirikko"),
        "sv": ("tragedi", "olycka", "förlisning"), "da": ("tragedie", "ulykke", "forlis"),
        "no": ("tragedie", "ulykke", "forlis"), "kk": ("қыспақ",), "uz": ("tiqilinch", "halokati"),
        "ar": ("كارثة", "تدافع", "غرق"), "fa": ("فاجعه", "ازدحام"), "zh": ("踩踏", "沉船"), "ko": ("참사", "압사"),
        "th": ("เหยียบกัน",), "ka": ("ჭყლეტა", "ტრაგედი"), "ro": ("dezastru", "naufragiu"), "ur": ("سانحہ", "المیہ"),
        "ta": ("பேரழிவு",), "ckb": ("کارەسات",),
    },
    "clash": {
        "en": ("clashes", "clash", "conflict", "border conflict"), "de": ("konflikt", "grenzkonflikt", "gefechte"),
        "fr": ("affrontements", "conflit"), "es": ("enfrentamientos", "conflicto"), "pt": ("confrontos", "conflito"),
        "ru": ("столкновени", "конфликт"), "uk": ("зіткнен", "конфлікт"), "be": ("сутыкнен", "канфлікт"),
        "pl": ("starcia", "konflikt"), "id": ("bentrokan", "konflik"), "ms": ("pertembungan", "konflik"),
        "el": ("συγκρούσ",), "fa": ("درگیری",), "ar": ("اشتباكات",), "tr": ("çatışma",), "fi": ("selkkau", "konflikti"),
        "zh": ("冲突", "衝突"), "ko": ("분쟁",), "sv": ("sammandrabbning",), "no": ("sammenstøt",),
        "ro": ("ciocniri", "confruntări"), "uz": ("toʻqnashuv",), "th": ("การปะทะ",), "ka": ("შეტაკებ",),
        "ur": ("جھڑپ",), "kk": ("қақтығыс",),
    },
    "mobilisation": {
        "en": ("mobilisation", "mobilization"), "de": ("mobilmachung", "mobilisierung"), "fr": ("mobilisation",),
        "ru": ("мобилизаци",), "uk": ("мобілізаці",), "be": ("мабілізацы",), "pl": ("mobilizacj",),
        "zh": ("动员", "動員"), "ko": ("동원",), "ja": ("動員",), "pt": ("mobilização",), "es": ("movilización",),
        "id": ("mobilisasi",), "ar": ("تعبئة",), "fi": ("liikekannallepano",), "tr": ("seferberlik",),
        "uz": ("safarbarlik",), "kk": ("жұмылдыру",),
    },
    "world championship": {
        "en": ("world cup", "world championship", "world championships"), "de": ("weltmeisterschaft", "wm"),
        "fr": ("coupe du monde", "championnat du monde", "championnats du monde"),
        "es": ("copa mundial", "copa del mundo", "campeonato mundial"),
        "pt": ("copa do mundo", "campeonato mundial", "campeonato do mundo"), "it": ("coppa del mondo", "mondiali"),
        "pl": ("mistrzostwa świata",), "ru": ("чемпионат мира",), "uk": ("чемпіонат світу",),
        "be": ("чэмпіянат свету", "чэмпіянат сьвету"), "kk": ("әлем біріншілігі", "әлем чемпионаты"),
        "id": ("piala dunia", "kejuaraan dunia"), "ms": ("piala dunia", "kejohanan dunia"),
        "ro": ("campionatul mondial",), "sv": ("världsmästerskapet", "vm"), "da": ("vm", "verdensmesterskab"),
        "no": ("vm", "verdensmesterskap"), "fi": ("maailmanmestaruuskilpailu", "mm-kisat"), "tr": ("dünya kupası",),
        "uz": ("jahon chempionati",), "kaa": ("jáhán chempionatı",), "fa": ("جام جهانی",), "ckb": ("جامی جیھانی",),
        "ar": ("كأس العالم",), "hi": ("विश्वकप", "विश्व कप"), "ne": ("विश्वकप",), "ta": ("உலகக்கோப்பை",),
        "zh": ("世界盃", "世界杯"), "ja": ("ワールドカップ",), "ko": ("월드컵",), "th": ("ฟุตบอลโลก",),
    },
    "annexation": {
        "en": ("annexation",), "fr": ("annexion",), "es": ("anexión",), "pt": ("anexação",), "de": ("annexion",),
        "ru": ("аннекси",), "uk": ("анексі",), "fa": ("الحاق",), "th": ("ผนวก",), "zh": ("吞并", "吞併"),
        "pl": ("aneksj",), "tr": ("ilhak",), "ko": ("합병",), "id": ("aneksasi",), "ms": ("pengilhakan",),
    },
    "relations": {
        "en": ("relations",), "es": ("relaciones",), "pt": ("relações", "relacoes"), "it": ("relazioni",),
        "de": ("beziehungen",), "nl": ("betrekkingen",), "pl": ("stosunki",), "cs": ("vztahy",), "sk": ("vzťahy",),
        "ru": ("отношения",), "uk": ("відносини",), "be": ("адносіны",), "sr": ("односи",), "hr": ("odnosi",),
        "ro": ("relațiile", "relatiile"), "hu": ("kapcsolatok",), "el": ("σχέσεις",), "tr": ("ilişkileri",),
        "az": ("münasibətləri",), "uz": ("munosabatlari",), "kk": ("қарым-қатынастары",), "fi": ("suhteet",),
        "sv": ("relationer", "förbindelser"), "no": ("forholdet",), "id": ("hubungan",),
        "fa": ("روابط",), "ar": ("العلاقات",), "ur": ("تعلقات",), "hi": ("संबंध",), "th": ("ความสัมพันธ์",),
        "zh": ("关系", "關係"), "ja": ("関係",), "ko": ("관계",), "vi": ("quan hệ",), "ka": ("ურთიერთობები",),
    },
    "solar eclipse": {
        "en": ("solar eclipse",), "fr": ("éclipse solaire", "éclipse de soleil"), "de": ("sonnenfinsternis",),
        "es": ("eclipse solar",), "it": ("eclissi solare",), "nl": ("zonsverduistering",),
        "ru": ("солнечное затмение",), "uk": ("сонячне затемнення",), "be": ("сонечнае зацьменне", "сонечнае зацменне"),
        "pl": ("zaćmienie słońca",), "cs": ("zatmění slunce",), "ro": ("eclipsă de soare", "eclipsa de soare"),
        "el": ("έκλειψη ηλίου",), "tr": ("güneş tutulması",), "id": ("gerhana matahari",),
        "sv": ("solförmörkelse",), "no": ("solformørkelse",), "fi": ("auringonpimennys",),
        "zh": ("日食", "日蚀", "日蝕"), "ko": ("일식",), "ar": ("كسوف",), "fa": ("خورشیدگرفتگی",),
        "ckb": ("ڕۆژگیران",), "hi": ("सूर्य ग्रहण",), "th": ("สุริยุปราคา",), "kk": ("күн тұтылуы",),
        "uz": ("quyosh tutilishi",),
    },
    "lunar eclipse": {
        "en": ("lunar eclipse",), "fr": ("éclipse lunaire", "éclipse de lune"), "de": ("mondfinsternis",),
        "es": ("eclipse lunar",), "it": ("eclissi lunare",), "nl": ("maansverduistering",),
        "ru": ("лунное затмение",), "uk": ("місячне затемнення",), "pl": ("zaćmienie księżyca",),
        "cs": ("zatmění měsíce",), "tr": ("ay tutulması",), "id": ("gerhana bulan",),
        "sv": ("månförmörkelse",), "no": ("måneformørkelse",), "fi": ("kuunpimennys",), "zh": ("月食", "月蚀", "月蝕"),
        "ko": ("월식",), "ar": ("خسوف",), "fa": ("ماه‌گرفتگی",), "hi": ("चंद्र ग्रहण",), "th": ("จันทรุปราคา",),
    },
    "bus crash": {
        "en": ("bus crash", "bus accident"), "fr": ("accident de bus", "accident d'autocar"), "de": ("busunglück",),
        "es": ("accidente de autobús",), "pt": ("acidente de ônibus", "acidente de autocarro"),
        "id": ("kecelakaan bus",), "ms": ("kemalangan bas",), "ru": ("автобусная авария", "дтп с автобусом"),
        "uk": ("дтп з автобусом",), "pl": ("wypadek autobusu", "katastrofa autobusu"), "tr": ("otobüs kazası",),
        "ur": ("بس حادثہ",), "fa": ("تصادف اتوبوس",), "ar": ("حادث حافلة",), "zh": ("巴士事故",),
    },
}

#: Words for a scheduled flight, per language: a title that names one and a flight number (*Norvane Air Flight
#: 357*, *Voo Norvane Air 357*, *诺万航空357号班机空难*) names that flight's accident in any language
#: (:func:`newsweave.corpus.entities_titles.flight_key`). Matched like :data:`TITLE_TYPES`. Words that as often
#: count something else are left out (Czech *let*, years).
FLIGHT_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("flight",), "de": ("flug",), "fr": ("vol",), "es": ("vuelo",), "pt": ("voo", "vôo"), "it": ("volo",),
    "nl": ("vlucht",), "sv": ("flyg", "flight"), "da": ("flyvning",), "no": ("flight",), "fi": ("lento",),
    "pl": ("lot", "lotu"), "cs": ("letu",), "ro": ("zborul",), "hu": ("járat",), "el": ("πτήση", "πτήσης"),
    "tr": ("sefer",), "az": ("reysi",), "uz": ("reysi", "рейси"), "kk": ("рейс",), "ru": ("рейс",), "uk": ("рейс",),
    "be": ("рэйс",), "bg": ("полет",), "id": ("penerbangan",), "ms": ("penerbangan",), "vi": ("chuyến bay",),
    "ar": ("رحلة", "الرحلة"), "fa": ("پرواز",), "ur": ("پرواز",), "he": ("טיסה",), "hi": ("उड़ान",),
    "ta": ("வானூர்தி",), "th": ("เที่ยวบิน",), "zh": ("班机", "班機", "航班"), "ja": ("便",), "ko": ("편",),
}

#: Words that tell two events of one kind, year and place apart (a country's presidential and parliamentary
#: elections, its Senate and House elections): qualifier -> language -> entries, matched like :data:`TITLE_TYPES`.
#: A title's qualifiers are part of its key. General and parliamentary elections carry none: most languages
#: name a country's main election without saying which (*Riksdagsvalet*).
TITLE_QUALIFIERS: dict[str, dict[str, tuple[str, ...]]] = {
    "presidential": {
        "en": ("presidential",), "fr": ("présidentielle",), "es": ("presidencial",), "pt": ("presidencial",),
        "it": ("presidenziali",), "de": ("präsidentschaftswahl",), "pl": ("prezydenck",), "cs": ("prezidentsk",),
        "ru": ("президентск",), "uk": ("президентськ",), "be": ("прэзідэнцк",), "tr": ("cumhurbaşkanlığı",),
        "id": ("presiden",), "ms": ("presiden",), "sv": ("presidentval",), "no": ("presidentvalg",),
        "da": ("præsidentvalg",), "fi": ("presidentinvaali",), "ro": ("prezidențiale",),
        "ar": ("رئاسي", "الرئاسي", "الرئاسة"),
        "fa": ("ریاست",), "zh": ("总统", "總統"), "ja": ("大統領",), "ko": ("대통령",),
        "ur": ("صدارتی",), "hi": ("राष्ट्रपति",), "bn": ("রাষ্ট্রপতি",), "th": ("ประธานาธิบดี",),
        "vi": ("tổng thống",), "el": ("προεδρικ",), "hu": ("elnök",), "bg": ("президентск",), "sk": ("prezidentsk",),
        "sl": ("predsedniš",), "hr": ("predsjedničk",), "sr": ("predsedničk", "председничк"), "nl": ("presidents",),
        "he": ("לנשיאות",), "az": ("prezident",), "uz": ("prezident", "президент"), "kk": ("президент",),
        "ka": ("საპრეზიდენტო",), "hy": ("նախագահական",),
    },
    "local": {
        "en": ("local", "municipal", "regional", "gubernatorial"), "fr": ("municipales", "régionales", "locales"),
        "es": ("municipales", "regionales", "autonómicas"), "pt": ("municipais", "autárquicas", "regionais"),
        "de": ("kommunalwahl", "landtagswahl"), "pl": ("samorząd",), "ru": ("муниципальн", "местн", "региональн"),
        "uk": ("місцев",), "tr": ("yerel",), "zh": ("地方",), "ko": ("지방",),
    },
    "football": {
        "en": ("football", "soccer", "fifa"), "fr": ("football",), "de": ("fußball",), "pl": ("piłce nożnej",),
        "ru": ("футбол",), "uk": ("футбол",), "be": ("футбол",), "kk": ("футбол",), "pt": ("futebol",),
        "es": ("fútbol",), "it": ("calcio",), "ro": ("fotbal",), "sv": ("fotboll",), "da": ("fodbold",),
        "no": ("fotball",), "fi": ("jalkapallo",), "id": ("sepak bola",), "ms": ("bola sepak",),
        "fa": ("فوتبال",), "ckb": ("فیفا",), "ar": ("فيفا", "كرة القدم"), "hi": ("फिफा", "फ़ुटबॉल"),
        "ta": ("காற்பந்து",), "zh": ("足球", "足协", "足協"), "ko": ("축구",), "th": ("ฟุตบอล",),
    },
    "basketball": {
        "en": ("basketball",), "pl": ("koszyków",), "ru": ("баскетбол",), "uk": ("баскетбол",), "fr": ("basket",),
        "de": ("basketball",), "zh": ("籃球", "篮球"), "ko": ("농구",),
    },
    "volleyball": {
        "en": ("volleyball",), "pl": ("siatkow",), "ru": ("волейбол",), "uk": ("волейбол",), "fr": ("volley",),
        "de": ("volleyball",), "pt": ("voleibol",), "es": ("voleibol",), "zh": ("排球",), "ko": ("배구",),
    },
    "handball": {
        "en": ("handball",), "pl": ("ręcznej",), "ru": ("гандбол",), "uk": ("гандбол",), "fr": ("handball",),
        "de": ("handball",), "pt": ("andebol", "handebol"), "es": ("balonmano",), "zh": ("手球",), "ko": ("핸드볼",),
    },
    "ice hockey": {
        "en": ("ice hockey", "hockey"), "pl": ("hokej",), "ru": ("хоккей",), "uk": ("хокей",), "fr": ("hockey",),
        "de": ("eishockey",), "fi": ("jääkiekko",), "sv": ("ishockey",), "zh": ("冰球",), "ko": ("아이스하키",),
    },
    "field hockey": {  # before a bare *hockey* (ice hockey): the longer entry wins
        "en": ("field hockey",), "fr": ("hockey sur gazon",), "de": ("feldhockey",),
        "es": ("hockey sobre césped", "hockey sobre hierba"), "pt": ("hóquei em campo", "hóquei sobre a grama"),
        "it": ("hockey su prato",), "pl": ("hokej na trawie",), "ru": ("хоккей на траве",), "uk": ("хокей на траві",),
        "zh": ("曲棍球",), "ko": ("필드하키",),
    },
    "women": {
        "en": ("women's", "women"), "pl": ("kobiet",), "ru": ("женск", "женщин"), "uk": ("жіноч",),
        "fr": ("féminin",), "de": ("frauen",), "pt": ("feminin",), "zh": ("女子",), "ko": ("여자",),
    },
    "club": {
        "en": ("club",), "fr": ("clubs",), "es": ("clubes",), "pt": ("clubes",), "de": ("klub",), "pl": ("klubow",),
        "ru": ("клубн",), "uk": ("клубн",), "uz": ("klublar",), "id": ("antarklub",),
        "zh": ("球會", "俱乐部", "俱樂部"), "ko": ("클럽",), "ar": ("للأندية",), "fa": ("باشگاه",),
    },
    "youth": {
        "en": ("u", "youth", "junior", "under"), "ru": ("молодёжн", "молодежн", "юниор"), "pl": ("młodzieżow",),
        "fr": ("moins de", "junior"), "de": ("junioren",), "zh": ("青年",),
    },
    "final": {
        "en": ("final",), "fr": ("finale",), "pt": ("final",), "es": ("final",), "ru": ("финал",), "uk": ("фінал",),
        "kk": ("финал",), "ar": ("نهائي",), "fa": ("فینال",), "ckb": ("کۆتایی",), "hi": ("फाइनल",),
        "zh": ("決賽", "决赛"), "th": ("รอบชิงชนะเลิศ",), "ko": ("결승",),
    },
    "senate": {
        "en": ("senate",), "fr": ("sénatoriales", "sénat"), "es": ("senado",), "pt": ("senado",), "de": ("senat",),
        "ru": ("сенат",), "fa": ("سنا", "سنای"), "zh": ("参议院", "參議院"), "ja": ("参議院",), "ko": ("상원",),
    },
    "house": {
        "en": ("house of representatives",), "fr": ("chambre des représentants",),
        "es": ("cámara de representantes",), "ru": ("палату представителей",), "fa": ("نمایندگان",),
        "zh": ("众议院", "眾議院"), "ko": ("하원", "하원의원"),
    },
}
