"""What keeps the server up under a room's load (tests/benchmarks/bench_phones_load.py measures it): papers that
arrive together are one unit of work, each still answered on its own; a phone's idea wakes no other phone."""

import asyncio
import contextlib

import pytest

from tests.unit.server.conftest import HEADERS, open_ballot
from workshop_desk.domain.enums import BallotMethod

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
PHONES = 20


def _phone(n: int, language: str = "en") -> dict[str, str]:
    return {**HEADERS, "Cookie": f"wd_device=device-token-{n:04d}-of-the-room", "Accept-Language": language}


async def test_papers_sent_together_are_recorded_together_and_each_answered(client, code, workspace, sitting):
    ballot = workspace.ballots.get(open_ballot(workspace, sitting, BallotMethod.RATING))
    route = f"/s/{code}/api/ballots/{ballot.id}/paper"
    good = {"marks": [{"option_id": ballot.options[0].id, "value": 4}]}
    bad = {"marks": [{"option_id": ballot.options[0].id, "value": 9}]}  # past the scale
    commits = workspace.database.change_count
    replies = await asyncio.gather(*(client.post(route, json=bad if n == 7 else good,
                                                 headers=_phone(n, "fr" if n == 7 else "en"))
                                     for n in range(PHONES)))
    statuses = [reply.status for reply in replies]
    assert statuses == [422 if n == 7 else 200 for n in range(PHONES)]
    refused = await replies[7].json()
    assert refused["error"] == "invalid" and "échelle" in refused["detail"]  # in the phone's French
    assert len(workspace.ballots.votes(ballot.id).papers) == PHONES - 1
    assert workspace.database.change_count - commits < PHONES / 2  # not one commit per paper
    assert client.changes.count("ballot") == PHONES - 1  # the console is told of each paper


async def test_a_phones_idea_wakes_no_other_phone_but_a_question_does(client, code, workspace, sitting):
    stream = await client.get(f"/s/{code}/api/events", headers=_phone(1))
    await asyncio.wait_for(stream.content.readuntil(b"\r\n\r\n"), 3)  # the first event, on connecting
    idea = await client.post(f"/s/{code}/api/ideas", json={"text": "Une navette"}, headers=_phone(2))
    assert idea.status == 201 and client.changes == ["ideas"]  # the console is told
    with contextlib.suppress(TimeoutError):
        woken = await asyncio.wait_for(stream.content.readuntil(b"\r\n\r\n"), 1.5)
        pytest.fail(f"a phone was told of another's idea: {woken!r}")
    await client.post(f"/s/{code}/api/questions", json={"text": "Qui paie ?"}, headers=_phone(2))
    assert b"event: changed" in await asyncio.wait_for(stream.content.readuntil(b"\r\n\r\n"), 3)
    stream.close()
