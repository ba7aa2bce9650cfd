"""SQLModel table classes: the whole product's schema, one class per table."""

# No `from __future__ import annotations` here: it breaks SQLModel's field resolution.
import datetime as dt

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel


def _now() -> dt.datetime:
    """The current time, timezone-aware (the column type refuses naive datetimes)."""
    return dt.datetime.now(dt.UTC)


# Ids are never reused (AUTOINCREMENT): an undo puts deleted rows back under their own ids, which a row added
# meanwhile — by a phone, or by an action not on the undo stack — must not have taken.
_KEEP_IDS = {"sqlite_autoincrement": True}


def _fk(target: str, nullable: bool = True, cascade: bool = True) -> int | None:
    """A foreign key column, indexed; deleting the parent deletes or clears the child."""
    return Field(  # type: ignore[no-any-return]
        default=None, foreign_key=target, index=True, nullable=nullable,
        ondelete="CASCADE" if cascade else "SET NULL",
    )


class ProgrammeTable(SQLModel, table=True):
    __tablename__ = "programme"
    __table_args__ = _KEEP_IDS
    id: int | None = Field(default=None, primary_key=True)
    title: str
    client: str = ""
    territory: str = ""
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    objectives: str = ""
    logo: bytes | None = None  # the client's logo (PNG, JPEG or SVG), kept in the file so it travels
    privacy_notice: str = ""
    retention_years: int = 3
    named_contributions: bool = False  # contributions published with the contributor's name (the notice says so)
    wifi_name: str = ""  # the room's network, for the join screen's Wi-Fi QR code (entered once per programme)
    wifi_password: str = ""
    created_at: dt.datetime = Field(default_factory=_now)


class StakeholderGroupTable(SQLModel, table=True):
    __tablename__ = "stakeholder_group"
    __table_args__ = _KEEP_IDS
    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = _fk("programme.id", nullable=False)  # type: ignore[assignment]
    name: str
    colour: str = "#888888"
    position: int = 0


class SittingTable(SQLModel, table=True):
    __tablename__ = "sitting"
    __table_args__ = _KEEP_IDS
    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = _fk("programme.id", nullable=False)  # type: ignore[assignment]
    title: str
    kind: str = "workshop"
    date: dt.date | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    venue: str = ""
    facilitators: str = ""
    expected_headcount: int = 0
    objectives: str = ""
    position: int = 0
    current_item_id: int | None = None
    run_started_at: dt.datetime | None = None
    run_ended_at: dt.datetime | None = None
    # Phones (server/): the code in the join URL (None: no phone may join; a new one revokes the old), how phones
    # vote (anonymous device or checked badge), which contributions wait for approval, and the console's switch.
    join_code: str | None = Field(default=None, unique=True, index=True)
    phones_mode: str = "anonymous"
    moderate_ideas: bool = False
    moderate_questions: bool = False
    ideas_private: bool = False  # round by round: a phone's ideas stay hidden until the facilitator reveals them
    phones_enabled: bool = False
    phones_by_table: bool = False  # phones say which table they sit at: their ideas are the table's


class AgendaItemTable(SQLModel, table=True):
    __tablename__ = "agenda_item"
    __table_args__ = _KEEP_IDS
    id: int | None = Field(default=None, primary_key=True)
    sitting_id: int = _fk("sitting.id", nullable=False)  # type: ignore[assignment]
    position: int = 0
    title: str
    kind: str = "other"
    planned_minutes: int = 10
    notes: str = ""
    actual_start: dt.datetime | None = None
    actual_end: dt.datetime | None = None


class ParticipantTable(SQLModel, table=True):
    __tablename__ = "participant"
    __table_args__ = _KEEP_IDS
    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = _fk("programme.id", nullable=False)  # type: ignore[assignment]
    civility: str = ""
    first_name: str = ""
    last_name: str = ""
    organisation: str = ""
    role: str = ""
    group_id: int | None = _fk("stakeholder_group.id", cascade=False)
    email: str = ""
    phone: str = ""
    notes: str = ""
    consent_contact: bool = False
    consent_photos: bool = False
    badge_code: str = Field(unique=True, index=True)
    anonymised: bool = False
    created_at: dt.datetime = Field(default_factory=_now)


class AttendanceTable(SQLModel, table=True):
    """A participant expected at (or present in) a sitting: one row per person and sitting."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("sitting_id", "participant_id"), _KEEP_IDS)
    id: int | None = Field(default=None, primary_key=True)
    sitting_id: int = _fk("sitting.id", nullable=False)  # type: ignore[assignment]
    participant_id: int = _fk("participant.id", nullable=False)  # type: ignore[assignment]
    status: str = "invited"
    signed_in_at: dt.datetime | None = None
    left_at: dt.datetime | None = None
    source: str = "console"


class RoomTableTable(SQLModel, table=True):
    """A table in the room (world café, round tables) — not a database table."""

    __tablename__ = "room_table"
    __table_args__ = _KEEP_IDS
    id: int | None = Field(default=None, primary_key=True)
    sitting_id: int = _fk("sitting.id", nullable=False)  # type: ignore[assignment]
    name: str
    theme: str = ""
    capacity: int = 8
    host_id: int | None = _fk("participant.id", cascade=False)
    rapporteur_id: int | None = _fk("participant.id", cascade=False)
    position: int = 0


class RoundTable(SQLModel, table=True):
    """A timed round of a sitting (world-café rotation, brainstorm round)."""

    __tablename__ = "round"
    __table_args__ = _KEEP_IDS
    id: int | None = Field(default=None, primary_key=True)
    sitting_id: int = _fk("sitting.id", nullable=False)  # type: ignore[assignment]
    agenda_item_id: int | None = _fk("agenda_item.id", cascade=False)
    number: int = 1
    planned_seconds: int = 0
    started_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None


class TableAssignmentTable(SQLModel, table=True):
    __tablename__ = "table_assignment"
    __table_args__ = (UniqueConstraint("round_id", "participant_id"), _KEEP_IDS)  # one seat per person and round
    id: int | None = Field(default=None, primary_key=True)
    round_id: int = _fk("round.id", nullable=False)  # type: ignore[assignment]
    table_id: int = _fk("room_table.id", nullable=False)  # type: ignore[assignment]
    participant_id: int = _fk("participant.id", nullable=False)  # type: ignore[assignment]
    fixed: bool = False


class SpeakingTurnTable(SQLModel, table=True):
    __tablename__ = "speaking_turn"
    __table_args__ = _KEEP_IDS
    id: int | None = Field(default=None, primary_key=True)
    sitting_id: int = _fk("sitting.id", nullable=False)  # type: ignore[assignment]
    agenda_item_id: int | None = _fk("agenda_item.id", cascade=False)
    participant_id: int | None = _fk("participant.id", cascade=False)
    speaker_name: str = ""
    position: int = 0
    allotted_seconds: int = 300
    started_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None


class TimerTable(SQLModel, table=True):
    """The state of a countdown, saved so that a restart resumes it."""

    __tablename__ = "timer"
    __table_args__ = _KEEP_IDS
    id: int | None = Field(default=None, primary_key=True)
    sitting_id: int | None = _fk("sitting.id")
    agenda_item_id: int | None = _fk("agenda_item.id", cascade=False)
    label: str = ""
    duration_seconds: int = 0
    started_at: dt.datetime | None = None
    accumulated_seconds: float = 0.0
    running: bool = False


class ThemeTable(SQLModel, table=True):
    __tablename__ = "theme"
    __table_args__ = _KEEP_IDS
    id: int | None = Field(default=None, primary_key=True)
    sitting_id: int = _fk("sitting.id", nullable=False)  # type: ignore[assignment]
    agenda_item_id: int | None = _fk("agenda_item.id", cascade=False)
    name: str
    colour: str = "#FFE082"
    x: float = 0.0
    y: float = 0.0
    width: float = 400.0
    height: float = 300.0
    position: int = 0


class IdeaTable(SQLModel, table=True):
    """A sticky note."""

    __tablename__ = "idea"
    # The capture area's notes (below the themes) are found without reading those sorted into themes.
    __table_args__ = (Index("ix_idea_sitting_y", "sitting_id", "y"), _KEEP_IDS)
    id: int | None = Field(default=None, primary_key=True)
    sitting_id: int = _fk("sitting.id", nullable=False)  # type: ignore[assignment]
    agenda_item_id: int | None = _fk("agenda_item.id", cascade=False)
    table_id: int | None = _fk("room_table.id", cascade=False)
    group_id: int | None = _fk("stakeholder_group.id", cascade=False)
    participant_id: int | None = _fk("participant.id", cascade=False)
    theme_id: int | None = _fk("theme.id", cascade=False)
    merged_into_id: int | None = _fk("idea.id", cascade=False)
    text: str
    author: str = ""
    colour: str = ""
    x: float = 0.0
    y: float = 0.0
    hidden: bool = False
    source: str = "console"
    created_at: dt.datetime = Field(default_factory=_now)
    status: str = "shown"  # "pending": sent from a phone, waiting for the facilitator's approval
    device: str = ""  # the sending phone's device hash (its own contributions are shown back to it)


class QuestionTable(SQLModel, table=True):
    __tablename__ = "question"
    __table_args__ = _KEEP_IDS
    id: int | None = Field(default=None, primary_key=True)
    sitting_id: int = _fk("sitting.id", nullable=False)  # type: ignore[assignment]
    agenda_item_id: int | None = _fk("agenda_item.id", cascade=False)
    participant_id: int | None = _fk("participant.id", cascade=False)
    text: str
    asked_by: str = ""
    answer: str = ""  # what was answered, noted by the facilitator
    votes: int = 0
    answered: bool = False
    pinned: bool = False
    hidden: bool = False
    source: str = "console"
    created_at: dt.datetime = Field(default_factory=_now)
    status: str = "shown"  # "pending": sent from a phone, waiting for the facilitator's approval
    device: str = ""  # the sending phone's device hash


class QuestionVoteTable(SQLModel, table=True):
    """A phone's +1 on a question: one per voter (device or badge), which the database itself enforces."""

    __tablename__ = "question_vote"
    __table_args__ = (UniqueConstraint("question_id", "voter_key"), _KEEP_IDS)
    id: int | None = Field(default=None, primary_key=True)
    question_id: int = Field(foreign_key="question.id", ondelete="CASCADE")
    voter_key: str


class BallotTable(SQLModel, table=True):
    __tablename__ = "ballot"
    __table_args__ = _KEEP_IDS
    id: int | None = Field(default=None, primary_key=True)
    sitting_id: int = _fk("sitting.id", nullable=False)  # type: ignore[assignment]
    agenda_item_id: int | None = _fk("agenda_item.id", cascade=False)
    title: str
    method: str = "dots"
    settings_json: str = "{}"
    status: str = "draft"
    revealed: bool = False
    shuffled: bool = False
    voters_numbered: int = 0  # the highest anonymous voter number given: the next is one more, never one reused
    created_at: dt.datetime = Field(default_factory=_now)


class BallotOptionTable(SQLModel, table=True):
    __tablename__ = "ballot_option"
    __table_args__ = _KEEP_IDS
    id: int | None = Field(default=None, primary_key=True)
    ballot_id: int = _fk("ballot.id", nullable=False)  # type: ignore[assignment]
    idea_id: int | None = _fk("idea.id", cascade=False)
    theme_id: int | None = _fk("theme.id", cascade=False)
    label: str
    description: str = ""
    position: int = 0


class CriterionTable(SQLModel, table=True):
    __tablename__ = "criterion"
    __table_args__ = _KEEP_IDS
    id: int | None = Field(default=None, primary_key=True)
    ballot_id: int = _fk("ballot.id", nullable=False)  # type: ignore[assignment]
    name: str
    weight: float = 1.0
    position: int = 0


class VoteTable(SQLModel, table=True):
    """One vote: a value for an option (and a criterion), from a voter, with its source."""

    __tablename__ = "vote"
    # A voter's earlier paper is found without reading the others' (a ballot of 8,000 papers, cast one by one).
    __table_args__ = (Index("ix_vote_ballot_voter", "ballot_id", "voter_key"), _KEEP_IDS)
    id: int | None = Field(default=None, primary_key=True)
    ballot_id: int = _fk("ballot.id", nullable=False)  # type: ignore[assignment]
    option_id: int | None = _fk("ballot_option.id")
    criterion_id: int | None = _fk("criterion.id")
    participant_id: int | None = _fk("participant.id", cascade=False)
    group_id: int | None = _fk("stakeholder_group.id", cascade=False)
    voter_key: str = ""
    value: float = 0.0
    axis: str = ""
    comment: str = ""
    source: str = "console"
    created_at: dt.datetime = Field(default_factory=_now)


class BallotVoterTable(SQLModel, table=True):
    """Each voter who has cast a paper on a ballot, once: the database refuses a second first paper (two phones
    sending the same badge at once); a later paper replaces the votes and keeps this row."""

    __tablename__ = "ballot_voter"
    __table_args__ = (UniqueConstraint("ballot_id", "voter_key"), _KEEP_IDS)
    id: int | None = Field(default=None, primary_key=True)
    ballot_id: int = Field(foreign_key="ballot.id", ondelete="CASCADE")
    voter_key: str


class PriorityTable(SQLModel, table=True):
    __tablename__ = "priority"
    __table_args__ = _KEEP_IDS
    id: int | None = Field(default=None, primary_key=True)
    sitting_id: int = _fk("sitting.id", nullable=False)  # type: ignore[assignment]
    ballot_id: int | None = _fk("ballot.id", cascade=False)
    option_id: int | None = _fk("ballot_option.id", cascade=False)
    idea_id: int | None = _fk("idea.id", cascade=False)
    position: int = 0
    title: str
    method: str = ""
    score: float | None = None
    justification: str = ""  # the facilitator's words
    standing_json: str = ""  # where it stood in its vote, as facts (domain/priorities.py VoteStanding)


class ActionTable(SQLModel, table=True):
    __tablename__ = "action"
    __table_args__ = _KEEP_IDS
    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = _fk("programme.id", nullable=False)  # type: ignore[assignment]
    sitting_id: int | None = _fk("sitting.id", cascade=False)
    priority_id: int | None = _fk("priority.id", cascade=False)
    idea_id: int | None = _fk("idea.id", cascade=False)
    title: str
    description: str = ""
    lead: str = ""
    partners: str = ""
    deadline: dt.date | None = None
    budget: float | None = None
    status: str = "proposed"
    position: int = 0


class IndicatorTable(SQLModel, table=True):
    __tablename__ = "indicator"
    __table_args__ = _KEEP_IDS
    id: int | None = Field(default=None, primary_key=True)
    action_id: int = _fk("action.id", nullable=False)  # type: ignore[assignment]
    name: str
    target: str = ""
    position: int = 0


class WalAnchorTable(SQLModel, table=True):
    """The digest of the file's pages when its write-ahead log began (storage/wal.py): a log is only ever replayed
    into the file it was written against."""

    __tablename__ = "wal_anchor"
    id: int | None = Field(default=None, primary_key=True)
    page_size: int
    digests: bytes
    written_at: str
