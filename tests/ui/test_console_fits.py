"""The console on a laptop (1280×720, 1366×768), French and English: no page, tab or dialog cuts a text short."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.fitting import problems
from workshop_desk import i18n
from workshop_desk.services.settings import Settings
from workshop_desk.ui.console_tour import TAB_NAMES, dialogs, pages
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.shell import Shell
from workshop_desk.ui.translation import install_qt_translator

SIZES = ((1280, 720), (1366, 768))
SCREEN_HEIGHT = 720 - 40  # a laptop's 720 lines less a task bar: what a dialog may take


@pytest.fixture(params=["fr", "en"])
def demo_window(request: pytest.FixtureRequest, qtbot: QtBot, tmp_path: Path, demo_path: Path) -> Iterator[MainWindow]:
    """The demo in one language; the language stays for the whole test (dialogs are built during it)."""
    i18n.set_language(request.param)
    install_qt_translator(request.param)
    shell = Shell(Settings(), settings_path=tmp_path / "settings.json", backup_root=tmp_path / "backups")
    window = shell.build_window()
    qtbot.addWidget(window)
    window.show()
    assert shell.open_path(demo_path)
    yield window
    shell.about_to_quit()


def _settle() -> None:
    for _ in range(2):
        QApplication.processEvents()


def test_every_page_and_sitting_tab_fits(demo_window: MainWindow) -> None:
    found: list[str] = []
    for width, height in SIZES:
        demo_window.resize(width, height)
        for stop in pages(demo_window):
            stop.show()
            _settle()
            found += [f"{width}×{height} {stop.name}: {p}" for p in problems(demo_window)]
    assert not found, f"{len(found)} cut short in {i18n.language()}:\n" + "\n".join(found)


def test_every_dialog_fits_at_its_minimum_size(demo_window: MainWindow) -> None:
    found: list[str] = []
    for stop in dialogs(demo_window):
        dialog = stop.build()
        dialog.show()
        if not isinstance(dialog, QMessageBox):  # a message box sets its own size, which the user cannot change
            dialog.resize(1, 1)  # as small as its layout allows
        _settle()
        found += [f"{stop.name}: {p}" for p in problems(dialog)]
        if dialog.height() > SCREEN_HEIGHT:
            found.append(f"{stop.name}: {dialog.height()} px high, more than a laptop screen")
        dialog.close()
        dialog.deleteLater()
    assert not found, f"{len(found)} cut short in {i18n.language()}:\n" + "\n".join(found)


def test_the_tour_walks_every_tab_of_every_sitting(demo_window: MainWindow) -> None:
    page, document = demo_window.sitting_page, demo_window.document
    assert page is not None and document is not None
    assert len(TAB_NAMES) == page.tabs.count()
    names = [stop.name for stop in pages(demo_window)]
    assert len(names) == 3 + len(TAB_NAMES) * len(document.sittings())


def test_the_check_sees_what_a_user_would_see_cut(qtbot: QtBot) -> None:
    """The checks themselves can fail: a squeezed button, a short wrapped label, a tab bar too narrow, two widgets
    on top of each other, a widget past its parent's edge."""
    from PySide6.QtWidgets import QLabel, QPushButton, QTabBar, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    window.setGeometry(0, 0, 400, 300)
    button = QPushButton("Terminer le tour de parole", window)
    button.setGeometry(0, 0, 60, 30)
    label = QLabel("Un texte assez long pour passer à la ligne plusieurs fois dans ce petit cadre", window)
    label.setWordWrap(True)
    label.setGeometry(0, 40, 120, 16)
    bar = QTabBar(window)
    for text in ("Préparer", "Émargement", "Minuteur et intervenants"):
        bar.addTab(text)
    bar.setGeometry(0, 100, 150, 30)
    first, second = QWidget(window), QWidget(window)
    first.setGeometry(200, 0, 100, 100)
    second.setGeometry(250, 50, 100, 100)
    outside = QWidget(window)
    outside.setGeometry(350, 250, 100, 100)
    window.show()
    _settle()
    found = "\n".join(problems(window))
    assert "QPushButton 'Terminer le tour de parole' in QWidget is 60×30 px" in found
    assert "QLabel 'Un texte assez long" in found
    assert "tab bar is 150 px" in found
    assert "overlaps" in found
    assert "sticks out of its parent" in found
