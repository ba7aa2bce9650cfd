"""A sitting's priorities — promoted from a vote (the method and scores kept as their justification) or typed in,
edited, reordered with Ctrl+Up/Down or by dragging, deleted — and the programme's consolidated priorities."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop_desk.domain.priorities import Priority, PriorityDraft
from workshop_desk.domain.validation import ValidationError
from workshop_desk.domain.voting import Ballot
from workshop_desk.i18n import _
from workshop_desk.ui import prompts, theme
from workshop_desk.ui.document import Document
from workshop_desk.ui.translation import key_text
from workshop_desk.ui.voting import texts
from workshop_desk.ui.voting.list_models import CheckListModel
from workshop_desk.ui.voting.plan_models import ConsolidatedModel, PrioritiesModel
from workshop_desk.ui.widgets.form_status import FormStatus
from workshop_desk.ui.widgets.text_area import TextArea

PRESELECTED = 3  # the first three of a result are ticked for promotion


class PromoteDialog(QDialog):
    """A ballot of the sitting, and the options of its result to promote (the first three ticked)."""

    def __init__(self, document: Document, ballots: list[Ballot], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Promote from a vote"))
        self.setMinimumWidth(480)
        self._commands = document.votes
        self.ballot_combo = QComboBox()
        for ballot in ballots:
            self.ballot_combo.addItem(ballot.title, ballot.id)
        self.model = CheckListModel()
        self.options_view = QListView()
        self.options_view.setModel(self.model)
        self.options_view.setUniformItemSizes(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ballot_combo.currentIndexChanged.connect(lambda _i: self._show_result())
        form = QFormLayout(self)
        form.addRow(_("&Vote"), self.ballot_combo)
        form.addRow(self.options_view)
        form.addRow(buttons)
        self.ballot_combo.setCurrentIndex(len(ballots) - 1)
        self._show_result()

    def _show_result(self) -> None:
        ballot_id = self.ballot_combo.currentData()
        result = self._commands.result(ballot_id) if ballot_id is not None else None
        rows = result.rows if result and result.sources else ()
        self.model.set_items([(row.option_id, f"{texts.rank_text(row)}. {row.label} — {texts.number(row.score)}")
                              for row in rows], range(min(PRESELECTED, len(rows))))

    def ballot_id(self) -> int | None:
        return self.ballot_combo.currentData()

    def option_ids(self) -> list[int]:
        return self.model.ticked()


class PriorityDialog(QDialog):
    """A priority's title and justification (the method and score it came from are kept)."""

    def __init__(self, priority: Priority, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Edit the priority"))
        self.setMinimumWidth(480)
        self.priority = priority
        self.title_edit = QLineEdit(priority.title)
        self.justification_edit = TextArea()
        self.justification_edit.set_text(priority.justification)
        self.status = FormStatus()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_("&Priority"), self.title_edit)
        form.addRow(_("&Justification"), self.justification_edit)
        form.addRow(self.status)
        form.addRow(self.buttons)

    def draft(self) -> PriorityDraft:
        return PriorityDraft(self.title_edit.text(), self.justification_edit.toPlainText(), self.priority.score)


class PrioritiesTable(QTableView):
    """Ctrl+Up and Ctrl+Down move the current priority; rows can also be dragged."""

    move_requested = Signal(int, int)  # from row, to row

    def __init__(self) -> None:
        super().__init__()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.verticalHeader().hide()
        self.setWordWrap(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: +1}.get(Qt.Key(event.key()))
        row = self.currentIndex().row()
        if step and event.modifiers() & Qt.KeyboardModifier.ControlModifier and row >= 0:
            if 0 <= row + step < self.model().rowCount():
                self.move_requested.emit(row, row + step)
            return
        super().keyPressEvent(event)


class PrioritiesPanel(QWidget):
    """The sitting's ordered priorities; `action_requested` asks for an action carrying one out."""

    action_requested = Signal(object)  # Priority

    def __init__(self, document: Document) -> None:
        super().__init__()
        self._document = document
        self._commands = document.plan
        self.sitting_id: int | None = None
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        heading = QLabel(_("Priorities of this sitting"))
        heading.setFont(theme.heading_font(1.1))
        self.model = PrioritiesModel()
        self.table = PrioritiesTable()
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        for column in (0, 2, 3):  # number, method, score
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(1, 280)
        header.setStretchLastSection(True)  # the justification; in full in its tooltip
        self.promote_button = QPushButton(_("&Promote from a vote…"))
        self.add_button, self.edit_button = QPushButton(_("Add…")), QPushButton(_("Edit…"))
        self.up_button, self.down_button = QPushButton("▲"), QPushButton("▼")
        self.up_button.setToolTip(key_text("Ctrl+Up"))
        self.down_button.setToolTip(key_text("Ctrl+Down"))
        for arrow in (self.up_button, self.down_button):
            arrow.setMaximumWidth(self.fontMetrics().height() * 3)
        self.delete_button = QPushButton(_("Delete"))
        self.action_button = QPushButton(_("Create an &action…"))
        buttons = QHBoxLayout()
        for button in (self.promote_button, self.add_button, self.edit_button, self.up_button, self.down_button,
                       self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.action_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.model.move_requested.connect(self.move_priority)
        self.table.move_requested.connect(self.move_priority)
        self.promote_button.clicked.connect(self.promote)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.edit_button.clicked.connect(self.edit_selected)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.up_button.clicked.connect(lambda: self._step(-1))
        self.down_button.clicked.connect(lambda: self._step(+1))
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.action_button.clicked.connect(self._on_action_button_clicked)
        self._document.priorities_changed.connect(self.reload)

    def set_sitting(self, sitting_id: int | None) -> None:
        self.sitting_id = sitting_id
        self.reload()

    def reload(self) -> None:
        row = self.table.currentIndex().row()
        self.model.set_items(self._commands.priorities(self.sitting_id) if self.sitting_id is not None else [])
        self.table.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1), 1))

    def selected(self) -> Priority | None:
        row = self.table.currentIndex().row()
        return self.model.item(row) if 0 <= row < self.model.rowCount() else None

    def move_priority(self, row: int, to: int) -> None:
        """Move the priority at `row` to place `to`, and keep it selected."""
        items: list[Priority] = [self.model.item(r) for r in range(self.model.rowCount())]
        if self.sitting_id is None or not 0 <= row < len(items) or row == to:
            return
        moved = items.pop(row)
        items.insert(max(0, min(to, len(items))), moved)
        self._commands.reorder(self.sitting_id, [p.id for p in items])
        self.table.setCurrentIndex(self.model.index(items.index(moved), 1))

    def _step(self, delta: int) -> None:
        row = self.table.currentIndex().row()
        if row >= 0 and 0 <= row + delta < self.model.rowCount():
            self.move_priority(row, row + delta)

    def promote(self) -> None:
        ballots = self._document.votes.for_sitting(self.sitting_id) if self.sitting_id is not None else []
        if not ballots:
            prompts.info(self, _("This sitting has no vote yet: create one in the Votes tab."))
            return
        dialog = PromoteDialog(self._document, ballots, self)
        if not (dialog.exec() and (ballot_id := dialog.ballot_id()) is not None and dialog.option_ids()):
            return
        if not self._commands.promote(ballot_id, dialog.option_ids()):
            prompts.info(self, _("These options are already among the sitting's priorities."))

    def _on_add_button_clicked(self) -> None:
        title = prompts.ask_text(self, _("New priority"), _("Priority:"))
        if title and self.sitting_id is not None:
            try:
                self._commands.add_priority(self.sitting_id, PriorityDraft(title))
            except ValidationError as error:
                prompts.error(self, str(error))

    def edit_selected(self) -> None:
        priority = self.selected()
        if priority is None:
            return
        dialog = PriorityDialog(priority, self)

        def save() -> None:
            try:
                self._commands.update_priority(priority, dialog.draft())
            except ValidationError as error:
                dialog.status.show_error(str(error))
                return
            dialog.accept()

        dialog.buttons.accepted.connect(save)
        dialog.exec()

    def _on_delete_button_clicked(self) -> None:
        priority = self.selected()
        if priority is not None:
            self._commands.delete_priorities([priority])

    def _on_action_button_clicked(self) -> None:
        priority = self.selected()
        if priority is not None:
            self.action_requested.emit(priority)


class ConsolidatedView(QWidget):
    """The priorities of every sitting, merged by title: retained by more sittings first, then placed higher."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self._document = document
        heading = QLabel(_("Consolidated priorities of the programme"))
        heading.setFont(theme.heading_font(1.1))
        self.model = ConsolidatedModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        document.priorities_changed.connect(self.reload)
        document.sittings_changed.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        titles = {s.id: s.title for s in self._document.sittings()}
        self.model.set_consolidated(self._document.plan.consolidated(), titles)
