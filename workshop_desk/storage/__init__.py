"""The programme file: SQLite through SQLModel, migrated by Alembic."""
