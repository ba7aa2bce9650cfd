"""The sign-in desk's commands: a scan, a name picked, a walk-in, someone leaving — each saved, then undoable like
any other step (Ctrl+Z, or the desk's own Undo button), then announced."""

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from workshop_desk.domain.attendance import SignIn, SignInOutcome
from workshop_desk.domain.models import Attendance, ParticipantDraft
from workshop_desk.i18n import _

if TYPE_CHECKING:
    from workshop_desk.ui.document import Document


class DeskCommands(QObject):
    """Every call goes through the document's `change`; `attendance_changed` tells the screens."""

    def __init__(self, document: "Document") -> None:
        super().__init__(document)
        self._document = document
        self._attendance = document.workspace.attendance

    def scan(self, sitting_id: int, code: str) -> SignIn:
        """Sign in the holder of a badge (nothing changes for an unknown code or someone already here)."""
        return self._signed(sitting_id, lambda: self._attendance.scan(sitting_id, code))

    def sign_in(self, sitting_id: int, participant_id: int) -> SignIn:
        """Sign in someone picked by name."""
        return self._signed(sitting_id, lambda: self._attendance.sign_in(sitting_id, participant_id))

    def _signed(self, sitting_id: int, do: Callable[[], SignIn]) -> SignIn:
        done: list[SignIn] = []

        def sign() -> SignIn:
            done[:] = [do()]
            return done[0]

        def undo() -> None:
            self._put_back(sitting_id, done[0], done[0].previous)

        def redo() -> None:
            self._put_back(sitting_id, done[0], done[0].attendance)

        return self._document.change(_signed_text, sign, undo, self._document.attendance_notifier(sitting_id),
                                     redo=redo, changed=lambda r: r.outcome == SignInOutcome.SIGNED_IN)

    def _put_back(self, sitting_id: int, sign_in: SignIn, state: Attendance | None) -> None:
        assert sign_in.participant is not None
        self._attendance.put_back(sitting_id, sign_in.participant.id, state)

    def walk_in(self, sitting_id: int, draft: ParticipantDraft) -> SignIn:
        """Add someone who was not on the list and sign them in; an undo takes them off the registry again."""
        return self._document.creation(
            lambda done: _("Walk-in {name}").format(name=done.participant.full_name if done.participant else ""),
            lambda: self._attendance.walk_in(sitting_id, draft),
            lambda done: self._document.workspace.participants.delete_many([done.participant.id]),  # type: ignore[union-attr]
            self._document.attendance_notifier(sitting_id))

    def mark_left(self, sitting_id: int, participant_id: int, left: bool = True) -> Attendance:
        """Someone left early (or came back)."""
        before = self._attendance.statuses(sitting_id).get(participant_id)
        after: list[Attendance] = []

        def leave() -> Attendance:
            after[:] = [self._attendance.mark_left(sitting_id, participant_id, left)]
            return after[0]

        return self._document.change(_("Left early") if left else _("Came back"), leave,
                                     lambda: self._attendance.put_back(sitting_id, participant_id, before),
                                     self._document.attendance_notifier(sitting_id),
                                     redo=lambda: self._attendance.put_back(sitting_id, participant_id, after[0]))


def _signed_text(result: SignIn) -> str:
    return _("Sign in {name}").format(name=result.participant.full_name if result.participant else "")
