"""The idea board's commands (notes and themes), and the signals that tell the board and the projector what changed."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from workshop_desk.domain.enums import ProjectorMode
from workshop_desk.domain.ideas import (
    ArrangeBy,
    ColourBy,
    Idea,
    IdeaDraft,
    Layout,
    MergeRecord,
    Theme,
    layout_of,
)
from workshop_desk.i18n import _, ngettext

if TYPE_CHECKING:
    from workshop_desk.services.snapshots import Snapshot
    from workshop_desk.ui.document import Document


@dataclass(frozen=True, slots=True)
class ShowRequest:
    """What the board page asks the projector to show: the board, one theme, or one note in large type."""

    mode: ProjectorMode
    sitting_id: int
    theme_id: int | None = None
    focus_id: int | None = None
    colour_by: ColourBy = ColourBy.THEME


class BoardCommands(QObject):
    """Every call saves first, then goes on the undo stack, then tells the screens which notes changed."""

    ideas_changed = Signal(int, object)  # sitting id, list of idea ids (None: the whole board)
    themes_changed = Signal(int)  # sitting id
    show_requested = Signal(object)  # ShowRequest
    colouring_changed = Signal(int)  # sitting id: the board page colours its notes by something else

    def __init__(self, document: "Document") -> None:
        super().__init__(document)
        self._document = document
        self._ideas = document.workspace.ideas
        self._themes = document.workspace.themes
        self.focus_candidate: tuple[int, int] | None = None  # (sitting id, note id) selected on the board
        self.colour_by = ColourBy.THEME

    # Notes ---------------------------------------------------------------------------------------------------
    def add_notes(self, sitting_id: int, drafts: Sequence[IdeaDraft],
                  positions: Sequence[tuple[float, float]] | None = None) -> list[Idea]:
        text = ngettext("Add {n} note", "Add {n} notes", len(drafts)).format(n=len(drafts))
        ids: list[int] = []

        def add() -> list[Idea]:
            ideas = self._ideas.add_many(sitting_id, drafts, positions)
            ids[:] = [idea.id for idea in ideas]
            return ideas

        return self._document.creation(text, add, lambda _ideas: self._ideas.delete_many(ids),
                                       self._notify(sitting_id, ids))

    def edit(self, idea: Idea, text: str) -> Idea:
        if " ".join(text.split()) == idea.text:
            return idea
        return self._document.change(_("Edit a note"), lambda: self._ideas.edit(idea.id, text),
                                     lambda: self._ideas.edit(idea.id, idea.text),
                                     self._notify(idea.sitting_id, [idea.id]))

    def place(self, sitting_id: int, layout: Layout, text: str) -> None:
        """Save a drag (notes moved, perhaps into a theme; a theme moved or resized) as one step."""
        before = self._layout_before(layout)
        ids = [p.idea_id for p in layout.notes]
        self._document.change(text, lambda: self._ideas.apply_layout(layout),
                              lambda: self._ideas.apply_layout(before),
                              self._notify(sitting_id, ids, bool(layout.themes)))

    def set_theme(self, sitting_id: int, ids: Sequence[int], theme: Theme | None) -> None:
        theme_id = theme.id if theme else None
        before = layout_of(self._ideas.get_many(ids))
        text = (ngettext("Put {n} note in “{theme}”", "Put {n} notes in “{theme}”", len(ids)) if theme else
                ngettext("Take {n} note out of its theme", "Take {n} notes out of their themes", len(ids)))
        self._document.change(text.format(n=len(ids), theme=theme.name if theme else ""),
                              lambda: self._ideas.set_theme_many(ids, theme_id),
                              lambda: self._ideas.apply_layout(before), self._notify(sitting_id, ids))

    def merge(self, sitting_id: int, keep_id: int, other_ids: Sequence[int]) -> None:
        records: list[MergeRecord] = []
        touched: list[int] = []

        def do() -> MergeRecord:
            records[:] = [self._ideas.merge(keep_id, other_ids)]
            touched[:] = records[0].idea_ids
            return records[0]

        count = len(other_ids) + 1
        self._document.change(ngettext("Merge {n} note", "Merge {n} notes", count).format(n=count), do,
                              lambda: self._ideas.unmerge(records[0]), self._notify(sitting_id, touched))

    def split(self, sitting_id: int, idea_id: int) -> None:
        records: list[MergeRecord] = []
        touched: list[int] = [idea_id, *(i.id for i in self._ideas.ideas(sitting_id) if i.merged_into_id == idea_id)]

        def do() -> MergeRecord:
            records[:] = [self._ideas.split(idea_id)]
            return records[0]

        if len(touched) > 1:
            self._document.change(_("Separate merged notes"), do, lambda: self._ideas.unmerge(records[0]),
                                  self._notify(sitting_id, touched))

    def delete(self, sitting_id: int, ids: Sequence[int]) -> None:
        text = ngettext("Delete {n} note", "Delete {n} notes", len(ids)).format(n=len(ids))
        touched: list[int] = []

        def remove() -> "Snapshot":
            snapshot = self._ideas.delete_many(ids)
            touched[:] = [row["id"] for row in snapshot.of("idea")]
            return snapshot

        self._document.deletion(text, remove, self._notify(sitting_id, touched))

    def reveal(self, sitting_id: int) -> int:
        """Show every hidden note on the projector at once; returns how many were hidden."""
        ids = [i.id for i in self._ideas.ideas(sitting_id) if i.hidden]
        if ids:
            self._document.change(ngettext("Reveal {n} note", "Reveal {n} notes", len(ids)).format(n=len(ids)),
                                  lambda: self._ideas.set_hidden(ids, False), lambda: self._ideas.set_hidden(ids, True),
                                  self._notify(sitting_id, ids))
        return len(ids)

    def set_hidden(self, sitting_id: int, ids: Sequence[int], hidden: bool) -> None:
        text = (ngettext("Hide {n} note", "Hide {n} notes", len(ids)) if hidden else
                ngettext("Reveal {n} note", "Reveal {n} notes", len(ids))).format(n=len(ids))
        self._document.change(text, lambda: self._ideas.set_hidden(ids, hidden),
                              lambda: self._ideas.set_hidden(ids, not hidden), self._notify(sitting_id, ids))

    def arrange(self, sitting_id: int, by: ArrangeBy) -> None:
        board = self._ideas.board(sitting_id)
        before = layout_of(board.ideas, board.themes)
        text = _("Arrange by theme") if by == ArrangeBy.THEME else _("Arrange by table")
        self._document.change(text, lambda: self._ideas.arrange(sitting_id, by),
                              lambda: self._ideas.apply_layout(before), self._notify(sitting_id, None, True))

    # Themes --------------------------------------------------------------------------------------------------
    def create_theme(self, sitting_id: int, name: str, idea_ids: Sequence[int] = (),
                     agenda_item_id: int | None = None) -> Theme:
        """A new theme beside the others, holding the chosen notes (undo puts them back where they were)."""
        made: list[tuple[Theme, Layout, Layout]] = []
        held: list[Snapshot] = []

        def do() -> Theme:
            theme, before = self._themes.create(sitting_id, name, idea_ids, agenda_item_id=agenda_item_id)
            made[:] = [(theme, before, layout_of(self._ideas.get_many(idea_ids)))]
            return theme

        def undo() -> None:
            theme, before, _placed = made[0]
            held[:] = [self._themes.delete(theme.id, before)]

        return self._document.change(_("New theme “{name}”").format(name=" ".join(name.split())), do, undo,
                                     self._notify(sitting_id, idea_ids, True),
                                     redo=lambda: self._themes.restore(held[0], made[0][2]))

    def rename_theme(self, theme: Theme, name: str) -> Theme:
        return self._document.change(_("Rename theme “{name}”").format(name=theme.name),
                                     lambda: self._themes.rename(theme.id, name),
                                     lambda: self._themes.rename(theme.id, theme.name),
                                     self._notify(theme.sitting_id, [], True))

    def recolour_theme(self, theme: Theme, colour: str) -> Theme:
        return self._document.change(_("Recolour theme “{name}”").format(name=theme.name),
                                     lambda: self._themes.recolour(theme.id, colour),
                                     lambda: self._themes.recolour(theme.id, theme.colour),
                                     self._notify(theme.sitting_id, None, True))

    def delete_theme(self, theme: Theme) -> None:
        """Remove a theme; its notes stay where they are, unsorted."""
        self._document.deletion(_("Delete theme “{name}”").format(name=theme.name),
                                lambda: self._themes.delete(theme.id), self._notify(theme.sitting_id, None, True))

    def _layout_before(self, layout: Layout) -> Layout:
        """Where the notes and theme areas of `layout` are now (what an undo of it returns to)."""
        ideas = self._ideas.get_many(p.idea_id for p in layout.notes)
        wanted = {frame.theme_id for frame in layout.themes}
        themes = [self._themes.get(theme_id) for theme_id in wanted]
        return layout_of(ideas, themes)

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

    def from_phone(self, sitting_id: int, idea_id: int) -> None:
        """A note a phone sent, already saved by the participant server: the board adds it (no undo step)."""
        self._notify(sitting_id, [idea_id])()

    def _notify(self, sitting_id: int, ids: Sequence[int] | None, themes: bool = False) -> Callable[[], None]:
        """What tells the screens; `ids` may be a list that the step fills in as it runs (the notes it added)."""
        def notify() -> None:
            if themes:
                self.themes_changed.emit(sitting_id)
            self.ideas_changed.emit(sitting_id, list(ids) if ids is not None else None)
            self._document.ideas_changed.emit(sitting_id)

        return notify
