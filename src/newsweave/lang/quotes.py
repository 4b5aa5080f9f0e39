"""Quotation marks, reporting verbs and speaker back-references per language: who said the quoted words.

Data, not code: the quote stage looks these up. Word forms use the ``*`` stem convention of
:mod:`newsweave.lang.numbers` (``powiedzia*`` matches ``powiedział`` and ``powiedziała``) and are matched
lower-cased; multi-word forms ("ने कहा", "деб ёзган") are matched word by word. ``"*"`` holds forms
found in any language's text (English is quoted everywhere).
"""

from __future__ import annotations

#: Opening mark -> closing marks it pairs with. German „…“ and Polish „…” share the opener; English “…” and
#: German „…“ share a character in different roles, so an opener is paired with the first fitting closer.
QUOTE_PAIRS: dict[str, str] = {
    "„": "“”\"",
    "“": "”",
    "«": "»",
    "»": "«",
    "‚": "‘’",
    "‘": "’",
    "「": "」",
    "『": "』",
    "‹": "›",
    "›": "‹",
    "\"": "\"",
    "《": "》",
}

#: Characters that introduce a line of direct speech ("- Gerçekten de …", "— Мы …").
SPEECH_DASHES: str = "-–—―"

#: Shortest quotation kept, in words: one- and two-word quoted spans are names and terms («Российская газета»).
MIN_QUOTE_WORDS: int = 3

#: Reporting verbs (and verb phrases) that attribute quoted words to a speaker.
REPORTING_VERBS: dict[str, tuple[str, ...]] = {
    "*": ("said", "says", "say", "told", "added", "stated", "noted", "stressed", "emphasised", "emphasized",
          "declared", "wrote", "writes", "tweeted", "posted", "asked", "explained", "insisted", "warned",
          "argued", "according to", "claimed", "replied", "announced", "concluded", "called", "described"),
    "de": ("sagt*", "sagen", "erklärt*", "betont*", "fügte*", "hinzu", "meint*", "schrieb*", "schreibt",
           "bezeichnet*", "unterstrich*", "erzählt*", "warnt*", "teilte*", "lobte*", "nannte*",
           "äußerte*", "zufolge", "laut", "stellte*", "forderte*", "versicherte*", "bekräftigte*", "antwortete*"),
    "pl": ("powiedzia*", "mówi*", "dodał*", "dodaje", "oceni*", "stwierdzi*", "podkreśli*", "zaznaczy*",
           "oświadczy*", "napisa*", "pisze", "zauważy*", "wskaza*", "przekonywa*", "zapewni*", "zadeklarowa*",
           "ostrzeg*", "tłumaczy*", "odpowiedzia*", "według", "cytowa*", "podziękowa*"),
    "cs": ("řekl*", "uvedl*", "dodal*", "prohlásil*", "zdůraznil*", "napsal*", "podle", "míní", "uvádí"),
    "ru": ("сказал*", "заявил*", "отметил*", "добавил*", "подчеркнул*", "написал*", "пишет", "считает",
           "говорит", "сообщил*", "заметил*", "по словам", "признал*", "ответил*", "уточнил*", "назвал*"),
    "uk": ("сказав", "сказала", "заявив", "заявила", "зазначив", "зазначила", "додав", "додала", "наголосив",
           "написав", "за словами", "повідомив"),
    "bg": ("каза", "заяви", "посочи", "добави", "подчерта", "написа", "според"),
    "kk": ("деді", "деп", "айтты", "атап өтті", "мәлімдеді", "жазды", "қосты"),
    "uz": ("деди", "дейди", "деб", "ёзган", "ёзди", "таъкидла*", "билдир*", "қўшимча", "айтди", "айтган",
           "хулоса", "эслат*", "эслади", "маълум қил*", "dedi", "deydi", "deb", "yozgan", "ta'kidla*", "taʼkidla*",
           "bildir*", "aytdi"),
    "tr": ("dedi", "diyor", "diye", "söyledi", "belirtti", "vurguladı", "ifade etti", "ekledi", "açıkladı",
           "kaydetti", "yazdı", "göre", "bildirdi", "dile getirdi", "aktardı", "nitelendirdi"),
    "az": ("dedi", "deyib", "bildirib", "qeyd edib", "vurğulayıb", "əlavə edib", "yazıb"),
    "hi": ("कहा", "कहते", "कहती", "कहना", "बताया", "लिखा", "जोड़ा", "ज़ोर देकर", "जोर देकर", "घोषणा", "के अनुसार",
           "ट्वीट", "बोले", "बोलीं"),
    "ur": ("کہا", "بتایا", "لکھا", "کے مطابق"),
    "fr": ("a dit", "a déclaré", "déclare", "a affirmé", "affirme", "a ajouté", "ajoute", "a souligné", "selon",
           "a écrit", "estime", "a indiqué"),
    "es": ("dijo", "afirmó", "declaró", "añadió", "señaló", "subrayó", "escribió", "según", "aseguró"),
    "it": ("ha detto", "ha dichiarato", "ha aggiunto", "ha sottolineato", "secondo", "ha scritto"),
    "ar": ("قال", "وقال", "أضاف", "وأضاف", "أكد", "وأكد", "صرح", "كتب", "بحسب", "وفقا"),
    "zh": ("说", "表示", "指出", "强调", "称", "写道"),
}

#: Nouns that stand for a person already named ("the leader", "rosyjski przywódca", "der Staatschef",
#: "Қозоғистон раҳбари"): resolved to the nearest earlier fitting person.
BACKREF_NOUNS: dict[str, tuple[str, ...]] = {
    "*": ("leader", "president", "premier", "minister", "chancellor", "official", "head of state", "spokesman",
          "spokeswoman", "spokesperson", "counterpart"),
    "de": ("führer*", "staatschef*", "präsident*", "kanzler*", "minister*", "beamte*", "amtskollege*",
           "regierungschef*", "sprecher*", "politiker*", "diplomat*"),
    "pl": ("przywódc*", "prezydent*", "premier*", "minister*", "szef*", "rzeczni*", "polityk*", "głow*"),
    "cs": ("prezident*", "premiér*", "ministr*", "předsed*", "lídr*", "mluvčí"),
    "ru": ("лидер*", "президент*", "глава", "главы", "премьер*", "министр*", "руководител*", "политик*"),
    "uk": ("лідер*", "президент*", "глава", "прем'єр*", "міністр*", "очільник*"),
    "bg": ("лидер*", "президент*", "премиер*", "министър*", "държавен глава"),
    "kk": ("басшы*", "президент*", "көшбасшы*", "министр*"),
    "uz": ("раҳбар*", "президент*", "етакчи*", "вазир*", "давлат раҳбари", "rahbar*", "prezident*", "yetakchi*"),
    "tr": ("lider*", "başkan*", "cumhurbaşkanı", "bakan*", "devlet başkanı", "sözcü*"),
    "az": ("lider*", "prezident*", "nazir*", "dövlət başçısı"),
    "hi": ("राष्ट्रपति", "नेता", "प्रधानमंत्री", "मंत्री", "प्रवक्ता"),
    "ur": ("صدر", "رہنما", "وزیر اعظم", "وزیر"),
    "fr": ("dirigeant*", "président*", "ministre*", "chef*", "porte-parole"),
    "es": ("líder*", "presidente*", "ministr*", "mandatario*", "portavoz"),
    "ar": ("الرئيس", "الزعيم", "الوزير"),
}

#: Personal pronouns (third person) that refer back to the last speaker or person.
PRONOUNS: dict[str, tuple[str, ...]] = {
    "*": ("he", "she"),
    "de": ("er", "sie"),
    "pl": ("on", "ona", "jego", "jej"),
    "cs": ("on", "ona"),
    "ru": ("он", "она", "его", "её"),
    "uk": ("він", "вона"),
    "bg": ("той", "тя"),
    "kk": ("ол",),
    "uz": ("у", "унинг", "u", "uning"),
    "tr": ("o", "kendisi"),
    "az": ("o",),
    "hi": ("उन्होंने", "उसने", "वह", "वे"),
    "ur": ("انہوں", "اس"),
    "fr": ("il", "elle"),
    "es": ("él", "ella"),
    "ar": ("هو", "وهو"),
}

#: Verb-final languages: before a quotation the speaker opens the clause ("मंत्री ने ज़ोर देकर कहा कि", "У … эслатди"),
#: so the first person candidate of the clause is taken rather than the one nearest the verb.
VERB_FINAL: frozenset[str] = frozenset({"tr", "az", "uz", "kk", "ky", "tk", "hi", "ur", "bn", "mr", "fa", "ja", "ko"})

#: A reporting verb after a quotation attributes it only when it comes within this many words of the closing
#: mark ("„…” – powiedział minister", '"…," the finance minister, Laura Diaz, told'); later verbs belong to another
#: clause.
AFTER_VERB_WORDS: int = 8

#: Longest "Name, title:" line (in words) read as the speaker header of the dash-speech paragraphs below it.
HEADER_MAX_WORDS: int = 12
