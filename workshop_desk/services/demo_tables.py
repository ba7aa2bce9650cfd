"""The demo's world café (tables, a saved three-round plan, rounds timed) and the Assises' speaking turns."""

import random
from datetime import datetime, time, timedelta

from workshop_desk.domain.enums import AttendanceStatus
from workshop_desk.domain.table_plan import TableDraft
from workshop_desk.services.attendance import AttendanceService
from workshop_desk.services.round_timing import RoundTimingService
from workshop_desk.services.speaking import SpeakingService
from workshop_desk.services.workspace import Workspace

WORLD_CAFE = "World café des porteurs d'actions"
ASSISES = "Assises du développement économique de Gare-Confluence"
TABLES = (
    ("Table 1", "Métiers d'art et commerce"),
    ("Table 2", "Santé de proximité"),
    ("Table 3", "Ingénierie et numérique"),
    ("Table 4", "Image, médias et culture"),
)
SPEAKERS = (
    ("Mot d'ouverture", 600), ("Témoignage d'une créatrice d'entreprise", 420),
    ("Le regard de la chambre de métiers", 420), ("Une association d'insertion", 360),
)


def add_demo_tables(workspace: Workspace) -> None:
    sittings = {s.title: s for s in workspace.sittings.all()}
    _world_cafe(workspace, sittings[WORLD_CAFE].id)
    _round_table(workspace, sittings[ASSISES].id)


def _world_cafe(workspace: Workspace, sitting_id: int) -> None:
    """24 people present at four tables of six, hosts who stay, three rounds already run."""
    people = workspace.participants.all()
    chosen = random.Random(8).sample([p.id for p in people], 24)
    workspace.attendance.set_status(sitting_id, chosen, AttendanceStatus.REGISTERED)
    sitting = workspace.sittings.agenda(sitting_id).sitting
    start = datetime.combine(sitting.date, sitting.start_time or time(17, 30)).astimezone()  # type: ignore[arg-type]
    moments = iter([start + timedelta(seconds=20 * n) for n in range(len(chosen))])
    desk = AttendanceService(workspace.database, moments.__next__)
    for person in chosen:
        desk.sign_in(sitting_id, person)
    for index, (name, theme) in enumerate(TABLES):
        workspace.room_tables.add(sitting_id, TableDraft(name, theme, capacity=6, host_id=chosen[index]))
    workspace.room_tables.plan(sitting_id, rounds=3, seed=1)
    clock = iter([start + timedelta(minutes=m) for m in (15, 41, 67, 92)])  # each start ends the round before
    timing = RoundTimingService(workspace.database, clock.__next__)
    for number in (1, 2, 3):
        timing.start(sitting_id, number, 25 * 60)
    timing.end(sitting_id)


def _round_table(workspace: Workspace, sitting_id: int) -> None:
    """The first round table of the Assises: four speakers, who each had the floor."""
    sitting = workspace.sittings.agenda(sitting_id).sitting
    start = datetime.combine(sitting.date, time(9, 45)).astimezone()  # type: ignore[arg-type]
    offsets = [0, 11, 18, 26, 32]
    clock = iter([start + timedelta(minutes=m) for m in offsets])
    speaking = SpeakingService(workspace.database, clock.__next__)
    people = workspace.participants.all()
    for (topic, seconds), person in zip(SPEAKERS, people[5::13], strict=False):
        speaking.add(sitting_id, f"{person.full_name} — {topic}", seconds, person.id)
    for _ in SPEAKERS:
        speaking.give_floor(sitting_id)
    speaking.end_current(sitting_id)
