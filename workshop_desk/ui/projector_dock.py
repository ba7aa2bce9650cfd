"""The console's projector panel: the live miniature, what to show, and where."""

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QButtonGroup, QComboBox, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from workshop_desk.domain.enums import ProjectorMode, label
from workshop_desk.i18n import _
from workshop_desk.ui.widgets.projector_preview import ProjectorPreview

# What the projector can show, with its key (F5 shows or hides the projector itself).
MODE_KEYS = {ProjectorMode.WELCOME: "F6", ProjectorMode.AGENDA: "F7", ProjectorMode.TIMER: "F4",
             ProjectorMode.PAUSE: "F8", ProjectorMode.BLANK: "F9", ProjectorMode.BOARD: "F3",
             ProjectorMode.NOTE: "Shift+F3", ProjectorMode.QUESTION: "F10", ProjectorMode.RESULTS: "F11",
             ProjectorMode.ACTIONS: "F12"}
PANEL_WIDTH = 270  # the miniature's width at most, so that a 1280-pixel screen leaves the page ~700 px


def key_text(key: str) -> str:
    """A key as the user's language names it ("Maj+F3" in French), as the menus show it."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


class ProjectorDock(QWidget):
    """Emits requests; the shell changes the projector and calls `show_mode` back."""

    mode_requested = Signal(object)  # ProjectorMode
    toggle_requested = Signal()
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
        for index, mode in enumerate(MODE_KEYS):
            button = QPushButton(label(mode))  # its key in the tooltip: two buttons a row fit a laptop's panel
            button.setToolTip(f"{label(mode)} ({key_text(MODE_KEYS[mode])})")
            button.setCheckable(True)
            self.mode_group.addButton(button)
            self.mode_buttons[mode] = button
            grid.addWidget(button, index // 2, index % 2)
        self.toggle_button = QPushButton(_("Show the projector (F5)"))
        self.toggle_button.setCheckable(True)
        self.screen_combo = QComboBox()
        self.screen_combo.setToolTip(_("The screen the projector window goes to"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.preview)
        layout.addLayout(grid)
        layout.addWidget(self.toggle_button)
        layout.addWidget(self.screen_combo)
        layout.addStretch()

    def _connect_signals(self) -> None:
        for mode, button in self.mode_buttons.items():
            button.clicked.connect(lambda _checked=False, m=mode: self.mode_requested.emit(m))
        self.toggle_button.clicked.connect(self.toggle_requested)
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
        self.toggle_button.setText(_("Hide the projector (F5)") if visible else _("Show the projector (F5)"))

    def _on_screen_combo_activated(self, index: int) -> None:
        self.screen_requested.emit(str(self.screen_combo.itemData(index)))

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        hint.setWidth(max(hint.width(), PANEL_WIDTH))
        return hint

