"""Live results kept in memory agree with a recount from the file, whatever was cast, replaced or tallied."""

import random

import pytest

from tests.factories import make_workspace
from workshop_desk.domain.consent import STANCES
from workshop_desk.domain.counting_grid import AXES
from workshop_desk.domain.enums import BallotMethod, Source
from workshop_desk.domain.vote_methods import method_spec
from workshop_desk.domain.voting import Ballot, BallotPaper, Mark
from workshop_desk.services.live_results import LiveResults


def _paper(ballot: Ballot, voter: str, rng: random.Random, group: int | None) -> BallotPaper:
    ids = [o.id for o in ballot.options]
    method = ballot.method
    if method == BallotMethod.DOTS:
        marks = tuple(Mark(o, 1) for o in rng.sample(ids, 2))
    elif method == BallotMethod.POINTS:
        marks = (Mark(ids[0], 60), Mark(rng.choice(ids[1:]), 40))
    elif method == BallotMethod.RANKING:
        marks = tuple(Mark(o, r + 1) for r, o in enumerate(rng.sample(ids, len(ids))))
    elif method == BallotMethod.MATRIX:
        marks = tuple(Mark(o, rng.randint(1, 5), axis=a) for o in ids for a in AXES)
    elif method == BallotMethod.CRITERIA:
        marks = tuple(Mark(o, rng.randint(0, 5), c.id) for o in ids for c in ballot.criteria)
    elif method == BallotMethod.CONSENT:
        marks = tuple(Mark(o, 1, axis=rng.choice(STANCES), comment=rng.choice(["", "trop cher"])) for o in ids)
    elif method == BallotMethod.HANDS:
        marks = tuple(Mark(o, 1) for o in ids if rng.random() < 0.5)
    else:
        marks = tuple(Mark(o, rng.randint(1, 5)) for o in ids if rng.random() < 0.8)
    return BallotPaper(voter, marks, group)


@pytest.mark.parametrize("method", list(BallotMethod))
def test_live_results_match_a_recount_from_the_file(tmp_path, method: BallotMethod) -> None:
    workspace = make_workspace(tmp_path, sittings=1)
    sitting = workspace.sittings.all()[0]
    groups = [g.id for g in workspace.programmes.groups()][:3]
    ballot = workspace.ballots.create(sitting.id, "Vote", method, ["Atelier", "Boutique", "Parcours"])
    workspace.ballots.open(ballot.id)
    live, rng = LiveResults(workspace.ballots), random.Random(str(method))
    live.result(ballot)  # read once: what follows only goes through memory
    for voter in ["1", "2", "3", "4", "2", "5", "1"]:  # 1 and 2 vote twice: their later ballot replaces the first
        live.cast(ballot.id, _paper(ballot, voter, rng, rng.choice([None, *groups])))
    if method_spec(method).tallied:
        axis = STANCES[0] if method == BallotMethod.CONSENT else ""
        live.set_tallies(ballot.id, {ballot.options[0].id: 4, ballot.options[1].id: 2}, Source.PAPER, axis)
        live.set_tallies(ballot.id, {ballot.options[0].id: 0, ballot.options[2].id: 3}, Source.PAPER, axis)
        live.set_tallies(ballot.id, {ballot.options[1].id: 5}, Source.SHOW_OF_HANDS, axis, groups[0])
    for by_group in (False, True):
        assert live.result(ballot, by_group) == workspace.ballots.result(ballot.id, True if by_group else None)
    assert live.votes(ballot.id) == workspace.ballots.votes(ballot.id)


def test_forget_reads_the_votes_again(tmp_path) -> None:
    workspace = make_workspace(tmp_path, sittings=1)
    sitting = workspace.sittings.all()[0]
    ballot = workspace.ballots.create(sitting.id, "Vote", BallotMethod.HANDS, ["A", "B"])
    workspace.ballots.open(ballot.id)
    live = LiveResults(workspace.ballots)
    assert live.result(ballot).voters == 0
    workspace.ballots.cast(ballot.id, BallotPaper("", (Mark(ballot.options[0].id, 1),)))  # not through `live`
    assert live.result(ballot).voters == 0
    live.forget(ballot.id)
    assert live.result(ballot).voters == 1


def test_a_ranking_kept_up_to_date_equals_a_recount_after_every_paper(tmp_path) -> None:
    """Rankings with ties, partial and blank, by group or not, voters changing their paper: after each paper the
    live result (pairwise counts kept up to date) is the recount of the file, whole and by group."""
    workspace = make_workspace(tmp_path, sittings=1)
    sitting = workspace.sittings.all()[0]
    groups = [g.id for g in workspace.programmes.groups()][:2]
    ballot = workspace.ballots.create(sitting.id, "Classement", BallotMethod.RANKING, ["A", "B", "C", "D", "E"])
    workspace.ballots.open(ballot.id)
    ids, live, rng = [o.id for o in ballot.options], LiveResults(workspace.ballots), random.Random(13)
    workspace.ballots.cast(ballot.id, BallotPaper("1", (Mark(ids[0], 1),)))  # in the file before the first read
    live.result(ballot)
    for _step in range(30):
        chosen = rng.sample(ids, rng.randint(0, len(ids)))
        marks = tuple(Mark(o, rng.randint(1, 3)) for o in chosen)  # ties and options left out
        source = rng.choice([Source.CONSOLE, Source.PAPER])
        live.cast(ballot.id, BallotPaper(str(rng.randint(1, 8)), marks, rng.choice([None, *groups]), source))
        for by_group in (False, True):
            assert live.result(ballot, by_group) == workspace.ballots.result(ballot.id, True if by_group else None)
