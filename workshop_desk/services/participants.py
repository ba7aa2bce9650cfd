"""The programme's participants (registry): add and list."""

from sqlmodel import col, select

from workshop_desk.domain import validation
from workshop_desk.domain.badges import new_badge_code
from workshop_desk.domain.models import Participant, ParticipantDraft
from workshop_desk.i18n import _
from workshop_desk.services.mapping import to_domain
from workshop_desk.storage.db import Database
from workshop_desk.storage.tables import ParticipantTable, ProgrammeTable


class ParticipantService:
    """Reads and adds participants."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def all(self) -> list[Participant]:
        """Everyone in the registry, sorted by last then first name."""
        with self._db.session() as session:
            query = select(ParticipantTable).order_by(col(ParticipantTable.last_name),
                                                      col(ParticipantTable.first_name))
            return [to_domain(row, Participant) for row in session.exec(query)]

    def add_many(self, drafts: list[ParticipantDraft]) -> list[Participant]:
        """Add participants in one transaction, each with a fresh badge code."""
        with self._db.session() as session:
            programme = session.exec(select(ProgrammeTable)).one()
            assert programme.id is not None
            rows = []
            for draft in drafts:
                if not (draft.first_name.strip() or draft.last_name.strip()):
                    raise validation.ValidationError(_("A participant needs a name."))
                rows.append(ParticipantTable(programme_id=programme.id, badge_code=new_badge_code(),
                                             **{k: getattr(draft, k) for k in draft.__dataclass_fields__}))
            session.add_all(rows)
            session.flush()
            return [to_domain(row, Participant) for row in rows]
