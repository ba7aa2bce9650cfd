"""Voters numbered by a counter, and indexes for large rooms

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03

A ballot keeps the highest anonymous voter number it has given (`voters_numbered`), so that the next number is read
in one row instead of from every vote of the ballot; it starts at the highest numeric voter key already there. Votes
are indexed by (ballot, voter), which finds a voter's earlier paper without reading the others'; notes by (sitting,
y), which finds the capture area's notes without reading those already sorted into themes above it.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KEEP_IDS = {'sqlite_autoincrement': True}  # a table batch mode rebuilds stays AUTOINCREMENT (see 0002)


def upgrade() -> None:
    with op.batch_alter_table('ballot', schema=None, table_kwargs=_KEEP_IDS) as batch_op:
        batch_op.add_column(sa.Column('voters_numbered', sa.Integer(), nullable=False, server_default='0'))
    # Keys of 1 to 9 digits only, as the app counts them (participants' keys are "p12"); the counter starts at the
    # highest one.
    op.execute("UPDATE ballot SET voters_numbered = COALESCE((SELECT MAX(CAST(voter_key AS INTEGER)) FROM vote "
               "WHERE vote.ballot_id = ballot.id AND length(voter_key) BETWEEN 1 AND 9 "
               "AND voter_key NOT GLOB '*[^0-9]*'), 0)")
    op.create_index('ix_vote_ballot_voter', 'vote', ['ballot_id', 'voter_key'], unique=False)
    op.create_index('ix_idea_sitting_y', 'idea', ['sitting_id', 'y'], unique=False)
    op.execute("PRAGMA user_version = 4")


def downgrade() -> None:
    op.drop_index('ix_idea_sitting_y', table_name='idea')
    op.drop_index('ix_vote_ballot_voter', table_name='vote')
    with op.batch_alter_table('ballot', schema=None) as batch_op:
        batch_op.drop_column('voters_numbered')
    op.execute("PRAGMA user_version = 3")
