"""Packages going out, at the console: File › Prepare laptops…, Open a package… (and a .wdpack opened any other way),
Export a sitting package… — driven through the real dialogs, the files read back."""

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Prompts
from workshop_desk.domain.packages import LaptopPlan
from workshop_desk.services.packages import package_info
from workshop_desk.ui.dialogs.export_package import ExportPackageDialog
from workshop_desk.ui.dialogs.prepare_laptops import PrepareLaptopsDialog
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.models.laptops_model import LAPTOP
from workshop_desk.ui.shell import Shell


class Told:
    """What the package prompts were asked, and their answers."""

    def __init__(self) -> None:
        self.written: list[tuple[str, str]] = []  # (message, next steps) of each "files written" box
        self.package_file: Path | None = None  # the package File › Open a package… picks
        self.package_target: Path | None = None  # where Export a sitting package… writes


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch, prompts: Prompts) -> Told:
    from workshop_desk.ui import prompts as module

    recorder = Told()
    monkeypatch.setattr(module, "offer_folder", lambda _p, message, steps: recorder.written.append(
        (message, steps)) and False)
    monkeypatch.setattr(module, "open_package_file", lambda _p: recorder.package_file)
    monkeypatch.setattr(module, "save_package", lambda _p, _t, _name: recorder.package_target)
    return recorder


def _dialog(qtbot: QtBot, window: MainWindow, kind: type) -> QWidget:
    """The dialog of `kind` that the window opened, shown and with the keyboard."""
    qtbot.waitUntil(lambda: any(w.isVisible() for w in window.findChildren(kind)), timeout=5_000)
    dialog = next(w for w in window.findChildren(kind) if w.isVisible())
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and dialog.isAncestorOf(
        QApplication.focusWidget()), timeout=5_000)
    return dialog


def _prepare_dialog(qtbot: QtBot, window: MainWindow, folder: Path) -> PrepareLaptopsDialog:
    window.actions_by_name["prepare_laptops"].trigger()
    dialog = _dialog(qtbot, window, PrepareLaptopsDialog)
    assert isinstance(dialog, PrepareLaptopsDialog)
    dialog.folder.setText(str(folder))
    return dialog


def _type(text: str) -> None:
    """Type into whatever has the keyboard (a cell's editor opens on the first character), accents included."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            focused = QApplication.focusWidget()
            assert focused is not None
            QCoreApplication.sendEvent(focused, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier,
                                                          char))


def _key(qtbot: QtBot, key: Qt.Key) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key)
    QApplication.processEvents()  # the editor's Enter commits on the next turn of the event loop


def _laptops_remembered(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        return {name for (name,) in connection.execute("SELECT name FROM sync_laptop WHERE prepared_at IS NOT NULL")}


# --- File › Prepare laptops… ---------------------------------------------------------------------------------------

def test_the_file_menu_offers_the_packages_going_out(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    for name in ("prepare_laptops", "open_package", "export_package"):
        assert window.actions_by_name[name] in file_menu.actions()  # type: ignore[union-attr]
        assert window.actions_by_name[name].isEnabled()


def test_without_a_programme_only_opening_a_package_is_offered(shell: Shell) -> None:
    window = shell.window
    assert window is not None
    assert window.actions_by_name["open_package"].isEnabled()
    assert not window.actions_by_name["prepare_laptops"].isEnabled()
    assert not window.actions_by_name["export_package"].isEnabled()


def test_laptops_are_named_from_the_keyboard_and_one_package_written_per_laptop(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, told: Told) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    dialog = _prepare_dialog(qtbot, window, stick)
    table, model = dialog.table, dialog.model
    assert model.name_of(0) == "Claire Vasseur, Julien Ombredane"  # each sitting starts with its facilitators
    assert dialog.summary.text() == "1 laptop, 8 sittings"
    assert table.hasFocus()  # the keyboard starts in the table
    _key(qtbot, Qt.Key.Key_Space)  # the breakfast stays on the lead's laptop
    _key(qtbot, Qt.Key.Key_Down)
    assert table.currentIndex().row() == 1 and table.currentIndex().column() == LAPTOP
    _key(qtbot, Qt.Key.Key_Delete)  # nothing: the name is replaced by typing over it
    for name in ("Atelier 1 — Hélène", "Atelier 2 — Marc", "atelier 1 — hélène"):
        _type(name)
        _key(qtbot, Qt.Key.Key_Return)  # keeps the name and goes down: never presses "Write the packages"
    assert told.written == [] and not list(stick.iterdir())
    assert table.currentIndex().row() == 4
    for _row in range(4, 8):
        _key(qtbot, Qt.Key.Key_Space)
        _key(qtbot, Qt.Key.Key_Down)
    assert dialog.summary.text() == "2 laptops, 3 sittings"
    qtbot.mouseClick(dialog.prepare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(told.written), timeout=30_000)
    message, steps = told.written[0]
    assert message.startswith(f"2 packages written in {stick}:")
    assert "• Atelier 1 — Hélène.wdpack" in message and "• Atelier 2 — Marc.wdpack" in message
    assert steps.startswith("Next, on each laptop: File › Open a package…, then choose")
    first = package_info(stick / "Atelier 1 — Hélène.wdpack")
    assert first.handout and first.laptop_name == "Atelier 1 — Hélène"
    assert first.sittings == ("Atelier Métiers d'art", "Atelier Ingénierie")  # the same name, spelt another way
    assert package_info(stick / "Atelier 2 — Marc.wdpack").sittings == ("Atelier Santé",)
    assert not dialog.isVisible()
    assert window.document is not None
    # the demo itself brought one laptop back (services/demo_laptop.py)
    assert _laptops_remembered(window.document.workspace.path) == {"Atelier 1 — Hélène", "Atelier 2 — Marc",
                                                                   "Atelier Santé — Karim"}


def test_tab_from_a_name_edits_the_next_sittings(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                 told: Told) -> None:
    dialog = _prepare_dialog(qtbot, window, tmp_path)
    _type("Julie")
    _key(qtbot, Qt.Key.Key_Tab)
    _type("Marc")
    _key(qtbot, Qt.Key.Key_Return)
    assert (dialog.model.name_of(0), dialog.model.name_of(1)) == ("Julie", "Marc")


def test_a_sitting_without_a_name_is_not_prepared_and_nothing_is_offered_without_laptops(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, told: Told) -> None:
    dialog = _prepare_dialog(qtbot, window, tmp_path)
    for row in range(dialog.model.rowCount()):
        dialog.model.set_name(row, "  ")
    assert dialog.plans() == []
    assert dialog.summary.text().startswith("No laptop yet")
    assert not dialog.prepare_button.isEnabled()
    assert dialog.model.index(0, LAPTOP).data() == "not prepared"


def test_a_programme_without_sittings_says_what_to_do_first(qtbot: QtBot, window: MainWindow) -> None:
    assert window.document is not None
    dialog = PrepareLaptopsDialog(window.document, [], window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.empty.isVisible() and not dialog.table.isVisible() and not dialog.plan_area.isVisible()
    assert "no sitting yet" in dialog.empty.text()
    assert not dialog.prepare_button.isEnabled()


def test_packages_of_an_earlier_preparation_are_replaced_only_when_the_lead_says_so(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, told: Told, prompts: Prompts) -> None:
    earlier = tmp_path / "Claire Vasseur, Julien Ombredane.wdpack"
    earlier.write_bytes(b"an earlier package")
    dialog = _prepare_dialog(qtbot, window, tmp_path)
    prompts.confirm_answer = False
    qtbot.mouseClick(dialog.prepare_button, Qt.MouseButton.LeftButton)
    assert prompts.questions == ["1 package is already in this folder (an earlier preparation?): Claire Vasseur, "
                                 "Julien Ombredane.wdpack. Replace it?"]
    assert earlier.read_bytes() == b"an earlier package" and dialog.isVisible()


def test_a_package_that_cannot_be_written_is_said_in_a_sentence_with_those_written_before(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, told: Told, prompts: Prompts) -> None:
    stick = tmp_path / "stick"
    (stick / "Marc.wdpack").mkdir(parents=True)  # in the way of Marc's package
    dialog = _prepare_dialog(qtbot, window, stick)
    for row in range(dialog.model.rowCount()):
        dialog.model.set_name(row, {1: "Julie", 2: "Marc"}.get(row, ""))
    qtbot.mouseClick(dialog.prepare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(prompts.infos), timeout=30_000)
    assert prompts.questions == ["1 package is already in this folder (an earlier preparation?): Marc.wdpack. "
                                 "Replace it?"]
    assert len(prompts.errors) == 1 and prompts.errors[0].startswith("The disk refused to write:")
    assert prompts.infos == ["This package was written before that: Julie.wdpack."]
    assert dialog.isVisible() and told.written == []  # to choose another folder, or try again


def test_a_read_only_programme_prepares_no_laptop(qtbot: QtBot, shell: Shell, demo_path: Path) -> None:
    assert shell.open_path(demo_path, read_only=True)
    assert shell.window is not None and shell.document is not None
    assert not shell.window.actions_by_name["prepare_laptops"].isEnabled()
    assert shell.window.actions_by_name["export_package"].isEnabled()  # exporting only reads


# --- File › Open a package… ----------------------------------------------------------------------------------------

def _handout(window: MainWindow, folder: Path, name: str = "Atelier 3 — Julie") -> Path:
    assert window.document is not None
    return window.document.workspace.packages.prepare([LaptopPlan(name, (3, 4))], folder)[0]


def test_a_package_opens_as_this_laptops_programme(qtbot: QtBot, window: MainWindow, shell: Shell, tmp_path: Path,
                                                   told: Told, prompts: Prompts) -> None:
    told.package_file = _handout(window, tmp_path / "stick")
    prompts.save_answer = tmp_path / "laptop" / "Atelier 3 — Julie.wdesk"
    window.actions_by_name["open_package"].trigger()
    qtbot.waitUntil(lambda: shell.document is not None and shell.document.workspace.path == prompts.save_answer,
                    timeout=30_000)
    assert shell.document is not None
    assert [s.title for s in shell.document.sittings()] == ["Atelier Santé", "Atelier Ingénierie"]
    assert shell.document.workspace.packages.laptop_name() == "Atelier 3 — Julie"
    assert window.windowTitle().startswith(shell.document.programme().title)
    assert prompts.errors == []


def test_the_new_programme_is_named_after_the_laptop_in_the_documents_folder(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, told: Told, monkeypatch: pytest.MonkeyPatch) -> None:
    from workshop_desk.ui import package_files, prompts

    asked: list[tuple[str, Path]] = []
    monkeypatch.setattr(package_files, "documents_dir", lambda: tmp_path / "Documents")
    monkeypatch.setattr(prompts, "save_file", lambda _p, title, start: asked.append((title, start)) and None)
    told.package_file = _handout(window, tmp_path / "stick", "Atelier 3 : Julie")
    window.actions_by_name["open_package"].trigger()
    qtbot.waitUntil(lambda: bool(asked), timeout=30_000)
    assert asked == [("Where to keep this laptop's programme", tmp_path / "Documents" / "Atelier 3 - Julie.wdesk")]


def test_a_programme_file_that_exists_is_never_written_over(qtbot: QtBot, window: MainWindow, shell: Shell,
                                                           tmp_path: Path, told: Told, prompts: Prompts) -> None:
    told.package_file = _handout(window, tmp_path / "stick")
    existing = tmp_path / "mine.wdesk"
    existing.write_bytes(b"someone's programme")
    prompts.save_answer = existing
    window.actions_by_name["open_package"].trigger()
    qtbot.waitUntil(lambda: bool(prompts.errors), timeout=30_000)
    assert prompts.errors == ["“mine.wdesk” already exists, and opening a package never writes over a file: choose "
                              "another name."]
    assert existing.read_bytes() == b"someone's programme"
    assert shell.document is not None and shell.document.workspace.path.name == "demo.wdesk"


def test_a_file_that_is_no_package_is_refused_in_a_sentence(qtbot: QtBot, window: MainWindow, shell: Shell,
                                                            tmp_path: Path, told: Told, prompts: Prompts) -> None:
    told.package_file = tmp_path / "Atelier 3.wdpack"
    told.package_file.write_bytes(b"not a package at all" * 100)
    prompts.save_answer = tmp_path / "never.wdesk"
    window.actions_by_name["open_package"].trigger()
    qtbot.waitUntil(lambda: bool(prompts.errors), timeout=30_000)
    assert prompts.errors == ["“Atelier 3.wdpack” is not a Workshop Desk package."]
    assert not prompts.save_answer.exists()


def test_a_laptops_work_brought_back_is_opened_only_after_saying_it_is_for_importing(
        qtbot: QtBot, window: MainWindow, shell: Shell, tmp_path: Path, told: Told, prompts: Prompts) -> None:
    assert window.document is not None
    told.package_file = tmp_path / "back.wdpack"
    window.document.workspace.packages.export([2], told.package_file)
    prompts.confirm_answer = False
    window.actions_by_name["open_package"].trigger()
    qtbot.waitUntil(lambda: bool(prompts.questions), timeout=30_000)
    assert "it is for the lead's programme, where File › Import packages… brings it in" in prompts.questions[0]
    assert shell.document is not None and shell.document.workspace.path.name == "demo.wdesk"


def test_a_package_opened_from_open_or_the_command_line_makes_a_programme(
        qtbot: QtBot, window: MainWindow, shell: Shell, tmp_path: Path, told: Told, prompts: Prompts) -> None:
    package = _handout(window, tmp_path / "stick")
    prompts.open_answer = package
    prompts.save_answer = tmp_path / "from open.wdesk"
    window.actions_by_name["open"].trigger()  # File › Open… takes a package too
    qtbot.waitUntil(lambda: shell.document is not None and shell.document.workspace.path == prompts.save_answer,
                    timeout=30_000)
    shell.close_programme()
    prompts.save_answer = tmp_path / "from the command line.wdesk"
    shell.open_at_start(package)  # `workshop-desk "Atelier 3 — Julie.wdpack"`, or a double click
    qtbot.waitUntil(lambda: shell.document is not None and shell.document.workspace.path == prompts.save_answer,
                    timeout=30_000)
    assert prompts.errors == []


# --- File › Export a sitting package… -----------------------------------------------------------------------------

def _export_dialog(qtbot: QtBot, window: MainWindow) -> ExportPackageDialog:
    window.actions_by_name["export_package"].trigger()
    dialog = _dialog(qtbot, window, ExportPackageDialog)
    assert isinstance(dialog, ExportPackageDialog)
    return dialog


def test_a_laptops_sittings_are_all_exported_by_default(qtbot: QtBot, window: MainWindow, shell: Shell,
                                                        tmp_path: Path, told: Told, prompts: Prompts) -> None:
    told.package_file = _handout(window, tmp_path / "stick")
    prompts.save_answer = tmp_path / "laptop.wdesk"
    window.actions_by_name["open_package"].trigger()
    qtbot.waitUntil(lambda: shell.document is not None and shell.document.workspace.path == prompts.save_answer,
                    timeout=30_000)
    window = shell.window  # type: ignore[assignment]
    dialog = _export_dialog(qtbot, window)
    assert dialog.suggested_name().startswith("Atelier 3 — Julie — ")
    assert len(dialog.sitting_ids()) == 2 and dialog.summary.text() == "2 sittings ticked"
    told.package_target = tmp_path / "stick" / "back.wdpack"
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(told.written), timeout=30_000)
    message, steps = told.written[0]
    assert message.startswith(f"“back.wdpack” is written in {tmp_path / 'stick'}: 2 sittings, ")
    assert steps == "Give this file to the lead: on the lead's laptop, File › Import packages… brings it into the " \
        "programme."
    back = package_info(told.package_target)
    assert not back.handout and back.sittings == ("Atelier Santé", "Atelier Ingénierie")


def test_in_a_programme_of_many_sittings_only_the_current_one_is_ticked(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, told: Told) -> None:
    window.select_sitting(3)
    dialog = _export_dialog(qtbot, window)
    assert dialog.sitting_ids() == [3]
    dialog.sittings.item(dialog.sittings.currentRow()).setCheckState(Qt.CheckState.Unchecked)
    assert not dialog.export_button.isEnabled()
    assert dialog.summary.text() == "Tick the sittings whose work goes back to the lead."


def test_a_read_only_programme_exports_its_package(qtbot: QtBot, shell: Shell, demo_path: Path, tmp_path: Path,
                                                   told: Told) -> None:
    assert shell.open_path(demo_path, read_only=True)
    assert shell.window is not None
    before = demo_path.read_bytes()
    shell.window.select_sitting(2)
    dialog = _export_dialog(qtbot, shell.window)
    told.package_target = tmp_path / "read only.wdpack"
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(told.written), timeout=30_000)
    assert package_info(told.package_target).sittings == ("Atelier Métiers d'art",)
    assert demo_path.read_bytes() == before


def test_the_document_refuses_to_prepare_from_a_read_only_programme(shell: Shell, demo_path: Path,
                                                                      tmp_path: Path) -> None:
    from workshop_desk.storage.errors import StorageError

    assert shell.open_path(demo_path, read_only=True)
    assert shell.document is not None
    with pytest.raises(StorageError):
        shell.document.prepare_laptop(LaptopPlan("Julie", (2,)), tmp_path)
    assert not (tmp_path / "Julie.wdpack").exists()
