"""File menu behaviour: bad files refused untouched, recent files, save a copy, backups, language."""

import hashlib
from pathlib import Path

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Prompts
from workshop_desk.storage.header import FileProblem
from workshop_desk.ui.dialogs.preferences import PreferencesDialog
from workshop_desk.ui.dialogs.restore_backup import RestoreBackupDialog
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.shell import Shell


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_random_bytes_are_refused_with_a_message_and_left_untouched(
    shell: Shell, prompts: Prompts, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.wdesk"
    bad.write_bytes(bytes(range(256)) * 40)
    before = _digest(bad)
    assert not shell.open_path(bad)
    assert prompts.errors and "not a Workshop Desk programme file" in prompts.errors[0]
    assert "left exactly as it was" in prompts.errors[0]
    assert _digest(bad) == before
    assert shell.document is None
    assert shell.window is not None and shell.window.pages.currentWidget() is shell.window.start_page
    _ = FileProblem


def test_open_recent_and_reopen_last_file(shell: Shell, demo_path: Path) -> None:
    assert shell.open_path(demo_path)
    assert shell.settings.recent_files[0] == str(demo_path.resolve())
    assert shell.settings.last_file == str(demo_path.resolve())
    shell.close_programme()
    assert shell.window is not None
    assert shell.window.start_page.recent_list is not None
    assert shell.window.start_page.recent_list.count() == 1


def test_save_a_copy(window: MainWindow, shell: Shell, prompts: Prompts, tmp_path: Path) -> None:
    prompts.save_answer = tmp_path / "copy.wdesk"
    titles = [s.title for s in shell.document.sittings()]  # type: ignore[union-attr]
    window.actions_by_name["save_copy"].trigger()
    assert (tmp_path / "copy.wdesk").exists()
    shell.close_programme()
    assert shell.open_path(tmp_path / "copy.wdesk")
    assert [s.title for s in shell.document.sittings()] == titles  # type: ignore[union-attr]


def test_restore_from_backup_brings_back_a_deleted_sitting(
    qtbot: QtBot, window: MainWindow, shell: Shell, prompts: Prompts, monkeypatch: object
) -> None:
    shell.backup_if_changed()  # as the 5-minute timer would
    assert shell.document is not None
    shell.document.workspace.backups.backup_now()
    count = len(shell.document.sittings())
    window.select_sitting(2)
    window.actions_by_name["delete_sitting"].trigger()
    assert len(shell.document.sittings()) == count - 1

    def choose_oldest(dialog: RestoreBackupDialog) -> int:
        dialog.list.setCurrentRow(dialog.list.count() - 1)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RestoreBackupDialog, "exec", choose_oldest)  # type: ignore[attr-defined]
    window.actions_by_name["restore_backup"].trigger()
    assert shell.document is not None
    assert len(shell.document.sittings()) == count
    assert shell.window is not None and shell.window.sittings_model.rowCount() == count


def test_switching_to_french_rebuilds_the_window_in_french(
    qtbot: QtBot, window: MainWindow, shell: Shell, monkeypatch: object
) -> None:
    window.select_sitting(3)

    def choose_french(dialog: PreferencesDialog) -> int:
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("fr"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PreferencesDialog, "exec", choose_french)  # type: ignore[attr-defined]
    window.actions_by_name["preferences"].trigger()
    new = shell.window
    assert new is not None and new is not window
    qtbot.addWidget(new)
    menus = [action.text() for action in new.menuBar().actions()]
    assert menus[0] == "&Fichier"
    assert new.current_sitting_id() == 3
    assert shell.settings.language == "fr"
