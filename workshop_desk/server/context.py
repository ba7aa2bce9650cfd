"""What every request of one sitting's participant server shares: the services, the streams, the worker threads."""

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from aiohttp import web

from workshop_desk.domain.phones import PhoneSettings, PhoneView
from workshop_desk.domain.voting import BallotPaper
from workshop_desk.i18n import speaking
from workshop_desk.server.batches import Batches, PaperSent, record
from workshop_desk.server.events import Broadcaster
from workshop_desk.services.workspace import Workspace

STATIC = Path(__file__).resolve().parent / "static"
T = TypeVar("T")
READS_PER_BATCH = 40  # state reads per session: ~20 ms, so that a paper never waits long for the file (the gate)


@dataclass
class Participation:
    """What every request of one sitting's server shares."""

    workspace: Workspace
    sitting_id: int
    static_dir: Path
    on_change: Callable[[str, object], None]  # topic, and what changed: an idea's or question's id, (ballot, paper)
    events: Broadcaster = field(default_factory=Broadcaster)
    badges: dict[str, int] = field(default_factory=dict)  # device hash -> participant, after a badge check
    # One worker for what phones send: the file's units of work take turns anyway (Database._gate); the loop never
    # waits on them. Another for what phones read, so that a phone told "sent" does not wait behind the 800 state
    # reads that follow a change (the gate lets them take turns).
    executor: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(1, "phones-db"))
    reader: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(1, "phones-db-read"))
    # Ballot papers, recorded together as they arrive; state reads (device, participant), read together likewise.
    papers: Batches[PaperSent, BallotPaper] = field(default_factory=lambda: Batches(record))
    views: Batches[tuple[str, int | None], PhoneView] = field(init=False)
    _settings: tuple[int, "asyncio.Future[PhoneSettings]"] | None = None  # (the file's change count, its read)

    def __post_init__(self) -> None:
        self.views = Batches(self._read_views, most=READS_PER_BATCH)

    def _read_views(self, phones: list[tuple[str, int | None]]) -> list[PhoneView | Exception]:
        return list(self.workspace.phones.views(self.sitting_id, phones))

    async def run(self, call: Callable[..., T], *args: Any, language: str = "en", **kwargs: Any) -> T:
        """A service call in the senders' worker thread (the event loop never waits on SQLite), with its sentences
        in the phone's `language`; it returns once the unit of work has committed."""
        def work() -> T:
            with speaking(language):
                return call(*args, **kwargs)

        return await asyncio.get_running_loop().run_in_executor(self.executor, partial(work))

    async def settings(self) -> PhoneSettings:
        """The sitting's phone settings, which every request checks: read again only once the file has changed
        (so that a request does not wait its turn behind the database worker's queue for nothing: those of the
        phones' shared state when it is current, which a commit of papers keeps), and read once for the requests
        that ask meanwhile."""
        known = self.workspace.phones.known_settings(self.sitting_id)  # those the phones' state was read with
        if known is not None:
            return known
        count = self.workspace.database.change_count  # before the read: a change meanwhile makes it read again
        if self._settings is None or self._settings[0] != count:
            # by the senders' worker: the readers' may have 800 state reads queued after a change
            reading = asyncio.ensure_future(self.run(self.workspace.phones.settings, self.sitting_id))
            self._settings = (count, reading)
        return await asyncio.shield(self._settings[1])

    def changed(self, topic: str, subject: object = None) -> None:
        """A phone's contribution committed: tell the console (what it was, so that it need not read everything
        again: 800 ballots in a second must not make it recount 800 times), and the phones if they show it."""
        self.on_change(topic, subject)
        if topic == "questions":  # a phone's idea is seen by no other phone: it reads its own list again itself
            self.events.notify(topic)


PARTICIPATION = web.AppKey("participation", Participation)
