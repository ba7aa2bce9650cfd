"""A stand-in for the participant server: the phone page's static files and canned states, recording every POST."""

from __future__ import annotations

import asyncio
import copy
import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiohttp import web

STATIC = Path(__file__).resolve().parents[3] / "workshop_desk" / "server" / "static"
CODE = "TESTCODE"
# The headers the real server puts on every response (docs/phones.md).
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
_TYPES = {".html": "text/html", ".js": "text/javascript", ".css": "text/css"}
_STOP = object()


@dataclass(frozen=True)
class Posted:
    """One POST the page sent: its path under /s/CODE, its headers that matter, and its JSON body."""

    path: str
    marker: str | None
    content_type: str
    body: Any


def waiting_state(**changes: Any) -> dict[str, Any]:
    """A state as /api/state sends it, with nothing open; `changes` replace top-level keys."""
    state: dict[str, Any] = {
        "version": 1, "sitting": {"title": "Atelier mobilités"}, "mode": "anonymous",
        "me": {"name": None, "badge_checked": False}, "activity": "waiting",
        "ideas": {"open": False, "themes": [], "private": False, "mine": []},
        "questions": {"open": False, "list": []}, "ballot": None, "timer": None,
    }
    state.update(changes)
    return state


class FakeParticipantServer:
    """An aiohttp app in a thread of its own, serving /s/CODE/ as the real server will."""

    def __init__(self) -> None:
        self.state: dict[str, Any] | None = waiting_state()  # None: the sitting's code is unknown (404)
        self.posts: list[Posted] = []
        self.state_gets = 0
        self.refuse_streams = False
        self.refused = 0  # streams refused while refuse_streams was set
        self._replies: dict[str, tuple[int, dict[str, Any]]] = {}
        self._streams: set[asyncio.Queue[object]] = set()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._runner: web.AppRunner | None = None
        self.url = ""

    # --- What a test controls ---
    def start(self) -> str:
        self._thread.start()
        port = asyncio.run_coroutine_threadsafe(self._serve(), self._loop).result(10)
        self.url = f"http://127.0.0.1:{port}/s/{CODE}/"
        return self.url

    def stop(self) -> None:
        self.drop_streams()
        if self._runner:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    def reset(self, state: dict[str, Any] | None) -> None:
        """A new scenario: this state, no recorded posts, default replies, streams accepted."""
        self.state, self.posts, self._replies, self.refuse_streams = copy.deepcopy(state), [], {}, False
        self.drop_streams()
        self._streams = set()  # those of the page before: each ends on its own

    def reply(self, path: str, status: int, body: dict[str, Any]) -> None:
        """The answer to POSTs on `path` (e.g. "/api/ideas") from now on."""
        self._replies[path] = (status, body)

    def streams(self) -> int:
        return len(self._streams)

    def push_changed(self, version: int) -> None:
        """Every open stream gets `event: changed` with this version."""
        for queue in list(self._streams):
            self._loop.call_soon_threadsafe(queue.put_nowait, version)

    def drop_streams(self) -> None:
        """Closes every open stream, as a phone losing the network would see it."""
        for queue in list(self._streams):
            self._loop.call_soon_threadsafe(queue.put_nowait, _STOP)

    # --- The app ---
    async def _serve(self) -> int:
        app = web.Application(middlewares=[_headers])
        app.router.add_get(f"/s/{CODE}", _redirect)
        app.router.add_get(f"/s/{CODE}/", _index)
        app.router.add_get(f"/s/{CODE}/static/{{name}}", _static)
        app.router.add_get(f"/s/{CODE}/api/state", self._state)
        app.router.add_get(f"/s/{CODE}/api/events", self._events)
        app.router.add_post(f"/s/{CODE}/api/{{tail:.+}}", self._post)
        self._runner = web.AppRunner(app, shutdown_timeout=0.5, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        return int(self._runner.addresses[0][1])

    async def _state(self, request: web.Request) -> web.Response:
        self.state_gets += 1
        if self.state is None:
            return web.json_response({"error": "not_found"}, status=404)
        return web.json_response(self.state, headers={"Cache-Control": "no-store"})

    async def _events(self, request: web.Request) -> web.StreamResponse:
        if self.refuse_streams:
            self.refused += 1
            return web.json_response({"error": "unavailable"}, status=503)
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream", "Cache-Control": "no-store"})
        await response.prepare(request)
        await response.write(b"retry: 300\n\n")
        queue: asyncio.Queue[object] = asyncio.Queue()
        self._streams.add(queue)
        try:
            while (item := await queue.get()) is not _STOP:
                await response.write(f"event: changed\ndata: {json.dumps({'version': item})}\n\n".encode())
        finally:
            self._streams.discard(queue)
        return response

    async def _post(self, request: web.Request) -> web.Response:
        path = "/api/" + request.match_info["tail"]
        body = await request.json() if request.content_type == "application/json" else await request.text()
        self.posts.append(Posted(path, request.headers.get("X-Workshop-Desk"), request.content_type, body))
        if request.headers.get("X-Workshop-Desk") != "1":
            return web.json_response({"error": "cross_site"}, status=403)
        status, reply = self._replies.get(path) or _default_reply(path, self.state)
        return web.json_response(reply, status=status)


def _default_reply(path: str, state: Any) -> tuple[int, dict[str, Any]]:
    if path in ("/api/ideas", "/api/questions"):
        return 201, {"id": 900, "status": "shown"}
    if vote := re.fullmatch(r"/api/questions/(\d+)/vote", path):
        question = next(q for q in state["questions"]["list"] if q["id"] == int(vote[1]))
        return 200, {"votes": question["votes"] + 1, "voted": True}
    if path == "/api/badge":
        return 200, {"name": "Camille Martin"}
    return 200, {"recorded": True}


@web.middleware
async def _headers(request: web.Request, handler: Any) -> web.StreamResponse:
    try:
        response = await handler(request)
    except web.HTTPException as error:
        error.headers.update(HEADERS)
        raise
    response.headers.update(HEADERS)
    return response


async def _redirect(request: web.Request) -> web.Response:
    raise web.HTTPPermanentRedirect(f"/s/{CODE}/")


async def _index(request: web.Request) -> web.FileResponse:
    return web.FileResponse(STATIC / "index.html", headers={"Content-Type": "text/html; charset=utf-8"})


async def _static(request: web.Request) -> web.FileResponse:
    path = STATIC / request.match_info["name"]
    if path.parent != STATIC or not path.is_file():
        raise web.HTTPNotFound()
    return web.FileResponse(path, headers={"Content-Type": _TYPES.get(path.suffix, "text/plain") + "; charset=utf-8"})
