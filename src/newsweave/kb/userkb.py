"""A knowledge base of names the user grows: people, organisations and places with all their spellings.

The KB is one UTF-8 TSV file (setting ``NEWSWEAVE_KB``) with the header
``kb_id  type  name  aliases  source``; ``aliases`` are separated by ``|``. It is plain text on
purpose: it diffs, merges and can be edited by hand. Entries come from

* ``newsweave kb add NAME --type PER --alias ... --wikidata Q..`` (one entry), and
* ``newsweave kb import FILE --format wikidata|jrc|paranames|tsv``: Wikidata JSON entity dumps
  (one entity per line, as in ``latest-all.json``), JRC-Names (``id type lang name`` with ``+`` for
  spaces), ParaNames TSV (``wikidata_id eng label language type``) and this file's own TSV format.

Entries with the same ``kb_id`` merge (aliases are united). The entity stage matches every name and
alias like a gazetteer entry and reports ``kb_id`` on the mention.
"""

from __future__ import annotations

import csv
import fcntl
import gzip
import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from newsweave.config import setting
from newsweave.kb.gazetteer import GazEntry, Gazetteer

log = logging.getLogger(__name__)

HEADER = ("kb_id", "type", "name", "aliases", "source")
TYPES = ("PER", "ORG", "LOC", "EVT", "PRO", "MISC")
FORMATS = ("wikidata", "jrc", "paranames", "tsv")
#: Names longer than this are not names (a pasted paragraph); they are skipped on import.
MAX_NAME_CHARS = 200

#: Wikidata classes (P31 "instance of") -> entity type; anything else imports as MISC.
WIKIDATA_TYPES = {
    "Q5": "PER",
    "Q6256": "LOC", "Q3624078": "LOC", "Q515": "LOC", "Q486972": "LOC", "Q1549591": "LOC", "Q5119": "LOC",
    "Q10864048": "LOC", "Q35657": "LOC", "Q82794": "LOC", "Q23442": "LOC", "Q4022": "LOC", "Q8502": "LOC",
    "Q43229": "ORG", "Q4830453": "ORG", "Q7278": "ORG", "Q484652": "ORG", "Q245065": "ORG", "Q327333": "ORG",
    "Q783794": "ORG", "Q891723": "ORG", "Q3918": "ORG", "Q11032": "ORG", "Q1331793": "ORG", "Q2659904": "ORG",
    "Q1656682": "EVT", "Q1190554": "EVT", "Q198": "EVT", "Q178561": "EVT", "Q40231": "EVT",
}
#: JRC-Names type letters -> entity type.
JRC_TYPES = {"P": "PER", "O": "ORG", "T": "MISC", "L": "LOC", "E": "EVT", "U": "MISC"}


class KBFormatError(ValueError):
    """An import file that is not in the format it was said to be in."""


@dataclass(slots=True)
class KBRecord:
    """One KB entity: an id, a type, its main name and every other spelling."""

    kb_id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    source: str = ""

    def names(self) -> list[str]:
        """The main name and the aliases, each once."""
        return list(dict.fromkeys([self.name, *self.aliases]))


def kb_path() -> Path:
    """Where the user KB lives (setting ``NEWSWEAVE_KB``)."""
    return Path(setting("NEWSWEAVE_KB"))


def _clean(name: str) -> str | None:
    name = " ".join(name.split())
    return name if 0 < len(name) <= MAX_NAME_CHARS else None


def _type(value: str) -> str:
    value = value.strip().upper()
    return value if value in TYPES else "MISC"


def read_tsv(path: Path) -> Iterator[KBRecord]:
    """Records of a KB TSV file (this module's format); a missing file has none."""
    if not path.exists():
        return
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row or row[0].startswith("#") or tuple(row[:len(HEADER)]) == HEADER:
                continue
            if len(row) < 3:
                log.warning("%s: skipped a row with %d columns (need kb_id, type, name)", path, len(row))
                continue
            name = _clean(row[2])
            if not name:
                continue
            aliases = [a for a in (_clean(x) for x in (row[3].split("|") if len(row) > 3 else [])) if a]
            yield KBRecord(row[0].strip(), _type(row[1]), name, aliases, row[4].strip() if len(row) > 4 else "")


def write_tsv(path: Path, records: Iterable[KBRecord]) -> None:
    """Write records in this module's TSV format, atomically.

    A temporary file of its own (two writers never share one) is written, flushed to disk and renamed
    over the KB, so a crash at any moment leaves the old KB or the new one, never a partial file.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write("\t".join(HEADER) + "\n")
            for rec in records:
                cells = (rec.kb_id, rec.type, rec.name, "|".join(rec.aliases), rec.source)
                fh.write("\t".join(c.replace("\t", " ").replace("\n", " ") for c in cells) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold the KB's lock while it is read, merged and rewritten.

    Without it two concurrent ``kb add`` / ``kb import`` runs each rewrite the KB from what they read,
    and the later one silently drops the other's entries.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.with_name(path.name + ".lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _open_text(path: Path):
    return gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else path.open(encoding="utf-8")


def read_wikidata(path: Path) -> Iterator[KBRecord]:
    """Entities of a Wikidata JSON dump: one entity per line, optionally inside ``[`` ``]`` with commas."""
    with _open_text(path) as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.strip().rstrip(",")
            if line in ("", "[", "]"):
                continue
            try:
                ent = json.loads(line)
            except json.JSONDecodeError as exc:
                raise KBFormatError(f"{path}:{lineno}: not a Wikidata JSON entity ({exc.msg})") from None
            if not isinstance(ent, dict) or "id" not in ent:
                raise KBFormatError(f"{path}:{lineno}: not a Wikidata JSON entity (no id)")
            labels = {k: v.get("value", "") for k, v in (ent.get("labels") or {}).items()}
            aliases = [a.get("value", "") for vals in (ent.get("aliases") or {}).values() for a in vals]
            classes = [c.get("mainsnak", {}).get("datavalue", {}).get("value", {}).get("id")
                       for c in (ent.get("claims") or {}).get("P31", [])]
            kind = next((WIKIDATA_TYPES[c] for c in classes if c in WIKIDATA_TYPES), "MISC")
            name = labels.get("en") or next(iter(labels.values()), "")
            names = [n for n in (_clean(x) for x in [*labels.values(), *aliases]) if n]
            main = _clean(name)
            if main:
                yield KBRecord(ent["id"], kind, main, [n for n in names if n != main], "wikidata")


def read_jrc(path: Path) -> Iterator[KBRecord]:
    """Entities of a JRC-Names file: ``id<TAB>type<TAB>lang<TAB>name`` rows, ``+`` for spaces."""
    grouped: dict[str, KBRecord] = {}
    with _open_text(path) as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4:
                raise KBFormatError(f"{path}:{lineno}: JRC-Names rows need id, type, language, name")
            name = _clean(cols[3].replace("+", " "))
            if not name:
                continue
            rec = grouped.setdefault(cols[0], KBRecord(f"jrc:{cols[0]}", JRC_TYPES.get(cols[1].strip(), "MISC"),
                                                       name, [], "jrc"))
            if name != rec.name and name not in rec.aliases:
                rec.aliases.append(name)
    yield from grouped.values()


def read_paranames(path: Path) -> Iterator[KBRecord]:
    """Entities of a ParaNames TSV (header ``wikidata_id eng label language type``), grouped by id."""
    grouped: dict[str, KBRecord] = {}
    with _open_text(path) as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        need = {"wikidata_id", "label", "type"}
        if not reader.fieldnames or not need <= set(reader.fieldnames):
            raise KBFormatError(f"{path}: ParaNames files need the columns {sorted(need)}")
        for row in reader:
            label = _clean(row.get("label") or "")
            qid = (row.get("wikidata_id") or "").strip()
            if not label or not qid:
                continue
            main = _clean(row.get("eng") or "") or label
            rec = grouped.setdefault(qid, KBRecord(qid, _type(row.get("type") or ""), main, [], "paranames"))
            if label != rec.name and label not in rec.aliases:
                rec.aliases.append(label)
    yield from grouped.values()


READERS = {"wikidata": read_wikidata, "jrc": read_jrc, "paranames": read_paranames, "tsv": read_tsv}


def merge(records: Iterable[KBRecord], into: dict[str, KBRecord]) -> int:
    """Merge records into a kb_id -> record map; returns how many records were new."""
    added = 0
    for rec in records:
        old = into.get(rec.kb_id)
        if old is None:
            into[rec.kb_id] = rec
            added += 1
            continue
        for name in rec.names():
            if name != old.name and name not in old.aliases:
                old.aliases.append(name)
    return added


def load(path: Path | None = None) -> dict[str, KBRecord]:
    """The user KB as a kb_id -> record map."""
    found: dict[str, KBRecord] = {}
    merge(read_tsv(path or kb_path()), found)
    return found


def import_file(source: Path, fmt: str, path: Path | None = None) -> tuple[int, int]:
    """Import a file into the user KB; returns (records read, records new)."""
    if fmt not in READERS:
        raise KBFormatError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    target = path or kb_path()
    records = list(READERS[fmt](source))
    with _locked(target):
        kb = load(target)
        added = merge(records, kb)
        write_tsv(target, kb.values())
    return len(records), added


def add_entry(name: str, type_: str, aliases: Iterable[str] = (), wikidata: str | None = None,
              path: Path | None = None) -> KBRecord:
    """Add one entity (or more spellings of an existing one) to the user KB and save it."""
    clean = _clean(name)
    if not clean:
        raise ValueError(f"a KB name must have 1 to {MAX_NAME_CHARS} characters")
    if type_.upper() not in TYPES:
        raise ValueError(f"unknown type {type_!r}; use one of {', '.join(TYPES)}")
    kb_id = wikidata or "kb:" + hashlib.sha1(f"{type_.upper()}|{clean}".encode()).hexdigest()[:12]
    rec = KBRecord(kb_id, type_.upper(), clean, [a for a in (_clean(x) for x in aliases) if a], "user")
    target = path or kb_path()
    with _locked(target):
        kb = load(target)
        merge([rec], kb)
        write_tsv(target, kb.values())
    return kb[kb_id]


def kb_gazetteer(records: Iterable[KBRecord]) -> Gazetteer:
    """A gazetteer over KB records (user entries outrank the built-in gazetteer)."""
    gaz = Gazetteer()
    for rec in records:
        gaz.add_listed(GazEntry(rec.type, rec.kb_id, rec.name, 5.0), rec.names())
    return gaz
