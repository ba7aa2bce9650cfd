"""Documents written from the console: off the GUI thread, then offered to open."""

from pathlib import Path

import docx
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from workshop_desk.ui.main_window import MainWindow


def _patch(monkeypatch: object, target: Path, choice: int | None = 0) -> list[str]:
    from workshop_desk.ui import prompts

    offered: list[str] = []
    monkeypatch.setattr(prompts, "save_as", lambda *_a, **_k: target)  # type: ignore[attr-defined]
    monkeypatch.setattr(prompts, "ask_choice", lambda *_a, **_k: choice)  # type: ignore[attr-defined]
    monkeypatch.setattr(prompts, "open_or_folder",  # type: ignore[attr-defined]
                        lambda _p, message: offered.append(message) or "")
    return offered


def test_attendance_sheet_from_the_sign_in_desk(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                monkeypatch: object) -> None:
    target = tmp_path / "émargement.docx"
    offered = _patch(monkeypatch, target)
    window.select_sitting(1)
    page = window.sitting_page
    assert page is not None
    page.tabs.setCurrentIndex(page.SIGNIN_TAB)
    qtbot.mouseClick(page.signin_desk.sheet_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(offered), timeout=20_000)
    document = docx.Document(str(target))
    cells = " ".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert "Petit-déjeuner des acteurs économiques" in cells  # the sheet's header table
    assert len(document.tables[1].rows) == 1 + 57  # a header row, then one row per expected person
    assert offered == ["émargement.docx is ready."]


def test_badges_for_the_selection(qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: object) -> None:
    target = tmp_path / "badges.docx"
    offered = _patch(monkeypatch, target, choice=1)
    window.show_participants()
    page = window.participants_page
    assert page is not None
    page.view.selectRow(0)
    name = page.proxy.index(0, 0).data()
    qtbot.mouseClick(page.badges_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(offered), timeout=20_000)
    document = docx.Document(str(target))
    texts = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    last_name = name.split()[0]
    assert any(last_name.lower() in text.lower() for text in texts)
    assert len(document.inline_shapes) == 1  # one QR code: one badge
