"""The demo's votes and plan: a dot vote per workshop, the steering committee's ELIRE grid, priorities, actions."""

import pytest

from workshop_desk import i18n
from workshop_desk.domain.enums import BallotMethod, BallotStatus, SittingKind
from workshop_desk.services.demo import build_demo
from workshop_desk.services.demo_votes import ACTIONS, STEERING, STEERING_AGENDA


@pytest.fixture(scope="module")
def demo(tmp_path_factory):  # type: ignore[no-untyped-def]
    i18n.set_language("en")  # the demo is French whatever the interface language
    folder = tmp_path_factory.mktemp("demo")
    workspace = build_demo(folder / "demo.wdesk", folder / "backups")
    yield workspace
    workspace.database.close()


def test_a_dot_vote_per_workshop_on_its_themes(demo) -> None:  # type: ignore[no-untyped-def]
    workshops = [s for s in demo.sittings.all() if s.title.startswith("Atelier")]
    assert len(workshops) == 4
    for sitting in workshops:
        (ballot,) = demo.ballots.for_sitting(sitting.id)
        assert ballot.method == BallotMethod.DOTS and all(o.theme_id for o in ballot.options)
        result = demo.ballots.result(ballot.id)
        assert {s.source for s in result.sources} == {"paper", "console"}  # provenance kept
    states = [(b.status, b.revealed) for s in workshops for b in demo.ballots.for_sitting(s.id)]
    assert states[:3] == [(BallotStatus.CLOSED, True)] * 3 and states[3] == (BallotStatus.OPEN, False)


def test_the_steering_committee_scores_the_axes_on_the_elire_grid(demo) -> None:  # type: ignore[no-untyped-def]
    sittings = demo.sittings.all()
    steering = next(s for s in sittings if s.kind == SittingKind.STEERING_COMMITTEE)
    assert steering.title == STEERING.title
    dates = [s.date for s in sittings]
    assert dates == sorted(dates)  # between the workshops and the Assises
    assert [i.title for i in demo.agenda.items(steering.id)] == STEERING_AGENDA  # from the template, in French
    (grid,) = demo.ballots.for_sitting(steering.id)
    assert [c.name for c in grid.criteria] == ["Emploi", "Lien social", "Image", "Retour économique",
                                               "Environnement"]
    result = demo.ballots.result(grid.id)
    assert result.voters == 10 and len(result.groups) == 6
    assert [row.label for row in result.rows if row.dissent] == ["Studio de tournage mutualisé"]
    assert [p.title for p in demo.priorities.for_sitting(steering.id)] == [r.label for r in result.rows[:4]]


def test_an_action_plan_with_leads_deadlines_and_elire_indicators(demo) -> None:  # type: ignore[no-untyped-def]
    actions = demo.priorities.actions()
    assert len(actions) == len(ACTIONS) == 6
    assert all(a.lead and a.deadline and a.deadline.year == 2027 and a.budget for a in actions)
    assert all([i.name for i in a.indicators] == ["Emploi", "Lien social", "Image", "Retour économique",
                                                  "Environnement"] for a in actions)
    assert sum(a.priority_id is not None for a in actions) >= 2
    assert {"CCI Loire", "Ville — service développement économique"} <= {a.lead for a in actions}
