"""Nothing lost, nothing unexplained, at the console: a file open elsewhere, one left open by a crash, read-only
programmes, a change the disk refuses, and errors nobody expected."""

import json
import logging
import os
import socket
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.factories import folder_state
from tests.ui.conftest import Prompts
from workshop_desk.services.workspace import Workspace
from workshop_desk.storage.errors import StorageError, WriteProblem
from workshop_desk.storage.lock import lock_path
from workshop_desk.ui import errors
from workshop_desk.ui.read_only import reading_controls
from workshop_desk.ui.shell import Shell
from workshop_desk.ui.undo import NotSaved

BREAKFAST = 1


def _dead_pid() -> int:
    pid = 999_999
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            pass
        pid -= 1


def _enabled_inputs(root: QWidget) -> list[QWidget]:
    kinds = (QAbstractButton, QLineEdit, QAbstractSpinBox, QComboBox)
    return [w for w in root.findChildren(QWidget) if isinstance(w, kinds) and w.isEnabled() and w.isVisibleTo(root)
            and not isinstance(w.parent(), QTabBar)]  # a tab bar's scroll arrows only move between tabs


def test_a_programme_open_in_another_window_is_offered_read_only_and_changes_nothing(
        qtbot: QtBot, shell: Shell, prompts: Prompts, demo_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    demo_path = demo_path.rename(folder / demo_path.name)
    elsewhere = Workspace.open(demo_path, tmp_path / "other-backups")  # another window holds it
    try:
        # The -shm is the holder's shared memory: a reader takes its read lock there, as SQLite's sharing wants.
        before = {name: digest for name, digest in folder_state(folder).items() if not name.endswith("-shm")}
        assert shell.open_path(demo_path)
        assert "already open in another Workshop Desk window on this computer" in prompts.questions[0]
        window, document = shell.window, shell.document
        assert window is not None and document is not None and document.read_only
        assert window.read_only_banner.isVisible()
        assert window.read_only_banner.text().startswith("Read-only: this programme is open elsewhere")
        window.select_sitting(BREAKFAST)
        assert window.sitting_page is not None
        allowed = reading_controls(window)
        for page in (window.programme_page, window.participants_page, window.sitting_page):
            assert page is not None
            stray = [w for w in _enabled_inputs(page) if not any(w is a or a.isAncestorOf(w) for a in allowed)]
            assert stray == [], [w.text() if hasattr(w, "text") else w for w in stray]
        assert not window.actions_by_name["delete_sitting"].isEnabled()
        assert not window.new_sitting_button.isEnabled()
        with pytest.raises(NotSaved):  # the last guard: the command layer refuses, and says why
            document.delete_sitting(BREAKFAST)
        assert "read-only" in prompts.errors[-1]
        assert next(s.id for s in document.sittings()) == BREAKFAST
        shell.close_programme()
        after = {name: digest for name, digest in folder_state(folder).items() if not name.endswith("-shm")}
        assert after == before  # the reader wrote nothing, beside the file neither
    finally:
        elsewhere.close()


def test_a_file_left_open_by_a_crash_is_taken_over_only_after_asking(
        shell: Shell, prompts: Prompts, demo_path: Path) -> None:
    record = {"host": socket.gethostname(), "user": "marie", "pid": _dead_pid(), "since": "2027-01-14T08:00:00+00:00"}
    lock_path(demo_path).write_text("\n" + json.dumps(record) + "\n", encoding="utf-8")
    prompts.confirm_answer = False
    assert not shell.open_path(demo_path)
    assert "was not closed properly" in prompts.questions[0] and shell.document is None
    prompts.confirm_answer = True
    assert shell.open_path(demo_path)
    assert shell.document is not None and not shell.document.read_only
    shell.close_programme()
    assert not lock_path(demo_path).exists()  # a clean close leaves nothing beside the file


def test_a_change_the_disk_refuses_is_not_shown_as_done(
        qtbot: QtBot, window: object, shell: Shell, prompts: Prompts, monkeypatch: pytest.MonkeyPatch) -> None:
    document = shell.document
    assert document is not None and shell.window is not None and shell.window.sitting_page is not None
    shell.window.select_sitting(BREAKFAST)
    page = shell.window.sitting_page
    page.tabs.setCurrentIndex(page.SIGNIN_TAB)
    desk = page.signin_desk
    first, second = [e.participant for e in document.workspace.attendance.roster(BREAKFAST)
                     if e.attendance and e.attendance.status == "registered"][:2]
    desk.field.setText(first.badge_code)
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    assert desk.banner.message.text().startswith("Welcome!")
    steps, here = document.undo_stack.count(), desk.count_label.text()

    def full(*_args: object) -> None:
        raise StorageError(WriteProblem.DISK_FULL, document.workspace.path, "database or disk is full")

    monkeypatch.setattr(document.workspace.attendance, "scan", full)
    desk.field.setText(second.badge_code)
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    assert "This change was not saved. The disk that holds" in desk.banner.message.text()
    assert not desk.banner.message.text().startswith("Welcome!")
    assert prompts.errors and prompts.errors[-1] == desk.banner.message.text()
    assert (document.undo_stack.count(), desk.count_label.text()) == (steps, here)


def test_an_unexpected_error_is_logged_and_told_on_the_console_with_its_details(
        qtbot: QtBot, shell: Shell, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    shown: list[errors.ErrorDialog] = []
    monkeypatch.setattr(errors.ErrorDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    try:
        raise ZeroDivisionError("a bug")
    except ZeroDivisionError:
        kind, error, tb = sys.exc_info()
    with caplog.at_level(logging.ERROR):
        errors.report(lambda: shell.window, kind, error, tb)  # type: ignore[arg-type]
        errors.report(lambda: shell.window, NotSaved, NotSaved("told already"), None)
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == ["unexpected error"]
    assert len(shown) == 1 and shown[0].parent() is shell.window  # on the console, never on the projector
    dialog = shown[0]
    assert "What you did before is saved" in dialog.text()
    assert "ZeroDivisionError: a bug" in dialog.detailedText()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert "ZeroDivisionError: a bug" in QApplication.clipboard().text()
    assert dialog.copy_button.text() == "Copied"
