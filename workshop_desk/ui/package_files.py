"""Sitting packages at the console: opening one on a laptop (File › Open a package…, a .wdpack opened any other way),
and what is said when one cannot be written or read."""

import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from workshop_desk.i18n import _
from workshop_desk.paths import FILE_SUFFIX, PACKAGE_SUFFIX, documents_dir
from workshop_desk.ui import prompts
from workshop_desk.ui.tasks import run_in_background

if TYPE_CHECKING:
    from workshop_desk.domain.packages import PackageInfo
    from workshop_desk.ui.shell import Shell

log = logging.getLogger(__name__)


def is_package(path: Path) -> bool:
    return path.suffix.lower() == PACKAGE_SUFFIX


def open_package(shell: "Shell", path: Path | None = None) -> None:
    """The package (asked for when not given) read and checked, then where to keep the programme made from it, then
    that programme open in the console. Both steps run off the GUI thread: a stick can be slow."""
    from workshop_desk.services.packages import package_info

    parent = shell.window
    path = path or prompts.open_package_file(parent)
    if path is None or parent is None:
        return
    chosen = path
    run_in_background(parent, _("Reading {name}…").format(name=chosen.name), lambda: package_info(chosen),
                      lambda info: _make_programme(shell, chosen, info),
                      lambda error: tell_failure(parent, error, chosen.parent))


def _make_programme(shell: "Shell", path: Path, info: "PackageInfo") -> None:
    from workshop_desk.services.packages import open_package as make

    parent = shell.window
    if parent is None or not _meant_to_open(parent, info):
        return
    target = _ask_target(parent, info)
    if target is None:
        return
    run_in_background(parent, _("Making the programme {name}…").format(name=target.name), lambda: make(path, target),
                      lambda _info: _open_made(shell, target), lambda error: tell_failure(parent, error, target.parent))


def _open_made(shell: "Shell", target: Path) -> None:
    shell.open_path(target)  # what could stop it (a lock, a disk) is said there


def _meant_to_open(parent: QWidget, info: "PackageInfo") -> bool:
    """A laptop's work brought back is for the lead to import: opening it is allowed, after saying so."""
    if info.handout:
        return True
    question = _("“{name}” holds the work of the laptop “{laptop}”: it is for the lead's programme, where File › "
                 "Import packages… brings it in. Open it as a programme of its own anyway?")
    return prompts.ask_to(parent, question.format(name=info.file_name, laptop=info.laptop_name), _("Open it anyway"),
                          _("Open a package"))


def _ask_target(parent: QWidget, info: "PackageInfo") -> Path | None:
    """The new programme file: named after the laptop, in the documents folder; never one that exists."""
    from workshop_desk.domain.packages import file_name_for

    name = file_name_for(info.laptop_name or Path(info.file_name).stem, FILE_SUFFIX)
    target = prompts.save_file(parent, _("Where to keep this laptop's programme"), documents_dir() / name)
    if target is not None and target.exists():
        prompts.error(parent, _("“{name}” already exists, and opening a package never writes over a file: choose "
                                "another name.").format(name=target.name), _("Open a package"))
        return None
    return target


def tell_failure(parent: QWidget, error: Exception, folder: Path) -> None:
    """A package that could not be written or read: its sentence; an error nobody expected: the error dialog."""
    from workshop_desk.services.file_messages import describe_os_error
    from workshop_desk.services.packages import RefusedError
    from workshop_desk.services.workspace import StorageError

    if isinstance(error, RefusedError):
        prompts.error(parent, str(error))
    elif isinstance(error, OSError | StorageError):
        prompts.error(parent, describe_os_error(error, folder))
    elif isinstance(error, sqlite3.Error):  # the disk filled up, or went, while the package was copied there
        log.warning("package not written in %s: %s", folder, error)
        prompts.error(parent, _("The package could not be written in “{folder}”: {reason}. Check the disk or the "
                                "USB stick, or choose another folder.").format(folder=folder, reason=error))
    else:
        from workshop_desk.ui import errors

        errors.report(lambda: parent, type(error), error, error.__traceback__)


def show_folder(folder: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

