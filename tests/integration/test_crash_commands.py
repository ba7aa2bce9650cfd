"""Kill -9 while the console works through its commands (Document.change: saved, then one undo step, then one
signal): every action confirmed on screen is in the file, undone deletes come back whole, and the file is sound —
with ordinary checkpoints, and with a checkpoint (and its anchor) after nearly every change."""

import os
import random
import sqlite3
from collections import Counter
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.integration.killing import Child, Run, kill_repeatedly
from workshop_desk.domain.enums import BallotMethod
from workshop_desk.domain.models import ParticipantDraft, ProgrammeDraft, SittingDraft
from workshop_desk.services.workspace import Workspace

CHILD = Path(__file__).with_name("commands_child.py")
PEOPLE = 1500


def build(path: Path, backups: Path) -> None:
    """A programme with a sitting, people to sign in and an open ballot; closed, as the facilitator left it."""
    workspace = Workspace.create(path, ProgrammeDraft("Démarche sous tension"), backups)
    sitting = workspace.sittings.create(SittingDraft("Atelier mobilités")).sitting.id
    workspace.participants.add_many([ParticipantDraft(f"Prénom{n}", f"Nom{n}") for n in range(PEOPLE)])
    ballot = workspace.ballots.create(sitting, "Nos priorités", BallotMethod.DOTS,
                                      ["Mobilité douce", "Emploi des jeunes", "Commerce de proximité"])
    workspace.ballots.open(ballot.id)
    workspace.database.close()


@dataclass
class Confirmed:
    """What the children confirmed, by kind of action."""

    items: dict[int, int] = field(default_factory=dict)  # item id → its number ("action N")
    notes: dict[int, tuple[int, int | None]] = field(default_factory=dict)  # note id → (number, item it names)
    questions: dict[int, tuple[int, int | None]] = field(default_factory=dict)
    scans: set[int] = field(default_factory=set)  # participant ids
    votes: set[str] = field(default_factory=set)  # voter keys
    undone: set[int] = field(default_factory=set)  # items deleted, then brought back by an undo
    deleted: set[int] = field(default_factory=set)  # items being deleted when the kill came: there or not
    numbers: list[int] = field(default_factory=list)
    found: Counter[str] = field(default_factory=Counter)  # what each child found beside the file when it started

    @classmethod
    def of(cls, run: Run) -> "Confirmed":
        confirmed = cls()
        for words in (line.split() for line in run.all()):
            if words[0] == "found":
                confirmed.found[" ".join(words[1:])] += 1
            elif words[0] == "deleting":
                confirmed.deleted.add(int(words[1]))
                confirmed.undone.discard(int(words[1]))
            elif words[0] == "confirmed":
                confirmed.add(int(words[1]), words[2], words[3:])
        return confirmed

    def add(self, number: int, kind: str, keys: list[str]) -> None:
        self.numbers.append(number)
        if kind == "vote":
            self.votes.add(keys[0])
            return
        key = int(keys[0])
        if kind == "item":
            self.items[key] = number
        elif kind in ("note", "question"):
            getattr(self, f"{kind}s")[key] = (number, None if keys[1] == "None" else int(keys[1]))
        elif kind == "scan":
            self.scans.add(key)
        elif kind == "delete":  # the latest step on an item decides: it may come back and go again
            self.deleted.add(key)
            self.undone.discard(key)
        elif kind == "undo":
            self.deleted.discard(key)
            self.undone.add(key)

    @property
    def count(self) -> int:
        return len(self.numbers)


def next_number(run: Run) -> str:
    """The next child starts two past the last number confirmed: the one in flight when the kill came may be saved."""
    numbers = [int(line.split()[1]) for line in run.all() if line.startswith("confirmed ")]
    return f"go {max(numbers, default=0) + 2}"


def kill_while_working(tmp_path: Path, python: str, env: dict[str, str], kills: int, checkpoint_bytes: int,
                       pauses: tuple[float, float]) -> tuple[Path, Path, Confirmed, int]:
    path, backups = tmp_path / "atelier.wdesk", tmp_path / "backups"
    build(path, backups)
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)

    def start() -> Child:
        return Child([python, str(CHILD), str(path), str(backups), str(checkpoint_bytes)], env)

    run = kill_repeatedly(start, kills, lambda: rng.uniform(*pauses), next_number)
    return path, backups, Confirmed.of(run), seed


def check_file(path: Path, backups: Path, confirmed: Confirmed, kills: int, seed: int) -> None:
    """Every confirmed action is in the file; at most one action per kill is there unconfirmed; the file is sound."""
    workspace = Workspace.open(path, backups, take_over=True)
    try:
        sitting = workspace.sittings.all()[0].id
        items = {item.id: item for item in workspace.agenda.items(sitting)}
        notes = {note.id: note for note in workspace.ideas.ideas(sitting)}
        questions = {question.id: question for question in workspace.questions.questions(sitting)}
        ballot = workspace.ballots.for_sitting(sitting)[0]
        voters = {paper.voter for paper in workspace.ballots.votes(ballot.id).papers}
        present = {pid for pid, a in workspace.attendance.statuses(sitting).items() if a.signed_in_at is not None}

        lost = [f"item {i}" for i in confirmed.items if i not in items and i not in confirmed.deleted]
        lost += [f"undone delete of item {i}" for i in confirmed.undone if i not in items]
        lost += [f"note {i}" for i in confirmed.notes if i not in notes]
        lost += [f"question {i}" for i in confirmed.questions if i not in questions]
        lost += [f"scan of {p}" for p in confirmed.scans if p not in present]
        lost += [f"vote {v}" for v in confirmed.votes if v not in voters]
        assert lost == [], f"seed {seed}: confirmed but not in the file: {lost[:20]}"

        wrong = [f"item {i}: {items[i].title}" for i, n in confirmed.items.items()
                 if i in items and items[i].title != f"action {n}"]
        for kind, stored, made in (("note", notes, confirmed.notes), ("question", questions, confirmed.questions)):
            for i, (n, item) in made.items():
                if stored[i].text != f"{kind} {n}":
                    wrong.append(f"{kind} {i}: {stored[i].text}")
                if stored[i].agenda_item_id != (item if item in items else None):  # a link back with its item
                    wrong.append(f"{kind} {i} names item {stored[i].agenda_item_id}, not {item}")
        assert wrong == [], f"seed {seed}: {wrong[:20]}"

        unexplained = (len({i for i, item in items.items() if item.title.startswith("action ")} - set(confirmed.items))
                       + len(set(notes) - set(confirmed.notes)) + len(set(questions) - set(confirmed.questions))
                       + len(voters - confirmed.votes) + len(present - confirmed.scans))
        assert unexplained <= kills, f"seed {seed}: {unexplained} unconfirmed actions in the file after {kills} kills"
        positions = [item.position for item in workspace.agenda.items(sitting)]
        assert positions == list(range(len(items)))
        assert workspace.database.integrity_problems() == []
    finally:
        workspace.database.close()
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def report(name: str, kills: int, confirmed: Confirmed) -> None:
    print(f"\n{name}: {kills} kills, {confirmed.count} confirmed actions "
          f"({len(confirmed.items)} items, {len(confirmed.notes)} notes, {len(confirmed.scans)} scans, "
          f"{len(confirmed.votes)} votes, {len(confirmed.questions)} questions, "
          f"{len(confirmed.undone)} deletes undone); found at restart: {dict(confirmed.found)}")


@pytest.mark.slow
def test_confirmed_commands_survive_kill_minus_nine(tmp_path, python, child_env):
    kills = 20
    path, backups, confirmed, seed = kill_while_working(tmp_path, python, child_env, kills, 4 * 1024 * 1024,
                                                        (0.2, 1.2))
    report("commands", kills, confirmed)
    assert confirmed.numbers == sorted(set(confirmed.numbers)), f"seed {seed}: a number confirmed twice"
    assert confirmed.items and confirmed.notes and confirmed.scans and confirmed.votes and confirmed.questions
    assert confirmed.undone, f"seed {seed}: no delete was undone"
    check_file(path, backups, confirmed, kills, seed)


@pytest.mark.slow
def test_kills_inside_checkpoints_never_stop_the_file_from_opening(tmp_path, python, child_env):
    """With a checkpoint after nearly every change, kills land in checkpoints and anchors; every child reopens the
    file (recovery, never a refusal) and finds what the others confirmed."""
    kills = 25
    path, backups, confirmed, seed = kill_while_working(tmp_path, python, child_env, kills, 8 * 1024, (0.0, 0.3))
    report("checkpoints", kills, confirmed)
    assert confirmed.numbers == sorted(set(confirmed.numbers)), f"seed {seed}: a number confirmed twice"
    check_file(path, backups, confirmed, kills, seed)
