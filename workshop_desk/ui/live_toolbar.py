"""The console's toolbar of live actions (run, timer, speakers, projector, panels): icons, and tooltips with keys."""

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QToolBar

from workshop_desk.domain.enums import ProjectorMode
from workshop_desk.i18n import _
from workshop_desk.ui.icons import icon
from workshop_desk.ui.translation import key_text

# The actions of the toolbar, by name (ui/menus.py), with their icon; None separates groups.
LIVE_ACTIONS: tuple[tuple[str, str] | None, ...] = (
    ("view_sidebar", "panel-left"), None,
    ("run_start", "play"), ("run_previous", "skip-back"), ("run_next", "skip-forward"), ("run_stop", "square"), None,
    ("timer_toggle", "timer"), ("timer_minus", "circle-minus"), ("timer_plus", "circle-plus"),
    ("timer_reset", "timer-reset"), ("next_speaker", "mic"),
)
# The projector's, added with its menu (MainWindow.complete_projector).
PROJECTOR_ACTIONS: tuple[tuple[str, str] | None, ...] = (
    None, ("projector_toggle", "projector"), (f"projector_{ProjectorMode.BLANK}_toggle", "monitor-off"),
    ("view_projector_panel", "panel-right"),
)


def build_live_toolbar(window: QMainWindow, actions: dict[str, QAction]) -> QToolBar:
    """A toolbar at the top of the console holding the live actions, each with its icon and keys in its tooltip."""
    toolbar = QToolBar(_("Live actions"), window)
    toolbar.setObjectName("live-toolbar")
    toolbar.setMovable(False)
    toolbar.setIconSize(QSize(24, 24))
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    _add_tools(toolbar, actions, LIVE_ACTIONS)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    return toolbar


def add_projector_tools(toolbar: QToolBar, actions: dict[str, QAction]) -> None:
    """The projector's buttons at the end of the toolbar."""
    _add_tools(toolbar, actions, PROJECTOR_ACTIONS)


def _add_tools(toolbar: QToolBar, actions: dict[str, QAction], entries: tuple[tuple[str, str] | None, ...]) -> None:
    for entry in entries:
        if entry is None:
            toolbar.addSeparator()
            continue
        name, icon_name = entry
        action = actions[name]
        action.setIcon(icon(icon_name))
        action.setToolTip(tooltip(action))
        toolbar.addAction(action)


def tooltip(action: QAction) -> str:
    """The action's name and its keys as the user's language writes them: "Next item (PgDown, Ctrl+Right)"."""
    text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    keys = ", ".join(key_text(key.toString()) for key in action.shortcuts())
    return f"{text} ({keys})" if keys else text
