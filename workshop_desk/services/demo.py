"""Writes the built-in demo programme through the services, as a facilitator would build it."""

import random
from pathlib import Path
from typing import Any

from workshop_desk.domain.models import ItemDraft, ParticipantDraft, ProgrammeDraft, SittingDraft
from workshop_desk.services import demo_content as content
from workshop_desk.services.workspace import Workspace

PARTICIPANT_COUNT = 60


def build_demo(path: Path, backup_root: Path) -> Workspace:
    """A new demo programme file at `path` (which must not exist)."""
    draft = ProgrammeDraft(**content.PROGRAMME)  # type: ignore[arg-type]
    workspace = Workspace.create(path, draft, backup_root, groups=content.GROUPS)
    for spec in content.SITTINGS:
        _add_sitting(workspace, spec)
    _add_participants(workspace)
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
        last = content.LAST_NAMES[(index * 7) % len(content.LAST_NAMES)]
        organisation, role, group = content.ORGANISATIONS[rng.randrange(len(content.ORGANISATIONS))]
        email = f"{first}.{last}@exemple.fr".lower().replace(" ", "").replace("'", "")
        drafts.append(ParticipantDraft(
            first_name=first, last_name=last.upper() if index % 9 == 0 else last,
            civility="Mme" if index % 2 else "M.", organisation=organisation, role=role,
            group_id=groups[group].id, email=email if index % 5 else ""))
    workspace.participants.add_many(drafts)

