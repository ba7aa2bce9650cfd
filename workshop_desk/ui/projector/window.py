"""The projector window: full screen on the chosen screen, or a window for rehearsal."""

from PySide6.QtCore import QKeyCombination, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QStackedLayout, QWidget

from workshop_desk.domain.enums import ProjectorMode
from workshop_desk.i18n import _
from workshop_desk.ui.projector import registry
from workshop_desk.ui.projector.content import ProjectorContent
from workshop_desk.ui.projector.screens import Screen

DEFAULT_SIZE = QSize(1920, 1080)


class ProjectorWindow(QWidget):
    """Shows one screen at a time; `content_shown` fires after each change (the console's miniature
    redraws then). It never takes the keyboard: a key that reaches it anyway (a window manager that
    ignores the hint) is handed to the console through `key_pressed`."""

    content_shown = Signal()
    hidden = Signal()
    key_pressed = Signal(QKeyCombination)

    def __init__(self) -> None:
        # Shown, hidden or clicked, the projector leaves the keyboard to the console (and the remote with it).
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWindowTitle(_("Workshop Desk — projector"))
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.resize(DEFAULT_SIZE)
        self.content = ProjectorContent(ProjectorMode.WELCOME)
        self.screens: dict[ProjectorMode, Screen] = {entry.mode: entry.screen() for entry in registry.ENTRIES}
        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(0, 0, 0, 0)
        for screen in self.screens.values():
            self._stack.addWidget(screen)
        self.show_content(self.content)  # the welcome from the start: before a file opens, the room sees a greeting

    def show_content(self, content: ProjectorContent) -> None:
        """Display `content` on the screen of its mode."""
        self.content = content
        entry = registry.shown_entry(content)
        screen = self.screens[entry.mode]
        screen.set_content(content, entry.empty(content))
        self._stack.setCurrentWidget(screen)
        self.content_shown.emit()

    def pages(self) -> int:
        """How many pages the screen on show needed at its last paint (a long list pages)."""
        current = self._stack.currentWidget()
        return current.pages if isinstance(current, Screen) else 1

    def present_on(self, screen: QScreen | None) -> None:
        """Full screen on `screen`; as a plain window when there is only the laptop's screen."""
        screens = QGuiApplication.screens()
        primary = QGuiApplication.primaryScreen()
        if screen is None:
            screen = next((s for s in screens if s is not primary), primary)
        rehearsal = screen is primary and len(screens) == 1
        # On the laptop's only screen, a click on the console must not bury the projector beneath it.
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, rehearsal)
        if rehearsal:
            self.setWindowState(Qt.WindowState.WindowNoState)
            self.resize(DEFAULT_SIZE.scaled(screen.availableSize() * 0.6, Qt.AspectRatioMode.KeepAspectRatio))
            self.show()
            return
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.key_pressed.emit(event.keyCombination())

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.hidden.emit()

    def hideEvent(self, event: object) -> None:  # type: ignore[override]
        super().hideEvent(event)  # type: ignore[arg-type]
        self.hidden.emit()
