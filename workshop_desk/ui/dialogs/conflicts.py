"""File › Conflicts: rows changed on two laptops, the fields that differ side by side, and the version set aside
put back in place (an undoable step)."""

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_desk.domain.package_fields import field_label
from workshop_desk.domain.packages import Conflict
from workshop_desk.i18n import _
from workshop_desk.ui import theme
from workshop_desk.ui.dialogs.import_review import table_view
from workshop_desk.ui.models.conflicts_model import ConflictsModel, kept_text, other_text
from workshop_desk.ui.translation import key_text
from workshop_desk.ui.undo import NotSaved

if TYPE_CHECKING:
    from workshop_desk.ui.document import Document


class ConflictsDialog(QDialog):
    """Follows the document: a conflict taken (or taken back with Ctrl+Z) shows at once."""

    def __init__(self, document: "Document", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._setup_ui()
        self._connect_signals()
        self.refresh()

    def _setup_ui(self) -> None:
        self.setWindowTitle(_("Conflicts"))
        self.resize(960, 560)
        intro = QLabel(_("When the same thing was changed on two laptops, the latest change was kept and the other "
                         "set aside. Compare them; “Use the version set aside” puts the other in place ({keys} "
                         "takes it back).").format(keys=key_text("Ctrl+Z")))
        intro.setWordWrap(True)
        self.model = ConflictsModel()
        self.view = table_view(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.differences = QTableWidget(0, 3)
        self.differences.verticalHeader().setVisible(False)
        self.differences.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.differences.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.differences.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.differences.setWordWrap(True)
        self.empty = QLabel(_("No conflicts: nothing imported was changed on two laptops apart."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {theme.MUTED};")
        self.empty.setFont(theme.heading_font(1.1))
        self.stack = QStackedWidget()
        self.stack.addWidget(self._list_page())
        self.stack.addWidget(self.empty)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.take_button = self.buttons.addButton(_("&Use the version set aside"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.buttons)

    def _list_page(self) -> QWidget:
        page = QWidget()
        self.differences_label = QLabel()
        self.differences_label.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.differences_label)
        layout.addWidget(self.differences, 2)
        return page

    def _connect_signals(self) -> None:
        self.view.selectionModel().currentRowChanged.connect(lambda _current, _previous: self._show_selected())
        self.take_button.clicked.connect(self._on_take_button_clicked)
        self.buttons.rejected.connect(self.reject)
        self._document.packages_changed.connect(self.refresh)
        # The console's Undo and Redo, here too: the step just taken is taken back without closing the list.
        QShortcut(QKeySequence.StandardKey.Undo, self, self._document.undo_stack.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, self._document.undo_stack.redo)

    def refresh(self) -> None:
        """The conflicts as saved, the selected one still selected."""
        selected = self.selected()
        self.model.set_conflicts(self._document.workspace.packages.conflicts())
        self.view.resizeColumnsToContents()
        self.view.setColumnWidth(1, min(self.view.columnWidth(1), 260))
        has_any = self.model.rowCount() > 0
        self.stack.setCurrentIndex(0 if has_any else 1)
        self.take_button.setVisible(has_any)
        row = self.model.row_of(selected.id) if selected is not None else -1
        if has_any:
            self.view.selectRow(max(row, 0))
        self._show_selected()

    def selected(self) -> Conflict | None:
        row = self.view.currentIndex().row()
        return self.model.conflicts[row] if 0 <= row < self.model.rowCount() else None

    def _show_selected(self) -> None:
        conflict = self.selected()
        self.take_button.setEnabled(conflict is not None and not self._document.read_only)
        self.differences.setRowCount(0)
        if conflict is None:
            self.differences_label.clear()
            return
        self.differences_label.setText(_("What differs in “{what}”:").format(what=conflict.label or "—"))
        self.differences.setHorizontalHeaderLabels([_("Field"), _("Kept: {version}").format(
            version=kept_text(conflict)), _("Set aside: {version}").format(version=other_text(conflict))])
        self.differences.setRowCount(len(conflict.differences))
        for row, (column, kept, other) in enumerate(conflict.differences):
            for col, text in enumerate((field_label(column), kept or "—", other or "—")):
                self.differences.setItem(row, col, QTableWidgetItem(text))
        self.differences.resizeRowsToContents()

    def _on_take_button_clicked(self) -> None:
        conflict = self.selected()
        if conflict is None:
            return
        try:
            self._document.packages.take_other(conflict)
        except NotSaved:
            return  # the console has said why
