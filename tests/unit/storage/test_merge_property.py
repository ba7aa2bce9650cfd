"""Merging is symmetric and idempotent: from one handout, two laptops make random edits; A's package merged into B
and B's into A leave both files with the same content, and merging either again changes nothing."""

import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from contextlib import closing
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.factories import make_workspace
from workshop_desk.domain.enums import BallotMethod
from workshop_desk.domain.ideas import IdeaDraft, Layout, Placement
from workshop_desk.domain.models import ParticipantDraft
from workshop_desk.domain.packages import LaptopPlan
from workshop_desk.domain.people import draft_of
from workshop_desk.domain.priorities import ActionDraft, PriorityDraft
from workshop_desk.domain.voting import BallotPaper, Mark
from workshop_desk.services.packages import open_package
from workshop_desk.services.workspace import Workspace
from workshop_desk.storage import merging

WORDS = ("vélo", "bus", "tram")
NEWCOMERS = (ParticipantDraft("Zoé", "Marchand", organisation="Asso du Quartier"),
             ParticipantDraft("Léo", "Petit", email="leo@exemple.fr"))
Op = tuple[int, str, int, str]  # (laptop 0 or 1, what, which row (modulo how many), a word)


def _ideas(ws: Workspace, sitting: int) -> list:
    return sorted(ws.ideas.ideas(sitting), key=lambda i: i.id)


def _themes(ws: Workspace, sitting: int) -> list:
    return sorted(ws.themes.themes(sitting), key=lambda t: t.id)


def _people(ws: Workspace) -> list:
    return sorted(ws.participants.all(), key=lambda p: p.id)


def _on_one(rows: Callable[[Workspace, int], list], act: Callable[[Workspace, int, object, int, str], object]):
    """An edit of the `n`-th row (modulo how many there are), skipped when there is none."""
    def apply(ws: Workspace, sitting: int, n: int, word: str) -> None:
        found = rows(ws, sitting)
        if found:
            act(ws, sitting, found[n % len(found)], n, word)
    return apply


def _vote(ws: Workspace, sitting: int, person: object, n: int, word: str) -> None:
    ballot = ws.ballots.for_sitting(sitting)[0]
    ws.ballots.cast(ballot.id, BallotPaper("", (Mark(ballot.options[n % 2].id, 1 + n % 3),),
                                           participant_id=person.id))  # type: ignore[attr-defined]


def _into_a_theme(ws: Workspace, sitting: int, idea: object, n: int, word: str) -> None:
    """Into one of the themes, or out of any (n = 0)."""
    themes = [None, *(t.id for t in _themes(ws, sitting))]
    ws.ideas.set_theme_many([idea.id], themes[n % len(themes)])  # type: ignore[attr-defined]


def _newcomer(ws: Workspace, n: int) -> bool:
    """Whether this laptop has the newcomer already: typing someone in twice on one laptop is that laptop's own
    duplicate (the lead's review would merge the two, the laptop keeps both), not what is tested here."""
    return any(p.first_name == NEWCOMERS[n % 2].first_name for p in ws.participants.all())


EDITS: dict[str, Callable[[Workspace, int, int, str], object]] = {
    "add idea": lambda ws, s, n, word: ws.ideas.add(s, IdeaDraft(f"{word} {n}")),
    "edit idea": _on_one(lambda ws, s: _ideas(ws, s), lambda ws, s, i, n, word: ws.ideas.edit(i.id, word)),
    "move idea": _on_one(lambda ws, s: _ideas(ws, s), lambda ws, s, i, n, word: ws.ideas.apply_layout(
        Layout((Placement(i.id, 10.0 * n, 5.0 * len(word), i.theme_id),)))),
    "theme idea": _on_one(lambda ws, s: _ideas(ws, s), _into_a_theme),
    "delete idea": _on_one(lambda ws, s: _ideas(ws, s), lambda ws, s, i, n, word: ws.ideas.delete_many([i.id])),
    "add theme": lambda ws, s, n, word: ws.themes.create(s, word),
    "rename theme": _on_one(lambda ws, s: _themes(ws, s), lambda ws, s, t, n, word: ws.themes.rename(t.id, word)),
    "delete theme": _on_one(lambda ws, s: _themes(ws, s), lambda ws, s, t, n, word: ws.themes.delete(t.id)),
    "walk in": lambda ws, s, n, word: _newcomer(ws, n) or ws.attendance.walk_in(s, NEWCOMERS[n % 2]),
    "add person": lambda ws, s, n, word: _newcomer(ws, n) or ws.participants.add(replace(NEWCOMERS[n % 2], role=word)),
    "edit person": _on_one(lambda ws, s: _people(ws), lambda ws, s, p, n, word: ws.participants.update(
        p.id, replace(draft_of(p), role=word))),
    "delete person": _on_one(lambda ws, s: _people(ws), lambda ws, s, p, n, word: ws.participants.delete_many(
        [p.id])),
    "sign in": _on_one(lambda ws, s: _people(ws), lambda ws, s, p, n, word: ws.attendance.sign_in(s, p.id)),
    "vote": _on_one(lambda ws, s: _people(ws), _vote),
    "promote": lambda ws, s, n, word: ws.priorities.promote(ws.ballots.for_sitting(s)[0].id),
    "edit priority": _on_one(lambda ws, s: ws.priorities.for_sitting(s), lambda ws, s, p, n, word:
                             ws.priorities.update(p.id, PriorityDraft(p.title, justification=word))),
    "delete priority": _on_one(lambda ws, s: ws.priorities.for_sitting(s), lambda ws, s, p, n, word:
                               ws.priorities.delete_many([p.id])),
    "add action": lambda ws, s, n, word: ws.priorities.create_action(ActionDraft(f"Action {word}"), sitting_id=s),
    "edit action": _on_one(lambda ws, s: ws.priorities.actions(), lambda ws, s, a, n, word:
                           ws.priorities.update_action(a.id, ActionDraft(a.title, lead=word))),
    "delete action": _on_one(lambda ws, s: ws.priorities.actions(), lambda ws, s, a, n, word:
                             ws.priorities.delete_action(a.id)),
}

edits = st.lists(st.tuples(st.integers(0, 1), st.sampled_from(sorted(EDITS)), st.integers(0, 5),
                           st.sampled_from(WORDS)), max_size=10)


@pytest.fixture(scope="module")
def laptops(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two laptops' files, opened from the handouts of one lead file: one sitting, three people (one signed in),
    three ideas (two in a theme) and an open dot vote on two of them."""
    folder = tmp_path_factory.mktemp("laptops")
    lead = make_workspace(folder, sittings=1)
    sitting = lead.sittings.all()[0].id
    people = [lead.participants.add(ParticipantDraft(f"Prénom{n}", f"Nom{n}", email=f"p{n}@exemple.fr"))
              for n in range(3)]
    lead.attendance.sign_in(sitting, people[0].id)
    ideas = [lead.ideas.add(sitting, IdeaDraft(f"Idée {n}")) for n in range(3)]
    lead.themes.create(sitting, "Mobilités", [ideas[0].id, ideas[1].id])
    ballot = lead.ballots.create(sitting, "Vote", BallotMethod.DOTS, idea_ids=[ideas[0].id, ideas[2].id])
    lead.ballots.open(ballot.id)
    handouts = lead.packages.prepare([LaptopPlan("A", (sitting,)), LaptopPlan("B", (sitting,))], folder)
    lead.close()
    for handout, name in zip(handouts, ("a.wdesk", "b.wdesk"), strict=True):
        open_package(handout, folder / name)
    return folder / "a.wdesk", folder / "b.wdesk"


def _content(path: Path) -> dict[str, set[tuple[object, ...]]]:
    with closing(sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)) as connection:
        return merging.content(connection)


def _edit_and_export(paths: list[Path], ops: list[Op], folder: Path) -> list[Path]:
    workspaces = [Workspace.open(path, folder / "backups") for path in paths]
    try:
        sitting = workspaces[0].sittings.all()[0].id
        for side, what, n, word in ops:
            EDITS[what](workspaces[side], sitting, n, word)
        packages = [folder / f"{n}.wdpack" for n in range(2)]
        for ws, package in zip(workspaces, packages, strict=True):
            ws.packages.export([sitting], package)
        return packages
    finally:
        for ws in workspaces:
            ws.close()


def _import(path: Path, package: Path, folder: Path) -> bool:
    """Import `package` into the file at `path`, taking the walk-ins' review's suggestions; whether it changed."""
    ws = Workspace.open(path, folder / "backups")
    checked = ws.packages.check([package])
    try:
        assert checked.refused == []
        return any(report.changed for report in ws.packages.import_packages(checked.usable))
    finally:
        checked.discard()
        ws.close()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=edits)
# Found by this test: the votes of a person deleted after voting were left behind by the other laptop (their key
# named an id the package no longer held); they now travel under the voter's global id.
@example(ops=[(0, "vote", 0, "vélo"), (0, "delete person", 0, "vélo")])
@example(ops=[(1, "vote", 0, "bus"), (0, "delete person", 0, "tram"), (1, "vote", 0, "vélo")])
def test_merging_each_into_the_other_gives_the_same_content_and_again_nothing(laptops: tuple[Path, Path],
                                                                             ops: list[Op]) -> None:
    folder = Path(tempfile.mkdtemp(prefix="wdesk-merge-"))
    try:
        paths = [folder / path.name for path in laptops]
        for source, copy in zip(laptops, paths, strict=True):
            shutil.copyfile(source, copy)
        to_a, to_b = reversed(_edit_and_export(paths, ops, folder))
        _import(paths[0], to_a, folder)
        _import(paths[1], to_b, folder)
        merged = _content(paths[0])
        assert merged == _content(paths[1])
        assert not _import(paths[0], to_a, folder) and not _import(paths[1], to_b, folder)
        assert _content(paths[0]) == merged
    finally:
        shutil.rmtree(folder, ignore_errors=True)
