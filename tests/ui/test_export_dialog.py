"""The export dialog of the deliverables: opened from the File menu (Ctrl+E), written off the GUI thread."""

from pathlib import Path

import docx
import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from workshop_desk.ui.dialogs.export_dialog import ExportDialog
from workshop_desk.ui.main_window import MainWindow


def _patch(monkeypatch: object, target: Path) -> list[str]:
    from workshop_desk.ui import prompts

    offered: list[str] = []
    monkeypatch.setattr(prompts, "save_as", lambda *_a, **_k: target)  # type: ignore[attr-defined]
    monkeypatch.setattr(prompts, "open_or_folder",  # type: ignore[attr-defined]
                        lambda _p, message: offered.append(message) or "")
    monkeypatch.setattr(prompts, "error", lambda _p, message, title=None: offered.append(f"error: {message}"))  # type: ignore[attr-defined]
    return offered


def _open_dialog(qtbot: QtBot, window: MainWindow) -> ExportDialog:
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(isinstance(w, ExportDialog) and w.isVisible() for w in QApplication.topLevelWidgets()),
                    timeout=5_000)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ExportDialog) and w.isVisible())
    assert isinstance(dialog, ExportDialog)
    return dialog


def test_the_file_menu_offers_the_export(window: MainWindow) -> None:
    action = window.actions_by_name["export_deliverables"]
    assert action.shortcut().toString() == "Ctrl+E"
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()  # type: ignore[union-attr]


def test_both_documents_of_the_current_sitting(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                               monkeypatch: object) -> None:
    target = tmp_path / "compte rendu.docx"
    offered = _patch(monkeypatch, target)
    window.select_sitting(2)
    dialog = _open_dialog(qtbot, window)
    assert dialog.sitting_id() == 2  # the current sitting is preselected
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.anonymise.setChecked(True)
    dialog.sections["annexes"].setChecked(False)
    dialog.both.setChecked(True)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(offered), timeout=30_000)
    assert offered == ["compte rendu.docx and compte rendu.xlsx are ready."]
    document = docx.Document(str(target))
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert "Attendance" in headings and "Agenda" in headings  # the sitting has not run: its agenda as planned
    assert not any("Annexes" in heading for heading in headings)
    assert "Those present" not in [p.text for p in document.paragraphs]  # anonymised: counts only
    workbook = openpyxl.load_workbook(tmp_path / "compte rendu.xlsx")
    assert "Those present" not in workbook.sheetnames
    assert workbook["Summary"]["A1"].value == window.document.workspace.programmes.get().title  # type: ignore[union-attr]


def test_excel_only_for_the_whole_programme(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                            monkeypatch: object) -> None:
    target = tmp_path / "synthèse.xlsx"
    offered = _patch(monkeypatch, target)
    dialog = _open_dialog(qtbot, window)
    dialog.scope.setCurrentIndex(0)
    assert dialog.sitting_id() is None
    dialog.excel.setChecked(True)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(offered), timeout=30_000)
    assert offered == ["synthèse.xlsx is ready."]
    workbook = openpyxl.load_workbook(target)
    assert "Consolidated priorities" in workbook.sheetnames
    assert not (tmp_path / "synthèse.docx").exists()
