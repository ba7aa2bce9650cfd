"""The board's scene: one item per note and per theme, kept in step with the saved board, and drags as layouts."""

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSceneContextMenuEvent, QGraphicsSceneMouseEvent

from workshop_desk.domain.ideas import (
    DEFAULT_NOTE_COLOUR,
    Board,
    Frame,
    Idea,
    Layout,
    Placement,
    Theme,
    grown_to_hold,
    stacks,
    theme_at,
)
from workshop_desk.i18n import _, ngettext
from workshop_desk.ui.board.items import NoteItem, ThemeItem
from workshop_desk.ui.tooltips import typed_tip

BOARD_BACKGROUND = "#ECEFF1"
MARGIN = 1500.0  # room to pan around the notes

ColourOf = Callable[[Idea], str]
FooterOf = Callable[[Idea], str]


class BoardScene(QGraphicsScene):
    """Holds every note of the sitting that is not deleted (merged ones too, for their counts and texts)."""

    layout_dragged = Signal(object, str)  # Layout, what the drag did (for the undo stack)
    note_activated = Signal(int)  # idea id (double click)
    theme_activated = Signal(int)  # theme id (double click on its header)
    context_requested = Signal(object, object)  # NoteItem | ThemeItem | None, QPoint (screen)

    def __init__(self, movable: bool = True) -> None:
        super().__init__()
        self.movable = movable
        self.ideas: dict[int, Idea] = {}
        self.notes: dict[int, NoteItem] = {}
        self.themes: dict[int, ThemeItem] = {}
        self.folded: dict[int, list[Idea]] = {}
        self._colour: ColourOf = lambda idea: idea.colour or DEFAULT_NOTE_COLOUR
        self._footer: FooterOf = lambda idea: ""
        self._start: dict[QGraphicsItem, tuple[QPointF, tuple[float, float]]] = {}
        self._carried: dict[ThemeItem, list[NoteItem]] = {}
        self._frames: list[Frame] = []
        self.setBackgroundBrush(QColor(BOARD_BACKGROUND))
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)

    # Loading and updating ------------------------------------------------------------------------------------
    def load(self, board: Board, colour: ColourOf, footer: FooterOf) -> None:
        """Show this board (everything rebuilt)."""
        self.clear()
        self.notes, self.themes = {}, {}
        self._colour, self._footer = colour, footer
        self.ideas = {idea.id: idea for idea in board.ideas}
        self.folded = stacks(self.ideas.values())
        for idea in self.ideas.values():
            if idea.on_board:
                self._add_note(idea)
        self.set_themes(board.themes)
        self.fit_scene_rect()

    def _add_note(self, idea: Idea) -> NoteItem:
        item = NoteItem(idea, self._colour(idea), 1 + len(self.folded.get(idea.id, ())), self._footer(idea),
                        self.movable)
        self.addItem(item)
        self.notes[idea.id] = item
        if item.count > 1:
            item.setToolTip(self.stack_text(idea.id))
        return item

    def update_ideas(self, ids: Iterable[int], ideas: Iterable[Idea]) -> list[NoteItem]:
        """Show the saved state of the notes `ids` (added, edited, moved, merged; deleted when not among `ideas`);
        returns the new items."""
        found = {idea.id: idea for idea in ideas}
        added: list[NoteItem] = []
        regroup = themed = False
        for idea_id in set(ids) - set(found):
            old = self.ideas.pop(idea_id, None)
            regroup = regroup or idea_id in self.folded or (old is not None and old.merged_into_id is not None)
            themed = themed or (old is not None and old.theme_id is not None)
            if idea_id in self.notes:
                self.removeItem(self.notes.pop(idea_id))
        for idea in found.values():
            old = self.ideas.get(idea.id)
            regroup = regroup or idea.merged_into_id is not None or (old is not None and old.merged_into_id is not None)
            themed = themed or idea.theme_id is not None or (old is not None and old.theme_id is not None)
            self.ideas[idea.id] = idea
            item = self.notes.get(idea.id)
            if not idea.on_board:
                if item is not None:
                    self.removeItem(self.notes.pop(idea.id))
            elif item is None:
                added.append(self._add_note(idea))
            else:
                item.set_idea(idea, self._colour(idea), item.count, self._footer(idea))
        if regroup:
            self._recount()
        if themed or regroup:
            self._recount_themes()
        return added

    def _recount(self) -> None:
        self.folded = stacks(self.ideas.values())
        for idea_id, item in self.notes.items():
            count = 1 + len(self.folded.get(idea_id, ()))
            if count != item.count:
                item.count = count
                item.setToolTip(self.stack_text(idea_id) if count > 1 else "")
                item.update()

    def stack_text(self, idea_id: int) -> str:
        """Every text of a stack of merged notes, the shown one first, as a tooltip shows it as typed."""
        texts = [self.ideas[idea_id].text, *(other.text for other in self.folded.get(idea_id, ()))]
        return typed_tip("\n".join(f"• {text}" for text in texts))

    def set_themes(self, themes: Iterable[Theme]) -> None:
        """Show the saved themes (new, renamed, recoloured, moved, resized, deleted)."""
        wanted = {theme.id: theme for theme in themes}
        for theme_id in [t for t in self.themes if t not in wanted]:
            self.removeItem(self.themes.pop(theme_id))
        for theme in wanted.values():
            item = self.themes.get(theme.id)
            if item is None:
                item = self.themes[theme.id] = ThemeItem(theme, 0, self.movable)
                self.addItem(item)
            item.set_theme(theme, item.count)
        self._recount_themes()

    def _recount_themes(self) -> None:
        counts: dict[int, int] = dict.fromkeys(self.themes, 0)
        for idea_id in self.notes:
            theme_id = self.ideas[idea_id].theme_id
            if theme_id in counts:
                counts[theme_id] += 1  # type: ignore[index]
        for theme_id, count in counts.items():
            item = self.themes[theme_id]
            if item.count != count:
                item.count = count
                item.update()

    def recolour(self, colour: ColourOf, footer: FooterOf | None = None) -> None:
        """Colour the notes by another rule (theme, table, group, their own)."""
        self._colour = colour
        self._footer = footer or self._footer
        for idea_id, item in self.notes.items():
            idea = self.ideas[idea_id]
            item.footer = self._footer(idea)
            item.set_colour(colour(idea))

    def content_rect(self) -> QRectF:
        """What the notes and themes cover."""
        rect = self.itemsBoundingRect()
        return rect if rect.isValid() and not rect.isEmpty() else QRectF(0, 0, 800, 500)

    def fit_scene_rect(self) -> None:
        """Room to pan around the content (the scene rect only grows during a session)."""
        rect = self.content_rect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        self.setSceneRect(rect.united(self.sceneRect()) if self.items() else rect)

    def grow_to(self, items: Iterable[QGraphicsItem]) -> None:
        """Room to pan around new notes too (cheaper than measuring the whole board again)."""
        rect = self.sceneRect()
        for item in items:
            rect = rect.united(item.sceneBoundingRect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))
        if rect != self.sceneRect():
            self.setSceneRect(rect)

    # Selection -----------------------------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        return sorted(item.idea.id for item in self.selectedItems() if isinstance(item, NoteItem))

    def selected_themes(self) -> list[ThemeItem]:
        return [item for item in self.selectedItems() if isinstance(item, ThemeItem)]

    def frames(self) -> list[Frame]:
        return [item.frame() for item in self.themes.values()]

    # Drags: one layout per drag, whatever moved -------------------------------------------------------------
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self.movable:
            self._start_drag()

    def _start_drag(self) -> None:
        moving = list(self.selectedItems())
        grabber = self.mouseGrabberItem()
        if grabber is not None and grabber not in moving:
            moving.append(grabber)
        themes = [item for item in moving if isinstance(item, ThemeItem)]
        self._carried = {theme: [self.notes[i] for i, idea in self.ideas.items() if idea.theme_id == theme.theme.id
                                 and i in self.notes and not self.notes[i].isSelected()] for theme in themes}
        carried = [note for notes in self._carried.values() for note in notes]
        self._start = {item: (item.pos(), _size(item)) for item in [*moving, *carried]}
        self._frames = self.frames()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if not self._start or not event.buttons() & Qt.MouseButton.LeftButton:
            return
        for theme, notes in self._carried.items():
            if theme.resizing:
                continue
            delta = theme.pos() - self._start[theme][0]
            for note in notes:
                note.setPos(self._start[note][0] + delta)
        if not self._carried:
            target = theme_at(event.scenePos().x(), event.scenePos().y(), self._frames)
            for theme_id, item in self.themes.items():
                item.set_highlighted(theme_id == target)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self._start:
            self._finish_drag()

    def _finish_drag(self) -> None:
        start, carried = self._start, {n for notes in self._carried.values() for n in notes}
        self._start, self._carried = {}, {}
        for item in self.themes.values():
            item.set_highlighted(False)
        changed = [item for item, (pos, size) in start.items() if item.pos() != pos or _size(item) != size]
        if not changed:
            return
        frames = self.frames()
        notes = [item for item in changed if isinstance(item, NoteItem)]
        themes = [item for item in changed if isinstance(item, ThemeItem)]
        placements = tuple(Placement(n.idea.id, n.pos().x(), n.pos().y(), n.idea.theme_id if n in carried else
                                     theme_at(n.centre().x(), n.centre().y(), frames)) for n in notes)
        moved = {t.theme.id: t.frame() for t in themes}
        layout = Layout(placements, tuple({**self._grown(placements, notes, carried), **moved}.values()))
        self.layout_dragged.emit(layout, self._describe(layout, start, themes))
        self.fit_scene_rect()

    def _grown(self, placements: Sequence[Placement], notes: Sequence[NoteItem],
               carried: set[NoteItem]) -> dict[int, Frame]:
        """The theme areas that grow to hold the notes dropped in them (in the same undo step as the drop)."""
        boxes: dict[int, list[tuple[float, float, float, float]]] = {}
        for placement, note in zip(placements, notes, strict=True):
            if placement.theme_id is not None and note not in carried and placement.theme_id in self.themes:
                boxes.setdefault(placement.theme_id, []).append((placement.x, placement.y, *_size(note)))
        grown = {theme_id: grown_to_hold(self.themes[theme_id].frame(), held) for theme_id, held in boxes.items()}
        return {theme_id: frame for theme_id, frame in grown.items() if frame != self.themes[theme_id].frame()}

    def _describe(self, layout: Layout, start: dict[QGraphicsItem, tuple[QPointF, tuple[float, float]]],
                  themes: list[ThemeItem]) -> str:
        if themes:
            resized = any(_size(t) != start[t][1] for t in themes)
            name = themes[0].theme.name
            return (_("Resize theme “{name}”") if resized else _("Move theme “{name}”")).format(name=name)
        into = {p.theme_id for p in layout.notes}
        count = len(layout.notes)
        if len(into) == 1 and None not in into and any(self.ideas[p.idea_id].theme_id != p.theme_id
                                                        for p in layout.notes):
            name = self.themes[next(iter(into))].theme.name  # type: ignore[index]
            text = ngettext("Put {n} note in “{theme}”", "Put {n} notes in “{theme}”", count)
            return text.format(n=count, theme=name)
        return ngettext("Move {n} note", "Move {n} notes", count).format(n=count)

    # Double clicks and context menus -------------------------------------------------------------------------
    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        item = self._item_at(event.scenePos())
        if isinstance(item, NoteItem):
            self.note_activated.emit(item.idea.id)
        elif isinstance(item, ThemeItem) and item.in_header(item.mapFromScene(event.scenePos())):
            self.theme_activated.emit(item.theme.id)
        else:
            super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        item = self._item_at(event.scenePos())
        if item is not None and not item.isSelected():
            self.clearSelection()
            item.setSelected(True)
        self.context_requested.emit(item, event.screenPos())

    def _item_at(self, point: QPointF) -> NoteItem | ThemeItem | None:
        for item in self.items(point):
            if isinstance(item, NoteItem | ThemeItem):
                return item
        return None


def _size(item: QGraphicsItem) -> tuple[float, float]:
    rect = item.boundingRect()
    return rect.width(), rect.height()
