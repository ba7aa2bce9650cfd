"""The agenda editor: a table of timed items, edited in place, reordered by drag or keyboard."""

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop_desk.domain.agenda import budget, timed_items
from workshop_desk.domain.enums import ItemKind, label
from workshop_desk.domain.models import AgendaItem, ItemDraft, SittingAgenda
from workshop_desk.domain.validation import MAX_MINUTES, ValidationError
from workshop_desk.i18n import _, format_minutes, format_time
from workshop_desk.ui import prompts, theme
from workshop_desk.ui.document import Document
from workshop_desk.ui.models.agenda_model import AgendaModel, Column
from workshop_desk.ui.translation import key_text
from workshop_desk.ui.widgets.delegates import ChoiceDelegate, NumberDelegate


class AgendaEditor(QWidget):
    """Shows one sitting's agenda; every edit goes through the document (saved, undoable)."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self._document = document
        self._sitting_id: int | None = None
        self._agenda: SittingAgenda | None = None
        self.model = AgendaModel()
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragDropOverwriteMode(False)
        self.view.setDropIndicatorShown(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 12)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.NOTES, QHeaderView.ResizeMode.Interactive)
        kinds = [(str(kind), label(kind)) for kind in ItemKind]
        self.view.setItemDelegateForColumn(Column.KIND, ChoiceDelegate(kinds, self.view))
        self.view.setItemDelegateForColumn(Column.MINUTES, NumberDelegate(0, MAX_MINUTES, " min", self.view))
        self.add_button = QPushButton(_("&Add item"))
        self.delete_button = QPushButton(_("De&lete item"))
        self.up_button = QPushButton(_("Move &up"))
        self.down_button = QPushButton(_("Move do&wn"))
        self.add_button.setToolTip(_("Insert a new item below the selected one ({keys})").format(keys=key_text("Ins")))
        self.up_button.setToolTip(key_text("Ctrl+Up"))
        self.down_button.setToolTip(key_text("Ctrl+Down"))
        self.budget_label = QLabel()
        self.budget_label.setWordWrap(True)
        self.empty_label = QLabel(_("This sitting has no agenda yet. Add a first item, or create the "
                                    "sitting from a template (Sitting › New sitting)."))
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(f"color: {theme.MUTED};")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.delete_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.budget_label)
        self._add_shortcuts()

    def _add_shortcuts(self) -> None:
        shortcuts = (
            (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Up), lambda: self._move_selected(-1)),
            (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Down), lambda: self._move_selected(+1)),
            (QKeySequence(Qt.Key.Key_Insert), self._on_add_button_clicked),
            (QKeySequence(QKeySequence.StandardKey.Delete), self._on_delete_button_clicked),
        )
        for sequence, slot in shortcuts:
            action = QAction(self.view)
            action.setShortcut(sequence)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.view.addAction(action)

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.up_button.clicked.connect(lambda: self._move_selected(-1))
        self.down_button.clicked.connect(lambda: self._move_selected(+1))
        # Queued: the view finishes closing its editor before the saved agenda replaces the rows.
        self.model.edit_requested.connect(self._on_model_edit_requested, Qt.ConnectionType.QueuedConnection)
        self.model.move_requested.connect(self._on_model_move_requested, Qt.ConnectionType.QueuedConnection)
        self._document.agenda_changed.connect(self._on_document_agenda_changed)

    def set_sitting(self, sitting_id: int | None) -> None:
        """Show this sitting's agenda (None: nothing)."""
        self._sitting_id = sitting_id
        self.refresh()

    def refresh(self, keep_item: int | None = None) -> None:
        """Reload the saved agenda, keeping the selection on `keep_item` (or the current one)."""
        selected = keep_item if keep_item is not None else self._selected_item_id()
        self._agenda = self._document.agenda(self._sitting_id) if self._sitting_id is not None else None
        self.model.set_agenda(self._agenda)
        self.empty_label.setVisible(bool(self._agenda) and not self.model.rowCount())
        self._select_item(selected)
        self._show_budget()

    def selected_row(self) -> int:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _selected_item_id(self) -> int | None:
        row = self.selected_row()
        return self.model.item(row).id if 0 <= row < self.model.rowCount() else None

    def _select_item(self, item_id: int | None) -> None:
        for row in range(self.model.rowCount()):
            if self.model.item(row).id == item_id:
                index = self.model.index(row, Column.TITLE)
                flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                self.view.selectionModel().setCurrentIndex(index, flags)
                return

    def _show_budget(self) -> None:
        if self._agenda is None:
            self.budget_label.clear()
            return
        sitting, items = self._agenda.sitting, self._agenda.items
        plan = budget(sitting, items)
        text = _("Planned: {planned}").format(planned=format_minutes(plan.planned_minutes))
        if plan.available_minutes is not None:
            text += " · " + _("available: {available}").format(available=format_minutes(plan.available_minutes))
        style = f"color: {theme.OK};"
        if plan.over_by:
            timed = timed_items(sitting, items)
            ends = format_time(timed[-1].end) if timed and timed[-1].end else "?"
            text = "⚠ " + text + " — " + _("{over} over: the agenda ends at {ends}, the sitting at {end}.").format(
                over=format_minutes(plan.over_by), ends=ends, end=format_time(sitting.end_time)  # type: ignore[arg-type]
            )
            style = f"color: {theme.WARNING}; font-weight: bold;"
        self.budget_label.setText(text)
        self.budget_label.setStyleSheet(style)

    def _on_document_agenda_changed(self, sitting_id: int) -> None:
        if sitting_id == self._sitting_id:
            self.refresh()

    def _on_add_button_clicked(self) -> None:
        if self._sitting_id is None:
            return
        row = self.selected_row()
        draft = ItemDraft(_("New item"), ItemKind.OTHER, 10)
        item = self._document.add_item(self._sitting_id, draft, row + 1 if row >= 0 else None)
        self.refresh(keep_item=item.id)
        self.view.setFocus()
        self.view.edit(self.model.index(item.position, Column.TITLE))

    def _on_delete_button_clicked(self) -> None:
        item_id = self._selected_item_id()
        if item_id is not None:
            row = self.selected_row()
            self._document.delete_item(item_id)
            if self.model.rowCount():
                self._select_item(self.model.item(min(row, self.model.rowCount() - 1)).id)

    def _move_selected(self, delta: int) -> None:
        row = self.selected_row()
        if self._sitting_id is None or row < 0 or not 0 <= row + delta < self.model.rowCount():
            return
        item_id = self.model.item(row).id
        self._document.move_item(self._sitting_id, item_id, row + delta)
        self._select_item(item_id)

    def _on_model_edit_requested(self, item: AgendaItem, draft: ItemDraft) -> None:
        try:
            self._document.update_item(item, draft)
        except ValidationError as error:
            prompts.error(self, str(error))

    def _on_model_move_requested(self, item_id: int, row: int) -> None:
        if self._sitting_id is not None:
            self._document.move_item(self._sitting_id, item_id, row)
            self._select_item(item_id)

    def current_index(self) -> QModelIndex:
        return self.view.currentIndex()
