"""Where packages are proposed: the USB stick plugged in, found where Linux desktops mount one."""

import os
from pathlib import Path

import pytest

from workshop_desk import paths


@pytest.fixture
def mounted(monkeypatch: pytest.MonkeyPatch) -> set[Path]:
    """The folders taken for mount points (a test cannot mount a stick)."""
    points: set[Path] = set()
    monkeypatch.setattr(os.path, "ismount", lambda path: Path(path) in points)
    monkeypatch.setattr(paths.sys, "platform", "linux")
    return points


def test_a_stick_mounted_for_the_user_is_found(tmp_path: Path, mounted: set[Path]) -> None:
    media, run_media = tmp_path / "media", tmp_path / "run-media"
    for folder in (media / "claire" / "Documents-not-mounted", run_media / "claire" / "CLE USB"):
        folder.mkdir(parents=True)
    mounted.add(run_media / "claire" / "CLE USB")
    assert paths.removable_drive((media, run_media)) == run_media / "claire" / "CLE USB"


def test_a_stick_mounted_by_label_is_found_first(tmp_path: Path, mounted: set[Path]) -> None:
    media = tmp_path / "media"
    for folder in (media / "KINGSTON", media / "claire" / "SANDISK"):
        folder.mkdir(parents=True)
        mounted.add(folder)
    assert paths.removable_drive((media,)) == media / "KINGSTON"


def test_no_stick_no_folder(tmp_path: Path, mounted: set[Path]) -> None:
    (tmp_path / "media" / "claire").mkdir(parents=True)
    assert paths.removable_drive((tmp_path / "media", tmp_path / "nowhere")) is None


def test_the_documents_folder_is_one_that_exists() -> None:
    assert paths.documents_dir().is_dir()
