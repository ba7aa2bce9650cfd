"""The participant server as the console and the `serve` verb run it: its own thread and event loop, started and
stopped from any thread, never touching Qt (the console bridges `on_change` to its GUI thread)."""

import asyncio
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future

from aiohttp import web

from workshop_desk.domain.joining import join_url
from workshop_desk.server.app import make_app
from workshop_desk.server.context import PARTICIPATION
from workshop_desk.services.workspace import Workspace

log = logging.getLogger(__name__)
PORT, TRIES = 8765, 10  # the port, then the next nine if it is taken
BACKLOG = 1024  # pending connections the socket holds: 800 phones joining at once must not wait on the default 128


class ServerError(RuntimeError):
    """The server could not start (every port taken, an address this computer does not have…)."""


class ParticipantServer:
    """One sitting's phones served from a thread of their own (aiohttp's AppRunner and TCPSite: `web.run_app` would
    install signal handlers, which only the main thread may)."""

    def __init__(self, workspace: Workspace, sitting_id: int, host: str = "127.0.0.1", port: int = PORT,
                 on_change: Callable[[str, object], None] = lambda topic, subject: None) -> None:
        self._workspace, self._sitting_id = workspace, sitting_id
        self._host, self._port = host, port
        self._on_change = on_change
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._app: web.Application | None = None
        self._bound = 0

    def start(self) -> str:
        """Listen (on the port, or one of the next nine if taken) and return the join URL; ServerError if not."""
        if self._thread is not None:
            return self.url
        started: Future[int] = Future()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._serve, args=(started,), name="participant-server", daemon=True)
        self._thread.start()
        try:
            self._bound = started.result(timeout=30)
        except Exception as error:
            self._thread.join(timeout=5)
            self._thread = self._loop = None
            raise ServerError(str(error)) from error
        log.info("participant server listening on %s", self.url)
        return self.url

    def _serve(self, started: "Future[int]") -> None:
        assert self._loop is not None
        asyncio.set_event_loop(self._loop)
        try:
            started.set_result(self._loop.run_until_complete(self._listen()))
        except Exception as error:  # reported to start()'s caller
            started.set_exception(error)
            self._loop.close()
            return
        self._loop.run_forever()
        self._loop.run_until_complete(self._shutdown())
        self._loop.close()

    async def _listen(self) -> int:
        self._app = make_app(self._workspace, self._sitting_id, on_change=self._on_change)
        self._runner = web.AppRunner(self._app, handle_signals=False, shutdown_timeout=2)
        await self._runner.setup()
        tries = 1 if self._port == 0 else TRIES
        last: OSError | None = None
        for port in range(self._port, self._port + tries):
            site = web.TCPSite(self._runner, self._host, port, backlog=BACKLOG)
            try:
                await site.start()
            except OSError as error:
                last = error
                continue
            return int(self._runner.addresses[0][1])
        await self._runner.cleanup()
        raise OSError(f"no free port from {self._port} to {self._port + tries - 1} on {self._host}: {last}")

    async def _shutdown(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def stop(self) -> None:
        """Close the streams, the sockets and the loop, and join the thread (again: nothing)."""
        thread, loop = self._thread, self._loop
        if thread is None or loop is None:
            return
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=15)
        self._thread = self._loop = None
        log.info("participant server stopped")

    def notify(self, topic: str) -> None:
        """The console changed something phones show ("activity", "ballot", "timer", "questions"): any thread."""
        loop, app = self._loop, self._app
        if loop is not None and app is not None and not loop.is_closed():
            loop.call_soon_threadsafe(app[PARTICIPATION].events.notify, topic)

    @property
    def url(self) -> str:
        return join_url(self._host, self._bound, self._workspace.phones.settings(self._sitting_id).join_code or "")

    @property
    def port(self) -> int:
        return self._bound

    @property
    def phones(self) -> int:
        """Event streams open now (phones following the sitting)."""
        return self._app[PARTICIPATION].events.phones if self._app is not None and self._thread else 0

    @property
    def reached(self) -> bool:
        """Whether any phone has loaded the page since start."""
        return bool(self._app is not None and self._app[PARTICIPATION].events.reached)
