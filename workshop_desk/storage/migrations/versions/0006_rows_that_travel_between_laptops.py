"""Rows that travel between laptops

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04

Every row that can travel to another laptop and back gets a global id (a random UUID), the laptop that last changed it
(NULL: this file's own), when (UTC, to the millisecond) and the version that change was made on top of. Deletions
leave a marker (`sync_deleted`). The file gets a laptop of its own (`sync_state`, `sync_laptop`), a list of the
packages imported into it, the conflicts they met, and the ids other laptops know its rows under (`sync_alias`).
The triggers that keep the stamps are installed after every upgrade (storage/sync_schema.py): a rebuilt table loses
its triggers.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KEEP_IDS = {'sqlite_autoincrement': True}  # a table batch mode rebuilds stays AUTOINCREMENT (see 0002)
# Frozen here as they were written (sync_sql.py may change after this migration).
_NEW_GID = ("(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
            "substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || "
            "substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))")
_NOW = "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"
_TRAVELLING = ('programme', 'stakeholder_group', 'sitting', 'agenda_item', 'participant', 'attendance', 'room_table',
               'round', 'table_assignment', 'speaking_turn', 'timer', 'theme', 'idea', 'question', 'question_vote',
               'ballot', 'ballot_option', 'criterion', 'vote', 'ballot_voter', 'priority', 'action', 'indicator')


def upgrade() -> None:
    for table in _TRAVELLING:
        with op.batch_alter_table(table, schema=None, recreate='always', table_kwargs=_KEEP_IDS) as batch_op:
            batch_op.add_column(sa.Column('gid', sa.String(), nullable=False, server_default=sa.text(_NEW_GID)))
            batch_op.add_column(sa.Column('laptop', sa.String(), nullable=True))
            batch_op.add_column(sa.Column('changed_at', sa.String(), nullable=False, server_default=sa.text(_NOW)))
            batch_op.add_column(sa.Column('based_on', sa.String(), nullable=True))
            batch_op.create_index(f'ix_{table}_gid', ['gid'], unique=True)
    op.create_table(
        'sync_state',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('laptop', sa.String(), nullable=False),
        sa.Column('stamp_laptop', sa.String(), nullable=True),
        sa.Column('stamp_at', sa.String(), nullable=True),
        sa.Column('quiet', sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_table(
        'sync_laptop',
        sa.Column('laptop', sa.String(), nullable=False),
        sa.Column('name', sa.String(), nullable=False),
        sa.Column('prepared_at', sa.String(), nullable=True),
        sa.PrimaryKeyConstraint('laptop'),
    )
    op.create_table(
        'sync_deleted',
        sa.Column('gid', sa.String(), nullable=False),
        sa.Column('table_name', sa.String(), nullable=False),
        sa.Column('laptop', sa.String(), nullable=True),
        sa.Column('deleted_at', sa.String(), nullable=False),
        sa.PrimaryKeyConstraint('gid'),
    )
    op.create_table(
        'sync_alias',
        sa.Column('gid', sa.String(), nullable=False),
        sa.Column('same_as', sa.String(), nullable=False),
        sa.Column('table_name', sa.String(), nullable=False),
        sa.PrimaryKeyConstraint('gid'),
    )
    op.create_table(
        'sync_package',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('package_gid', sa.String(), nullable=False),
        sa.Column('laptop', sa.String(), nullable=False),
        sa.Column('laptop_name', sa.String(), nullable=False),
        sa.Column('file_name', sa.String(), nullable=False),
        sa.Column('made_at', sa.String(), nullable=False),
        sa.Column('imported_at', sa.String(), nullable=False),
        sa.Column('sittings', sa.String(), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False)
          for name in ('added', 'updated', 'deleted', 'left', 'conflicts')),
        sa.PrimaryKeyConstraint('id'),
        sqlite_autoincrement=True,
    )
    op.create_index('ix_sync_package_package_gid', 'sync_package', ['package_gid'], unique=False)
    op.create_table(
        'sync_conflict',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('package_id', sa.Integer(), nullable=True),
        sa.Column('table_name', sa.String(), nullable=False),
        sa.Column('gid', sa.String(), nullable=False),
        sa.Column('kept_json', sa.String(), nullable=False),
        sa.Column('other_json', sa.String(), nullable=False),
        sa.Column('kept_laptop', sa.String(), nullable=True),
        sa.Column('kept_at', sa.String(), nullable=False),
        sa.Column('other_laptop', sa.String(), nullable=True),
        sa.Column('other_at', sa.String(), nullable=False),
        sa.Column('reversed', sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(['package_id'], ['sync_package.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
        sqlite_autoincrement=True,
    )
    op.create_index('ix_sync_conflict_gid', 'sync_conflict', ['gid'], unique=False)
    op.create_index('ix_sync_conflict_package_id', 'sync_conflict', ['package_id'], unique=False)
    op.execute("PRAGMA user_version = 6")


def downgrade() -> None:
    for table in ('sync_conflict', 'sync_package', 'sync_alias', 'sync_deleted', 'sync_laptop', 'sync_state'):
        op.drop_table(table)
    for table in _TRAVELLING:
        for name in ('changed', 'deleted', 'restored'):
            op.execute(f'DROP TRIGGER IF EXISTS "sync_{table}_{name}"')
        with op.batch_alter_table(table, schema=None, table_kwargs=_KEEP_IDS) as batch_op:
            batch_op.drop_index(f'ix_{table}_gid')
            for column in ('based_on', 'changed_at', 'laptop', 'gid'):
                batch_op.drop_column(column)
    op.execute("PRAGMA user_version = 5")
