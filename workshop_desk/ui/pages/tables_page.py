"""Room tables and the seating plan: set the tables, plan the rounds, move people, show and time a round."""

import math
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop_desk.domain.table_plan import RoomTable, SittingPlan, TableDraft, TablePlanError
from workshop_desk.domain.validation import ValidationError
from workshop_desk.i18n import _, ngettext, percent
from workshop_desk.ui import prompts, theme
from workshop_desk.ui.document import Document
from workshop_desk.ui.documents import write_document
from workshop_desk.ui.icons import icon
from workshop_desk.ui.models.room_tables_model import Column, RoomTablesModel
from workshop_desk.ui.projector.content import PlanView, TableView
from workshop_desk.ui.widgets.delegates import ChoiceDelegate, NumberDelegate
from workshop_desk.ui.widgets.seat_list import SeatList

if TYPE_CHECKING:
    from workshop_desk.services.workspace import Workspace

DEFAULT_ROUND_MINUTES = 20


class TablesPage(QWidget):
    """Everything here is saved at once; the plan is redrawn from what was saved."""

    plan_shown = Signal(object)  # PlanView of the chosen round, for the projector
    round_started = Signal(str, int)  # label, minutes: the round timer takes it from here

    def __init__(self, document: Document) -> None:
        super().__init__()
        self._document = document
        self.sitting_id: int | None = None
        self.saved: SittingPlan | None = None
        self._names: dict[int, str] = {}
        self.model = RoomTablesModel()
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setMaximumHeight(150)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setItemDelegateForColumn(Column.CAPACITY, NumberDelegate(1, 60, "", self.view))
        self.add_button = QPushButton(_("Add a table"))
        self.delete_button = QPushButton(_("Delete the table"))
        self.rounds_spin = QSpinBox()
        self.rounds_spin.setRange(1, 10)
        self.rounds_spin.setValue(3)
        self.rounds_spin.setPrefix(_("Rounds: "))
        # The search's random seed, shown as a draw counted from 1 (draw 1 is seed 0: the plans people already have).
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(1, 10000)
        self.seed_spin.setPrefix(_("Draw no. "))
        self.seed_spin.setToolTip(_("Another draw seats people another way, with a plan of the same quality"))
        self.present_check = QCheckBox(_("Seat the people present (else those registered)"))
        self.present_check.setChecked(True)
        self.plan_button = QPushButton(_("&Plan the tables"))
        self.quality_label = QLabel()
        self.rounds_bar = QTabBar()
        self.show_button = QPushButton(icon("presentation"), _("Show this round on the projector"))
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(1, 240)
        self.minutes_spin.setValue(DEFAULT_ROUND_MINUTES)
        self.minutes_spin.setSuffix(_(" min"))
        self.start_button = QPushButton(icon("timer"), _("Start this round on the timer"))
        self.lists_button = QPushButton(_("Table &lists…"))
        self.lists_button.setToolTip(_("A page per round, and a poster per table and round, to print"))
        self.cards_button = QPushButton(_("Route &cards…"))
        self.cards_button.setToolTip(_("A card per participant: round 1 → table 2, round 2 → table 4…"))
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        self.empty_label = QLabel(_("Add the tables (name, theme, seats, a host who stays), then plan the rounds: "
                                    "everyone is seated to mix the stakeholder groups and meet new people."))
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(f"color: {theme.MUTED};")
        layout = QVBoxLayout(self)
        layout.addLayout(self._row(self.add_button, self.delete_button))
        layout.addWidget(self.view)
        layout.addWidget(self.present_check)  # each on a row of its own: one row is wider than a laptop's page
        layout.addLayout(self._row(self.rounds_spin, self.seed_spin, self.plan_button))
        layout.addWidget(self.quality_label)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.rounds_bar)
        layout.addWidget(scroll, 1)
        layout.addLayout(self._row(self.show_button, self.minutes_spin, self.start_button))
        layout.addLayout(self._row(self.lists_button, self.cards_button))

    @staticmethod
    def _row(*widgets: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch()
        return row

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.plan_button.clicked.connect(self._on_plan_button_clicked)
        self.model.edit_requested.connect(self._on_model_edit_requested, Qt.ConnectionType.QueuedConnection)
        self.rounds_bar.currentChanged.connect(lambda _i: self._show_round())
        self.show_button.clicked.connect(lambda: self.plan_shown.emit(self.plan_view()))
        self.start_button.clicked.connect(self._on_start_button_clicked)
        self.lists_button.clicked.connect(lambda: self._print("lists"))
        self.cards_button.clicked.connect(lambda: self._print("cards"))
        self._document.room_changed.connect(self._on_document_room_changed)
        self._document.participants_changed.connect(self.refresh)

    def _on_document_room_changed(self, sitting_id: int) -> None:
        if sitting_id == self.sitting_id:
            self.refresh()

    # Loading ---------------------------------------------------------------------------------------
    def set_sitting(self, sitting_id: int | None) -> None:
        self.sitting_id = sitting_id
        self.refresh()

    def refresh(self) -> None:
        if self.sitting_id is None:
            return
        people = self._document.participants()
        self._names = {p.id: p.full_name for p in people}
        choices: list[tuple[object, str]] = [("", _("(nobody)")), *sorted(
            ((p.id, p.full_name) for p in people), key=lambda choice: choice[1])]
        delegate = ChoiceDelegate(choices, self.view)
        self.view.setItemDelegateForColumn(Column.HOST, delegate)
        self.view.setItemDelegateForColumn(Column.RAPPORTEUR, delegate)
        self.model.set_tables(self._document.workspace.room_tables.tables(self.sitting_id), self._names)
        self.saved = self._document.workspace.room_tables.saved_plan(self.sitting_id)
        self._show_plan()

    def _show_plan(self) -> None:
        plan = self.saved.plan if self.saved else None
        rounds = len(plan.rounds) if plan else 0
        current = self.rounds_bar.currentIndex()
        while self.rounds_bar.count():
            self.rounds_bar.removeTab(0)
        for number in range(1, rounds + 1):
            self.rounds_bar.addTab(_("Round {number}").format(number=number))
        self.rounds_bar.setCurrentIndex(min(max(current, 0), rounds - 1))
        has_plan = rounds > 0
        for widget in (self.rounds_bar, self.show_button, self.start_button, self.minutes_spin, self.lists_button,
                       self.cards_button):
            widget.setVisible(has_plan)
        self.empty_label.setVisible(not has_plan)
        self._show_quality()
        self._show_round()

    def _show_quality(self) -> None:
        if self.saved is None or not self.saved.plan.rounds:
            self.quality_label.clear()
            return
        quality = self.saved.quality
        repeats = ngettext("{n} pair of people meets more than once", "{n} pairs of people meet more than once",
                           quality.repeated_pairs).format(n=quality.repeated_pairs)
        self.quality_label.setText(_("{repeats} · mix of stakeholder groups: {mix}").format(
            repeats=repeats, mix=percent(quality.mix)))

    def _show_round(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # now: deleteLater only acts once the event loop runs
                widget.deleteLater()
        index = self.rounds_bar.currentIndex()
        if self.saved is None or not 0 <= index < len(self.saved.plan.rounds):
            return
        seating = self.saved.plan.rounds[index]
        columns = max(1, min(4, math.ceil(math.sqrt(len(self.saved.tables)))))
        for position, table in enumerate(self.saved.tables):
            people = seating.get(table.id, ())
            box = QGroupBox(f"{self._table_title(table.name, table.theme)}  ({len(people)}/{table.capacity})")
            seats = SeatList(table.id)
            for person in sorted(people, key=lambda pid: self._names.get(pid, "")):
                seats.add_person(person, self._names.get(person, "?"), self.saved.fixed.get(person) == table.id)
            seats.person_dropped.connect(self._on_seats_person_dropped)
            seats.setMinimumHeight(seats.fontMetrics().height() * (len(people) + 1) + 12)  # no scrolling
            QVBoxLayout(box).addWidget(seats)
            self.grid.addWidget(box, position // columns, position % columns)

    @staticmethod
    def _table_title(name: str, theme_name: str) -> str:
        return f"{name} — {theme_name}" if theme_name else name

    def plan_view(self) -> PlanView | None:
        """The chosen round as the projector shows it."""
        index = self.rounds_bar.currentIndex()
        if self.saved is None or not 0 <= index < len(self.saved.plan.rounds):
            return None
        seating = self.saved.plan.rounds[index]
        tables = tuple(TableView(self._table_title(t.name, t.theme),
                                 tuple(sorted(self._names.get(p, "?") for p in seating.get(t.id, ()))))
                       for t in self.saved.tables)
        return PlanView(index + 1, len(self.saved.plan.rounds), tables)

    # Actions ---------------------------------------------------------------------------------------
    def _on_add_button_clicked(self) -> None:
        if self.sitting_id is None:
            return
        number = self.model.rowCount() + 1
        self._document.room.add_table(self.sitting_id, TableDraft(_("Table {number}").format(number=number)))

    def _on_delete_button_clicked(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows and prompts.confirm(self, _("Delete this table? People seated there will need a new plan. "
                                            "(Edit › Undo brings it back.)")):
            self._document.room.delete_table(self.model.table(rows[0].row()))

    def _on_model_edit_requested(self, table: RoomTable, draft: TableDraft) -> None:
        try:
            self._document.room.update_table(table, draft)
        except ValidationError as error:
            prompts.error(self, str(error))
            self.refresh()

    def _on_plan_button_clicked(self) -> None:
        if self.sitting_id is None:
            return
        try:
            self._document.room.plan(self.sitting_id, self.rounds_spin.value(), self.seed_spin.value() - 1,
                                     self.present_check.isChecked())
        except (TablePlanError, ValidationError) as error:
            prompts.error(self, str(error))

    def _on_seats_person_dropped(self, participant_id: int, table_id: int) -> None:
        if self.sitting_id is None:
            return
        number = self.rounds_bar.currentIndex() + 1
        try:
            self._document.room.move(self.sitting_id, number, participant_id, table_id)
        except (TablePlanError, ValidationError) as error:
            prompts.error(self, str(error))
            return
        self.plan_shown.emit(self.plan_view())

    def _on_start_button_clicked(self) -> None:
        if self.sitting_id is None or self.saved is None:
            return
        number = self.rounds_bar.currentIndex() + 1
        self._document.room.start_round(self.sitting_id, number, self.minutes_spin.value() * 60)
        self.round_started.emit(_("Round {number}").format(number=number), self.minutes_spin.value())

    def _print(self, kind: str) -> None:
        """The table lists or the route cards of the saved plan, as a Word document."""
        sitting_id = self.sitting_id
        if sitting_id is None or self.saved is None:
            return

        def write(workspace: "Workspace", out: Path, language: str) -> Path:
            from workshop_desk.services import documents

            exporter = documents.export_table_lists if kind == "lists" else documents.export_route_cards
            return exporter(workspace, sitting_id, out, language)

        title = self._document.agenda(sitting_id).sitting.title
        name = _("table lists — {title}") if kind == "lists" else _("route cards — {title}")
        write_document(self, self._document.workspace, _("Save the document"), name.format(title=title), write)
