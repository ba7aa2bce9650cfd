"""Screenshots of every console page, sitting tab and dialog of the demo, for `--screenshot DIR --demo`."""

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from workshop_desk.ui.console_tour import dialogs, pages
from workshop_desk.ui.voting.screenshots import Shots

if TYPE_CHECKING:
    from workshop_desk.ui.main_window import MainWindow


def console_tour_shots(window: "MainWindow", shots: Shots) -> None:
    """console-tour-<page>.png for each page and sitting tab, dialog-<name>.png for each dialog."""
    for stop in pages(window):
        stop.show()
        shots.take(f"console-tour-{stop.name}", window)
    for dialog_stop in dialogs(window):
        dialog = dialog_stop.build()
        dialog.show()
        QApplication.processEvents()
        shots.take(f"dialog-{dialog_stop.name}", dialog)
        dialog.close()
        dialog.deleteLater()
