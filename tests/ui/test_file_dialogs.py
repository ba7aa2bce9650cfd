"""File dialogs open in the folder last chosen (a restart too) and propose the deliverable's name."""

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from workshop_desk.services.settings import Settings, load_settings
from workshop_desk.ui.dialogs.export_dialog import ExportDialog
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.shell import Shell


class SaveDialogs:
    """Stands for Qt's save dialog: records where it opened, answers with a file in `folder`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.starts: list[str] = []

    def __call__(self, _parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        self.starts.append(start)
        return str(self.folder / Path(start).name), ""


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> SaveDialogs:
    from workshop_desk.ui import prompts

    folder = tmp_path / "Client — Ville de Lyon"
    folder.mkdir()
    recorder = SaveDialogs(folder)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", recorder)
    monkeypatch.setattr(prompts, "open_or_folder", lambda *_a: "")
    return recorder


def _export_excel(qtbot: QtBot, window: MainWindow) -> None:
    window.actions_by_name["export_deliverables"].trigger()
    qtbot.waitUntil(lambda: any(isinstance(w, ExportDialog) and w.isVisible() for w in QApplication.topLevelWidgets()))
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ExportDialog) and w.isVisible())
    assert isinstance(dialog, ExportDialog)
    dialog.scope.setCurrentIndex(0)  # the whole programme
    dialog.excel.setChecked(True)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)


def test_the_workbook_is_proposed_as_synthesis_then_in_the_last_folder(qtbot: QtBot, window: MainWindow,
                                                                        shell: Shell, dialogs: SaveDialogs,
                                                                        tmp_path: Path) -> None:
    title = window.document.programme().title  # type: ignore[union-attr]
    _export_excel(qtbot, window)
    assert dialogs.starts[0] == str(Path.home() / f"Synthesis — {title}.xlsx")
    written = dialogs.folder / f"Synthesis — {title}.xlsx"
    qtbot.waitUntil(written.exists, timeout=30_000)
    assert openpyxl.load_workbook(written).sheetnames
    _export_excel(qtbot, window)  # the next dialog opens where the last one went
    assert dialogs.starts[1] == str(written)

    shell.about_to_quit()  # and so does the first one after a restart
    settings = load_settings(tmp_path / "settings.json")
    assert settings.folders["documents"] == str(dialogs.folder)
    Shell(settings, settings_path=tmp_path / "settings2.json", backup_root=tmp_path / "backups")
    from workshop_desk.ui import prompts

    assert prompts.save_as(None, "", Path.home() / "Minutes — X.docx", "", ".docx") == \
        dialogs.folder / "Minutes — X.docx"
    assert dialogs.starts[-1] == str(dialogs.folder / "Minutes — X.docx")


def test_the_workbook_beside_the_minutes_is_named_synthesis(qtbot: QtBot, window: MainWindow,
                                                             dialogs: SaveDialogs) -> None:
    from workshop_desk.ui.dialogs.export_dialog import synthesis_beside

    assert synthesis_beside(Path("/x/Minutes — Plan.docx")) == Path("/x/Synthesis — Plan.xlsx")
    assert synthesis_beside(Path("/x/compte rendu.docx")) == Path("/x/compte rendu.xlsx")


def test_a_folder_that_is_gone_falls_back_to_the_proposal(tmp_path: Path, dialogs: SaveDialogs) -> None:
    from workshop_desk.ui import prompts

    prompts.remember_folders_in(Settings(folders={"documents": str(tmp_path / "unplugged USB key")}).folders)
    prompts.save_as(None, "", Path.home() / "Minutes — X.docx", "", ".docx")
    assert dialogs.starts == [str(Path.home() / "Minutes — X.docx")]
