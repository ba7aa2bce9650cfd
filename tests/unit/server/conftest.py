"""A programme with one sitting whose phones are on, and the participant app over it with a tiny page."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.factories import make_workspace
from workshop_desk.domain.enums import BallotMethod
from workshop_desk.server.app import make_app
from workshop_desk.services.workspace import Workspace

HEADERS = {"X-Workshop-Desk": "1"}


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    workspace = make_workspace(tmp_path, sittings=1)
    sitting = workspace.sittings.all()[0].id
    workspace.phones.new_join_code(sitting)
    workspace.phones.set_enabled(sitting, True)
    yield workspace
    workspace.close()


@pytest.fixture
def sitting(workspace: Workspace) -> int:
    return workspace.sittings.all()[0].id


@pytest.fixture
def code(workspace: Workspace, sitting: int) -> str:
    return str(workspace.phones.settings(sitting).join_code)


@pytest.fixture
def static_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "static"
    folder.mkdir()
    (folder / "index.html").write_text("<!doctype html><title>t</title><script src='static/app.js'></script>")
    (folder / "app.js").write_text("console.log('phone');")
    return folder


@pytest.fixture
async def client(aiohttp_client, workspace: Workspace, sitting: int, static_dir: Path):  # type: ignore[no-untyped-def]
    changes: list[str] = []
    app = make_app(workspace, sitting, static_dir, on_change=lambda topic, _subject: changes.append(topic))
    client = await aiohttp_client(app)
    client.changes = changes
    return client


def open_ballot(workspace: Workspace, sitting: int, method: BallotMethod, options: int = 3) -> int:
    ballot = workspace.ballots.create(sitting, f"Vote {method}", method, [f"Option {n}" for n in range(options)])
    workspace.ballots.open(ballot.id)
    return ballot.id
