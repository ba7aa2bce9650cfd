"""What phones sent that waits for the facilitator's approval: ideas above the board, questions above their list."""

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_desk.i18n import _, ngettext
from workshop_desk.ui import theme
from workshop_desk.ui.translation import key_text
from workshop_desk.ui.undo import NotSaved

if TYPE_CHECKING:
    from workshop_desk.ui.document import Document

IDEAS, QUESTIONS = "ideas", "questions"
ROWS = 4  # the queue's height in rows: the board or the list keeps the room


class ApprovalQueue(QWidget):
    """Hidden while nothing waits. Enter (or Approve) lets the selected contributions through; Del (or Refuse)
    removes them; both are undone with Ctrl+Z. Texts are shown as plain text, whatever a phone typed."""

    def __init__(self, document: "Document", kind: str) -> None:
        super().__init__()
        self._document = document
        self._kind = kind
        self.sitting_id: int | None = None
        self._setup_ui()
        self._connect_signals()
        self.hide()

    def _setup_ui(self) -> None:
        self.heading = QLabel()
        self.heading.setStyleSheet(f"color: {theme.CAUTION}; font-weight: bold;")
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setUniformItemSizes(True)
        self.list.setMaximumHeight(self.list.fontMetrics().lineSpacing() * ROWS + 12)
        self.approve_button = QPushButton(_("&Approve"))
        self.approve_button.setToolTip(key_text("Return"))
        self.approve_all_button = QPushButton(_("Approve a&ll"))
        self.refuse_button = QPushButton(_("Re&fuse"))
        self.refuse_button.setToolTip(key_text("Del"))
        buttons = QHBoxLayout()
        for button in (self.approve_button, self.approve_all_button, self.refuse_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.approve_button.clicked.connect(self._on_approve_button_clicked)
        self.approve_all_button.clicked.connect(self._on_approve_all_button_clicked)
        self.refuse_button.clicked.connect(self._on_refuse_button_clicked)
        self.list.itemActivated.connect(lambda _item: self._on_approve_button_clicked())
        self._document.phones_changed.connect(self._on_document_changed)
        changed = self._document.ideas_changed if self._kind == IDEAS else self._document.questions_changed
        changed.connect(self._on_document_changed)

    def set_sitting(self, sitting_id: int | None) -> None:
        self.sitting_id = sitting_id
        self.refresh()

    def refresh(self) -> None:
        """Read the queue again; show it only when something waits."""
        if self.sitting_id is None:
            self.hide()
            return
        ideas, questions = self._document.workspace.phones.pending(self.sitting_id)
        waiting = [(i.id, i.text) for i in ideas] if self._kind == IDEAS else [(q.id, q.text) for q in questions]
        self.list.clear()
        for key, text in waiting:
            item = QListWidgetItem(" ".join(text.split()))  # plain text: a QListWidgetItem never reads HTML
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.list.addItem(item)
        self.heading.setText(self._heading(len(waiting)))
        self.setVisible(bool(waiting))

    def _heading(self, count: int) -> str:
        if self._kind == IDEAS:
            return ngettext("{n} idea from phones waits for your approval",
                            "{n} ideas from phones wait for your approval", count).format(n=count)
        return ngettext("{n} question from phones waits for your approval",
                        "{n} questions from phones wait for your approval", count).format(n=count)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self._on_refuse_button_clicked()
        else:
            super().keyPressEvent(event)

    def _selected(self) -> list[int]:
        return [int(item.data(Qt.ItemDataRole.UserRole)) for item in self.list.selectedItems()]

    def _on_approve_button_clicked(self) -> None:
        self._approve(self._selected())

    def _on_approve_all_button_clicked(self) -> None:
        self._approve([int(self.list.item(row).data(Qt.ItemDataRole.UserRole)) for row in range(self.list.count())])

    def _approve(self, keys: list[int]) -> None:
        if not keys or self.sitting_id is None:
            return
        ideas, questions = (keys, []) if self._kind == IDEAS else ([], keys)
        try:
            self._document.phones.approve(self.sitting_id, ideas, questions)
        except NotSaved:
            self.refresh()

    def _on_refuse_button_clicked(self) -> None:
        keys = self._selected()
        if not keys or self.sitting_id is None:
            return
        try:
            if self._kind == IDEAS:
                self._document.phones.reject_ideas(self.sitting_id, keys)
            else:
                for key in keys:
                    self._document.phones.reject_question(self.sitting_id, key)
        except NotSaved:
            self.refresh()

    def _on_document_changed(self, sitting_id: int) -> None:
        if sitting_id == self.sitting_id:
            self.refresh()
