"""Counts read off a paper board (dots per option, hands, people per stance), typed fast from the keyboard:
digits only, Enter or Tab goes down to the next option, each count saved as soon as it is entered."""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIntValidator, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop_desk.domain.enums import BallotStatus, Source, label
from workshop_desk.domain.validation import ValidationError
from workshop_desk.domain.vote_methods import method_spec
from workshop_desk.domain.voting import Ballot
from workshop_desk.i18n import _
from workshop_desk.ui import theme
from workshop_desk.ui.document import Document
from workshop_desk.ui.voting import texts
from workshop_desk.ui.voting.models import MAX_TALLY, TallyModel, tally_axes
from workshop_desk.ui.widgets.form_status import FormStatus

Index = QModelIndex | QPersistentModelIndex
Hint = QAbstractItemDelegate.EndEditHint
BOARDS = (Source.PAPER, Source.SHOW_OF_HANDS)


class _DigitsDelegate(QStyledItemDelegate):
    """A count is typed as digits only."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setValidator(QIntValidator(0, MAX_TALLY, editor))
        editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setText(str(value) if value else "")


class TallyTable(QTableView):
    """Typing a digit starts the count; Enter and Tab save it and go down (a board is read down a column);
    Shift+Tab goes up; Delete clears a count."""

    def __init__(self) -> None:
        super().__init__()
        self.setItemDelegate(_DigitsDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def fit_columns(self) -> None:
        """The options' labels take the room left by the counts (again after each change of columns)."""
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if header.count():
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def closeEditor(self, editor: QWidget, hint: Hint) -> None:
        super().closeEditor(editor, Hint.NoHint)
        if hint in (Hint.EditNextItem, Hint.SubmitModelCache):
            self.step(+1)
        elif hint == Hint.EditPreviousItem:
            self.step(-1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() == QAbstractItemView.State.EditingState:
            return  # the editor's Enter reaches the table too; the editor's closing (queued) moves down
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
            self.step(+1)
        elif key == Qt.Key.Key_Backtab:
            self.step(-1)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentIndex().isValid():
            self.model().setData(self.currentIndex(), 0, Qt.ItemDataRole.EditRole)
        else:
            super().keyPressEvent(event)

    def step(self, rows: int) -> None:
        """Go `rows` down (or up) in the same column, staying on the table."""
        current = self.currentIndex()
        target = self.model().index(current.row() + rows, current.column()) if current.isValid() else \
            self.model().index(0, 1)
        if target.isValid():
            self.setCurrentIndex(target)

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab stays in the table (it moves down), as on a paper board."""
        return False


class TallyEntry(QWidget):
    """The counts of one board (a source, and optionally one stakeholder group) for the chosen ballot."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self._document = document
        self._commands = document.votes
        self.ballot: Ballot | None = None
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.source_combo = QComboBox()
        for source in BOARDS:
            self.source_combo.addItem(label(source), str(source))
        self.group_combo = QComboBox()
        self.model = TallyModel()
        self.table = TallyTable()
        self.table.setModel(self.model)
        self.hint = QLabel(_("Type each count and press Enter: it is saved at once and the next option comes up."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {theme.MUTED};")
        self.status = FormStatus()
        board = QHBoxLayout()
        board.addWidget(QLabel(_("Board:")))
        board.addWidget(self.source_combo)
        board.addWidget(QLabel(_("Group:")))
        board.addWidget(self.group_combo, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(board)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.hint)

    def _connect_signals(self) -> None:
        self.model.amount_entered.connect(self._on_model_amount_entered)
        self.source_combo.activated.connect(lambda _i: self.reload())
        self.group_combo.activated.connect(lambda _i: self.reload())

    def set_ballot(self, ballot: Ballot | None) -> None:
        """Show this ballot's board (after a count of ours is saved, only the totals and the state change)."""
        changed = ballot is None or self.ballot is None or ballot.id != self.ballot.id or \
            ballot.options != self.ballot.options
        self.ballot = ballot
        if changed:
            self._fill_groups()
            self.status.clear_error()
            if ballot is not None:
                self.source_combo.setCurrentIndex(BOARDS.index(method_spec(ballot.method).tally_source))
            self.reload()
        else:
            self._enable()
            self.refresh_totals()

    def _enable(self) -> bool:
        """Counts are entered while the ballot is open; False when this ballot takes no counts at all."""
        ballot = self.ballot
        usable = ballot is not None and method_spec(ballot.method).tallied
        open_ = ballot is not None and ballot.status == BallotStatus.OPEN
        self.table.setEnabled(usable and open_)
        if not usable:
            self.hint.setText(_("This kind of ballot needs one ballot per voter: use the ballot form or import a "
                                "spreadsheet."))
        elif not open_:
            self.hint.setText(_("Voting is not open: open it (or reopen it) to enter counts."))
        else:
            self.hint.setText(_("Type each count and press Enter: it is saved at once and the next option comes up."))
        return usable

    def _fill_groups(self) -> None:
        self.group_combo.clear()
        self.group_combo.addItem(_("The whole room"), None)
        for group in self._document.groups():
            self.group_combo.addItem(group.name, group.id)

    def board(self) -> tuple[Source, int | None]:
        return Source(self.source_combo.currentData()), self.group_combo.currentData()

    def reload(self) -> None:
        """The board's saved counts, and the totals from every source."""
        ballot = self.ballot
        if ballot is None or not self._enable():
            self.model.set_board([], [], {})
            return
        source, group_id = self.board()
        amounts = {(t.option_id, t.axis): t.amount for t in self._commands.votes(ballot.id).tallies
                   if t.source == source and t.group_id == group_id}
        self.model.set_board(ballot.options, tally_axes(ballot), amounts)
        self.table.fit_columns()
        self.refresh_totals()
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 1))

    def refresh_totals(self) -> None:
        if self.ballot is None:
            return
        result = self._commands.result(self.ballot.id)
        if result is not None:
            self.model.set_totals({row.option_id: texts.number(row.score) for row in result.rows})

    def _on_model_amount_entered(self, option_id: int, axis: str, amount: int) -> None:
        if self.ballot is None:
            return
        source, group_id = self.board()
        try:
            self._commands.set_tallies(self.ballot, {option_id: amount}, source, axis, group_id)
        except ValidationError as error:
            self.status.show_error(str(error))
            self.reload()
            return
        self.status.clear_error()
