"""Undo steps for changes that were saved before being pushed, the stack that keeps a step the disk refused for now,
and the error that says a change was not saved."""

import logging
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from workshop_desk.domain.validation import ValidationError
from workshop_desk.i18n import _
from workshop_desk.storage.errors import StorageError, WriteProblem

log = logging.getLogger(__name__)

# The disk or the file refused for now (full, busy, gone): the step stays, to be done again once it can.
_FOR_NOW = frozenset({WriteProblem.DISK_FULL, WriteProblem.BUSY, WriteProblem.IO})


class NotSaved(Exception):
    """A change the file refused; the facilitator has been told why (Document.failed). Raised so that the caller
    stops before showing anything as done; the excepthook lets it pass silently."""


class AppliedCommand(QUndoCommand):
    """A change done (and saved) before being pushed: the stack's first redo() is skipped. Each undo and redo saves,
    then tells the screens. One that the data no longer allows is reported and leaves the stack (obsolete), rather
    than claim a state the file is not in; one that the disk refused for now is reported and stays where it was."""

    def __init__(self, text: str, redo: Callable[[], object], undo: Callable[[], object],
                 notify: Callable[[], None], report: Callable[[str], None]) -> None:
        super().__init__(text)
        self._redo = redo
        self._undo = undo
        self._notify = notify
        self._report = report
        self._skip = True  # the first redo() (QUndoStack.push) is the change already made
        self.refused = False  # the last undo or redo was refused for now: the stack puts the step back

    def redo(self) -> None:
        if not self._skipped():
            self._run(self._redo, _("This step could not be redone; nothing was changed. {reason}"))

    def undo(self) -> None:
        if not self._skipped():
            self._run(self._undo, _("This step could not be undone; nothing was changed. {reason}"))

    def _skipped(self) -> bool:
        skip, self._skip = self._skip, False
        return skip

    def _run(self, step: Callable[[], object], sentence: str) -> None:
        from workshop_desk.services.file_messages import storage_reason

        try:
            step()
        except StorageError as error:
            self._failed(sentence.format(reason=storage_reason(error)), error, keep=error.problem in _FOR_NOW)
        except (ValidationError, LookupError, ValueError) as error:
            self._failed(sentence.format(reason=error), error, keep=False)
        self._notify()

    def _failed(self, message: str, error: Exception, keep: bool) -> None:
        log.warning("undo step %r failed: %s", self.text(), error)
        if keep:
            self.refused = True
        else:
            self.setObsolete(True)
        self._report(message)

    def skip_once(self) -> None:
        """The stack moves back over this step after a refusal: the file is still as it was, nothing to do."""
        self._skip = True


class UndoStack(QUndoStack):
    """A QUndoStack that puts a step back in its place when the disk refused its undo or redo for now, so that the
    facilitator can do it again once there is room (or the drive is back)."""

    def undo(self) -> None:
        self._keeping(self.index() - 1, super().undo)

    def redo(self) -> None:
        self._keeping(self.index(), super().redo)

    def _keeping(self, at: int, move: Callable[[], None]) -> None:
        before = self.index()
        command = self.command(at) if 0 <= at < self.count() else None
        move()
        if isinstance(command, AppliedCommand) and command.refused:
            command.refused = False
            command.skip_once()  # setIndex calls its redo (or undo) to go back: the file already is as it was
            self.setIndex(before)
