"""Alembic environment: runs on the connection the app hands over, in batch mode for SQLite."""

from alembic import context
from sqlmodel import SQLModel

import workshop_desk.storage.tables  # noqa: F401  (registers the tables on the metadata)

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=SQLModel.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
