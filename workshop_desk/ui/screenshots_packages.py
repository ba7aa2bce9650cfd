"""Screenshots of packages coming back: the import's review and summary, the conflicts, where a sitting came from."""

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDeadlineTimer, QThreadPool
from PySide6.QtWidgets import QApplication

from workshop_desk.domain.packages import file_name_for
from workshop_desk.services.demo_laptop import WORKSHOP, walk_in_package
from workshop_desk.storage.packages import SUFFIX
from workshop_desk.ui.dialogs.conflicts import ConflictsDialog
from workshop_desk.ui.dialogs.import_packages import ImportPackagesDialog
from workshop_desk.ui.voting.screenshots import Shots

if TYPE_CHECKING:
    from workshop_desk.ui.shell import Shell

LAPTOP = "Atelier Ingénierie — Claire"


def package_shots(shell: "Shell", shots: Shots) -> None:
    """console-packages, console-sitting-origin, dialog-conflicts, dialog-import-packages-review and -summary."""
    window, document = shell.window, shell.document
    assert window is not None and window.programme_page is not None and document is not None
    window.show_programme()
    page = window.programme_page
    page.scroll_area.ensureWidgetVisible(page.packages)
    shots.take("console-packages", window)
    window.select_sitting(document.sittings()[WORKSHOP].id)
    shots.take("console-sitting-origin", window)
    conflicts = ConflictsDialog(document, window)
    conflicts.show()
    shots.take("dialog-conflicts", conflicts)
    conflicts.close()
    with tempfile.TemporaryDirectory(prefix="wdesk-shots-laptop-") as scratch:
        _import_shots(shell, Path(scratch), shots)


def _import_shots(shell: "Shell", folder: Path, shots: Shots) -> None:
    """A workshop's laptop brings back someone the registry holds under another badge, and a package brought back
    unopened is refused: the review, then the summary."""
    window, document = shell.window, shell.document
    assert window is not None and document is not None
    package = walk_in_package(document.workspace, folder, LAPTOP, document.sittings()[WORKSHOP + 1].id)
    handout = folder / file_name_for(LAPTOP, SUFFIX)
    dialog = ImportPackagesDialog(document, [package, handout], window)
    dialog.show()
    dialog.start()
    _wait(lambda: dialog.stack.currentWidget() is dialog.review)
    shots.take("dialog-import-packages-review", dialog)
    dialog.import_button.click()
    _wait(lambda: dialog.stack.currentWidget() is dialog.summary)
    shots.take("dialog-import-packages-summary", dialog)
    dialog.close()


def _wait(done: Callable[[], bool]) -> None:
    """Until the dialog's work off the GUI thread has come back (a few seconds at most)."""
    for _ in range(200):
        if done():
            return
        QThreadPool.globalInstance().waitForDone(QDeadlineTimer(50))
        QApplication.processEvents()
    raise TimeoutError("the package dialog did not finish its work")
