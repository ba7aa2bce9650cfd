"""Writing a document from the console: where to, in the background, then open it or its folder."""

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from workshop_desk import i18n
from workshop_desk.i18n import _
from workshop_desk.ui import prompts
from workshop_desk.ui.tasks import run_in_background

if TYPE_CHECKING:
    from workshop_desk.services.workspace import Workspace

Writer = Callable[["Workspace", Path, str], Path]  # (workspace, target, language) -> the written file


def write_document(parent: QWidget, workspace: "Workspace", title: str, suggested: str, writer: Writer) -> None:
    """Ask where to save a .docx, write it off the GUI thread, then offer to open it."""
    start = Path.home() / f"{suggested}.docx"
    target = prompts.save_as(parent, title, start, _("Word document (*.docx)"), ".docx")
    if target is None:
        return
    language = i18n.language()
    run_in_background(parent, _("Writing {name}…").format(name=target.name),
                      lambda: writer(workspace, target, language),
                      lambda path: _written(parent, Path(path)),
                      lambda error: prompts.error(parent, _("The document could not be written: {error}").format(
                          error=error)))


def _written(parent: QWidget, path: Path) -> None:
    choice = prompts.open_or_folder(parent, _("{name} is ready.").format(name=path.name))
    if choice == "file":
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    elif choice == "folder":
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
