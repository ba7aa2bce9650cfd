"""Ids never reused, the write-ahead log's anchor, notes deleted for good

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03

Every table becomes AUTOINCREMENT, so that an undo can put a deleted row back under its own id even when rows were
added meanwhile. The `wal_anchor` table holds the digest that ties a write-ahead log to its file. Notes are now
deleted like every other row (the undo keeps a snapshot), so the notes that were only marked deleted go, and the
links to them are cleared as ON DELETE SET NULL would have.
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes  # noqa: F401  (autogenerate writes sqlmodel types)
from alembic import op


revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Parents before children, as 0001 created them.
TABLES = ('programme', 'sitting', 'stakeholder_group', 'agenda_item', 'participant', 'attendance', 'ballot',
          'question', 'room_table', 'round', 'speaking_turn', 'theme', 'timer', 'criterion', 'idea',
          'table_assignment', 'ballot_option', 'priority', 'vote', 'action', 'indicator')
LINKS_TO_IDEAS = (('ballot_option', 'idea_id'), ('priority', 'idea_id'), ('action', 'idea_id'),
                  ('idea', 'merged_into_id'))


def upgrade() -> None:
    gone = "SELECT id FROM idea WHERE deleted"
    for table, column in LINKS_TO_IDEAS:
        op.execute(f"UPDATE {table} SET {column} = NULL WHERE {column} IN ({gone})")
    op.execute(f"DELETE FROM idea WHERE id IN ({gone})")
    with op.batch_alter_table('idea', schema=None) as batch_op:
        batch_op.drop_column('deleted')
    for table in TABLES:
        with op.batch_alter_table(table, recreate='always', table_kwargs={'sqlite_autoincrement': True}):
            pass
    op.create_table('wal_anchor',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('page_size', sa.Integer(), nullable=False),
    sa.Column('digests', sa.LargeBinary(), nullable=False),
    sa.Column('written_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    # Set to this revision's number (storage.migrate.SCHEMA_VERSION).
    op.execute("PRAGMA user_version = 2")


def downgrade() -> None:
    op.drop_table('wal_anchor')
    with op.batch_alter_table('idea', schema=None) as batch_op:
        batch_op.add_column(sa.Column('deleted', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.execute("PRAGMA user_version = 1")
