"""Questions from the room: typed, +1, sorted by votes, answered, one pinned, hidden when off topic."""

import pytest

from tests.factories import FakeWall, make_workspace
from workshop_desk.domain.enums import Source
from workshop_desk.domain.validation import ValidationError
from workshop_desk.services.questions import QuestionService


@pytest.fixture
def setup(tmp_path):  # type: ignore[no-untyped-def]
    workspace = make_workspace(tmp_path, sittings=2, items=1)
    wall = FakeWall()
    yield workspace, QuestionService(workspace.database, wall), wall, [s.id for s in workspace.sittings.all()]
    workspace.database.close()


def test_questions_are_typed_with_who_asked_and_sorted_by_votes(setup) -> None:  # type: ignore[no-untyped-def]
    _workspace, questions, wall, (sitting, other) = setup
    bank = questions.add(sitting, "  Comment gagner la confiance\n de sa banque ?", " Mehdi  Haddad ",
                         source=Source.PHONE)
    assert bank.text == "Comment gagner la confiance de sa banque ?" and bank.asked_by == "Mehdi Haddad"
    assert bank.votes == 0 and bank.created_at == wall() and bank.source == Source.PHONE
    hire = questions.add(sitting, "Quelles aides pour recruter ?")
    questions.add(other, "Ailleurs ?")
    for _ in range(3):
        questions.vote(hire.id)
    assert questions.vote(bank.id, 2).votes == 2
    assert [q.text for q in questions.questions(sitting)] == ["Quelles aides pour recruter ?", bank.text]
    assert questions.vote(bank.id, -5).votes == 0  # never below zero
    with pytest.raises(ValidationError):
        questions.add(sitting, "   ")
    with pytest.raises(LookupError):
        questions.add(999, "Où ?")
    with pytest.raises(LookupError):
        questions.vote(999)


def test_one_question_pinned_at_a_time_and_unpinning_gives_back_the_previous(setup) -> None:  # type: ignore[no-untyped-def]
    _workspace, questions, _wall, (sitting, other) = setup
    a, b = questions.add(sitting, "A ?"), questions.add(sitting, "B ?")
    elsewhere = questions.add(other, "C ?")
    assert questions.pin(other, elsewhere.id) is None
    assert questions.pin(sitting, a.id) is None
    assert questions.pin(sitting, b.id) == a.id
    assert questions.pinned(sitting) == questions.questions(sitting)[1] and questions.pinned(sitting).id == b.id  # type: ignore[union-attr]
    assert questions.pinned(other).id == elsewhere.id  # type: ignore[union-attr]
    assert questions.pin(sitting, None) == b.id and questions.pinned(sitting) is None
    with pytest.raises(LookupError):
        questions.pin(sitting, elsewhere.id)


def test_answered_and_hidden_questions_and_the_minutes(setup) -> None:  # type: ignore[no-untyped-def]
    _workspace, questions, _wall, (sitting, _other) = setup
    a, b, c = (questions.add(sitting, text) for text in ("A ?", "B ?", "Hors sujet ?"))
    questions.vote(c.id, 10)
    questions.pin(sitting, c.id)
    assert questions.set_answered(a.id, True).answered
    hidden = questions.set_hidden(c.id, True)
    assert hidden.hidden and not hidden.pinned  # off the projector too
    assert [q.id for q in questions.questions(sitting)] == [b.id, a.id, c.id]
    answered, unanswered = questions.for_minutes(sitting)
    assert [q.id for q in answered] == [a.id] and [q.id for q in unanswered] == [b.id]
    assert not questions.set_hidden(c.id, False).hidden


def test_edit_delete_and_restore_with_the_same_id(setup) -> None:  # type: ignore[no-untyped-def]
    _workspace, questions, _wall, (sitting, _other) = setup
    question = questions.add(sitting, "Qui porte le plan ?", "Léa")
    questions.vote(question.id, 4)
    edited = questions.edit(question.id, "Qui portera le plan d'action ?", "")
    assert (edited.text, edited.asked_by, edited.votes) == ("Qui portera le plan d'action ?", "", 4)
    before = questions.questions(sitting)
    removed = questions.delete(question.id)
    assert questions.questions(sitting) == []
    _workspace.snapshots.restore(removed)
    assert questions.questions(sitting) == before
    with pytest.raises(LookupError):
        questions.delete(999)


def test_an_answer_keeps_its_paragraphs_and_marks_the_question_answered(setup) -> None:  # type: ignore[no-untyped-def]
    _workspace, questions, _wall, (sitting, _other) = setup
    asked = questions.add(sitting, "Qui finance la suite ?")
    answered = questions.set_answer(asked.id, "  La Région,   à 80 %.\n\n Le reste : l'EPCI.  \n\n")
    assert answered.answer == "La Région, à 80 %.\n\nLe reste : l'EPCI." and answered.answered
    assert questions.questions(sitting)[0].answer == answered.answer  # stored, read back
    assert questions.set_answer(asked.id, "").answered  # cleared: it was still answered, orally
    unmarked = questions.set_answer(asked.id, "La Région.", answered=False)  # what undo puts back
    assert unmarked.answer == "La Région." and not unmarked.answered
    with pytest.raises(ValidationError):
        questions.set_answer(asked.id, "x" * 3001)
    with pytest.raises(LookupError):
        questions.set_answer(999, "Où ?")
