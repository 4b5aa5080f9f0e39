"""``newsweave analyze`` gives the same answer whatever the process's string-hash salt (PYTHONHASHSEED).

Set and frozenset iteration order follows the salt; wherever it leaks into a result (the order inflected base
forms are tried, which known entity a bucket meets first, a cache key made with ``hash()``), two runs of the same
command on the same articles disagree. Each run here is a separate process with its own salt.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

_SALTS = ("0", "2", "7")
_CLI = "from newsweave.cli import app; app()"


def _canonical_jsonl(stdout: str) -> list[str]:
    """Each article's JSON object re-serialised with sorted keys, so only content differences count."""
    return [json.dumps(json.loads(line), sort_keys=True, ensure_ascii=False) for line in stdout.splitlines()
            if line.strip()]


def test_determinism_analyze_output_does_not_depend_on_pythonhashseed(seeds_dir: Path) -> None:
    procs = {}
    for salt in _SALTS:
        env = {**os.environ, "PYTHONHASHSEED": salt}
        procs[salt] = subprocess.Popen([sys.executable, "-c", _CLI, "analyze", str(seeds_dir), "--jsonl"],
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    outputs = {}
    for salt, proc in procs.items():
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, f"PYTHONHASHSEED={salt}: {err[-2000:]}"
        outputs[salt] = _canonical_jsonl(out)
    first = outputs[_SALTS[0]]
    assert len(first) == len(list(seeds_dir.glob("*.txt")))
    assert all(json.loads(line)["entities"] for line in first)
    for salt in _SALTS[1:]:
        assert len(outputs[salt]) == len(first)
        for a, b in zip(first, outputs[salt], strict=True):
            assert a == b, f"PYTHONHASHSEED={_SALTS[0]} and {salt} disagree on article {json.loads(a).get('id')}"
