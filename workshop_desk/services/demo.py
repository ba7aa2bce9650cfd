"""Writes the built-in demo programme through the services, as a facilitator would build it."""

import random
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from workshop_desk.domain.enums import AttendanceStatus
from workshop_desk.domain.models import ItemDraft, ParticipantDraft, ProgrammeDraft, SittingDraft
from workshop_desk.services import demo_content as content
from workshop_desk.services.attendance import AttendanceService
from workshop_desk.services.demo_ideas import add_demo_ideas
from workshop_desk.services.demo_tables import add_demo_tables
from workshop_desk.services.demo_votes import add_demo_votes
from workshop_desk.services.workspace import Workspace

PARTICIPANT_COUNT = 60


def build_demo(path: Path, backup_root: Path) -> Workspace:
    """A new demo programme file at `path` (which must not exist)."""
    draft = ProgrammeDraft(**content.PROGRAMME)  # type: ignore[arg-type]
    workspace = Workspace.create(path, draft, backup_root, groups=content.GROUPS)
    for spec in content.SITTINGS:
        _add_sitting(workspace, spec)
    _add_participants(workspace)
    _invite_and_sign_in(workspace)
    add_demo_ideas(workspace)
    add_demo_tables(workspace)
    add_demo_votes(workspace)
    return workspace


def _add_sitting(workspace: Workspace, spec: dict[str, Any]) -> None:
    draft = SittingDraft(
        title=spec["title"], kind=spec["kind"], date=spec["date"], start_time=spec["start"],
        end_time=spec["end"], venue=spec["venue"], facilitators=content.FACILITATORS,
        expected_headcount=spec["expected"], objectives=spec["objectives"])
    sitting = workspace.sittings.create(draft).sitting
    for title, kind, minutes in spec["agenda"]:
        workspace.agenda.add(sitting.id, ItemDraft(title, kind, minutes))


def _add_participants(workspace: Workspace) -> None:
    rng = random.Random(2027)  # the same demo every time
    groups = workspace.programmes.groups()
    drafts = []
    for index in range(PARTICIPANT_COUNT):
        first = content.FIRST_NAMES[index % len(content.FIRST_NAMES)]
        # Every (first, last) pair differs: the offset shifts the second pass through the names.
        last = content.LAST_NAMES[(index * 7 + index // len(content.FIRST_NAMES)) % len(content.LAST_NAMES)]
        organisation, role, group = content.ORGANISATIONS[rng.randrange(len(content.ORGANISATIONS))]
        email = f"{first}.{last}@exemple.fr".lower().replace(" ", "").replace("'", "")
        drafts.append(ParticipantDraft(
            first_name=first, last_name=last.upper() if index % 9 == 0 else last,
            civility="Mme" if index % 2 else "M.", organisation=organisation, role=role,
            group_id=groups[group].id, email=email if index % 5 else ""))
    workspace.participants.add_many(drafts)



def _invite_and_sign_in(workspace: Workspace) -> None:
    """Everyone invited to the breakfast, most of them signed in; each workshop gets about twenty."""
    rng = random.Random(14)
    people = [p.id for p in workspace.participants.all()]
    sittings = workspace.sittings.all()
    breakfast, workshops = sittings[0], sittings[1:5]
    workspace.attendance.set_status(breakfast.id, people, AttendanceStatus.REGISTERED)
    workspace.attendance.set_status(breakfast.id, people[:3], AttendanceStatus.EXCUSED)
    arrival = datetime.combine(breakfast.date or date.today(), time(7, 48)).astimezone()
    moments = iter([arrival + timedelta(seconds=25 * n + rng.randrange(20)) for n in range(44)])
    desk = AttendanceService(workspace.database, moments.__next__)  # the door, as the morning went
    for participant_id in rng.sample(people[3:], 44):
        desk.sign_in(breakfast.id, participant_id)
    for index, workshop in enumerate(workshops):
        workspace.attendance.set_status(workshop.id, people[index * 12:index * 12 + 22], AttendanceStatus.REGISTERED)
