"""Undoable operations on the questions from the room, on the document's undo stack."""

from collections.abc import Callable

from PySide6.QtCore import QObject

from workshop_desk.domain.ideas import Question
from workshop_desk.i18n import _
from workshop_desk.ui.board.commands import push_applied
from workshop_desk.ui.document import Document


class QuestionCommands(QObject):
    """Every call saves first, then goes on the undo stack; `document.questions_changed` tells the screens."""

    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self._document = document
        self._questions = document.workspace.questions

    def add(self, sitting_id: int, text: str, asked_by: str = "", agenda_item_id: int | None = None,
            participant_id: int | None = None) -> Question:
        question = self._questions.add(sitting_id, text, asked_by, agenda_item_id, participant_id)
        push_applied(self._document, _("Add a question"), lambda: self._questions.restore(question),
                     lambda: self._questions.delete(question.id), self._notify(sitting_id))
        return question

    def edit(self, question: Question, text: str, asked_by: str) -> Question:
        edited = self._questions.edit(question.id, text, asked_by)
        push_applied(self._document, _("Edit a question"), lambda: self._questions.edit(question.id, text, asked_by),
                     lambda: self._questions.edit(question.id, question.text, question.asked_by),
                     self._notify(question.sitting_id))
        return edited

    def vote(self, question: Question, delta: int = 1) -> Question:
        """+1 (or −1) for a question; undo takes the vote back."""
        voted = self._questions.vote(question.id, delta)
        change = voted.votes - question.votes
        if change:
            push_applied(self._document, _("+1 for a question") if change > 0 else _("−1 for a question"),
                         lambda: self._questions.vote(question.id, change),
                         lambda: self._questions.vote(question.id, -change), self._notify(question.sitting_id))
        return voted

    def set_answered(self, question: Question, answered: bool) -> Question:
        return self._toggle(question, _("Mark as answered") if answered else _("Mark as not answered"),
                            lambda value: self._questions.set_answered(question.id, value), question.answered, answered)

    def set_hidden(self, question: Question, hidden: bool) -> Question:
        was_pinned = question.pinned

        def undo() -> None:
            self._questions.set_hidden(question.id, not hidden)
            if hidden and was_pinned:
                self._questions.pin(question.sitting_id, question.id)

        changed = self._questions.set_hidden(question.id, hidden)
        push_applied(self._document, _("Hide an off-topic question") if hidden else _("Show a hidden question"),
                     lambda: self._questions.set_hidden(question.id, hidden), undo, self._notify(question.sitting_id))
        return changed

    def pin(self, sitting_id: int, question_id: int | None) -> None:
        """Pin one question for the projector (None: unpin every one)."""
        before = self._questions.pin(sitting_id, question_id)
        if before != question_id:
            push_applied(self._document, _("Pin a question") if question_id else _("Unpin the question"),
                         lambda: self._questions.pin(sitting_id, question_id),
                         lambda: self._questions.pin(sitting_id, before), self._notify(sitting_id))

    def delete(self, question: Question) -> None:
        removed = self._questions.delete(question.id)
        push_applied(self._document, _("Delete a question"), lambda: self._questions.delete(question.id),
                     lambda: self._questions.restore(removed), self._notify(question.sitting_id))

    def _toggle(self, question: Question, text: str, setter: Callable[[bool], Question], old: bool,
                new: bool) -> Question:
        changed = setter(new)
        if old != new:
            push_applied(self._document, text, lambda: setter(new), lambda: setter(old),
                         self._notify(question.sitting_id))
        return changed

    def _notify(self, sitting_id: int) -> Callable[[], None]:
        return lambda: self._document.questions_changed.emit(sitting_id)


def question_commands(document: Document) -> QuestionCommands:
    """The document's question commands (one per open document)."""
    found = document.findChild(QuestionCommands)
    return found if isinstance(found, QuestionCommands) else QuestionCommands(document)
