"""The idea board: sticky notes (capture, edit, move, merge, hide, delete) and the themes that group them."""

from collections.abc import Iterable, Sequence
from dataclasses import fields
from typing import Any

from sqlalchemy import Table, bindparam, insert, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from workshop_desk.domain import validation
from workshop_desk.domain.capture import capture_floor, capture_slots_among
from workshop_desk.domain.clock import WallClock, utc_now
from workshop_desk.domain.enums import Source
from workshop_desk.domain.ideas import (
    THEME_COLOURS,
    ArrangeBy,
    Board,
    Frame,
    Idea,
    IdeaDraft,
    Layout,
    MergeRecord,
    Placement,
    Theme,
    arrange,
    clean_note,
    frame_around,
    free_theme_spot,
    merge_plan,
    note_size,
)
from workshop_desk.domain.phones import SHOWN
from workshop_desk.i18n import _
from workshop_desk.services.mapping import fetch, to_domain
from workshop_desk.services.writes import writes
from workshop_desk.storage import snapshots
from workshop_desk.storage.db import Database
from workshop_desk.storage.snapshots import Snapshot
from workshop_desk.storage.tables import IdeaTable, RoomTableTable, SittingTable, ThemeTable

_CHUNK = 500  # ids per IN (...), well under SQLite's variable limit
_IDEA_FIELDS = tuple(f.name for f in fields(Idea))
_IDEA_COLUMNS = tuple(getattr(IdeaTable, name) for name in _IDEA_FIELDS)
_SOURCE = _IDEA_FIELDS.index("source")

# Capturing notes one at a time (typed, read off paper, sent from phones) is the board's busiest path: its
# statements are built once (building one cost more than running it).
_IDEAS: Table = IdeaTable.__table__  # type: ignore[attr-defined]
_SITTING = sa_select(col(SittingTable.id)).where(col(SittingTable.id) == bindparam("sitting"))
# Through the (sitting, y) index: only the notes at or below the capture area's top are read.
_IN_CAPTURE = sa_select(_IDEAS.c.x, _IDEAS.c.y).where(_IDEAS.c.sitting_id == bindparam("sitting"),
                                                      _IDEAS.c.y >= bindparam("floor"),
                                                      _IDEAS.c.merged_into_id.is_(None))
_FRAMES = sa_select(col(ThemeTable.id), col(ThemeTable.x), col(ThemeTable.y), col(ThemeTable.width),
                    col(ThemeTable.height)).where(col(ThemeTable.sitting_id) == bindparam("sitting"))
_CAPTURE = insert(_IDEAS).returning(*(_IDEAS.c[name] for name in _IDEA_FIELDS), sort_by_parameter_order=True)


def _ideas_where(session: Session, *conditions: Any) -> list[Idea]:
    """Notes read as plain tuples (10,000 of them in ~0.1 s; ORM rows would take several times longer)."""
    rows = session.execute(sa_select(*_IDEA_COLUMNS).where(*conditions).order_by(col(IdeaTable.id)))
    return [_idea(list(row)) for row in rows]


def _idea(values: list[Any]) -> Idea:
    values[_SOURCE] = Source(values[_SOURCE])
    return Idea(*values)


def _by_ids(session: Session, ids: Iterable[int]) -> list[Idea]:
    wanted = sorted(set(ids))
    found: list[Idea] = []
    for start in range(0, len(wanted), _CHUNK):
        found += _ideas_where(session, col(IdeaTable.id).in_(wanted[start:start + _CHUNK]))
    return found


def sitting_themes(session: Session, sitting_id: int) -> list[Theme]:
    rows = session.exec(select(ThemeTable).where(ThemeTable.sitting_id == sitting_id)
                        .order_by(col(ThemeTable.position), col(ThemeTable.id)))
    return [to_domain(row, Theme) for row in rows]


def _note_boxes(session: Session, sitting_id: int, leaving: set[int]) -> list[tuple[float, float, float, float]]:
    """Where the sitting's notes lie (x, y, width, height), those in `leaving` left out: a new theme avoids them."""
    ideas = _ideas_where(session, IdeaTable.sitting_id == sitting_id)
    return [(i.x, i.y, *note_size(i.text)) for i in ideas if i.on_board and i.id not in leaving]


def _board(session: Session, sitting_id: int) -> Board:
    ideas = _ideas_where(session, IdeaTable.sitting_id == sitting_id, IdeaTable.status == SHOWN)
    return Board(sitting_id, tuple(ideas), tuple(sitting_themes(session, sitting_id)))


def _set_many(session: Session, values: Sequence[dict[str, Any]], *names: str) -> None:
    """One executemany UPDATE of idea columns `names` (each dict has 'key' for the id, and the names)."""
    if values:
        statement = (update(IdeaTable).where(col(IdeaTable.id) == bindparam("key"))
                     .values({name: bindparam(name) for name in names}))
        session.connection().execute(statement, list(values))


def _apply_layout(session: Session, layout: Layout) -> Layout:
    """Write `layout`; returns the layout it replaced (for undo)."""
    ideas = {idea.id: idea for idea in _by_ids(session, (p.idea_id for p in layout.notes))}
    before_notes = tuple(Placement(i, ideas[i].x, ideas[i].y, ideas[i].theme_id) for i in
                         (p.idea_id for p in layout.notes) if i in ideas)
    _set_many(session, [{"key": p.idea_id, "x": p.x, "y": p.y, "theme_id": p.theme_id} for p in layout.notes
                        if p.idea_id in ideas], "x", "y", "theme_id")
    before_frames = []
    for frame in layout.themes:
        row = session.get(ThemeTable, frame.theme_id)
        if row is None:
            continue
        before_frames.append(Frame(frame.theme_id, row.x, row.y, row.width, row.height))
        row.x, row.y, row.width, row.height = frame.x, frame.y, max(frame.width, 120.0), max(frame.height, 100.0)
        session.add(row)
    return Layout(before_notes, tuple(before_frames))


def _sitting(session: Session, sitting_id: int) -> SittingTable:
    return fetch(session, SittingTable, sitting_id)


class IdeaService:
    """Each call is one unit of work returning domain objects; bulk operations take one transaction."""

    def __init__(self, database: Database, wall: WallClock = utc_now) -> None:
        self._db = database
        self._now = wall

    # Reading ---------------------------------------------------------------------------------------------
    def board(self, sitting_id: int) -> Board:
        """The sitting's notes (merged ones in) and themes."""
        with self._db.session() as session:
            return _board(session, sitting_id)

    def ideas(self, sitting_id: int, status: str = SHOWN) -> list[Idea]:
        """The sitting's notes; those sent from phones that wait for approval only when `status` is PENDING."""
        with self._db.session() as session:
            return _ideas_where(session, IdeaTable.sitting_id == sitting_id, IdeaTable.status == status)

    def sent_from(self, sitting_id: int, device: str) -> list[Idea]:
        """The notes one phone sent, whatever their state."""
        with self._db.session() as session:
            return _ideas_where(session, IdeaTable.sitting_id == sitting_id, IdeaTable.device == device)

    @writes
    def set_status(self, ids: Sequence[int], status: str) -> None:
        """Approve notes from phones (SHOWN: they join the board), or put them back in the queue."""
        with self._db.session() as session:
            _set_many(session, [{"key": i, "status": status} for i in ids], "status")

    def get_many(self, ids: Iterable[int]) -> list[Idea]:
        """These notes, whatever their state (merged, hidden), in id order; deleted ones are not found."""
        with self._db.session() as session:
            return _by_ids(session, ids)

    # Capture and edit ------------------------------------------------------------------------------------
    @writes
    def add(self, sitting_id: int, draft: IdeaDraft, position: tuple[float, float] | None = None) -> Idea:
        return self.add_many(sitting_id, [draft], [position] if position else None)[0]

    @writes
    def add_many(self, sitting_id: int, drafts: Sequence[IdeaDraft],
                 positions: Sequence[tuple[float, float]] | None = None) -> list[Idea]:
        """New notes (a pasted list: one per line), at `positions` or in the first free capture cells."""
        texts = [clean_note(draft.text) for draft in drafts]
        with self._db.session() as session:
            if session.execute(_SITTING, {"sitting": sitting_id}).first() is None:
                raise LookupError(f"sitting {sitting_id}")
            if positions is None:  # where the capture area's notes are: not the notes, nor those in themes
                frames = [Frame(*row) for row in session.execute(_FRAMES, {"sitting": sitting_id})]
                in_capture = [(x, y) for x, y in session.execute(_IN_CAPTURE, {"sitting": sitting_id,
                                                                               "floor": capture_floor(frames)})]
                positions = capture_slots_among(in_capture, frames, len(drafts))
            now = self._now()
            values = [{"sitting_id": sitting_id, "text": text, "x": x, "y": y, "created_at": now,
                       **_draft_values(draft)} for text, draft, (x, y) in zip(texts, drafts, positions, strict=True)]
            # Core executemany with RETURNING: a pasted list of hundreds of lines is one quick statement.
            rows = session.connection().execute(_CAPTURE, values)
            return sorted((_idea(list(row)) for row in rows), key=lambda idea: idea.id)

    @writes
    def edit(self, idea_id: int, text: str) -> Idea:
        cleaned = clean_note(text)
        with self._db.session() as session:
            row = _idea_row(session, idea_id)
            row.text = cleaned
            session.add(row)
            session.flush()
            return _by_ids(session, [idea_id])[0]

    # Placing ---------------------------------------------------------------------------------------------
    @writes
    def apply_layout(self, layout: Layout) -> Layout:
        """Move notes and theme areas (a drag, an arrangement, or their undo); returns the previous layout."""
        with self._db.session() as session:
            return _apply_layout(session, layout)

    @writes
    def set_theme_many(self, ids: Sequence[int], theme_id: int | None) -> Layout:
        """Put notes in a theme (None: take them out) where they are; returns the previous layout."""
        with self._db.session() as session:
            ideas = _by_ids(session, ids)
            return _apply_layout(session, Layout(tuple(Placement(i.id, i.x, i.y, theme_id) for i in ideas)))

    @writes
    def arrange(self, sitting_id: int, by: ArrangeBy) -> tuple[Layout, Layout]:
        """Lay the board out by theme or by table; returns the new layout and the one it replaced."""
        with self._db.session() as session:
            board = _board(session, sitting_id)
            tables = session.exec(select(RoomTableTable.id, RoomTableTable.position)
                                  .where(RoomTableTable.sitting_id == sitting_id)).all()
            layout = arrange(board, by, {table_id: position for table_id, position in tables if table_id})
            return layout, _apply_layout(session, layout)

    # Hiding, merging, deleting ---------------------------------------------------------------------------
    @writes
    def reveal(self, sitting_id: int) -> list[int]:
        """Show every hidden note of the sitting on the projector at once; returns the ids revealed."""
        with self._db.session() as session:
            hidden = _ideas_where(session, IdeaTable.sitting_id == sitting_id, col(IdeaTable.hidden).is_(True))
            _set_many(session, [{"key": i.id, "hidden": False} for i in hidden], "hidden")
            return [i.id for i in hidden]

    @writes
    def set_hidden(self, ids: Sequence[int], hidden: bool) -> None:
        with self._db.session() as session:
            _set_many(session, [{"key": i, "hidden": hidden} for i in ids], "hidden")

    @writes
    def merge(self, keep_id: int, other_ids: Sequence[int]) -> MergeRecord:
        """Fold notes into `keep_id`: their texts stay, under it (the board shows the count)."""
        with self._db.session() as session:
            keep = _idea_row(session, keep_id)
            ideas = {i.id: i for i in _ideas_where(session, IdeaTable.sitting_id == keep.sitting_id)}
            if any(i not in ideas for i in other_ids):
                raise LookupError(f"ideas {other_ids}")
            plan = merge_plan(ideas, keep_id, other_ids)
            _set_many(session, [{"key": i, "merged_into_id": target} for i, target in plan.items()], "merged_into_id")
            previous = tuple((i, ideas[i].merged_into_id) for i in sorted(plan))
            return MergeRecord(next(iter(plan.values())), previous)

    @writes
    def unmerge(self, record: MergeRecord) -> None:
        """Undo a merge: each note folds back to what it was folded into before (usually nothing)."""
        with self._db.session() as session:
            _set_many(session, [{"key": i, "merged_into_id": old} for i, old in record.previous], "merged_into_id")

    @writes
    def split(self, idea_id: int) -> MergeRecord:
        """Take the notes folded into this one back out (they reappear where they were)."""
        with self._db.session() as session:
            folded = _ideas_where(session, IdeaTable.merged_into_id == idea_id)
            _set_many(session, [{"key": i.id, "merged_into_id": None} for i in folded], "merged_into_id")
            return MergeRecord(idea_id, tuple((i.id, idea_id) for i in folded))

    @writes
    def delete_many(self, ids: Sequence[int]) -> Snapshot:
        """Delete notes and the notes folded into them; returns what an undo puts back."""
        with self._db.session() as session:
            chosen = [i.id for i in _by_ids(session, ids)]
            folded = [i.id for start in range(0, len(chosen), _CHUNK) for i in _ideas_where(
                session, col(IdeaTable.merged_into_id).in_(chosen[start:start + _CHUNK]))]
            return snapshots.remove(session, "idea", chosen + folded)


def _idea_row(session: Session, idea_id: int) -> IdeaTable:
    row = session.get(IdeaTable, idea_id)
    if row is None:
        raise LookupError(f"idea {idea_id}")
    return row


def _draft_values(draft: IdeaDraft) -> dict[str, Any]:
    return {"agenda_item_id": draft.agenda_item_id, "table_id": draft.table_id, "group_id": draft.group_id,
            "participant_id": draft.participant_id, "author": " ".join(draft.author.split())[:validation.MAX_TITLE],
            "colour": draft.colour, "hidden": draft.hidden, "source": str(draft.source), "status": draft.status,
            "device": draft.device, "theme_id": draft.theme_id}


def _frame(theme: Theme) -> Frame:
    return Frame(theme.id, theme.x, theme.y, theme.width, theme.height)


def _theme_row(session: Session, theme_id: int) -> ThemeTable:
    row = session.get(ThemeTable, theme_id)
    if row is None:
        raise LookupError(f"theme {theme_id}")
    return row


class ThemeService:
    """Themes of a sitting's board; each call is one unit of work."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def themes(self, sitting_id: int) -> list[Theme]:
        with self._db.session() as session:
            return sitting_themes(session, sitting_id)

    def get(self, theme_id: int) -> Theme:
        with self._db.session() as session:
            return to_domain(_theme_row(session, theme_id), Theme)

    @writes
    def create(self, sitting_id: int, name: str, idea_ids: Sequence[int] = (), colour: str | None = None,
               agenda_item_id: int | None = None) -> tuple[Theme, Layout]:
        """A theme beside the others, holding these notes packed inside it; returns it and the notes'
        previous layout (for undo)."""
        clean = validation.clean_title(name, _("Theme"))
        with self._db.session() as session:
            _sitting(session, sitting_id)
            themes = sitting_themes(session, sitting_id)
            ideas = [i for i in _by_ids(session, idea_ids) if i.sitting_id == sitting_id]
            sizes = [(i.id, *note_size(i.text)) for i in ideas]
            probe, _positions = frame_around(sizes, 0.0, 0.0)
            left, top = free_theme_spot([_frame(t) for t in themes], (probe.width, probe.height),
                                        _note_boxes(session, sitting_id, set(idea_ids)))
            frame, positions = frame_around(sizes, left, top)
            row = ThemeTable(sitting_id=sitting_id, agenda_item_id=agenda_item_id, name=clean,
                             colour=colour or THEME_COLOURS[len(themes) % len(THEME_COLOURS)], x=frame.x, y=frame.y,
                             width=frame.width, height=frame.height, position=len(themes))
            session.add(row)
            session.flush()
            assert row.id is not None
            previous = _apply_layout(session, Layout(tuple(Placement(i.id, *positions[i.id], row.id) for i in ideas)))
            return to_domain(row, Theme), previous

    @writes
    def rename(self, theme_id: int, name: str) -> Theme:
        return self._change(theme_id, name=validation.clean_title(name, _("Theme")))

    @writes
    def recolour(self, theme_id: int, colour: str) -> Theme:
        return self._change(theme_id, colour=colour)

    def _change(self, theme_id: int, **values: Any) -> Theme:
        with self._db.session() as session:
            row = _theme_row(session, theme_id)
            for name, value in values.items():
                setattr(row, name, value)
            session.add(row)
            session.flush()
            return to_domain(row, Theme)

    @writes
    def delete(self, theme_id: int, layout: Layout | None = None) -> Snapshot:
        """Remove a theme (its notes stay where they are, unsorted), then apply `layout` if given (undo of a
        creation puts the notes back); returns what restore() needs."""
        with self._db.session() as session:
            snapshot = snapshots.remove(session, "theme", [theme_id])
            if layout is not None:
                _apply_layout(session, layout)
            return snapshot

    @writes
    def restore(self, snapshot: Snapshot, layout: Layout | None = None) -> None:
        """Put a deleted theme back, with its id, its notes and the ballot options that named it; then `layout`."""
        with self._db.session() as session:
            snapshots.restore(session, snapshot)
            if layout is not None:
                _apply_layout(session, layout)
