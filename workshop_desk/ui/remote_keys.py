"""Live keys that work whichever window was clicked last, a presenter remote's keys included."""

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

if TYPE_CHECKING:
    from workshop_desk.ui.projector.window import ProjectorWindow


# What presenter remotes send, besides Page Down / Page Up: F5 or Shift+F5 to start, Esc to stop,
# and "." or B for a black screen, W for a white one (those two in projector/registry.py).
SHOW_KEYS = [QKeySequence("Shift+F5")]
HIDE_KEYS = [QKeySequence(Qt.Key.Key_Escape)]
_TEXT_ENTRIES = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)


def make_live(action: QAction) -> None:
    """The action's keys work in every window of the app (the projector's too), not only the console."""
    action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)


def takes_typing(widget: QWidget | None) -> bool:
    """Whether a bare key (a letter, ".", Esc) typed in `widget` belongs to it rather than to the projector."""
    if widget is None:
        return False
    if isinstance(widget, _TEXT_ENTRIES) or (isinstance(widget, QComboBox) and widget.isEditable()):
        return True
    if isinstance(widget, QAbstractItemView):  # a table where typing starts editing a cell
        return bool(widget.editTriggers() & QAbstractItemView.EditTrigger.AnyKeyPressed)
    return False


class RemoteKeys(QObject):
    """Gives bare keys back to the field being typed in, and hands keys that reach the projector to the console."""

    def __init__(self, actions: Iterable[QAction], projector: "ProjectorWindow", parent: QObject) -> None:
        super().__init__(parent)
        self._actions = list(actions)
        projector.key_pressed.connect(self._on_projector_key_pressed)
        app = QApplication.instance()
        if isinstance(app, QApplication):  # only the field being typed in is watched, not every event of the app
            app.focusChanged.connect(self._on_app_focus_changed)
            self._on_app_focus_changed(None, app.focusWidget())

    def _on_app_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is not None:
            old.removeEventFilter(self)
        if new is not None and takes_typing(new):
            new.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Accepting the override tells Qt that the focused widget wants the key: the shortcut stays quiet.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and _bare(event):
            event.accept()
        return False

    def _on_projector_key_pressed(self, combination: QKeyCombination) -> None:
        pressed = QKeySequence(combination)
        for action in self._actions:
            if action.isEnabled() and any(key == pressed for key in action.shortcuts()):
                action.trigger()
                return


def _bare(event: QKeyEvent) -> bool:
    """A key without Ctrl or Alt that a text field would take: a character, or Esc."""
    if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
        return False
    return event.key() == Qt.Key.Key_Escape or bool(event.text() and event.text().isprintable())
