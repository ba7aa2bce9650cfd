"""SQLModel table classes: the whole product's schema, one class per table."""

# No `from __future__ import annotations` here: it breaks SQLModel's field resolution.
import datetime as dt

from sqlalchemy import Index, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from workshop_desk.storage.sync_sql import NEW_GID, NOW, new_gid, stamp_now


def _now() -> dt.datetime:
    """The current time, timezone-aware (the column type refuses naive datetimes)."""
    return dt.datetime.now(dt.UTC)


# Ids are never reused (AUTOINCREMENT): an undo puts deleted rows back under their own ids, which a row added
# meanwhile — by a phone, or by an action not on the undo stack — must not have taken.
_KEEP_IDS = {"sqlite_autoincrement": True}


class Travelling(SQLModel):
    """What a row that travels between laptops carries (storage/sync_sql.py keeps it up to date): its id on every
    laptop, which laptop last changed it (None: this file's own) and when, and the version that change was made to
    (for telling an edit made on top of another laptop's from two edits made apart). A deleted row leaves its
    marker in `sync_deleted`. The defaults are for rows written without the ORM (bulk inserts)."""

    gid: str = Field(default_factory=new_gid, unique=True, index=True,
                     sa_column_kwargs={"server_default": text(NEW_GID)})
    laptop: str | None = None
    changed_at: str = Field(default_factory=stamp_now, sa_column_kwargs={"server_default": text(NOW)})
    based_on: str | None = None


def _fk(target: str, nullable: bool = True, cascade: bool = True) -> int | None:
    """A foreign key column, indexed; deleting the parent deletes or clears the child."""
    return Field(  # type: ignore[no-any-return]
        default=None, foreign_key=target, index=True, nullable=nullable,
        ondelete="CASCADE" if cascade else "SET NULL",
    )


class ProgrammeTable(Travelling, table=True):
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


class StakeholderGroupTable(Travelling, table=True):
    __tablename__ = "stakeholder_group"
    __table_args__ = _KEEP_IDS
    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = _fk("programme.id", nullable=False)  # type: ignore[assignment]
    name: str
    colour: str = "#888888"
    position: int = 0


class SittingTable(Travelling, table=True):
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


class AgendaItemTable(Travelling, table=True):
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


class ParticipantTable(Travelling, table=True):
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


class AttendanceTable(Travelling, table=True):
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


class RoomTableTable(Travelling, table=True):
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


class RoundTable(Travelling, table=True):
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


class TableAssignmentTable(Travelling, table=True):
    __tablename__ = "table_assignment"
    __table_args__ = (UniqueConstraint("round_id", "participant_id"), _KEEP_IDS)  # one seat per person and round
    id: int | None = Field(default=None, primary_key=True)
    round_id: int = _fk("round.id", nullable=False)  # type: ignore[assignment]
    table_id: int = _fk("room_table.id", nullable=False)  # type: ignore[assignment]
    participant_id: int = _fk("participant.id", nullable=False)  # type: ignore[assignment]
    fixed: bool = False


class SpeakingTurnTable(Travelling, table=True):
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


class TimerTable(Travelling, table=True):
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


class ThemeTable(Travelling, table=True):
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


class IdeaTable(Travelling, table=True):
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


class QuestionTable(Travelling, table=True):
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


class QuestionVoteTable(Travelling, table=True):
    """A phone's +1 on a question: one per voter (device or badge), which the database itself enforces."""

    __tablename__ = "question_vote"
    __table_args__ = (UniqueConstraint("question_id", "voter_key"), _KEEP_IDS)
    id: int | None = Field(default=None, primary_key=True)
    question_id: int = Field(foreign_key="question.id", ondelete="CASCADE")
    voter_key: str


class BallotTable(Travelling, table=True):
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


class BallotOptionTable(Travelling, table=True):
    __tablename__ = "ballot_option"
    __table_args__ = _KEEP_IDS
    id: int | None = Field(default=None, primary_key=True)
    ballot_id: int = _fk("ballot.id", nullable=False)  # type: ignore[assignment]
    idea_id: int | None = _fk("idea.id", cascade=False)
    theme_id: int | None = _fk("theme.id", cascade=False)
    label: str
    description: str = ""
    position: int = 0


class CriterionTable(Travelling, table=True):
    __tablename__ = "criterion"
    __table_args__ = _KEEP_IDS
    id: int | None = Field(default=None, primary_key=True)
    ballot_id: int = _fk("ballot.id", nullable=False)  # type: ignore[assignment]
    name: str
    weight: float = 1.0
    position: int = 0


class VoteTable(Travelling, table=True):
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


class BallotVoterTable(Travelling, table=True):
    """Each voter who has cast a paper on a ballot, once: the database refuses a second first paper (two phones
    sending the same badge at once); a later paper replaces the votes and keeps this row."""

    __tablename__ = "ballot_voter"
    __table_args__ = (UniqueConstraint("ballot_id", "voter_key"), _KEEP_IDS)
    id: int | None = Field(default=None, primary_key=True)
    ballot_id: int = Field(foreign_key="ballot.id", ondelete="CASCADE")
    voter_key: str


class PriorityTable(Travelling, table=True):
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


class ActionTable(Travelling, table=True):
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


class IndicatorTable(Travelling, table=True):
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


# --- Laptops and merging (services/packages.py, storage/merging.py) ------------------------------------------------

class SyncStateTable(SQLModel, table=True):
    """This file's own laptop (one row), and the stamp a merge gives to what it changes meanwhile (None otherwise:
    a row deleted because another laptop deleted it is marked with that laptop's deletion, not with now)."""

    __tablename__ = "sync_state"
    id: int | None = Field(default=None, primary_key=True)
    laptop: str
    stamp_laptop: str | None = None
    stamp_at: str | None = None
    quiet: bool = False  # a merge writes the stamps itself: changes leave them as written


class LaptopTable(SQLModel, table=True):
    """A laptop this programme has met: its own, those prepared for parallel sittings, those whose packages came."""

    __tablename__ = "sync_laptop"
    laptop: str = Field(primary_key=True)
    name: str = ""
    prepared_at: str | None = None  # when the lead handed it a package (None: never)


class DeletedRowTable(SQLModel, table=True):
    """A row deleted here or on another laptop: the marker that makes the deletion travel."""

    __tablename__ = "sync_deleted"
    gid: str = Field(primary_key=True)
    table_name: str
    laptop: str | None = None
    deleted_at: str


class GidAliasTable(SQLModel, table=True):
    """A row another laptop knows under another id: the same walk-in met on two laptops, the same person signed in
    at the same sitting twice. Kept so that importing again finds it without asking again."""

    __tablename__ = "sync_alias"
    gid: str = Field(primary_key=True)
    same_as: str
    table_name: str


class PackageImportTable(SQLModel, table=True):
    """A package imported into this programme, and what it did."""

    __tablename__ = "sync_package"
    __table_args__ = _KEEP_IDS
    id: int | None = Field(default=None, primary_key=True)
    package_gid: str = Field(index=True)
    laptop: str
    laptop_name: str = ""
    file_name: str = ""
    made_at: str = ""
    imported_at: str
    sittings: str = ""  # the sittings it held, by title, one per line
    added: int = 0
    updated: int = 0
    deleted: int = 0
    left: int = 0
    conflicts: int = 0


class ConflictTable(SQLModel, table=True):
    """The same row changed on two laptops: the latest change was kept, the other version is here, to be read and
    taken instead if the lead so decides."""

    __tablename__ = "sync_conflict"
    __table_args__ = _KEEP_IDS
    id: int | None = Field(default=None, primary_key=True)
    package_id: int | None = _fk("sync_package.id", cascade=False)
    table_name: str
    gid: str = Field(index=True)
    kept_json: str  # the values kept, references as global ids
    other_json: str  # the values set aside
    kept_laptop: str | None = None
    kept_at: str = ""
    other_laptop: str | None = None
    other_at: str = ""
    reversed: bool = False
