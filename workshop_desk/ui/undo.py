"""Undo commands for edits that have already been applied (and committed) when pushed."""

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand


class AppliedCommand(QUndoCommand):
    """An edit done before being pushed: the stack's first redo() is skipped."""

    def __init__(self, text: str, redo: Callable[[], object], undo: Callable[[], object]) -> None:
        super().__init__(text)
        self._redo = redo
        self._undo = undo
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._redo()

    def undo(self) -> None:
        self._undo()
