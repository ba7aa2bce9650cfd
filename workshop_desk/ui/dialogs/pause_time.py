"""Shift+F8: the pause screen's return time, preset, changed in a few keystrokes."""

from datetime import datetime, timedelta

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QTimeEdit, QWidget

from workshop_desk.i18n import _

LATE_GRACE = timedelta(hours=1)  # a time this far before now is tomorrow's (a break across midnight)


class PauseTimeDialog(QDialog):
    """One time field, selected, so that typing "1045" and Enter is all it takes."""

    def __init__(self, preset: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._preset = preset  # local, aware
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.setWindowTitle(_("Pause screen"))
        self.time_edit = QTimeEdit(QTime(self._preset.hour, self._preset.minute))  # no hidden seconds
        self.time_edit.setDisplayFormat("HH:mm")
        note = QLabel(_("The pause screen tells the room when to be back."))
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        form = QFormLayout(self)
        form.addRow(_("We &resume at"), self.time_edit)
        form.addRow(note)
        form.addRow(self.buttons)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def resume_at(self) -> datetime:
        """The chosen time, today (tomorrow when it is more than an hour before the preset's day and hour)."""
        now = datetime.now().astimezone()
        typed = self.time_edit.time()
        chosen = now.replace(hour=typed.hour(), minute=typed.minute(), second=0, microsecond=0)
        return chosen + timedelta(days=1) if chosen < now - LATE_GRACE else chosen
