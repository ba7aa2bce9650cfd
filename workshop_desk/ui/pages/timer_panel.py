"""The round timer at the console: set, start, pause, ±1 min, reset; bells; the projector follows."""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workshop_desk.domain.clock import MonoClock, WallClock, monotonic, utc_now
from workshop_desk.domain.countdown import Bell, Countdown, Phase, TimerState, bells_between
from workshop_desk.domain.live import format_clock
from workshop_desk.i18n import _
from workshop_desk.ui import theme
from workshop_desk.ui.bell import BellPlayer
from workshop_desk.ui.document import Document
from workshop_desk.ui.projector.content import CountdownView

TICK_MS = 100
FLASH_TICKS = 20  # two seconds of visual bell
DEFAULT_MINUTES = 10
PHASE_COLOURS = {Phase.NORMAL: theme.OK, Phase.WARNING: theme.CAUTION, Phase.CRITICAL: theme.WARNING,
                 Phase.OVERTIME: theme.WARNING}


class TimerPanel(QWidget):
    """Every change of the countdown is saved, so that a restart resumes it where it should be."""

    ticked = Signal(object)  # CountdownView
    started = Signal()
    bell_rang = Signal(object)  # Bell

    def __init__(self, document: Document, bell: BellPlayer | None = None,
                 wall: WallClock = utc_now, mono: MonoClock = monotonic) -> None:
        super().__init__()
        self._document = document
        self._bell = bell or BellPlayer(self)
        self._wall, self._mono = wall, mono
        self.sitting_id: int | None = None
        self.countdown = Countdown(TimerState(DEFAULT_MINUTES * 60), wall, mono)
        self._last_remaining = self.countdown.remaining()
        self._flash = 0
        self.speaker = ""
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(1, 240)
        self.minutes_spin.setSuffix(_(" min"))
        self.minutes_spin.setValue(DEFAULT_MINUTES)
        self.label_edit = QLineEdit()
        self.label_edit.setPlaceholderText(_("What the round is for (shown above the countdown)"))
        self.display = QLabel(format_clock(self.countdown.remaining()))
        self.display.setFont(theme.heading_font(5.0))
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state_label = QLabel()
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_button = QPushButton(_("▶ Start"))
        self.minus_button = QPushButton(_("−1 min"))
        self.plus_button = QPushButton(_("+1 min"))
        self.reset_button = QPushButton(_("Reset"))
        self.minute_bell_check = QCheckBox(_("Bell one minute before the end"))
        self.minute_bell_check.setChecked(True)
        self.audio_label = QLabel()
        self.audio_label.setStyleSheet(f"color: {theme.MUTED};")
        settings = QHBoxLayout()
        settings.addWidget(QLabel(_("Duration:")))
        settings.addWidget(self.minutes_spin)
        settings.addWidget(self.label_edit, 1)
        buttons = QHBoxLayout()
        for button in (self.start_button, self.minus_button, self.plus_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(settings)
        layout.addWidget(self.display, 1)
        layout.addWidget(self.state_label)
        layout.addLayout(buttons)
        layout.addWidget(self.minute_bell_check)  # a row of its own: beside the buttons it is cut on a laptop
        layout.addWidget(self.audio_label)

    def _connect_signals(self) -> None:
        self.start_button.clicked.connect(self.toggle)
        self.minus_button.clicked.connect(lambda: self.adjust(-60))
        self.plus_button.clicked.connect(lambda: self.adjust(+60))
        self.reset_button.clicked.connect(self.reset)
        self.minutes_spin.editingFinished.connect(self._on_minutes_spin_editing_finished)
        self.label_edit.editingFinished.connect(self._on_label_edit_editing_finished)
        self._ticker.timeout.connect(self.tick)
        self._document.run_changed.connect(self._on_document_run_changed)

    def _on_document_run_changed(self, sitting_id: int) -> None:
        """The run ended: the file now holds the timer stopped with it (no overtime counting on)."""
        if sitting_id != self.sitting_id or not self.countdown.running:
            return
        agenda = self._document.agenda(sitting_id)
        if agenda.sitting.run_ended_at is not None and not agenda.sitting.is_running:
            self.set_sitting(sitting_id)

    # Commands (buttons and keyboard shortcuts) -------------------------------------------------------
    def set_sitting(self, sitting_id: int | None) -> None:
        """Show (and resume) this sitting's saved countdown."""
        self.sitting_id = sitting_id
        saved = self._document.workspace.timers.load(sitting_id) if sitting_id is not None else None
        self.countdown = Countdown(saved or TimerState(DEFAULT_MINUTES * 60), self._wall, self._mono)
        self.minutes_spin.setValue(max(1, round(self.countdown.state.duration_seconds / 60)))
        self.label_edit.setText(self.countdown.state.label)
        self._last_remaining = self.countdown.remaining()
        self._after_change(save=False)

    def toggle(self) -> None:
        """Start, pause, or resume."""
        if self.countdown.running:
            self.countdown.pause()
            self._after_change()
        else:
            self.countdown.start()
            self._after_change()
            self.started.emit()

    def adjust(self, seconds: float) -> None:
        self.countdown.adjust(seconds)
        self._after_change()

    def reset(self) -> None:
        self.countdown.reset(self.minutes_spin.value() * 60)
        self._last_remaining = self.countdown.remaining()
        self._after_change()

    def start_speaker(self, name: str, seconds: int) -> None:
        """A speaker has the floor: their own countdown starts at once."""
        self.speaker = name
        self.countdown.reset(seconds)
        self._last_remaining = self.countdown.remaining()
        self.toggle()

    def end_speaker(self) -> None:
        self.speaker = ""
        if self.countdown.running:
            self.countdown.pause()
        self._after_change()

    def set_duration(self, minutes: int, label: str = "") -> None:
        """Prepare a round of `minutes` (e.g. the current agenda item's), stopped."""
        self.speaker = ""
        self.minutes_spin.setValue(max(1, min(240, minutes)))
        self.label_edit.setText(label)
        self.countdown.reset(self.minutes_spin.value() * 60)
        self.countdown.relabel(label)
        self._last_remaining = self.countdown.remaining()
        self._after_change()

    def _on_minutes_spin_editing_finished(self) -> None:
        if not self.countdown.running and self.countdown.elapsed() == 0:
            self.reset()

    def _on_label_edit_editing_finished(self) -> None:
        self._save_label()

    def _save_label(self) -> None:
        if self.label_edit.text().strip() != self.countdown.state.label:
            self.countdown.relabel(self.label_edit.text().strip())
            self._after_change()

    # Display -----------------------------------------------------------------------------------------
    def _after_change(self, save: bool = True) -> None:
        if save and self.sitting_id is not None and not self._document.read_only:  # read-only: it runs, unsaved
            self._document.room.save_timer(self.sitting_id, self.countdown.state)
        self._ticker.start() if self.countdown.running else self._ticker.stop()
        self.start_button.setText(_("❚❚ Pause") if self.countdown.running else (
            _("▶ Resume") if self.countdown.elapsed() else _("▶ Start")))
        self.tick()

    def tick(self) -> None:
        """Redraw, ring the bells that are due, and tell the projector."""
        remaining = self.countdown.remaining()
        self._flash = max(0, self._flash - 1)
        for bell in bells_between(self._last_remaining, remaining, self.minute_bell_check.isChecked()):
            self._ring(bell)
        self._last_remaining = remaining
        phase = self.countdown.phase()
        self.display.setText(format_clock(remaining))
        # On from the bell's first frame, then blinking every two ticks.
        flashing = self._flash > 0 and ((FLASH_TICKS - self._flash) // 2) % 2 == 0
        colour = PHASE_COLOURS[phase]
        self.display.setStyleSheet(f"color: white; background: {colour};" if flashing else f"color: {colour};")
        self.state_label.setText(self._state_text(phase))
        self.ticked.emit(self.view(flashing))

    def view(self, flashing: bool = False) -> CountdownView:
        return CountdownView(self.countdown.remaining(), self.countdown.phase(), self.countdown.state.label,
                             self.speaker, flashing)

    def _state_text(self, phase: Phase) -> str:
        if phase == Phase.OVERTIME:
            return _("Time is up — counting the overtime")
        if self.countdown.running:
            return _("Running")
        return _("Paused") if self.countdown.elapsed() else _("Ready")

    def _ring(self, bell: Bell) -> None:
        self._flash = FLASH_TICKS
        if not self._bell.ring():
            self.audio_label.setText(_("No sound on this computer: the screens flash instead."))
        if bell == Bell.END and self.countdown.running:
            self._ticker.start()
        self.bell_rang.emit(bell)
