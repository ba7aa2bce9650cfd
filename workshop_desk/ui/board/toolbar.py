"""The board's toolbar: colour by, filter, search; themes, merge, delete, arrange, reveal; projector; zoom."""

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLineEdit, QMenu, QToolBar, QToolButton, QVBoxLayout, QWidget

from workshop_desk.domain.ideas import ColourBy, Theme, colour_by_label
from workshop_desk.domain.models import AgendaItem, StakeholderGroup
from workshop_desk.domain.table_plan import RoomTable
from workshop_desk.i18n import _
from workshop_desk.ui.board.capture import swatch
from workshop_desk.ui.translation import key_text

ALL, UNSORTED, HIDDEN = "all", "unsorted", "hidden"


def filter_key(kind: str, value: int | None = None) -> str:
    """A filter as the combo box keeps it ('theme:12'; QVariant compares strings, not Python tuples)."""
    return kind if value is None else f"{kind}:{value}"


def parse_filter(key: str | None) -> tuple[str, int | None]:
    kind, _colon, value = (key or ALL).partition(":")
    return kind, int(value) if value else None


class BoardToolbar(QWidget):
    """Two rows of tools, as a laptop's page is too narrow for one: what the board shows (colour, filter, search,
    zoom), then what to do with the notes; the page connects their actions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour_by_combo = QComboBox()
        self.colour_by_combo.setToolTip(_("What gives the notes their colour"))
        for value in ColourBy:
            self.colour_by_combo.addItem(colour_by_label(value), value)
        self.filter_combo = QComboBox()
        self.filter_combo.setToolTip(_("Show only some notes"))
        self.filter_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.filter_combo.setMinimumContentsLength(10)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(_("Search the notes"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaximumWidth(200)
        self.new_theme = QAction(_("New theme"), self)
        self.new_theme.setToolTip(_("A theme holding the selected notes ({keys})").format(keys=key_text("Ctrl+G")))
        self.merge = QAction(_("Merge"), self)
        self.merge.setToolTip(_("Merge the selected notes: they say the same thing ({keys}); both texts are "
                                "kept").format(keys=key_text("Ctrl+M")))
        self.delete = QAction(_("Delete"), self)
        self.delete.setToolTip(_("Delete the selected notes ({keys})").format(keys=key_text("Del")))
        self.arrange_theme = QAction(_("Arrange by theme"), self)
        self.arrange_table = QAction(_("Arrange by table"), self)
        self.reveal = QAction(_("Reveal"), self)
        self.zoom_out, self.zoom_in, self.fit = QAction("−", self), QAction("+", self), QAction(_("Fit"), self)
        self.zoom_out.setToolTip(_("Zoom out ({keys})").format(keys=key_text("−", "Ctrl+wheel")))
        self.zoom_in.setToolTip(_("Zoom in ({keys})").format(keys=key_text("+", "Ctrl+wheel")))
        self.fit.setToolTip(_("The whole board in view (0)"))
        self.show_board = QAction(_("The whole board"), self)
        self.show_theme = QAction(_("The selected theme"), self)
        self.show_note = QAction(_("The selected note, in large type"), self)
        self._arrange_button = self._menu_button(_("Arrange"), [self.arrange_theme, self.arrange_table])
        self.projector_button = self._menu_button(_("On the projector"), [self.show_board, self.show_theme,
                                                                          self.show_note])
        self.view_bar = self._bar(self.colour_by_combo, self.filter_combo, self.search_edit, None, self.zoom_out,
                                  self.zoom_in, self.fit)
        self.edit_bar = self._bar(self.new_theme, self.merge, self.delete, self._arrange_button, self.reveal, None,
                                  self.projector_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view_bar)
        layout.addWidget(self.edit_bar)

    def _menu_button(self, text: str, actions: Sequence[QAction]) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        for action in actions:
            menu.addAction(action)
        button.setMenu(menu)
        return button

    @staticmethod
    def _bar(*parts: QWidget | QAction | None) -> QToolBar:
        bar = QToolBar()
        bar.setIconSize(QSize(14, 14))
        for part in parts:
            if part is None:
                bar.addSeparator()
            elif isinstance(part, QAction):
                bar.addAction(part)
            else:
                bar.addWidget(part)
        return bar

    def colour_by(self) -> ColourBy:
        return ColourBy(self.colour_by_combo.currentData())

    def set_filters(self, items: Sequence[AgendaItem], tables: Sequence[RoomTable],
                    groups: Sequence[StakeholderGroup], themes: Sequence[Theme]) -> None:
        """Offer a filter per theme, table, group and agenda item (the chosen one stays if still there)."""
        kept = self.filter_combo.currentData()
        combo = self.filter_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(_("All notes"), ALL)
        combo.addItem(_("Not in a theme"), UNSORTED)
        combo.addItem(_("Hidden notes"), HIDDEN)
        for theme in themes:
            combo.addItem(swatch(theme.colour), _("Theme: {name}").format(name=theme.name),
                          filter_key("theme", theme.id))
        for table in tables:
            combo.addItem(_("Table: {name}").format(name=table.name), filter_key("table", table.id))
        for group in groups:
            combo.addItem(swatch(group.colour), _("Group: {name}").format(name=group.name),
                          filter_key("group", group.id))
        for item in items:
            combo.addItem(_("Item: {title}").format(title=item.title), filter_key("item", item.id))
        index = combo.findData(kept)
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def show_counts(self, hidden: int) -> None:
        self.reveal.setText(_("Reveal ({n})").format(n=hidden) if hidden else _("Reveal"))
        self.reveal.setEnabled(hidden > 0)
        self.reveal.setToolTip(_("Show the hidden notes on the projector, all at once") if hidden else
                               _("No hidden note"))
