"""The sign-in desk at the door: scans, typed names, walk-ins, undo, and the projector's head count."""

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.keys import type_text
from workshop_desk.domain.enums import AttendanceStatus, ProjectorMode
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.pages.signin_desk import SignInDesk
from workshop_desk.ui.shell import Shell

WORKSHOP = 2  # 22 registered in the demo, nobody signed in yet


def _open_desk(window: MainWindow) -> SignInDesk:
    window.select_sitting(WORKSHOP)
    page = window.sitting_page
    assert page is not None
    page.tabs.setCurrentIndex(page.SIGNIN_TAB)
    return page.signin_desk


def _status(window: MainWindow, participant_id: int) -> AttendanceStatus | None:
    attendance = window.document.workspace.attendance.statuses(WORKSHOP).get(participant_id)  # type: ignore[union-attr]
    return attendance.status if attendance else None


def test_a_badge_scan_signs_in_and_the_projector_count_changes(qtbot: QtBot, window: MainWindow, shell: Shell) -> None:
    desk = _open_desk(window)
    shell.projector.set_mode(ProjectorMode.WELCOME)
    assert shell.projector.window.content.head_count is not None
    assert shell.projector.window.content.head_count.present == 0
    person = next(e.participant for e in window.document.workspace.attendance.roster(WORKSHOP))  # type: ignore[union-attr]
    qtbot.keyClicks(desk.field, person.badge_code)
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    assert _status(window, person.id) == AttendanceStatus.PRESENT
    assert desk.banner.title.text() == person.full_name
    assert desk.banner.message.text().startswith("Welcome! Signed in at")
    assert desk.field.text() == ""
    assert desk.count_label.text() == "1 here"
    assert shell.projector.window.content.head_count.present == 1  # type: ignore[union-attr]

    qtbot.keyClicks(desk.field, person.badge_code.lower())  # a second scan changes nothing
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    assert desk.banner.message.text().startswith("Already signed in at")
    assert desk.count_label.text() == "1 here"


def test_an_unknown_code_is_refused_and_changes_nothing(qtbot: QtBot, window: MainWindow) -> None:
    desk = _open_desk(window)
    before = window.document.workspace.attendance.statuses(WORKSHOP)  # type: ignore[union-attr]
    qtbot.keyClicks(desk.field, "ZZZZZZZZZZ")
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    assert "Unknown badge" in desk.banner.message.text()
    assert window.document.workspace.attendance.statuses(WORKSHOP) == before  # type: ignore[union-attr]


def test_a_typed_name_with_accents_picks_the_highlighted_person(qtbot: QtBot, window: MainWindow) -> None:
    desk = _open_desk(window)
    roster = window.document.workspace.attendance.roster(WORKSHOP)  # type: ignore[union-attr]
    person = next(e.participant for e in roster if any(ch in e.participant.first_name for ch in "éèëïÉ"))
    type_text(desk.field, f"{person.first_name} {person.last_name[:3]}")
    assert desk.model.rowCount() >= 1
    assert desk.model.participant_id(desk.matches.currentIndex().row()) == person.id
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    assert _status(window, person.id) == AttendanceStatus.PRESENT
    assert desk.banner.title.text() == person.full_name


def test_arrow_keys_move_the_highlight_while_the_field_keeps_the_text(qtbot: QtBot, window: MainWindow) -> None:
    desk = _open_desk(window)
    qtbot.keyClicks(desk.field, "a")
    assert desk.model.rowCount() > 2
    qtbot.keyClick(desk.field, Qt.Key.Key_Down)
    qtbot.keyClick(desk.field, Qt.Key.Key_Down)
    chosen = desk.model.participant_id(2)
    assert desk.matches.currentIndex().row() == 2
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    assert _status(window, chosen) == AttendanceStatus.PRESENT


def test_undo_the_last_sign_in_is_an_ordinary_undo(qtbot: QtBot, window: MainWindow) -> None:
    desk = _open_desk(window)
    first, second = (e.participant for e in window.document.workspace.attendance.roster(WORKSHOP)[:2])  # type: ignore[union-attr]
    for person in (first, second):
        qtbot.keyClicks(desk.field, person.badge_code)
        qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    assert desk.count_label.text() == "2 here"
    qtbot.mouseClick(desk.undo_button, Qt.MouseButton.LeftButton)
    assert _status(window, second.id) == AttendanceStatus.REGISTERED
    assert _status(window, first.id) == AttendanceStatus.PRESENT
    assert desk.count_label.text() == "1 here"
    assert desk.banner.message.text() == f"Undone: Sign in {second.full_name}."
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the same stack as the desk's button
    assert _status(window, first.id) == AttendanceStatus.REGISTERED
    assert desk.count_label.text() == "0 here"
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert _status(window, first.id) == AttendanceStatus.PRESENT
    assert desk.count_label.text() == "1 here"


def test_a_walk_in_in_three_fields(qtbot: QtBot, window: MainWindow) -> None:
    desk = _open_desk(window)
    type_text(desk.walk_first, "Éloïse")
    type_text(desk.walk_last, "Le Bihan")
    type_text(desk.walk_organisation, "Café associatif « Le Lien » ☕")
    qtbot.keyClick(desk.walk_organisation, Qt.Key.Key_Return)
    people = window.document.workspace.participants.all()  # type: ignore[union-attr]
    walk_in = next(p for p in people if p.last_name == "Le Bihan")
    assert walk_in.organisation == "Café associatif « Le Lien » ☕"
    assert _status(window, walk_in.id) == AttendanceStatus.PRESENT
    assert desk.banner.title.text() == "Éloïse Le Bihan"
    assert desk.walk_first.text() == ""


def test_a_walk_in_without_a_name_is_refused(qtbot: QtBot, window: MainWindow) -> None:
    desk = _open_desk(window)
    before = len(window.document.workspace.participants.all())  # type: ignore[union-attr]
    qtbot.mouseClick(desk.walk_button, Qt.MouseButton.LeftButton)
    assert "needs a first or last name" in desk.banner.message.text()
    assert len(window.document.workspace.participants.all()) == before  # type: ignore[union-attr]


def test_left_early(qtbot: QtBot, window: MainWindow) -> None:
    desk = _open_desk(window)
    person = window.document.workspace.attendance.roster(WORKSHOP)[0].participant  # type: ignore[union-attr]
    qtbot.keyClicks(desk.field, person.badge_code)
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    qtbot.mouseClick(desk.left_button, Qt.MouseButton.LeftButton)
    attendance = window.document.workspace.attendance.statuses(WORKSHOP)[person.id]  # type: ignore[union-attr]
    assert attendance.left_at is not None
    assert desk.count_label.text() == "0 here"


def test_people_already_here_come_after_those_still_to_sign_in(qtbot: QtBot, window: MainWindow) -> None:
    """The "mar" trap: LEFÈVRE of the Pharmacie du Marché, already here, must not sit above MARTIN for Enter."""
    desk = _open_desk(window)
    qtbot.keyClicks(desk.field, "mar")
    first = desk.model.participant_id(0)
    assert desk.model.rowCount() >= 2
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)  # the first match signs in
    assert _status(window, first) == AttendanceStatus.PRESENT
    qtbot.keyClicks(desk.field, "mar")
    lines = [desk.model.index(row).data() for row in range(desk.model.rowCount())]
    assert desk.model.participant_id(0) != first
    assert not lines[0].startswith("✔") and "here since" not in lines[0]
    present = lines[[desk.model.participant_id(r) for r in range(len(lines))].index(first)]
    assert present.startswith("✔ ") and "here since" in present  # marked where the eye starts
    assert desk.matches.currentIndex().row() == 0
    second = desk.model.participant_id(0)
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)  # Enter picks the one still to sign in
    assert _status(window, second) == AttendanceStatus.PRESENT
