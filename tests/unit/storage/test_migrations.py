"""Data migrations: what older versions stored is carried over as this version means it."""

import json
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from tests.factories import make_pre_alembic_file
from workshop_desk.services.workspace import Workspace
from workshop_desk.storage import header, migrate

_BASE = (
    "INSERT INTO programme (id, title, client, territory, objectives, privacy_notice, retention_years, created_at) "
    "VALUES (1, 'Démarche', '', '', '', '', 3, '2026-11-01 08:00:00.000000')",
    "INSERT INTO sitting (id, programme_id, title, kind, venue, facilitators, expected_headcount, objectives, "
    "position) VALUES (1, 1, 'Atelier', 'workshop', '', '', 0, '', 0)",
)
ENGLISH = ("Dot voting “Vote par gommettes — Métiers d'art”: rank 1 of 4, score 26, 4 ballots. Tied with another "
           "option. Voters disagreed on: Emploi, Image.")
FRENCH = ("Classement « Ordre des chantiers » : rang 2 sur 3, score 22.6, 10 bulletins. Schulze (Condorcet) : rang 1 "
          "sur 3, partagé : derrière « A ».")
TYPED = "Retenue à l'unanimité après débat."


def _revision_2_file(path: Path) -> Path:
    make_pre_alembic_file(path)
    engine = create_engine(f"sqlite:///{path}")
    rows = [*_BASE, *(f"INSERT INTO priority (id, sitting_id, position, title, method, score, justification) VALUES "
                      f"({n}, 1, {n}, 'P{n}', 'dots', 1.0, :text{n})" for n in (1, 2, 3)),
            "INSERT INTO action (id, programme_id, title, description, lead, partners, status, position) VALUES "
            "(1, 1, 'A', :text1, '', '', 'proposed', 0), (2, 1, 'B', 'Nos propres mots', '', '', 'proposed', 1)"]
    try:
        with engine.begin() as connection:
            command.upgrade(migrate.alembic_config(connection), "0002")
            for statement in rows:
                connection.exec_driver_sql(statement.replace(":text1", "?").replace(":text2", "?")
                                           .replace(":text3", "?"),
                                           tuple(t for n, t in ((1, ENGLISH), (2, FRENCH), (3, TYPED))
                                                 if f":text{n}" in statement))
    finally:
        engine.dispose()
    return path


def test_sentences_of_version_2_become_facts_and_the_facilitators_words_stay(tmp_path: Path) -> None:
    workspace = Workspace.open(_revision_2_file(tmp_path / "v2.wdesk"), tmp_path / "backups")
    try:
        english, french, typed = workspace.priorities.for_sitting(1)
        assert english.justification == "" and english.standing is not None
        assert (english.standing.ballot, english.standing.rank, english.standing.count, english.standing.voters,
                english.standing.tied, english.standing.dissent) == ("Vote par gommettes — Métiers d'art", 1, 4, 4,
                                                                     True, ("Emploi", "Image"))
        assert french.standing is not None and (french.standing.rank, french.standing.schulze) == (2, (1, 3))
        assert typed.standing is None and typed.justification == TYPED
        assert [a.description for a in workspace.priorities.actions()] == ["", "Nos propres mots"]
    finally:
        workspace.close()


def test_the_facts_read_back_are_what_the_json_holds(tmp_path: Path) -> None:
    from workshop_desk.domain.priorities import standing_from_json, standing_to_json

    workspace = Workspace.open(_revision_2_file(tmp_path / "v2.wdesk"), tmp_path / "backups")
    try:
        standing = workspace.priorities.for_sitting(1)[0].standing
        assert standing_from_json(standing_to_json(standing)) == standing
        assert json.loads(standing_to_json(standing))["ballot"] == "Vote par gommettes — Métiers d'art"
        assert standing_from_json("not json") is None and standing_from_json("") is None
    finally:
        workspace.close()


def test_the_newest_revision_the_app_names_is_the_newest_script():
    """Opening a file compares its revision with HEAD_REVISION without reading the scripts: they must agree."""
    assert migrate.head_revision() == header.HEAD_REVISION == migrate.scripts_head()
    assert header.HEAD_REVISION in migrate.known_revisions()


def _revision_3_file_with_votes(path: Path) -> Path:
    """A file of version 3 whose ballot holds papers numbered up to 12, a participant's, and a 20-digit name."""
    make_pre_alembic_file(path)
    engine = create_engine(f"sqlite:///{path}")
    votes = ", ".join(f"({n}, 1, '{key}', 1.0, '', '', 'console', '2026-11-01 08:00:00.000000')"
                      for n, key in enumerate(("3", "12", "p5", "12345678901234567890", ""), start=1))
    try:
        with engine.begin() as connection:
            command.upgrade(migrate.alembic_config(connection), "0003")
            for statement in (*_BASE,
                              "INSERT INTO ballot (id, sitting_id, title, method, settings_json, status, revealed, "
                              "shuffled, created_at) VALUES (1, 1, 'Vote', 'dots', '{}', 'open', 0, 0, "
                              "'2026-11-01 08:00:00.000000')",
                              f"INSERT INTO vote (id, ballot_id, voter_key, value, axis, comment, source, created_at) "
                              f"VALUES {votes}"):
                connection.exec_driver_sql(statement)
    finally:
        engine.dispose()
    return path


def test_the_next_voter_number_follows_the_highest_number_of_version_3(tmp_path: Path) -> None:
    workspace = Workspace.open(_revision_3_file_with_votes(tmp_path / "v3.wdesk"), tmp_path / "backups")
    try:
        assert workspace.ballots.next_voter(1) == "13"  # not "p5", not the 20-digit name, not a tally's empty key
        assert [p.voter for p in workspace.ballots.votes(1).papers] == ["3", "12", "p5", "12345678901234567890"]
    finally:
        workspace.close()
