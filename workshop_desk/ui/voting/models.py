"""Qt models of a sitting's ballots, of a paper board's counts, and of a ballot's result."""

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from workshop_desk.domain.consent import ConsentOutcome, outcome_label, stance_label
from workshop_desk.domain.counting_grid import Quadrant, quadrant_label
from workshop_desk.domain.enums import BallotMethod
from workshop_desk.domain.vote_methods import DEFAULT_METHOD, method_label, tally_columns
from workshop_desk.domain.voting import Ballot, Option, Result, ResultRow, status_label
from workshop_desk.i18n import _, labelled, percent
from workshop_desk.ui import theme
from workshop_desk.ui.voting import texts
from workshop_desk.ui.voting.method_views import score_text

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_TALLY = 99_999
Display, Edit = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole


class BallotsModel(QAbstractListModel):
    """A sitting's ballots: title, method and where each stands."""

    def __init__(self) -> None:
        super().__init__()
        self._ballots: list[Ballot] = []

    def set_ballots(self, ballots: Sequence[Ballot]) -> None:
        self.beginResetModel()
        self._ballots = list(ballots)
        self.endResetModel()

    def ballot(self, row: int) -> Ballot:
        return self._ballots[row]

    def row_of(self, ballot_id: int) -> int:
        return next((row for row, b in enumerate(self._ballots) if b.id == ballot_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ballots)

    def data(self, index: Index, role: int = Display) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ballots):
            return None
        ballot = self._ballots[index.row()]
        if role == Display:
            shown = " · " + _("revealed") if ballot.revealed else ""
            return f"{ballot.title} — {method_label(ballot.method)} · {status_label(ballot.status)}{shown}"
        if role == ID_ROLE:
            return ballot.id
        return None


def tally_axes(ballot: Ballot) -> list[tuple[str, str]]:
    """The kinds of count a board holds for this ballot: (axis, column heading)."""
    return [(column.axis, _(column.heading)) for column in tally_columns(ballot.method, ballot.settings)]


class TallyModel(QAbstractTableModel):
    """One row per option, one editable column per kind of count, and the total from every source."""

    amount_entered = Signal(int, str, int)  # option id, axis, amount

    def __init__(self) -> None:
        super().__init__()
        self._options: list[Option] = []
        self._axes: list[tuple[str, str]] = []
        self._amounts: dict[tuple[int, str], int] = {}
        self._totals: dict[int, str] = {}

    def set_board(self, options: Sequence[Option], axes: Sequence[tuple[str, str]],
                  amounts: Mapping[tuple[int, str], float]) -> None:
        self.beginResetModel()
        self._options, self._axes = list(options), list(axes)
        self._amounts = {key: round(value) for key, value in amounts.items()}
        self.endResetModel()

    def set_totals(self, totals: Mapping[int, str]) -> None:
        """The result's score of each option, every source together (read only)."""
        self._totals = dict(totals)
        if self._options:
            column = len(self._axes) + 1
            self.dataChanged.emit(self.index(0, column), self.index(len(self._options) - 1, column), [Display])

    def amount(self, option_id: int, axis: str = "") -> int:
        return self._amounts.get((option_id, axis), 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._options)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._axes) + 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Display) -> Any:
        if role != Display:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        titles = [_("Option"), *(title for _axis, title in self._axes), _("All sources")]
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if self._axis(index) is not None else base

    def _axis(self, index: Index) -> str | None:
        column = index.column() - 1
        return self._axes[column][0] if index.isValid() and 0 <= column < len(self._axes) else None

    def data(self, index: Index, role: int = Display) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._options):
            return None
        option, axis = self._options[index.row()], self._axis(index)
        if role == ID_ROLE:
            return option.id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column():
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Display, Edit):
            return None
        if index.column() == 0:
            return option.label
        if axis is not None:
            value = self.amount(option.id, axis)
            return value if role == Edit else (str(value) if value else "")
        return self._totals.get(option.id, "")

    def setData(self, index: Index, value: Any, role: int = Edit) -> bool:
        axis = self._axis(index)
        try:
            amount = int(str(value).strip() or 0)
        except ValueError:
            return False
        if axis is None or role != Edit or not 0 <= amount <= MAX_TALLY:
            return False
        option = self._options[index.row()]
        if amount != self.amount(option.id, axis):
            self._amounts[option.id, axis] = amount
            self.dataChanged.emit(index, index, [Display, Edit])
            self.amount_entered.emit(option.id, axis, amount)
        return True


class ResultModel(QAbstractTableModel):
    """A ballot's result: rank (= when shared), option, score, the method's own columns, provenance, remarks."""

    def __init__(self) -> None:
        super().__init__()
        self._result: Result | None = None
        self._method = DEFAULT_METHOD
        self._high = 5
        self._winners: set[int] = set()
        self._schulze: dict[int, str] = {}  # each row's Schulze remark, worked out once per result

    def set_result(self, result: Result | None, method: BallotMethod, high: int = 5) -> None:
        self.beginResetModel()
        self._result, self._method, self._high = result, method, high
        self._winners = {row.option_id for row in result.winners} if result else set()
        self._schulze = {row.option_id: texts.schulze_remark(result, row)
                         for row in result.rows} if result and result.alternative else {}
        self.endResetModel()

    def row(self, row: int) -> ResultRow:
        assert self._result is not None
        return self._result.rows[row]

    def _headings(self) -> list[str]:
        extra = [_(column.label) for column in self._result.columns] if self._result else []
        return [_("Rank"), _("Option"), _("Score"), *extra, _("Sources"), _("Remarks")]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._result is None else len(self._result.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headings())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Display) -> Any:
        headings = self._headings()
        if orientation == Qt.Orientation.Horizontal and role == Display and 0 <= section < len(headings):
            return headings[section]
        return None

    def data(self, index: Index, role: int = Display) -> Any:
        if not index.isValid() or self._result is None or not 0 <= index.row() < len(self._result.rows):
            return None
        line = self._result.rows[index.row()]
        if role in (Display, Qt.ItemDataRole.ToolTipRole):
            return self._text(line, index.column())
        if role == ID_ROLE:
            return line.option_id
        if role == Qt.ItemDataRole.FontRole and line.option_id in self._winners:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and line.tied:
            return QBrush(QColor(theme.CURRENT_ROW))
        if role == Qt.ItemDataRole.ForegroundRole and line.dissent and index.column() == self.columnCount() - 1:
            return QBrush(QColor(theme.WARNING))
        return None

    def _text(self, line: ResultRow, column: int) -> str:
        assert self._result is not None
        extra = self._result.columns
        if column == 0:
            return texts.rank_text(line)
        if column == 1:
            return line.label
        if column == 2:
            return score_text(self._method, line, self._result, self._high)
        if column - 3 < len(extra):
            key = extra[column - 3].key
            if key == "schulze" and self._result.alternative is not None:  # '1=': a place shared, not a rank
                return texts.rank_text(self._result.alternative.row(line.option_id))
            return _cell(key, line.extra.get(key))
        if column - 3 == len(extra):
            return texts.sources_text(line)
        return "; ".join(part for part in (remarks(line), self._schulze.get(line.option_id, "")) if part)


def _cell(key: str, value: float | str | None) -> str:
    """An extra column's value as text (quadrants and outcomes in words, shares as percentages)."""
    if value is None:
        return "—"
    if key == "quadrant":
        return quadrant_label(Quadrant(str(value)))
    if key == "outcome":
        return outcome_label(ConsentOutcome(str(value)))
    if key == "share":
        return percent(float(value) / 100)
    means = key.startswith("criterion-") or key in ("impact", "feasibility", "weighted_mean")
    return texts.number(float(value), 2 if key == "spread" else 1, fixed=means)  # means line up in a column


def remarks(line: ResultRow) -> str:
    """Ties, strong disagreement, and what was written down, in words."""
    parts = [_("tie")] if line.tied else []
    if line.dissent:
        parts.append(_("voters disagree on: {what}").format(what=", ".join(line.dissent)))
    parts += [labelled(stance_label(c.axis), c.text) for c in line.comments]
    return "; ".join(parts)
