"""Feeds the projector's board, note and question screens from the saved board and questions."""

from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from workshop_desk.domain.enums import ProjectorMode
from workshop_desk.domain.ideas import Board, Idea, colour_rule, stacks
from workshop_desk.ui.commands.board import ShowRequest
from workshop_desk.ui.document import Document
from workshop_desk.ui.projector.content import BoardView

if TYPE_CHECKING:
    from workshop_desk.ui.projector.controller import ProjectorController

SETTLE_MS = 120  # a burst of changes (a pasted list, an arrangement) redraws the projector once


class BoardProjection(QObject):
    """Follows the board page's requests (board, theme, note, question) and the saved changes behind them."""

    def __init__(self, controller: "ProjectorController", document: Document) -> None:
        super().__init__(document)
        self._controller = controller
        self._document = document
        self._commands = document.board
        self.request: ShowRequest | None = None
        self.question_sitting: int | None = None
        self._requesting = False  # the mode change comes from a request of ours, which already chose the sitting
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.rebuild)
        self._commands.show_requested.connect(self._on_commands_show_requested)
        self._commands.ideas_changed.connect(lambda sitting_id, _ids: self._on_board_changed(sitting_id))
        self._commands.themes_changed.connect(self._on_board_changed)
        self._commands.colouring_changed.connect(self._on_board_changed)
        document.questions_changed.connect(self._on_document_questions_changed)
        controller.state_changed.connect(self._on_controller_state_changed)

    def detach(self) -> None:
        """Stop following the controller (the document is closing)."""
        self._settle.stop()
        self._controller.state_changed.disconnect(self._on_controller_state_changed)

    # Requests and changes --------------------------------------------------------------------------------------
    def _on_commands_show_requested(self, request: ShowRequest) -> None:
        if request.mode == ProjectorMode.QUESTION:
            self.question_sitting = request.sitting_id
            self._controller.set_question(self._document.workspace.questions.pinned(request.sitting_id))
        else:
            self.request = request
            self.rebuild()
        self._requesting = True
        try:
            self._controller.set_mode(request.mode)
        finally:
            self._requesting = False

    def _on_controller_state_changed(self, mode: ProjectorMode, _visible: bool) -> None:
        """A mode chosen from the projector panel or its key: show the sitting selected in the console."""
        sitting_id = self._controller.sitting_id
        if self._requesting:
            return
        if mode == ProjectorMode.NOTE:
            self._show_selected_note(sitting_id)
        elif mode == ProjectorMode.BOARD and sitting_id is not None:
            request = self.request
            if request is None or request.sitting_id != sitting_id or request.mode != mode:
                self.request = ShowRequest(mode, sitting_id, request.theme_id if request and request.sitting_id ==
                                           sitting_id else None, None, self._commands.colour_by)
                self.rebuild()
        elif mode == ProjectorMode.QUESTION and sitting_id is not None and sitting_id != self.question_sitting:
            self.question_sitting = sitting_id
            self._controller.set_question(self._document.workspace.questions.pinned(sitting_id))

    def _show_selected_note(self, sitting_id: int | None) -> None:
        """The one-idea key: the note selected on the board page now (whichever sitting runs), every time it is
        pressed; with none selected, the screen's empty state asks for one."""
        candidate = self._commands.focus_candidate
        sitting_id = candidate[0] if candidate else sitting_id
        if sitting_id is None:
            self.request = None
            self._controller.set_board(None)
            return
        self.request = ShowRequest(ProjectorMode.NOTE, sitting_id, None, candidate[1] if candidate else None,
                                   self._commands.colour_by)
        self.rebuild()

    def _on_board_changed(self, sitting_id: int) -> None:
        if self.request is not None and sitting_id == self.request.sitting_id:
            self._settle.start()

    def _on_document_questions_changed(self, sitting_id: int) -> None:
        if sitting_id == (self.question_sitting or self._controller.sitting_id):
            self.question_sitting = sitting_id
            self._controller.set_question(self._document.workspace.questions.pinned(sitting_id))

    # Building what the room sees -----------------------------------------------------------------------------
    def rebuild(self) -> None:
        """Read the board again and push it to the projector."""
        request = self.request
        if request is None:
            return
        try:
            board = self._document.workspace.ideas.board(request.sitting_id)
        except LookupError:
            return
        if request.theme_id is not None and request.theme_id not in {t.id for t in board.themes}:
            request = self.request = ShowRequest(request.mode, request.sitting_id, None, request.focus_id,
                                                 request.colour_by)
        self._controller.set_board(self.board_view(board, request))

    def board_view(self, board: Board, request: ShowRequest) -> BoardView:
        """The revealed notes of the board (or of one theme), coloured as on the console."""
        workspace = self._document.workspace
        tables = {t.id: t.position for t in workspace.room_tables.tables(board.sitting_id)}
        groups = {g.id: g.colour for g in self._document.groups()}
        # The console's current colouring (it may have changed since the request).
        rule = colour_rule(self._commands.colour_by, {t.id: t.colour for t in board.themes}, groups, tables)
        folded = stacks(board.ideas)
        notes = tuple(i for i in board.ideas if i.on_board and not i.hidden
                      and (request.theme_id is None or i.theme_id == request.theme_id))
        themes = tuple(t for t in board.themes if request.theme_id in (None, t.id))
        focus = next((i for i in board.ideas if i.id == request.focus_id and i.on_board), None)
        return BoardView(self._title(board, notes, request), notes, tuple(rule(i) for i in notes),
                         tuple(1 + len(folded.get(i.id, ())) for i in notes), themes, focus,
                         rule(focus) if focus else "", 1 + len(folded.get(focus.id, ())) if focus else 1,
                         next((t.name for t in board.themes if focus and t.id == focus.theme_id), ""))

    def _title(self, board: Board, notes: tuple[Idea, ...], request: ShowRequest) -> str:
        """The theme's name, or the question being worked on (the agenda item most notes answer)."""
        if request.theme_id is not None:
            return next(t.name for t in board.themes if t.id == request.theme_id)
        agenda = self._document.agenda(board.sitting_id)
        common = Counter(i.agenda_item_id for i in notes if i.agenda_item_id).most_common(1)
        item = next((i for i in agenda.items if common and i.id == common[0][0]), None)
        return item.title if item else agenda.sitting.title
