"""Phones in the room: a sitting's phone settings and join code, what a phone sees, and what it sends."""

import secrets
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import bindparam
from sqlmodel import Session, col, select

from workshop_desk.domain.clock import WallClock, utc_now
from workshop_desk.domain.countdown import TimerState
from workshop_desk.domain.counting import check_paper
from workshop_desk.domain.enums import BallotMethod, BallotStatus, ItemKind, Source
from workshop_desk.domain.ideas import Idea, IdeaDraft, Question
from workshop_desk.domain.joining import JoinCard
from workshop_desk.domain.phones import (
    PENDING,
    SHOWN,
    Contribution,
    ContributionError,
    PhoneSettings,
    PhonesMode,
    PhoneView,
    clean_contribution,
    device_voter,
)
from workshop_desk.domain.vote_methods import method_spec
from workshop_desk.domain.voting import Ballot, BallotPaper, Mark, participant_key
from workshop_desk.services.ballot_votes import load_paper
from workshop_desk.services.ideas import IdeaService, sitting_themes
from workshop_desk.services.mapping import fetch, to_domain
from workshop_desk.services.participants import ParticipantService
from workshop_desk.services.questions import QuestionService, voted_questions
from workshop_desk.services.voting import BallotService, load_ballot
from workshop_desk.services.writes import writes
from workshop_desk.storage.db import Database
from workshop_desk.storage.errors import StorageError, WriteProblem
from workshop_desk.storage.tables import (
    AgendaItemTable,
    BallotTable,
    IdeaTable,
    ParticipantTable,
    ProgrammeTable,
    QuestionTable,
    RoomTableTable,
    SittingTable,
    TimerTable,
)

_SETTINGS = {"join_code": "join_code", "mode": "phones_mode", "moderate_ideas": "moderate_ideas",
             "moderate_questions": "moderate_questions", "ideas_private": "ideas_private", "enabled": "phones_enabled",
             "by_table": "phones_by_table"}


def _settings(row: SittingTable) -> PhoneSettings:
    assert row.id is not None
    return PhoneSettings(row.id, row.join_code, PhonesMode(row.phones_mode), row.moderate_ideas,
                         row.moderate_questions, row.ideas_private, row.phones_enabled, row.phones_by_table)


def _tables(session: Session, row: SittingTable) -> tuple[tuple[int, str], ...]:
    """The room's tables a phone may pick from (none unless the sitting asks phones where they sit)."""
    if not row.phones_by_table:
        return ()
    found = session.exec(select(RoomTableTable.id, RoomTableTable.name).where(RoomTableTable.sitting_id == row.id)
                         .order_by(col(RoomTableTable.position), col(RoomTableTable.id)))
    return tuple((int(key), name) for key, name in found if key is not None)


PHONE_METHODS = [str(method) for method in BallotMethod if method_spec(method).phones]  # not a show of hands


def _open_ballot(session: Session, sitting_id: int) -> Ballot | None:
    """The sitting's most recently opened ballot that phones can fill in (a show of hands has no paper)."""
    found = session.exec(select(BallotTable.id).where(
        BallotTable.sitting_id == sitting_id, BallotTable.status == str(BallotStatus.OPEN),
        col(BallotTable.method).in_(PHONE_METHODS)).order_by(col(BallotTable.id).desc()).limit(1)).first()
    return None if found is None else load_ballot(session, found)


def _item_kind(session: Session, row: SittingTable) -> ItemKind | None:
    if row.current_item_id is None or row.run_ended_at is not None:
        return None
    item = session.get(AgendaItemTable, row.current_item_id)
    return None if item is None else ItemKind(item.kind)


def _timer(session: Session, sitting_id: int) -> TimerState | None:
    row = session.exec(select(TimerTable).where(TimerTable.sitting_id == sitting_id)).first()
    return None if row is None else to_domain(row, TimerState, duration_seconds=float(row.duration_seconds))


def _shown_questions(session: Session, sitting_id: int) -> tuple[Question, ...]:
    rows = session.exec(select(QuestionTable).where(
        QuestionTable.sitting_id == sitting_id, QuestionTable.status == SHOWN,
        col(QuestionTable.hidden).is_(False)).order_by(col(QuestionTable.votes).desc(), col(QuestionTable.id)))
    return tuple(to_domain(row, Question) for row in rows)


_MINE = select(IdeaTable).where(IdeaTable.sitting_id == bindparam("sitting"), IdeaTable.device == bindparam("device")
                                ).order_by(col(IdeaTable.id))  # built once: each phone's state asks it


def _mine(session: Session, sitting_id: int, device: str) -> tuple[Idea, ...]:
    rows = session.exec(_MINE, params={"sitting": sitting_id, "device": device})
    return tuple(to_domain(row, Idea) for row in rows)


def new_code() -> str:
    """11 URL-safe characters, 64 random bits: unguessable from a room, short enough to type and to show in large
    type on the join screen."""
    return secrets.token_urlsafe(8)


class PhoneService:
    """Each call is one unit of work returning domain objects; the participant server (server/) calls them from its
    worker threads, the console from its command layer."""

    def __init__(self, database: Database, ideas: IdeaService, questions: QuestionService, ballots: BallotService,
                 participants: ParticipantService, wall: WallClock = utc_now) -> None:
        self._db = database
        self._ideas = ideas
        self._questions = questions
        self._ballots = ballots
        self._participants = participants
        self._now = wall
        self._shared_view: tuple[tuple[int, int], PhoneView] | None = None  # see `_shared`

    # Settings ------------------------------------------------------------------------------------------------
    def settings(self, sitting_id: int) -> PhoneSettings:
        with self._db.session() as session:
            return _settings(fetch(session, SittingTable, sitting_id))

    def sitting_for_code(self, code: str) -> int | None:
        """The sitting whose join code is `code` (None: no such code, or revoked)."""
        with self._db.session() as session:
            return session.exec(select(SittingTable.id).where(SittingTable.join_code == code)).first()

    @writes
    def set_mode(self, sitting_id: int, mode: PhonesMode) -> PhoneSettings:
        return self._change(sitting_id, mode=str(PhonesMode(mode)))

    @writes
    def set_moderation(self, sitting_id: int, *, ideas: bool | None = None,
                       questions: bool | None = None) -> PhoneSettings:
        """Whether ideas, questions (or both) from phones wait for approval; None leaves one as it is."""
        values = {name: value for name, value in (("moderate_ideas", ideas), ("moderate_questions", questions))
                  if value is not None}
        return self._change(sitting_id, **values)

    @writes
    def set_ideas_private(self, sitting_id: int, private: bool) -> PhoneSettings:
        return self._change(sitting_id, ideas_private=private)

    @writes
    def set_by_table(self, sitting_id: int, by_table: bool) -> PhoneSettings:
        """Whether phones say which table they sit at (their ideas are then the table's, for the board's groups)."""
        return self._change(sitting_id, by_table=by_table)

    @writes
    def set_enabled(self, sitting_id: int, enabled: bool) -> PhoneSettings:
        """The console's Phones switch, remembered per sitting; switched on for the first time, the sitting gets
        its join code."""
        if enabled and self.settings(sitting_id).join_code is None:
            return self._change(sitting_id, enabled=True, join_code=new_code())
        return self._change(sitting_id, enabled=enabled)

    @writes
    def new_join_code(self, sitting_id: int) -> PhoneSettings:
        """A new random code for the join URL; the previous one stops working at once."""
        return self._change(sitting_id, join_code=new_code())

    @writes
    def revoke_join_code(self, sitting_id: int) -> PhoneSettings:
        """No code: no phone can join until a new one is made."""
        return self._change(sitting_id, join_code=None)

    def _change(self, sitting_id: int, **values: Any) -> PhoneSettings:
        with self._db.session() as session:
            row = fetch(session, SittingTable, sitting_id)
            for name, value in values.items():
                setattr(row, _SETTINGS.get(name, name), value)
            session.add(row)
            session.flush()
            return _settings(row)

    def join_card(self, sitting_id: int, url: str) -> JoinCard:
        """How phones join the sitting at `url`, with the room's Wi-Fi (LookupError: no such sitting)."""
        with self._db.session() as session:
            programme = session.exec(select(ProgrammeTable)).one()
            title = fetch(session, SittingTable, sitting_id).title
            return JoinCard(title, url, programme.wifi_name, programme.wifi_password)

    def wifi(self) -> tuple[str, str]:
        """The programme's Wi-Fi network name and password (for the join screen's QR code)."""
        with self._db.session() as session:
            programme = session.exec(select(ProgrammeTable)).one()
            return programme.wifi_name, programme.wifi_password

    @writes
    def set_wifi(self, name: str, password: str) -> tuple[str, str]:
        with self._db.session() as session:
            programme = session.exec(select(ProgrammeTable)).one()
            programme.wifi_name, programme.wifi_password = name.strip()[:32], password[:63]
            session.add(programme)
            return programme.wifi_name, programme.wifi_password

    # What a phone sees ---------------------------------------------------------------------------------------
    def view(self, sitting_id: int, device: str, participant_id: int | None) -> PhoneView:
        """Everything one phone may see (see `views`)."""
        return self.views(sitting_id, [(device, participant_id)])[0]

    def views(self, sitting_id: int, phones: Sequence[tuple[str, int | None]]) -> list[PhoneView]:
        """Everything each of these phones (device, participant after a badge check) may see, in one session and a
        fixed number of queries per phone: 800 phones ask for it at once after each change (what every phone sees
        is read once per change of the file, see `_shared`)."""
        with self._db.session() as session:
            shared = self._shared(session, sitting_id)
            return [self._own(session, shared, sitting_id, device, participant_id)
                    for device, participant_id in phones]

    def _own(self, session: Session, shared: PhoneView, sitting_id: int, device: str,
             participant_id: int | None) -> PhoneView:
        """`shared` with what is this phone's own: its name, ideas, +1s and paper."""
        voter = self.voter(device, participant_id)
        person = session.get(ParticipantTable, participant_id) if participant_id is not None else None
        return replace(
            shared, name=None if person is None else f"{person.first_name} {person.last_name}".strip(),
            mine=_mine(session, sitting_id, device), voted=voted_questions(session, sitting_id, voter),
            my_paper=None if shared.ballot is None else load_paper(session, shared.ballot.id, voter),
            now=self._now())

    def _shared(self, session: Session, sitting_id: int) -> PhoneView:
        """The part of the view every phone shares (no name, ideas, votes or paper of its own), read again only
        once a unit of work has committed since (the file's change count: the console's writes included)."""
        key = (sitting_id, self._db.change_count)
        cached = self._shared_view
        if cached is not None and cached[0] == key:
            return cached[1]
        row = fetch(session, SittingTable, sitting_id)
        shared = PhoneView(row.title, _settings(row), _item_kind(session, row), None,
                           tuple(sitting_themes(session, sitting_id)), _tables(session, row), (),
                           _shown_questions(session, sitting_id),
                           frozenset(), _open_ballot(session, sitting_id), None, _timer(session, sitting_id),
                           self._now())
        self._shared_view = (key, shared)
        return shared

    def capture_open(self, sitting_id: int) -> bool:
        """Phones may send ideas: the current agenda item is a brainstorm, or no item is under way."""
        with self._db.session() as session:
            return _item_kind(session, fetch(session, SittingTable, sitting_id)) in (ItemKind.BRAINSTORM, None)

    @staticmethod
    def voter(device: str, participant_id: int | None) -> str:
        """A phone's voter key: its participant's after a badge check, else its device's."""
        return participant_key(participant_id) if participant_id is not None else device_voter(device)

    # What a phone sends --------------------------------------------------------------------------------------
    @writes
    def add_idea(self, sitting_id: int, text: str, device: str, theme_id: int | None = None,
                 participant_id: int | None = None, table_id: int | None = None) -> Contribution:
        """An idea from a phone: pending if the sitting moderates ideas, hidden until revealed if it keeps them
        private, its table's when the sitting asks phones where they sit (ContributionError for an empty or too
        long text). A theme or table that is not the sitting's is ignored."""
        cleaned = clean_contribution(text)
        settings = self.settings(sitting_id)
        themes = {theme.id for theme in self._themes(sitting_id)}
        tables = {key for key, _name in self._tables(sitting_id)}
        draft = IdeaDraft(cleaned, participant_id=participant_id, hidden=settings.ideas_private, source=Source.PHONE,
                          status=PENDING if settings.moderate_ideas else SHOWN, device=device,
                          theme_id=theme_id if theme_id in themes else None,
                          table_id=table_id if table_id in tables else None)
        idea = self._ideas.add(sitting_id, draft)
        return Contribution(idea.id, idea.status)

    def _themes(self, sitting_id: int) -> list[Any]:
        with self._db.session() as session:
            return sitting_themes(session, sitting_id)

    def _tables(self, sitting_id: int) -> tuple[tuple[int, str], ...]:
        with self._db.session() as session:
            return _tables(session, fetch(session, SittingTable, sitting_id))

    @writes
    def add_question(self, sitting_id: int, text: str, device: str,
                     participant_id: int | None = None) -> Contribution:
        cleaned = clean_contribution(text)
        status = PENDING if self.settings(sitting_id).moderate_questions else SHOWN
        question = self._questions.add(sitting_id, cleaned, participant_id=participant_id, source=Source.PHONE,
                                       status=status, device=device)
        return Contribution(question.id, question.status)

    @writes
    def vote_question(self, sitting_id: int, question_id: int, device: str,
                      participant_id: int | None = None) -> Question:
        """A +1 from a phone, once per voter; LookupError for a question the phone cannot see."""
        with self._db.session() as session:
            row = session.get(QuestionTable, question_id)
            if row is None or row.sitting_id != sitting_id or row.status != SHOWN or row.hidden:
                raise LookupError(f"question {question_id}")
        return self._questions.vote_once(question_id, self.voter(device, participant_id))[0]

    def ballot_for_phones(self, sitting_id: int, ballot_id: int) -> tuple[Ballot, PhonesMode]:
        """The ballot phones send papers to, and the sitting's mode (LookupError for a ballot phones cannot fill
        in, ContributionError('closed') once it is closed): read once for papers that arrive together."""
        with self._db.session() as session:
            ballot = load_ballot(session, ballot_id)
            mode = PhonesMode(fetch(session, SittingTable, sitting_id).phones_mode)
        if ballot.sitting_id != sitting_id or not method_spec(ballot.method).phones:
            raise LookupError(f"ballot {ballot_id}")
        if ballot.status != BallotStatus.OPEN:
            raise ContributionError("closed")
        return ballot, mode

    def phone_paper(self, ballot: Ballot, mode: PhonesMode, marks: Sequence[Mark], device: str,
                    participant_id: int | None = None) -> BallotPaper:
        """A phone's paper for `ballot`, checked against the method's rules (ValidationError, in the language
        spoken) and the sitting's mode (ContributionError('badge_required') before a badge check)."""
        if mode == PhonesMode.BADGE and participant_id is None:
            raise ContributionError("badge_required")
        paper = BallotPaper(self.voter(device, participant_id), tuple(marks), source=Source.PHONE,
                            participant_id=participant_id)
        check_paper(ballot.method, ballot.settings, ballot.options, paper, ballot.criteria)
        return paper

    @writes
    def record_papers(self, ballot_id: int, papers: Sequence[BallotPaper]) -> list[BallotPaper]:
        """Phones' papers (from `phone_paper`) in one unit of work, each replacing its voter's earlier one: 800
        phones voting within a second make a few commits, not 800. The participant's group is attached by
        BallotService."""
        before = self._db.change_count
        try:
            recorded = self._ballots.cast_many(ballot_id, papers)
        except StorageError as error:  # a concurrent first paper of the same voter: these replace it
            if error.problem != WriteProblem.CONFLICT:
                raise
            recorded = self._ballots.cast_many(ballot_id, papers)
        self._carry_shared(before)
        return recorded

    def known_settings(self, sitting_id: int) -> PhoneSettings | None:
        """The sitting's phone settings if the shared view holds them as they are now (no reading: any thread),
        else None."""
        cached = self._shared_view
        if cached is not None and cached[0] == (sitting_id, self._db.change_count):
            return cached[1].settings
        return None

    def _carry_shared(self, before: int) -> None:
        """Papers change nothing phones share: the shared view read before them still holds after, as long as no
        other unit of work committed meanwhile (800 phones reading their state while the room votes)."""
        cached = self._shared_view
        if cached is not None and cached[0][1] == before and self._db.change_count == before + 1:
            self._shared_view = ((cached[0][0], before + 1), cached[1])

    def badge_check(self, code: str) -> int | None:
        """The participant whose badge carries `code` (the badge's QR text or the code typed), if any."""
        person = self._participants.by_badge(code)
        return None if person is None else person.id

    def name_of(self, participant_id: int) -> str:
        return self._participants.get(participant_id).full_name

    # Moderation ----------------------------------------------------------------------------------------------
    def pending(self, sitting_id: int) -> tuple[list[Idea], list[Question]]:
        """The ideas and questions from phones waiting for the facilitator's approval, oldest first."""
        ideas = self._ideas.ideas(sitting_id, PENDING)
        questions = sorted(self._questions.questions(sitting_id, PENDING), key=lambda q: q.id)
        return ideas, questions

    @writes
    def approve(self, idea_ids: Sequence[int] = (), question_ids: Sequence[int] = ()) -> None:
        """Let these contributions reach the board, the lists and the projector."""
        self._set_status(idea_ids, question_ids, SHOWN)

    @writes
    def reject(self, idea_ids: Sequence[int] = (), question_ids: Sequence[int] = ()) -> None:
        """Refuse contributions: they are deleted (the phone no longer sees them)."""
        if idea_ids:
            self._ideas.delete_many(idea_ids)
        for question_id in question_ids:
            self._questions.delete(question_id)

    def _set_status(self, idea_ids: Sequence[int], question_ids: Sequence[int], status: str) -> None:
        if idea_ids:
            self._ideas.set_status(idea_ids, status)
        for question_id in question_ids:
            self._questions.set_status(question_id, status)

