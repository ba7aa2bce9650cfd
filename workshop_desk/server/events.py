"""The phones' event streams (server-sent events): one per phone, told `changed` at most every half second."""

import asyncio
import contextlib
import json
import time

from aiohttp import web
from aiohttp_sse import EventSourceResponse, sse_response

COALESCE = 0.5  # seconds: changes closer together than this reach the phones as one event
PING = 15.0  # seconds between comments that keep idle connections (and the access points' tables) alive
RETRY_MS = 3000  # how long a phone's EventSource waits before it reconnects by itself


class Broadcaster:
    """The open streams, and the version number of what phones see (one more with each broadcast)."""

    def __init__(self) -> None:
        self.version = 1
        self.reached = False  # a phone loaded the page since the server started
        self._streams: set[EventSourceResponse] = set()
        self._pending: asyncio.TimerHandle | None = None
        self._last = 0.0
        self._sending: set[asyncio.Future[list[None]]] = set()

    @property
    def phones(self) -> int:
        return len(self._streams)

    async def stream(self, request: web.Request) -> web.StreamResponse:
        """Hold one phone's stream open until it goes (or the server stops)."""
        async with sse_response(request, ping_interval=PING) as response:
            self._streams.add(response)
            try:
                await response.send(json.dumps({"version": self.version}), event="changed", retry=RETRY_MS)
                await response.wait()
            finally:
                self._streams.discard(response)
        return response

    def notify(self, _topic: str = "") -> None:
        """Something phones show changed: broadcast now, or once the half second since the last one is over."""
        if self._pending is not None:
            return
        loop = asyncio.get_running_loop()
        delay = max(0.0, self._last + COALESCE - time.monotonic())
        self._pending = loop.call_later(delay, self._flush)

    def _flush(self) -> None:
        self._pending = None
        self._last = time.monotonic()
        self.version += 1
        data = json.dumps({"version": self.version})
        sending = asyncio.gather(*(self._send(response, data) for response in list(self._streams)))
        self._sending.add(sending)  # held until done: a task nobody holds may be collected mid-way
        sending.add_done_callback(self._sending.discard)

    async def _send(self, response: EventSourceResponse, data: str) -> None:
        try:
            await response.send(data, event="changed")
        except (TimeoutError, ConnectionError, RuntimeError):
            self._streams.discard(response)  # gone without saying: its task ends on its own

    async def close(self) -> None:
        """End every stream (the server is stopping)."""
        if self._pending is not None:
            self._pending.cancel()
        for response in list(self._streams):
            with contextlib.suppress(Exception):
                response.stop_streaming()
        self._streams.clear()
