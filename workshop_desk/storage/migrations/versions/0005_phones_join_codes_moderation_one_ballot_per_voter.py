"""Phones: join codes, moderation, one ballot per voter

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-10

A sitting gets what its phones need: a join code (none until the facilitator shows the join screen), how phones vote
(anonymous devices or checked badges), which contributions wait for approval (questions do at plenaries and
conferences), round-by-round privacy of ideas, whether phones say which table they sit at, and the console's
Phones switch. A programme keeps its Wi-Fi name and
password. Ideas and questions get a status (shown or pending) and the hash of the phone that sent them. A phone's +1
on a question is one row per voter (`question_vote`), and each voter of a ballot one row (`ballot_voter`), both unique,
so that the database itself refuses a second one; existing papers are registered.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KEEP_IDS = {'sqlite_autoincrement': True}  # a table batch mode rebuilds stays AUTOINCREMENT (see 0002)


def _false(name: str) -> sa.Column:
    return sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.false())


def _text(name: str, default: str) -> sa.Column:
    return sa.Column(name, sa.String(), nullable=False, server_default=default)


def upgrade() -> None:
    with op.batch_alter_table('sitting', schema=None, table_kwargs=_KEEP_IDS) as batch_op:
        batch_op.add_column(sa.Column('join_code', sa.String(), nullable=True))
        batch_op.add_column(_text('phones_mode', 'anonymous'))
        for name in ('moderate_ideas', 'moderate_questions', 'ideas_private', 'phones_enabled', 'phones_by_table'):
            batch_op.add_column(_false(name))
        batch_op.create_index('ix_sitting_join_code', ['join_code'], unique=True)
    op.execute("UPDATE sitting SET moderate_questions = 1 WHERE kind IN ('plenary', 'conference')")
    with op.batch_alter_table('programme', schema=None, table_kwargs=_KEEP_IDS) as batch_op:
        batch_op.add_column(_text('wifi_name', ''))
        batch_op.add_column(_text('wifi_password', ''))
    for table in ('idea', 'question'):
        with op.batch_alter_table(table, schema=None, table_kwargs=_KEEP_IDS) as batch_op:
            batch_op.add_column(_text('status', 'shown'))
            batch_op.add_column(_text('device', ''))
    for table, parent in (('question_vote', 'question'), ('ballot_voter', 'ballot')):
        op.create_table(
            table,
            sa.Column('id', sa.Integer(), nullable=False),
            sa.Column(f'{parent}_id', sa.Integer(), nullable=False),
            sa.Column('voter_key', sa.String(), nullable=False),
            sa.ForeignKeyConstraint([f'{parent}_id'], [f'{parent}.id'], ondelete='CASCADE'),
            sa.PrimaryKeyConstraint('id'),
            sa.UniqueConstraint(f'{parent}_id', 'voter_key'),
            sqlite_autoincrement=True,
        )
    op.execute("INSERT INTO ballot_voter (ballot_id, voter_key) "
               "SELECT DISTINCT ballot_id, voter_key FROM vote WHERE voter_key != ''")
    op.execute("PRAGMA user_version = 5")


def downgrade() -> None:
    op.drop_table('ballot_voter')
    op.drop_table('question_vote')
    for table in ('question', 'idea'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('device')
            batch_op.drop_column('status')
    with op.batch_alter_table('programme', schema=None) as batch_op:
        batch_op.drop_column('wifi_password')
        batch_op.drop_column('wifi_name')
    with op.batch_alter_table('sitting', schema=None) as batch_op:
        batch_op.drop_index('ix_sitting_join_code')
        for name in ('phones_enabled', 'ideas_private', 'moderate_questions', 'moderate_ideas', 'phones_mode',
                     'join_code'):
            batch_op.drop_column(name)
    op.execute("PRAGMA user_version = 4")
