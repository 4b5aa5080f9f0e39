"""Titles, roles and reporting verbs per language: the local cues that a person's name is near.

Data, not code: the entity stage looks these words up. A title is matched on the lower-cased
word with inflection tolerance (``prezydenta``, ``президенти`` and ``başkanı`` all start with the
listed form) and, for languages that write compounds (``de``), also as a word ending
(``Bundeskanzler``, ``Staatspräsident``). ``TITLES["*"]`` holds titles valid in any language
(international forms that appear in many languages' texts).
"""

from __future__ import annotations

#: lang -> title/role words that usually stand right before (or, in tr/uz/kk/az, right after) a name.
TITLES: dict[str, frozenset[str]] = {
    "*": frozenset({"president", "prime minister", "minister", "chancellor", "king", "queen", "pope", "sheikh",
                    "general", "senator", "governor", "mayor", "secretary", "ambassador", "premier", "dr",
                    "prof", "mr", "mrs", "ms", "leader", "counterpart", "spokesman", "spokeswoman",
                    "spokesperson", "chairman", "ceo", "emir", "sultan", "prince", "princess", "coach", "rapper",
                     # religious offices and the prophets, written before a name
                     "imam", "ayatollah", "rabbi", "bishop", "archbishop", "cardinal", "patriarch", "prophet",
                     "mullah"}),
    "en": frozenset({"president", "minister", "chancellor", "secretary-general", "foreign minister", "envoy",
                     "director", "commander", "mp", "deputy", "vice president",
                     # professions and roles written before a name
                     "teacher", "doctor", "journalist", "coach", "actor", "actress", "writer", "singer", "professor",
                     "striker", "goalkeeper", "captain",
                     # the bench, the police and local office (*Mr Justice …*, *Detective Inspector …*)
                     "judge", "justice", "lord justice", "inspector", "chief inspector", "detective",
                     "detective inspector", "detective sergeant", "sergeant", "superintendent", "chief constable",
                     "commissioner", "councillor", "prosecutor", "sheriff", "chief executive", "fire chief",
                     "police chief",
                     # military ranks
                     "colonel", "lieutenant", "lieutenant colonel", "lieutenant general", "major general",
                     "brigadier", "admiral", "corporal"}),
    "de": frozenset({"präsident", "präsidentin", "kanzler", "kanzlerin", "minister", "ministerin", "amtskollege",
                     "amtskollegin", "staatschef", "staatschefin", "regierungschef", "regierungschefin", "könig",
                     "königin", "papst", "herr", "frau", "bürgermeister", "bürgermeisterin", "sprecher",
                     "richter", "senator", "senatorin",
                     "sprecherin", "botschafter", "botschafterin", "vorsitzende", "vorsitzender", "chef", "chefin",
                     "generalsekretär", "premierminister", "premierministerin", "abgeordnete", "abgeordneter",
                     # professions written before a name; as word endings they cover compounds (Physiklehrerin);
                     # words that are also common surnames (Richter, Bauer, Springer) are left out
                     "lehrer", "lehrerin", "professor", "professorin", "direktor", "direktorin", "leiter",
                     "leiterin", "experte", "expertin", "journalist", "journalistin", "korrespondent",
                     "korrespondentin", "politiker", "politikerin", "trainer", "trainerin", "richterin",
                     "schriftsteller", "schriftstellerin", "schauspieler", "schauspielerin", "sänger", "sängerin",
                     "unternehmer", "unternehmerin", "kollege", "kollegin", "athlet", "athletin", "sportler",
                     "sportlerin", "spieler", "spielerin", "fußballer", "fußballerin", "torhüter",
                     "torhüterin", "stürmer", "stürmerin", "hochspringer", "weitspringer", "springerin", "läuferin",
                     "rennfahrer", "fahrerin", "bruder", "schwester", "biobauer", "bäuerin", "konzernchef",
                     "konzernchefin", "nationalrat", "nationalrätin", "schulrat", "stadtrat", "stadträtin",
                     "mitglied", "gemeinderat", "gemeinderätin",
                     # religious offices and the prophets, written before a name
                     "prophet", "bischof", "erzbischof", "kardinal", "pfarrer", "imam", "rabbiner", "patriarch",
                     "ajatollah"}),
    "pl": frozenset({"prezydent", "premier", "minister", "kanclerz", "król", "królowa", "papież", "przywódca",
                     "szef", "szefowa", "rzecznik", "rzeczniczka", "ambasador", "przewodniczący",
                     "przewodnicząca", "burmistrz", "wójt", "sołtys", "gubernator", "generał", "pan", "pani",
                     "odpowiednik",
                     "sekretarz", "wicepremier", "marszałek", "poseł", "posłanka", "dyrektor", "prezes",
                     # nationality nouns are capitalised and stand before names (Niemiec Angela Merkel)
                     "niemiec", "niemka", "włoch", "włoszka", "francuz", "francuzka", "rosjanin", "rosjanka",
                     "amerykanin", "amerykanka", "brytyjczyk", "brytyjka", "ukrainiec", "ukrainka", "hiszpan",
                     "hiszpanka", "chińczyk", "chinka", "węgier", "węgierka", "czech", "czeszka", "litwin",
                     "litwinka", "białorusin", "białorusinka", "gruzin", "gruzinka", "izraelczyk", "holender",
                     "holenderka", "szwed", "szwedka", "norweg", "norweżka", "japończyk", "japonka",
                     "kanadyjczyk", "kanadyjka", "australijczyk", "australijka", "brazylijczyk", "brazylijka",
                     "argentyńczyk", "argentynka", "meksykanin", "meksykanka", "kenijczyk", "kenijka", "nigeryjczyk",
                     "nigeryjka", "pakistańczyk", "pakistanka", "irańczyk", "iranka", "kazaszka", "uzbeczka",
                     "belgijka", "szwajcar", "szwajcarka", "austriak", "austriaczka", "duńczyk", "dunka",
                     "słowaczka", "rumunka", "bułgarka", "greczynka", "serbka", "chorwat", "chorwatka", "słoweniec",
                     "słowenka", "koreańczyk", "koreanka", "irlandczyk", "irlandka", "egipcjanin", "egipcjanka",
                     "palestyńczyk", "palestynka", "syryjczyk", "syryjka", "afgańczyk", "afganka", "turczynka",
                     # professions and roles written before a name
                     "nauczyciel", "nauczycielka", "lekarz", "lekarka", "dziennikarz", "dziennikarka", "trener",
                     "trenerka", "aktor", "aktorka", "pisarz", "pisarka", "piosenkarz", "piosenkarka", "reżyser",
                     "reżyserka", "profesor", "profesorka", "doktor", "szkoleniowiec", "selekcjoner",
                     "wojewoda", "starosta", "radny", "radna",
                     "senator", "senatorka", "europoseł", "europosłanka", "wiceminister", "wicemarszałek",
                     "komisarz", "zawodnik", "zawodniczka", "piłkarz", "piłkarka", "bramkarz", "napastnik",
                     "kapitan",
                     # religious offices and the prophets, written before a name
                     "prorok", "biskup", "arcybiskup", "kardynał", "ksiądz", "imam", "rabin", "patriarcha",
                     "ajatollah"}),
    "ru": frozenset({"президент", "премьер", "премьер-министр", "министр", "канцлер", "король", "королева",
                     "папа", "глава", "лидер", "председатель", "губернатор", "мэр", "аким", "посол", "генерал",
                     "господин", "госпожа", "пресс-секретарь", "спикер", "депутат", "директор", "коллега",
                     "генсек", "вице-премьер", "сенатор",
                     # professions and roles written before a name
                     "учитель", "учительница", "врач", "журналист", "журналистка", "тренер", "актер", "актёр",
                     "актриса", "писатель", "писательница", "певец", "певица", "режиссер", "режиссёр", "профессор",
                     "вице-президент",
                     "замминистра", "полковник", "игрок", "нападающий", "вратарь", "форвард", "экс-президент",
                     "экс-премьер",
                     # nationality nouns stand before names (Норвежец Зелкан Каримов); short ones that surnames are
                     # made from (чех: Чехов, швед: Шведов, поляк: Поляков) are left out
                     "американец", "американка", "россиянин", "россиянка", "норвежец", "норвежка", "британец",
                     "британка", "украинец", "украинка", "китаец", "китаянка", "японец", "японка", "итальянец",
                     "итальянка", "испанец", "испанка", "канадец", "канадка", "австралиец", "австралийка",
                     "бразилец", "бразильянка", "аргентинец", "аргентинка", "француз", "француженка", "немец",
                     "немка", "белорус", "белоруска", "израильтянин", "армянин", "болгарин", "мексиканец",
                     "кениец", "кенийка", "нигериец", "египтянин", "кореец", "кореянка", "индиец", "пакистанец",
                     "иранец", "иранка", "швейцарец", "голландец", "бельгиец", "австриец", "австрийка",
                     # religious offices and the prophets, written before a name
                     "пророк", "епископ", "архиепископ", "митрополит", "кардинал", "священник", "имам", "раввин",
                     "патриарх", "аятолла", "муфтий"}),
    "uk": frozenset({"президент", "прем'єр", "прем'єр-міністр", "міністр", "канцлер", "король", "голова",
                     "лідер", "губернатор", "мер", "посол", "генерал", "пан", "пані", "речник", "депутат",
                     "колега", "директор",
                     # professions and roles written before a name
                     "вчитель", "вчителька", "лікар", "лікарка", "журналіст", "журналістка", "тренер", "актор",
                     "акторка", "актриса", "письменник", "письменниця", "співак", "співачка", "режисер", "професор",
                     "віцепрем'єр",
                     "віце-прем'єр", "сенатор", "полковник", "гравець", "нападник", "воротар", "речниця", "нардеп",
                     # religious offices and the prophets, written before a name
                     "пророк", "єпископ", "архієпископ", "митрополит", "кардинал", "священник", "імам", "рабин",
                     "патріарх", "аятола", "муфтій"}),
    "bg": frozenset({"президент", "премиер", "министър", "канцлер", "крал", "председател", "кмет", "посланик",
                     "генерал", "лидер", "говорител", "депутат", "колега",
                     # professions and roles written before a name
                     "учител", "учителка", "лекар", "журналист", "журналистка", "треньор", "актьор", "актриса",
                     "писател", "писателка", "певец", "певица", "режисьор", "професор",
                     "вицепремиер", "вицепрезидент", "евродепутат",
                     "заместник-министър",
                     # religious offices and the prophets, written before a name
                     "пророк", "епископ", "митрополит", "кардинал", "свещеник", "имам", "равин", "патриарх"}),
    "cs": frozenset({"prezident", "prezidentka", "premiér", "premiérka", "ministr", "ministryně", "kancléř",
                     "král", "papež", "předseda", "předsedkyně", "starosta", "velvyslanec", "generál", "pan",
                     "paní", "mluvčí", "poslanec", "protějšek", "šéf",
                     # professions and roles written before a name
                     "učitel", "učitelka", "lékař", "lékařka", "novinář", "novinářka", "trenér", "herec", "herečka",
                     "spisovatel", "spisovatelka", "zpěvák", "zpěvačka", "režisér", "profesor", "profesorka",
                     "hejtman", "hejtmanka", "senátor", "senátorka", "europoslanec",
                     "europoslankyně", "místopředseda", "místopředsedkyně", "náměstek", "náměstkyně",
                     "ředitel", "ředitelka", "kapitán", "útočník", "brankář", "poslankyně",
                     # religious offices and the prophets, written before a name
                     "prorok", "biskup", "arcibiskup", "kardinál", "kněz", "farář", "imám", "rabín", "patriarcha",
                     "ajatolláh"}),
    "sl": frozenset({"predsednik", "predsednica", "premier", "premierka", "minister", "ministrica", "kancler",
                     "kralj", "papež", "župan", "veleposlanik", "general", "gospod", "gospa", "tiskovni",
                     # professions and roles written before a name
                     "učitelj", "učiteljica", "zdravnik", "zdravnica", "novinar", "novinarka", "trener", "igralec",
                     "igralka", "pisatelj", "pisateljica", "pevec", "pevka", "režiser", "profesor", "profesorica",
                     "poslanec", "poslanka", "evroposlanec", "evroposlanka",
                     "direktor", "direktorica", "podpredsednik", "podpredsednica",
                     "generalni sekretar", "državni sekretar", "vodja", "kapetan",
                     "napadalec", "vratar",
                     # religious offices and the prophets, written before a name
                     "prerok", "škof", "nadškof", "kardinal", "duhovnik", "imam", "rabin", "patriarh"}),
    "tr": frozenset({"cumhurbaşkanı", "başkanı", "başkan", "başbakan", "başbakanı", "bakan", "bakanı", "lider",
                     "lideri", "kral", "kralı", "papa", "sözcüsü", "büyükelçisi", "valisi", "belediye başkanı",
                     "generali", "mevkidaşı", "şansölye", "şansölyesi", "sayın", "bay", "bayan", "genel sekreteri",
                     "genel sekreter", "sekreteri", "milletvekili", "başkan yardımcısı", "bakan yardımcısı",
                     "büyükelçi", "vali", "kaymakam", "kaymakamı", "muhtar", "muhtarı", "cumhurbaşkanı yardımcısı",
                     "başbakan yardımcısı", "yardımcısı", "kraliçe", "kraliçesi", "prens", "prensi", "şeyh", "şeyhi",
                     "emiri", "genelkurmay başkanı", "komutanı", "orgeneral", "başsavcı", "başsavcısı",
                     "başkanvekili", "müsteşar", "müsteşarı", "koordinatör", "koordinatörü", "danışman", "danışmanı",
                     # professions and roles written before a name
                     "gazeteci", "muhabir", "yazar", "şarkıcı", "oyuncu", "futbolcu", "atlet", "antrenör",
                     "teknik direktör", "profesör", "doçent", "doktor", "avukat", "yönetmen", "sanatçı",
                     # abbreviated: lawyer, associate professor, assistant professor, lecturer, surgeon, specialist
                     "av", "öğr. üyesi", "öğr. gör.", "op", "uzm", "direktör", "direktörü",
                     "akademisyen", "diplomat", "iş insanı", "iş adamı", "iş kadını", "kaptan", "öğretmen",
                     "ekonomist", "uzman", "analist", "mühendis", "hemşire", "öğrenci", "savcı", "hakim", "şair",
                     "mimar", "psikolog", "tarihçi", "rektör", "dekan", "başhekim", "müdür", "müdürü",
                     "genel müdür", "genel müdürü", "başantrenör", "başantrenörü", "uzmanı", "şube müdürü", "doç",
                     "başkan vekili", "yönetim kurulu başkanı", "yönetim kurulu başkan vekili",
                     # military ranks
                     "yarbay", "albay", "binbaşı", "yüzbaşı", "üsteğmen", "teğmen", "tuğgeneral", "tümgeneral",
                     "korgeneral", "astsubay", "tuğamiral", "tümamiral", "koramiral", "oramiral",
                     # the parties of a court case (*Sanık Zelkan Yavaş*)
                     "sanık", "şüpheli", "tutuklu", "davacı", "müşteki",
                     # religious offices and the prophets, written before a name
                     "peygamber", "piskopos", "kardinal", "imam", "haham", "patrik", "ayetullah", "müftü", "papaz"}),
    "az": frozenset({"prezident", "prezidenti", "baş nazir", "nazir", "naziri", "sədr", "sədri", "lider",
                     "lideri", "həmkarı", "səfir", "səfiri"}),
    "uz": frozenset({"президент", "президенти", "раҳбари", "раҳбар", "бош вазир", "бош вазири", "вазир",
                     "вазири", "етакчиси", "ҳамкасби", "элчиси", "prezident", "prezidenti", "rahbari", "rahbar",
                     "vazir", "vaziri", "hamkasbi", "bosh vazir", "bosh vaziri", "elchi", "elchisi", "yetakchi",
                     "yetakchisi", "hokim", "hokimi", "ҳоким", "ҳокими", "raisi", "раиси",
                     # monarchs and the pope (*Rim papasi*, *qirolichasi*)
                     "qirol", "qiroli", "qirolicha", "qirolichasi", "papasi", "қирол", "қироли", "қиролича",
                     "қироличаси", "папаси",
                     # religious offices and the prophets, written before a name
                     "пайғамбар", "paygʻambar", "имом", "imom", "муфтий", "muftiy",
                     # professions news writes before a name (*Судья Олим …*, *Himoyachi Nigora …*)
                     "судья", "sudya", "прокурор", "prokuror", "депутат", "deputat", "профессор", "professor",
                     "мураббий", "murabbiy", "жарроҳ", "jarroh", "таҳлилчи", "tahlilchi", "ҳимоячи", "himoyachi",
                     "адвокат", "advokat", "сенатор", "senator", "академик", "akademik", "журналист", "jurnalist",
                     "режиссёр", "режиссер", "rejissyor", "ёзувчи", "yozuvchi", "шоир", "shoir", "актёр", "aktyor",
                     "хонанда", "xonanda", "шифокор", "shifokor", "ўқитувчи", "oʻqituvchi", "директор", "direktor",
                     "ректор", "rektor", "футболчи", "futbolchi", "дарвозабон", "darvozabon", "ҳужумчи", "hujumchi",
                     "спортчи", "sportchi"}),
    "kk": frozenset({"президент", "президенті", "премьер-министр", "премьер-министрі", "министр", "министрі",
                     "басшысы", "төраға", "төрағасы", "әкім", "әкімі", "елші", "елшісі", "әріптесі",
                     "патша", "патшасы", "патшайым", "патшайымы", "папасы",
                     # religious offices and the prophets, written before a name
                     "пайғамбар", "имам", "мүфти",
                     # professions news writes before a name (*Судья Зелкан …*, *бас бапкері Зелкан …*)
                     "судья", "прокурор", "адвокат", "депутат", "сенатор", "профессор", "академик", "журналист",
                     "режиссер", "режиссёр", "жазушы", "әнші", "актер", "актриса", "дәрігер", "мұғалім", "директор",
                     "ректор", "бапкер", "бапкері", "ойыншы", "қақпашы", "шабуылшы", "спортшы", "хатшы", "хатшысы"}),
    "hi": frozenset({"राष्ट्रपति", "प्रधानमंत्री", "प्रधान मंत्री", "मंत्री", "विदेश मंत्री", "समकक्ष", "नेता",
                     "अध्यक्ष", "राजदूत", "मुख्यमंत्री", "राज्यपाल", "चांसलर", "राजा", "रानी", "प्रवक्ता", "श्री",
                     "श्रीमती", "जनरल", "सचिव", "महासचिव", "सांसद", "विधायक", "निदेशक", "डॉ", "डॉक्टर",
                     "प्रोफेसर", "प्रो", "न्यायमूर्ति",
                     # professions written before a name (शिक्षिका मीरा अय्यर)
                     "शिक्षिका", "शिक्षक", "अध्यापिका", "पत्रकार", "वकील", "अभिनेता", "अभिनेत्री",
                     "गायिका", "कोच", "कप्तान", "प्रधानाचार्य", "प्राचार्य", "इंजीनियर",
                     "उद्योगपति", "कारोबारी",
                     # the roles wire copy writes before a name (अधिवक्ता, बल्लेबाज, जिलाधिकारी, गवर्नर …)
                     "अधिवक्ता", "आरोपी", "अभियुक्त", "सरगना", "बल्लेबाज", "गेंदबाज", "विकेटकीपर", "प्रमोटर",
                     "याचिकाकर्ता", "महानिरीक्षक", "अधीक्षक", "गवर्नर", "विश्लेषक", "प्रभारी", "जिलाधिकारी",
                     "आयुक्त", "उपायुक्त", "उपाध्यक्ष", "मिडफील्डर", "स्ट्राइकर", "डिफेंडर", "गोलकीपर", "महाप्रबंधक",
                     "कर्नल", "कमांडर", "ब्रिगेडियर", "लेफ्टिनेंट", "कलेक्टर", "चेयरमैन", "उपमुख्यमंत्री",
                     "उपराष्ट्रपति", "महापौर", "मेयर", "सरपंच", "पार्षद", "गायक",
                     "निर्देशक", "संस्थापक", "शोधकर्ता", "धावक", "पहलवान", "मुक्केबाज", "निशानेबाज",
                     "अधिकारी", "प्रतिनिधि", "प्रबंधक", "अर्थशास्त्री", "कार्यकर्ता", "सलाहकार", "न्यायाधीश",
                     "जज", "चित्रकार", "कलाकार", "वादक", "संगीतकार", "उपन्यासकार",
                     "क्यूरेटर", "स्पिनर", "खिलाड़ी"}),
    "ur": frozenset({"صدر", "وزیراعظم", "وزیر اعظم", "وزیر", "وزیر خارجہ", "ہم منصب", "رہنما", "سربراہ",
                     "سفیر", "ترجمان", "جنرل", "چانسلر", "بادشاہ", "گورنر", "چیئرمین", "ڈاکٹر", "پروفیسر",
                     "جناب", "محترمہ", "وزیراعلیٰ", "وزیر اعلیٰ", "جج", "اسپیکر"}),
    "ar": frozenset({"الرئيس", "رئيس", "رئيس الوزراء", "وزير", "الملك", "الأمير", "الشيخ", "نظيره", "السفير",
                     "المتحدث", "الجنرال", "الرئيسة", "رئيسة", "رئيسة الوزراء", "رئيس وزراء", "رئيسة وزراء",
                     "وزيرة", "الوزير", "الوزيرة", "الملكة", "البابا", "ولي العهد", "المستشار", "المستشارة",
                     "نائب الرئيس", "الأمين العام", "الكاتب", "الكاتبة", "المدرب", "الصحفي",
                     "الصحفية", "نظيرته",
                     # words that qualify the title before the name ("the former", "the outgoing"): a title of
                     # their own, so the name after them is read as the titled person's
                     "السابق", "السابقة", "الأسبق", "المنتهية ولايته", "المنتهية ولايتها", "الحالي", "الحالية",
                     "الفخري"}),
    "fa": frozenset({"رئیس جمهور", "رئیس‌جمهور", "وزیر", "نخست وزیر", "نخست‌وزیر", "سفیر", "سخنگوی", "همتای"}),
    "fr": frozenset({"président", "présidente", "premier ministre", "ministre", "chancelier", "chancelière",
                     "roi", "reine", "pape", "homologue", "porte-parole", "maire", "ambassadeur", "général",
                     "m", "mme",
                     # nationality nouns are capitalised and stand before names (l'Américaine Zelkan Karimova); the
                     # feminine and plural endings (-e, -ne, -s) are read as inflections of these
                     "américain", "britannique", "allemand", "russe", "ukrainien", "chinois", "japonais",
                     "italien", "espagnol", "canadien", "australien", "suédois", "norvégien", "danois",
                     "néerlandais", "belge", "suisse", "autrichien", "polonais", "turc", "turque", "iranien",
                     "israélien", "palestinien", "syrien", "irakien", "afghan", "pakistanais", "indien",
                     "brésilien", "argentin", "mexicain", "kazakh", "ouzbek", "kényan", "nigérian", "égyptien",
                     "sud-africain", "sud-coréen", "nord-coréen", "coréen", "grec", "portugais", "irlandais",
                     "hongrois", "tchèque", "roumain", "bulgare", "serbe", "croate", "finlandais", "vénézuélien",
                     "colombien", "chilien", "péruvien", "cubain", "saoudien", "libanais", "marocain", "algérien",
                     "tunisien", "éthiopien", "géorgien", "arménien", "azerbaïdjanais", "biélorusse", "lituanien",
                     "letton", "estonien", "slovaque", "slovène", "vietnamien", "thaïlandais", "indonésien",
                     "philippin", "américaine", "française", "français"}),
    "id": frozenset({"presiden", "wakil presiden", "perdana menteri", "menteri", "raja", "ratu", "paus", "gubernur",
                     "wali kota", "duta besar", "jenderal", "pangeran", "sultan", "juru bicara", "ketua", "pemimpin",
                     "pelatih", "wartawan", "penyanyi", "aktor", "aktris", "bupati", "senator"}),
    "ro": frozenset({"președinte", "președintele", "președinta", "vicepreședinte", "premier", "premierul",
                     "prim-ministru", "prim-ministrul", "ministru", "ministrul", "rege", "regele", "regina", "papa",
                     "cancelar", "cancelarul", "ambasador", "ambasadorul", "primar", "primarul", "generalul",
                     "liderul", "lider", "antrenorul", "jurnalistul", "purtătorul de cuvânt"}),
    "no": frozenset({"statsminister", "president", "kong", "konge", "dronning", "pave", "minister",
                     "utenriksminister", "forsvarsminister", "finansminister", "ordfører", "statsråd", "ambassadør",
                     "prins", "prinsesse", "leder", "trener", "sjef"}),
    "da": frozenset({"statsminister", "præsident", "konge", "kong", "dronning", "pave", "minister",
                     "udenrigsminister", "forsvarsminister", "finansminister", "borgmester", "ambassadør", "prins",
                     "prinsesse", "leder", "træner", "chef"}),
    "sv": frozenset({"statsminister", "president", "kung", "kungen", "drottning", "drottningen", "påve", "minister",
                     "utrikesminister", "försvarsminister", "finansminister", "borgmästare", "statsråd",
                     "ambassadör", "prins", "prinsessan", "ledare", "tränare", "chef"}),
    "fi": frozenset({"presidentti", "pääministeri", "ministeri", "ulkoministeri", "kuningas", "kuningatar", "paavi",
                     "suurlähettiläs", "pormestari", "kenraali", "prinssi", "puhemies", "johtaja", "valmentaja"}),
    "es": frozenset({"presidente", "presidenta", "primer ministro", "ministro", "ministra", "canciller", "rey",
                     "reina", "papa", "homólogo", "portavoz", "alcalde", "alcaldesa", "embajador", "general"}),
}

TITLES["ms"] = TITLES["id"]  # Malay and Indonesian share these words

#: lang -> titles whose office is a place's (a town's mayor, a region's governor): a one-word name right after one,
#: before the holder's name, is the place the office governs (*burmistrz Kórnika Jan Zelk*, *мэр Зелкограда Иван
#: Зелкин*), where after other titles it is the organisation they head (*szef Ryanaira*). Titles that head
#: organisations too (Polish *gubernator* of a central bank, *prezydent* of a company) are left out.
PLACE_OFFICE_TITLES: dict[str, frozenset[str]] = {
    "pl": frozenset({"burmistrz", "wójt", "sołtys", "starosta", "wojewoda"}),
    "cs": frozenset({"starosta", "hejtman", "hejtmanka", "primátor", "primátorka"}),
    "sl": frozenset({"župan", "županja"}),
    "ru": frozenset({"мэр", "губернатор", "аким"}),
    "uk": frozenset({"мер", "губернатор"}),
    "bg": frozenset({"кмет", "кметица"}),
}

#: lang -> plural endings: a title in the plural stands before no one person's name and may open an institution's
#: (Turkish *Bakanlar Kurulu*, the Council of Ministers; *Liderler Zirvesi*).
PLURAL_ENDINGS: dict[str, tuple[str, ...]] = {
    "tr": ("lar", "ler"),
    "az": ("lar", "lər"),
}

#: lang -> endings that make a word a surname, whatever it starts with: Turkish and Azerbaijani *-oğlu* "son of"
#: (*Valioğlu*; *Beyoğlu*, a district) is no inflected title (*vali*, *bey*).
SURNAME_ENDINGS: dict[str, tuple[str, ...]] = {"tr": ("oğlu", "oglu"), "az": ("oğlu", "oglu")}

#: lang -> endings most of a people's surnames have, and some adjectives too (Polish *-ski*, Russian *-ов*, Ukrainian
#: *-енко*): after a listed given name the pair is a person however frequent the surname (*Jarosław Zelkiński*).
SURNAME_LIKE_ENDINGS: dict[str, tuple[str, ...]] = {
    "pl": ("ski", "cki", "dzki", "ska", "cka", "dzka", "wicz"),
    "cs": ("ský", "cký", "ová", "ská", "cká"),
    "sk": ("ský", "cký", "ová", "ská", "cká"),
    "ru": ("ский", "цкий", "ская", "цкая", "ов", "ев", "ёв", "ин", "ова", "ева", "ина"),
    "uk": ("ський", "цький", "ська", "цька", "енко", "ук", "юк", "ов", "ев", "ін", "ова", "ева"),
    "be": ("скі", "цкі", "енка", "ук", "юк", "оў", "еў", "ін"),
    "bg": ("ов", "ев", "ски", "ова", "ева", "ска"),
    "kk": ("ов", "ев", "ова", "ева", "ұлы", "қызы"),
    "uz": ("ов", "ев", "ова", "ева", "ov", "ev", "ova", "eva"),
    "az": ("ov", "ev", "ova", "eva", "yev", "yeva"),
}

#: Endings of surnames from Russia, Ukraine, Poland, Central Asia and the Caucasus as languages written in Latin
#: letters spell them (*Zelkinov*, *Zelmorenko*, *Zelkashvili*): in a language with no words of its own so shaped, a
#: capitalised word ending so is a person's name, and so is a run of capitalised words it ends.
#: lang -> surname endings no adjective or common noun of a Slavic language has, unlike *-ski*, *-ов* (Polish
#: *Tarnicz*, *Zdanowicz*; Ukrainian *Зелкенко*), read through the case endings (*Tarnicza*, *Зелкенка*).
NOUN_SURNAME_ENDINGS: dict[str, tuple[str, ...]] = {"pl": ("wicz", "icz"), "uk": ("енко",)}
LATIN_SURNAME_ENDINGS: tuple[str, ...] = ("ov", "ev", "ova", "eva", "enko", "sky", "skiy", "vich", "viç", "shvili",
                                          "şvili", "dze")

#: lang -> endings that make a place's name the word for its people (*Kenyalı*, *Ankaralı*, *Keniyalik*): written
#: with a capital in these languages, such a word stands before a name as a title does (*Kenyalı Zelkan Kiprotich*)
#: and is no mention of the place. Kazakh writes them in lower case (*аргентиналық*).
DEMONYM_ENDINGS: dict[str, tuple[str, ...]] = {"tr": ("lı", "li", "lu", "lü"), "uz": ("lik", "лик")}
DEMONYM_ENDINGS["az"] = DEMONYM_ENDINGS["tr"]

#: lang -> honorifics that are written as part of a person's name, so the name's span starts with them
#: (``Maharaja Ranjit Singh``, ``Nawab Wajid Ali Shah``, ``Sheikh Hasina``, ``Allama Iqbal``), unlike the
#: offices in ``TITLES`` (``प्रधानमंत्री नरेन्द्र मोदी``: the person is ``नरेन्द्र मोदी``). Matched as whole words,
#: without inflection. Not listed: honorifics that are also common nouns or given names or follow the name
#: (गुरु teacher, सम्राट emperor, राजकुमार, बेगम), which opened runs of ordinary words.
NAME_TITLES: dict[str, frozenset[str]] = {
    "hi": frozenset({"महाराजा", "महारानी", "बादशाह", "नवाब", "लॉर्ड", "शेख", "सरदार", "पंडित", "महात्मा",
                     "अल्लामा", "मौलाना"}),
    "ur": frozenset({"مہاراجہ", "مہارانی", "نواب", "لارڈ", "شیخ", "سردار", "پنڈت", "مہاتما", "علامہ", "مولانا",
                     "حضرت"}),
}

#: lang -> forms of "be" and "become" that close a predicate in verb-final languages: a word between an office and
#: one of them says what someone became, not who (``नेपाल के नए राष्ट्रपति निर्वाचित हुए``, ``نئے صدر منتخب ہوئے``:
#: "was elected the new president"), while a name is followed by a case marker (``राष्ट्रपति रामलाखन ने``).
PREDICATE_AUXILIARIES: dict[str, frozenset[str]] = {
    "hi": frozenset({"है", "हैं", "था", "थे", "थी", "हुआ", "हुई", "हुए", "हो", "होंगे", "होगा", "होगी", "बने",
                     "बनी", "बना", "गया", "गई", "गए"}),
    "ur": frozenset({"ہے", "ہیں", "تھا", "تھے", "تھی", "ہوا", "ہوئی", "ہوئے", "ہو", "ہوں", "ہوگا", "ہونگے", "بنے",
                     "بنی", "بنا", "گیا", "گئی", "گئے"}),
}

#: lang -> honorifics written right after a person's name, which they do not belong to (``गांधी जी``,
#: ``शर्मा साहब``, ``اقبال صاحب``).
POSTPOSED_HONORIFICS: dict[str, frozenset[str]] = {
    "hi": frozenset({"जी", "साहब", "साहिब"}),
    "ur": frozenset({"جی", "صاحب"}),
}

#: lang -> postpositions (case markers) written as separate words after a noun phrase; some also spell a Latin
#: letter's name (``के`` K), so they tell a name's honorific from a letter of an acronym (``जी आई``, GI).
CASE_MARKERS: dict[str, frozenset[str]] = {
    "hi": frozenset({"ने", "को", "का", "की", "के", "से", "में", "पर"}),
    "ur": frozenset({"نے", "کو", "کا", "کی", "کے", "سے", "میں", "پر"}),
}

#: lang -> verbs of saying; a name right before or after one is most likely a person (or an organisation).
REPORTING_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset({"said", "says", "told", "stated", "added", "noted", "declared", "announced", "stressed",
                     "wrote", "tweeted", "insisted", "argued", "warned", "claimed"}),
    "de": frozenset({"sagte", "sagt", "erklärte", "erklärt", "betonte", "betont", "fügte", "meinte", "schrieb",
                     "erzählte", "sprach", "bezeichnete", "lobte", "kritisierte", "warnte", "forderte"}),
    "pl": frozenset({"powiedział", "powiedziała", "mówi", "mówił", "mówiła", "stwierdził", "stwierdziła",
                     "dodał", "dodała", "podkreślił", "podkreśliła", "zadeklarował", "zadeklarowała", "ocenił",
                     "oceniła", "napisał", "napisała", "oświadczył", "oświadczyła", "podziękował", "zaznaczył",
                     "zaznaczyła", "przekazał", "przekazała", "wzywał", "zwrócił", "zwróciła"}),
    "ru": frozenset({"сказал", "сказала", "заявил", "заявила", "отметил", "отметила", "подчеркнул",
                     "подчеркнула", "сообщил", "сообщила", "добавил", "добавила", "написал", "написала",
                     "говорит", "считает", "пояснил", "пояснила"}),
    "uk": frozenset({"сказав", "сказала", "заявив", "заявила", "зазначив", "зазначила", "наголосив",
                     "наголосила", "повідомив", "повідомила", "додав", "додала", "написав", "написала"}),
    "bg": frozenset({"каза", "заяви", "отбеляза", "подчерта", "съобщи", "добави", "написа"}),
    "cs": frozenset({"řekl", "řekla", "uvedl", "uvedla", "prohlásil", "prohlásila", "dodal", "dodala",
                     "napsal", "napsala", "zdůraznil", "zdůraznila"}),
    "sl": frozenset({"je dejal", "dejal", "dejala", "povedal", "povedala", "izjavil", "izjavila", "dodal",
                     "dodala", "poudaril", "poudarila", "zapisal", "zapisala"}),
    "tr": frozenset({"dedi", "söyledi", "belirtti", "açıkladı", "vurguladı", "ifade", "kaydetti", "ekledi",
                     "yazdı", "bildirdi", "konuştu", "aktardı", "duyurdu", "savundu", "hatırlattı", "uyardı",
                     # the formal perfect of written news (*belirtmiştir*)
                     "söylemiştir", "belirtmiştir", "açıklamıştır", "vurgulamıştır", "kaydetmiştir", "bildirmiştir"}),
    "uz": frozenset({"деди", "дейди", "деб", "таъкидлади", "таъкидлаган", "билдирди", "ёзган", "ёзди",
                     "айтди", "эслатди", "эслади", "dedi", "deydi", "ta'kidladi", "bildirdi", "aytdi"}),
    "kk": frozenset({"деді", "айтты", "атап", "мәлімдеді", "жазды", "хабарлады"}),
    "hi": frozenset({"कहा", "कहते", "कहती", "बताया", "घोषणा", "लिखा", "जोड़ा", "दावा", "आह्वान", "आग्रह",
                     "प्रशंसा", "वादा", "स्वीकार"}),
    "ur": frozenset({"کہا", "بتایا", "اعلان", "لکھا", "دعویٰ"}),
    "fr": frozenset({"a dit", "dit", "déclaré", "affirmé", "ajouté", "souligné", "estimé", "écrit"}),
    "es": frozenset({"dijo", "afirmó", "declaró", "señaló", "añadió", "aseguró", "escribió"}),
}

#: Verb-final languages whose news opens a sentence with the speaker and a comma and ends it with the verb of saying
#: (Turkish *Zelkan Yavaş, ... olduğunu söyledi.*): the name is that far from the verb.
SPEAKER_FIRST: frozenset[str] = frozenset({"tr", "az", "uz", "kk", "ky"})

#: Languages that write an office's lower-case title after what it heads, without a genitive (Azerbaijani *Xarici
#: İşlər naziri*, foreign affairs minister; Turkish *Zelmorraspor başkanı*, the club's chairman): a capitalised run
#: right before such a title names the portfolio, body or place, not the person.
TITLE_AFTER_WHAT_IT_HEADS: frozenset[str] = frozenset({"tr", "az", "uz", "kk", "ky"})

#: lang -> the word that marks the agent of a past transitive verb and stands between a name and the
#: verb of saying in split-ergative languages ("NAME ने कहा").
AGENT_MARKERS: dict[str, frozenset[str]] = {
    "hi": frozenset({"ने"}),
    "ur": frozenset({"نے"}),
}

#: Languages that capitalise every noun: a lone capitalised word there is no evidence of a name.
NOUN_CAPITALISING: frozenset[str] = frozenset({"de", "lb"})
#: Languages that capitalise common words besides a sentence's first: English months, weekdays and title-case
#: headlines (*November*, *War* in *Russia-Ukraine War*), which are common in other languages too.
TITLE_CASING: frozenset[str] = frozenset({"en"})

#: Lower-case particles inside people's names (``Ursula von der Leyen``, ``Baszar al-Asad``, ``Zia-ul-Haq``):
#: a capitalised run continues over them when a capitalised piece follows. Joined by hyphens they are safe
#: in any language (``HYPHEN_PARTICLES``); written apart (``SPACED_PARTICLES``, per language, "*" otherwise)
#: only those that are no common word of the language: Turkish writes the clitic ``de`` ("too") apart, so
#: ``Ahmet de Mehmet`` is two names there. The Persian/Urdu ezafe ``-e-`` is left out: it joins the words of
#: organisations' names (``Tehreek-e-Insaf``) more often than people's. ``AFTER_PARTICLE`` ones (``der``)
#: count only after another particle, since they are also articles (German ``sagte Müller der Zeitung``).
HYPHEN_PARTICLES: frozenset[str] = frozenset({
    "al", "el", "ul", "ud", "ur", "ad", "as", "an", "ash", "az", "ibn", "bin", "abu",
    "аль", "ал", "эль", "ель", "уль", "ул", "уд", "ур", "ад", "ас", "ибн", "бин", "абу", "әл"})
_SPACED_ANYWHERE = frozenset({"von", "van", "zu", "de", "da", "dos", "del", "della", "di", "bin", "ibn", "bint", "abu",
                              "ben", "ter", "фон", "ван", "бин", "бен", "ибн", "абу"})
SPACED_PARTICLES: dict[str, frozenset[str]] = {
    "*": _SPACED_ANYWHERE,
    # German "da" (there, since) stands before capitalised nouns: *weil Müller da Recht hat*
    "de": _SPACED_ANYWHERE - {"da"},
    "tr": _SPACED_ANYWHERE - {"de", "da"},
    "az": _SPACED_ANYWHERE - {"de", "da"},
}
AFTER_PARTICLE: frozenset[str] = frozenset({"der", "den", "la", "дер"})

#: lang -> the only endings a title takes, where any few letters after one make other words (Turkish *papa* in
#: *papatya*, *kral* in *Kralkızı*, *hakim* in *Hakimiyet*): its possessive, case and plural endings.
TITLE_ENDINGS: dict[str, frozenset[str]] = {"tr": frozenset({
    "ı", "i", "u", "ü", "sı", "si", "su", "sü", "yı", "yi", "yu", "yü", "a", "e", "ya", "ye", "ın", "in", "un", "ün",
    "nın", "nin", "nun", "nün", "ına", "ine", "una", "üne", "sına", "sine", "suna", "süne", "nı", "ni", "nu", "nü",
    "sını", "sini", "sunu", "sünü", "yla", "yle", "ıyla", "iyle", "uyla", "üyle", "sıyla", "siyle", "suyla", "süyle",
    "da", "de", "ta", "te", "dan", "den", "tan", "ten", "nda", "nde", "ndan", "nden", "sında", "sinde", "sından",
    "sinden", "lar", "ler", "ları", "leri", "ların", "lerin"})}
