"""Facts, not sentences; answers to the room's questions; contributions named or not

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03

A priority promoted from a vote kept a sentence written once, in the interface's language of that day; it now keeps
the facts (`standing_json`), phrased when a document is written, in that document's language. The sentences this
app wrote (in English or in French) are read back into facts; a priority's justification, and the description an
action took from it, keep only what the facilitator wrote. Questions get their answer; a programme says whether
contributions are published with the contributor's name.
"""
import json
import re
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes  # noqa: F401  (autogenerate writes sqlmodel types)
from alembic import op


revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KEEP_IDS = {'sqlite_autoincrement': True}  # a table batch mode rebuilds stays AUTOINCREMENT (see 0002)
_S = r"[ \u00a0\u202f]"  # a space, or a no-break one
# What version 2 wrote: "{method} “{ballot}”: rank {rank} of {count}, score {score}, {voters} ballots." and French.
_SENTENCES = (
    re.compile(r"^.+? “(?P<ballot>.*)”: rank (?P<rank>\d+) of (?P<count>\d+), score [^,]+, (?P<voters>\d+) ballots\."
               r"(?P<rest>.*)$", re.S),
    re.compile(rf"^.+? «{_S}(?P<ballot>.*){_S}»{_S}: rang (?P<rank>\d+) sur (?P<count>\d+), score [^,]+, "
               rf"(?P<voters>\d+) bulletins\.(?P<rest>.*)$", re.S),
)
_TIED = re.compile(r"Tied with another option\.|À égalité avec une autre option\.")
_DISSENT = re.compile(rf"(?:Voters disagreed on|Désaccord des votants sur){_S}?: (?P<what>[^.]*)\.")
_SCHULZE = re.compile(rf"Schulze \(Condorcet\){_S}?: (?:rank|rang) (?P<rank>\d+) (?:of|sur) (?P<count>\d+)")


def standing(sentence: str) -> dict[str, object] | None:
    """The facts of a sentence version 2 wrote (None: the facilitator's own words)."""
    match = next((found for pattern in _SENTENCES if (found := pattern.match(sentence.strip()))), None)
    if match is None:
        return None
    rest = match["rest"]
    dissent, schulze = _DISSENT.search(rest), _SCHULZE.search(rest)
    return {"ballot": match["ballot"], "rank": int(match["rank"]), "count": int(match["count"]),
            "voters": int(match["voters"]), "share": None, "tied": bool(_TIED.search(rest)),
            "dissent": [part.strip() for part in dissent["what"].split(",")] if dissent else [],
            "schulze": [int(schulze["rank"]), int(schulze["count"])] if schulze else None,
            "behind": [], "ahead_of": [], "apart": []}


def upgrade() -> None:
    with op.batch_alter_table('priority', schema=None, table_kwargs=_KEEP_IDS) as batch_op:
        batch_op.add_column(sa.Column('standing_json', sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default=''))
    with op.batch_alter_table('question', schema=None, table_kwargs=_KEEP_IDS) as batch_op:
        batch_op.add_column(sa.Column('answer', sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=''))
    with op.batch_alter_table('programme', schema=None, table_kwargs=_KEEP_IDS) as batch_op:
        batch_op.add_column(sa.Column('named_contributions', sa.Boolean(), nullable=False, server_default=sa.false()))
    connection = op.get_bind()
    written = set()
    for row_id, text in connection.execute(sa.text("SELECT id, justification FROM priority")).all():
        facts = standing(text or "")
        if facts is not None:
            written.add(text.strip())
            connection.execute(sa.text("UPDATE priority SET standing_json = :facts, justification = '' WHERE id = :id"),
                               {"facts": json.dumps(facts, ensure_ascii=False), "id": row_id})
    for row_id, text in connection.execute(sa.text("SELECT id, description FROM action")).all():
        if (text or "").strip() in written:  # an action made from such a priority took its sentence
            connection.execute(sa.text("UPDATE action SET description = '' WHERE id = :id"), {"id": row_id})
    # Set to this revision's number (storage.migrate.SCHEMA_VERSION).
    op.execute("PRAGMA user_version = 3")


def downgrade() -> None:
    for table, column in (('programme', 'named_contributions'), ('question', 'answer'), ('priority', 'standing_json')):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column(column)
    op.execute("PRAGMA user_version = 2")
