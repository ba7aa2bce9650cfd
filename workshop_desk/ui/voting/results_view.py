"""The console's live result of a ballot: every count from every source, ties and disagreement marked, what the
Schulze count says beside Borda, the split by stakeholder group, and promotion to the sitting's priorities."""

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop_desk.domain.vote_methods import DEFAULT_METHOD
from workshop_desk.domain.voting import Ballot, RatingSettings, Result
from workshop_desk.i18n import _
from workshop_desk.ui import theme
from workshop_desk.ui.document import Document
from workshop_desk.ui.voting import texts
from workshop_desk.ui.voting.models import ID_ROLE, ResultModel
from workshop_desk.ui.widgets.form_status import FormStatus

EVERYONE = -1
NOTE_PAIRS = 2  # undecided pairs named under the table at most (its tooltip names them all)
TOP_DEFAULT = 3  # how many results are kept as priorities unless more options share the first place


class ResultsView(QWidget):
    """Recounted from the shared cache whenever the ballot changes; visible to the facilitator even while the
    room's screen still hides it."""

    promoted = Signal(int)  # how many options became priorities

    def __init__(self, document: Document) -> None:
        super().__init__()
        self._document = document
        self._commands = document.votes
        self.ballot: Ballot | None = None
        self.result: Result | None = None
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.heading = QLabel()
        self.heading.setFont(theme.heading_font(1.1))
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.counts.setStyleSheet(f"color: {theme.MUTED};")
        self.split_check = QCheckBox(_("By &group"))
        self.split_check.setToolTip(_("Count each stakeholder group apart"))
        self.group_combo = QComboBox()
        self.group_combo.setToolTip(_("The result of one stakeholder group"))
        self.model = ResultModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)  # notes escaped, the disagreement in bold
        self.top_spin = QSpinBox()
        prefix, _n, suffix = _("Top {n}").partition("{n}")
        self.top_spin.setPrefix(prefix)
        self.top_spin.setSuffix(suffix)
        self.top_spin.setToolTip(_("How many options, from the first, become priorities"))
        self.promote_button = QPushButton(_("&Promote to priorities"))
        self.promote_button.setToolTip(_("The first options of the result join the sitting's priorities in one step, "
                                         "with the method and scores as their justification"))
        self.status = FormStatus()
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.split_check)
        top.addWidget(self.group_combo)
        counts = QHBoxLayout()  # the button beside the counts: the notes below get the whole width
        counts.addWidget(self.counts, 1)
        counts.addWidget(self.top_spin)
        counts.addWidget(self.promote_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(counts)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes)
        layout.addWidget(self.status)

    def _connect_signals(self) -> None:
        self.group_combo.activated.connect(lambda _i: self.refresh())
        self.split_check.toggled.connect(lambda _c: self.refresh())
        self.promote_button.clicked.connect(self._on_promote_button_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)

    def set_ballot(self, ballot: Ballot | None) -> None:
        another = ballot is None or self.ballot is None or ballot.id != self.ballot.id
        if another:
            self.group_combo.setCurrentIndex(0)
        self.ballot = ballot
        self.refresh()
        if another:
            self._propose_top()

    def _propose_top(self) -> None:
        """Three, or every option that shares the first place when more do; never more than there are."""
        rows = len(self.result.rows) if self.result else 0
        winners = len(self.result.winners) if self.result else 0
        self.top_spin.setValue(min(rows, max(TOP_DEFAULT, winners)))

    def refresh(self) -> None:
        """Recount (from the cache) and show."""
        ballot = self.ballot
        everyone = self._commands.result(ballot.id) if ballot else None
        grouped = everyone if everyone and everyone.groups else None  # a grid is always split by group
        if grouped is None and ballot is not None and self.split_check.isChecked():
            grouped = self._commands.result(ballot.id, by_group=True)  # counted again only when asked
        self.split_check.setVisible(not (everyone and everyone.groups) or self.split_check.isChecked())
        self._fill_groups(grouped)
        group = self.group_combo.currentData()
        split = {g.group_id: g.result for g in grouped.groups} if grouped else {}
        self.result = split.get(group, everyone) if group != EVERYONE else everyone
        high = ballot.settings.high if ballot and isinstance(ballot.settings, RatingSettings) else 5
        self.model.set_result(self.result, ballot.method if ballot else DEFAULT_METHOD, high)
        rows = len(self.result.rows) if self.result else 0
        self.top_spin.setRange(min(1, rows), rows)
        self._show_texts(ballot, everyone)

    def _fill_groups(self, result: Result | None) -> None:
        """'Everyone', then each group that voted (the choice kept when it still applies)."""
        wanted = self.group_combo.currentData()
        names = {g.id: g.name for g in self._document.groups()}
        groups = [g.group_id for g in result.groups] if result else []
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        self.group_combo.addItem(_("Everyone"), EVERYONE)
        for group_id in groups:
            self.group_combo.addItem(names.get(group_id or -1, _("(no group)")), group_id)
        self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(wanted)))
        self.group_combo.setVisible(len(groups) > 1)
        self.group_combo.blockSignals(False)

    def _show_texts(self, ballot: Ballot | None, everyone: Result | None) -> None:
        if ballot is None:
            self.heading.setText(_("No ballot"))
            self.counts.clear()
            self.notes.clear()
            self.promote_button.setEnabled(False)
            self.top_spin.setEnabled(False)
            return
        self.heading.setText(ballot.title)
        sources = everyone.sources if everyone else ()
        shown = _("shown to the room") if ballot.revealed else _("hidden from the room")
        lines = [texts.heading_line(ballot.method, ballot.status, sum(s.ballots for s in sources),
                                    sum(s.tallied for s in sources)) + " · " + shown]
        self.counts.setText(" ".join(lines))
        notes = [html.escape(note) for note in self._notes(everyone, NOTE_PAIRS)]
        if everyone is not None and everyone.winners_differ:
            notes[1] = f"<b style='color:{theme.WARNING}'>{notes[1]}</b>"
        self.notes.setText("<br>".join(note for note in notes[:3] if note))
        self.notes.setToolTip("\n".join(note for note in self._notes(everyone) if note))
        self.promote_button.setEnabled(bool(everyone and everyone.sources))
        self.top_spin.setEnabled(self.promote_button.isEnabled())

    @staticmethod
    def _notes(result: Result | None, most: int | None = None) -> list[str]:
        """Ties, the Schulze winners, the pairs Schulze leaves undecided, those it still orders in a shared rank
        (`most` pairs named of each). The label shows the first three, a few pairs; its tooltip all four, every pair;
        each row's remarks say what concerns it."""
        if result is None:
            return []
        return [texts.ties_note(result), texts.schulze_note(result), *texts.undecided_notes(result, most)]

    def selected_options(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.index(row, 0).data(ID_ROLE) for row in rows]

    def _on_table_current_row_changed(self, current: object, _previous: object) -> None:
        if self.ballot is not None:
            options = self.selected_options()
            self._commands.set_focus(self.ballot.id, options[0] if options else None)

    def _on_promote_button_clicked(self) -> None:
        """The first N rows of the result shown (not the row that happens to be current)."""
        if self.ballot is None or self.result is None:
            return
        chosen = [row.option_id for row in self.result.rows[:self.top_spin.value()]]
        added = self._document.plan.promote(self.ballot.id, chosen)
        if added:
            self.status.clear_error()
        else:
            self.status.show_error(_("These options are already among the sitting's priorities."))
        self.promoted.emit(len(added))
