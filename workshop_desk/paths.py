"""Where the app keeps its own files: settings, backups, the demo programme."""

from pathlib import Path

APP_NAME = "WorkshopDesk"
FILE_SUFFIX = ".wdesk"


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
