"""Table models of the import dialog: the mapped preview, and the checked rows with a choice per case."""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from workshop_desk.domain.importing import MappedRow
from workshop_desk.domain.importing_plan import Choice, Decisions, PlannedRow, RowKind, choice_label, kind_label
from workshop_desk.i18n import _
from workshop_desk.ui import theme

Index = QModelIndex | QPersistentModelIndex
CHOICE_ROLE = Qt.ItemDataRole.UserRole + 1
_KIND_COLOURS = {RowKind.INVALID: theme.WARNING, RowKind.BAD_EMAIL: theme.CAUTION, RowKind.DUPLICATE: theme.CAUTION,
                 RowKind.EXISTING: theme.ACCENT, RowKind.OK: theme.OK}


def _name(row: MappedRow) -> str:
    """'LAST First', the way attendance sheets read, with the civility in front."""
    draft = row.draft
    return " ".join(part for part in (draft.civility, draft.last_name.upper(), draft.first_name) if part)


class PreviewModel(QAbstractTableModel):
    """The first rows as they would be imported (read-only)."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[MappedRow] = []
        self._headers = [_("Row"), _("Name"), _("Organisation"), _("Role"), _("Group"), _("E-mail"), _("Phone"),
                         _("Notes")]

    def set_rows(self, rows: list[MappedRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._rows[index.row()]
        draft = row.draft
        values = (str(row.line), _name(row), draft.organisation, draft.role, row.group, draft.email, draft.phone,
                  draft.notes)
        text = values[index.column()]
        return text[:300] if role == Qt.ItemDataRole.DisplayRole else text[:2000]  # a 10,000-character cell


class ReviewModel(QAbstractTableModel):
    """Checked rows; the last column is the choice for a case (editable where there is a choice). Where skipping
    is not offered (a package's people come with their sign-ins and votes), `no_skip` says why."""

    CHOICE_COLUMN = 6

    def __init__(self, decisions: Decisions, no_skip: str = "") -> None:
        super().__init__()
        self._rows: list[PlannedRow] = []
        self._remarks: dict[int, str] = {}  # what reading the file found on a row's line, by line
        self.decisions = decisions
        self.no_skip = no_skip
        self._headers = [_("Row"), _("Status"), _("Name"), _("Organisation"), _("E-mail"), _("Why"),
                         _("What to do")]

    def set_rows(self, rows: list[PlannedRow], decisions: Decisions | None = None,
                 remarks: dict[int, str] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.decisions = decisions or self.decisions
        self._remarks = remarks if remarks is not None else self._remarks
        self.endResetModel()

    def planned(self, row: int) -> PlannedRow:
        return self._rows[row]

    def choices(self, planned: PlannedRow) -> tuple[Choice, ...]:
        """What the user may choose for this row here."""
        return tuple(c for c in planned.choices if c != Choice.SKIP) if self.no_skip else planned.choices

    def row_of(self, line: int) -> int:
        return next((row for row, planned in enumerate(self._rows) if planned.line == line), -1)

    def refresh_choices(self) -> None:
        """After 'merge all' or 'skip all'."""
        if self._rows:
            self.dataChanged.emit(self.index(0, self.CHOICE_COLUMN), self.index(len(self._rows) - 1,
                                                                                 self.CHOICE_COLUMN))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.CHOICE_COLUMN and len(self.choices(self._rows[index.row()])) > 1:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        planned = self._rows[index.row()]
        if role == CHOICE_ROLE:
            return str(self.decisions.choice_for(planned))
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1:
            return QColor(_KIND_COLOURS[planned.kind])
        if role == Qt.ItemDataRole.ToolTipRole:
            return (self.no_skip if index.column() == self.CHOICE_COLUMN else self._why(planned)) or None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(planned, index.column())
        return None

    def _text(self, planned: PlannedRow, column: int) -> str:
        if column == self.CHOICE_COLUMN:
            choice = self.decisions.choice_for(planned)
            return choice_label(choice) + (" ▾" if len(self.choices(planned)) > 1 else "")
        draft = planned.row.draft
        values = (str(planned.line), kind_label(planned.kind), _name(planned.row), draft.organisation,
                  draft.email, self._why(planned))
        return values[column][:300]

    def _why(self, planned: PlannedRow) -> str:
        """What the check found, then what reading the file found on that line."""
        return " ".join(text for text in (planned.explain(), self._remarks.get(planned.line, "")) if text)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.CHOICE_COLUMN or role != Qt.ItemDataRole.EditRole:
            return False
        planned = self._rows[index.row()]
        try:
            choice = Choice(value)
        except ValueError:
            return False
        if choice not in self.choices(planned):
            return False
        self.decisions.choices[planned.line] = choice
        self.dataChanged.emit(index, index)
        return True


class ChoiceDelegate(QStyledItemDelegate):
    """A combo of the row's allowed choices, created only while a cell is edited (not one per row)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        model = index.model()
        assert isinstance(model, ReviewModel)
        for choice in model.choices(model.planned(index.row())):
            combo.addItem(choice_label(choice), str(choice))
        combo.activated.connect(lambda _index: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(CHOICE_ROLE))))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
