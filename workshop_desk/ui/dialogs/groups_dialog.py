"""Stakeholder groups (collèges): add, rename, recolour, delete — each step saved and undoable."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_desk.domain.models import StakeholderGroup
from workshop_desk.domain.validation import ValidationError
from workshop_desk.i18n import _
from workshop_desk.ui import prompts
from workshop_desk.ui.document import Document

NEW_GROUP_COLOUR = "#6D4C41"


def swatch(colour: str, size: int = 16) -> QIcon:
    """A small square of `colour`, for lists and combos."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class GroupsDialog(QDialog):
    """Lists the groups with their colours; changes go through the document at once."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.setWindowTitle(_("Stakeholder groups"))
        self.setMinimumSize(420, 380)
        self._setup_ui()
        self.refresh()

    def _setup_ui(self) -> None:
        intro = QLabel(_("Groups sort participants by the part of society they speak for; their colour shows "
                         "on badges, at the door and in the results."))
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.add_button = QPushButton(_("&Add…"))
        self.rename_button = QPushButton(_("Re&name…"))
        self.colour_button = QPushButton(_("&Colour…"))
        self.delete_button = QPushButton(_("&Delete"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.colour_button, self.delete_button):
            buttons.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.rename_button.clicked.connect(self._on_rename_button_clicked)
        self.colour_button.clicked.connect(self._on_colour_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)

    def refresh(self) -> None:
        row = self.list.currentRow()
        self.list.clear()
        for group in self._document.groups():
            item = QListWidgetItem(swatch(group.colour), group.name)
            item.setData(Qt.ItemDataRole.UserRole, group)
            self.list.addItem(item)
        self.list.setCurrentRow(min(max(row, 0), self.list.count() - 1))

    def selected(self) -> StakeholderGroup | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _apply(self, action: Callable[[], object]) -> None:
        try:
            action()
        except ValidationError as error:
            prompts.error(self, str(error))
        self.refresh()

    def _on_add_button_clicked(self) -> None:
        name = prompts.ask_text(self, _("New group"), _("Name of the group:"))
        if name is not None:
            self._apply(lambda: self._document.add_group(name, NEW_GROUP_COLOUR))
            self.list.setCurrentRow(self.list.count() - 1)

    def _on_rename_button_clicked(self) -> None:
        group = self.selected()
        name = prompts.ask_text(self, _("Rename the group"), _("Name of the group:"), group.name) if group else None
        if group is not None and name is not None:
            self._apply(lambda: self._document.update_group(group, name, group.colour))

    def _on_colour_button_clicked(self) -> None:
        group = self.selected()
        colour = prompts.choose_colour(self, group.colour) if group else None
        if group is not None and colour is not None:
            self._apply(lambda: self._document.update_group(group, group.name, colour))

    def _on_delete_button_clicked(self) -> None:
        group = self.selected()
        if group is not None and prompts.confirm(self, _("Delete the group “{name}”? Its members stay in the "
                                                         "registry, with no group.").format(name=group.name)):
            self._apply(lambda: self._document.delete_group(group))
