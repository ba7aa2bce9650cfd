"""Nothing lost, through the console's own commands: for every kind of row a facilitator deletes in the demo (its
richest instance), the console's delete, then Undo, gives back the file row for row; Redo then Undo, the same."""

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from tests.dumps import assert_same, dangling, differences, dump, richest
from workshop_desk.domain.priorities import IndicatorDraft
from workshop_desk.ui.commands.plan import action_draft
from workshop_desk.ui.commands.votes import BallotDraft
from workshop_desk.ui.document import Document
from workshop_desk.ui.main_window import MainWindow

Delete = Callable[[Document, int], None]  # the console's delete of one row, by id


def _row(document: Document, table: str, row_id: int) -> dict[str, object]:
    return dict(document.workspace.snapshots.capture([(table, [row_id])]).of(table)[0])


def _sitting_of(document: Document, table: str, row_id: int) -> int:
    return int(_row(document, table, row_id)["sitting_id"])  # type: ignore[call-overload]


def _delete_group(document: Document, group_id: int) -> None:
    document.delete_group(next(g for g in document.groups() if g.id == group_id))


def _delete_theme(document: Document, theme_id: int) -> None:
    document.board.delete_theme(document.workspace.themes.get(theme_id))


def _delete_idea(document: Document, idea_id: int) -> None:
    document.board.delete(_sitting_of(document, "idea", idea_id), [idea_id])


def _delete_question(document: Document, question_id: int) -> None:
    sitting = _sitting_of(document, "question", question_id)
    document.questions.delete(next(q for q in document.workspace.questions.questions(sitting) if q.id == question_id))


def _delete_table(document: Document, table_id: int) -> None:
    sitting = _sitting_of(document, "room_table", table_id)
    document.room.delete_table(next(t for t in document.workspace.room_tables.tables(sitting) if t.id == table_id))


def _remove_speaker(document: Document, turn_id: int) -> None:
    sitting = _sitting_of(document, "speaking_turn", turn_id)
    document.room.remove_speaker(next(t for t in document.workspace.speaking.turns(sitting) if t.id == turn_id))


def _delete_priority(document: Document, priority_id: int) -> None:
    sitting = _sitting_of(document, "priority", priority_id)
    document.plan.delete_priorities([p for p in document.plan.priorities(sitting) if p.id == priority_id])


def _delete_action(document: Document, action_id: int) -> None:
    document.plan.delete_action(next(a for a in document.plan.actions() if a.id == action_id))


def _edit_ballot(document: Document, ballot_id: int, option_id: int | None, criterion_id: int | None) -> None:
    """The ballot dialog without one option or one criterion, after clearing the votes (which the dialog asks)."""
    ballot = document.votes.ballot(ballot_id)
    if document.votes.votes(ballot_id).papers or document.votes.votes(ballot_id).tallies:
        document.votes.clear_votes(ballot)
        ballot = document.votes.ballot(ballot_id)
    draft = BallotDraft(ballot.title, ballot.method, ballot.settings,
                        options=tuple(o.label for o in ballot.options if o.id != option_id),
                        criteria=tuple((c.name, c.weight) for c in ballot.criteria if c.id != criterion_id))
    document.votes.update(ballot, draft)


def _remove_option(document: Document, option_id: int) -> None:
    _edit_ballot(document, int(_row(document, "ballot_option", option_id)["ballot_id"]),  # type: ignore[call-overload]
                 option_id, None)


def _remove_criterion(document: Document, criterion_id: int) -> None:
    _edit_ballot(document, int(_row(document, "criterion", criterion_id)["ballot_id"]),  # type: ignore[call-overload]
                 None, criterion_id)


def _uninvite(document: Document, attendance_id: int) -> None:
    row = _row(document, "attendance", attendance_id)
    document.set_attendance(int(row["sitting_id"]), [int(row["participant_id"])], None)  # type: ignore[call-overload]


def _remove_indicator(document: Document, indicator_id: int) -> None:
    action_id = int(_row(document, "indicator", indicator_id)["action_id"])  # type: ignore[call-overload]
    action = next(a for a in document.plan.actions() if a.id == action_id)
    kept = [IndicatorDraft(i.name, i.target) for i in action.indicators if i.id != indicator_id]
    document.plan.update_action(action, action_draft(action), kept)


CONSOLE: dict[str, Delete] = {
    "sitting": lambda d, i: d.delete_sitting(i),
    "agenda_item": lambda d, i: d.delete_item(i),
    "participant": lambda d, i: d.delete_participants([i]),
    "stakeholder_group": _delete_group,
    "ballot": lambda d, i: d.votes.delete(d.votes.ballot(i)),
    "ballot_option": _remove_option,
    "criterion": _remove_criterion,
    "theme": _delete_theme,
    "idea": _delete_idea,
    "question": _delete_question,
    "room_table": _delete_table,
    "priority": _delete_priority,
    "action": _delete_action,
    "speaking_turn": _remove_speaker,
    "attendance": _uninvite,
}


def _check(document: Document, kind: str, delete: Delete) -> list[str]:
    """Delete the richest row of `kind` at the console, then Undo, Redo, Undo; what went wrong (nothing: [])."""
    stack, path = document.undo_stack, document.workspace.path
    row_id = richest(document.workspace, kind)
    before, steps = dump(path), stack.index()
    delete(document, row_id)
    count = stack.index() - steps  # clearing the votes first is a step of its own
    deleted = dump(path)
    problems = [f"{kind} {row_id}: references left to nothing {dangling(path)}"] if dangling(path) else []
    for label, expected, move in (("undo", before, stack.undo), ("redo", deleted, stack.redo),
                                  ("undo again", before, stack.undo)):
        for _step in range(count):
            move()
        problems += [f"{kind} {row_id} after {label}: {d}" for d in differences(expected, dump(path))]
    return problems if count else [f"{kind} {row_id}: nothing was put on the undo stack"]


def test_every_console_delete_is_undone_and_redone_exactly(qtbot: QtBot, window: MainWindow) -> None:
    document = window.document
    assert document is not None
    failures: list[str] = []
    document.failed.connect(failures.append)
    problems = [problem for kind, delete in CONSOLE.items() for problem in _check(document, kind, delete)]
    assert not problems and not failures, "\n".join([*problems, *failures])


def test_an_action_edit_that_drops_an_indicator_is_undone_exactly(qtbot: QtBot, window: MainWindow) -> None:
    document = window.document
    assert document is not None
    before = dump(document.workspace.path)
    _remove_indicator(document, richest(document.workspace, "indicator"))
    document.undo_stack.undo()
    assert_same(before, dump(document.workspace.path), "indicator: delete, undo")
