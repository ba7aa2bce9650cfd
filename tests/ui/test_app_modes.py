"""The app's own command-line modes, run as a user would: smoke test and screenshots."""

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage


def _run(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(home / "data"),
           "XDG_CONFIG_HOME": str(home / "config"), "HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "workshop_desk", *args], capture_output=True, text=True,
                          env=env, timeout=120, check=False)


def test_smoke_test_prints_seconds_to_a_console_on_the_file(tmp_path: Path) -> None:
    programme = tmp_path / "demo.wdesk"
    built = subprocess.run([sys.executable, "-m", "workshop_desk", "demo", str(programme)], capture_output=True,
                           text=True, timeout=120, check=False)
    assert built.returncode == 0, built.stderr
    result = _run(["--smoke-test", str(programme)], tmp_path)
    assert result.returncode == 0, result.stderr
    usable, opened = result.stdout.strip().splitlines()[-2:]
    assert 0 < float(usable) < float(opened.removeprefix("open ")) < 60  # usable on its first look, then open
    # The file was opened as at a real start (it is now the last one), and closed cleanly: no lock left behind.
    settings = json.loads((tmp_path / "data" / "WorkshopDesk" / "settings.json").read_text(encoding="utf-8"))
    assert Path(settings["last_file"]) == programme
    assert not (tmp_path / ".~lock.demo.wdesk#").exists()


def test_screenshots_of_the_demo_in_french(tmp_path: Path) -> None:
    result = _run(["--screenshot", str(tmp_path / "shots"), "--demo", "--size", "1920x1080", "--lang", "fr"],
                  tmp_path)
    assert result.returncode == 0, result.stderr
    for name in _screens_the_frozen_build_checks():
        image = QImage(str(tmp_path / "shots" / f"{name}.png"))
        assert (image.width(), image.height()) == (1920, 1080), name
    assert not (tmp_path / "data" / "WorkshopDesk" / "settings.json").exists()  # nothing of the user's touched


def _screens_the_frozen_build_checks() -> list[str]:
    """The names packaging/smoke_frozen.sh requires, so that a renamed screenshot fails here and not only in CI."""
    script = Path(__file__).parents[2] / "packaging" / "smoke_frozen.sh"
    line = next(line for line in script.read_text().splitlines() if line.startswith("screens="))
    return line.split("=", 1)[1].strip('"').split()
