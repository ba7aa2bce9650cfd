"""The console's projector panel: the live miniature, what to show, and where."""

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QButtonGroup, QComboBox, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from workshop_desk.domain.enums import ProjectorMode
from workshop_desk.i18n import _
from workshop_desk.ui.projector import registry
from workshop_desk.ui.translation import key_text
from workshop_desk.ui.widgets.projector_preview import ProjectorPreview

PANEL_WIDTH = 270  # the miniature's width at most, so that a 1280-pixel screen leaves the page ~700 px


class ProjectorDock(QWidget):
    """Emits requests; the shell changes the projector and calls `show_mode` back."""

    mode_requested = Signal(object)  # ProjectorMode
    toggle_requested = Signal()
    pause_time_requested = Signal()
    screen_requested = Signal(str)  # screen name

    def __init__(self, projector: QWidget) -> None:
        super().__init__()
        self.preview = ProjectorPreview(projector)
        self._setup_ui()
        self._connect_signals()
        self.refresh_screens()

    def _setup_ui(self) -> None:
        self.caption = QLabel(_("What the room sees"))
        self.mode_group = QButtonGroup(self)
        self.mode_group.setExclusive(True)
        grid = QGridLayout()
        self.mode_buttons: dict[ProjectorMode, QPushButton] = {}
        for index, entry in enumerate(registry.on_panel()):
            button = QPushButton(_(entry.label))  # its key in the tooltip: two buttons a row fit a laptop's panel
            button.setToolTip(f"{_(entry.label)} ({key_text(entry.key)})")
            button.setCheckable(True)
            self.mode_group.addButton(button)
            self.mode_buttons[entry.mode] = button
            grid.addWidget(button, index // 2, index % 2)
        self.pause_time_button = QPushButton()
        self.pause_time_button.setToolTip(_("When the room is expected back, as the pause screen says it"))
        self.toggle_button = QPushButton(self._toggle_text(visible=False))
        self.toggle_button.setCheckable(True)
        self.screen_combo = QComboBox()
        self.screen_combo.setToolTip(_("The screen the projector window goes to"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.preview)
        layout.addLayout(grid)
        layout.addWidget(self.pause_time_button)
        layout.addWidget(self.toggle_button)
        layout.addWidget(self.screen_combo)
        layout.addStretch()

    def _connect_signals(self) -> None:
        for mode, button in self.mode_buttons.items():
            button.clicked.connect(lambda _checked=False, m=mode: self.mode_requested.emit(m))
        self.toggle_button.clicked.connect(self.toggle_requested)
        self.pause_time_button.clicked.connect(self.pause_time_requested)
        self.screen_combo.activated.connect(self._on_screen_combo_activated)

    def refresh_screens(self) -> None:
        """List the connected screens; the second one is where a projector usually is."""
        self.screen_combo.clear()
        for number, screen in enumerate(QGuiApplication.screens(), start=1):
            size = screen.size()
            name = screen.name() or _("Screen {n}").format(n=number)
            self.screen_combo.addItem(f"{name} — {size.width()}×{size.height()}", screen.name())
        if self.screen_combo.count() > 1:
            self.screen_combo.setCurrentIndex(1)

    def show_mode(self, mode: ProjectorMode, visible: bool) -> None:
        button = self.mode_buttons.get(mode)
        if button is not None:
            button.setChecked(True)
        else:  # a mode chosen from a page (table plan, board, results): no button of this panel is on
            self.mode_group.setExclusive(False)
            for other in self.mode_buttons.values():
                other.setChecked(False)
            self.mode_group.setExclusive(True)
        self.toggle_button.setChecked(visible)
        self.toggle_button.setText(self._toggle_text(visible))

    @staticmethod
    def _toggle_text(visible: bool) -> str:
        text = _("Hide the projector ({keys})") if visible else _("Show the projector ({keys})")
        return text.format(keys=key_text("F5"))

    def show_resume_time(self, text: str) -> None:
        """The pause screen's return time ("10:45"), on the button that changes it."""
        self.pause_time_button.setText(_("Back at {time}…  ({key})").format(
            time=text, key=key_text(registry.PAUSE_TIME_KEY)))

    def _on_screen_combo_activated(self, index: int) -> None:
        self.screen_requested.emit(str(self.screen_combo.itemData(index)))

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        hint.setWidth(max(hint.width(), PANEL_WIDTH))
        return hint

