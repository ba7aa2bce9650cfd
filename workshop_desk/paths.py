"""Where the app keeps its own files (settings, backups, the demo programme), and where the user's files go."""

import os
import sys
from pathlib import Path

APP_NAME = "WorkshopDesk"
FILE_SUFFIX = ".wdesk"
PACKAGE_SUFFIX = ".wdpack"  # a sitting package, carried between laptops


def data_dir() -> Path:
    """The user data folder, created on first use."""
    from platformdirs import user_data_dir  # imported when needed: it slows the first window down

    path = Path(user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def backups_dir() -> Path:
    """The folder that holds the automatic rotating backups."""
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def settings_file() -> Path:
    """The JSON file of preferences and recent files."""
    return data_dir() / "settings.json"


def demo_file() -> Path:
    """Where `--demo` writes the built-in demo programme."""
    return data_dir() / f"demo{FILE_SUFFIX}"


def package_dir() -> Path:
    """The installed `workshop_desk` package folder (catalogs and assets live under it)."""
    return Path(__file__).resolve().parent


def documents_dir() -> Path:
    """The user's documents folder (the home folder when the system names none that exists)."""
    from platformdirs import user_documents_dir

    path = Path(user_documents_dir())
    return path if path.is_dir() else Path.home()


# Where Linux desktops mount a USB stick: /media/<user>/<label> (Debian, Ubuntu), /run/media/<user>/<label> (Fedora).
MOUNT_ROOTS = (Path("/media"), Path("/run/media"))


def removable_drive(roots: tuple[Path, ...] = MOUNT_ROOTS) -> Path | None:
    """A USB stick or memory card plugged in now that can be written (the first found), or None."""
    if sys.platform == "win32":
        return _windows_removable()
    for root in roots:
        for folder in _mounted_under(root):
            if os.access(folder, os.W_OK):
                return folder
    return None


def _mounted_under(root: Path) -> list[Path]:
    """The mount points one or two levels below `root` (a label, or a user then a label), by name."""
    try:
        found = []
        for child in sorted(p for p in root.iterdir() if p.is_dir()):
            found += [child] if os.path.ismount(child) else sorted(
                p for p in child.iterdir() if p.is_dir() and os.path.ismount(p))
        return found
    except OSError:  # no such folder, or one we may not list
        return []


def _windows_removable() -> Path | None:
    import ctypes
    import string

    removable = 2  # DRIVE_REMOVABLE, from GetDriveTypeW
    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    for letter in string.ascii_uppercase[3:]:  # A: and B: are floppies, C: the system
        root = f"{letter}:\\"
        if kernel.GetDriveTypeW(root) == removable and os.path.isdir(root):
            return Path(root)
    return None
