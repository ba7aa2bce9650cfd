"""The review of people before they join the registry — a spreadsheet's rows or a package's walk-ins: the cases
the check found, a choice for each, 'merge all' and 'skip all'."""

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop_desk.domain.importing_plan import Choice, Decisions, ImportPlan, PlannedRow, RowKind
from workshop_desk.i18n import _, labelled, ngettext, number
from workshop_desk.ui.models.import_rows_model import ChoiceDelegate, ReviewModel

ROW_HEIGHT = 24


def table_view(model: object) -> QTableView:
    """A read-mostly table with fixed row heights, so 10,000 rows paint as fast as 10."""
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    view.setWordWrap(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class CaseReview(QWidget):
    """The counts, a filter (the rows to look at, or all), the rows with their choices. `no_skip` (the sentence
    saying why) takes 'Skip' away: a package's people come with their sign-ins and votes."""

    def __init__(self, no_skip: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan: ImportPlan | None = None
        self.decisions = Decisions()
        self._remarks: dict[int, str] = {}
        self._setup_ui(no_skip)
        self._connect_signals()

    def _setup_ui(self, no_skip: str) -> None:
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.filter_combo = QComboBox()
        self.merge_all_button = QPushButton(_("&Merge all"))
        self.merge_all_button.setToolTip(_("Merge every person who is repeated or already in the registry"))
        self.skip_all_button = QPushButton(_("S&kip all"))
        self.skip_all_button.setToolTip(no_skip or _("Skip every row listed here"))
        self.skip_all_button.setVisible(not no_skip)
        self.model = ReviewModel(self.decisions, no_skip)
        self.view = table_view(self.model)
        self.view.setItemDelegateForColumn(ReviewModel.CHOICE_COLUMN, ChoiceDelegate(self.view))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        tools = QHBoxLayout()
        tools.addWidget(QLabel(_("Show:")))
        tools.addWidget(self.filter_combo)
        tools.addStretch(1)
        tools.addWidget(self.merge_all_button)
        tools.addWidget(self.skip_all_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.counts)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)

    def _connect_signals(self) -> None:
        self.filter_combo.currentIndexChanged.connect(self._on_filter_combo_changed)
        self.merge_all_button.clicked.connect(lambda: self._choose_all(Choice.MERGE))
        self.skip_all_button.clicked.connect(lambda: self._choose_all(Choice.SKIP))

    def show_plan(self, plan: ImportPlan, decisions: Decisions, remarks: dict[int, str] | None = None) -> None:
        """Show `plan`'s rows, the rows to look at first; choices go into `decisions`."""
        self.plan, self.decisions, self._remarks = plan, decisions, remarks or {}
        self.counts.setText(_counts_text(plan))
        cases = len(self._to_look_at(plan))
        self.filter_combo.blockSignals(True)
        self.filter_combo.clear()
        self.filter_combo.addItem(_("Rows to look at ({n})").format(n=f"{cases:,}"))
        self.filter_combo.addItem(_("All rows ({n})").format(n=f"{len(plan.rows):,}"))
        self.filter_combo.setCurrentIndex(0 if cases else 1)
        self.filter_combo.blockSignals(False)
        self._on_filter_combo_changed()

    def _on_filter_combo_changed(self) -> None:
        plan = self.plan
        if plan is None:
            return
        rows = self._to_look_at(plan) if self.filter_combo.currentIndex() == 0 else list(plan.rows)
        self.model.set_rows(rows, self.decisions, self._remarks)
        self.view.resizeColumnsToContents()
        for column, width in ((2, 220), (3, 200), (4, 220), (5, 320)):
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), width))
        has_cases = any(r.kind in (RowKind.DUPLICATE, RowKind.EXISTING) for r in rows)
        self.merge_all_button.setEnabled(has_cases)
        self.skip_all_button.setEnabled(bool(plan.cases()))

    def _to_look_at(self, plan: ImportPlan) -> list[PlannedRow]:
        """The cases the check found, and the rows whose line reading the file found something on."""
        return [row for row in plan.rows if row.kind != RowKind.OK or row.line in self._remarks]

    def _choose_all(self, choice: Choice) -> None:
        if self.plan is not None:
            self.decisions.set_all(self.plan.rows, choice)
            self.model.refresh_choices()


def _counts_text(plan: ImportPlan) -> str:
    """'120 rows: 100 ready, 12 repeated…' (only the kinds present)."""
    parts = [f"{number(plan.count(kind), decimals=0)} {label}" for kind, label in (
        (RowKind.OK, _("ready")), (RowKind.EXISTING, _("already in the registry")), (RowKind.DUPLICATE, _("repeated")),
        (RowKind.BAD_EMAIL, _("with an invalid e-mail")), (RowKind.INVALID, _("cannot be imported")))
        if plan.count(kind)]
    total = ngettext("{n} row", "{n} rows", len(plan.rows)).format(n=number(len(plan.rows), decimals=0))
    return labelled(total, ", ".join(parts)) + "." if parts else total
