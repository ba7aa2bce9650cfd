"""What every request of one sitting's participant server shares: the services, the streams, the worker threads."""

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from aiohttp import web

from workshop_desk.i18n import speaking
from workshop_desk.server.events import Broadcaster
from workshop_desk.services.workspace import Workspace

STATIC = Path(__file__).resolve().parent / "static"
T = TypeVar("T")


@dataclass
class Participation:
    """What every request of one sitting's server shares."""

    workspace: Workspace
    sitting_id: int
    static_dir: Path
    on_change: Callable[[str, object], None]  # topic, and what changed: an idea's or question's id, (ballot, paper)
    events: Broadcaster = field(default_factory=Broadcaster)
    badges: dict[str, int] = field(default_factory=dict)  # device hash -> participant, after a badge check
    # One worker: the file's units of work take turns anyway (Database._gate); the loop never waits on them.
    executor: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(1, "phones-db"))

    async def run(self, call: Callable[..., T], *args: Any, language: str = "en", **kwargs: Any) -> T:
        """A service call in a worker thread (the event loop never waits on SQLite), with its sentences in the
        phone's `language`; it returns once the unit of work has committed."""
        def work() -> T:
            with speaking(language):
                return call(*args, **kwargs)

        return await asyncio.get_running_loop().run_in_executor(self.executor, partial(work))

    def changed(self, topic: str, subject: object = None) -> None:
        """A phone's contribution committed: tell the console (what it was, so that it need not read everything
        again: 800 ballots in a second must not make it recount 800 times), and the phones if they show it."""
        self.on_change(topic, subject)
        if topic in ("questions", "ideas"):
            self.events.notify(topic)


PARTICIPATION = web.AppKey("participation", Participation)
