"""Request limits for the web app: a largest request body and a longest time per request.

Both are plain ASGI middleware so they hold for every route (pages, API, static files) whatever the
framework does. The body limit refuses a declared ``Content-Length`` over the limit before reading
anything, and otherwise reads at most limit + 1 bytes before deciding (chunked uploads cannot slip
past it). The time limit answers 504 as soon as the limit passes; the handler is cancelled, and a
synchronous one finishes in its worker thread with its response discarded (a thread cannot be killed).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


async def _error(scope: Scope, send: Send, status: int, message: str) -> None:
    """An error in the app's shape: JSON under ``/api``, plain text elsewhere."""
    if scope.get("path", "").startswith("/api/"):
        body = json.dumps({"error": {"code": status, "message": message}}).encode("utf-8")
        content_type = b"application/json"
    else:
        body = message.encode("utf-8")
        content_type = b"text/plain; charset=utf-8"
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", content_type), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Refuse request bodies larger than ``max_bytes`` with 413 (0 disables the limit)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.max_bytes <= 0:
            await self.app(scope, receive, send)
            return
        too_large = f"request body larger than {self.max_bytes} bytes (NEWSWEAVE_MAX_REQUEST_BYTES)"
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length", b"").strip()
        if declared.isdigit() and int(declared) > self.max_bytes:
            await _error(scope, send, 413, too_large)
            return
        messages: list[Message] = []
        size = 0
        while True:  # read the whole (bounded) body first, then replay it to the app
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                await _error(scope, send, 413, too_large)
                return
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)


class TimeLimit:
    """Answer 504 when a request takes longer than ``seconds`` (0 disables the limit)."""

    def __init__(self, app: ASGIApp, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.seconds <= 0:
            await self.app(scope, receive, send)
            return
        started = False
        timed_out = False

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if timed_out:  # the late handler's answer goes nowhere: the client already has its 504
                return
            started = True
            await send(message)

        task = asyncio.ensure_future(self.app(scope, receive, guarded_send))
        done, _ = await asyncio.wait({task}, timeout=self.seconds)
        if task in done:
            task.result()  # re-raise what the app raised, as without this middleware
            return
        timed_out = True
        task.cancel()
        if not started:
            await _error(scope, send, 504, f"request took longer than {self.seconds:g} s "
                                           "(NEWSWEAVE_REQUEST_TIMEOUT)")

