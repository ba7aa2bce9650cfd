"""The commands on the questions from the room: each one saved, then undoable, then announced."""

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from workshop_desk.domain.ideas import Question
from workshop_desk.i18n import _

if TYPE_CHECKING:
    from workshop_desk.ui.document import Document


class QuestionCommands(QObject):
    """Every call goes through the document's `change`; `document.questions_changed` tells the screens."""

    def __init__(self, document: "Document") -> None:
        super().__init__(document)
        self._document = document
        self._questions = document.workspace.questions

    def add(self, sitting_id: int, text: str, asked_by: str = "", agenda_item_id: int | None = None,
            participant_id: int | None = None) -> Question:
        return self._document.creation(
            _("Add a question"),
            lambda: self._questions.add(sitting_id, text, asked_by, agenda_item_id, participant_id),
            lambda question: self._questions.delete(question.id), self._notify(sitting_id))

    def edit(self, question: Question, text: str, asked_by: str) -> Question:
        return self._document.change(_("Edit a question"), lambda: self._questions.edit(question.id, text, asked_by),
                                     lambda: self._questions.edit(question.id, question.text, question.asked_by),
                                     self._notify(question.sitting_id))

    def vote(self, question: Question, delta: int = 1) -> Question:
        """+1 (or −1) for a question (never below nought); undo takes the vote back."""
        change = max(delta, -question.votes)
        if not change:
            return question
        return self._document.change(_("+1 for a question") if change > 0 else _("−1 for a question"),
                                     lambda: self._questions.vote(question.id, change),
                                     lambda: self._questions.vote(question.id, -change),
                                     self._notify(question.sitting_id))

    def set_answered(self, question: Question, answered: bool) -> Question:
        if answered == question.answered:
            return question
        return self._document.change(_("Mark as answered") if answered else _("Mark as not answered"),
                                     lambda: self._questions.set_answered(question.id, answered),
                                     lambda: self._questions.set_answered(question.id, question.answered),
                                     self._notify(question.sitting_id))

    def set_answer(self, question: Question, answer: str) -> Question:
        """Save the answer (which marks the question answered); undo puts back the answer and the mark."""
        return self._document.change(_("Note the answer to a question"),
                                     lambda: self._questions.set_answer(question.id, answer),
                                     lambda: self._questions.set_answer(question.id, question.answer,
                                                                        question.answered),
                                     self._notify(question.sitting_id),
                                     changed=lambda saved: (saved.answer, saved.answered) != (question.answer,
                                                                                             question.answered))

    def set_hidden(self, question: Question, hidden: bool) -> Question:
        def undo() -> None:
            self._questions.set_hidden(question.id, not hidden)
            if hidden and question.pinned:
                self._questions.pin(question.sitting_id, question.id)

        return self._document.change(_("Hide an off-topic question") if hidden else _("Show a hidden question"),
                                     lambda: self._questions.set_hidden(question.id, hidden), undo,
                                     self._notify(question.sitting_id))

    def pin(self, sitting_id: int, question_id: int | None) -> None:
        """Pin one question for the projector (None: unpin every one)."""
        before = self._questions.pinned(sitting_id)
        before_id = before.id if before else None
        if before_id != question_id:
            self._document.change(_("Pin a question") if question_id else _("Unpin the question"),
                                  lambda: self._questions.pin(sitting_id, question_id),
                                  lambda: self._questions.pin(sitting_id, before_id), self._notify(sitting_id))

    def delete(self, question: Question) -> None:
        self._document.deletion(_("Delete a question"), lambda: self._questions.delete(question.id),
                                self._notify(question.sitting_id))

    def _notify(self, sitting_id: int) -> Callable[[], None]:
        return lambda: self._document.questions_changed.emit(sitting_id)
