"""Undoable board operations on the document's undo stack, and the signals that tell the screens what changed."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from workshop_desk.domain.enums import ProjectorMode
from workshop_desk.domain.ideas import ArrangeBy, ColourBy, Idea, IdeaDraft, Layout, Theme, ThemeSnapshot
from workshop_desk.i18n import _, ngettext
from workshop_desk.ui.document import Document


@dataclass(frozen=True, slots=True)
class ShowRequest:
    """What the board page asks the projector to show: the board, one theme, or one note in large type."""

    mode: ProjectorMode
    sitting_id: int
    theme_id: int | None = None
    focus_id: int | None = None
    colour_by: ColourBy = ColourBy.THEME


def push_applied(document: Document, text: str, redo: Callable[[], object], undo: Callable[[], object],
                 notify: Callable[[], None]) -> None:
    """Push an edit that has already been saved; each undo and redo saves, then notifies the screens."""
    document.push_applied(text, redo, undo, notify)


def board_commands(document: Document) -> "BoardCommands":
    """The document's board commands (one per open document, shared by the board page and the projector)."""
    found = document.findChild(BoardCommands)
    return found if isinstance(found, BoardCommands) else BoardCommands(document)


class BoardCommands(QObject):
    """Every call saves first, then goes on the undo stack, then tells the screens which notes changed."""

    ideas_changed = Signal(int, object)  # sitting id, list of idea ids (None: the whole board)
    themes_changed = Signal(int)  # sitting id
    show_requested = Signal(object)  # ShowRequest
    colouring_changed = Signal(int)  # sitting id: the board page colours its notes by something else

    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self._document = document
        self._ideas = document.workspace.ideas
        self._themes = document.workspace.themes
        self.focus_candidate: tuple[int, int] | None = None  # (sitting id, note id) selected on the board
        self.colour_by = ColourBy.THEME

    # Notes ---------------------------------------------------------------------------------------------------
    def add_notes(self, sitting_id: int, drafts: Sequence[IdeaDraft],
                  positions: Sequence[tuple[float, float]] | None = None) -> list[Idea]:
        ideas = self._ideas.add_many(sitting_id, drafts, positions)
        ids = [idea.id for idea in ideas]
        text = ngettext("Add {n} note", "Add {n} notes", len(ids)).format(n=len(ids))
        push_applied(self._document, text, lambda: self._ideas.restore_many(ids),
                     lambda: self._ideas.delete_many(ids), self._notify(sitting_id, ids))
        return ideas

    def edit(self, idea: Idea, text: str) -> Idea:
        edited = self._ideas.edit(idea.id, text)
        if edited.text != idea.text:
            push_applied(self._document, _("Edit a note"), lambda: self._ideas.edit(idea.id, edited.text),
                         lambda: self._ideas.edit(idea.id, idea.text), self._notify(idea.sitting_id, [idea.id]))
        return edited

    def place(self, sitting_id: int, layout: Layout, text: str) -> None:
        """Save a drag (notes moved, perhaps into a theme; a theme moved or resized) as one step."""
        before = self._ideas.apply_layout(layout)
        ids = [p.idea_id for p in layout.notes]
        push_applied(self._document, text, lambda: self._ideas.apply_layout(layout),
                     lambda: self._ideas.apply_layout(before), self._notify(sitting_id, ids, bool(layout.themes)))

    def set_theme(self, sitting_id: int, ids: Sequence[int], theme: Theme | None) -> None:
        theme_id = theme.id if theme else None
        before = self._ideas.set_theme_many(ids, theme_id)
        text = (ngettext("Put {n} note in “{theme}”", "Put {n} notes in “{theme}”", len(ids)) if theme else
                ngettext("Take {n} note out of its theme", "Take {n} notes out of their themes", len(ids)))
        push_applied(self._document, text.format(n=len(ids), theme=theme.name if theme else ""),
                     lambda: self._ideas.set_theme_many(ids, theme_id), lambda: self._ideas.apply_layout(before),
                     self._notify(sitting_id, ids))

    def merge(self, sitting_id: int, keep_id: int, other_ids: Sequence[int]) -> None:
        record = self._ideas.merge(keep_id, other_ids)
        count = len(record.previous) + 1
        push_applied(self._document, ngettext("Merge {n} note", "Merge {n} notes", count).format(n=count),
                     lambda: self._ideas.merge(keep_id, other_ids), lambda: self._ideas.unmerge(record),
                     self._notify(sitting_id, record.idea_ids))

    def split(self, sitting_id: int, idea_id: int) -> None:
        record = self._ideas.split(idea_id)
        if record.previous:
            push_applied(self._document, _("Separate merged notes"), lambda: self._ideas.split(idea_id),
                         lambda: self._ideas.unmerge(record), self._notify(sitting_id, record.idea_ids))

    def delete(self, sitting_id: int, ids: Sequence[int]) -> None:
        deleted = self._ideas.delete_many(ids)
        text = ngettext("Delete {n} note", "Delete {n} notes", len(ids)).format(n=len(ids))
        push_applied(self._document, text, lambda: self._ideas.delete_many(deleted),
                     lambda: self._ideas.restore_many(deleted), self._notify(sitting_id, deleted))

    def reveal(self, sitting_id: int) -> int:
        """Show every hidden note on the projector at once; returns how many were hidden."""
        ids = self._ideas.reveal(sitting_id)
        if ids:
            push_applied(self._document, ngettext("Reveal {n} note", "Reveal {n} notes", len(ids)).format(n=len(ids)),
                         lambda: self._ideas.set_hidden(ids, False), lambda: self._ideas.set_hidden(ids, True),
                         self._notify(sitting_id, ids))
        return len(ids)

    def set_hidden(self, sitting_id: int, ids: Sequence[int], hidden: bool) -> None:
        self._ideas.set_hidden(ids, hidden)
        text = (ngettext("Hide {n} note", "Hide {n} notes", len(ids)) if hidden else
                ngettext("Reveal {n} note", "Reveal {n} notes", len(ids))).format(n=len(ids))
        push_applied(self._document, text, lambda: self._ideas.set_hidden(ids, hidden),
                     lambda: self._ideas.set_hidden(ids, not hidden), self._notify(sitting_id, ids))

    def arrange(self, sitting_id: int, by: ArrangeBy) -> None:
        layout, before = self._ideas.arrange(sitting_id, by)
        text = _("Arrange by theme") if by == ArrangeBy.THEME else _("Arrange by table")
        push_applied(self._document, text, lambda: self._ideas.apply_layout(layout),
                     lambda: self._ideas.apply_layout(before), self._notify(sitting_id, None, True))

    # Themes --------------------------------------------------------------------------------------------------
    def create_theme(self, sitting_id: int, name: str, idea_ids: Sequence[int] = (),
                     agenda_item_id: int | None = None) -> Theme:
        """A new theme beside the others, holding the chosen notes."""
        theme, before = self._themes.create(sitting_id, name, idea_ids, agenda_item_id=agenda_item_id)
        removed: list[ThemeSnapshot] = []

        def undo() -> None:
            removed[:] = [self._themes.delete(theme.id, before)]

        push_applied(self._document, _("New theme “{name}”").format(name=theme.name),
                     lambda: self._themes.restore(removed[0]), undo, self._notify(sitting_id, idea_ids, True))
        return theme

    def rename_theme(self, theme: Theme, name: str) -> Theme:
        renamed = self._themes.rename(theme.id, name)
        push_applied(self._document, _("Rename theme “{name}”").format(name=theme.name),
                     lambda: self._themes.rename(theme.id, renamed.name),
                     lambda: self._themes.rename(theme.id, theme.name),
                     self._notify(theme.sitting_id, [], True))
        return renamed

    def recolour_theme(self, theme: Theme, colour: str) -> Theme:
        changed = self._themes.recolour(theme.id, colour)
        push_applied(self._document, _("Recolour theme “{name}”").format(name=theme.name),
                     lambda: self._themes.recolour(theme.id, colour),
                     lambda: self._themes.recolour(theme.id, theme.colour),
                     self._notify(theme.sitting_id, None, True))
        return changed

    def delete_theme(self, theme: Theme) -> None:
        """Remove a theme; its notes stay where they are, unsorted."""
        snapshot = self._themes.delete(theme.id)
        ids = [p.idea_id for p in snapshot.members]
        push_applied(self._document, _("Delete theme “{name}”").format(name=theme.name),
                     lambda: self._themes.delete(theme.id), lambda: self._themes.restore(snapshot),
                     self._notify(theme.sitting_id, ids, True))

    # Projector -----------------------------------------------------------------------------------------------
    def show(self, request: ShowRequest) -> None:
        """Ask the projector to show the board, a theme or a note (no undo: nothing is saved)."""
        self.colour_by = request.colour_by
        self.show_requested.emit(request)

    def set_colour_by(self, sitting_id: int, by: ColourBy) -> None:
        """The projector colours the notes as the console does."""
        if by != self.colour_by:
            self.colour_by = by
            self.colouring_changed.emit(sitting_id)

    def _notify(self, sitting_id: int, ids: Sequence[int] | None, themes: bool = False) -> Callable[[], None]:
        def notify() -> None:
            if themes:
                self.themes_changed.emit(sitting_id)
            self.ideas_changed.emit(sitting_id, list(ids) if ids is not None else None)
            self._document.ideas_changed.emit(sitting_id)

        return notify
