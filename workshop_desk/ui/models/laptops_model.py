"""The programme's sittings as File › Prepare laptops shows them: each with the laptop that will run it."""

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from workshop_desk.domain.enums import label
from workshop_desk.domain.models import Sitting
from workshop_desk.domain.packages import LaptopPlan, laptop_plans
from workshop_desk.i18n import _, format_date, format_time
from workshop_desk.ui import theme

Index = QModelIndex | QPersistentModelIndex
TITLE, DATE, TIME, KIND, LAPTOP = range(5)


@dataclass
class _Row:
    sitting: Sitting
    name: str  # the laptop (or its facilitator), as typed
    ticked: bool  # to be prepared: a sitting named but left out keeps its name, for when it is ticked again

    @property
    def prepared(self) -> bool:
        return self.ticked and bool(self.name.strip())


class LaptopsModel(QAbstractTableModel):
    """One row per sitting: ticked and named, it goes to that laptop. A sitting starts named after its facilitators
    (ticked when there are some); typing a name ticks it, clearing the name leaves it out."""

    plan_changed = Signal()

    def __init__(self, sittings: list[Sitting]) -> None:
        super().__init__()
        self._rows = [_Row(s, s.facilitators.strip(), bool(s.facilitators.strip())) for s in sittings]
        self.dataChanged.connect(self.plan_changed)

    # What the lead chose ---------------------------------------------------------------------------------------
    def plans(self) -> list[LaptopPlan]:
        return laptop_plans((row.sitting.id, row.name) for row in self._rows if row.prepared)

    def names(self) -> list[str]:
        """The laptops named so far, for the editor's completion."""
        return [plan.name for plan in laptop_plans((row.sitting.id, row.name) for row in self._rows)]

    def name_of(self, row: int) -> str:
        return self._rows[row].name

    def set_name(self, row: int, name: str) -> None:
        self.setData(self.index(row, LAPTOP), name)

    def toggle(self, row: int) -> None:
        ticked = self._rows[row].prepared
        self.setData(self.index(row, TITLE), Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked,
                     Qt.ItemDataRole.CheckStateRole)

    # The table -------------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_("Sitting"), _("Date"), _("Time"), _("Kind"), _("Laptop / facilitator"))[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == TITLE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == LAPTOP:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == TITLE:
            return Qt.CheckState.Checked if row.prepared else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.EditRole and index.column() == LAPTOP:
            return row.name
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == LAPTOP and not row.prepared:
            return QColor(theme.MUTED)
        if role == Qt.ItemDataRole.DisplayRole:
            return _shown(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tip(row) if index.column() in (TITLE, LAPTOP) else _shown(row, index.column())
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == TITLE:
            row.ticked = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role == Qt.ItemDataRole.EditRole and index.column() == LAPTOP:
            row.name = " ".join(str(value).split())
            row.ticked = bool(row.name)
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), TITLE), self.index(index.row(), LAPTOP))
        return True


def _shown(row: _Row, column: int) -> str:
    sitting = row.sitting
    if column == TITLE:
        return sitting.title
    if column == DATE:
        return format_date(sitting.date) if sitting.date else "—"
    if column == TIME:
        return _when(sitting)
    if column == KIND:
        return label(sitting.kind)
    return row.name or _("not prepared")


def _tip(row: _Row) -> str:
    if row.prepared:
        return _("“{title}” goes to the laptop “{name}”.").format(title=row.sitting.title, name=row.name)
    return _("“{title}” stays on this laptop: it is not prepared for another.").format(title=row.sitting.title)


def _when(sitting: Sitting) -> str:
    if sitting.start_time is None:
        return "—"
    start = format_time(sitting.start_time)
    return f"{start}–{format_time(sitting.end_time)}" if sitting.end_time else start
