"""One voter's ballot typed in at the console (an anonymous number or a participant, with a stakeholder group),
and ballots imported from a spreadsheet, one row per voter."""

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workshop_desk.domain.enums import BallotStatus, Source
from workshop_desk.domain.validation import ValidationError
from workshop_desk.domain.voting import Ballot, BallotPaper
from workshop_desk.domain.voting_sheet import summary_lines
from workshop_desk.i18n import _
from workshop_desk.ui import prompts, theme
from workshop_desk.ui.document import Document
from workshop_desk.ui.tasks import run_in_background
from workshop_desk.ui.translation import key_text
from workshop_desk.ui.voting.mark_editors import MarkEditor, summary_style
from workshop_desk.ui.voting.method_views import editor_for
from workshop_desk.ui.widgets.form_status import FormStatus


class BallotForm(QWidget):
    """Ctrl+S (or Alt+R) records the ballot; the next voter number comes up, ready for the next paper.
    (Ctrl+Enter would be handier, but it starts the run.)"""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self._document = document
        self._commands = document.votes
        self.ballot: Ballot | None = None
        self.editor: MarkEditor | None = None
        self._groups: dict[int, int | None] = {}  # participant id → their group
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.voter_edit = QLineEdit()
        self.voter_edit.setPlaceholderText(_("an anonymous number"))
        self.participant_combo = QComboBox()
        self.participant_combo.setEditable(True)
        self.participant_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.group_combo = QComboBox()
        self.editor_area = QScrollArea()
        self.editor_area.setWidgetResizable(True)
        self.summary = QLabel()
        self.record_button = QPushButton(_("&Record the ballot"))
        self.record_button.setToolTip(key_text("Ctrl+S"))
        self.clear_button = QPushButton(_("Clear"))
        self.import_button = QPushButton(_("&Import ballots…"))
        self.import_button.setToolTip(_("A spreadsheet (.xlsx or .csv) with one row per voter and one column per "
                                        "option, headed with the options' labels"))
        self.status = FormStatus()
        self.done_label = QLabel()
        self.done_label.setStyleSheet(f"color: {theme.OK};")
        who = QFormLayout()
        who.addRow(_("&Voter"), self.voter_edit)
        who.addRow(_("&Participant"), self.participant_combo)
        who.addRow(_("&Group"), self.group_combo)
        buttons = QHBoxLayout()
        for button in (self.record_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(who)
        layout.addWidget(self.editor_area, 1)
        for part in (self.summary, self.status, self.done_label):
            layout.addWidget(part)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.record_button.clicked.connect(self.record)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.participant_combo.activated.connect(self._on_participant_combo_activated)
        QShortcut(QKeySequence("Ctrl+S"), self, self.record, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def set_ballot(self, ballot: Ballot | None) -> None:
        """Show the editors of this ballot (rebuilt only when the ballot or its options change)."""
        same = ballot is not None and self.ballot is not None and ballot.id == self.ballot.id and \
            ballot.options == self.ballot.options and ballot.criteria == self.ballot.criteria and \
            ballot.settings == self.ballot.settings
        self.ballot = ballot
        if not same:
            self._fill_people()
            self.editor = editor_for(ballot) if ballot is not None else None
            if self.editor is not None:
                self.editor.changed.connect(self._show_summary)
            self.editor_area.setWidget(self.editor or QLabel(_("Choose or create a ballot.")))
            self.status.clear_error()
            self.done_label.clear()
            self._next_voter()
        open_ = ballot is not None and ballot.status == BallotStatus.OPEN
        for widget in (self.record_button, self.import_button, self.editor_area):
            widget.setEnabled(open_)
        self._show_summary()

    def _fill_people(self) -> None:
        people = self._document.participants()
        self._groups = {p.id: p.group_id for p in people}
        self.participant_combo.clear()
        self.participant_combo.addItem(_("(anonymous)"), None)
        for person in sorted(people, key=lambda p: (p.last_name.lower(), p.first_name.lower())):
            self.participant_combo.addItem(f"{person.full_name} — {person.organisation}".strip(" —"), person.id)
        completer = QCompleter(self.participant_combo.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.participant_combo.setCompleter(completer)
        self.group_combo.clear()
        self.group_combo.addItem(_("(no group)"), None)
        for group in self._document.groups():
            self.group_combo.addItem(group.name, group.id)

    def _next_voter(self) -> None:
        self.participant_combo.setCurrentIndex(0)
        self.voter_edit.setEnabled(True)
        self.voter_edit.setText(self._commands.next_voter(self.ballot.id) if self.ballot else "")

    def _on_participant_combo_activated(self, _index: int) -> None:
        """A named voter: their key replaces the number, and their group is the default."""
        person = self.participant_combo.currentData()
        self.voter_edit.setEnabled(person is None)
        if person is None:
            self._next_voter()
            return
        self.voter_edit.clear()
        self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(self._groups.get(person))))

    def _show_summary(self) -> None:
        text, over = self.editor.summary() if self.editor else ("", False)
        self.summary.setText(text)
        self.summary.setStyleSheet(summary_style(over))

    def paper(self) -> BallotPaper:
        assert self.editor is not None
        return BallotPaper(self.voter_edit.text().strip(), self.editor.marks(), self.group_combo.currentData(),
                           Source.CONSOLE, self.participant_combo.currentData())

    def record(self) -> None:
        """Save the ballot (it replaces that voter's earlier one), then get ready for the next paper."""
        if self.ballot is None or self.editor is None:
            return
        try:
            recorded = self._commands.cast(self.ballot, self.paper())
        except ValidationError as error:
            self.status.show_error(str(error))
            return
        self.status.clear_error()
        self.done_label.setText(_("Ballot of {voter} recorded.").format(voter=recorded.voter))
        self.editor.clear()
        self.group_combo.setCurrentIndex(0)
        self._next_voter()
        first = self.editor.spins[0] if self.editor.spins else None
        if first is not None:
            first.setFocus()
            first.selectAll()

    def _refused(self, error: Exception) -> None:
        prompts.error(self, _("Nothing was imported. {reason}").format(reason=error))

    def _on_clear_button_clicked(self) -> None:
        if self.editor is not None:
            self.editor.clear()

    def _on_import_button_clicked(self) -> None:
        if self.ballot is None:
            return
        path = prompts.open_spreadsheet(self)
        if path is not None:
            self.import_file(path)

    def import_file(self, path: Path) -> None:
        """Read the file off the GUI thread; every ballot is recorded, or none."""
        ballot = self.ballot
        assert ballot is not None
        from workshop_desk.services.voting_import import read_sheet

        run_in_background(self, _("Importing {name}…").format(name=path.name), lambda: read_sheet(path),
                          lambda rows: self._record(ballot, rows, path.name), self._refused)

    def _record(self, ballot: Ballot, rows: list[Sequence[object]], name: str) -> None:
        """Back on the GUI thread: the ballots go through the command layer, all or none."""
        try:
            reading = self._commands.import_rows(ballot, rows, name)
        except ValidationError as error:
            self._refused(error)
            return
        if self.ballot is not None and self.ballot.id == ballot.id:
            self._next_voter()
        prompts.info(self, "\n".join(summary_lines(reading)))
