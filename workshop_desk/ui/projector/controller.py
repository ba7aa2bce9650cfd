"""Decides what the projector shows, from the console's commands and the document's changes."""

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from workshop_desk.domain.attendance import HeadCount
from workshop_desk.domain.clock import local, utc_now
from workshop_desk.domain.enums import ProjectorMode
from workshop_desk.domain.ideas import Question
from workshop_desk.domain.joining import JoinCard
from workshop_desk.domain.live import resume_time
from workshop_desk.domain.models import Programme, SittingAgenda, StakeholderGroup
from workshop_desk.i18n import format_time
from workshop_desk.ui.projector.content import BoardView, CountdownView, PlanView, ProjectorContent
from workshop_desk.ui.projector.vote_views import ActionsView, ResultView
from workshop_desk.ui.projector.window import ProjectorWindow

if TYPE_CHECKING:  # imported when a file opens: with the start page, the projector needs neither (nor the database)
    from workshop_desk.ui.board.projection import BoardProjection
    from workshop_desk.ui.document import Document
    from workshop_desk.ui.voting.projection import VoteProjection

PREVIEW_INTERVAL_MS = 1000
PAGE_SECONDS = 8  # how long each page of a long list (table plan, board, vote, action plan) stays on screen
PLAIN_MODES = (ProjectorMode.BLANK, ProjectorMode.WHITE)


class ProjectorController(QObject):
    """Holds the projector's mode and the sitting it shows; pushes fresh content on every change."""

    state_changed = Signal(object, bool)  # mode, visible
    preview_due = Signal()
    resume_changed = Signal(str)  # the pause screen's return time, as the room reads it ("10:45")

    def __init__(self, window: ProjectorWindow) -> None:
        super().__init__()
        self.window = window
        self.mode = ProjectorMode.WELCOME
        self._before_plain = ProjectorMode.WELCOME  # what a black or white screen hides, back on the same key
        self.sitting_id: int | None = None
        self.elapsed: float | None = None
        self._document: Document | None = None
        self._programme: Programme | None = None
        self._agenda: SittingAgenda | None = None
        self._groups: tuple[StakeholderGroup, ...] = ()
        self.head_count: HeadCount | None = None
        self.countdown: CountdownView | None = None
        self.plan: PlanView | None = None
        self.resume_at: datetime | None = None  # the return time the facilitator set, or the default when paused
        self.page = 0
        self._page_timer = QTimer(self)
        self._page_timer.setInterval(PAGE_SECONDS * 1000)
        self._page_timer.timeout.connect(self._on_page_timer_timeout)
        self._page_timer.start()
        self.board: BoardView | None = None
        self.question: Question | None = None
        self.joining: JoinCard | None = None
        self.board_projection: BoardProjection | None = None
        self.result: ResultView | None = None
        self.actions: ActionsView | None = None
        self.vote_projection: VoteProjection | None = None
        self._preview_timer = QTimer(self)
        self._preview_timer.setInterval(PREVIEW_INTERVAL_MS)
        self._preview_timer.timeout.connect(self._on_preview_timer_timeout)
        self._preview_timer.start()
        self.window.hidden.connect(lambda: self.state_changed.emit(self.mode, False))

    def set_document(self, document: "Document | None") -> None:
        from workshop_desk.ui.board.projection import BoardProjection
        from workshop_desk.ui.voting.projection import VoteProjection

        self._document = document
        self.sitting_id = None
        self.elapsed = None
        if document is not None:
            document.programme_changed.connect(self.reload)
            document.sittings_changed.connect(self.reload)
            document.participants_changed.connect(self.reload)
            document.agenda_changed.connect(self._on_document_agenda_changed)
            document.run_changed.connect(self._on_document_run_changed)
        if self.board_projection is not None:
            self.board_projection.detach()
        self.board, self.question = None, None
        self.board_projection = BoardProjection(self, document) if document is not None else None
        if self.vote_projection is not None:
            self.vote_projection.detach()
        self.result, self.actions = None, None
        self.vote_projection = VoteProjection(self, document) if document is not None else None
        self.reload()

    def set_mode(self, mode: ProjectorMode) -> None:
        if mode == ProjectorMode.PAUSE and (self.resume_at is None or self.resume_at < utc_now()):
            self.resume_at = self.resume_time()  # fixed as the pause starts: it must not creep while it lasts
        self.mode = mode
        self.page = 0
        self.refresh()
        self.state_changed.emit(mode, self.window.isVisible())

    def toggle_plain(self, mode: ProjectorMode) -> None:
        """Black or white screen (B and W on a presenter remote); the same key again brings back what was shown."""
        if self.mode == mode:
            self.set_mode(self._before_plain)
            return
        if self.mode not in PLAIN_MODES:
            self._before_plain = self.mode
        self.set_mode(mode)

    def show_sitting(self, sitting_id: int | None) -> None:
        """Follow the sitting chosen in the console (a running sitting takes precedence)."""
        running = self._document.running() if self._document else None
        self.sitting_id = running.sitting.id if running else sitting_id
        self.reload()

    def set_head_count(self, count: HeadCount | None) -> None:
        """The live head count from the sign-in desk (None: the desk is closed)."""
        self.head_count = count
        self.refresh()

    def set_plan(self, view: PlanView | None) -> None:
        """The table plan of one round (pages turn by themselves when the tables do not all fit)."""
        self.plan = view
        self.page = 0
        self.refresh()

    def _on_page_timer_timeout(self) -> None:
        """Turn the page when the screen shown has more than one (what it paints last tells how many)."""
        if self.window.pages() > 1:
            self.page += 1
            self.refresh(preview=False)

    def resume_time(self) -> datetime:
        """When the room is expected back: the time the facilitator set, else now + the next break's length."""
        if self.resume_at is not None and self.resume_at >= utc_now():
            return self.resume_at
        return resume_time(self._agenda, utc_now())

    def resume_text(self) -> str:
        """The return time as the pause screen shows it ("10:45")."""
        return format_time(local(self.resume_time()).time())

    def _on_preview_timer_timeout(self) -> None:
        self.preview_due.emit()
        self.resume_changed.emit(self.resume_text())  # the default return time moves on with the clock

    def set_resume_at(self, when: datetime) -> None:
        """The return time the facilitator set (Shift+F8), shown on the pause screen."""
        self.resume_at = when
        self.refresh()

    def set_countdown(self, view: CountdownView | None) -> None:
        """The round timer's latest reading (ticks often: no database access here)."""
        self.countdown = view
        if self.mode == ProjectorMode.TIMER:
            self.refresh(preview=False)

    def set_board(self, view: BoardView | None) -> None:
        """The idea board (or one theme, or one note) as the room should see it."""
        self.board = view
        if self.mode in (ProjectorMode.BOARD, ProjectorMode.NOTE):
            self.refresh()

    def set_question(self, question: Question | None) -> None:
        """The question pinned for the room (None: none is)."""
        self.question = question
        if self.mode == ProjectorMode.QUESTION:
            self.refresh()

    def set_result(self, view: ResultView | None) -> None:
        """The ballot on show, recounted after every saved vote (its result is None until revealed)."""
        self.result = view
        if self.mode == ProjectorMode.RESULTS:
            self.refresh()

    def set_joining(self, card: JoinCard | None) -> None:
        """How phones join the sitting (None: its participant server is off)."""
        self.joining = card
        if self.mode == ProjectorMode.JOIN:
            self.refresh()

    def set_actions(self, view: ActionsView | None) -> None:
        """The action plan as the room should see it."""
        self.actions = view
        if self.mode == ProjectorMode.ACTIONS:
            self.refresh()

    def set_elapsed(self, elapsed: float | None) -> None:
        self.elapsed = elapsed
        if self.mode == ProjectorMode.AGENDA or elapsed is None:
            self.refresh(preview=False)

    def toggle(self, screen_name: str = "") -> None:
        """Show the projector window, or hide it (F5)."""
        self.set_visible(not self.window.isVisible(), screen_name)

    def set_visible(self, visible: bool, screen_name: str = "") -> None:
        """Show the projector window on its screen (Shift+F5), or hide it (Esc)."""
        if visible and not self.window.isVisible():
            screens = {s.name(): s for s in QGuiApplication.screens()}
            self.window.present_on(screens.get(screen_name))
        elif not visible and self.window.isVisible():
            self.window.hide()
        self.state_changed.emit(self.mode, self.window.isVisible())

    def refresh(self, preview: bool = True) -> None:
        """Push the current content to the projector window."""
        self.window.show_content(self.content())
        if preview:
            self.preview_due.emit()
            self.resume_changed.emit(self.resume_text())

    def reload(self) -> None:
        """Read the programme and the shown sitting again (after a saved change), then refresh."""
        self._programme = self._document.programme() if self._document else None
        self._groups = tuple(self._document.groups()) if self._document else ()
        self._agenda = None
        if self._document is not None and self.sitting_id is not None:
            try:
                self._agenda = self._document.agenda(self.sitting_id)
            except LookupError:  # the sitting was deleted
                self.sitting_id = None
        self.refresh()

    def content(self) -> ProjectorContent:
        """What the projector shows now (no database access: ticks call this often)."""
        running = self._agenda is not None and self._agenda.sitting.is_running
        elapsed = self.elapsed if running else None
        return ProjectorContent(
            mode=self.mode, programme=self._programme, agenda=self._agenda, elapsed_seconds=elapsed, now=utc_now(),
            head_count=self.head_count, groups=self._groups, countdown=self.countdown, plan=self.plan,
            board=self.board, question=self.question, result=self.result, actions=self.actions, page=self.page,
            resume_at=self.resume_time() if self.mode == ProjectorMode.PAUSE else None, joining=self.joining)

    def _on_document_agenda_changed(self, sitting_id: int) -> None:
        if sitting_id == self.sitting_id:
            self.reload()

    def _on_document_run_changed(self, sitting_id: int) -> None:
        self.sitting_id = sitting_id
        self.reload()
