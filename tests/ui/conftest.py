"""Fixtures for the console tests: a shell over a programme file in tmp_path, prompts patched."""

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from workshop_desk.services.demo import build_demo
from workshop_desk.services.settings import Settings
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.shell import Shell


class Prompts:
    """Records what the app would have told the user, and answers its questions."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.infos: list[str] = []
        self.confirm_answer = True
        self.questions: list[str] = []  # what ask_to offered
        self.text_answer: str | None = None
        self.save_answer: Path | None = None
        self.open_answer: Path | None = None


@pytest.fixture
def prompts(monkeypatch: pytest.MonkeyPatch) -> Prompts:
    from workshop_desk.ui import prompts as module

    recorder = Prompts()
    monkeypatch.setattr(module, "error", lambda _p, message, title=None: recorder.errors.append(message))
    monkeypatch.setattr(module, "info", lambda _p, message, title=None: recorder.infos.append(message))
    monkeypatch.setattr(module, "confirm", lambda _p, message, title=None: recorder.confirm_answer)

    def ask_to(_parent: object, message: str, _answer: str, _title: object = None) -> bool:
        recorder.questions.append(message)
        return recorder.confirm_answer

    monkeypatch.setattr(module, "ask_to", ask_to)
    monkeypatch.setattr(module, "ask_text", lambda *_a, **_k: recorder.text_answer)
    monkeypatch.setattr(module, "save_file", lambda *_a, **_k: recorder.save_answer)
    monkeypatch.setattr(module, "open_file", lambda *_a, **_k: recorder.open_answer)
    return recorder


@pytest.fixture
def shell(qtbot: object, tmp_path: Path, prompts: Prompts) -> Iterator[Shell]:
    """A shell with its own settings and backup folder, and a shown main window."""
    shell = Shell(Settings(), settings_path=tmp_path / "settings.json", backup_root=tmp_path / "backups")
    window = shell.build_window()
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.resize(1280, 720)
    window.show()
    yield shell
    shell.about_to_quit()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo programme, built once per test session."""
    folder = tmp_path_factory.mktemp("demo")
    path = folder / "demo.wdesk"
    build_demo(path, folder / "backups").database.close()
    return path


@pytest.fixture
def demo_path(tmp_path: Path, _demo_template: Path) -> Path:
    """A fresh copy of the demo programme for one test (the file is closed: a plain copy is safe)."""
    path = tmp_path / "demo.wdesk"
    shutil.copyfile(_demo_template, path)
    return path


@pytest.fixture
def window(shell: Shell, demo_path: Path) -> MainWindow:
    """The console with the demo programme open."""
    assert shell.open_path(demo_path)
    assert shell.window is not None
    return shell.window


@pytest.fixture(autouse=True)
def _qt_in_english() -> Iterator[None]:
    """A test that switches the app to French leaves Qt's own strings and the default locale as it found them."""
    yield
    from workshop_desk.ui.translation import install_qt_translator

    install_qt_translator("en")


@pytest.fixture
def french() -> None:
    """The app in French, its own strings and Qt's (both go back to English after the test)."""
    from workshop_desk import i18n
    from workshop_desk.ui.translation import install_qt_translator

    i18n.set_language("fr")
    install_qt_translator("fr")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One Chromium at a phone's size per test module, for the phones end to end."""
    from tests.chromium import make_browser, require_chromium

    require_chromium()
    driver = make_browser()
    driver.set_script_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture
def join_url(qtbot: object, window: MainWindow, shell: Shell) -> Iterator[str]:
    """Phones switched on from the Phones row for the demo's breakfast sitting (loopback); the join URL as its QR
    code gives it (no trailing slash)."""
    from tests.ui.test_phones_console import phones_on

    phones_on(qtbot, window)  # type: ignore[arg-type]
    assert shell.document is not None
    room = shell.document.phone_room
    yield room.url
    room.stop()
