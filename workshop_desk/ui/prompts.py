"""Every message box and file dialog goes through here, so that tests patch one place."""

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from workshop_desk.i18n import _
from workshop_desk.paths import FILE_SUFFIX


def _filter() -> str:
    return _("Workshop Desk programme (*{suffix})").format(suffix=FILE_SUFFIX)


def error(parent: QWidget | None, message: str, title: str | None = None) -> None:
    """Tell the user something went wrong."""
    QMessageBox.warning(parent, title or _("Workshop Desk"), message)


def info(parent: QWidget | None, message: str, title: str | None = None) -> None:
    """Tell the user something went well."""
    QMessageBox.information(parent, title or _("Workshop Desk"), message)


def confirm(parent: QWidget | None, message: str, title: str | None = None) -> bool:
    """Ask a yes/no question; True for yes."""
    answer = QMessageBox.question(parent, title or _("Workshop Desk"), message)
    return answer == QMessageBox.StandardButton.Yes


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """A line of text from the user, or None if cancelled."""
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value if ok else None


def open_file(parent: QWidget | None, start: Path | None = None) -> Path | None:
    """A programme file to open, or None."""
    name, _selected = QFileDialog.getOpenFileName(parent, _("Open a programme"), str(start or ""), _filter())
    return Path(name) if name else None


def save_file(parent: QWidget | None, title: str, start: Path | None = None) -> Path | None:
    """Where to write a programme file (the suffix is added if missing), or None."""
    name, _selected = QFileDialog.getSaveFileName(parent, title, str(start or ""), _filter())
    if not name:
        return None
    path = Path(name)
    return path if path.suffix == FILE_SUFFIX else path.with_name(path.name + FILE_SUFFIX)
