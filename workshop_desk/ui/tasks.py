"""Slow work (documents, big imports) off the GUI thread, with a progress dialog; results come back on it."""

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

class _Relay(QObject):
    """Carries the worker's outcome back to the GUI thread (queued signals)."""

    succeeded = Signal(object)
    failed = Signal(object)
    advanced = Signal(int)  # steps done so far


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work, self._relay = work, relay

    def run(self) -> None:
        # Never touch a widget here: only the relay's signals cross back to the GUI thread.
        try:
            result = self._work()
        except Exception as error:  # reported to the user by the GUI thread
            log.warning("background work failed", exc_info=error)
            self._relay.failed.emit(error)
        else:
            self._relay.succeeded.emit(result)


def run_in_background(parent: QWidget, label: str, work: Callable[[], Any],
                      done: Callable[[Any], None], failed: Callable[[Exception], None]) -> _Relay:
    """Run `work()` on a worker thread behind a busy dialog; then `done(result)` or `failed(error)`."""
    return _start(_dialog(parent, label, 0), _Relay(parent), work, done, failed)


def run_steps(parent: QWidget, label: str, steps: Sequence[Callable[[], Any]],
              done: Callable[[list[Any]], None], failed: Callable[[Exception], None]) -> _Relay:
    """Run `steps` one after the other on a worker thread behind a dialog that counts them done; then
    `done(results)`, or `failed(error)` at the first that fails (the later ones do not run)."""
    dialog, relay = _dialog(parent, label, len(steps)), _Relay(parent)
    relay.advanced.connect(dialog.setValue, Qt.ConnectionType.QueuedConnection)

    def work() -> list[Any]:
        results = []
        for number, step in enumerate(steps, start=1):
            results.append(step())
            relay.advanced.emit(number)
        return results

    return _start(dialog, relay, work, done, failed)


def _dialog(parent: QWidget, label: str, steps: int) -> QProgressDialog:
    """A window-modal progress dialog, busy when there are no `steps` to count."""
    dialog = QProgressDialog(label, "", 0, steps, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setCancelButton(None)  # a half-written document is never useful: the work runs to its end
    dialog.setMinimumDuration(300)
    return dialog


def _start(dialog: QProgressDialog, relay: _Relay, work: Callable[[], Any], done: Callable[[Any], None],
           failed: Callable[[Exception], None]) -> _Relay:
    def finish(callback: Callable[[Any], None], value: Any) -> None:
        dialog.reset()
        dialog.deleteLater()
        relay.deleteLater()
        callback(value)

    relay.succeeded.connect(lambda result: finish(done, result), Qt.ConnectionType.QueuedConnection)
    relay.failed.connect(lambda error: finish(failed, error), Qt.ConnectionType.QueuedConnection)
    QThreadPool.globalInstance().start(_Job(work, relay))
    return relay
