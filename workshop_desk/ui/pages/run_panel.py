"""Running a sitting live: the current item, its clock against plan, next and previous."""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
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
from workshop_desk.ui.translation import key_text

TICK_MS = 250


class NotesEdit(QPlainTextEdit):
    """A few lines of notes that tell when the facilitator is done with them: on leaving, or on Ctrl+Return."""

    left = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.item_id: int | None = None
        self.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.left.emit()
            return
        super().keyPressEvent(event)


class RunPanel(QWidget):
    """Shows the run of one sitting. The buttons emit requests; the main window's actions (with
    their keyboard shortcuts) do the work, so that menu, keys and buttons behave the same."""

    start_requested = Signal()
    next_requested = Signal()
    previous_requested = Signal()
    stop_requested = Signal()
    time_item_requested = Signal(str, int)  # title, planned minutes of the current item
    notes_edited = Signal(object, str)  # the current AgendaItem, its notes as typed (saved by the sitting page)
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
        self.previous_button.setToolTip(key_text("PgUp", "Ctrl+Left"))
        self.next_button.setToolTip(key_text("PgDown", "Ctrl+Right"))
        self.notes_label = QLabel(_("&Notes on this item, for the minutes:"))
        self.notes_edit = NotesEdit()
        self.notes_edit.setPlaceholderText(_("What was said or decided; saved when you leave the field "
                                             "or press {keys}").format(keys=key_text("Ctrl+Return")))
        self.notes_edit.setTabChangesFocus(True)
        self.notes_label.setBuddy(self.notes_edit)
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
        layout.addWidget(self.notes_label)
        layout.addWidget(self.notes_edit)
        layout.addWidget(self.view, 1)

    def add_row(self, widget: QWidget) -> None:
        """A row under the run's buttons (the Phones row, which needs the document this panel does not hold)."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(2, widget)

    def _connect_signals(self) -> None:
        self.start_button.clicked.connect(self.start_requested)
        self.previous_button.clicked.connect(self.previous_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.stop_button.clicked.connect(self.stop_requested)
        self.time_button.clicked.connect(self._on_time_button_clicked)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.notes_edit.left.connect(self.save_notes)

    def set_agenda(self, agenda: SittingAgenda | None) -> None:
        """Show this sitting's run state (the saved one)."""
        self._agenda = agenda
        current = self._current_item()
        running = bool(agenda and agenda.sitting.is_running)
        self._clock = None
        if running and current and current.actual_start:
            self._clock = ItemClock(current.actual_start, utc_now, monotonic)
        self.model.set_agenda(agenda, utc_now())
        self._show_notes(current)
        self._update_buttons(running)
        if running:
            self._timer.start()
        else:
            self._timer.stop()
        self._on_timer_timeout()

    def _show_notes(self, item: AgendaItem | None) -> None:
        """The current item's saved notes, unless the facilitator is typing in them (a tick must not wipe that)."""
        self.notes_edit.setEnabled(item is not None)
        moved_on = self.notes_edit.item_id != (item.id if item else None)
        self.notes_edit.item_id = item.id if item else None
        if moved_on or not self.notes_edit.hasFocus():
            self.notes_edit.setPlainText(item.notes if item else "")

    def save_notes(self) -> None:
        """Ask for the notes typed to be saved, if they changed (on leaving the field, or before the run moves)."""
        item = next((i for i in self._agenda.items if i.id == self.notes_edit.item_id), None) if self._agenda else None
        if item is not None and self.notes_edit.toPlainText() != item.notes:
            self.notes_edited.emit(item, self.notes_edit.toPlainText())

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
            self.state_label.setText(_("Ready. Start the run when the room is ready ({keys}).").format(
                keys=key_text("Ctrl+Return")))
