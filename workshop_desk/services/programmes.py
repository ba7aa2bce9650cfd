"""The programme of a file (one per file) and its stakeholder groups."""


from sqlmodel import col, select

from workshop_desk.domain import validation
from workshop_desk.domain.models import Programme, ProgrammeDraft, StakeholderGroup
from workshop_desk.i18n import N_, _
from workshop_desk.services.mapping import to_domain
from workshop_desk.services.writes import writes
from workshop_desk.storage import snapshots
from workshop_desk.storage.db import Database
from workshop_desk.storage.snapshots import Snapshot
from workshop_desk.storage.tables import ProgrammeTable, StakeholderGroupTable

DEFAULT_GROUPS: tuple[tuple[str, str], ...] = (
    (N_("Companies"), "#1E88E5"),
    (N_("Associations"), "#43A047"),
    (N_("Elected officials"), "#8E24AA"),
    (N_("State services"), "#546E7A"),
    (N_("Chambers of commerce"), "#FB8C00"),
    (N_("Development agencies"), "#00897B"),
    (N_("Residents"), "#E53935"),
    (N_("Others"), "#757575"),
)


def _clean(draft: ProgrammeDraft) -> dict[str, object]:
    if draft.start_date and draft.end_date and draft.end_date < draft.start_date:
        raise validation.ValidationError(_("The end date is before the start date."))
    return {
        "title": validation.clean_title(draft.title, _("Programme title")),
        "client": validation.clean_text(draft.client, _("Client")),
        "territory": validation.clean_text(draft.territory, _("Territory")),
        "start_date": draft.start_date,
        "end_date": draft.end_date,
        "objectives": validation.clean_text(draft.objectives, _("Objectives")),
        "logo": validation.clean_logo(draft.logo),
        "privacy_notice": validation.clean_text(draft.privacy_notice, _("Privacy notice")),
        "retention_years": _retention(draft.retention_years),
        "named_contributions": draft.named_contributions,
    }


class ProgrammeService:
    """Reads and edits the file's programme."""

    def __init__(self, database: Database) -> None:
        self._db = database

    @writes
    def create(self, draft: ProgrammeDraft, groups: list[tuple[str, str]] | None = None) -> Programme:
        """The file's programme with its stakeholder groups (name, colour); by default the usual
        groups in the current language."""
        if groups is None:
            groups = [(_(name), colour) for name, colour in DEFAULT_GROUPS]
        with self._db.session() as session:
            row = ProgrammeTable(**_clean(draft))  # type: ignore[arg-type]
            session.add(row)
            session.flush()
            assert row.id is not None
            for position, (name, colour) in enumerate(groups):
                session.add(StakeholderGroupTable(
                    programme_id=row.id, name=name, colour=colour, position=position))
            return to_domain(row, Programme)

    def get(self) -> Programme:
        """The file's programme."""
        with self._db.session() as session:
            row = session.exec(select(ProgrammeTable).order_by(col(ProgrammeTable.id))).first()
            if row is None:
                raise LookupError("no programme in this file")
            return to_domain(row, Programme)

    @writes
    def update(self, draft: ProgrammeDraft) -> Programme:
        """Save the edited programme fields."""
        values = _clean(draft)
        with self._db.session() as session:
            row = session.exec(select(ProgrammeTable).order_by(col(ProgrammeTable.id))).one()
            for name, value in values.items():
                setattr(row, name, value)
            session.add(row)
            return to_domain(row, Programme)

    def groups(self) -> list[StakeholderGroup]:
        """The stakeholder groups (collèges), in order."""
        with self._db.session() as session:
            rows = session.exec(select(StakeholderGroupTable).order_by(col(StakeholderGroupTable.position)))
            return [to_domain(row, StakeholderGroup) for row in rows]

    @writes
    def add_group(self, name: str, colour: str) -> StakeholderGroup:
        """A new stakeholder group at the end of the list."""
        with self._db.session() as session:
            programme = session.exec(select(ProgrammeTable).order_by(col(ProgrammeTable.id))).one()
            assert programme.id is not None
            count = len(session.exec(select(StakeholderGroupTable.id)).all())
            row = StakeholderGroupTable(programme_id=programme.id, name=_group_name(name),
                                        colour=_colour(colour), position=count)
            session.add(row)
            session.flush()
            return to_domain(row, StakeholderGroup)

    @writes
    def update_group(self, group_id: int, name: str, colour: str) -> StakeholderGroup:
        """Rename or recolour a group."""
        with self._db.session() as session:
            row = session.get(StakeholderGroupTable, group_id)
            if row is None:
                raise LookupError(f"group {group_id}")
            row.name, row.colour = _group_name(name), _colour(colour)
            session.add(row)
            return to_domain(row, StakeholderGroup)

    @writes
    def delete_group(self, group_id: int) -> Snapshot:
        """Delete a group; its members keep their records, with no group. Returns what an undo puts back."""
        with self._db.session() as session:
            return snapshots.remove(session, "stakeholder_group", [group_id])


def _retention(years: int) -> int:
    if not 1 <= years <= 30:
        raise validation.ValidationError(_("Personal data must be kept between 1 and 30 years."))
    return years


def _group_name(name: str) -> str:
    return validation.clean_title(name, _("Group name"))


def _colour(colour: str) -> str:
    """A '#RRGGBB' colour."""
    text = colour.strip()
    if len(text) != 7 or not text.startswith("#") or any(c not in "0123456789abcdefABCDEF" for c in text[1:]):
        raise validation.ValidationError(_("“{colour}” is not a colour like #1E88E5.").format(colour=colour))
    return text.upper()
