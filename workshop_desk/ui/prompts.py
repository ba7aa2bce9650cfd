"""Every message box and file dialog goes through here, so that tests patch one place."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

# The dialog classes are imported where used: this module loads before the first window shows.
if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget

from workshop_desk.i18n import _
from workshop_desk.paths import FILE_SUFFIX, PACKAGE_SUFFIX

PROGRAMMES, DOCUMENTS, IMPORTS, IMAGES, PACKAGES = "programmes", "documents", "imports", "images", "packages"
# The last folder of each kind of dialog (the settings' own dict, so that it is saved with them).
_folders: dict[str, str] = {}


def remember_folders_in(folders: dict[str, str]) -> None:
    """Keep the last folders in `folders` (the settings'), starting from what it already holds."""
    global _folders
    _folders = folders


def _open_start(kind: str, start: Path | None) -> str:
    """Where an open dialog starts: the last folder of its kind, else `start`, else the home folder."""
    folder = Path(_folders.get(kind, ""))
    if _folders.get(kind) and folder.is_dir():
        return str(folder)
    return str(start or Path.home())


def _save_start(kind: str, start: Path | None) -> str:
    """Where a save dialog starts: the proposed name, in the last folder of its kind."""
    folder = Path(_folders.get(kind, ""))
    if not (_folders.get(kind) and folder.is_dir()):
        return str(start or Path.home())
    return str(folder / start.name) if start is not None else str(folder)


def _chosen(kind: str, name: str) -> Path | None:
    """The path picked (None when cancelled), its folder remembered for next time."""
    if not name:
        return None
    path = Path(name)
    _folders[kind] = str(path.parent)
    return path


def _filter() -> str:
    return _("Workshop Desk programme (*{suffix})").format(suffix=FILE_SUFFIX)


def _package_filter() -> str:
    return _("Workshop Desk package (*{suffix})").format(suffix=PACKAGE_SUFFIX)


def package_folder() -> Path:
    """Where packages go and come from: a USB stick when one is plugged in, else the folder chosen last time, else
    the documents folder."""
    from workshop_desk.paths import documents_dir, removable_drive

    last = Path(_folders.get(PACKAGES, ""))
    return removable_drive() or (last if _folders.get(PACKAGES) and last.is_dir() else documents_dir())


def error(parent: QWidget | None, message: str, title: str | None = None) -> None:
    """Tell the user something went wrong."""
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, title or _("Workshop Desk"), message)


def info(parent: QWidget | None, message: str, title: str | None = None) -> None:
    """Tell the user something went well."""
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(parent, title or _("Workshop Desk"), message)


def about(parent: QWidget | None, title: str, message: str) -> None:
    """The About box."""
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.about(parent, title, message)


def open_or_folder(parent: QWidget | None, message: str) -> str:
    """After writing a file: 'file' to open it, 'folder' to show its folder, '' to do neither."""
    from PySide6.QtWidgets import QMessageBox
    from shiboken6 import isValid

    box = QMessageBox(QMessageBox.Icon.Information, _("Workshop Desk"), message, parent=parent)
    open_file_button = box.addButton(_("Open the file"), QMessageBox.ButtonRole.AcceptRole)
    folder_button = box.addButton(_("Show in folder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if not isValid(box):  # its window went while it was open (the app quitting): nothing was chosen
        return ""
    clicked = box.clickedButton()
    return "file" if clicked is open_file_button else "folder" if clicked is folder_button else ""


def ask_choice(parent: QWidget | None, title: str, label: str, choices: list[str]) -> int | None:
    """The index of one of `choices`, or None if cancelled."""
    from PySide6.QtWidgets import QInputDialog

    value, ok = QInputDialog.getItem(parent, title, label, choices, 0, False)
    return choices.index(value) if ok else None


def confirm(parent: QWidget | None, message: str, title: str | None = None) -> bool:
    """Ask a yes/no question; True for yes."""
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(parent, title or _("Workshop Desk"), message)
    return answer == QMessageBox.StandardButton.Yes


def ask_to(parent: QWidget | None, message: str, answer: str, title: str | None = None) -> bool:
    """Offer one way on (`answer`, e.g. "Open read-only") or Cancel; True when it is taken."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title or _("Workshop Desk"), message, parent=parent)
    chosen = box.addButton(answer, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(chosen)
    box.exec()
    return box.clickedButton() is chosen


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """A line of text from the user, or None if cancelled."""
    from PySide6.QtWidgets import QInputDialog

    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value if ok else None


def choose_colour(parent: QWidget | None, colour: str) -> str | None:
    """A colour as '#RRGGBB', or None if cancelled."""
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QColorDialog

    chosen = QColorDialog.getColor(QColor(colour), parent, _("Choose a colour"))
    return chosen.name().upper() if chosen.isValid() else None


def open_file(parent: QWidget | None, start: Path | None = None) -> Path | None:
    """A programme file to open, or None."""
    from PySide6.QtWidgets import QFileDialog

    both = _("Workshop Desk programme or package (*{suffix} *{package})").format(suffix=FILE_SUFFIX,
                                                                                 package=PACKAGE_SUFFIX)
    name, _selected = QFileDialog.getOpenFileName(parent, _("Open a programme"), _open_start(PROGRAMMES, start),
                                                  f"{both};;{_filter()};;{_package_filter()}")
    return _chosen(PROGRAMMES, name)


def open_package_file(parent: QWidget | None) -> Path | None:
    """A package prepared for this laptop, to open, or None."""
    from PySide6.QtWidgets import QFileDialog

    name, _selected = QFileDialog.getOpenFileName(parent, _("Open a package"), str(package_folder()),
                                                  _package_filter())
    return _chosen(PACKAGES, name)


def save_package(parent: QWidget | None, title: str, name: str) -> Path | None:
    """Where to write a package named `name` (proposed on a USB stick when one is plugged in), or None."""
    from PySide6.QtWidgets import QFileDialog

    chosen, _selected = QFileDialog.getSaveFileName(parent, title, str(package_folder() / name), _package_filter())
    path = _chosen(PACKAGES, chosen)
    if path is None:
        return None
    return path if path.suffix.lower() == PACKAGE_SUFFIX else path.with_name(path.name + PACKAGE_SUFFIX)


def choose_folder(parent: QWidget | None, title: str, start: Path) -> Path | None:
    """A folder to write packages into (remembered for next time), or None."""
    from PySide6.QtWidgets import QFileDialog

    name = QFileDialog.getExistingDirectory(parent, title, str(start))
    if not name:
        return None
    _folders[PACKAGES] = name
    return Path(name)


def offer_folder(parent: QWidget | None, message: str, next_steps: str) -> bool:
    """Files written: say which and what to do next; True when the user asks to see their folder."""
    from shiboken6 import isValid

    box = folder_box(parent, message, next_steps)
    box.exec()
    return isValid(box) and box.clickedButton() is box.property("folder_button")


def folder_box(parent: QWidget | None, message: str, next_steps: str) -> QMessageBox:
    """The box `offer_folder` shows (not yet shown), for the screenshots."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, _("Workshop Desk"), message, parent=parent)
    box.setInformativeText(next_steps)
    box.setProperty("folder_button", box.addButton(_("Show in folder"), QMessageBox.ButtonRole.ActionRole))
    box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Close))
    return box


def open_image(parent: QWidget | None) -> Path | None:
    """A picture (a client's logo), or None."""
    from PySide6.QtWidgets import QFileDialog

    name, _selected = QFileDialog.getOpenFileName(parent, _("Choose a logo"), _open_start(IMAGES, None),
                                                  _("Images (*.png *.jpg *.jpeg *.svg)"))
    return _chosen(IMAGES, name)


def open_spreadsheet(parent: QWidget | None) -> Path | None:
    """A spreadsheet to import participants from (.xlsx, .csv, .txt), or None."""
    from PySide6.QtWidgets import QFileDialog

    name, _selected = QFileDialog.getOpenFileName(parent, _("Import participants"), _open_start(IMPORTS, None),
                                                  _("Spreadsheets (*.xlsx *.xlsm *.csv *.txt);;All files (*)"))
    return _chosen(IMPORTS, name)


def open_packages(parent: QWidget | None) -> list[Path]:
    """Sitting packages brought back from laptops (several at once), or none."""
    from PySide6.QtWidgets import QFileDialog

    from workshop_desk.storage.packages import SUFFIX

    names, _selected = QFileDialog.getOpenFileNames(parent, _("Import packages"), _open_start(PACKAGES, None),
                                                    _("Sitting packages (*{suffix})").format(suffix=SUFFIX))
    chosen = [_chosen(PACKAGES, name) for name in names]
    return [path for path in chosen if path is not None]


def save_file(parent: QWidget | None, title: str, start: Path | None = None) -> Path | None:
    """Where to write a programme file (the suffix is added if missing), or None."""
    return save_as(parent, title, start, _filter(), FILE_SUFFIX, PROGRAMMES)


def save_as(parent: QWidget | None, title: str, start: Path | None, file_filter: str, suffix: str,
            kind: str = DOCUMENTS) -> Path | None:
    """Where to write a file of one kind (`suffix` added if missing), or None. The dialog proposes `start`'s name
    in the folder last chosen for this kind of file."""
    from PySide6.QtWidgets import QFileDialog

    name, _selected = QFileDialog.getSaveFileName(parent, title, _save_start(kind, start), file_filter)
    path = _chosen(kind, name)
    if path is None:
        return None
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)
