"""The table of File › Prepare laptops, made for the keyboard: type a laptop's name, Enter or Tab to the next sitting,
Space to leave a sitting out or take it back."""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCompleter,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from workshop_desk.ui.models.laptops_model import LAPTOP, TITLE, LaptopsModel

Index = QModelIndex | QPersistentModelIndex
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _NameDelegate(QStyledItemDelegate):
    """Edits a laptop's name, offering the names already given (one spelling, one laptop)."""

    def __init__(self, model: LaptopsModel, parent: QWidget) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        completer = QCompleter(self._model.names(), editor)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)  # Enter keeps the name at once
        editor.setCompleter(completer)
        return editor


class LaptopsTable(QTableView):
    """Rows are sittings; the cursor stays in the laptop column, where typing starts editing."""

    def __init__(self, model: LaptopsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.laptops = model
        self.setModel(model)
        self.setItemDelegateForColumn(LAPTOP, _NameDelegate(model, self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked)
        self.setTabKeyNavigation(False)  # Tab leaves the table for the folder and the buttons (from an editor: next)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(LAPTOP, QHeaderView.ResizeMode.Stretch)
        if model.rowCount():
            self.setCurrentIndex(model.index(0, LAPTOP))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.currentIndex().row()
        if event.key() in _ENTER and self.state() == QAbstractItemView.State.EditingState:
            return  # the editor's Enter, come up from it: it ends the edit here, never presses the dialog's button
        if row >= 0 and self.state() != QAbstractItemView.State.EditingState:
            if event.key() == Qt.Key.Key_Space:
                self._toggle(row)
                return
            if event.key() in _ENTER:
                self.edit(self.laptops.index(row, LAPTOP))
                return
            if event.text().strip() and self.currentIndex().column() != LAPTOP:
                self.setCurrentIndex(self.laptops.index(row, LAPTOP))  # typing names the sitting's laptop
        super().keyPressEvent(event)

    def _toggle(self, row: int) -> None:
        """Space: leave the sitting out, or take it back; a sitting with no name yet is asked for one."""
        if not self.laptops.name_of(row):
            self.edit(self.laptops.index(row, LAPTOP))
        else:
            self.laptops.toggle(row)

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        """Up and down the sittings, always on the laptop column; Tab from an editor edits the next sitting's."""
        row, last = self.currentIndex().row(), self.laptops.rowCount() - 1
        steps = {QAbstractItemView.CursorAction.MoveNext: 1, QAbstractItemView.CursorAction.MovePrevious: -1}
        if action in steps:
            to = row + steps[action]
            return self.laptops.index(to, LAPTOP) if 0 <= to <= last else QModelIndex()
        moved = super().moveCursor(action, modifiers)
        return self.laptops.index(moved.row(), LAPTOP) if moved.isValid() else moved

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Enter in an editor keeps the name and goes down to the next sitting, as in a spreadsheet."""
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            row = min(self.currentIndex().row() + 1, self.laptops.rowCount() - 1)
            self.setCurrentIndex(self.laptops.index(row, LAPTOP))
