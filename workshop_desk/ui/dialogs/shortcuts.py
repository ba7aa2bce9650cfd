"""Help › Keyboard shortcuts: every shortcut of the console, read from the actions themselves."""

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_desk.i18n import N_, _
from workshop_desk.ui.translation import key_text

# Shortcuts that belong to a widget rather than to a menu action (keys as Qt writes them, named by `key_text`).
EXTRA = (
    (("Ins",), N_("Add an agenda item below the selected one")),
    (("Del",), N_("Delete the selected agenda item")),
    (("Ctrl+Up", "Ctrl+Down"), N_("Move the selected agenda item")),
    (("F2",), N_("Edit the selected cell")),
    (("Ctrl+G",), N_("Board: a theme holding the selected notes")),
    (("Ctrl+M",), N_("Board: merge the selected notes")),
    (("F2", "Return"), N_("Board: edit the selected note")),
    (("Del",), N_("Board: delete the selected notes")),
    (("Ctrl+wheel", "+", "−", "0"), N_("Board: zoom in, out, fit everything")),
    (("+", "−"), N_("Questions: one more (or one less) person asks it")),
    (("A", "P", "H"), N_("Questions: answered, pinned on the projector, hidden")),
)


class ShortcutsDialog(QDialog):
    """A two-column table: keys, and what they do."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard shortcuts"))
        self.setMinimumSize(560, 520)
        rows = [(self._keys(a), a.text().replace("&", "")) for a in actions if a.shortcuts()]
        rows += [(key_text(*keys), _(text)) for keys, text in EXTRA]
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([_("Keys"), _("Action")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, (keys, text) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(text))
        self.table.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    @staticmethod
    def _keys(action: QAction) -> str:
        return key_text(*(s.toString(QKeySequence.SequenceFormat.PortableText) for s in action.shortcuts()))
