"""Starting on the last programme: its first look shows at once and takes a choice, the file opens behind it."""

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.conftest import Prompts
from workshop_desk.ui.shell import Shell

WAIT_MS = 30_000


def _start(shell: Shell, path: Path) -> None:
    shell.open_at_start(path)
    assert shell.loading is not None  # the database layer loads in the background


def test_the_first_look_shows_the_programme_then_the_file_opens(qtbot: QtBot, shell: Shell, demo_path: Path) -> None:
    window = shell.window
    assert window is not None
    with qtbot.waitSignal(shell.start_opened, timeout=WAIT_MS):
        _start(shell, demo_path)
        assert shell.document is None  # not open yet...
        assert window.pages.currentWidget() is window.opening_page  # ...but its title and sittings show
        assert "Plan de développement économique" in window.opening_page.text()
        assert window.sittings_model.rowCount() == 8 and window.sidebar.isVisible()
        assert "demo.wdesk" in window.windowTitle()
    assert shell.document is not None and shell.document.workspace.path == demo_path
    assert window.pages.currentWidget() is window.programme_page


def test_a_sitting_chosen_on_the_first_look_is_the_one_shown_once_open(qtbot: QtBot, shell: Shell,
                                                                       demo_path: Path) -> None:
    window = shell.window
    assert window is not None
    with qtbot.waitSignal(shell.start_opened, timeout=WAIT_MS):
        _start(shell, demo_path)
        window.sittings_view.setCurrentIndex(window.sittings_model.index(3))  # a click while it loads
        chosen = window.sittings_model.sitting(3)
    assert window.sitting_page is not None and window.pages.currentWidget() is window.sitting_page
    assert window.sitting_page.sitting_id == chosen.id and window.current_sitting_id() == chosen.id


def test_a_programme_opened_meanwhile_is_not_replaced(qtbot: QtBot, shell: Shell, demo_path: Path) -> None:
    other = demo_path.with_name("autre.wdesk")
    shutil.copyfile(demo_path, other)
    with qtbot.waitSignal(shell.start_opened, timeout=WAIT_MS):
        _start(shell, demo_path)
        assert shell.open_path(other)  # File › Open… before the first one was ready
    assert shell.document is not None and shell.document.workspace.path == other


def test_a_file_that_cannot_open_after_its_first_look_leaves_the_start_page(qtbot: QtBot, shell: Shell,
                                                                           demo_path: Path, prompts: Prompts) -> None:
    window = shell.window
    assert window is not None
    with qtbot.waitSignal(shell.start_opened, timeout=WAIT_MS):
        _start(shell, demo_path)
        assert window.pages.currentWidget() is window.opening_page
        demo_path.unlink()  # the stick was pulled out while it loaded
    assert shell.document is None and prompts.errors  # said in a sentence
    assert window.pages.currentWidget() is window.start_page and window.glance_shown is None


_FIRST_LOOK = """
import argparse, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from workshop_desk.services.settings import Settings
from workshop_desk.ui.app import OpenedFiles, _finish_start, make_application
from workshop_desk.ui.shell import Shell
app = make_application()
root = Path(sys.argv[1])
shell = Shell(Settings(), settings_path=root / "settings.json", backup_root=root / "backups")
window = shell.build_window(progressive=True)
window.show()
options = argparse.Namespace(demo=False, file=sys.argv[2])
_finish_start(shell, options, OpenedFiles(shell, options))
print(window.pages.currentWidget() is window.opening_page, "workshop_desk.ui.projector.screens" in sys.modules)
app.processEvents()  # the next turn of the event loop
print(window.projector_completed, "workshop_desk.ui.projector.screens" in sys.modules)
"""


def test_the_first_look_comes_before_the_projector_and_the_projector_just_after(tmp_path: Path,
                                                                               demo_path: Path) -> None:
    """What the console needs to show the last programme and take input is loaded first; the projector's screens
    (a fifth of a second) on the next turn of the event loop."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", _FIRST_LOOK, str(tmp_path), str(demo_path)], capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "False", "True", "True"]
