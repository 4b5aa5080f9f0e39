"""Canonicalisation throughput against a large store of known entities (synthetic names).

Builds ``--known`` entities (persons, places, organisations; each with a Latin and a Cyrillic
variant), then canonicalises batches of articles whose mentions are partly inflected forms of known
names and partly new names. Prints the time to index the store, then articles per second with an
explicitly kept :class:`EntityIndex` and with store-like calls (no index passed: the one left by the
previous call is reused when its fingerprint matches). Goal: >= 50 articles/s against 100,000 entities.

    python benchmarks/bench_canonical.py
    python benchmarks/bench_canonical.py --known 20000 --articles 500 --batch 50
"""

from __future__ import annotations

import argparse
import random
import time

from anyascii import anyascii

from newsweave.corpus.entities import EntityIndex, canonicalize
from newsweave.model import Article, Entity, Mention, Variant

_SYLLABLES = ["ka", "to", "mi", "ra", "sen", "vo", "lin", "dra", "gor", "bek", "nur", "zha", "pol", "ste", "vik",
              "an", "el", "ost", "ber", "sha", "kov", "ius", "ta", "mar", "den", "rik", "lu", "sa", "no", "jan"]
_TO_CYRILLIC = str.maketrans({"a": "а", "b": "б", "v": "в", "g": "г", "d": "д", "e": "е", "z": "з", "i": "и",
                              "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "s": "с",
                              "t": "т", "u": "у", "j": "й", "h": "х"})
_ENDINGS = {"pl": ["", "a", "em", "owi", "u"], "ru": ["", "а", "у", "ом", "е"], "en": [""]}


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def known_entities(n: int, rng: random.Random) -> list[Entity]:
    """``n`` distinct entities with a Latin and a Cyrillic variant each."""
    out, seen = [], set()
    while len(out) < n:
        etype = rng.choice(["PER", "PER", "LOC", "ORG"])
        name = f"{_word(rng)} {_word(rng)}" if etype != "LOC" else _word(rng)
        if name in seen:
            continue
        seen.add(name)
        cyr = name.lower().translate(_TO_CYRILLIC).title()
        out.append(Entity(id=f"e{len(out)}", name=name, type=etype, article_count=1,
                          variants=[Variant(name, "en", "Latn", 2), Variant(cyr, "ru", "Cyrl", 1)]))
    return out


def articles(count: int, known: list[Entity], rng: random.Random, start: int = 0) -> list[Article]:
    """Articles of 20 mentions: 12 (inflected) forms of known names, 8 new names."""
    out = []
    for i in range(count):
        lang = rng.choice(["pl", "ru", "en"])
        names: list[tuple[str, str]] = []
        for ent in rng.sample(known, 12):
            form = ent.variants[1].name if lang == "ru" else ent.variants[0].name
            names.append((form + rng.choice(_ENDINGS[lang]), ent.type))
        for _ in range(8):
            new = f"{_word(rng)} {_word(rng)}"
            names.append((new.lower().translate(_TO_CYRILLIC).title() if lang == "ru" else new, "PER"))
        text, mentions = "", []
        for name, etype in names:
            mentions.append(Mention(len(text), len(text) + len(name), name, etype))
            text += name + ". "
        art = Article(id=f"a{start + i}", text=text, lang=lang)
        art.mentions = mentions
        out.append(art)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--known", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=100)
    args = parser.parse_args()
    rng = random.Random(7)
    known = known_entities(args.known, rng)
    probe = articles(args.articles, known, rng)

    started, cpu = time.perf_counter(), time.process_time()
    index = EntityIndex(known)
    built, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"known entities\t{args.known}\nindex build s\t{built:.2f}\t(CPU s: {cpu:.2f})")

    entities, started, cpu = known, time.perf_counter(), time.process_time()
    for k in range(0, len(probe), args.batch):
        entities = canonicalize(probe[k:k + args.batch], entities, index)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"articles\t{len(probe)}\tbatch\t{args.batch}")
    print(f"kept index: articles/s\t{len(probe) / seconds:.1f}\t(per CPU second: {len(probe) / cpu:.1f})")

    store_like = articles(args.articles, known, rng, start=len(probe))
    entities = canonicalize(store_like[:args.batch], entities)  # first call without an index builds one
    started, cpu = time.perf_counter(), time.process_time()
    for k in range(args.batch, len(store_like), args.batch):
        entities = canonicalize(store_like[k:k + args.batch], entities)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    done = len(store_like) - args.batch
    print(f"store-like calls (index reused by fingerprint): articles/s\t{done / seconds:.1f}\t"
          f"(per CPU second: {done / cpu:.1f})")
    merged = sum(1 for a in probe for m in a.mentions[:12] if not m.entity_id.startswith(("per-", "loc-", "org-")))
    print(f"known-name mentions linked to a known entity\t{merged / (12 * len(probe)):.3f}")
    print(f"example\t{probe[0].mentions[0].text}\t->\t{probe[0].mentions[0].entity_name}\t"
          f"({anyascii(probe[0].mentions[0].text)})")


if __name__ == "__main__":
    main()
