"""User preferences and recent files, kept in a small JSON file written atomically."""

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

MAX_RECENT = 10


@dataclass(slots=True)
class Settings:
    language: str = ""  # empty: follow the system locale
    recent_files: list[str] = field(default_factory=list)
    last_file: str = ""
    projector_screen: str = ""
    window_geometry: str = ""  # Qt's saveGeometry(), base64: the console reopens where it was
    folders: dict[str, str] = field(default_factory=dict)  # the last folder of each kind of file dialog
    sidebar_shown: bool = True  # the console's sidebar of sittings (View › Sidebar, Ctrl+B)
    projector_panel_shown: bool = True  # the console's projector panel (View › Projector panel, Ctrl+Shift+P)


def load_settings(path: Path) -> Settings:
    """The saved settings, or defaults when the file is missing or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    settings = Settings()
    for name in Settings.__dataclass_fields__:  # a hand-edited value of the wrong type keeps the default
        value = data.get(name)
        if isinstance(value, type(getattr(settings, name))):
            setattr(settings, name, value)
    settings.recent_files = [p for p in settings.recent_files if isinstance(p, str)][:MAX_RECENT]
    settings.folders = {k: v for k, v in settings.folders.items() if isinstance(k, str) and isinstance(v, str)}
    return settings


def save_settings(settings: Settings, path: Path) -> None:
    """Write the settings atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def remember_file(settings: Settings, file: Path) -> None:
    """Put `file` first in the recent list and make it the file reopened at start."""
    name = str(file.resolve())
    settings.recent_files = [name, *[p for p in settings.recent_files if p != name]][:MAX_RECENT]
    settings.last_file = name
