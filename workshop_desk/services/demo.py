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
from workshop_desk.services.demo_laptop import add_demo_laptop
from workshop_desk.services.demo_phones import add_demo_phones
from workshop_desk.services.demo_tables import add_demo_tables
from workshop_desk.services.demo_votes import add_demo_votes
from workshop_desk.services.run import RunService
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
    _run_a_workshop(workspace)
    add_demo_ideas(workspace)
    add_demo_tables(workspace)
    add_demo_votes(workspace)
    add_demo_phones(workspace)
    add_demo_laptop(workspace)
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
        invited = people[index * 12:index * 12 + 22]
        workspace.attendance.set_status(workshop.id, invited, AttendanceStatus.REGISTERED)
        if index:  # the first workshop is still to come (its door is empty); the others have taken place
            start = datetime.combine(workshop.date or date.today(), time(13, 50)).astimezone()
            arrivals = iter([start + timedelta(seconds=35 * n) for n in range(22)])
            door = AttendanceService(workspace.database, arrivals.__next__)
            for participant_id in rng.sample(invited, 17 + index):
                door.sign_in(workshop.id, participant_id)


def _run_a_workshop(workspace: Workspace) -> None:
    """The Santé workshop has taken place: its agenda ran a little late, as agendas do."""
    sitting = workspace.sittings.all()[2]
    items = workspace.agenda.items(sitting.id)
    start = datetime.combine(sitting.date or date.today(), sitting.start_time or time(14, 0)).astimezone()
    overrun = [3, 0, 6, 4, -2, 2, 0, -5, 1]  # minutes more (or less) than planned, item by item
    moments, now = [start + timedelta(minutes=4)], start + timedelta(minutes=4)
    for item, extra in zip(items, overrun, strict=False):
        now += timedelta(minutes=item.planned_minutes + extra)
        moments.append(now)
    clock = iter(moments)
    run = RunService(workspace.database, clock.__next__)
    run.start(sitting.id)
    for _ in items[1:]:
        run.step(sitting.id, 1)
    run.stop(sitting.id)
