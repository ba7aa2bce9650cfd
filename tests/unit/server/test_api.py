"""The participant API through aiohttp's test client: every route, its refusals, and what lands in the file."""

import asyncio

import pytest

from tests.unit.server.conftest import HEADERS, open_ballot
from workshop_desk.domain.enums import BallotMethod, Source
from workshop_desk.domain.models import ParticipantDraft
from workshop_desk.domain.phones import PhonesMode
from workshop_desk.domain.voting import DotSettings

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


async def test_the_page_sets_the_device_cookie_and_the_safety_headers(client, code):
    response = await client.get(f"/s/{code}/")
    assert response.status == 200
    assert "app.js" in await response.text()
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    cookie = response.cookies["wd_device"]
    assert cookie["httponly"] and cookie["samesite"] == "Strict" and cookie["path"] == f"/s/{code}"
    joined = await client.get(f"/s/{code}", allow_redirects=False)  # the join URL, as its QR code gives it
    assert (joined.status, joined.headers["Location"]) == (308, f"/s/{code}/")  # the page's URLs need the slash
    script = await client.get(f"/s/{code}/static/app.js")
    assert script.status == 200 and "phone" in await script.text()


@pytest.mark.parametrize("path", ["/", "/s/", "/s/wrong-code", "/s/{code}/static/../../secret", "/s/{code}/api/nope",
                                  "/s/{code}/static/missing.js", "/favicon.ico"])
async def test_nothing_else_is_served(client, code, path):
    response = await client.get(path.format(code=code))
    assert response.status == 404
    assert (await response.json()) == {"error": "not_found"}
    assert "Content-Security-Policy" in response.headers


async def test_a_revoked_code_or_phones_switched_off_is_not_found(client, code, workspace, sitting):
    workspace.phones.new_join_code(sitting)
    assert (await client.get(f"/s/{code}/api/state")).status == 404
    fresh = workspace.phones.settings(sitting).join_code
    assert (await client.get(f"/s/{fresh}/api/state")).status == 200
    workspace.phones.set_enabled(sitting, False)
    assert (await client.get(f"/s/{fresh}/api/state")).status == 404


async def test_the_state_shows_what_a_phone_may_see(client, code, workspace, sitting):
    workspace.questions.add(sitting, "Console question", asked_by="Camille Martin")
    response = await client.get(f"/s/{code}/api/state")
    assert response.headers["Cache-Control"] == "no-store"
    state = await response.json()
    assert state["sitting"]["title"] == "Séance 1" and state["mode"] == "anonymous"
    assert state["activity"] == "waiting" and state["ballot"] is None and state["timer"] is None
    assert state["me"] == {"name": None, "badge_checked": False}
    assert [q["text"] for q in state["questions"]["list"]] == ["Console question"]
    assert "Camille" not in str(state)  # no participant's name goes to a phone


async def test_an_idea_is_recorded_from_the_phone_and_shown_back_to_it_only(client, code, workspace, sitting):
    response = await client.post(f"/s/{code}/api/ideas", json={"text": "  Des navettes  ", "theme_id": None},
                                 headers=HEADERS)
    assert response.status == 201
    created = await response.json()
    assert created["status"] == "shown"
    idea = workspace.ideas.ideas(sitting)[0]
    assert (idea.text, idea.source, idea.id) == ("Des navettes", Source.PHONE, created["id"])
    assert client.changes == ["ideas"]
    mine = (await (await client.get(f"/s/{code}/api/state")).json())["ideas"]["mine"]
    assert mine == [{"id": idea.id, "text": "Des navettes", "theme_id": None, "status": "shown"}]
    client.session.cookie_jar.clear()
    other = (await (await client.get(f"/s/{code}/api/state")).json())["ideas"]["mine"]
    assert other == []


@pytest.mark.parametrize(("text", "error"), [("   ", "empty"), ("x" * 501, "too_long")])
async def test_an_empty_or_too_long_idea_or_question_is_refused(client, code, text, error):
    for route in ("ideas", "questions"):
        response = await client.post(f"/s/{code}/api/{route}", json={"text": text}, headers=HEADERS)
        assert (response.status, await response.json()) == (422, {"error": error})


async def test_private_ideas_stay_hidden_until_revealed(client, code, workspace, sitting):
    workspace.phones.set_ideas_private(sitting, True)
    await client.post(f"/s/{code}/api/ideas", json={"text": "Secret"}, headers=HEADERS)
    state = await (await client.get(f"/s/{code}/api/state")).json()
    assert state["ideas"]["private"] and state["ideas"]["mine"][0]["status"] == "hidden"
    workspace.ideas.reveal(sitting)
    state = await (await client.get(f"/s/{code}/api/state")).json()
    assert state["ideas"]["mine"][0]["status"] == "shown"


async def test_moderated_contributions_wait_until_approved(client, code, workspace, sitting):
    workspace.phones.set_moderation(sitting, ideas=True, questions=True)
    idea = await (await client.post(f"/s/{code}/api/ideas", json={"text": "Idée"}, headers=HEADERS)).json()
    question = await (await client.post(f"/s/{code}/api/questions", json={"text": "Pourquoi ?"},
                                         headers=HEADERS)).json()
    assert idea["status"] == question["status"] == "pending"
    assert workspace.ideas.board(sitting).ideas == () and workspace.questions.questions(sitting) == []
    state = await (await client.get(f"/s/{code}/api/state")).json()
    assert state["questions"]["list"] == [] and state["ideas"]["mine"][0]["status"] == "pending"
    ideas, questions = workspace.phones.pending(sitting)
    assert [i.text for i in ideas] == ["Idée"] and [q.text for q in questions] == ["Pourquoi ?"]
    workspace.phones.approve([idea["id"]], [question["id"]])
    assert [i.text for i in workspace.ideas.board(sitting).ideas] == ["Idée"]
    state = await (await client.get(f"/s/{code}/api/state")).json()
    assert [q["text"] for q in state["questions"]["list"]] == ["Pourquoi ?"] and state["questions"]["list"][0]["mine"]
    assert workspace.phones.pending(sitting) == ([], [])


async def test_a_question_gets_one_plus_one_per_device(client, code, workspace, sitting):
    question = workspace.questions.add(sitting, "Quand ?")
    route = f"/s/{code}/api/questions/{question.id}/vote"
    first = await (await client.post(route, json={}, headers=HEADERS)).json()
    again = await (await client.post(route, json={}, headers=HEADERS)).json()
    assert first == again == {"votes": 1, "voted": True}
    client.session.cookie_jar.clear()
    assert (await (await client.post(route, json={}, headers=HEADERS)).json())["votes"] == 2
    assert (await client.post(f"/s/{code}/api/questions/999/vote", json={}, headers=HEADERS)).status == 404


# --- Ballots -------------------------------------------------------------------------------------------------------

def _marks(method, ballot):
    a, b, c = (o.id for o in ballot.options)
    first = ballot.criteria[0].id if ballot.criteria else None
    valid = {
        BallotMethod.DOTS: [{"option_id": a, "value": 2}, {"option_id": b, "value": 1}],
        BallotMethod.POINTS: [{"option_id": a, "value": 60}, {"option_id": b, "value": 40}],
        BallotMethod.RATING: [{"option_id": a, "value": 4}],
        BallotMethod.RANKING: [{"option_id": b, "value": 1}, {"option_id": a, "value": 2}],
        BallotMethod.MATRIX: [{"option_id": o, "value": 3, "axis": axis} for o in (a, b, c)
                              for axis in ("impact", "feasibility")],
        BallotMethod.CRITERIA: [{"option_id": o, "value": 3, "criterion_id": k.id} for o in (a, b, c)
                                for k in ballot.criteria],
        BallotMethod.CONSENT: [{"option_id": a, "value": 1, "axis": "agree"}],
    }[method]
    invalid = {
        BallotMethod.DOTS: [{"option_id": a, "value": 6}],
        BallotMethod.POINTS: [{"option_id": a, "value": 50}],
        BallotMethod.RATING: [{"option_id": a, "value": 9}],
        BallotMethod.RANKING: [{"option_id": a, "value": 1.5}],
        BallotMethod.MATRIX: [{"option_id": a, "value": 3, "axis": "sideways"}],
        BallotMethod.CRITERIA: [{"option_id": a, "value": 99, "criterion_id": first}],
        BallotMethod.CONSENT: [{"option_id": a, "value": 1, "axis": "maybe"}],
    }[method]
    return valid, invalid


METHODS = [m for m in BallotMethod if m != BallotMethod.HANDS]


@pytest.mark.parametrize("method", METHODS)
async def test_every_method_is_accepted_and_refused_through_http(client, code, workspace, sitting, method):
    ballot = workspace.ballots.get(open_ballot(workspace, sitting, method))
    valid, invalid = _marks(method, ballot)
    route = f"/s/{code}/api/ballots/{ballot.id}/paper"
    refused = await client.post(route, json={"marks": invalid}, headers={**HEADERS, "Accept-Language": "fr-FR"})
    body = await refused.json()
    assert refused.status == 422 and body["error"] == "invalid" and body["detail"]
    assert workspace.ballots.votes(ballot.id).papers == ()
    state = await (await client.get(f"/s/{code}/api/state")).json()
    assert state["activity"] == "vote" and state["ballot"]["method"] == str(method)
    response = await client.post(route, json={"marks": valid}, headers=HEADERS)
    assert (response.status, await response.json()) == (200, {"recorded": True})
    papers = workspace.ballots.votes(ballot.id).papers
    assert len(papers) == 1 and papers[0].source == Source.PHONE and papers[0].voter.startswith("phone:")
    assert len(papers[0].marks) == len(valid)
    mine = (await (await client.get(f"/s/{code}/api/state")).json())["ballot"]["my_paper"]
    assert len(mine["marks"]) == len(valid)


async def test_dots_respect_the_budget_and_the_cap(client, code, workspace, sitting):
    ballot = workspace.ballots.create(sitting, "Dots", BallotMethod.DOTS, ["A", "B"],
                                      settings=DotSettings(dots_per_voter=3, max_per_option=2))
    workspace.ballots.open(ballot.id)
    a, b = (o.id for o in ballot.options)
    route = f"/s/{code}/api/ballots/{ballot.id}/paper"
    over_cap = await client.post(route, json={"marks": [{"option_id": a, "value": 3}]}, headers=HEADERS)
    over_budget = await client.post(route, json={"marks": [{"option_id": a, "value": 2}, {"option_id": b, "value": 2}]},
                                    headers=HEADERS)
    assert over_cap.status == over_budget.status == 422
    fine = await client.post(route, json={"marks": [{"option_id": a, "value": 2}, {"option_id": b, "value": 1}]},
                             headers=HEADERS)
    assert fine.status == 200


async def test_changing_ones_vote_replaces_it_and_a_closed_ballot_refuses(client, code, workspace, sitting):
    ballot = workspace.ballots.get(open_ballot(workspace, sitting, BallotMethod.RATING))
    route = f"/s/{code}/api/ballots/{ballot.id}/paper"
    a = ballot.options[0].id
    await client.post(route, json={"marks": [{"option_id": a, "value": 2}]}, headers=HEADERS)
    await client.post(route, json={"marks": [{"option_id": a, "value": 5}]}, headers=HEADERS)
    papers = workspace.ballots.votes(ballot.id).papers
    assert len(papers) == 1 and papers[0].marks[0].value == 5
    result = workspace.ballots.result(ballot.id)
    assert [(s.source, s.ballots) for s in result.sources] == [(Source.PHONE, 1)]
    workspace.ballots.close(ballot.id)
    closed = await client.post(route, json={"marks": [{"option_id": a, "value": 1}]}, headers=HEADERS)
    assert (closed.status, await closed.json()) == (409, {"error": "closed"})


async def test_badge_mode_one_ballot_per_participant_with_their_group(client, code, workspace, sitting, aiohttp_client):
    workspace.phones.set_mode(sitting, PhonesMode.BADGE)
    person = workspace.participants.add(ParticipantDraft("Camille", "Martin"))
    ballot = workspace.ballots.get(open_ballot(workspace, sitting, BallotMethod.RATING))
    route = f"/s/{code}/api/ballots/{ballot.id}/paper"
    paper = {"marks": [{"option_id": ballot.options[0].id, "value": 3}]}
    refused = await client.post(route, json=paper, headers=HEADERS)
    assert (refused.status, await refused.json()) == (403, {"error": "badge_required"})
    unknown = await client.post(f"/s/{code}/api/badge", json={"badge": "NOPE"}, headers=HEADERS)
    assert (unknown.status, await unknown.json()) == (404, {"error": "unknown_badge"})
    for _device in range(2):  # two phones showing the same badge
        client.session.cookie_jar.clear()
        await client.get(f"/s/{code}")
        checked = await client.post(f"/s/{code}/api/badge", json={"badge": person.badge_code.lower()},
                                    headers=HEADERS)
        assert await checked.json() == {"name": "Camille Martin"}
        assert (await client.post(route, json=paper, headers=HEADERS)).status == 200
        me = (await (await client.get(f"/s/{code}/api/state")).json())["me"]
        assert me == {"name": "Camille Martin", "badge_checked": True}
    papers = workspace.ballots.votes(ballot.id).papers
    assert len(papers) == 1 and papers[0].participant_id == person.id and papers[0].group_id == person.group_id


async def test_the_same_device_twice_at_once_leaves_one_ballot(client, code, workspace, sitting):
    ballot = workspace.ballots.get(open_ballot(workspace, sitting, BallotMethod.RATING))
    await client.get(f"/s/{code}")
    route = f"/s/{code}/api/ballots/{ballot.id}/paper"
    sent = [client.post(route, json={"marks": [{"option_id": ballot.options[0].id, "value": v}]}, headers=HEADERS)
            for v in (1, 2, 3, 4)]
    assert {r.status for r in await asyncio.gather(*sent)} == {200}
    assert len(workspace.ballots.votes(ballot.id).papers) == 1


# --- Guards --------------------------------------------------------------------------------------------------------

async def test_cross_site_posts_are_refused(client, code):
    route = f"/s/{code}/api/ideas"
    no_header = await client.post(route, json={"text": "x"})
    other_origin = await client.post(route, json={"text": "x"}, headers={**HEADERS, "Origin": "http://evil.example"})
    for response in (no_header, other_origin):
        assert (response.status, await response.json()) == (403, {"error": "cross_site"})
    own = f"http://{client.server.host}:{client.server.port}"
    assert (await client.post(route, json={"text": "x"}, headers={**HEADERS, "Origin": own})).status == 201


async def test_a_large_body_is_refused(client, code):
    response = await client.post(f"/s/{code}/api/ideas", json={"text": "x" * 5000}, headers=HEADERS)
    assert (response.status, await response.json()) == (413, {"error": "too_large"})


async def test_a_flooding_device_is_limited_without_slowing_another(client, code):
    await client.get(f"/s/{code}")
    statuses = [(await client.get(f"/s/{code}/api/state")).status for _n in range(40)]
    assert statuses.count(429) >= 5
    limited = await client.get(f"/s/{code}/api/state")
    assert limited.status == 429 and int(limited.headers["Retry-After"]) >= 1
    assert await limited.json() == {"error": "rate_limited"}
    client.session.cookie_jar.clear()
    other = await client.get(f"/s/{code}")  # another phone (its own cookie)
    assert other.status == 200
    assert (await client.get(f"/s/{code}/api/state")).status == 200


async def test_the_event_stream_tells_changes_and_a_reconnection_finds_the_same_state(client, code, workspace,
                                                                                     sitting):
    await client.get(f"/s/{code}")
    before = await (await client.get(f"/s/{code}/api/state")).json()
    stream = await asyncio.wait_for(client.get(f"/s/{code}/api/events"), 3)
    assert stream.headers["Content-Type"].startswith("text/event-stream")
    first = await asyncio.wait_for(stream.content.readuntil(b"\r\n\r\n"), 3)
    assert b"event: changed" in first and b"retry: 3000" in first
    await client.post(f"/s/{code}/api/questions", json={"text": "Une question"}, headers=HEADERS)
    second = await asyncio.wait_for(stream.content.readuntil(b"\r\n\r\n"), 3)
    assert b"event: changed" in second
    stream.close()
    again = await client.get(f"/s/{code}/api/events")
    assert b"event: changed" in await asyncio.wait_for(again.content.readuntil(b"\r\n\r\n"), 3)
    after = await (await client.get(f"/s/{code}/api/state")).json()
    assert after["version"] > before["version"]
    assert [q["text"] for q in after["questions"]["list"]] == ["Une question"]
    assert (await (await client.get(f"/s/{code}/api/state")).json()) == after  # identical on reconnection
    again.close()


async def test_phones_say_their_table_only_when_the_sitting_asks_and_the_idea_is_the_tables(client, code, workspace,
                                                                                           sitting):
    tables = workspace.room_tables.ensure_tables(sitting, 3, 6)
    state = await (await client.get(f"/s/{code}/api/state")).json()
    assert state["ideas"]["tables"] == []  # not asked: no table names go to phones, a table sent is ignored
    await client.post(f"/s/{code}/api/ideas", json={"text": "Sans table", "table_id": tables[1].id}, headers=HEADERS)
    workspace.phones.set_by_table(sitting, True)
    state = await (await client.get(f"/s/{code}/api/state")).json()
    assert state["ideas"]["tables"] == [{"id": t.id, "name": t.name} for t in tables]
    for text, table in (("À la table 2", tables[1].id), ("Table d'ailleurs", 9999)):
        response = await client.post(f"/s/{code}/api/ideas", json={"text": text, "table_id": table}, headers=HEADERS)
        assert response.status == 201
    placed = {idea.text: idea.table_id for idea in workspace.ideas.ideas(sitting)}
    assert placed == {"Sans table": None, "À la table 2": tables[1].id, "Table d'ailleurs": None}
