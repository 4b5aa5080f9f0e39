"""Monitoring: keep polling sources, analyse what is new, and alert people on what they follow.

``sources`` holds the polled sources and their health, ``poll`` one conditional poll, ``alerts``
watches, matching and delivery (webhook, e-mail, Atom), ``service`` the unattended loop behind
``newsweave watch``.
"""

from newsweave.watch.alerts import Watch, WatchError, add_watch, atom_feed, deliver, evaluate, list_watches
from newsweave.watch.service import CycleReport, Service
from newsweave.watch.sources import Source, SourceError, add_source, import_opml, list_sources

__all__ = ["CycleReport", "Service", "Source", "SourceError", "Watch", "WatchError", "add_source", "add_watch",
           "atom_feed", "deliver", "evaluate", "import_opml", "list_sources", "list_watches"]
