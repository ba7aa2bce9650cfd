"""Running a sitting live from the keyboard, the projector following, and resuming after a restart."""

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Prompts
from workshop_desk.domain.enums import ProjectorMode
from workshop_desk.services.settings import Settings
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.projector.screens import AgendaScreen, BlankScreen, PauseScreen, WelcomeScreen
from workshop_desk.ui.shell import Shell

WORKSHOP = 2


def _current_title(window: MainWindow) -> str:
    agenda = window.document.agenda(WORKSHOP)  # type: ignore[union-attr]
    return next(i.title for i in agenda.items if i.id == agenda.sitting.current_item_id)


def test_start_next_previous_from_the_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    window.select_sitting(WORKSHOP)
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    page = window.sitting_page
    assert page is not None and page.tabs.currentIndex() == page.RUN_TAB
    assert _current_title(window) == "Accueil et émargement"
    assert page.run_panel.state_label.text() == "Now: Accueil et émargement"
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert _current_title(window) == "Diagnostic de la filière métiers d'art"
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert _current_title(window) == "Objectifs de l'atelier et règles du jeu"
    items = window.document.agenda(WORKSHOP).items  # type: ignore[union-attr]
    assert items[0].actual_start is not None and items[0].actual_end is not None
    assert items[2].actual_end is not None  # left when going back
    assert items[1].actual_end is None  # current again


def test_projector_follows_the_console(qtbot: QtBot, window: MainWindow, shell: Shell) -> None:
    projector = shell.projector.window
    window.select_sitting(WORKSHOP)
    assert isinstance(projector._stack.currentWidget(), WelcomeScreen)
    assert projector.content.agenda is not None and projector.content.agenda.sitting.title == "Atelier Métiers d'art"
    for key, screen in ((Qt.Key.Key_F7, AgendaScreen), (Qt.Key.Key_F8, PauseScreen), (Qt.Key.Key_F9, BlankScreen),
                        (Qt.Key.Key_F6, WelcomeScreen)):
        qtbot.keyClick(window, key)
        assert isinstance(projector._stack.currentWidget(), screen)
    assert window.projector_dock.mode_buttons[ProjectorMode.WELCOME].isChecked()

    window.actions_by_name["run_start"].trigger()  # starting a run puts the agenda on the projector
    assert projector.content.mode == ProjectorMode.AGENDA
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    current = projector.content.agenda.sitting.current_item_id  # type: ignore[union-attr]
    assert current == window.document.agenda(WORKSHOP).items[1].id  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: projector.content.elapsed_seconds is not None)

    # Renaming the sitting in the console changes the projector too.
    form = window.sitting_page.form  # type: ignore[union-attr]
    window.sitting_page.tabs.setCurrentIndex(0)  # type: ignore[union-attr]
    form.title_edit.setFocus()
    form.title_edit.selectAll()
    qtbot.keyClicks(form.title_edit, "Atelier Artisanat")
    qtbot.keyClick(form.title_edit, Qt.Key.Key_Return)
    assert projector.content.agenda.sitting.title == "Atelier Artisanat"  # type: ignore[union-attr]


def test_projector_toggles_with_f5_as_a_window_on_a_single_screen(qtbot: QtBot, window: MainWindow,
                                                                  shell: Shell) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert shell.projector.window.isVisible()
    assert window.projector_dock.toggle_button.isChecked()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert not shell.projector.window.isVisible()
    assert not window.projector_dock.toggle_button.isChecked()


def test_preview_shows_what_the_projector_shows(qtbot: QtBot, window: MainWindow, shell: Shell) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F9)  # blank: black
    shell.projector.refresh()
    image = window.projector_dock.preview.pixmap().toImage()
    assert image.pixelColor(image.width() // 2, image.height() // 2).name() == "#000000"
    qtbot.keyClick(window, Qt.Key.Key_F6)
    image = window.projector_dock.preview.pixmap().toImage()
    assert image.pixelColor(image.width() // 2, image.height() // 2).name() != "#000000"


def test_restart_resumes_the_run_at_the_same_item_with_its_elapsed_time(
    qtbot: QtBot, window: MainWindow, shell: Shell, demo_path: Path, tmp_path: Path
) -> None:
    window.select_sitting(WORKSHOP)
    window.actions_by_name["run_start"].trigger()
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    shell.document.workspace.run.shift_current_start(WORKSHOP, 7 * 60)  # type: ignore[union-attr]
    window.close()  # quits: the file is closed cleanly

    again = Shell(Settings(last_file=str(demo_path)), settings_path=tmp_path / "s.json",
                  backup_root=tmp_path / "backups")
    new_window = again.build_window()
    qtbot.addWidget(new_window)
    new_window.show()
    assert again.open_path(demo_path)
    page = new_window.sitting_page
    assert page is not None and page.sitting_id == WORKSHOP
    assert page.tabs.currentIndex() == page.RUN_TAB
    assert page.run_panel.state_label.text() == "Now: Objectifs de l'atelier et règles du jeu"
    elapsed = page.run_panel.elapsed()
    assert elapsed is not None and 7 * 60 <= elapsed < 7 * 60 + 30
    assert page.run_panel.clock_label.text().startswith("07:")
    assert again.projector.content().mode == ProjectorMode.AGENDA
    again.about_to_quit()


def test_overrun_is_shown_while_it_happens(qtbot: QtBot, window: MainWindow, shell: Shell) -> None:
    window.select_sitting(WORKSHOP)
    window.actions_by_name["run_start"].trigger()  # first item: 15 minutes planned
    shell.document.workspace.run.shift_current_start(WORKSHOP, 17 * 60)  # type: ignore[union-attr]
    shell.document.agenda_changed.emit(WORKSHOP)  # type: ignore[union-attr]
    panel = window.sitting_page.run_panel  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "over" in panel.plan_label.text())
    assert panel.plan_label.text().startswith("02:0")
    assert "#C62828" in panel.clock_label.styleSheet()


def test_notes_typed_while_an_item_runs_are_saved_on_leaving_and_undone(qtbot: QtBot, window: MainWindow) -> None:
    window.select_sitting(WORKSHOP)
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    panel = window.sitting_page.run_panel  # type: ignore[union-attr]
    agenda = window.document.agenda(WORKSHOP)  # type: ignore[union-attr]
    first = next(i for i in agenda.items if i.title == _current_title(window))
    window.activateWindow()
    panel.notes_edit.setFocus()
    qtbot.waitUntil(panel.notes_edit.hasFocus)
    qtbot.keyClicks(panel.notes_edit, "Accord sur un atelier commun")
    assert window.document.agenda(WORKSHOP).items[0].notes == first.notes  # type: ignore[union-attr]  # not yet
    qtbot.keyClick(panel.notes_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    saved = next(i for i in window.document.agenda(WORKSHOP).items if i.id == first.id)  # type: ignore[union-attr]
    assert saved.notes == first.notes + "Accord sur un atelier commun"
    qtbot.keyClicks(panel.notes_edit, " (suite)")
    qtbot.keyClick(panel.notes_edit, Qt.Key.Key_PageDown)  # the remote's key still moves the run on...
    assert _current_title(window) != first.title and panel.notes_edit.toPlainText() == ""
    kept = next(i for i in window.document.agenda(WORKSHOP).items if i.id == first.id)  # type: ignore[union-attr]
    assert kept.notes == first.notes + "Accord sur un atelier commun (suite)"  # ...once what was typed is saved
    for _step in range(3):  # the move to the next item, then each save of the notes
        window.document.undo_stack.undo()  # type: ignore[union-attr]
    restored = next(i for i in window.document.agenda(WORKSHOP).items if i.id == first.id)  # type: ignore[union-attr]
    assert restored.notes == first.notes


def test_running_a_sitting_dated_another_day_asks_first(qtbot: QtBot, window: MainWindow, prompts: Prompts) -> None:
    import datetime as dt

    document = window.document
    assert document is not None
    window.select_sitting(WORKSHOP)
    prompts.confirm_answer = False
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    sitting = document.agenda(WORKSHOP).sitting
    assert not sitting.is_running and sitting.date != dt.date.today()
    assert prompts.questions[-1].startswith("“Atelier Métiers d'art” is dated ")
    assert "not today. Start its run anyway?" in prompts.questions[-1]

    prompts.confirm_answer = True
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert document.agenda(WORKSHOP).sitting.is_running


def test_a_sitting_dated_today_starts_without_a_question(qtbot: QtBot, window: MainWindow, prompts: Prompts) -> None:
    import datetime as dt

    document = window.document
    assert document is not None
    window.select_sitting(WORKSHOP)
    form = window.sitting_page.form  # type: ignore[union-attr]
    form.date_edit.set_value(dt.date.today())
    form.date_edit.editingFinished.emit()
    assert document.agenda(WORKSHOP).sitting.date == dt.date.today()
    asked = len(prompts.questions)
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert document.agenda(WORKSHOP).sitting.is_running and len(prompts.questions) == asked
