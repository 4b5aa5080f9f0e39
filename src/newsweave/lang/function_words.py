"""Function words of languages that ``wordfreq`` has no list for: what its top words give the others.

The layers read a language's hundred commonest words as its function words (:func:`newsweave.kb.frequency.top_words`):
no name opens or runs on over them (*Бу вазирлик* "this ministry", *Ушбу Марказий банк*). Uzbek and Kazakh have no
``wordfreq`` list, so their determiners, pronouns, conjunctions, postpositions and the commonest adverbs are written
out here, Uzbek in both its scripts (the apostrophe as the gazetteer folds it).
"""

from __future__ import annotations

FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "uz": frozenset({
        "бу", "шу", "ушбу", "мазкур", "у", "ва", "билан", "учун", "лекин", "аммо", "бироқ", "ҳам", "эса",
        "ҳар", "барча", "бир", "бошқа", "айрим", "баъзи", "кўплаб", "қайси", "нима", "ким", "бўйича",
        "орқали", "сўнг", "кейин", "олдин", "ҳозир", "бугун", "кеча", "эртага", "шунингдек", "ҳамда", "ёки",
        "агар", "чунки", "деб", "дея", "яна", "энг", "жуда", "бутун", "bu", "shu", "ushbu", "mazkur", "u",
        "va", "bilan", "uchun", "lekin", "ammo", "biroq", "ham", "esa", "har", "barcha", "bir", "boshqa",
        "ayrim", "ba'zi", "ko'plab", "qaysi", "nima", "kim", "bo'yicha", "orqali", "so'ng", "keyin", "oldin",
        "hozir", "bugun", "kecha", "ertaga", "shuningdek", "hamda", "yoki", "agar", "chunki", "deb", "deya",
        "yana", "eng", "juda", "butun"
    }),
    "kk": frozenset({
        "бұл", "осы", "сол", "ол", "және", "мен", "бен", "пен", "үшін", "бірақ", "алайда", "әр", "барлық",
        "бір", "басқа", "кейбір", "көптеген", "қай", "не", "кім", "бойынша", "арқылы", "кейін", "бұрын",
        "қазір", "бүгін", "кеше", "ертең", "сондай-ақ", "әрі", "немесе", "егер", "себебі", "деп", "тағы",
        "ең", "өте", "бүкіл", "ал", "енді", "әсіресе", "мына", "бірнеше", "біздің", "өйткені", "сонымен",
        "дегенмен", "яғни", "тіпті", "жалпы"
    }),
}
