"""The demo's parallel workshop: the Santé workshop run on its facilitator's own laptop (prepared, opened, worked
on, exported) and its package imported back, with one participant changed on both laptops: a conflict."""

import tempfile
from collections.abc import Callable
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
    """Prepare the laptop, work on it, bring its package back (all in a scratch folder that goes afterwards). The
    walk-in is someone the registry holds: the import's review merges them (the demo keeps its sixty people)."""
    sitting = workspace.sittings.all()[WORKSHOP]
    person = _invited(workspace, sitting.id)
    email, walk_in = workspace.participants.get(person).email, _not_expected(workspace, sitting.id)
    with tempfile.TemporaryDirectory(prefix="wdesk-demo-laptop-") as scratch:
        back = round_trip(workspace, Path(scratch), LAPTOP, sitting.id, lambda laptop: _run_on_laptop(
            laptop, sitting.title, email, walk_in), before=lambda: _change_role(
            workspace, person, "Responsable prévention santé"))  # the lead's correction, first
        _import(workspace, back)


def round_trip(workspace: Workspace, folder: Path, name: str, sitting_id: int, work: Callable[[Workspace], object],
               before: Callable[[], None] = lambda: None) -> Path:
    """A laptop prepared for one sitting, its package opened in `folder`, `work` done on it, and its return package
    written there (its path returned); `before` runs on the lead's file once the laptop has its copy."""
    (handout,) = workspace.packages.prepare([LaptopPlan(name, (sitting_id,))], folder)
    open_package(handout, folder / "laptop.wdesk")
    before()
    laptop = Workspace.open(folder / "laptop.wdesk", folder / "backups")
    try:
        work(laptop)
        back = folder / "back" / file_name_for(name, SUFFIX)
        back.parent.mkdir()
        laptop.packages.export([s.id for s in laptop.sittings.all()], back)
    finally:
        laptop.database.close()
    return back


def walk_in_package(workspace: Workspace, folder: Path, name: str, sitting_id: int) -> Path:
    """A laptop's package bringing back someone the registry holds under another badge, typed in as a walk-in: what
    the import's review shows (the screenshots)."""
    walk_in = _not_expected(workspace, sitting_id)
    return round_trip(workspace, folder, name, sitting_id,
                      lambda laptop: laptop.attendance.walk_in(laptop.sittings.all()[0].id, walk_in))


def _invited(workspace: Workspace, sitting_id: int) -> int:
    """Someone expected at the workshop, with an e-mail address (found by it on the laptop)."""
    return next(entry.participant.id for entry in workspace.attendance.roster(sitting_id)
                if entry.participant.email)


def _not_expected(workspace: Workspace, sitting_id: int) -> ParticipantDraft:
    """Someone of the registry who was not expected at the workshop, as a walk-in is typed at the door: their
    names and organisation only (the import's review finds them in the registry)."""
    expected = {entry.participant.id for entry in workspace.attendance.roster(sitting_id)}
    person = next(p for p in workspace.participants.all() if p.id not in expected and p.organisation)
    return ParticipantDraft(first_name=person.first_name, last_name=person.last_name,
                            organisation=person.organisation)


def _change_role(workspace: Workspace, participant_id: int, role: str) -> None:
    person = workspace.participants.get(participant_id)
    workspace.participants.update(person.id, replace(draft_of(person), role=role))


def _run_on_laptop(laptop: Workspace, title: str, email: str, walk_in: ParticipantDraft) -> None:
    """At the workshop: a walk-in signed in, a few ideas captured, the same person's role corrected again."""
    sitting = next(s for s in laptop.sittings.all() if s.title == title)
    laptop.attendance.walk_in(sitting.id, walk_in)
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
