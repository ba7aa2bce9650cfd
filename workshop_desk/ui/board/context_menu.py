"""The board's right-click menus: on a note, on a theme, and on the empty board."""

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from workshop_desk.domain.enums import ProjectorMode
from workshop_desk.domain.ideas import ArrangeBy
from workshop_desk.i18n import _
from workshop_desk.ui.board.capture import swatch
from workshop_desk.ui.board.items import NoteItem, ThemeItem

if TYPE_CHECKING:
    from workshop_desk.ui.board.board_page import BoardPage


def context_menu(page: "BoardPage", item: object) -> QMenu:
    """What can be done with what was right-clicked (it has just been selected)."""
    menu = QMenu(page)
    if isinstance(item, NoteItem):
        _note_menu(page, menu, item)
    elif isinstance(item, ThemeItem):
        theme_id = item.theme.id
        menu.addAction(_("Rename…"), lambda: page.rename_theme(theme_id))
        menu.addAction(_("Colour…"), lambda: page.recolour_theme(theme_id))
        menu.addAction(_("Show this theme on the projector"),
                       lambda: page.show_on_projector(ProjectorMode.BOARD, theme=True))
        menu.addSeparator()
        menu.addAction(_("Delete the theme (its notes stay)"), lambda: page.delete_theme(theme_id))
    else:
        menu.addAction(_("New theme…"), page.new_theme)
        menu.addAction(_("Arrange by theme"), lambda: page.arrange(ArrangeBy.THEME))
        menu.addAction(_("Arrange by table"), lambda: page.arrange(ArrangeBy.TABLE))
        menu.addAction(_("Fit the board in view"), page.canvas.fit_all)
    return menu


def _note_menu(page: "BoardPage", menu: QMenu, item: NoteItem) -> None:
    selected = page.scene.selected_ids()
    idea = item.idea
    if len(selected) == 1:
        menu.addAction(_("Edit…"), lambda: page.edit_note(idea.id))
    if len(selected) >= 2:
        menu.addAction(_("Merge the selected notes"), page.merge_selected)
    if len(selected) == 1 and item.count > 1:
        menu.addAction(_("Separate the merged notes"), page.split_selected)
    themes = menu.addMenu(_("Put in theme"))
    for theme_item in page.scene.themes.values():
        theme = theme_item.theme
        themes.addAction(swatch(theme.colour), theme.name, lambda t=theme: page.set_theme_of_selected(t))
    themes.addSeparator()
    themes.addAction(_("No theme"), lambda: page.set_theme_of_selected(None))
    menu.addAction(_("New theme from the selection…"), page.new_theme)
    if idea.hidden:
        menu.addAction(_("Reveal"), lambda: page.set_hidden_selected(False))
    else:
        menu.addAction(_("Hide from the projector"), lambda: page.set_hidden_selected(True))
    if len(selected) == 1:
        menu.addAction(_("Show on the projector, in large type"), lambda: page.show_on_projector(ProjectorMode.NOTE))
    menu.addSeparator()
    menu.addAction(_("Delete"), page.delete_selected)
