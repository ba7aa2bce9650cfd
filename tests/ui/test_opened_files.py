"""Files the system hands to the running app (macOS: a double-clicked .wdesk arrives as a FileOpen event)."""

import argparse
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from workshop_desk.ui.app import OpenedFiles


class _Shell:
    def __init__(self) -> None:
        self.opened: list[Path] = []

    def open_path(self, path: Path) -> bool:
        self.opened.append(path)
        return True


def _send(app: QApplication, path: str) -> None:
    app.sendEvent(app, QFileOpenEvent(path))


def test_a_file_handed_over_before_the_window_is_complete_is_opened_first(qapp: QApplication) -> None:
    shell, options = _Shell(), argparse.Namespace(file=None, demo=False)
    opened = OpenedFiles(shell, options)  # type: ignore[arg-type]
    qapp.installEventFilter(opened)
    try:
        _send(qapp, "/tmp/atelier.wdesk")
    finally:
        qapp.removeEventFilter(opened)
    assert options.file == Path("/tmp/atelier.wdesk")
    assert shell.opened == []


def test_a_file_handed_over_once_running_is_opened(qapp: QApplication) -> None:
    shell, options = _Shell(), argparse.Namespace(file=None, demo=False)
    opened = OpenedFiles(shell, options)  # type: ignore[arg-type]
    opened.started = True
    qapp.installEventFilter(opened)
    try:
        _send(qapp, "/tmp/comite.wdesk")
    finally:
        qapp.removeEventFilter(opened)
    assert shell.opened == [Path("/tmp/comite.wdesk")]
    assert options.file is None


def test_other_events_pass_through(qapp: QApplication) -> None:
    opened = OpenedFiles(_Shell(), argparse.Namespace(file=None))  # type: ignore[arg-type]
    assert opened.eventFilter(qapp, QEvent(QEvent.Type.User)) is False
