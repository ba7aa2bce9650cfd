"""Undo steps for changes that were saved before being pushed, and the error that says a change was not saved."""

import logging
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from workshop_desk.domain.validation import ValidationError
from workshop_desk.i18n import _
from workshop_desk.storage.errors import StorageError

log = logging.getLogger(__name__)


class NotSaved(Exception):
    """A change the file refused; the facilitator has been told why (Document.failed). Raised so that the caller
    stops before showing anything as done; the excepthook lets it pass silently."""


class AppliedCommand(QUndoCommand):
    """A change done (and saved) before being pushed: the stack's first redo() is skipped. Each undo and redo saves,
    then tells the screens. One that the file or the data no longer allows is reported, and the step leaves the
    stack (obsolete) rather than claim a state the file is not in."""

    def __init__(self, text: str, redo: Callable[[], object], undo: Callable[[], object],
                 notify: Callable[[], None], report: Callable[[str], None]) -> None:
        super().__init__(text)
        self._redo = redo
        self._undo = undo
        self._notify = notify
        self._report = report
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._run(self._redo, _("This step could not be redone: {reason}"))

    def undo(self) -> None:
        self._run(self._undo, _("This step could not be undone: {reason}"))

    def _run(self, step: Callable[[], object], sentence: str) -> None:
        try:
            step()
        except StorageError as error:
            from workshop_desk.services.file_messages import describe_storage_error

            self._give_up(sentence.format(reason=describe_storage_error(error)), error)
        except (ValidationError, LookupError, ValueError) as error:
            self._give_up(sentence.format(reason=error), error)
        self._notify()

    def _give_up(self, message: str, error: Exception) -> None:
        log.warning("undo step %r failed: %s", self.text(), error)
        self.setObsolete(True)
        self._report(message)
