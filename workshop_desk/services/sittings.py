"""Sittings of the programme: create (blank or from a template), edit, duplicate, reorder, delete."""

from sqlmodel import Session, col, select

from workshop_desk.domain import validation
from workshop_desk.domain.agenda import moved
from workshop_desk.domain.models import AgendaItem, Sitting, SittingAgenda, SittingDraft
from workshop_desk.domain.phones import moderates_questions
from workshop_desk.domain.templates import template
from workshop_desk.i18n import _
from workshop_desk.services.mapping import renumber, to_domain
from workshop_desk.services.writes import writes
from workshop_desk.storage import snapshots
from workshop_desk.storage.db import Database
from workshop_desk.storage.snapshots import Snapshot
from workshop_desk.storage.tables import AgendaItemTable, ProgrammeTable, SittingTable


def _clean(draft: SittingDraft) -> dict[str, object]:
    if draft.start_time and draft.end_time and draft.end_time <= draft.start_time:
        raise validation.ValidationError(_("The sitting must end after it starts."))
    if not 0 <= draft.expected_headcount <= 100_000:
        raise validation.ValidationError(_("The expected headcount must be between 0 and 100,000."))
    return {
        "title": validation.clean_title(draft.title, _("Sitting title")),
        "kind": str(draft.kind),
        "date": draft.date,
        "start_time": draft.start_time,
        "end_time": draft.end_time,
        "venue": validation.clean_text(draft.venue, _("Venue")),
        "facilitators": validation.clean_text(draft.facilitators, _("Facilitators")),
        "expected_headcount": draft.expected_headcount,
        "objectives": validation.clean_text(draft.objectives, _("Objectives")),
    }


def ordered_items(session: Session, sitting_id: int) -> list[AgendaItemTable]:
    """The sitting's item rows in agenda order."""
    query = select(AgendaItemTable).where(AgendaItemTable.sitting_id == sitting_id)
    return list(session.exec(query.order_by(col(AgendaItemTable.position))))


def sitting_agenda(session: Session, sitting_id: int) -> SittingAgenda:
    """A sitting with its ordered items, read in `session`."""
    row = session.get(SittingTable, sitting_id)
    if row is None:
        raise LookupError(f"sitting {sitting_id}")
    items = tuple(to_domain(item, AgendaItem) for item in ordered_items(session, sitting_id))
    return SittingAgenda(to_domain(row, Sitting), items)


class SittingService:
    """The programme's sittings."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def all(self) -> list[Sitting]:
        """All sittings in programme order."""
        with self._db.session() as session:
            query = select(SittingTable).order_by(col(SittingTable.position), col(SittingTable.id))
            rows = session.exec(query)
            return [to_domain(row, Sitting) for row in rows]

    def agenda(self, sitting_id: int) -> SittingAgenda:
        """One sitting and its agenda."""
        with self._db.session() as session:
            return sitting_agenda(session, sitting_id)

    @writes
    def create(self, draft: SittingDraft, template_key: str | None = None) -> SittingAgenda:
        """A new sitting at the end of the programme, with a template's agenda if given."""
        values = _clean(draft)
        with self._db.session() as session:
            programme = session.exec(select(ProgrammeTable)).first()
            if programme is None:
                raise LookupError("no programme in this file")
            count = len(session.exec(select(SittingTable.id)).all())
            row = SittingTable(programme_id=programme.id, position=count, **values)  # type: ignore[arg-type]
            row.moderate_questions = moderates_questions(draft.kind)
            session.add(row)
            session.flush()
            assert row.id is not None
            if template_key:
                for position, item in enumerate(template(template_key).drafts()):
                    session.add(AgendaItemTable(
                        sitting_id=row.id, position=position, title=item.title,
                        kind=str(item.kind), planned_minutes=item.planned_minutes))
            session.flush()
            return sitting_agenda(session, row.id)

    @writes
    def update(self, sitting_id: int, draft: SittingDraft) -> Sitting:
        """Save the edited fields of a sitting."""
        values = _clean(draft)
        with self._db.session() as session:
            row = session.get(SittingTable, sitting_id)
            if row is None:
                raise LookupError(f"sitting {sitting_id}")
            for name, value in values.items():
                setattr(row, name, value)
            session.add(row)
            return to_domain(row, Sitting)

    @writes
    def duplicate(self, sitting_id: int) -> SittingAgenda:
        """A copy of the sitting and its agenda, placed right after it, with no run recorded."""
        with self._db.session() as session:
            source = sitting_agenda(session, sitting_id)
            copy = SittingTable(**self._copy_fields(source.sitting))  # type: ignore[arg-type]
            pattern = _("{title} (copy)")
            room = validation.MAX_TITLE - len(pattern.format(title=""))  # a title at the limit must still fit
            title = pattern.format(title=copy.title[:room].rstrip())
            copy.title = validation.clean_title(title, _("Title"))
            session.add(copy)
            session.flush()
            assert copy.id is not None
            for item in source.items:
                session.add(AgendaItemTable(
                    sitting_id=copy.id, position=item.position, title=item.title, kind=str(item.kind),
                    planned_minutes=item.planned_minutes, notes=item.notes))
            order = [s.id for s in self._ordered(session) if s.id is not None and s.id != copy.id]
            order.insert(order.index(sitting_id) + 1, copy.id)
            self._renumber(session, order)
            session.flush()
            return sitting_agenda(session, copy.id)

    @writes
    def delete(self, sitting_id: int) -> Snapshot:
        """Delete a sitting with everything that belongs to it (agenda, attendance, notes, ballots, tables…);
        returns what an undo puts back."""
        with self._db.session() as session:
            snapshot = snapshots.remove(session, "sitting", [sitting_id])
            # close the gap: `create` appends at position = count
            self._renumber(session, [s.id for s in self._ordered(session) if s.id is not None])
            return snapshot

    @writes
    def reorder(self, ordered_ids: list[int]) -> list[Sitting]:
        """Put the sittings in this order."""
        with self._db.session() as session:
            self._renumber(session, ordered_ids)
            session.flush()
            return [to_domain(row, Sitting) for row in self._ordered(session)]

    @writes
    def move(self, sitting_id: int, to_row: int) -> list[Sitting]:
        """Move one sitting to another row."""
        ids = [sitting.id for sitting in self.all()]
        return self.reorder(moved(ids, ids.index(sitting_id), to_row))

    @staticmethod
    def _ordered(session: Session) -> list[SittingTable]:
        query = select(SittingTable).order_by(col(SittingTable.position), col(SittingTable.id))
        return list(session.exec(query))

    @staticmethod
    def _renumber(session: Session, ordered_ids: list[int]) -> None:
        renumber(session, {row.id: row for row in session.exec(select(SittingTable))}, ordered_ids, "sitting")

    @staticmethod
    def _copy_fields(sitting: Sitting) -> dict[str, object]:
        names = ("programme_id", "title", "kind", "date", "start_time", "end_time", "venue",
                 "facilitators", "expected_headcount", "objectives", "position")
        values = {name: getattr(sitting, name) for name in names}
        values["kind"] = str(sitting.kind)
        return values
