"""A page of a programme opened read-only: every control that could change it is disabled, the reading ones stay."""

from collections.abc import Iterable

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

_INPUTS = (QAbstractButton, QLineEdit, QAbstractSpinBox, QComboBox, QTextEdit, QPlainTextEdit)


def lock_editing(root: QWidget, reading: Iterable[QWidget] = ()) -> None:
    """Disable every input under `root` but the `reading` ones (search, filters, exports, projector) and what they
    hold; lists and tables stay browsable but no longer edit or take drops."""
    kept = list(reading)
    for widget in root.findChildren(QWidget):
        if isinstance(widget.parent(), QTabBar) or any(widget is keep or keep.isAncestorOf(widget) for keep in kept):
            continue  # the tab bars' own scroll arrows move between tabs
        if isinstance(widget, QAbstractItemView):
            widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            widget.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        elif isinstance(widget, _INPUTS):
            widget.setEnabled(False)
