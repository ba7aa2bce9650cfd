"""Composition root: builds the QApplication, the shell and the first window, then opens a file."""

import argparse
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, QSize, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from workshop_desk import i18n
from workshop_desk.paths import demo_file, package_dir, settings_file
from workshop_desk.services.settings import load_settings
from workshop_desk.ui.shell import Shell
from workshop_desk.ui.translation import install_qt_translator


def _headless_if_needed(options: argparse.Namespace) -> None:
    """Screenshots always render offscreen; the smoke test does when there is no display."""
    no_display = sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or
                                                           os.environ.get("WAYLAND_DISPLAY"))
    if options.screenshot or (options.smoke_test and no_display):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def make_application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Workshop Desk")
    app.setOrganizationName("WorkshopDesk")
    app.setDesktopFileName("workshop-desk")
    from workshop_desk.ui.theme import ConsoleStyle

    app.setStyle(ConsoleStyle())
    icon = package_dir() / "assets" / "workshop-desk.svg"
    if icon.exists():
        from PySide6.QtGui import QIcon  # here: its enums cost start-up time for this one use

        app.setWindowIcon(QIcon(str(icon)))
    return app


def run_app(options: argparse.Namespace, started: float | None = None) -> int:
    """Start the desktop app as the command-line options say."""
    started = started if started is not None else time.perf_counter()
    _headless_if_needed(options)
    settings = load_settings(settings_file())
    language = options.lang or settings.language or i18n.system_language()
    i18n.set_language(language)
    app = make_application()
    install_qt_translator(language)
    if options.screenshot:
        from workshop_desk.ui.screenshots import take_screenshots

        return take_screenshots(options.screenshot, options.size, options.demo)
    shell = Shell(settings)
    _report_errors(shell)
    opened_files = OpenedFiles(shell, options)
    app.installEventFilter(opened_files)
    window = shell.build_window(progressive=True)
    place_window(window, settings.window_geometry, window.screen().availableSize())
    window.show()
    QTimer.singleShot(0, lambda: _finish_start(shell, options, opened_files))
    if options.smoke_test:
        QTimer.singleShot(0, lambda: _report_usable(shell, started))
    return app.exec()


def _report_usable(shell: Shell, started: float) -> None:
    """The smoke test's figures: seconds from the process start to a console that shows the first file and takes
    input (this runs once the event loop is free again after the first look, as a click or a key would), then, on a
    second line, to the file open ("open 1.234"); then the app quits as the user quits, closing the file cleanly."""
    print(f"{time.perf_counter() - started:.3f}", flush=True)

    def opened() -> None:
        print(f"open {time.perf_counter() - started:.3f}", flush=True)
        assert shell.window is not None
        shell.window.close()

    if shell.loading is not None:
        shell.start_opened.connect(opened)
    else:
        opened()


class OpenedFiles(QObject):
    """Files the system hands to the running app: on macOS a double-clicked .wdesk arrives as a FileOpen event, not
    on the command line. One that arrives before the window is complete is opened in place of the last file."""

    def __init__(self, shell: Shell, options: argparse.Namespace) -> None:
        super().__init__()
        self._shell = shell
        self._options = options
        self.started = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.FileOpen:
            return False
        from PySide6.QtGui import QFileOpenEvent

        if not isinstance(event, QFileOpenEvent) or not event.file():
            return False
        path = Path(event.file())
        if self.started:
            self._shell.open_path(path)
        else:
            self._options.file = path
        return True


def _report_errors(shell: Shell) -> None:
    """Uncaught errors and Qt's messages are logged; errors are also told on the console. (The log file itself is
    set up once the window shows: finding the user data folder costs start-up time.)"""
    from workshop_desk.ui import errors

    errors.install(lambda: shell.window)


SMALL_SCREEN_WIDTH = 1440  # a laptop's screen (1280, 1366, 1440 wide): the console needs all of it


def place_window(window: QWidget, geometry: str, screen: QSize) -> None:
    """Maximised on a laptop's screen (`screen`: its available size); on a larger one, where the console was last
    time, or a size that suits it."""
    if screen.width() <= SMALL_SCREEN_WIDTH:
        from PySide6.QtCore import Qt  # here: Qt's enums cost start-up time (see main_window.py)

        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    elif not (geometry and window.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))):
        window.resize(1366, 800)


def _finish_start(shell: Shell, options: argparse.Namespace, opened_files: "OpenedFiles") -> None:
    from workshop_desk.log import setup_logging

    setup_logging()
    window = shell.window
    assert window is not None
    window.complete(projector=False)
    opened_files.started = True
    _open_first_file(shell, options)
    QTimer.singleShot(0, window.complete_projector)  # just after: the console already shows and takes input


def _open_first_file(shell: Shell, options: argparse.Namespace) -> None:
    """After the window is up: the demo, the file named on the command line, or the last one."""
    if options.demo and not demo_file().exists():
        shell.open_demo()  # written first, which needs the database layer at once
    elif options.demo:
        shell.open_at_start(demo_file())
    elif options.file:
        shell.open_at_start(Path(options.file))
    elif shell.settings.last_file and Path(shell.settings.last_file).exists():
        shell.open_at_start(Path(shell.settings.last_file))
