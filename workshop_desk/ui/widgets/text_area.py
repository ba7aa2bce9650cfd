"""Multi-line text that says when the user is done with it, like QLineEdit.editingFinished."""

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class TextArea(QPlainTextEdit):
    """Emits `editing_finished` when it loses focus after a change; Tab moves to the next field."""

    editing_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self._changed = False
        self.textChanged.connect(self._on_self_text_changed)

    def set_text(self, text: str) -> None:
        """Replace the text without it counting as an edit."""
        if self.toPlainText() != text:
            self.blockSignals(True)
            self.setPlainText(text)
            self.blockSignals(False)
        self._changed = False

    def _on_self_text_changed(self) -> None:
        self._changed = True

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self._changed:
            self._changed = False
            self.editing_finished.emit()
