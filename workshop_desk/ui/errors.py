"""Errors nobody expected: logged to the rotating log file, and told to the facilitator on the console (never on
the projector) in a sentence, with the technical details one click away for whoever helps them."""

import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from workshop_desk import __version__
from workshop_desk.i18n import _
from workshop_desk.ui.undo import NotSaved

log = logging.getLogger("workshop_desk")
_qt_log = logging.getLogger("qt")
_QT_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}

Console = Callable[[], QWidget | None]  # the console's main window, whichever is current


def install(console: Console) -> None:
    """Route every uncaught exception (GUI thread and workers) and every Qt message through here."""
    sys.excepthook = lambda kind, error, tb: report(console, kind, error, tb)
    threading.excepthook = lambda args: log.error(
        "uncaught in thread %s", args.thread.name if args.thread else "?",
        exc_info=(args.exc_type, args.exc_value, args.exc_traceback))  # type: ignore[arg-type]
    qInstallMessageHandler(_on_qt_message)


def _on_qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    _qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


_showing = threading.Lock()  # one dialog at a time: an error that repeats (a timer) must not pile them up


def report(console: Console, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """Log an uncaught exception and tell the facilitator. NotSaved was told already; Ctrl+C just quits."""
    if isinstance(error, NotSaved):
        log.info("not saved: %s", error)
        return
    if isinstance(error, KeyboardInterrupt):
        QApplication.quit()
        return
    log.error("unexpected error", exc_info=(kind, error, tb))
    if QApplication.instance() is None or not _showing.acquire(blocking=False):
        return
    try:
        ErrorDialog(details(kind, error, tb), console()).exec()
    finally:
        _showing.release()


def details(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> str:
    """What "Copy details" puts on the clipboard: versions, then the traceback."""
    from workshop_desk.log import log_file

    lines = [f"Workshop Desk {__version__} — Python {platform.python_version()} — {platform.platform()}",
             f"Log: {log_file()}", ""]
    return "\n".join(lines) + "".join(traceback.format_exception(kind, error, tb))


class ErrorDialog(QMessageBox):
    """A sentence for the facilitator; the details for whoever helps them, copied with one button."""

    def __init__(self, technical: str, parent: QWidget | None = None) -> None:
        super().__init__(QMessageBox.Icon.Warning, _("Workshop Desk"), _(
            "Something went wrong that Workshop Desk did not expect. What you did before is saved: every step "
            "shown as done was written to the file."), parent=parent)
        self.setInformativeText(_("If it happens again, close and reopen the programme. To get help, press "
                                  "“Copy details” and paste them into an e-mail to whoever supports you."))
        self.technical = technical
        self.setDetailedText(technical)
        self.copy_button = self.addButton(_("Copy details"), QMessageBox.ButtonRole.ActionRole)
        self.copy_button.clicked.disconnect()  # copying must not close the dialog
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.addButton(QMessageBox.StandardButton.Close)

    def _on_copy_button_clicked(self) -> None:
        QApplication.clipboard().setText(self.technical)
        self.copy_button.setText(_("Copied"))
