"""A small CRF sequence tagger (python-crfsuite) that adds statistical recall to the rule layers.

Trained by ``scripts/train_ner.py`` (``make ner-model``) only on permissively licensed data: GermEval
2014 (de, CC BY 4.0), KazNERD (kk, CC BY 4.0), IL-NER (hi, ur, CC BY 4.0) and FactRuEval 2016 (ru,
MIT); never on SlavicNER. Its features are the stage's own pieces and what the earlier layers found
(gazetteer hits, titles, verbs of saying, organisation heads), so the model learns when to trust
them and what else looks like a name in the languages it saw. The model file records the languages
where it measurably raised F1 on held-out data; only those are tagged.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from pathlib import Path

from newsweave.kb.gazetteer import script_of
from newsweave.stages import entities as ent

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).with_name("data") / "ner_crf.crfsuite"
META_PATH = MODEL_PATH.with_suffix(".json")
#: Types the tagger predicts (mapped from each training set's labels; MISC only GermEval has).
TYPES = ("PER", "LOC", "ORG", "MISC")


def _shape(tok: ent.Tok) -> str:
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


def _token_features(doc: ent._Doc, k: int) -> list[str]:
    """The cues of one piece that its own and its neighbours' features repeat."""
    tok = doc.toks[k]
    owner = doc.owner[k]
    found = doc.found[owner] if owner >= 0 else None
    zipf = ent._zipf(tok.key, tok.lang) if tok.key else 0.0
    cues = [f"shape={_shape(tok)}", f"z={int(zipf)}", f"found={found.type}:{found.layer}" if found else "found=-"]
    for name, flag in (("title", ent._is_title(doc.toks, k)), ("rep", tok.key in ent._reporting(tok.lang)),
                       ("org", ent._is_org_head(tok)), ("loc", ent._is_loc_head(tok)), ("stop", ent._is_stop(tok))):
        if flag:
            cues.append(name)
    return cues


def features(doc: ent._Doc, k: int, cues: dict[int, list[str]] | None = None) -> list[str]:
    """The CRF features of piece ``k``: the word, its affixes and shape, and its neighbours' cues.

    ``cues`` memoises :func:`_token_features` over one document (each piece's cues are used five times).
    """
    cues = {} if cues is None else cues

    def cue(j: int) -> list[str]:
        if j not in cues:
            cues[j] = _token_features(doc, j)
        return cues[j]

    tok = doc.toks[k]
    key = tok.key
    feats = [f"lang={tok.lang}", f"w={key}", f"s2={key[-2:]}", f"s3={key[-3:]}", f"s4={key[-4:]}",
             f"p3={key[:3]}", f"sep={tok.sep}"]
    if tok.sent_start:
        feats.append("sent0")
    if len(key) > 10:
        feats.append("long")
    feats.extend(cue(k))
    for off in (-2, -1, 1, 2):
        j = k + off
        if not 0 <= j < len(doc.toks):
            feats.append(f"{off}:edge")
            continue
        other = doc.toks[j]
        feats.append(f"{off}:w={other.key}")
        if abs(off) == 1:
            feats.append(f"{off}:s3={other.key[-3:]}")
        feats.extend(f"{off}:{c}" for c in cue(j))
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


class CRFTagger:
    """Tags the sentences of the languages the model was trained on and measured to help.

    A sentence is tagged only when written in a script the model saw for its language: an English
    tweet inside a Hindi article (no segment language given) is not read with the Hindi model.
    """

    def __init__(self, model: Path, languages: list[str], scripts: dict[str, list[str]]) -> None:
        import pycrfsuite

        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(model))
        self.languages = frozenset(languages)
        self.scripts = {lang: frozenset(v) for lang, v in scripts.items()}

    def tag(self, doc: ent._Doc) -> None:
        """Claim the free spans the CRF labels as names (layer ``tagger``)."""
        cues: dict[int, list[str]] = {}
        for sent in sentences(doc):
            lang = doc.toks[sent[0]].lang
            if lang not in self.languages or len(sent) > 400 or \
                    dominant_script(doc, sent) not in self.scripts.get(lang, ()):
                continue
            labels = self.tagger.tag([features(doc, k, cues) for k in sent])
            start = None
            for pos, label in enumerate([*labels, "O"]):
                if start is not None and not (label.startswith("I-") and label[2:] == labels[start][2:]):
                    i, j = sent[start], sent[pos - 1] + 1
                    if labels[start][2:] == "PER":
                        i = ent.person_start(doc, i, j)
                    conf = min(self.tagger.marginal(labels[p], p) for p in range(start, pos))
                    if doc.free(i, j):
                        doc.claim(ent.Found(i, j, labels[start][2:], round(0.75 * conf, 3), "tagger",
                                            ent._lemma(doc, i, j)))
                    start = None
                if label.startswith("B-") or (label.startswith("I-") and start is None):
                    start = pos


def load_tagger() -> CRFTagger | None:
    """The shipped CRF model, or None when none is installed (the stage then runs without it)."""
    if not MODEL_PATH.exists() or not META_PATH.exists():
        return None
    try:
        meta = json.loads(META_PATH.read_text(encoding="utf-8"))
        languages = list(meta.get("languages", []))
        return CRFTagger(MODEL_PATH, languages, meta.get("scripts", {})) if languages else None
    except (OSError, ValueError) as exc:
        log.warning("CRF tagger not loaded (%s); recognition runs without it", exc)
        return None
