"""Multi-line text that says when the user is done with it, like QLineEdit.editingFinished."""

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class TextArea(QPlainTextEdit):
    """Emits `editing_finished` when it loses focus after a change, or on Ctrl+Enter (the field keeping the focus);
    Tab moves to the next field."""

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

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and _is_ctrl_enter(event):  # type: ignore[arg-type]
            event.accept()  # the field's, not the window's Ctrl+Return (start the run)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _is_ctrl_enter(event):
            self._finish()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._finish()

    def _finish(self) -> None:
        if self._changed:
            self._changed = False
            self.editing_finished.emit()


def _is_ctrl_enter(event: QKeyEvent) -> bool:
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
        event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.ControlModifier
