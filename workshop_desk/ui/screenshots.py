"""`--screenshot DIR`: renders the console and the projector offscreen to PNG files."""

import re
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from workshop_desk.domain.enums import ProjectorMode
from workshop_desk.domain.joining import JoinCard
from workshop_desk.domain.models import SittingAgenda
from workshop_desk.services.settings import Settings
from workshop_desk.ui.projector import registry
from workshop_desk.ui.projector.content import ProjectorContent
from workshop_desk.ui.screenshots_console import console_tour_shots
from workshop_desk.ui.screenshots_packages import package_shots
from workshop_desk.ui.shell import Shell
from workshop_desk.ui.voting.screenshots import vote_shots

DEMO_BREAKFAST = 1  # the business breakfast: most of the demo's participants signed in
DEMO_WORKSHOP = 2  # "Atelier Métiers d'art" in the demo programme
DEMO_ASSISES = 6  # the public conference, with questions from the room


def take_screenshots(folder: Path, size: tuple[int, int], demo: bool) -> int:
    """Write console*.png and projector*.png into `folder`; 0 on success."""
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="wdesk-shots-") as scratch:
        root = Path(scratch)
        shell = Shell(Settings(), settings_path=root / "settings.json", backup_root=root / "backups")
        window = shell.build_window()
        window.resize(QSize(*size))
        window.show()
        shell.projector.window.resize(QSize(*size))
        shots = _Shots(folder)
        shots.take("console-start", window)
        shots.take("projector-welcome-no-file", shell.projector.window)
        if demo:
            _demo_shots(shell, root, shots)
        else:
            shots.take("console", window)
        shell.about_to_quit()
        window.close()
        print("\n".join(str(path) for path in shots.written))
    return _every_screen_taken(shots) if demo else 0


def _every_screen_taken(shots: "_Shots") -> int:
    """1, saying which, when a projector screen of the registry has no picture: a new screen needs its shot."""
    missing = [entry.mode for entry in registry.ENTRIES
               if not any(re.fullmatch(f"projector-{entry.mode}(-.+)?", path.stem) for path in shots.written)]
    if missing:
        print(f"No screenshot of the projector's {', '.join(missing)} screen(s)", file=sys.stderr)
    return 1 if missing else 0


class _Shots:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.written: list[Path] = []

    def take(self, name: str, widget: QWidget, before: Callable[[], None] | None = None) -> None:
        if before:
            before()
        for _ in range(3):
            QApplication.processEvents()
        path = self.folder / f"{name}.png"
        widget.grab().save(str(path))
        self.written.append(path)


def _demo_shots(shell: Shell, root: Path, shots: _Shots) -> None:
    from workshop_desk.services.demo import build_demo

    build_demo(root / "demo.wdesk", root / "backups").database.close()
    shell.open_path(root / "demo.wdesk")
    window, projector = shell.window, shell.projector
    assert window is not None and window.sitting_page is not None and shell.document is not None
    shots.take("console-programme", window)
    shots.take("projector-welcome-no-sitting", projector.window)
    window.show_participants()
    shots.take("console-participants", window)
    _signin_shots(shell, shots)
    window.select_sitting(DEMO_WORKSHOP)
    shots.take("console", window)
    shots.take("projector-welcome", projector.window, lambda: projector.set_mode(ProjectorMode.WELCOME))
    shots.take("projector-agenda-planned", projector.window, lambda: projector.set_mode(ProjectorMode.AGENDA))
    document = shell.document
    document.start_run(DEMO_WORKSHOP)
    for _ in range(3):
        document.step_run(DEMO_WORKSHOP, 1)
    # Pretend the brainstorm started 31 minutes ago, so that the clocks show something real.
    document.workspace.run.shift_current_start(DEMO_WORKSHOP, 31 * 60 + 12)
    document.agenda_changed.emit(DEMO_WORKSHOP)
    document.run_changed.emit(DEMO_WORKSHOP)
    window.sitting_page.tabs.setCurrentIndex(window.sitting_page.RUN_TAB)
    projector.set_elapsed(window.sitting_page.run_panel.elapsed())
    projector.set_mode(ProjectorMode.AGENDA)
    shots.take("console-run", window)
    shots.take("projector-agenda-live", projector.window)
    _timer_shot(shell, shots)
    _join_shot(shell, shots)
    document.step_run(DEMO_WORKSHOP, 1)
    for mode in (ProjectorMode.PAUSE, ProjectorMode.BLANK, ProjectorMode.WHITE):
        shots.take(f"projector-{mode}", projector.window, lambda m=mode: projector.set_mode(m))  # type: ignore[misc]
    _tables_shots(shell, shots)
    _board_shots(shell, shots)
    vote_shots(shell, shots)
    _empty_shots(shell, shots)
    console_tour_shots(window, shots)
    package_shots(shell, shots)
    _trust_shots(shell, root / "demo.wdesk", shots)


def _timer_shot(shell: Shell, shots: "_Shots") -> None:
    """The round timer started from the keyboard (it takes the projector), then stopped again."""
    window = shell.window
    assert window is not None
    window.actions_by_name["timer_toggle"].trigger()
    shots.take("projector-timer", shell.projector.window)
    window.actions_by_name["timer_toggle"].trigger()


def _join_shot(shell: Shell, shots: "_Shots") -> None:
    """The join screen as a room on a travel router sees it (an address such a router gives)."""
    projector, agenda = shell.projector, shell.projector.content().agenda
    title = agenda.sitting.title if agenda is not None else ""
    projector.set_joining(JoinCard(title, "http://192.168.8.20:8765/s/Xq7Tb2mKp9W", "Atelier-Mobilites",
                                   "concertation2027"))
    shots.take("projector-join", projector.window, lambda: projector.set_mode(ProjectorMode.JOIN))
    projector.set_joining(None)
    projector.set_mode(ProjectorMode.AGENDA)


def _empty_shots(shell: Shell, shots: "_Shots") -> None:
    """projector-<mode>-empty.png: each screen of the registry that has an empty state, with nothing to show."""
    projector = shell.projector
    shown = projector.content()
    bare = ProjectorContent(ProjectorMode.WELCOME, shown.programme,
                            SittingAgenda(shown.agenda.sitting) if shown.agenda else None, now=shown.now)
    for entry in registry.ENTRIES:
        content = replace(bare, mode=entry.mode)
        if entry.empty(content):
            shots.take(f"projector-{entry.mode}-empty", projector.window,
                       lambda c=content: projector.window.show_content(c))  # type: ignore[misc]
    projector.refresh()


def _trust_shots(shell: Shell, path: Path, shots: _Shots) -> None:
    """The console over the demo opened read-only (the error dialog is among the tour's dialogs)."""
    window = shell.window
    assert window is not None
    shell.close_programme()
    shell.open_path(path, read_only=True)
    assert window.sitting_page is not None
    window.select_sitting(DEMO_BREAKFAST)
    window.sitting_page.tabs.setCurrentIndex(window.sitting_page.SIGNIN_TAB)
    shots.take("console-read-only", window)


def _tables_shots(shell: Shell, shots: _Shots) -> None:
    """The world café: its tables and saved plan at the console, round 2 on the projector."""
    window, projector = shell.window, shell.projector
    assert window is not None and window.sitting_page is not None and shell.document is not None
    cafe = next(s for s in shell.document.sittings() if s.title.startswith("World café"))
    window.select_sitting(cafe.id)
    page = window.sitting_page
    page.tabs.setCurrentIndex(page.TABLES_TAB)
    page.tables_page.rounds_bar.setCurrentIndex(1)
    shots.take("console-tables", window)
    page.tables_page.show_button.click()
    shots.take("projector-plan", projector.window)


def _board_shots(shell: Shell, shots: _Shots) -> None:
    """The Métiers d'art board at the console and on the projector, one note in large type, a pinned question."""
    from workshop_desk.ui.commands.board import ShowRequest

    window, projector = shell.window, shell.projector
    assert window is not None and window.sitting_page is not None and shell.document is not None
    page, commands = window.sitting_page, shell.document.board
    window.select_sitting(DEMO_WORKSHOP)
    page.tabs.setCurrentIndex(page.IDEAS_TAB)
    shots.take("console-ideas", window)
    commands.show(ShowRequest(ProjectorMode.BOARD, DEMO_WORKSHOP))
    shots.take("projector-board", projector.window)
    stacked = max(page.board_page.scene.notes.values(), key=lambda item: item.count)
    commands.show(ShowRequest(ProjectorMode.NOTE, DEMO_WORKSHOP, focus_id=stacked.idea.id))
    shots.take("projector-note", projector.window)
    window.select_sitting(DEMO_ASSISES)
    page.tabs.setCurrentIndex(page.QUESTIONS_TAB)
    panel = page.questions_panel
    panel.table.selectRow(next((n for n, q in enumerate(panel.model.questions) if q.answer), 0))  # its answer shows
    shots.take("console-questions", window)
    commands.show(ShowRequest(ProjectorMode.QUESTION, DEMO_ASSISES))
    shots.take("projector-question", projector.window)


def _signin_shots(shell: Shell, shots: _Shots) -> None:
    """The door of the breakfast: one more badge scanned, and the welcome screen's head count."""
    window, projector = shell.window, shell.projector
    assert window is not None and window.sitting_page is not None and shell.document is not None
    window.select_sitting(DEMO_BREAKFAST)
    page = window.sitting_page
    page.tabs.setCurrentIndex(page.SIGNIN_TAB)
    desk = page.signin_desk
    waiting = next(e.participant for e in shell.document.workspace.attendance.roster(DEMO_BREAKFAST)
                   if e.attendance and e.attendance.status == "registered")
    desk.field.setText(waiting.badge_code)
    desk.field.returnPressed.emit()
    desk.field.setText("mar")
    shots.take("console-signin", window)
    shots.take("projector-welcome-count", projector.window, lambda: projector.set_mode(ProjectorMode.WELCOME))
    page.tabs.setCurrentIndex(page.PLAN_TAB)
