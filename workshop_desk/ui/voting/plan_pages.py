"""Where priorities and actions are shown: a sitting's tab (its priorities above, its actions below) and the
programme's Action plan page (the consolidated priorities above, every action below)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from workshop_desk.i18n import _
from workshop_desk.ui import theme
from workshop_desk.ui.document import Document
from workshop_desk.ui.voting.actions_page import ActionsPanel
from workshop_desk.ui.voting.priorities_page import ConsolidatedView, PrioritiesPanel


class SittingPlanPage(QSplitter):
    """A sitting's tab: an action is created from the selected priority, or free."""

    def __init__(self, document: Document) -> None:
        super().__init__(Qt.Orientation.Vertical)
        self.priorities_panel = PrioritiesPanel(document)
        self.actions_panel = ActionsPanel(document, _("Actions decided in this sitting"))
        self.addWidget(self.priorities_panel)
        self.addWidget(self.actions_panel)
        self.priorities_panel.action_requested.connect(self.actions_panel.new_action)

    def set_sitting(self, sitting_id: int | None) -> None:
        self.priorities_panel.set_sitting(sitting_id)
        self.actions_panel.set_sitting(sitting_id)


class ActionPlanPage(QWidget):
    """The whole programme: which priorities the sittings retained, and every action with its lead."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        heading = QLabel(_("Action plan"))
        heading.setFont(theme.heading_font(1.6))
        self.consolidated = ConsolidatedView(document)
        self.actions_panel = ActionsPanel(document, _("All actions"))
        self.actions_panel.set_sitting(None)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.consolidated)
        splitter.addWidget(self.actions_panel)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(splitter, 1)
