"""Undo for votes, priorities and actions: edits already saved, pushed on the document's undo stack."""

from collections.abc import Callable

from workshop_desk.domain.validation import ValidationError
from workshop_desk.i18n import _
from workshop_desk.ui.document import Document
from workshop_desk.ui.undo import AppliedCommand

Report = Callable[[str], None]


def push_saved(document: Document, text: str, redo: Callable[[], object], undo: Callable[[], object],
               notify: Callable[[], None], report: Report) -> None:
    """Push an edit that has already been saved, then tell the screens. An undo or redo that the data no longer
    allows (votes came in meanwhile, a row was deleted elsewhere) is reported, not raised inside Qt."""
    document.undo_stack.push(AppliedCommand(text, _guarded(redo, notify, report), _guarded(undo, notify, report)))
    notify()
    document.saved.emit(text)


def _guarded(step: Callable[[], object], notify: Callable[[], None], report: Report) -> Callable[[], None]:
    def run() -> None:
        try:
            step()
        except (ValidationError, LookupError, ValueError) as error:
            report(_("This step could not be undone or redone: {reason}").format(reason=error))
        notify()

    return run
