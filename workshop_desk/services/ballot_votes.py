"""How ballot papers and tallies are stored as VoteTable rows, and read back.

An individual ballot paper is one row per mark, all with the voter's key (an anonymous number, or
participant_key(id)); a blank ballot is one row without option. A count read off a board or a show of hands is
one row per option with an empty voter key and the count as value. Each row keeps its source (provenance).
"""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, insert
from sqlalchemy import select as sa_select
from sqlmodel import Session, SQLModel, col, select

from workshop_desk.domain.enums import Source
from workshop_desk.domain.voting import BallotPaper, Mark, Tally, Votes
from workshop_desk.storage.tables import VoteTable

_CHUNK = 500  # keys per IN (...), well under SQLite's variable limit
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


def next_voter(session: Session, ballot_id: int) -> str:
    """The next anonymous voter number: one more than the highest so far."""
    keys = session.exec(select(VoteTable.voter_key).where(VoteTable.ballot_id == ballot_id).distinct())
    return str(max((int(k) for k in keys if k.isdigit()), default=0) + 1)


def store_papers(session: Session, ballot_id: int, papers: Sequence[BallotPaper]) -> int:
    """Write ballot papers, each replacing that voter's earlier one; returns how many were replaced."""
    voters, replaced = [p.voter for p in papers], 0
    for start in range(0, len(voters), _CHUNK):
        chunk = voters[start:start + _CHUNK]
        replaced += len(session.exec(select(VoteTable.voter_key).where(
            VoteTable.ballot_id == ballot_id, col(VoteTable.voter_key).in_(chunk)).distinct()).all())
        session.execute(delete(VoteTable).where(col(VoteTable.ballot_id) == ballot_id,
                                                col(VoteTable.voter_key).in_(chunk)))
    now = dt.datetime.now(dt.UTC)
    rows = [_vote_values(ballot_id, paper, mark, now) for paper in papers for mark in paper.marks or (None,)]
    if rows:
        session.execute(insert(SQLModel.metadata.tables[VoteTable.__tablename__]), rows)  # type: ignore[index]
    return replaced


def _vote_values(ballot_id: int, paper: BallotPaper, mark: Mark | None, now: dt.datetime) -> dict[str, object]:
    """One row of VoteTable (a mark, or, for a blank ballot, None): plain values for a bulk insert."""
    option_id, value, criterion_id, axis, comment = mark or (None, 0.0, None, "", "")
    return {"ballot_id": ballot_id, "option_id": option_id, "criterion_id": criterion_id, "value": float(value),
            "axis": axis, "comment": comment, "voter_key": paper.voter, "participant_id": paper.participant_id,
            "group_id": paper.group_id, "source": str(paper.source), "created_at": now}
