"""`workshop-desk serve` in a child process: the join URL printed, ideas and ballots recorded, SIGTERM and SIGKILL."""

import json
import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

from tests.factories import make_workspace
from workshop_desk.domain.enums import BallotMethod
from workshop_desk.services.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]


def _programme(tmp_path: Path) -> tuple[Path, int, int]:
    workspace = make_workspace(tmp_path, sittings=1)
    sitting = workspace.sittings.all()[0].id
    ballot = workspace.ballots.create(sitting, "Priorités", BallotMethod.RATING, ["A", "B"])
    workspace.ballots.open(ballot.id)
    path = workspace.path
    workspace.close()
    return path, sitting, ballot.id


def _serve(path: Path, sitting: int) -> tuple[subprocess.Popen[str], str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(path.parent)}
    child = subprocess.Popen([sys.executable, "-m", "workshop_desk", "--lang", "en", "serve", str(path), "--sitting",
                              str(sitting), "--host", "127.0.0.1", "--port", "18765"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line.startswith("Participants: http://127.0.0.1:"), line + (child.stderr.read() if child.poll() else "")
    return child, line.split(": ", 1)[1].strip()


def _post(url: str, body: dict[str, object]) -> tuple[int, dict[str, object]]:
    request = urllib.request.Request(url, json.dumps(body).encode(), method="POST", headers={
        "Content-Type": "application/json", "X-Workshop-Desk": "1"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, json.loads(response.read())


def _reopened(path: Path) -> Workspace:
    return Workspace.open(path, path.parent / "backups", take_over=True)


def test_serve_records_an_idea_and_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    path, sitting, _ballot = _programme(tmp_path)
    child, url = _serve(path, sitting)
    try:
        assert _post(f"{url}/api/ideas", {"text": "Une navette"})[0] == 201
        child.send_signal(signal.SIGTERM)
        assert child.wait(timeout=20) == 0
    finally:
        child.kill()
    workspace = _reopened(path)
    try:
        assert [idea.text for idea in workspace.ideas.ideas(sitting)] == ["Une navette"]
    finally:
        workspace.close()


def test_an_acknowledged_phone_ballot_survives_sigkill(tmp_path: Path) -> None:
    path, sitting, ballot = _programme(tmp_path)
    child, url = _serve(path, sitting)
    try:
        workspace_options = _option_ids(path, ballot)
        status, body = _post(f"{url}/api/ballots/{ballot}/paper",
                             {"marks": [{"option_id": workspace_options[0], "value": 4}]})
        assert (status, body) == (200, {"recorded": True})
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        child.kill()
    workspace = _reopened(path)
    try:
        papers = workspace.ballots.votes(ballot).papers
        assert len(papers) == 1 and papers[0].marks[0].value == 4
    finally:
        workspace.close()


def _option_ids(path: Path, ballot: int) -> list[int]:
    workspace = Workspace.open(path, path.parent / "backups", read_only=True)
    try:
        return [option.id for option in workspace.ballots.get(ballot).options]
    finally:
        workspace.database.close()
