"""The round timer: start from the keyboard, the projector's countdown and phases, bells, restart."""

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from workshop_desk.domain.countdown import Bell, Phase
from workshop_desk.domain.enums import ProjectorMode
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.pages.timer_panel import TimerPanel
from workshop_desk.ui.projector.screens import CountdownScreen
from workshop_desk.ui.shell import Shell

WORKSHOP = 2


class Clocks:
    def __init__(self) -> None:
        self.mono_now, self.wall_now = 500.0, dt.datetime(2027, 1, 26, 13, 0, tzinfo=dt.UTC)

    def wall(self) -> dt.datetime:
        return self.wall_now

    def mono(self) -> float:
        return self.mono_now

    def advance(self, seconds: float) -> None:
        self.mono_now += seconds
        self.wall_now += dt.timedelta(seconds=seconds)


def _panel(window: MainWindow, clocks: Clocks) -> TimerPanel:
    window.select_sitting(WORKSHOP)
    page = window.sitting_page
    assert page is not None
    page.tabs.setCurrentIndex(page.TIMER_TAB)
    panel = page.timer_panel
    panel._wall, panel._mono = clocks.wall, clocks.mono  # the test drives time
    panel.set_sitting(WORKSHOP)
    return panel


def test_start_with_the_keyboard_and_watch_the_projector_change_phase(qtbot: QtBot, window: MainWindow,
                                                                      shell: Shell) -> None:
    clocks = Clocks()
    panel = _panel(window, clocks)
    panel.set_duration(10, "Round 1")
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert panel.countdown.running
    projector = shell.projector.window
    assert isinstance(projector._stack.currentWidget(), CountdownScreen)
    assert projector.content.countdown is not None and projector.content.countdown.label == "Round 1"
    clocks.advance(7 * 60)
    panel.tick()
    assert projector.content.countdown.phase == Phase.NORMAL
    assert panel.display.text() == "03:00"
    clocks.advance(90)
    panel.tick()
    assert projector.content.countdown.phase == Phase.WARNING  # the last 20 %: amber
    clocks.advance(31)
    panel.tick()
    assert projector.content.countdown.phase == Phase.CRITICAL  # the last minute: red
    clocks.advance(70)
    panel.tick()
    assert projector.content.countdown.phase == Phase.OVERTIME
    assert panel.display.text() == "+00:11"


def test_bells_ring_at_one_minute_and_at_the_end_with_a_flash(qtbot: QtBot, window: MainWindow, shell: Shell) -> None:
    clocks = Clocks()
    panel = _panel(window, clocks)
    panel.set_duration(2)
    rung: list[Bell] = []
    panel.bell_rang.connect(rung.append)
    panel.toggle()
    clocks.advance(61)
    panel.tick()
    assert rung == [Bell.ONE_MINUTE]
    assert shell.projector.window.content.countdown.flash  # type: ignore[union-attr]
    clocks.advance(60)
    panel.tick()
    assert rung == [Bell.ONE_MINUTE, Bell.END]


def test_pause_plus_minus_and_reset_from_the_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    clocks = Clocks()
    panel = _panel(window, clocks)
    panel.set_duration(10)
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    clocks.advance(60)
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # pause
    clocks.advance(600)
    panel.tick()
    assert panel.display.text() == "09:00"
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert panel.display.text() == "10:00"
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert panel.display.text() == "08:00"
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert panel.display.text() == "10:00" and not panel.countdown.running


def test_a_restart_resumes_the_countdown_where_it_should_be(qtbot: QtBot, window: MainWindow, shell: Shell) -> None:
    clocks = Clocks()
    panel = _panel(window, clocks)
    panel.set_duration(15, "World café — round 2")
    panel.toggle()
    clocks.advance(200)
    panel.tick()
    saved = shell.document.workspace.timers.load(WORKSHOP)  # type: ignore[union-attr]
    assert saved is not None and saved.running and saved.label == "World café — round 2"
    clocks.advance(100)  # the app crashed and came back 100 s later
    clocks.mono_now = 1.0
    panel.set_sitting(WORKSHOP)
    assert panel.countdown.running
    assert panel.display.text() == "10:00"
    assert shell.projector.mode == ProjectorMode.TIMER


def test_ending_the_run_stops_the_round_timer_also_after_a_restart(qtbot: QtBot, window: MainWindow, shell: Shell,
                                                                   demo_path: Path) -> None:
    window.select_sitting(WORKSHOP)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # start the run
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # and the round timer
    panel = window.sitting_page.timer_panel  # type: ignore[union-attr]
    assert panel.countdown.running
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not panel.countdown.running and not panel._ticker.isActive()
    assert panel.state_label.text() in ("Paused", "Ready")
    assert panel.start_button.text() != "❚❚ Pause"
    saved = shell.document.workspace.timers.load(WORKSHOP)  # type: ignore[union-attr]
    assert saved is not None and not saved.running

    shell.close_programme()  # a restart: the timer is still stopped
    assert shell.open_path(demo_path)
    window.select_sitting(WORKSHOP)
    assert not window.sitting_page.timer_panel.countdown.running  # type: ignore[union-attr]
