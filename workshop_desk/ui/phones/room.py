"""The participant server of the open programme, as the console runs it: one sitting served at a time, its phones'
contributions announced to the screens on the GUI thread, and the console's changes announced to the phones."""

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from workshop_desk.domain.enums import ProjectorMode
from workshop_desk.domain.joining import JoinCard
from workshop_desk.i18n import _, ngettext

if TYPE_CHECKING:
    from workshop_desk.server.runner import ParticipantServer
    from workshop_desk.ui.document import Document

log = logging.getLogger(__name__)
POLL_MS = 1000  # how often the console counts the phones connected
GATHER_MS = 100  # phones' contributions this close together reach the screens in one go (a recount, not 800)
SILENCE_SECONDS = 60  # the join screen shown this long with no phone arrived: the network is probably at fault


class PhoneRoom(QObject):
    """Starts and stops the server (aiohttp in its own thread: imported only when phones are switched on, so that
    the console starts as fast without it). A phone's committed contribution arrives on the server's thread and is
    re-emitted on the GUI thread (a queued signal) as the document's own signal; the document's signals go the
    other way as `notify`, except those the phones themselves caused (each phone knows its own contribution)."""

    # topic ("ideas", "questions", "ballot"), sitting id, what changed (the id; (ballot id, paper)): emitted on the
    # server's thread, received on the GUI thread
    arrived = Signal(str, int, object)
    status_changed = Signal()  # phones connected, a phone arrived, the server started or stopped
    card_changed = Signal(object)  # the JoinCard to show on the projector, or None

    def __init__(self, document: "Document") -> None:
        super().__init__(document)
        self._document = document
        self._server: ParticipantServer | None = None
        self.sitting_id: int | None = None
        self.address = ""
        self._echo = False
        self._seen = (0, False)  # (phones, reached) when last announced
        self._join_shown_at: float | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._arrivals: list[tuple[str, int, object]] = []  # (topic, sitting id, subject) gathered for GATHER_MS
        self._gather = QTimer(self)
        self._gather.setSingleShot(True)
        self._gather.setInterval(GATHER_MS)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.arrived.connect(self._on_self_arrived)
        self._poll.timeout.connect(self._on_poll_timeout)
        self._gather.timeout.connect(self._on_gather_timeout)
        document = self._document
        for signal, topic in ((document.run_changed, "activity"), (document.ballots_changed, "ballot"),
                              (document.ideas_changed, "ideas"), (document.questions_changed, "questions"),
                              (document.room_changed, "timer"), (document.phones_changed, "activity")):
            signal.connect(lambda _sitting_id, t=topic: self._forward(t))

    # Life ----------------------------------------------------------------------------------------------------
    def start(self, sitting_id: int, address: str) -> str:
        """Serve this sitting's phones on `address` (another sitting's stop first); returns the join URL.
        ServerError (with the reason) when it cannot listen."""
        from workshop_desk.server.runner import ParticipantServer

        self.stop()
        server = ParticipantServer(self._document.workspace, sitting_id, address,
                                   on_change=lambda topic, subject: self.arrived.emit(topic, sitting_id, subject))
        url = server.start()
        self._server, self.sitting_id, self.address = server, sitting_id, address
        self._seen = (0, False)
        self._poll.start()
        self.card_changed.emit(self.card())
        self.status_changed.emit()
        return url

    def stop(self) -> None:
        """Stop serving (phones see the page no more); nothing if nothing is served."""
        server, self._server, self.sitting_id = self._server, None, None
        if server is None:
            return
        self._poll.stop()
        server.stop()
        self._on_gather_timeout()  # what arrived before the server stopped still reaches the screens
        self.card_changed.emit(None)
        self.status_changed.emit()

    # What the console shows ------------------------------------------------------------------------------------
    @property
    def serving(self) -> bool:
        return self._server is not None

    @property
    def url(self) -> str:
        return self._server.url if self._server is not None else ""

    @property
    def phones(self) -> int:
        return self._server.phones if self._server is not None else 0

    @property
    def reached(self) -> bool:
        return self._server.reached if self._server is not None else False

    @property
    def silent(self) -> bool:
        """The join screen has been up a minute and no phone has reached this computer: say so."""
        shown = self._join_shown_at
        return self.serving and not self.reached and shown is not None and time.monotonic() - shown >= SILENCE_SECONDS

    def card(self) -> JoinCard | None:
        """What the join screen and the printed card show, while a sitting is served."""
        if self._server is None or self.sitting_id is None:
            return None
        return self._document.workspace.phones.join_card(self.sitting_id, self._server.url)

    def refresh_card(self) -> None:
        """The Wi-Fi or the code changed: the projector shows the new card."""
        if self._server is not None:
            self.card_changed.emit(self.card())

    def note_projector(self, mode: ProjectorMode, visible: bool) -> None:
        """The projector's screen changed: time how long the join screen has been up."""
        if mode == ProjectorMode.JOIN and visible:
            self._join_shown_at = self._join_shown_at or time.monotonic()
        else:
            self._join_shown_at = None

    # Both ways -------------------------------------------------------------------------------------------------
    def _on_self_arrived(self, topic: str, sitting_id: int, subject: object) -> None:
        """A phone's contribution committed: gathered with those that follow it closely."""
        self._arrivals.append((topic, sitting_id, subject))
        if not self._gather.isActive():
            self._gather.start()

    def _on_gather_timeout(self) -> None:
        """The contributions gathered: the screens show them (and the projector counts the papers in, once)."""
        self._gather.stop()
        arrivals, self._arrivals = self._arrivals, []
        self._echo = True
        try:
            for topic, sitting_id, subject in gathered(arrivals):
                self._document.from_phones(topic, sitting_id, subject)
        finally:
            self._echo = False
        self._announce()

    def _forward(self, topic: str) -> None:
        if self._server is not None and not self._echo:
            self._server.notify(topic)

    def _on_poll_timeout(self) -> None:
        self._announce()

    def _announce(self) -> None:
        seen = (self.phones, self.reached)
        if seen != self._seen or self.silent:
            self._seen = seen
            self.status_changed.emit()

    def describe(self) -> str:
        """One line for the console: off, or how many phones follow the sitting and where they join."""
        if self._server is None:
            return _("Phones are off.")
        if self.silent:
            return _("No phone has reached this computer a minute after the join screen went up: check that this "
                     "computer is on the room's network, that the network lets devices reach each other, and the "
                     "firewall.")
        count = self.phones
        return ngettext("{n} phone connected · {url}", "{n} phones connected · {url}", count).format(
            n=count, url=self.url.removeprefix("http://"))


def gathered(arrivals: list[tuple[str, int, object]]) -> list[tuple[str, int, object]]:
    """Arrivals as `Document.from_phones` takes them: each ballot's papers together ((ballot id, papers), in the
    order they came), the questions once per sitting, each idea on its own (the board places each note)."""
    merged: dict[tuple[str, int, object], object] = {}
    papers: dict[tuple[int, object], list[object]] = {}  # (sitting id, ballot id) -> its papers
    for topic, sitting_id, subject in arrivals:
        if topic == "ballot" and isinstance(subject, tuple):
            ballot_id, paper = subject
            gathering = papers.setdefault((sitting_id, ballot_id), [])
            gathering.append(paper)
            merged.setdefault((topic, sitting_id, ballot_id), (ballot_id, gathering))
        elif topic == "questions":
            merged[(topic, sitting_id, None)] = subject
        else:
            merged[(topic, sitting_id, subject)] = subject
    return [(topic, sitting_id, subject) for (topic, sitting_id, _key), subject in merged.items()]


def failure(error: Exception) -> str:
    """Why the server could not start, as a sentence for the facilitator."""
    log.error("the participant server did not start: %s", error)
    return _("Phones could not be switched on: {reason}. Choose another network, or close the program that uses "
             "the port.").format(reason=error)
