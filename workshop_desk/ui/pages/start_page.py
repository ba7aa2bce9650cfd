"""Shown when no programme is open: create, open, recent files, the demo."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from workshop_desk.i18n import _
from workshop_desk.ui import theme

if TYPE_CHECKING:
    from PySide6.QtWidgets import QListWidget, QListWidgetItem


class StartPage(QWidget):
    """The empty state: every way to get to a programme, one click away."""

    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_requested = Signal(Path)

    def __init__(self) -> None:
        super().__init__()
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        title = QLabel(_("Workshop Desk"))
        title.setFont(theme.heading_font(2.2))
        intro = QLabel(_("Plan your programme's sittings, run them live with the room following on the "
                         "projector, and keep everything in one file on this laptop — no internet needed."))
        intro.setWordWrap(True)
        self.new_button = QPushButton(_("&New programme…"))
        self.open_button = QPushButton(_("&Open a programme…"))
        self.demo_button = QPushButton(_("Open the &demo programme"))
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.demo_button):
            buttons.addWidget(button)
        buttons.addStretch()
        self.recent_label = QLabel(_("Recent programmes"))
        self.recent_label.setFont(theme.heading_font(1.1))
        self.recent_list: QListWidget | None = None  # built by set_recent(), after the first paint
        self.no_recent = QLabel(_("No recent programme yet."))
        self.no_recent.setStyleSheet(f"color: {theme.MUTED};")
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(16)
        layout.addLayout(buttons)
        layout.addSpacing(24)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.no_recent)
        layout.addStretch(1)

    def _connect_signals(self) -> None:
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)

    def set_recent(self, files: list[str]) -> None:
        """List the recent files (those that still exist)."""
        from PySide6.QtCore import Qt  # not at import: the first window shows before Qt's enums load
        from PySide6.QtWidgets import QListWidgetItem

        recent_list = self._recent_list()
        for name in files:
            path = Path(name)
            if path.exists():
                item = QListWidgetItem(f"{path.stem}    —    {path.parent}")
                item.setData(Qt.ItemDataRole.UserRole, str(path))
                item.setToolTip(str(path))
                recent_list.addItem(item)
        self.no_recent.setVisible(recent_list.count() == 0)
        recent_list.setVisible(recent_list.count() > 0)

    def _recent_list(self) -> QListWidget:
        from PySide6.QtWidgets import QListWidget

        if self.recent_list is None:
            self.recent_list = QListWidget()
            self.recent_list.setUniformItemSizes(True)
            self.recent_list.itemActivated.connect(self._on_recent_list_item_activated)
            stretch = self._layout.count() - 1
            self._layout.takeAt(stretch)
            self._layout.addWidget(self.recent_list, 1)
        self.recent_list.clear()
        return self.recent_list

    def _on_recent_list_item_activated(self, item: QListWidgetItem) -> None:
        self.recent_requested.emit(Path(item.toolTip()))
