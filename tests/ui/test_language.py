"""The console speaks the user's language throughout: key names, Qt's own dialogs, sizes, typography, dates."""

import datetime as dt
import logging
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from workshop_desk.domain.enums import ProjectorMode
from workshop_desk.i18n import _
from workshop_desk.ui.main_window import MainWindow

BREAKFAST, WORKSHOP = 1, 2  # in the demo: 14 January 2027, most people signed in; Tuesday 26 January 2027
NBSP = "\u00a0"
ENGLISH_KEYS = re.compile(r"\b(Shift|Del|Ins|Enter|Return|wheel|Up|Down|Left|Right|PgUp|PgDown|Esc)\b")


def _shortcuts_table(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """F1's table, what it does → its keys."""
    from workshop_desk.ui.dialogs.shortcuts import ShortcutsDialog

    shown: list[ShortcutsDialog] = []
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda self: shown.append(self) or 0)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    table = shown[0].table
    return {table.item(r, 1).text(): table.item(r, 0).text() for r in range(table.rowCount())}


@pytest.mark.usefixtures("french")
def test_f1_names_every_key_in_french(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    keys = _shortcuts_table(qtbot, window, monkeypatch)
    assert [k for k in keys.values() if ENGLISH_KEYS.search(k)] == []
    assert keys[_("Add an agenda item below the selected one")] == "Inser"
    assert keys[_("Move the selected agenda item")] == "Ctrl+Haut / Ctrl+Bas"
    assert keys[_("Board: edit the selected note")] == "F2 / Entrée"
    assert keys[_("Board: zoom in, out, fit everything")] == "Ctrl+molette / + / − / 0"
    assert keys[_("Board: delete the selected notes")] == "Suppr"
    assert keys["Point suivant"] == "Page suiv. / Ctrl+Droite" and keys["Une idée"] == "Maj+F3"


def test_f1_names_keys_in_english_too(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    keys = _shortcuts_table(qtbot, window, monkeypatch)
    assert keys["Board: zoom in, out, fit everything"] == "Ctrl+wheel / + / − / 0"
    assert keys["Delete the selected agenda item"] == "Del"


@pytest.mark.usefixtures("french")
def test_menus_and_tooltips_name_keys_as_f1_does(window: MainWindow) -> None:
    actions = window.actions_by_name
    native = QKeySequence.SequenceFormat.NativeText
    assert actions[f"projector_{ProjectorMode.NOTE}"].shortcut().toString(native) == "Maj+F3"  # as the menu shows it
    assert actions["run_start"].shortcut().toString(native) == "Ctrl+Entrée"
    window.select_sitting(WORKSHOP)
    page = window.sitting_page
    assert page is not None
    assert page.agenda_editor.up_button.toolTip() == "Ctrl+Haut"


@pytest.mark.usefixtures("french")
def test_qt_file_dialog_and_standard_buttons_speak_french(qtbot: QtBot) -> None:
    dialog = QFileDialog(None, "", str(Path.home()))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.text().replace(NBSP, " ").replace("&", "") for label in dialog.findChildren(QLabel)}
    assert labels == {"Voir dans :", "Nom de fichier :", "Fichiers de type :"}  # Qt 6.11's own catalog lacks two
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(buttons)
    texts = {b.text().replace("&", "") for b in buttons.buttons()}
    assert texts == {"Annuler", "Fermer"}


def test_back_in_english_qt_speaks_english_again(qtbot: QtBot) -> None:
    from workshop_desk import i18n
    from workshop_desk.ui.translation import install_qt_translator, key_text

    for language in ("fr", "en"):
        i18n.set_language(language)
        install_qt_translator(language)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.buttons()[0].text().replace("&", "") == "Cancel"
    assert key_text("Shift+F3", "Ctrl+Return", "Ctrl+wheel") == "Shift+F3 / Ctrl+Return / Ctrl+wheel"


def test_qt_catalog_found_beside_pyside_when_qt_looks_elsewhere(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                                                caplog: pytest.LogCaptureFixture) -> None:
    """A frozen build may tell Qt another folder: the catalog is then looked for beside PySide6; missing, it is
    logged (never silent)."""
    from workshop_desk.ui import translation

    monkeypatch.setattr(translation.QLibraryInfo, "path", staticmethod(lambda _which: "/nowhere"))
    translation.install_qt_translator("fr")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.buttons()[0].text().replace("&", "") == "Annuler"

    monkeypatch.setattr(translation.PySide6, "__file__", "/nowhere/PySide6/__init__.py")
    with caplog.at_level(logging.WARNING):
        translation.install_qt_translator("fr")
    assert "qtbase_fr.qm" in caplog.text


def test_restore_dialog_sizes_and_dates_in_the_users_units(qtbot: QtBot, french: None) -> None:
    from workshop_desk.services.backups import Backup
    from workshop_desk.ui.dialogs.restore_backup import RestoreBackupDialog

    taken = dt.datetime(2027, 1, 26, 13, 5, 9, tzinfo=dt.UTC)
    dialog = RestoreBackupDialog([Backup(Path("a.wdesk"), taken, 468 * 1024 + 100),
                                  Backup(Path("b.wdesk"), taken, 3 * 1024 * 1024 // 2)])
    qtbot.addWidget(dialog)
    first, second = (dialog.list.item(row).text() for row in range(2))
    assert f"(468{NBSP}Ko)" in first and "mardi 26 janvier 2027 · " in first
    assert f"(1,5{NBSP}Mo)" in second
    assert {b.text().replace("&", "") for b in dialog.buttons.buttons()} == {"Restaurer", "Annuler"}


def test_sign_in_counts_and_table_mix_keep_french_typography(window: MainWindow, french: None) -> None:
    window.select_sitting(BREAKFAST)
    page = window.sitting_page
    assert page is not None
    groups = page.signin_desk.groups_label.text()
    assert f"Entreprises{NBSP}: <b>" in groups and "Entreprises:" not in groups
    cafe = next(s for s in window.document.sittings() if s.title.startswith("World café"))  # type: ignore[union-attr]
    window.select_sitting(cafe.id)
    quality = page.tables_page.quality_label.text()
    assert re.search(rf"mixité des collèges{NBSP}: \d+{NBSP}%", quality), quality


@pytest.mark.usefixtures("french")
def test_the_tables_draw_is_no_internal_jargon(window: MainWindow) -> None:
    window.select_sitting(WORKSHOP)
    page = window.sitting_page
    assert page is not None
    spin = page.tables_page.seed_spin
    assert spin.text() == f"Tirage n°{NBSP}1" and "ariant" not in spin.toolTip()


@pytest.mark.parametrize(("language", "written"), [("fr", "mardi 26 janvier 2027"),
                                                    ("en", "Tuesday 26 January 2027")])
def test_one_date_format_throughout_the_console(window: MainWindow, language: str, written: str) -> None:
    from workshop_desk import i18n

    i18n.set_language(language)
    window.select_sitting(WORKSHOP)  # built again in the new language
    page = window.sitting_page
    assert page is not None
    assert written in window.sittings_model.index(window.sittings_model.row_of(WORKSHOP), 0).data()
    assert written in page.subheading.text()
    assert page.form.date_edit.text() == written


def test_status_bar_names_the_file_not_its_folder(window: MainWindow, demo_path: Path) -> None:
    assert window.status_file.text() == "demo.wdesk"
    assert window.status_file.toolTip() == str(demo_path)


def test_an_unselected_tab_keeps_the_accent_of_its_capital(qtbot: QtBot) -> None:
    """Fusion clipped the top of an unselected tab's label: 'Émargement' read 'Emargement'."""
    from workshop_desk.ui.theme import ConsoleStyle

    style = ConsoleStyle()
    images = []
    for second in ("Émargement", "Emargement"):
        tabs = QTabWidget()
        qtbot.addWidget(tabs)
        tabs.tabBar().setStyle(style)
        tabs.addTab(QWidget(), "Préparer")
        tabs.addTab(QWidget(), second)  # not selected
        tabs.resize(400, 80)
        tabs.show()
        images.append(tabs.tabBar().grab().toImage())
    assert images[0] != images[1]
