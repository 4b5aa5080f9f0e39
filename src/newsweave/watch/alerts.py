"""Watches and their alerts: match newly analysed articles, record each match once, deliver it.

A watch follows an entity (by its id and every name variant it is known under, so a mention in
any language or script matches), a search query (all words must occur, as in search), a story,
a measure key (each new figure for it), or disagreements (a new figure that the facts alignment
finds at odds with another source's figure for the same measure and period; target a measure key
or ``*``). Matching runs over the articles analysed since the
watch's cursor; the cursor never passes an article still pending, so an article analysed late is
still matched. Each match becomes one row in ``alerts`` whose (watch, key) pair is unique in the
store (key ``article:<id>`` or ``figure:<article>:<offset>``): re-running a cycle after a crash
cannot alert twice. Delivery (webhook JSON POST, e-mail over SMTP) is tracked per channel, so a
channel that failed is retried next cycle without repeating the ones that succeeded. In digest
mode a watch's undelivered alerts go out together once per hour or day. Every watch also has an
Atom feed of its latest alerts (``atom_feed``).
"""

from __future__ import annotations

import json
import logging
import re
import smtplib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from typing import Any

import httpx
from feedgen.feed import FeedGenerator
from sqlalchemy import func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from newsweave.config import int_setting, setting
from newsweave.corpus.facts import align
from newsweave.ingest.fetch import USER_AGENT, FetchRefused, check_host, private_allowed
from newsweave.store import Store
from newsweave.store import schema as t

log = logging.getLogger(__name__)

KINDS = ("entity", "query", "story", "measure", "disagreement")
CHANNELS = ("webhook", "email")
DIGESTS = {"hourly": timedelta(hours=1), "daily": timedelta(days=1)}
#: Alerts listed in a watch's Atom feed.
FEED_SIZE = 100
#: Stored articles holding one measure that a disagreement watch compares a new figure with.
DISAGREEMENT_ARTICLES = 2000
#: Newly analysed articles matched per query (keeps memory bounded after a large ingest).
MATCH_BATCH = 500

_WORD = re.compile(r"\w+")


class WatchError(ValueError):
    """A watch that cannot be saved; the message says why in one line."""


@dataclass(slots=True)
class Watch:
    """One saved watch."""

    id: int
    kind: str
    target: str
    label: str
    channels: list[dict[str, str]]
    digest: str | None
    cursor: int
    meta: dict[str, Any] | None
    created_at: str
    last_digest_at: str | None

    def as_dict(self) -> dict[str, Any]:
        """The JSON form (API, webhook payloads)."""
        return {"id": self.id, "kind": self.kind, "target": self.target, "label": self.label,
                "channels": self.channels, "digest": self.digest, "created_at": self.created_at}


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _writer(store: Store) -> Any:
    return store.engine.execution_options(write=True)


def _check_channels(channels: Iterable[dict[str, str]]) -> list[dict[str, str]]:
    checked = []
    for channel in channels:
        kind = channel.get("type")
        if kind == "webhook" and re.match(r"^https?://", channel.get("url", ""), re.IGNORECASE):
            checked.append({"type": "webhook", "url": channel["url"]})
        elif kind == "email" and re.fullmatch(r"[^@\s]+@[^@\s]+", channel.get("to", "")):
            checked.append({"type": "email", "to": channel["to"]})
        else:
            raise WatchError(f"bad channel {channel!r}: use {{'type': 'webhook', 'url': 'http(s)://...'}} "
                             "or {'type': 'email', 'to': 'name@host'}")
    return checked


def _entity_target(store: Store, target: str) -> tuple[str, str, list[str]]:
    """(entity id or the name itself, label, names to match) for an entity given by id or by any variant."""
    entity = store.get_entity(target)
    if entity is None:
        folded = target.casefold()
        for cand in store.list_entities(name=target, limit=20).items:
            if folded in {cand.name.casefold(), *(v.name.casefold() for v in cand.variants)}:
                entity = cand
                break
    if entity is None:  # not seen yet: follow the name until an entity carries it
        return target, target, [target]
    return entity.id, entity.name, sorted({entity.name, *(v.name for v in entity.variants)})


def add_watch(store: Store, kind: str, target: str, *, channels: Iterable[dict[str, str]] = (),
              digest: str | None = None, label: str | None = None) -> Watch:
    """Save a watch; it alerts on articles analysed from now on. Raises ``WatchError`` when invalid."""
    if kind not in KINDS:
        raise WatchError(f"unknown watch kind {kind!r} (one of {', '.join(KINDS)})")
    if not target.strip():
        raise WatchError("a watch needs a target")
    if digest is not None and digest not in DIGESTS:
        raise WatchError(f"unknown digest {digest!r} (one of {', '.join(DIGESTS)})")
    if kind == "query" and not _WORD.search(target):
        raise WatchError("a query watch needs at least one word")
    meta: dict[str, Any] | None = None
    name = target.strip()
    if kind == "entity":
        name, entity_label, variants = _entity_target(store, name)
        label = label or entity_label
        meta = {"variants": variants}
    with _writer(store).begin() as conn:
        cursor = _horizon(conn)  # articles still pending now are matched once analysed
        new_id = conn.execute(insert(t.watches).values(
            kind=kind, target=name, label=label or f"{kind}: {name}", channels=_check_channels(channels),
            digest=digest, cursor=cursor, meta=meta, created_at=_now().isoformat())).inserted_primary_key[0]
    watch = get_watch(store, new_id)
    assert watch is not None  # just committed
    return watch


def list_watches(store: Store) -> list[Watch]:
    """Every watch, in the order saved."""
    with store.engine.connect() as conn:
        return [Watch(**dict(r._mapping)) for r in conn.execute(select(t.watches).order_by(t.watches.c.id))]


def get_watch(store: Store, watch_id: int) -> Watch | None:
    """One watch, or None."""
    with store.engine.connect() as conn:
        row = conn.execute(select(t.watches).where(t.watches.c.id == watch_id)).first()
    return Watch(**dict(row._mapping)) if row else None


def remove_watch(store: Store, watch_id: int) -> bool:
    """Remove a watch and its alerts; False when there was none."""
    with _writer(store).begin() as conn:
        conn.execute(t.alerts.delete().where(t.alerts.c.watch_id == watch_id))
        return conn.execute(t.watches.delete().where(t.watches.c.id == watch_id)).rowcount == 1


def list_alerts(store: Store, watch_id: int, *, limit: int = FEED_SIZE) -> list[dict[str, Any]]:
    """A watch's latest alerts, newest first."""
    a = t.alerts
    with store.engine.connect() as conn:
        rows = conn.execute(select(a).where(a.c.watch_id == watch_id).order_by(a.c.id.desc()).limit(limit))
        return [dict(r._mapping) for r in rows]


# ---------------------------------------------------------------------- matching


def _article_info(row: Any) -> dict[str, Any]:
    return {"id": row.id, "title": row.title, "url": row.url, "source": row.source, "date": row.date,
            "lang": row.lang}


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def _match(conn: Any, store: Store, watch: Watch, rows: list[Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(key, article id, payload) for every match of ``watch`` among the article ``rows``."""
    ids = [r.id for r in rows]
    by_id = {r.id: r for r in rows}
    found: list[tuple[str, str, dict[str, Any]]] = []
    if watch.kind == "entity":
        names = {n.casefold() for n in (watch.meta or {}).get("variants", [])}
        m = t.mentions
        hits: dict[str, list[str]] = {}
        for mention in conn.execute(select(m.c.article_id, m.c.text, m.c.entity_id).where(m.c.article_id.in_(ids))
                                    .order_by(m.c.article_id, m.c.start)):
            if mention.entity_id == watch.target or mention.text.casefold() in names:
                hits.setdefault(mention.article_id, []).append(mention.text)
        found = [(f"article:{aid}", aid, {"matched": sorted(set(texts))}) for aid, texts in hits.items()]
    elif watch.kind == "query":
        wanted = _words(watch.target)
        found = [(f"article:{r.id}", r.id, {"query": watch.target}) for r in rows
                 if wanted <= _words(f"{r.title or ''}\n{r.text}")]
    elif watch.kind == "story":  # a story that `newsweave recluster` emptied lives on in the one that took it over
        target = store.resolve_story_id(watch.target) or watch.target
        found = [(f"article:{r.id}", r.id, {"story_id": r.story_id}) for r in rows if r.story_id == target]
    elif watch.kind == "measure":
        q = t.quantities
        for fig in conn.execute(select(q).where(q.c.article_id.in_(ids), q.c.measure_key == watch.target)
                                .order_by(q.c.article_id, q.c.start)):
            found.append((f"figure:{fig.article_id}:{fig.start}", fig.article_id,
                          {"figure": {"text": fig.text, "value": fig.value, "unit": fig.unit,
                                      "measure_key": fig.measure_key, "start": fig.start, "end": fig.end}}))
    elif watch.kind == "disagreement":
        found = _disagreements(conn, store, watch, set(ids))
    for _key, aid, payload in found:
        payload["article"] = _article_info(by_id[aid])
    return found


def _disagreements(conn: Any, store: Store, watch: Watch, new_ids: set[str]) -> list[tuple[str, str, dict[str, Any]]]:
    """One match per new figure that the facts alignment flags as disagreeing with another source's figure.

    The alignment (``corpus.facts.align``, the same as the facts page) runs over every stored article
    holding a measure that a new article reports, so a new figure is compared with all earlier ones.
    """
    q = t.quantities
    conds = [q.c.article_id.in_(new_ids), q.c.measure_key.is_not(None)]
    if watch.target != "*":
        conds.append(q.c.measure_key == watch.target)
    found = []
    for key in sorted(conn.execute(select(q.c.measure_key).where(*conds).distinct()).scalars()):
        holders = conn.execute(select(q.c.article_id).where(q.c.measure_key == key).distinct()
                               .limit(DISAGREEMENT_ARTICLES)).scalars()
        articles = [a for a in (store.get_article(i) for i in holders) if a is not None]
        for measure in align(articles):
            if measure.key != key:
                continue
            for flag in measure.flags:
                if flag.kind != "disagreement":
                    continue
                points = [{"article_id": p.article_id, "text": p.text, "value": p.value, "unit": p.unit,
                           "period": p.period} for p in flag.points]
                for point in flag.points:
                    if point.article_id in new_ids:
                        found.append((f"disagreement:{point.article_id}:{point.start}", point.article_id,
                                      {"disagreement": {"measure_key": key, "period": flag.period,
                                                        "detail": flag.detail, "figures": points}}))
    return list({k: (k, aid, p) for k, aid, p in found}.values())


def _insert_ignoring_duplicates(conn: Any, watch_id: int, rows: list[dict[str, Any]]) -> int:
    """Insert alerts, skipping (watch, key) pairs already stored; returns how many were new."""
    if not rows:
        return 0
    count = select(func.count()).select_from(t.alerts).where(t.alerts.c.watch_id == watch_id)
    before = conn.execute(count).scalar_one()
    stmt = (sqlite_insert if conn.dialect.name == "sqlite" else pg_insert)(t.alerts)
    conn.execute(stmt.on_conflict_do_nothing(index_elements=["watch_id", "key"]), rows)
    return conn.execute(count).scalar_one() - before


def _horizon(conn: Any) -> int:
    """The highest article pk below which no article is pending: watches may move their cursor up to here."""
    a = t.articles
    first_pending = conn.execute(select(func.min(a.c.pk)).where(a.c.status == "pending")).scalar()
    if first_pending is not None:
        return int(first_pending) - 1
    return int(conn.execute(select(func.max(a.c.pk))).scalar() or 0)


def evaluate(store: Store) -> int:
    """Match every watch against the articles analysed since its cursor; returns how many alerts were new.

    Each watch is matched and its cursor moved in one write transaction, so a crash leaves either
    both or neither; the unique (watch, key) index makes a repeated match a no-op either way.
    """
    created = 0
    a = t.articles
    for watch in list_watches(store):
        with _writer(store).begin() as conn:
            horizon = _horizon(conn)
            cursor = watch.cursor
            now = _now().isoformat()
            while cursor < horizon:
                rows = conn.execute(select(a.c.pk, a.c.id, a.c.title, a.c.url, a.c.source, a.c.date, a.c.lang,
                                           a.c.text, a.c.story_id)
                                    .where(a.c.pk > cursor, a.c.pk <= horizon, a.c.status == "analysed")
                                    .order_by(a.c.pk).limit(MATCH_BATCH)).all()
                if not rows:
                    break
                matches = _match(conn, store, watch, rows)
                created += _insert_ignoring_duplicates(conn, watch.id, [
                    {"watch_id": watch.id, "key": key, "article_id": aid, "payload": payload, "created_at": now}
                    for key, aid, payload in matches])
                cursor = rows[-1].pk
            if horizon > watch.cursor:
                conn.execute(update(t.watches).where(t.watches.c.id == watch.id).values(cursor=horizon))
    return created


# ---------------------------------------------------------------------- delivery


@dataclass(slots=True)
class DeliveryReport:
    """What a delivery round did."""

    sent: int = 0
    failed: int = 0


def _title(alert: dict[str, Any]) -> str:
    payload = alert["payload"]
    article = payload.get("article", {})
    head = article.get("title") or article.get("id") or alert["key"]
    figure, disagreement = payload.get("figure"), payload.get("disagreement")
    if disagreement:
        return f"disagreement on {disagreement['measure_key']}: {disagreement['detail']} — {head}"
    return f"{figure['text']} — {head}" if figure else head


def _webhook(url: str, body: dict[str, Any], key: str, timeout: float) -> None:
    """POST JSON; ``Idempotency-Key`` lets a receiver drop the repeat sent after a crash between send and record."""
    target = httpx.URL(url)
    check_host(target, private_allowed(None))
    try:
        response = httpx.post(target, content=json.dumps(body, ensure_ascii=False).encode("utf-8"),
                              headers={"Content-Type": "application/json", "User-Agent": USER_AGENT,
                                       "Idempotency-Key": key},
                              timeout=timeout, follow_redirects=False, trust_env=False)
    except httpx.HTTPError as exc:
        raise FetchRefused(f"webhook failed: {type(exc).__name__}: {exc}") from None
    if response.status_code >= 300:
        raise FetchRefused(f"webhook answered HTTP {response.status_code}")


def _email(to: str, watch: Watch, alerts: list[dict[str, Any]], timeout: float) -> None:
    message = EmailMessage()
    message["From"] = setting("NEWSWEAVE_SMTP_FROM")
    message["To"] = to
    first = _title(alerts[0])
    message["Subject"] = f"newsweave: {watch.label}: " + (first if len(alerts) == 1 else f"{len(alerts)} alerts")
    lines = []
    for alert in alerts:
        article = alert["payload"].get("article", {})
        lines.append(f"- {_title(alert)}\n  {article.get('url') or ''}  ({article.get('source') or ''}, "
                     f"{article.get('date') or 'undated'}; article {article.get('id')})")
    message.set_content(f"Watch: {watch.label}\n\n" + "\n".join(lines) + "\n")
    with smtplib.SMTP(setting("NEWSWEAVE_SMTP_HOST"), int_setting("NEWSWEAVE_SMTP_PORT"), timeout=timeout) as smtp:
        smtp.send_message(message)


def _send(channel: dict[str, str], watch: Watch, alerts: list[dict[str, Any]], timeout: float) -> None:
    if channel["type"] == "webhook":
        items = [{"key": a["key"], "created_at": a["created_at"], **a["payload"]} for a in alerts]
        body: dict[str, Any] = {"watch": watch.as_dict()}
        if watch.digest:
            body.update(digest=watch.digest, alerts=items)
        else:
            body["alert"] = items[0]
        _webhook(channel["url"], body, f"newsweave:{watch.id}:" + ",".join(str(a["id"]) for a in alerts), timeout)
    else:
        _email(channel["to"], watch, alerts, timeout)


def deliver(store: Store, *, now: datetime | None = None, timeout: float = 10.0) -> DeliveryReport:
    """Send every undelivered alert through its watch's channels (digest watches: when their period is up)."""
    now = now or _now()
    report = DeliveryReport()
    a = t.alerts
    for watch in list_watches(store):
        with store.engine.connect() as conn:
            pending = [dict(r._mapping) for r in conn.execute(
                select(a).where(a.c.watch_id == watch.id, a.c.delivered_at.is_(None)).order_by(a.c.id))]
        if not pending:
            continue
        if watch.digest:
            since = datetime.fromisoformat(watch.last_digest_at or watch.created_at)
            if now - since < DIGESTS[watch.digest]:
                continue
            groups = [pending]
        else:
            groups = [[alert] for alert in pending]
        for group in groups:
            _deliver_group(store, watch, group, now, timeout, report)
        if watch.digest:
            with _writer(store).begin() as conn:
                conn.execute(update(t.watches).where(t.watches.c.id == watch.id)
                             .values(last_digest_at=now.isoformat()))
    return report


def _deliver_group(store: Store, watch: Watch, group: list[dict[str, Any]], now: datetime, timeout: float,
                   report: DeliveryReport) -> None:
    stamp = now.isoformat()
    errors = []
    for index, channel in enumerate(watch.channels):
        todo = [alert for alert in group if str(index) not in (alert["delivered"] or {})]
        if not todo:
            continue
        try:
            _send(channel, watch, todo, timeout)
        except (FetchRefused, OSError, smtplib.SMTPException) as exc:
            errors.append(f"{channel['type']}: {exc}")
            report.failed += 1
            log.warning("alert delivery failed", extra={"watch": watch.id, "channel": channel["type"],
                                                         "error": str(exc)})
            continue
        report.sent += 1
        for alert in todo:
            alert["delivered"] = {**(alert["delivered"] or {}), str(index): stamp}
    with _writer(store).begin() as conn:
        for alert in group:
            done = len(alert["delivered"] or {}) >= len(watch.channels)
            conn.execute(update(t.alerts).where(t.alerts.c.id == alert["id"]).values(
                delivered=alert["delivered"], delivered_at=stamp if done else None,
                delivery_error="; ".join(errors) or None))


# ---------------------------------------------------------------------- Atom


def atom_feed(store: Store, watch: Watch, *, base_url: str = "") -> bytes:
    """The watch's latest alerts as an Atom document (feedgen), newest first."""
    feed = FeedGenerator()
    feed.id(f"urn:newsweave:watch:{watch.id}")
    feed.title(f"newsweave: {watch.label}")
    feed.link(href=f"{base_url}/api/watches/{watch.id}/atom", rel="self")
    feed.author({"name": "newsweave"})
    alerts = list_alerts(store, watch.id)
    feed.updated(alerts[0]["created_at"] if alerts else watch.created_at)
    for alert in reversed(alerts):  # feedgen prepends: add oldest first to list newest first
        article = alert["payload"].get("article", {})
        entry = feed.add_entry()
        entry.id(f"urn:newsweave:alert:{watch.id}:{alert['key']}")
        entry.title(_title(alert))
        entry.updated(alert["created_at"])
        entry.link(href=article.get("url") or f"{base_url}/articles/{article.get('id')}")
        summary = ", ".join(str(x) for x in (article.get("source"), article.get("date"), article.get("lang")) if x)
        entry.summary(summary or alert["key"])
    return feed.atom_str(pretty=True)
