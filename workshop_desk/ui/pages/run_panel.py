"""Running a sitting live: the current item, its clock against plan, next and previous."""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop_desk.domain.clock import monotonic, utc_now
from workshop_desk.domain.live import ItemClock, ItemProgress, Pace, format_clock
from workshop_desk.domain.models import AgendaItem, SittingAgenda
from workshop_desk.i18n import _
from workshop_desk.ui import theme
from workshop_desk.ui.models.agenda_model import AgendaModel, Column

TICK_MS = 250


class RunPanel(QWidget):
    """Shows the run of one sitting. The buttons emit requests; the main window's actions (with
    their keyboard shortcuts) do the work, so that menu, keys and buttons behave the same."""

    start_requested = Signal()
    next_requested = Signal()
    previous_requested = Signal()
    stop_requested = Signal()
    time_item_requested = Signal(str, int)  # title, planned minutes of the current item
    ticked = Signal(object)  # elapsed seconds of the current item, or None

    def __init__(self) -> None:
        super().__init__()
        self._agenda: SittingAgenda | None = None
        self._clock: ItemClock | None = None
        self.model = AgendaModel()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.state_label = QLabel()
        self.state_label.setFont(theme.heading_font(1.3))
        self.state_label.setWordWrap(True)
        self.clock_label = QLabel("—")
        self.clock_label.setFont(theme.heading_font(3.0))
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.plan_label = QLabel()
        self.plan_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.start_button = QPushButton(_("▶ Start"))
        self.previous_button = QPushButton(_("◀ Previous"))
        self.next_button = QPushButton(_("Next ▶"))
        self.stop_button = QPushButton(_("■ End the run"))
        self.time_button = QPushButton(_("Time this item"))
        self.time_button.setToolTip(_("Put the current item's planned time on the round timer"))
        self.previous_button.setToolTip(_("Page Up or Ctrl+Left"))
        self.next_button.setToolTip(_("Page Down or Ctrl+Right"))
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnHidden(Column.NOTES, True)
        top = QHBoxLayout()
        top.addWidget(self.state_label, 3)
        right = QVBoxLayout()
        right.addWidget(self.clock_label)
        right.addWidget(self.plan_label)
        top.addLayout(right, 1)
        buttons = QHBoxLayout()  # a row of its own: French labels are long
        for button in (self.start_button, self.previous_button, self.next_button, self.stop_button,
                       self.time_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)

    def _connect_signals(self) -> None:
        self.start_button.clicked.connect(self.start_requested)
        self.previous_button.clicked.connect(self.previous_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.stop_button.clicked.connect(self.stop_requested)
        self.time_button.clicked.connect(self._on_time_button_clicked)
        self._timer.timeout.connect(self._on_timer_timeout)

    def set_agenda(self, agenda: SittingAgenda | None) -> None:
        """Show this sitting's run state (the saved one)."""
        self._agenda = agenda
        current = self._current_item()
        running = bool(agenda and agenda.sitting.is_running)
        self._clock = None
        if running and current and current.actual_start:
            self._clock = ItemClock(current.actual_start, utc_now, monotonic)
        self.model.set_agenda(agenda, utc_now())
        self._update_buttons(running)
        if running:
            self._timer.start()
        else:
            self._timer.stop()
        self._on_timer_timeout()

    def _on_time_button_clicked(self) -> None:
        item = self._current_item()
        if item is not None:
            self.time_item_requested.emit(item.title, item.planned_minutes)

    def elapsed(self) -> float | None:
        """Seconds the current item has been running, if a run is live."""
        return self._clock.elapsed() if self._clock else None

    def _current_item(self) -> AgendaItem | None:
        if self._agenda is None:
            return None
        return next((i for i in self._agenda.items if i.id == self._agenda.sitting.current_item_id), None)

    def _update_buttons(self, running: bool) -> None:
        has_items = bool(self._agenda and self._agenda.items)
        self.start_button.setEnabled(has_items and not running)
        self.start_button.setText(_("▶ Resume") if self._agenda and self._agenda.sitting.run_started_at
                                  and not running else _("▶ Start"))
        for button in (self.previous_button, self.next_button, self.stop_button, self.time_button):
            button.setEnabled(running)

    def _on_timer_timeout(self) -> None:
        item = self._current_item()
        elapsed = self.elapsed()
        if item is None or elapsed is None:
            self._show_idle()
            self.ticked.emit(None)
            return
        progress = ItemProgress(elapsed, item.planned_minutes * 60)
        colour = {Pace.ON_TIME: theme.OK, Pace.CLOSE: theme.CAUTION, Pace.OVERRUN: theme.WARNING}[progress.pace]
        self.state_label.setText(_("Now: {title}").format(title=item.title))
        self.clock_label.setText(format_clock(elapsed))
        self.clock_label.setStyleSheet(f"color: {colour};")
        if progress.pace == Pace.OVERRUN:
            self.plan_label.setText(_("{over} over the {planned} planned").format(
                over=format_clock(-progress.remaining_seconds), planned=format_clock(progress.planned_seconds)))
        else:
            self.plan_label.setText(_("of {planned} planned").format(planned=format_clock(progress.planned_seconds)))
        self.plan_label.setStyleSheet(f"color: {colour};")
        self.model.set_now(utc_now())
        self.ticked.emit(elapsed)

    def _show_idle(self) -> None:
        self.clock_label.setText("—")
        self.clock_label.setStyleSheet("")
        self.plan_label.clear()
        if self._agenda is None or not self._agenda.items:
            self.state_label.setText(_("Add agenda items to run this sitting."))
        elif self._agenda.sitting.run_ended_at:
            self.state_label.setText(_("The run has ended. Times are recorded for the minutes."))
        else:
            self.state_label.setText(_("Ready. Start the run when the room is ready (Ctrl+Return)."))
