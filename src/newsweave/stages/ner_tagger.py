"""Small CRF sequence taggers (python-crfsuite), one per language, stacked on the rule layers.

Trained by ``scripts/train_ner.py`` (``make ner-model``) only on permissively licensed data: GermEval 2014
(de, CC BY 4.0), KazNERD (kk, CC BY 4.0) and IL-NER (hi, ur, CC BY 4.0); never on SlavicNER. Russian has no
model of its own (natasha tags it better than a CRF trained on FactRuEval did). One universal model
(:data:`UNIVERSAL`, trained on all those sets and FactRuEval 2016, ru, MIT) reads no words, only the cues every
language shares, and only types the untyped names of languages without a model (:meth:`CRFTagger.guess_types`).
Its features are the word itself
(affixes, shape, frequency in half-Zipf steps, script), its neighbours, whether the gazetteer knows the word
(or one of its inflection bases) on its own and as what, whether the person-name lists hold it as a given name or
a surname (German PER F1 on GermEval's held-out third .66 -> .72), whether the document writes it capitalised
mid-sentence elsewhere, and what the earlier layers found (gazetteer hits, titles, verbs of saying,
organisation heads), so the model learns when to trust each rule and what else looks like a name in its language.
Hindi and Urdu (one spoken language in two scripts) each train on both sets: the layers' cues are the same.

Words that derive from or contain a name (GermEval's ``deutsche``, ``EU-weit``) are taught as their own label
(``DONT_CARE``), not as ``O``: taught as ``O`` they made the model distrust the gazetteer's hits. The tagger
claims nothing for them.

One model per language: a capital letter means one thing in German (every noun) and another in Kazakh,
and a shared model let the largest set (KazNERD) set the weights for all. The metadata file says, per
language, whether the tagger is used at all and how it combines with the rule layers (``mode``), both
chosen by the training script on a validation slice of the training data:

* ``fill``: the tagger only claims pieces no earlier layer claimed;
* ``override``: in the sentences it reads, the tagger decides: earlier findings (except the user's KB) are
  withdrawn unless it labels the same span (the user's KB, acronyms explained in brackets and the organisations
  the gazetteer lists stay), and the capitalisation layer leaves those sentences alone;
* ``places``: as ``override``, but countries and big cities the gazetteer found stay (``Berlin`` standing for
  Germany's government is still a place, not the person a German tagger guesses from its context), and one that a
  withdrawn finding had taken in (*दिल्ली पुलिस*) is read again on its own where the tagger claims nothing over it.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from newsweave.kb import frequency
from newsweave.kb.gazetteer import Gazetteer, inflection_bases, load_gazetteer, script_of
from newsweave.lang.titles import AGENT_MARKERS
from newsweave.stages import entities as ent

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).with_name("data")
META_PATH = DATA_DIR / "ner_crf.json"
#: Types the taggers predict (mapped from each training set's labels; MISC only GermEval has).
TYPES = ("PER", "LOC", "ORG", "MISC")
#: Label of words that derive from or contain a name (trained where a set marks them; never claimed).
DONT_CARE = "DRV"
#: From the mode that keeps most of the rule layers' findings to the one that keeps fewest.
MODES = ("fill", "places", "override")
#: Layers whose findings an ``override`` tagger never withdraws: the user's own knowledge base, an acronym
#: with the name it spells out, which the text itself defines (a model trained on a few hundred sentences that
#: misses ``परिषद (एनटीसी)`` must not erase it), and a concept's acronym held as no name (German *BIP*).
KEPT_LAYERS = frozenset({"kb", "acronym", "concept"})
#: Type -> the gazetteer's id namespaces of the names an ``override`` tagger never withdraws (:func:`_listed_name`).
LISTED_NAMESPACES: dict[str, tuple[str, ...]] = {"ORG": ("org:", "iso:"), "PER": ("per:",)}
#: In ``places`` mode, gazetteer places at least this important stay (countries have 2-3, a city of a million 1.6).
KEPT_PLACE_PRIORITY = ent.CASELESS_CITY_MIN_PRIORITY
#: Least marginal of a span's labels for the tagger to claim it alone (where no rule layer found the same name):
#: below even odds the model itself thinks the span more likely wrong than right. (German, 4-fold cross-validation
#: over GermEval's training part: F1 .548 claiming every span, .550 at 0.5, .541 at 0.6; Kazakh .823, .824, .820.)
MIN_MARGINAL = 0.5
#: Types the universal model may give a name (its MISC, trained only on GermEval's, is left to the rules).
GUESSED_TYPES = ("PER", "LOC", "ORG")
#: The universal model's lowest marginal for a type it gives an untyped name: below 0.6, wrong types outnumbered
#: right ones on SlavicNER (evaluation only; held out on Kazakh, the model was neutral at any threshold).
GUESS_MIN_MARGINAL = 0.6
#: Pieces either side of an untyped name that the universal model reads (its features look two pieces away).
GUESS_WINDOW = 5
#: The delexicalised model for languages without their own (see :func:`features` without ``lexical``).
UNIVERSAL = "xx"
#: Sentences longer than this (in pieces) are not tagged: lists and tables, not prose.
MAX_SENTENCE_PIECES = 400


def model_path(lang: str) -> Path:
    """Where the model for one language lives."""
    return DATA_DIR / f"ner_crf_{lang}.crfsuite"


@lru_cache(maxsize=200_000)
def _shape(text: str) -> str:
    """The word's letter classes with runs collapsed: ``Xx``, ``X``, ``Xx.X`` -> ``XxX``, ``d``, ``xXx``.

    Remembered per word: each piece's shape is asked by its own features and its two neighbours'."""
    out = []
    for ch in text[:12]:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else "o" if ch.isalpha() else "m"
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def _case(tok: ent.Tok) -> str:
    if not tok.key:
        return "junk"
    if tok.key.isdigit():
        return "digit"
    if not tok.cased:
        return "caseless"
    if tok.upper:
        return "upper"
    if tok.cap:
        return "cap"
    return "lower"


def _sep_class(sep_text: str) -> str:
    """What punctuation stands before a piece: quotes and brackets often enclose titles (GermEval OTH)."""
    s = sep_text.strip()
    if not s:
        return "sp"
    if any(ch in "\"„“”«»‚‘'" for ch in s):
        return "quote"
    if any(ch in "([" for ch in s):
        return "open"
    if any(ch in ")]" for ch in s):
        return "close"
    if any(ch in ".!?…।" for ch in s):
        return "stop"
    if "," in s or ";" in s:
        return "comma"
    if ":" in s:
        return "colon"
    return "other"


@lru_cache(maxsize=200_000)
def _gazetteer_cue(text: str, key: str, lang: str) -> str:
    """What the gazetteer knows a single word (or one of its inflection bases) as, with its importance in
    half-steps of priority: ``gaz=LOC5`` for a city of 100,000, ``gaz=LOC6`` for a country; "" if unknown.

    Unlike the gazetteer layer's hits, this does not depend on the word being accepted as a place in its
    context, so the model can weigh a known name against the context itself.
    """
    gaz = load_gazetteer()
    best = None
    for base in inflection_bases(text, key, lang):  # the word itself first, then its inflection bases
        entry = gaz.lookup((base,))
        if entry is not None and (best is None or entry.priority > best.priority):
            best = entry
    if best is None and script_of(text) == "DEVANAGARI" and frequency.zipf(key, lang) < ent.SPELLING_VARIANT_MAX_ZIPF:
        best = gaz.lookup_spoken(text)  # a town GeoNames names in Latin letters alone (*पानीपत*)
    return "" if best is None else f"gaz={best.type}{min(int(best.priority * 2), 6)}"


class Cues:
    """One document's memo of its pieces' cues (each is used by five pieces' features) and document-wide sets."""

    def __init__(self, doc: ent._Doc, owner: list[int] | None = None) -> None:
        self.by_piece: dict[int, list[str]] = {}
        #: Words the document writes capitalised mid-sentence (a name, or a German noun) somewhere.
        self.capitalised = frozenset(t.key for t in doc.toks if t.cap and not t.sent_start and not t.upper)
        #: Which finding owns each piece, as the tagger's layer saw it (later layers' findings are not cues).
        self.owner = doc.owner if owner is None else owner


def _token_features(doc: ent._Doc, k: int, cues: Cues) -> list[str]:
    """The cues of one piece that its own and its neighbours' features repeat."""
    tok = doc.toks[k]
    capitalised = cues.capitalised
    owner = cues.owner[k]
    found = doc.found[owner] if owner >= 0 else None
    zipf = frequency.zipf(tok.key, tok.lang) if tok.key else 0.0
    if found is None:
        where = "found=-"
    else:
        pos = "B" if found.i == k else "I"
        where = f"found={pos}{found.type}:{found.layer}"
    abroad = frequency.abroad(tok.key, tok.lang) if tok.key else 0
    cues = [f"case={_case(tok)}", f"z={int(zipf * 2)}", f"abroad={min(abroad, 4)}", where,
            f"pre={_sep_class(tok.sep_text)}"]
    if tok.cap and tok.key in doc.lower_keys:
        cues.append("lowseen")
    if tok.key and ent.listed_given_name(tok):
        cues.append("given")
    if tok.key and ent.listed_surname(tok):
        cues.append("surname")
    if doc.quoted[k]:
        cues.append("quoted")
    if tok.key:
        gaz = _gazetteer_cue(tok.text, tok.key, tok.lang)
        if gaz:
            cues.append(gaz)
    if tok.cap and not tok.sent_start and tok.key in capitalised:
        cues.append("capseen")
    if tok.sep != "space":
        cues.append(f"sep={tok.sep}")
    for name, flag in (("title", ent._is_title(doc.toks, k)), ("rep", tok.key in ent._reporting(tok.lang)),
                       ("org", ent._is_org_head(tok)), ("loc", ent._is_loc_head(tok)), ("stop", ent._is_stop(tok))):
        if flag:
            cues.append(name)
    return cues


def features(doc: ent._Doc, k: int, cues: Cues | None = None, lexical: bool = True) -> list[str]:
    """The CRF features of piece ``k``: the word, its affixes, shape and script, and its neighbours' cues.

    ``cues`` (built once per document) memoises :func:`_token_features`. Without ``lexical`` the words and
    affixes are left out: the universal model reads only cues that mean the same in every language.
    """
    cues = Cues(doc) if cues is None else cues
    memo = cues.by_piece

    def cue(j: int) -> list[str]:
        if j not in memo:
            memo[j] = _token_features(doc, j, cues)
        return memo[j]

    toks = doc.toks
    tok = toks[k]
    key = tok.key
    feats = [f"shape={_shape(tok.text)}", f"len={min(len(key), 12) // 3}", f"script={script_of(tok.text)[:4]}"]
    if lexical:
        feats.extend((f"w={key}", f"s1={key[-1:]}", f"s2={key[-2:]}", f"s3={key[-3:]}", f"s4={key[-4:]}",
                      f"p2={key[:2]}", f"p3={key[:3]}", f"p4={key[:4]}"))
    if tok.sent_start:
        feats.append("sent0")
    feats.extend(cue(k))
    for off in (-2, -1, 1, 2):
        j = k + off
        if not 0 <= j < len(toks):
            feats.append(f"{off}:edge")
            continue
        other = toks[j]
        if lexical:
            feats.append(f"{off}:w={other.key}")
        if abs(off) == 1:
            if lexical:
                feats.append(f"{off}:s3={other.key[-3:]}")
            feats.append(f"{off}:shape={_shape(other.text)}")
        feats.extend(f"{off}:{c}" for c in cue(j))
    if lexical and k > 0:
        feats.append(f"w-1|w={toks[k - 1].key}|{key}")
    if lexical and k + 1 < len(toks):
        feats.append(f"w|w+1={key}|{toks[k + 1].key}")
    return feats


def sentences(doc: ent._Doc) -> list[list[int]]:
    """Piece indices grouped into sentences (a sentence starts at a piece marked ``sent_start``)."""
    out: list[list[int]] = []
    for k, tok in enumerate(doc.toks):
        if tok.sent_start or not out:
            out.append([])
        out[-1].append(k)
    return out


def dominant_script(doc: ent._Doc, sent: list[int]) -> str:
    """The script most of a sentence's words are written in ("" when it has no letters)."""
    counts = Counter(script_of(doc.toks[k].text) for k in sent if doc.toks[k].key)
    counts.pop("", None)
    return counts.most_common(1)[0][0] if counts else ""


def prepare(doc: ent._Doc, stage: ent.EntityStage) -> None:
    """Run the layers the tagger's features look at (everything before it in the stage)."""
    stage.run_layers(doc, until="tagger")


def decode(labels: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) runs of a BIO label sequence; a stray ``I-`` starts a run."""
    spans = []
    start = None
    for pos, label in enumerate([*labels, "O"]):
        if start is not None and not (label.startswith("I-") and label[2:] == labels[start][2:]):
            spans.append((start, pos, labels[start][2:]))
            start = None
        if label.startswith("B-") or (label.startswith("I-") and start is None):
            start = pos
    return spans


def _inside_compound(doc: ent._Doc, i: int) -> bool:
    """Whether a span starts inside a hyphenated compound, after a word of it, where a language capitalises all its
    nouns: German *Drei-Meter-Brett* is a board, not the person *Brett*; a name the compound holds is part of the
    word, not a mention of its own."""
    tok = doc.toks[i]
    return i > 0 and tok.sep == "hyphen" and tok.lang in ent.NOUN_CAPITALISING and doc.toks[i - 1].key.isalpha()


def _without_lowercase_tail(doc: ent._Doc, i: int, j: int) -> int:
    """The end of a span without the lower-case words a tagger ran on into, where a language capitalises all its
    nouns and so every word a name ends in (German *Gewerkschaft Verdi rief*: the verb is no part of the union)."""
    toks = doc.toks
    while j - i > 1 and toks[j - 1].lang in ent.NOUN_CAPITALISING and toks[j - 1].cased \
            and toks[j - 1].text.islower():
        j -= 1
    return j


def _opens_with_place(doc: ent._Doc, i: int, j: int) -> bool:
    """Whether pieces ``i``..``j`` are a kept place's name and free words after it (an organisation named after
    its country, *भारत सरकार* "Government of India", which the tagger reads whole)."""
    idx = doc.owner[i]
    if idx < 0:
        return False
    place = doc.found[idx]
    return place.type == "LOC" and place.i == i and place.j < j and doc.free(place.j, j)


#: A caseless person span whose every word is at least this frequent (Zipf) and none a listed given name is words
#: of the language the tagger misread, no name.
COMMON_SPAN_ZIPF = 4.5


def _common_words_only(doc: ent._Doc, i: int, j: int) -> bool:
    """Whether pieces [i, j) are caseless words of the language only (:data:`COMMON_SPAN_ZIPF`), none a given name."""
    toks = doc.toks
    return all(not toks[k].cased and not ent.listed_given_name(toks[k])
               and frequency.zipf(toks[k].key, toks[k].lang) >= COMMON_SPAN_ZIPF for k in range(i, j))


#: Words before an agent marker rarer than this (Zipf) are an unseen name, not a noun (*सरकार ने*, the government).
AGENT_NAME_ZIPF = 3.0


def _unseen_agents(doc: ent._Doc, sent: list[int]) -> None:
    """The rare words right before an agent marker that the tagger left unlabelled (Hindi *मोरवाल ने ... ऐलान किया*,
    :data:`newsweave.lang.titles.AGENT_MARKERS`) are a person's name: the marker follows the doer of a deed, and a
    doer whose name is no word of the language is a person the model has not seen. Titles in a rare inflected form
    are not (*राष्ट्रपतियों ने*, the presidents)."""
    toks = doc.toks
    markers = AGENT_MARKERS.get(toks[sent[0]].lang)
    if not markers:
        return
    for m in sent:
        if toks[m].key not in markers or m == sent[0] or toks[m].sep != "space":
            continue
        k = m
        while k > sent[0] and m - k < 3 and doc.owner[k - 1] < 0 and not toks[k - 1].cased \
                and toks[k - 1].key and frequency.zipf(toks[k - 1].key, toks[k - 1].lang) < AGENT_NAME_ZIPF \
                and not ent._is_title(toks, k - 1) and (k == m or toks[k].sep == "space"):
            k -= 1
        if k < m:
            doc.claim(ent.Found(k, m, "PER", 0.5, "pattern", ent._lemma(doc, k, m)))


#: Shortest word read as a lone surname by its ending: Kazakh *Ұлы* ("great") ends as *-ұлы* patronymics do.
LONE_SURNAME_MIN_CHARS = 6


def _lone_surnames(doc: ent._Doc, sent: list[int]) -> None:
    """A capitalised word the tagger left unlabelled that is shaped as a surname where no other word of its language
    is (:func:`newsweave.stages.entities.lone_surname`: Kazakh *Велкенбаевтің*, *Тұрлыбековпен*) is a person: a
    model trained on a few thousand names reads the surnames it saw, not an unseen one standing alone."""
    toks = doc.toks
    for k in sent:
        tok = toks[k]
        if doc.owner[k] >= 0 or not tok.cased or not tok.cap or tok.upper or len(tok.key) < LONE_SURNAME_MIN_CHARS \
                or not ent.lone_surname(tok) or frequency.zipf(tok.key, tok.lang) >= ent.COMMON_ZIPF:
            continue
        start = k
        before = doc.owner[k - 1] if k > sent[0] and toks[k].sep == "space" else -1
        if before >= 0 and doc.found[before].type == "PER" and doc.found[before].j == k:
            start = doc.found[before].i  # "Абай" tagged, "Құнанбайұлының" not: one name
            doc.release(before)
        elif k > sent[0] and toks[k].sep == "space" and before < 0 and toks[k - 1].cap and not toks[k - 1].upper \
                and (ent.listed_given_name(toks[k - 1]) or (not toks[k - 1].sent_start
                     and frequency.zipf(toks[k - 1].key, toks[k - 1].lang) < ent.COMMON_ZIPF)):
            start = k - 1  # "Депутат Жәмила Нұрманбетова": the first name before it
        doc.claim(ent.Found(start, k + 1, "PER", 0.5, "pattern", ent._lemma(doc, start, k + 1)))


class CRFTagger:
    """Tags the sentences of the languages that have a model, each combined with the rules by its mode.

    A sentence is tagged only when written in a script the model saw for its language: an English
    tweet inside a Hindi article (no segment language given) is not read with the Hindi model.
    """

    def __init__(self, models: dict[str, Path], scripts: dict[str, list[str]], modes: dict[str, str],
                 gazetteer: Gazetteer | None = None, universal: Path | None = None) -> None:
        import pycrfsuite

        self.taggers = {}
        for lang, path in models.items():
            tagger = pycrfsuite.Tagger()
            tagger.open(str(path))
            self.taggers[lang] = tagger
        self.scripts = {lang: frozenset(v) for lang, v in scripts.items()}
        self.modes = {lang: modes.get(lang, "fill") for lang in self.taggers}
        #: The stage's gazetteer, to tell big places from small ones (``places`` mode).
        self.gazetteer = gazetteer
        #: The delexicalised model for every other language written in a cased script (see :data:`UNIVERSAL`).
        self.universal = None
        if universal is not None:
            self.universal = pycrfsuite.Tagger()
            self.universal.open(str(universal))

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(self.taggers)

    def tag(self, doc: ent._Doc) -> None:
        """Claim the spans the CRF labels as names (layer ``tagger``), as each language's mode says."""
        cues = Cues(doc)
        for sent in sentences(doc):
            lang = doc.toks[sent[0]].lang
            tagger = self.taggers.get(lang)
            if tagger is None:
                if self.universal is not None and lang not in ent._NATASHA_LANGS and doc.tagger_owner is None:
                    doc.tagger_owner = list(doc.owner)  # the universal model reads these later (guess_types)
                continue
            if len(sent) > MAX_SENTENCE_PIECES or dominant_script(doc, sent) not in self.scripts.get(lang, ()) \
                    or any(doc.toks[k].shouted for k in sent):
                continue  # a headline in capitals: the gazetteer's names stand, the model learnt from case
            labels = tagger.tag([features(doc, k, cues) for k in sent])
            mode = self.modes[lang]
            kept: dict[tuple[int, int], ent.Found] = {}
            if mode != "fill":
                kept = self._withdraw(doc, sent, keep_places=mode == "places")
            for start, end, kind in decode(labels):
                if kind not in TYPES:
                    continue
                i, j = sent[start], sent[end - 1] + 1
                if _inside_compound(doc, i):
                    continue
                if kind == "PER" and ent._is_loc_head(doc.toks[j - 1]) and not ent.listed_surname(doc.toks[j - 1]):
                    kind = "LOC"  # no person's name ends in a place's head word (*Zelmorra-Basistunnel*)
                elif kind == "PER" and j - i >= 2 and ent._is_org_head(doc.toks[j - 1]) \
                        and not ent.listed_surname(doc.toks[j - 1]):
                    kind = "ORG"  # nor in an organisation's (*गाज़ियाबाद पुलिस*, *प्रवर्तन निदेशालय*)
                if kind == "PER" and j - i >= 2 and _common_words_only(doc, i, j):
                    continue  # "राष्ट्रपति शासन लागू" (president's rule imposed): words of the language, no name
                if kind == "PER":
                    i, j = ent.person_start(doc, i, j), ent.over_particles(doc, j)
                j = _without_lowercase_tail(doc, i, j)
                marginal = min(tagger.marginal(labels[p], p) for p in range(start, end))
                conf = round(0.75 * marginal, 3)
                old = kept.get((i, j))
                if old is not None and old.type == kind:
                    doc.claim(ent.Found(i, j, kind, max(conf, old.confidence), old.layer, old.lemma, old.kb_id))
                elif marginal >= MIN_MARGINAL:
                    if kind == "ORG" and _opens_with_place(doc, i, j):
                        doc.release(doc.owner[i])  # "भारत सरकार": the kept country opens the organisation's name
                    if doc.free(i, j):
                        doc.claim(ent.Found(i, j, kind, conf, "tagger", ent._lemma(doc, i, j)))
            self._restore(doc, kept.values(), mode == "places")
            if mode == "override":
                _lone_surnames(doc, sent)
            _unseen_agents(doc, sent)

    def guess_types(self, doc: ent._Doc) -> None:
        """Give the capitalisation layer's untyped names (MISC) the type the universal model reads from their
        context, in languages without a model of their own, where it reads the same run with a marginal of at
        least ``GUESS_MIN_MARGINAL``. Only a window of ``GUESS_WINDOW`` pieces either side of each such name is
        tagged, with the cues the tagger's layer saw (``doc.tagger_owner``), as in training."""
        if self.universal is None or doc.tagger_owner is None:
            return
        untyped = {f.i: f for f in doc.found if f.emit and f.type == "MISC" and f.layer == "capitalisation"}
        if not untyped:
            return
        cues = Cues(doc, doc.tagger_owner)
        tagger = self.universal
        for sent in sentences(doc):
            lang = doc.toks[sent[0]].lang
            if lang in self.taggers or lang in ent._NATASHA_LANGS:
                continue
            for f in (untyped[k] for k in sent if k in untyped):
                window = range(max(sent[0], f.i - GUESS_WINDOW), min(sent[-1] + 1, f.j + GUESS_WINDOW))
                labels = tagger.tag([features(doc, k, cues, lexical=False) for k in window])
                start, end = f.i - window.start, f.j - window.start
                kind = labels[start][2:]
                if labels[start].startswith("B-") and kind in GUESSED_TYPES and \
                        all(label == "I-" + kind for label in labels[start + 1:end]) and \
                        (end == len(labels) or labels[end] != "I-" + kind) and \
                        min(tagger.marginal(labels[p], p) for p in range(start, end)) >= GUESS_MIN_MARGINAL:
                    f.type = kind

    def _withdraw(self, doc: ent._Doc, sent: list[int], keep_places: bool) -> dict[tuple[int, int], ent.Found]:
        """Withdraw the earlier findings inside a sentence the tagger decides; they stay readable by span."""
        kept: dict[tuple[int, int], ent.Found] = {}
        for k in sent:
            doc.decided[k] = True
            idx = doc.owner[k]
            if idx < 0:
                continue
            f = doc.found[idx]
            if f.layer in KEPT_LAYERS or (f.emit and self._stays(doc, f, keep_places)):
                continue
            if f.emit:  # read before the release, which clears it
                kept[(f.i, f.j)] = f
            doc.release(idx)
        return kept

    def _restore(self, doc: ent._Doc, withdrawn: Iterable[ent.Found], keep_places: bool) -> None:
        """Read again on its own a place that stays (:meth:`_stays`) which a withdrawn finding had taken into its span,
        where the tagger claimed nothing over it (*दिल्ली पुलिस*: the police withdrawn, Delhi is still Delhi)."""
        for old in withdrawn:
            for f in [f for f in doc.found if not f.emit and old.i <= f.i and f.j <= old.j and f is not old]:
                if self._stays(doc, f, keep_places) and doc.free(f.i, f.j):
                    doc.claim(replace(f, emit=True))

    def _stays(self, doc: ent._Doc, f: ent.Found, keep_places: bool) -> bool:
        """Whether a finding stays in a sentence the tagger decides: a listed organisation or person, or an
        important place (in ``places`` mode, or a city with a case ending)."""
        return _listed_name(f) or (self._important_place(f) and (keep_places or _inflected_city(doc, f)))

    def _important_place(self, f: ent.Found) -> bool:
        """A country, a big place, or a place named in several words (*Freiburg im Breisgau*, *Weil am Rhein*: a
        sequence of words chance seldom makes a listed place's name)."""
        if f.type != "LOC" or f.layer != "gazetteer" or not f.kb_id:
            return False
        if f.kb_id.startswith("iso:") or f.j - f.i > 1:
            return True
        entry = self.gazetteer.by_kb_id(f.kb_id) if self.gazetteer is not None else None
        return entry is not None and entry.priority >= KEPT_PLACE_PRIORITY


def _inflected_city(doc: ent._Doc, f: ent.Found) -> bool:
    """A place other than a country written with a case ending (*Мәскеуде*, in Moscow): it says where, and is never
    part of an office's title the way a country is in a set that labels *Ресей Президенті* as one position."""
    return not (f.kb_id or "").startswith("iso:") and doc.toks[f.j - 1].key != ent.fold(f.lemma or "")


def _listed_name(f: ent.Found) -> bool:
    """An organisation or person the gazetteer names (:data:`LISTED_NAMESPACES`: the hand-written lists' ``org:``
    and ``per:`` ids, *Gazprom*, *मोदी*, and the CLDR territories that are organisations, *ООН* ``iso:UN``): as
    sure a finding as an acronym explained in the text, which no tagger trained on a few thousand sentences should
    undo."""
    return f.layer == "gazetteer" and (f.kb_id or "").startswith(LISTED_NAMESPACES.get(f.type, ()))


def load_tagger(gazetteer: Gazetteer | None = None) -> CRFTagger | None:
    """The shipped CRF models, or None when none is installed (the stage then runs without them)."""
    if not META_PATH.exists():
        return None
    try:
        meta = json.loads(META_PATH.read_text(encoding="utf-8"))
        models = {lang: model_path(lang) for lang in meta.get("languages", []) if model_path(lang).exists()}
        universal = model_path(UNIVERSAL) if meta.get("universal") and model_path(UNIVERSAL).exists() else None
        if not models and universal is None:
            return None
        return CRFTagger(models, meta.get("scripts", {}), meta.get("modes", {}), gazetteer, universal)
    except (OSError, ValueError) as exc:
        log.warning("CRF tagger not loaded (%s); recognition runs without it", exc)
        return None
