"""Choose one of the programme's automatic backups to restore."""

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_desk.domain.clock import local
from workshop_desk.i18n import _, format_date, format_size, format_time

if TYPE_CHECKING:  # the services load after the first window is shown
    from workshop_desk.services.backups import Backup


class RestoreBackupDialog(QDialog):
    """Lists backups newest first; the chosen one replaces the open file (after a safety copy)."""

    def __init__(self, backups: list["Backup"], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Restore from backup"))
        self.setMinimumSize(520, 360)
        self._backups = backups
        intro = QLabel(_("Choose the state to go back to. The current state is backed up first, so "
                         "that this can be undone by restoring again."))
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setUniformItemSizes(True)
        for index, backup in enumerate(backups):
            when = local(backup.taken_at)
            text = f"{format_date(when.date())} · {format_time(when.time())}:{when.second:02d}"
            item = QListWidgetItem(f"{text}    ({format_size(backup.size)})")
            item.setData(Qt.ItemDataRole.UserRole, index)
            self.list.addItem(item)
        if backups:
            self.list.setCurrentRow(0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("&Restore"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)

    def chosen(self) -> "Backup | None":
        row = self.list.currentRow()
        return self._backups[row] if 0 <= row < len(self._backups) else None
