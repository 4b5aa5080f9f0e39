"""What the batch's code does once in every Spark Python worker process, before its first task's work.

PySpark 4.1's worker calls ``importlib.invalidate_caches()`` before *every* task (``setup_spark_files``),
and since Python 3.10 that makes every ``zipimporter`` the worker holds re-read its archive's directory:
the workers import pyspark from ``pyspark.zip`` (3.5 MB, with one importer per package inside it), so each
task paid ~0.1 CPU-s before running a line of its own (py-spy on a reused worker: two thirds of an idle
worker's time in ``zipimport._read_directory``; SPARK-54744 makes the call conditional upstream). That was
most of the corpus steps' fixed cost per task that ``benchmarks/bench_batch.py`` measured. The archives on
a worker's path do not change while it lives (a new ``--py-files`` archive has a new path and gets a new
importer, which reads its directory when it is made), so their directories are kept.
"""

from __future__ import annotations

import zipimport


def _keep_directory(self: zipimport.zipimporter) -> None:
    """The archive's directory as read when the importer was made (the archive does not change)."""


def steady_imports() -> None:
    """Stop the per-task re-reading of zip archives' directories in this (worker) process; idempotent.

    Called at the start of the batch's per-partition functions, which run only on executors.
    """
    zipimport.zipimporter.invalidate_caches = _keep_directory  # type: ignore[method-assign]

