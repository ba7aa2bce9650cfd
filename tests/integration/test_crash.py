"""Kill -9 while working: every action confirmed to the user is in the file, and the file is sound."""

import os
import random
import sqlite3
from contextlib import closing

import pytest

from tests.integration.killing import Child, kill_repeatedly
from workshop_desk.services.workspace import Workspace

KILLS = 30
CHILD = '''
import sys
from pathlib import Path

from workshop_desk.domain.models import ItemDraft, ProgrammeDraft, SittingDraft
from workshop_desk.services.workspace import Workspace

path, backups = Path(sys.argv[1]), Path(sys.argv[2])
print("ready", flush=True)
sys.stdin.readline()  # imports done; wait for the previous child to be killed
if path.exists():  # the app asks first; the answer here is yes (the last child was killed)
    workspace = Workspace.open(path, backups, take_over=True)
else:  # the first child creates the file: a kill may come before it was ever closed
    workspace = Workspace.create(path, ProgrammeDraft("Démarche crash"), backups)
    workspace.sittings.create(SittingDraft("Séance"))
sitting = workspace.sittings.all()[0].id
titles = [item.title for item in workspace.agenda.items(sitting)]
n = max((int(title.split()[1]) for title in titles if title.startswith("action ")), default=0)
while True:
    n += 1
    workspace.agenda.add(sitting, ItemDraft(f"action {n}", planned_minutes=1), row=0 if n % 4 == 0 else None)
    if workspace.run.running() is None:
        workspace.run.start(sitting)
    else:
        workspace.run.step(sitting, -1 if n % 3 == 0 else 1)
    print(f"confirmed {n}", flush=True)  # only once both calls have returned, i.e. committed
'''


@pytest.mark.slow
def test_confirmed_actions_survive_kill_minus_nine(tmp_path, python, child_env):
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    path, backups = tmp_path / "crash.wdesk", tmp_path / "backups"
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    run = kill_repeatedly(lambda: Child([python, str(script), str(path), str(backups)], child_env), KILLS,
                          lambda: rng.uniform(0.2, 1.5))
    confirmed = [int(line.split()[1]) for line in run.all()]
    per_child = [len(lines) for lines in run.lines]

    assert len(per_child) == KILLS
    assert confirmed == sorted(set(confirmed)), f"seed {seed}: a number was confirmed twice or out of order"
    assert len(confirmed) >= KILLS
    workspace = Workspace.open(path, backups, take_over=True)  # first: it checks the log before anything replays it
    try:
        sitting = workspace.sittings.all()[0].id
        items = workspace.agenda.items(sitting)
        stored = {int(item.title.split()[1]) for item in items}
        missing = sorted(set(confirmed) - stored)
        assert missing == [], f"seed {seed}: confirmed but lost: {missing[:20]}"
        assert len(stored) - len(confirmed) <= KILLS  # at most one unconfirmed commit per kill
        assert [item.position for item in items] == list(range(len(items)))  # every renumbering whole
        state = workspace.run.running()
        assert state is not None and state.sitting.id == sitting
        assert state.sitting.current_item_id in {item.id for item in items}
        assert workspace.database.integrity_problems() == []
    finally:
        workspace.database.close()
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
