"""The Ideas tab: capture bar, the board, its toolbar; every change saved, undoable, mirrored on the projector."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from shiboken6 import isValid

from workshop_desk.domain.capture import capture_slots
from workshop_desk.domain.enums import ProjectorMode
from workshop_desk.domain.ideas import (
    ArrangeBy,
    Board,
    Idea,
    IdeaDraft,
    Theme,
    choose_keeper,
    colour_rule,
    fold,
    matches,
)
from workshop_desk.domain.table_plan import RoomTable
from workshop_desk.domain.validation import ValidationError
from workshop_desk.i18n import _, ngettext
from workshop_desk.ui import prompts
from workshop_desk.ui import theme as look
from workshop_desk.ui.board.capture import CaptureBar
from workshop_desk.ui.board.context_menu import context_menu
from workshop_desk.ui.board.scene import BoardScene
from workshop_desk.ui.board.toolbar import ALL, HIDDEN, UNSORTED, BoardToolbar, parse_filter
from workshop_desk.ui.board.view import BoardCanvas
from workshop_desk.ui.commands.board import ShowRequest
from workshop_desk.ui.document import Document
from workshop_desk.ui.phones.queue import IDEAS, ApprovalQueue
from workshop_desk.ui.widgets.form_status import FormStatus

SEARCH_DIM = 0.18


class BoardPage(QWidget):
    """Shows one sitting's board; the scene follows the saved notes through the board commands' signals."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self._document = document
        self.commands = document.board
        self.sitting_id: int | None = None
        self._tables: list[RoomTable] = []
        self._themes: list[Theme] = []
        self._fit_pending = False
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.capture = CaptureBar()
        self.toolbar = BoardToolbar()
        self.scene = BoardScene()
        self.canvas = BoardCanvas(self.scene)
        self.summary = QLabel()
        self.summary.setStyleSheet(f"color: {look.MUTED};")
        self.status = FormStatus()
        self.queue = ApprovalQueue(self._document, IDEAS)  # ideas from phones waiting for approval
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.capture)
        layout.addWidget(self.status)
        layout.addWidget(self.queue)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.summary)

    def _connect_signals(self) -> None:
        bar = self.toolbar
        self.capture.captured.connect(self._on_capture_captured)
        self.commands.ideas_changed.connect(self._on_commands_ideas_changed)
        self.commands.themes_changed.connect(self._on_commands_themes_changed)
        self._document.agenda_changed.connect(self._on_document_agenda_changed)
        self.scene.layout_dragged.connect(self._on_scene_layout_dragged)
        self.scene.note_activated.connect(self.edit_note)
        self.scene.theme_activated.connect(self.rename_theme)
        self.scene.context_requested.connect(lambda item, pos: context_menu(self, item).exec(pos))
        self.scene.selectionChanged.connect(self._on_scene_selection_changed)
        bar.colour_by_combo.currentIndexChanged.connect(lambda _i: self._recolour())
        bar.filter_combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        bar.search_edit.textChanged.connect(lambda _t: self.apply_filter())
        for action, slot in ((bar.new_theme, self.new_theme), (bar.merge, self.merge_selected),
                             (bar.delete, self.delete_selected), (bar.reveal, self.reveal),
                             (bar.arrange_theme, lambda: self.arrange(ArrangeBy.THEME)),
                             (bar.arrange_table, lambda: self.arrange(ArrangeBy.TABLE)),
                             (bar.zoom_in, lambda: self.canvas.zoom_by(1.25)),
                             (bar.zoom_out, lambda: self.canvas.zoom_by(0.8)), (bar.fit, self.canvas.fit_all),
                             (bar.show_board, lambda: self.show_on_projector(ProjectorMode.BOARD)),
                             (bar.show_theme, lambda: self.show_on_projector(ProjectorMode.BOARD, theme=True)),
                             (bar.show_note, lambda: self.show_on_projector(ProjectorMode.NOTE))):
            action.triggered.connect(lambda _checked=False, s=slot: s())
        self._shortcuts()

    def _shortcuts(self) -> None:
        page, canvas = Qt.ShortcutContext.WidgetWithChildrenShortcut, Qt.ShortcutContext.WidgetShortcut
        for keys, slot, parent, context in (
                ("Ctrl+G", self.new_theme, self, page), ("Ctrl+M", self.merge_selected, self, page),
                ("Ctrl+F", self.toolbar.search_edit.setFocus, self, page),
                (QKeySequence.StandardKey.Delete, self.delete_selected, self.canvas, canvas),
                ("F2", self._edit_selected, self.canvas, canvas), ("Return", self._edit_selected, self.canvas, canvas)):
            shortcut = QShortcut(QKeySequence(keys), parent)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    # Loading ---------------------------------------------------------------------------------------------
    def set_sitting(self, sitting_id: int | None) -> None:
        """Show this sitting's board."""
        self._fit_pending = self._fit_pending or sitting_id != self.sitting_id
        self.sitting_id = sitting_id
        self.queue.set_sitting(sitting_id)
        self.reload()
        self._fit_if_pending()

    def _fit_if_pending(self) -> None:
        """Frame a newly shown board once the page has its real size."""
        if self._fit_pending and self.isVisible() and self.canvas.viewport().width() > 50:
            self._fit_pending = False
            self.canvas.fit_readable()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_if_pending()

    def reload(self) -> None:
        if self.sitting_id is None:
            self.scene.load(Board(0), self._colour_rule(), self._footer)
            return
        workspace = self._document.workspace
        self._tables = workspace.room_tables.tables(self.sitting_id)
        board = workspace.ideas.board(self.sitting_id)
        self._themes = list(board.themes)
        self._refresh_choices()
        self.scene.load(board, self._colour_rule(), self._footer)
        self.apply_filter()

    def _refresh_choices(self) -> None:
        if self.sitting_id is None:
            return
        agenda = self._document.agenda(self.sitting_id)
        groups = self._document.groups()
        current = agenda.sitting.current_item_id if agenda.sitting.is_running else None
        self.capture.set_choices(agenda.items, current, self._tables, groups)
        self.toolbar.set_filters(agenda.items, self._tables, groups, self._themes)

    def _on_commands_ideas_changed(self, sitting_id: int, ids: list[int] | None) -> None:
        if sitting_id != self.sitting_id:
            return
        if ids is None:
            self.reload()
            return
        added = self.scene.update_ideas(ids, self._document.workspace.ideas.get_many(ids))
        for item in added:
            self._apply_filter_to(item.idea)
        self.scene.grow_to(added)
        if added:
            self.canvas.ensureVisible(added[-1], 40, 40)
        self._show_summary()

    def _on_commands_themes_changed(self, sitting_id: int) -> None:
        if sitting_id == self.sitting_id:
            self._themes = self._document.workspace.themes.themes(sitting_id)
            self.scene.set_themes(self._themes)
            self._refresh_choices()
            self._recolour()

    def _on_document_agenda_changed(self, sitting_id: int) -> None:
        if sitting_id == self.sitting_id:
            self._refresh_choices()

    # Capture and edit --------------------------------------------------------------------------------------
    def _on_capture_captured(self, drafts: list[IdeaDraft]) -> None:
        if self.sitting_id is None:
            return
        positions = capture_slots(self.scene.ideas.values(), self.scene.frames(), len(drafts))
        try:
            self.commands.add_notes(self.sitting_id, drafts, positions)
        except ValidationError as error:
            self.status.show_error(str(error))
            return
        self.status.clear_error()
        self.capture.clear_text()

    def edit_note(self, idea_id: int) -> None:
        idea = self.scene.ideas.get(idea_id)
        if idea is None:
            return
        text = prompts.ask_text(self, _("Edit the note"), _("Text of the note:"), idea.text)
        if text is not None:
            self._attempt(lambda: self.commands.edit(idea, text))

    def _edit_selected(self) -> None:
        ids = self.scene.selected_ids()
        if len(ids) == 1:
            self.edit_note(ids[0])
        elif not ids and len(self.scene.selected_themes()) == 1:
            self.rename_theme(self.scene.selected_themes()[0].theme.id)

    def _on_scene_layout_dragged(self, layout: object, text: str) -> None:
        if self.sitting_id is not None:
            self.commands.place(self.sitting_id, layout, text)  # type: ignore[arg-type]

    # Board operations ----------------------------------------------------------------------------------------
    def new_theme(self) -> None:
        """A theme holding the selected notes (an empty one when none is selected)."""
        if self.sitting_id is None:
            return
        name = prompts.ask_text(self, _("New theme"), _("Name of the theme:"))
        if name is None:
            return
        ids = self.scene.selected_ids()
        item_id = self.capture.item_combo.currentData()
        theme = self._attempt(lambda: self.commands.create_theme(self.sitting_id or 0, name, ids, item_id))
        if isinstance(theme, Theme):
            self.canvas.ensureVisible(self.scene.themes[theme.id], 40, 40)

    def rename_theme(self, theme_id: int) -> None:
        item = self.scene.themes.get(theme_id)
        if item is None:
            return
        name = prompts.ask_text(self, _("Rename the theme"), _("Name of the theme:"), item.theme.name)
        if name is not None:
            self._attempt(lambda: self.commands.rename_theme(item.theme, name))

    def recolour_theme(self, theme_id: int) -> None:
        item = self.scene.themes.get(theme_id)
        colour = prompts.choose_colour(self, item.theme.colour) if item else None
        if item is not None and colour is not None:
            self.commands.recolour_theme(item.theme, colour)

    def delete_theme(self, theme_id: int) -> None:
        item = self.scene.themes.get(theme_id)
        if item is not None:
            self.commands.delete_theme(item.theme)

    def set_theme_of_selected(self, theme: Theme | None) -> None:
        ids = self.scene.selected_ids()
        if ids and self.sitting_id is not None:
            self.commands.set_theme(self.sitting_id, ids, theme)

    def merge_selected(self) -> None:
        """The selected notes say the same thing: one stays on the board, showing the count; all texts are kept."""
        ideas = [self.scene.ideas[i] for i in self.scene.selected_ids()]
        if len(ideas) < 2 or self.sitting_id is None:
            self.status.show_error(_("Select at least two notes to merge."))
            return
        keeper = choose_keeper(ideas, self.scene.folded)
        self._attempt(lambda: self.commands.merge(self.sitting_id or 0, keeper.id,
                                                  [i.id for i in ideas if i.id != keeper.id]))
        self.scene.notes[keeper.id].setSelected(True)

    def split_selected(self) -> None:
        ids = self.scene.selected_ids()
        if len(ids) == 1 and self.sitting_id is not None:
            self.commands.split(self.sitting_id, ids[0])

    def delete_selected(self) -> None:
        ids = self.scene.selected_ids()
        if ids and self.sitting_id is not None:
            self.commands.delete(self.sitting_id, ids)
        elif not ids:
            for item in self.scene.selected_themes():
                self.commands.delete_theme(item.theme)

    def set_hidden_selected(self, hidden: bool) -> None:
        ids = [i for i in self.scene.selected_ids() if self.scene.ideas[i].hidden != hidden]
        if ids and self.sitting_id is not None:
            self.commands.set_hidden(self.sitting_id, ids, hidden)

    def reveal(self) -> None:
        if self.sitting_id is not None:
            self.commands.reveal(self.sitting_id)  # the status bar says how many

    def arrange(self, by: ArrangeBy) -> None:
        if self.sitting_id is not None:
            self.commands.arrange(self.sitting_id, by)
            self.canvas.fit_readable()

    def show_on_projector(self, mode: ProjectorMode, theme: bool = False) -> None:
        """The board, the selected theme, or the selected note in large type, on the projector."""
        if self.sitting_id is None:
            return
        ids = self.scene.selected_ids()
        themes = self.scene.selected_themes()
        theme_id = themes[0].theme.id if themes else (self.scene.ideas[ids[0]].theme_id if ids else None)
        if (theme and theme_id is None) or (mode == ProjectorMode.NOTE and len(ids) != 1):
            self.status.show_error(_("Select a theme first.") if theme else _("Select one note first."))
            return
        self.status.clear_error()
        self.commands.show(ShowRequest(mode, self.sitting_id, theme_id if theme else None,
                                       ids[0] if mode == ProjectorMode.NOTE else None, self.toolbar.colour_by()))

    # Display -------------------------------------------------------------------------------------------------
    def _on_scene_selection_changed(self) -> None:
        if not isValid(self.scene):  # the scene clears its selection as it is destroyed
            return
        ids = self.scene.selected_ids()
        self.toolbar.merge.setEnabled(len(ids) >= 2)
        self.toolbar.delete.setEnabled(bool(ids) or bool(self.scene.selected_themes()))
        # What the one-idea key shows: exactly one selected note, else nothing (its screen then asks for one).
        sitting_id = self.sitting_id
        self.commands.focus_candidate = (sitting_id, ids[0]) if len(ids) == 1 and sitting_id is not None else None

    def _colour_rule(self) -> Callable[[Idea], str]:
        tables = {t.id: t.position for t in self._tables}
        groups = {g.id: g.colour for g in self._document.groups()}
        return colour_rule(self.toolbar.colour_by(), {t.id: t.colour for t in self._themes}, groups, tables)

    def _footer(self, idea: Idea) -> str:
        table = next((t.name for t in self._tables if t.id == idea.table_id), "")
        return " · ".join(part for part in (idea.author, table) if part)

    def _recolour(self) -> None:
        self.scene.recolour(self._colour_rule())
        if self.sitting_id is not None:
            self.commands.set_colour_by(self.sitting_id, self.toolbar.colour_by())

    def apply_filter(self) -> None:
        for item in self.scene.notes.values():
            self._apply_filter_to(item.idea)
        self._show_summary()

    def _apply_filter_to(self, idea: Idea) -> None:
        kind, value = parse_filter(self.toolbar.filter_combo.currentData())
        shown = {ALL: True, UNSORTED: idea.theme_id is None, HIDDEN: idea.hidden, "theme": idea.theme_id == value,
                 "table": idea.table_id == value, "group": idea.group_id == value,
                 "item": idea.agenda_item_id == value}[kind]
        item = self.scene.notes[idea.id]
        item.setVisible(shown)
        query = fold(self.toolbar.search_edit.text().strip())
        item.setOpacity(1.0 if matches(idea, query, self.scene.folded.get(idea.id, ())) else SEARCH_DIM)

    def _show_summary(self) -> None:
        notes = self.scene.notes.values()
        hidden = sum(1 for item in notes if item.idea.hidden)
        filtered = parse_filter(self.toolbar.filter_combo.currentData())[0] != ALL
        shown = sum(1 for item in notes if item.isVisible()) if filtered else len(notes)
        folded = sum(len(stack) for stack in self.scene.folded.values())
        parts = [ngettext("{n} note", "{n} notes", len(notes)).format(n=len(notes))]
        if shown != len(notes):
            parts[0] = _("{shown} of {n} notes shown").format(shown=shown, n=len(notes))
        parts.append(ngettext("{n} theme", "{n} themes", len(self.scene.themes)).format(n=len(self.scene.themes)))
        if hidden:
            parts.append(ngettext("{n} hidden", "{n} hidden", hidden).format(n=hidden))
        if folded:
            parts.append(ngettext("{n} merged into others", "{n} merged into others", folded).format(n=folded))
        self.summary.setText(" · ".join(parts))
        self.toolbar.show_counts(hidden)

    def _attempt(self, action: Callable[[], object]) -> object:
        """Run a saving action; a refusal (an empty name, a note too long) is shown, not raised."""
        try:
            result = action()
        except ValidationError as error:
            self.status.show_error(str(error))
            return None
        self.status.clear_error()
        return result
