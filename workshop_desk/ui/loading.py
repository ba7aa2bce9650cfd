"""Loads the database layer in a background thread at start-up, while the console already shows the last programme's
first look (storage/glance.py) and takes input; the file itself is then opened on the GUI thread."""

import importlib
import logging
import threading

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

# What opening a programme needs that the start page does not: SQLAlchemy, SQLModel and the table classes (about
# half a second), plain Python — no widget is made off the GUI thread.
MODULES = ("workshop_desk.services.workspace",)
POLL_MS = 15


class ModuleLoader(QObject):
    """Imports MODULES in a thread; `loaded` is emitted on the GUI thread once it is done (or has failed: the
    opening then imports them again on the GUI thread, and reports the error as any other)."""

    loaded = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = threading.Thread(target=self._import, name="module-loader", daemon=True)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._on_poll_timeout)

    def start(self) -> None:
        self._thread.start()
        self._poll.start()

    @staticmethod
    def _import() -> None:
        try:
            for name in MODULES:
                importlib.import_module(name)
        except Exception:  # logged here; raised again where the opening imports it on the GUI thread
            log.exception("loading the database layer in the background failed")

    def _on_poll_timeout(self) -> None:
        if not self._thread.is_alive():
            self._poll.stop()
            self.loaded.emit()
