"""How ballot papers and tallies are stored as VoteTable rows, and read back.

An individual ballot paper is one row per mark, all with the voter's key (an anonymous number, or
participant_key(id)); a blank ballot is one row without option. A count read off a board or a show of hands is
one row per option with an empty voter key and the count as value. Each row keeps its source (provenance).
Each voter of a ballot is also one row of `ballot_voter`, unique: the database refuses a second first paper for the
same voter (two phones sending the same badge at once); the later paper then replaces the first, and keeps the row.
"""

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, SQLModel, col, select

from workshop_desk.domain.enums import Source
from workshop_desk.domain.voting import BallotPaper, Mark, Tally, Votes
from workshop_desk.storage.tables import BallotTable, BallotVoterTable, VoteTable

_CHUNK = 500  # keys per IN (...), well under SQLite's variable limit
_NUMBER = re.compile(r"[0-9]{1,9}")  # a voter number; a longer run of digits is a name (and past SQLite's integers)
_VOTE_COLUMNS = ("voter_key", "option_id", "value", "criterion_id", "axis", "comment", "source", "group_id",
                 "participant_id")


def load_votes(session: Session, ballot_id: int) -> Votes:
    """Every ballot paper and tally of a ballot, papers in the order they were first entered."""
    # SQLAlchemy's select: sqlmodel's is typed for at most four columns. Run on the connection: plain rows, without
    # the ORM's per-row work (a programme's synthesis reads 200,000 votes).
    query = sa_select(*(col(getattr(VoteTable, name)) for name in _VOTE_COLUMNS)).where(
        col(VoteTable.ballot_id) == ballot_id).order_by(col(VoteTable.id))
    papers: dict[str, tuple[list[Mark], Any, Any, Any]] = {}
    shared: dict[tuple[Any, ...], Mark] = {}  # equal marks shared: a dot vote has as many as options, not as dots
    tallies = []
    for voter, option_id, value, criterion_id, axis, comment, source, group_id, participant in (
            session.connection().execute(query).all()):
        if not voter:
            tallies.append(Tally(option_id, value, axis, Source(source), group_id))
            continue
        paper = papers.get(voter)
        if paper is None:
            paper = papers[voter] = ([], source, group_id, participant)
        if option_id is not None:
            key = (option_id, value, criterion_id, axis, comment)
            mark = shared.get(key)
            if mark is None:
                mark = shared[key] = Mark(option_id, value, criterion_id, axis, comment)
            paper[0].append(mark)
    return Votes(tuple(BallotPaper(voter, tuple(marks), group, Source(source), participant)
                       for voter, (marks, source, group, participant) in papers.items()), tuple(tallies))


# Built once: a phone's state reads it for each of 800 phones after every change (no statement built per call).
_PAPER = sa_select(*(col(getattr(VoteTable, name)) for name in _VOTE_COLUMNS[1:])).where(
    col(VoteTable.ballot_id) == bindparam("ballot"), col(VoteTable.voter_key) == bindparam("voter")).order_by(
    col(VoteTable.id))


def load_paper(session: Session, ballot_id: int, voter: str) -> BallotPaper | None:
    """One voter's paper, found through the (ballot, voter) index (None: they have not voted)."""
    rows = session.connection().execute(_PAPER, {"ballot": ballot_id, "voter": voter}).all()
    if not rows:
        return None
    _option, _value, _criterion, _axis, _comment, source, group_id, participant = rows[0]
    marks = tuple(Mark(o, v, c, a, m) for o, v, c, a, m, *_rest in rows if o is not None)
    return BallotPaper(voter, marks, group_id, Source(source), participant)


def next_voter(session: Session, ballot_id: int) -> str:
    """The next anonymous voter number: one more than the highest this ballot ever gave or received (one row read,
    however many papers the ballot holds; a number is never given twice, even once its paper is deleted)."""
    return str(_numbered(session, ballot_id) + 1)


def _numbered(session: Session, ballot_id: int) -> int:
    found = session.connection().execute(sa_select(col(BallotTable.voters_numbered)).where(
        col(BallotTable.id) == ballot_id)).first()
    return int(found[0]) if found else 0


def numbered(session: Session, ballot_id: int, papers: Sequence[BallotPaper]) -> list[BallotPaper]:
    """The papers, those without a voter key given the next numbers in turn."""
    last = _numbered(session, ballot_id)
    given: list[BallotPaper] = []
    for paper in papers:
        if not paper.voter:
            last += 1
            paper = replace(paper, voter=str(last))
        given.append(paper)
    return given


def store_papers(session: Session, ballot_id: int, papers: Sequence[BallotPaper]) -> int:
    """Write ballot papers, each replacing that voter's earlier one (in the file, or earlier in `papers`: the last
    one counts); returns how many were replaced. Each voter is looked up through the (ballot, voter) index."""
    latest = _last_per_voter(papers)
    replaced = len(papers) - len(latest)
    voters = [p.voter for p in latest]
    for start in range(0, len(voters), _CHUNK):
        chunk = voters[start:start + _CHUNK]
        replaced += len(session.exec(select(VoteTable.voter_key).where(
            VoteTable.ballot_id == ballot_id, col(VoteTable.voter_key).in_(chunk)).distinct()).all())
        session.execute(delete(VoteTable).where(col(VoteTable.ballot_id) == ballot_id,
                                                col(VoteTable.voter_key).in_(chunk)))
        _register(session, ballot_id, chunk)
    now = dt.datetime.now(dt.UTC)
    rows = [_vote_values(ballot_id, paper, mark, now) for paper in latest for mark in paper.marks or (None,)]
    if rows:
        session.execute(insert(SQLModel.metadata.tables[VoteTable.__tablename__]), rows)  # type: ignore[index]
    _count_numbers(session, ballot_id, voters)
    return replaced


def _register(session: Session, ballot_id: int, voters: Sequence[str]) -> None:
    """A `ballot_voter` row for each voter who has none yet (a plain INSERT: a concurrent one fails on the key)."""
    known = set(session.exec(select(BallotVoterTable.voter_key).where(
        BallotVoterTable.ballot_id == ballot_id, col(BallotVoterTable.voter_key).in_(voters))).all())
    new = [{"ballot_id": ballot_id, "voter_key": voter} for voter in voters if voter not in known]
    if new:
        session.execute(insert(SQLModel.metadata.tables[BallotVoterTable.__tablename__]), new)  # type: ignore[index]


def _last_per_voter(papers: Sequence[BallotPaper]) -> list[BallotPaper]:
    """Each voter's last paper, in the order of those last papers."""
    last = {paper.voter: index for index, paper in enumerate(papers)}
    return [paper for index, paper in enumerate(papers) if last[paper.voter] == index]


def _count_numbers(session: Session, ballot_id: int, voters: Sequence[str]) -> None:
    """The ballot's counter moves past the numeric keys just stored (numbered by the app, typed or imported)."""
    highest = max((int(voter) for voter in voters if _NUMBER.fullmatch(voter)), default=0)
    if highest:
        session.execute(update(BallotTable).where(col(BallotTable.id) == ballot_id).values(
            voters_numbered=func.max(col(BallotTable.voters_numbered), highest)))


def _vote_values(ballot_id: int, paper: BallotPaper, mark: Mark | None, now: dt.datetime) -> dict[str, object]:
    """One row of VoteTable (a mark, or, for a blank ballot, None): plain values for a bulk insert."""
    option_id, value, criterion_id, axis, comment = mark or (None, 0.0, None, "", "")
    return {"ballot_id": ballot_id, "option_id": option_id, "criterion_id": criterion_id, "value": float(value),
            "axis": axis, "comment": comment, "voter_key": paper.voter, "participant_id": paper.participant_id,
            "group_id": paper.group_id, "source": str(paper.source), "created_at": now}
