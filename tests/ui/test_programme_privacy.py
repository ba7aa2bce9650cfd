"""The programme page's privacy choices: contributions named or not (undoable, the default notice following), and
the purge question counting its years properly."""

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.test_board import redo, undo
from workshop_desk.ui import prompts as prompts_module
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.pages.programme_page import ProgrammePage


def _page(window: MainWindow) -> ProgrammePage:
    page = window.programme_page
    assert page is not None
    return page


def test_naming_contributions_is_saved_undone_and_the_default_notice_says_it(qtbot: QtBot,
                                                                             window: MainWindow) -> None:
    page = _page(window)
    before = window.document.programme()
    assert not page.named_check.isChecked() and not before.named_contributions
    assert "Contributions and votes are anonymous." in page.notice_edit.placeholderText()
    qtbot.mouseClick(page.named_check, Qt.MouseButton.LeftButton)
    assert window.document.programme().named_contributions
    assert "name who asked a question or took the floor" in page.notice_edit.placeholderText()
    assert window.document.programme().title == before.title  # nothing else changed
    undo(qtbot, window)
    assert not window.document.programme().named_contributions and not page.named_check.isChecked()
    assert "Contributions and votes are anonymous." in page.notice_edit.placeholderText()
    redo(qtbot, window)
    assert page.named_check.isChecked()


def test_the_sign_in_desk_shows_the_notice_of_the_programmes_choice(qtbot: QtBot, window: MainWindow) -> None:
    window.select_sitting(1)
    assert window.sitting_page is not None
    desk = window.sitting_page.signin_desk
    desk.set_sitting(1)
    assert "Contributions and votes are anonymous." in desk.notice_label.text()
    qtbot.mouseClick(_page(window).named_check, Qt.MouseButton.LeftButton)
    desk.set_sitting(1)
    assert "name who asked a question" in desk.notice_label.text()


def test_the_purge_question_says_1_year_or_3_years(qtbot: QtBot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = _page(window)
    asked: list[str] = []
    monkeypatch.setattr(prompts_module, "confirm", lambda _p, message, title=None: asked.append(message) or False)
    someone = window.document.workspace.participants.all()[:1]
    monkeypatch.setattr(window.document.workspace.privacy, "past_retention", lambda _day: someone)
    for years in (1, 3):
        page.retention_spin.setValue(years)
        page.retention_spin.editingFinished.emit()
        assert window.document.programme().retention_years == years
        qtbot.mouseClick(page.purge_button, Qt.MouseButton.LeftButton)
    assert asked[0].startswith("1 person was last seen more than 1 year ago.")
    assert asked[1].startswith("1 person was last seen more than 3 years ago.")
    assert "(s)" not in " ".join(asked)
