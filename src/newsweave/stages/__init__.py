"""Per-article analysis stages: each is a callable ``Article -> Article`` with no store access.

``newsweave.pipeline`` assembles them; ``analyze``, ``ingest`` and ``batch`` all run the same stages.
"""
