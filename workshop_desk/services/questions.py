"""Questions from the room: typed in, +1 per request, answered, pinned on the projector, hidden if off topic."""


from sqlalchemy import bindparam
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from workshop_desk.domain import validation
from workshop_desk.domain.clock import WallClock, utc_now
from workshop_desk.domain.enums import Source
from workshop_desk.domain.ideas import MAX_NOTE, Question, clean_answer, order_questions, split_questions
from workshop_desk.domain.phones import SHOWN
from workshop_desk.i18n import _
from workshop_desk.services.mapping import fetch, to_domain
from workshop_desk.services.writes import writes
from workshop_desk.storage import snapshots
from workshop_desk.storage.db import Database
from workshop_desk.storage.snapshots import Snapshot
from workshop_desk.storage.tables import QuestionTable, QuestionVoteTable, SittingTable


def clean_question(text: str) -> str:
    """A question's text: one line, trimmed, not empty, at most MAX_NOTE characters."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise validation.ValidationError(_("A question cannot be empty."))
    if len(cleaned) > MAX_NOTE:
        raise validation.ValidationError(_("A question is at most {max} characters ({n} typed).").format(
            max=MAX_NOTE, n=len(cleaned)))
    return cleaned


_VOTED = select(QuestionVoteTable.question_id).join(
    QuestionTable, col(QuestionTable.id) == col(QuestionVoteTable.question_id)).where(
    QuestionTable.sitting_id == bindparam("sitting"), QuestionVoteTable.voter_key == bindparam("voter"))


def voted_questions(session: Session, sitting_id: int, voter: str) -> frozenset[int]:
    """The ids of the sitting's questions that `voter` has +1'd, in one query (built once: each phone's state
    asks it)."""
    return frozenset(session.exec(_VOTED, params={"sitting": sitting_id, "voter": voter}).all())


def _row(session: Session, question_id: int) -> QuestionTable:
    return fetch(session, QuestionTable, question_id)


class QuestionService:
    """Each call is one unit of work and returns domain objects."""

    def __init__(self, database: Database, wall: WallClock = utc_now) -> None:
        self._db = database
        self._now = wall

    def questions(self, sitting_id: int, status: str = SHOWN) -> list[Question]:
        """The sitting's questions: open ones by votes, then answered ones, then hidden ones; those from phones
        that wait for approval only when `status` is PENDING."""
        with self._db.session() as session:
            rows = session.exec(select(QuestionTable).where(QuestionTable.sitting_id == sitting_id,
                                                            QuestionTable.status == status))
            return order_questions(to_domain(row, Question) for row in rows)

    def for_minutes(self, sitting_id: int) -> tuple[list[Question], list[Question]]:
        """Answered and unanswered questions (off-topic ones left out), each by votes."""
        return split_questions(self.questions(sitting_id))

    def pinned(self, sitting_id: int) -> Question | None:
        """The question shown on the projector, if any."""
        with self._db.session() as session:
            row = session.exec(select(QuestionTable).where(QuestionTable.sitting_id == sitting_id,
                                                           QuestionTable.pinned == True)).first()  # noqa: E712
            return to_domain(row, Question) if row is not None else None

    @writes
    def add(self, sitting_id: int, text: str, asked_by: str = "", agenda_item_id: int | None = None,
            participant_id: int | None = None, source: Source = Source.CONSOLE, status: str = SHOWN,
            device: str = "") -> Question:
        cleaned = clean_question(text)
        with self._db.session() as session:
            if session.get(SittingTable, sitting_id) is None:
                raise LookupError(f"sitting {sitting_id}")
            row = QuestionTable(sitting_id=sitting_id, text=cleaned, asked_by=" ".join(asked_by.split())[:200],
                                agenda_item_id=agenda_item_id, participant_id=participant_id, source=str(source),
                                created_at=self._now(), status=status, device=device)
            session.add(row)
            session.flush()
            return to_domain(row, Question)

    @writes
    def edit(self, question_id: int, text: str, asked_by: str) -> Question:
        return self._change(question_id, text=clean_question(text), asked_by=" ".join(asked_by.split())[:200])

    @writes
    def vote(self, question_id: int, delta: int = 1) -> Question:
        """One more request for this question (or `delta`; never below zero)."""
        with self._db.session() as session:
            row = _row(session, question_id)
            row.votes = max(0, row.votes + delta)
            session.add(row)
            session.flush()
            return to_domain(row, Question)

    @writes
    def vote_once(self, question_id: int, voter: str) -> tuple[Question, bool]:
        """A +1 from a phone, once per voter (the database refuses a second); returns the question and whether this
        +1 counted."""
        with self._db.session() as session:
            row = _row(session, question_id)
            added = session.execute(sqlite_insert(QuestionVoteTable).values(question_id=question_id, voter_key=voter)
                                    .on_conflict_do_nothing()).rowcount  # type: ignore[attr-defined]
            if added:
                row.votes += 1
                session.add(row)
                session.flush()
            return to_domain(row, Question), bool(added)

    def voted(self, sitting_id: int, voter: str) -> frozenset[int]:
        """The sitting's questions this voter has +1'd."""
        with self._db.session() as session:
            return voted_questions(session, sitting_id, voter)

    @writes
    def set_status(self, question_id: int, status: str) -> Question:
        """Approve a question from a phone (SHOWN), or put it back in the queue."""
        return self._change(question_id, status=status)

    @writes
    def set_answered(self, question_id: int, answered: bool) -> Question:
        return self._change(question_id, answered=answered)

    @writes
    def set_answer(self, question_id: int, answer: str, answered: bool | None = None) -> Question:
        """Note what was answered. An answer marks the question answered (`answered` None); clearing it leaves the
        mark as it is, since a question can be answered without a note. Undo passes the previous mark."""
        cleaned = clean_answer(answer)
        values: dict[str, object] = {"answer": cleaned}
        if answered is not None or cleaned:
            values["answered"] = True if answered is None else answered
        return self._change(question_id, **values)

    @writes
    def set_hidden(self, question_id: int, hidden: bool) -> Question:
        """Hide an off-topic question (it leaves the projector and the minutes), or show it again."""
        values: dict[str, object] = {"hidden": hidden}
        if hidden:
            values["pinned"] = False
        return self._change(question_id, **values)

    @writes
    def pin(self, sitting_id: int, question_id: int | None) -> int | None:
        """Pin one question for the projector (None: unpin); returns the one pinned before, for undo."""
        with self._db.session() as session:
            rows = list(session.exec(select(QuestionTable).where(QuestionTable.sitting_id == sitting_id)))
            before = next((row.id for row in rows if row.pinned), None)
            if question_id is not None and question_id not in {row.id for row in rows}:
                raise LookupError(f"question {question_id}")
            for row in rows:
                if row.pinned != (row.id == question_id):
                    row.pinned = row.id == question_id
                    session.add(row)
            return before

    @writes
    def delete(self, question_id: int) -> Snapshot:
        """Remove a question; returns what an undo puts back."""
        with self._db.session() as session:
            return snapshots.remove(session, "question", [question_id])

    def _change(self, question_id: int, **values: object) -> Question:
        with self._db.session() as session:
            row = _row(session, question_id)
            for name, value in values.items():
                setattr(row, name, value)
            session.add(row)
            session.flush()
            return to_domain(row, Question)
