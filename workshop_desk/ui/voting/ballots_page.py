"""A sitting's Votes tab: its ballots, their controls (open, close, reveal, shuffle, clear), the entry of votes
(a paper board's counts, or ballot by ballot, or a spreadsheet), and the live result beside them."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop_desk.domain.enums import BallotStatus, ProjectorMode
from workshop_desk.domain.validation import ValidationError
from workshop_desk.domain.vote_methods import method_spec
from workshop_desk.domain.voting import Ballot
from workshop_desk.i18n import _
from workshop_desk.ui import prompts, theme
from workshop_desk.ui.commands.votes import BallotDraft, ShowRequest
from workshop_desk.ui.document import Document
from workshop_desk.ui.projector import registry
from workshop_desk.ui.voting.ballot_dialog import BallotDialog, board_sources
from workshop_desk.ui.voting.ballot_form import BallotForm
from workshop_desk.ui.voting.models import BallotsModel
from workshop_desk.ui.voting.results_view import ResultsView
from workshop_desk.ui.voting.tally_entry import TallyEntry

WIDE = 1000  # pixels from which the entry and the result sit side by side


class BallotsPage(QWidget):
    """Everything shown is saved: each vote is saved as it is entered, and the projector follows at once."""

    TALLY_TAB, FORM_TAB = 0, 1

    def __init__(self, document: Document) -> None:
        super().__init__()
        self._document = document
        self._commands = document.votes
        self.sitting_id: int | None = None
        self.ballot: Ballot | None = None
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.model = BallotsModel()
        self.ballot_combo = QComboBox()
        self.ballot_combo.setModel(self.model)
        self.new_button = QPushButton(_("&New ballot…"))
        # Less frequent than the controls below, and with long names in French: in a menu, to leave room.
        self.edit_action, self.delete_action = QAction(_("&Edit…"), self), QAction(_("&Delete…"), self)
        self.clear_action = QAction(_("&Clear the votes…"), self)
        self.more_button = QToolButton()
        self.more_button.setText(_("Ballot ▾"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.more_button)
        for action in (self.edit_action, self.delete_action, self.clear_action):
            menu.addAction(action)
        self.more_button.setMenu(menu)
        self.open_button, self.reveal_button = QPushButton(_("&Open voting")), QPushButton(_("Re&veal results"))
        self.shuffle_check = QCheckBox(_("Random order"))
        self.shuffle_check.setToolTip(_("Show the options in a random order on the projector"))
        self.show_button = QPushButton(_("Show ({keys})").format(keys=registry.key_of(ProjectorMode.RESULTS)))
        self.show_button.setToolTip(_("Show this ballot on the projector"))
        self.empty = QLabel(_("No ballot in this sitting yet. Create one: a dot vote, a ranking, a grid…"))
        self.empty.setStyleSheet(f"color: {theme.MUTED};")
        self.tally = TallyEntry(self._document)
        self.form = BallotForm(self._document)
        self.entry_tabs = QTabWidget()
        self.entry_tabs.addTab(self.tally, _("Paper &tally"))
        self.entry_tabs.addTab(self.form, _("&Ballot by ballot"))
        self.results = ResultsView(self._document)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.entry_tabs)
        self.splitter.addWidget(self.results)
        self.splitter.setStretchFactor(0, 3)  # a grid ballot needs room; the result scrolls
        self.splitter.setStretchFactor(1, 2)
        choose = QHBoxLayout()
        choose.addWidget(QLabel(_("Ballot:")))
        choose.addWidget(self.ballot_combo, 1)
        choose.addWidget(self.new_button)
        choose.addWidget(self.more_button)
        controls = QHBoxLayout()
        for widget in (self.open_button, self.reveal_button, self.shuffle_check, self.show_button):
            controls.addWidget(widget)
        controls.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addLayout(controls)
        layout.addWidget(self.empty)
        layout.addWidget(self.splitter, 1)

    def _connect_signals(self) -> None:
        self.ballot_combo.activated.connect(self._on_ballot_combo_activated)
        self.new_button.clicked.connect(self.new_ballot)
        self.edit_action.triggered.connect(self.edit_ballot)
        self.delete_action.triggered.connect(self._on_delete_action_triggered)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.reveal_button.clicked.connect(self._on_reveal_button_clicked)
        self.shuffle_check.clicked.connect(self._on_shuffle_check_clicked)
        self.show_button.clicked.connect(self.show_on_projector)
        self.clear_action.triggered.connect(self._on_clear_action_triggered)
        self._document.ballots_changed.connect(self._on_document_ballots_changed)

    # Showing -------------------------------------------------------------------------------------------------
    def set_sitting(self, sitting_id: int | None) -> None:
        self.sitting_id = sitting_id
        self.ballot = None
        self.reload()

    def reload(self) -> None:
        """The sitting's ballots, the chosen one kept (else the one last chosen here, else the latest)."""
        ballots = self._commands.for_sitting(self.sitting_id) if self.sitting_id is not None else []
        self.model.set_ballots(ballots)
        wanted = self.ballot.id if self.ballot else self._commands.selected.get(self.sitting_id or -1)
        row = self.model.row_of(wanted) if wanted is not None else -1
        row = row if row >= 0 else len(ballots) - 1
        self.ballot_combo.setCurrentIndex(row)
        self._show(ballots[row] if row >= 0 else None)

    def select(self, ballot_id: int) -> None:
        row = self.model.row_of(ballot_id)
        if row >= 0:
            self.ballot_combo.setCurrentIndex(row)
            self._show(self.model.ballot(row))

    def _show(self, ballot: Ballot | None) -> None:
        switched = ballot is None or self.ballot is None or ballot.id != self.ballot.id
        self.ballot = ballot
        if ballot is not None and self.sitting_id is not None:
            self._commands.selected[self.sitting_id] = ballot.id
        tallied = ballot is not None and method_spec(ballot.method).tallied
        if switched and ballot is not None:
            self.entry_tabs.setCurrentIndex(self.TALLY_TAB if tallied else self.FORM_TAB)
        self.entry_tabs.setTabEnabled(self.TALLY_TAB, tallied)
        self.tally.set_ballot(ballot)
        self.form.set_ballot(ballot)
        self.results.set_ballot(ballot)
        self._show_controls(ballot)

    def _show_controls(self, ballot: Ballot | None) -> None:
        has = ballot is not None
        self.empty.setVisible(not has and self.sitting_id is not None)
        self.splitter.setVisible(has)
        for widget in (self.more_button, self.open_button, self.reveal_button, self.shuffle_check, self.show_button):
            widget.setEnabled(has)
        if ballot is None:
            return
        self.open_button.setText(_("Close &voting") if ballot.status == BallotStatus.OPEN else
                                 _("Re&open voting") if ballot.status == BallotStatus.CLOSED else _("&Open voting"))
        self.reveal_button.setText(_("Hide &results") if ballot.revealed else _("Re&veal results"))
        self.shuffle_check.setChecked(ballot.shuffled)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Entry and result side by side on a wide console, one above the other on a laptop beside the dock."""
        super().resizeEvent(event)
        wide = self.width() >= WIDE
        self.splitter.setOrientation(Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical)

    def _on_ballot_combo_activated(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self._show(self.model.ballot(row))

    def _on_document_ballots_changed(self, sitting_id: int) -> None:
        if sitting_id == self.sitting_id:
            self.reload()

    # Ballots -------------------------------------------------------------------------------------------------
    def new_ballot(self) -> None:
        if self.sitting_id is None:
            return
        sitting_id = self.sitting_id
        created: list[Ballot] = []

        def save(draft: BallotDraft) -> None:
            created.append(self._commands.create(sitting_id, draft))

        BallotDialog(None, board_sources(self._document.workspace, sitting_id), False, save, self).exec()
        if created:
            self.select(created[0].id)

    def edit_ballot(self) -> None:
        ballot = self.ballot
        if ballot is None:
            return
        votes = self._commands.votes(ballot.id)
        BallotDialog(ballot, board_sources(self._document.workspace, ballot.sitting_id),
                     bool(votes.papers or votes.tallies), lambda draft: self._commands.update(ballot, draft),
                     self).exec()

    def _on_delete_action_triggered(self) -> None:
        if self.ballot is not None and prompts.confirm(self, _("Delete the ballot “{title}” and all its votes? "
                                                             "(Edit › Undo brings it back.)").format(
                                                               title=self.ballot.title)):
            ballot, self.ballot = self.ballot, None
            self._commands.delete(ballot)

    # Controls ------------------------------------------------------------------------------------------------
    def _on_open_button_clicked(self) -> None:
        ballot = self.ballot
        if ballot is None:
            return
        try:
            self._commands.close(ballot) if ballot.status == BallotStatus.OPEN else self._commands.open(ballot)
        except ValidationError as error:
            prompts.error(self, str(error))

    def _on_reveal_button_clicked(self) -> None:
        if self.ballot is not None:
            self._commands.reveal(self.ballot, not self.ballot.revealed)

    def _on_shuffle_check_clicked(self, checked: bool) -> None:
        if self.ballot is not None:
            self._commands.shuffle(self.ballot, checked)

    def show_on_projector(self) -> None:
        if self.ballot is not None:
            self._commands.show(ShowRequest(ProjectorMode.RESULTS, self.ballot.id, self.ballot.sitting_id))

    def _on_clear_action_triggered(self) -> None:
        ballot = self.ballot
        if ballot is None or not prompts.confirm(self, _("Clear every vote of “{title}”, from every source? This "
                                                         "cannot be undone.").format(title=ballot.title)):
            return
        self._commands.clear_votes(ballot)
        self.tally.reload()
