"""The commands on the room's phones: a sitting's phone settings, the room's Wi-Fi, and the approval queue."""

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from workshop_desk.domain.phones import PENDING, PhoneSettings, PhonesMode
from workshop_desk.i18n import _, ngettext

if TYPE_CHECKING:
    from workshop_desk.ui.document import Document


class PhoneCommands(QObject):
    """Every call goes through the document's `change`; `document.phones_changed` tells the screens. Switching
    phones on or off and renewing the join code are live controls, not undone; settings and approvals are."""

    def __init__(self, document: "Document") -> None:
        super().__init__(document)
        self._document = document
        self._phones = document.workspace.phones

    def settings(self, sitting_id: int) -> PhoneSettings:
        return self._phones.settings(sitting_id)

    def set_enabled(self, sitting_id: int, enabled: bool) -> PhoneSettings:
        """The Phones switch, remembered per sitting (a sitting switched on for the first time gets its code)."""
        text = _("Phones switched on") if enabled else _("Phones switched off")
        return self._document.change(text, lambda: self._phones.set_enabled(sitting_id, enabled), None,
                                     self._notify(sitting_id))

    def new_code(self, sitting_id: int) -> PhoneSettings:
        """A new join code: the old one stops working at once (printed cards with it too)."""
        return self._document.change(_("New join code"), lambda: self._phones.new_join_code(sitting_id), None,
                                     self._notify(sitting_id))

    def set_mode(self, sitting_id: int, mode: PhonesMode) -> PhoneSettings:
        old = self.settings(sitting_id).mode
        text = _("Phones: one ballot per badge") if mode == PhonesMode.BADGE else _("Phones: one ballot per phone")
        return self._document.change(text, lambda: self._phones.set_mode(sitting_id, mode),
                                     lambda: self._phones.set_mode(sitting_id, old), self._notify(sitting_id))

    def set_moderation(self, sitting_id: int, ideas: bool, questions: bool) -> PhoneSettings:
        old = self.settings(sitting_id)
        return self._document.change(
            _("Approval of contributions from phones"),
            lambda: self._phones.set_moderation(sitting_id, ideas=ideas, questions=questions),
            lambda: self._phones.set_moderation(sitting_id, ideas=old.moderate_ideas,
                                                questions=old.moderate_questions), self._notify(sitting_id))

    def set_ideas_private(self, sitting_id: int, private: bool) -> PhoneSettings:
        old = self.settings(sitting_id).ideas_private
        return self._document.change(_("Ideas from phones kept hidden until revealed") if private
                                     else _("Ideas from phones shown at once"),
                                     lambda: self._phones.set_ideas_private(sitting_id, private),
                                     lambda: self._phones.set_ideas_private(sitting_id, old), self._notify(sitting_id))

    def set_by_table(self, sitting_id: int, by_table: bool) -> PhoneSettings:
        old = self.settings(sitting_id).by_table
        return self._document.change(_("Phones say which table they sit at") if by_table
                                     else _("Phones no longer asked for their table"),
                                     lambda: self._phones.set_by_table(sitting_id, by_table),
                                     lambda: self._phones.set_by_table(sitting_id, old), self._notify(sitting_id))

    def set_wifi(self, name: str, password: str) -> tuple[str, str]:
        """The room's Wi-Fi, once per programme, for the join screen's and the card's Wi-Fi code."""
        old = self._phones.wifi()
        return self._document.change(_("Wi-Fi of the room"), lambda: self._phones.set_wifi(name, password),
                                     lambda: self._phones.set_wifi(*old), self._document.programme_changed.emit,
                                     changed=lambda _now: (name.strip(), password) != old)

    def approve(self, sitting_id: int, idea_ids: Sequence[int] = (), question_ids: Sequence[int] = ()) -> None:
        """Let contributions from phones reach the board, the lists and the projector; undo puts them back in the
        queue."""
        count = len(idea_ids) + len(question_ids)
        self._document.change(ngettext("Approve a contribution from a phone", "Approve {n} contributions from phones",
                                       count).format(n=count),
                              lambda: self._phones.approve(idea_ids, question_ids),
                              lambda: self._back_in_queue(idea_ids, question_ids),
                              self._notify(sitting_id, contents=True))

    def reject_ideas(self, sitting_id: int, idea_ids: Sequence[int]) -> None:
        """Refuse ideas from phones: they go (the phone no longer sees them); undo brings them back."""
        self._document.deletion(ngettext("Refuse an idea from a phone", "Refuse {n} ideas from phones",
                                         len(idea_ids)).format(n=len(idea_ids)),
                                lambda: self._document.workspace.ideas.delete_many(idea_ids),
                                self._notify(sitting_id, contents=True))

    def reject_question(self, sitting_id: int, question_id: int) -> None:
        """Refuse a question from a phone: it goes; undo brings it back."""
        self._document.deletion(_("Refuse a question from a phone"),
                                lambda: self._document.workspace.questions.delete(question_id),
                                self._notify(sitting_id, contents=True))

    def _back_in_queue(self, idea_ids: Sequence[int], question_ids: Sequence[int]) -> None:
        if idea_ids:
            self._document.workspace.ideas.set_status(idea_ids, PENDING)
        for question_id in question_ids:
            self._document.workspace.questions.set_status(question_id, PENDING)

    def _notify(self, sitting_id: int, contents: bool = False) -> Callable[[], None]:
        def notify() -> None:
            self._document.phones_changed.emit(sitting_id)
            if contents:
                self._document.ideas_changed.emit(sitting_id)
                self._document.questions_changed.emit(sitting_id)
        return notify
