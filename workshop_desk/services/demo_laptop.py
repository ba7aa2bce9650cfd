"""The demo's parallel workshop: the Santé workshop run on its facilitator's own laptop (prepared, opened, worked
on, exported) and its package imported back, with one participant changed on both laptops: a conflict."""

import tempfile
from dataclasses import replace
from pathlib import Path

from workshop_desk.domain.ideas import IdeaDraft
from workshop_desk.domain.importing_plan import Decisions
from workshop_desk.domain.models import ParticipantDraft
from workshop_desk.domain.packages import LaptopPlan, file_name_for
from workshop_desk.domain.people import draft_of
from workshop_desk.services.packages import open_package
from workshop_desk.services.workspace import Workspace
from workshop_desk.storage.packages import SUFFIX

LAPTOP = "Atelier Santé — Karim"
WORKSHOP = 2  # the Santé workshop, third sitting of the demo
IDEAS = ("Un guichet unique pour l'installation des professionnels de santé",
         "Mutualiser les locaux vacants du quartier pour une maison de santé",
         "Stages d'internes accueillis par les cabinets du quartier")


def add_demo_laptop(workspace: Workspace) -> None:
    """Prepare the laptop, work on it, bring its package back (all in a scratch folder that goes afterwards)."""
    sitting = workspace.sittings.all()[WORKSHOP]
    with tempfile.TemporaryDirectory(prefix="wdesk-demo-laptop-") as scratch:
        folder = Path(scratch)
        (handout,) = workspace.packages.prepare([LaptopPlan(LAPTOP, (sitting.id,))], folder)
        open_package(handout, folder / "laptop.wdesk")
        person = _invited(workspace, sitting.id)
        _change_role(workspace, person, "Responsable prévention santé")  # the lead's correction, first
        laptop = Workspace.open(folder / "laptop.wdesk", folder / "backups")
        try:
            _run_on_laptop(laptop, sitting.title, workspace.participants.get(person).email)
            back = folder / file_name_for(LAPTOP, SUFFIX)
            laptop.packages.export([s.id for s in laptop.sittings.all()], back)
        finally:
            laptop.database.close()
        _import(workspace, back)


def _invited(workspace: Workspace, sitting_id: int) -> int:
    """Someone expected at the workshop, with an e-mail address (found by it on the laptop)."""
    return next(entry.participant.id for entry in workspace.attendance.roster(sitting_id)
                if entry.participant.email)


def _change_role(workspace: Workspace, participant_id: int, role: str) -> None:
    person = workspace.participants.get(participant_id)
    workspace.participants.update(person.id, replace(draft_of(person), role=role))


def _run_on_laptop(laptop: Workspace, title: str, email: str) -> None:
    """At the workshop: a walk-in signed in, a few ideas captured, the same person's role corrected again."""
    sitting = next(s for s in laptop.sittings.all() if s.title == title)
    laptop.attendance.walk_in(sitting.id, ParticipantDraft(
        first_name="Inès", last_name="Haddad", civility="Mme", organisation="Maison de santé des Quais",
        role="Infirmière coordinatrice", email="ines.haddad@exemple.fr"))
    for text in IDEAS:
        laptop.ideas.add(sitting.id, IdeaDraft(text))
    same = next(person for person in laptop.participants.all() if person.email == email)
    _change_role(laptop, same.id, "Coordination du contrat local de santé")


def _import(workspace: Workspace, package: Path) -> None:
    checked = workspace.packages.check([package])
    try:
        walk_ins = workspace.packages.walk_ins(checked.usable)
        workspace.packages.import_packages(checked.usable, walk_ins, Decisions())
    finally:
        checked.discard()
