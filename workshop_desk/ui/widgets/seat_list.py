"""A table's list of people in the plan editor: drag a name onto another table to move that person."""

from PySide6.QtCore import QByteArray, QMimeData, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

MIME = "application/x-workshop-desk-participant"
PERSON_ROLE = Qt.ItemDataRole.UserRole + 1


class SeatList(QListWidget):
    """Emits `person_dropped(participant_id, table_id)`; the page moves the person and redraws the plan."""

    person_dropped = Signal(int, int)

    def __init__(self, table_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table_id = table_id
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setUniformItemSizes(True)

    def add_person(self, participant_id: int, text: str, fixed: bool) -> None:
        item = QListWidgetItem(("★ " if fixed else "") + text)  # a star: fonts without emoji have it too
        item.setData(PERSON_ROLE, participant_id)
        if fixed:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDragEnabled)  # fixed people stay at their table
        self.addItem(item)

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        if items:
            data.setData(MIME, QByteArray(str(items[0].data(PERSON_ROLE)).encode()))
        return data

    def dropMimeData(self, index: int, data: QMimeData, action: Qt.DropAction) -> bool:
        if not data.hasFormat(MIME):
            return False
        self.person_dropped.emit(int(bytes(data.data(MIME).data()).decode()), self.table_id)
        return False  # the page redraws from the saved plan; Qt must not move the item itself

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction
