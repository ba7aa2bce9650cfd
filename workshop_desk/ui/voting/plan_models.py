"""Qt models of a sitting's priorities (reordered by drag and drop), of the programme's consolidated priorities,
and of the action plan."""

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt, Signal

from workshop_desk.domain.enums import ActionStatus, BallotMethod
from workshop_desk.domain.priorities import Action, ConsolidatedPriority, Priority, action_status_label, why
from workshop_desk.domain.vote_methods import method_label
from workshop_desk.i18n import _, format_date, labelled
from workshop_desk.ui.models.items_model import Index, ItemsModel
from workshop_desk.ui.voting import texts

ROW_MIME = "application/x-workshop-desk-priority-row"


class PrioritiesModel(ItemsModel):
    """A sitting's priorities in order; a drop asks for a move (`move_requested`), which the page saves."""

    move_requested = Signal(int, int)  # from row, to its place once moved

    def headings(self) -> list[str]:
        return ["#", _("Priority"), _("Method"), _("Score"), _("Justification")]

    def text(self, item: Priority, column: int) -> str:
        method = method_label(BallotMethod(item.method)) if item.method else _("typed in")
        values = [str(item.position + 1), item.title, method, texts.number(item.score),
                  why(item, _, texts.number)]
        return values[column]

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index) | Qt.ItemFlag.ItemIsDropEnabled
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ROW_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({index.row() for index in indexes if index.isValid()})
        data.setData(ROW_MIME, QByteArray(str(rows[0] if rows else -1).encode()))
        return data

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        """Ask for the move; refuse the drop itself, so that the view removes nothing (the page reloads)."""
        if action != Qt.DropAction.MoveAction or not data.hasFormat(ROW_MIME):
            return False
        source = int(bytes(data.data(ROW_MIME).data()).decode() or -1)
        target = row if row >= 0 else parent.row() if parent.isValid() else self.rowCount()
        if 0 <= source < self.rowCount():
            self.move_requested.emit(source, target - 1 if target > source else target)
        return False


class ConsolidatedModel(ItemsModel):
    """The programme's priorities: retained by how many sittings, and where they stood in each."""

    def __init__(self) -> None:
        super().__init__()
        self._sittings: dict[int, str] = {}

    def set_consolidated(self, items: Sequence[ConsolidatedPriority], sitting_titles: Mapping[int, str]) -> None:
        self._sittings = dict(sitting_titles)
        self.set_items(items)

    def headings(self) -> list[str]:
        return [_("Rank"), _("Priority"), _("Sittings"), _("Places"), _("Average place")]

    def text(self, item: ConsolidatedPriority, column: int) -> str:
        if column == 2:
            return "; ".join(self._sittings.get(s, "?") for s in item.sitting_ids)
        values = [str(item.rank), item.title, "", ", ".join(map(str, item.positions)),
                  texts.number(item.mean_position)]
        return values[column]


class ActionsModel(ItemsModel):
    """The action plan: what, who leads and with whom, when, for how much, where it stands, how it is measured."""

    def headings(self) -> list[str]:
        return [_("Action"), _("Lead"), _("Partners"), _("Deadline"), _("Budget (€)"), _("Status"),
                _("Indicators")]

    def text(self, item: Action, column: int) -> str:
        if column == 3:
            return format_date(item.deadline) if item.deadline else ""
        if column == 4:
            return texts.number(item.budget, 0) if item.budget is not None else ""
        if column == 5:
            return action_status_label(ActionStatus(item.status))
        if column == 6:
            return "; ".join(labelled(i.name, i.target) if i.target else i.name for i in item.indicators)
        return [item.title, item.lead, item.partners][column]
