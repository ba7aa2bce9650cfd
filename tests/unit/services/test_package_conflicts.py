"""A conflict on a row that names a voter: taking either version back names the same person, whose id differs
from one laptop to the other."""

import sqlite3
from contextlib import closing
from pathlib import Path

from tests.factories import backup_root, make_workspace
from workshop_desk.domain.enums import BallotMethod
from workshop_desk.domain.ideas import IdeaDraft
from workshop_desk.domain.models import ParticipantDraft
from workshop_desk.domain.packages import LaptopPlan
from workshop_desk.domain.voting import BallotPaper, Mark
from workshop_desk.services.packages import open_package
from workshop_desk.services.workspace import Workspace


def _comment(path: Path, comment: str) -> None:
    """A paper's comment changed in the file (as the file's own laptop: its triggers stamp the change)."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("UPDATE vote SET comment = ? WHERE voter_key LIKE 'participant-%'", (comment,))
        connection.commit()


def _import(workspace: Workspace, package: Path) -> None:
    checked = workspace.packages.check([package])
    try:
        workspace.packages.import_packages(checked.usable)
    finally:
        checked.discard()


def _voter(workspace: Workspace) -> str:
    with closing(sqlite3.connect(f"file:{workspace.path}?mode=ro", uri=True)) as connection:
        return str(connection.execute("SELECT p.first_name FROM vote v JOIN participant p "
                                      "ON v.voter_key = 'participant-' || p.id").fetchone()[0])


def test_taking_either_version_of_a_paper_back_keeps_its_voter(tmp_path: Path) -> None:
    lead = make_workspace(tmp_path, sittings=1)
    sitting = lead.sittings.all()[0].id
    ideas = [lead.ideas.add(sitting, IdeaDraft(text)) for text in ("Vélo", "Bus")]
    ballot = lead.ballots.create(sitting, "Vote", BallotMethod.DOTS, idea_ids=[i.id for i in ideas])
    lead.ballots.open(ballot.id)
    handout, = lead.packages.prepare([LaptopPlan("Portable", (sitting,))], tmp_path / "clé")
    lead.participants.add(ParticipantDraft("Dan", "Lead"))  # takes, on the lead, the id Bob has on the laptop
    open_package(handout, tmp_path / "portable.wdesk")
    laptop = Workspace.open(tmp_path / "portable.wdesk", backup_root(tmp_path))
    bob = laptop.attendance.walk_in(sitting, ParticipantDraft("Bob", "Portable")).participant
    assert bob is not None
    laptop.ballots.cast(ballot.id, BallotPaper("", (Mark(ballot.options[0].id, 1),), participant_id=bob.id))
    laptop.packages.export([sitting], tmp_path / "retour1.wdpack")
    _import(lead, tmp_path / "retour1.wdpack")
    lead.close()
    _comment(lead.path, "Noté au siège")
    laptop.close()
    _comment(laptop.path, "Noté sur le portable")  # later: kept
    laptop = Workspace.open(laptop.path, backup_root(tmp_path))
    laptop.packages.export([sitting], tmp_path / "retour2.wdpack")
    laptop.close()
    lead = Workspace.open(lead.path, backup_root(tmp_path))
    try:
        _import(lead, tmp_path / "retour2.wdpack")
        conflict, = [c for c in lead.packages.conflicts() if c.table == "vote"]
        assert conflict.differences == (("comment", "Noté sur le portable", "Noté au siège"),)
        assert _voter(lead) == "Bob"
        lead.packages.take_other(conflict.id)
        assert _voter(lead) == "Bob"
        lead.packages.take_other(conflict.id)  # the laptop's version again: its key named Bob by the laptop's id
        assert _voter(lead) == "Bob"
    finally:
        lead.close()
