"""Impact × feasibility and multi-criteria grids: means and quadrants, weighted totals, dissent, groups."""

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop_desk import i18n
from workshop_desk.domain.counting import check_paper, count, count_by_group
from workshop_desk.domain.counting_grid import FEASIBILITY, IMPACT, Quadrant, criterion_key, elire_criteria
from workshop_desk.domain.enums import BallotMethod
from workshop_desk.domain.validation import ValidationError
from workshop_desk.domain.voting import (
    BallotPaper,
    CriteriaSettings,
    Criterion,
    Mark,
    MatrixSettings,
    Option,
    Votes,
)

OPTIONS = [Option(1, "Pépinière"), Option(2, "Navette"), Option(3, "Marché"), Option(4, "Festival")]
MATRIX, CRITERIA = BallotMethod.MATRIX, BallotMethod.CRITERIA
JOBS, COHESION = Criterion(10, "Jobs", 2.0), Criterion(11, "Social cohesion")


def placed(voter: str, *scores: tuple[int, float, float], group: int | None = None) -> BallotPaper:
    marks = [Mark(o, i, axis=IMPACT) for o, i, _f in scores] + [Mark(o, f, axis=FEASIBILITY) for o, _i, f in scores]
    return BallotPaper(voter, tuple(marks), group)


def graded(voter: str, *scores: tuple[int, Criterion, float], group: int | None = None) -> BallotPaper:
    return BallotPaper(voter, tuple(Mark(o, v, c.id) for o, c, v in scores), group)


# --- Impact × feasibility -----------------------------------------------------------------------------------


def test_each_option_is_placed_by_its_mean_scores():
    votes = Votes((placed("1", (1, 5, 4), (2, 4, 1), (3, 1, 5), (4, 2, 2)),
                   placed("2", (1, 4, 4), (2, 5, 2), (3, 2, 4), (4, 1, 1))))
    result = count(MATRIX, MatrixSettings(), OPTIONS, votes)
    assert [(r.label, r.extra["quadrant"]) for r in result.rows] == [
        ("Pépinière", Quadrant.QUICK_WIN), ("Navette", Quadrant.MAJOR_PROJECT), ("Marché", Quadrant.FILL_IN),
        ("Festival", Quadrant.SET_ASIDE)]
    assert result.row(1).extra[IMPACT] == 4.5 and result.row(1).extra[FEASIBILITY] == 4
    assert result.row(1).score == 18  # 4.5 × 4
    assert result.row(2).score == 4.5 * 1.5


def test_the_middle_of_the_scale_counts_as_high_and_disagreement_is_flagged():
    votes = Votes((placed("1", (1, 3, 5)), placed("2", (1, 3, 1))))
    row = count(MATRIX, MatrixSettings(), OPTIONS, votes).row(1)
    assert row.extra["quadrant"] == Quadrant.QUICK_WIN  # 3 and 3 on 1–5
    assert row.dissent == ("Feasibility",)  # 5 and 1: standard deviation 2


def test_a_matrix_ballot_scores_only_the_two_axes():
    with pytest.raises(ValidationError, match="axis other than impact and feasibility"):
        check_paper(MATRIX, MatrixSettings(), OPTIONS, BallotPaper("1", (Mark(1, 3, axis="cost"),)))


# --- Multi-criteria grid ------------------------------------------------------------------------------------


def test_weighted_totals_by_hand():
    # Jobs weighs 2. Pépinière: Jobs (4 + 5) / 2 = 4.5, cohesion 3 → 2 × 4.5 + 3 = 12. Navette: Jobs 1,
    # cohesion (5 + 4) / 2 = 4.5 → 2 + 4.5 = 6.5.
    votes = Votes((graded("1", (1, JOBS, 4), (1, COHESION, 3), (2, JOBS, 1), (2, COHESION, 5)),
                   graded("2", (1, JOBS, 5), (2, COHESION, 4))))
    result = count(CRITERIA, CriteriaSettings(), OPTIONS[:2], votes, [JOBS, COHESION])
    assert [(r.label, r.score) for r in result.rows] == [("Pépinière", 12), ("Navette", 6.5)]
    assert result.row(1).extra[criterion_key(JOBS)] == 4.5
    assert result.row(1).extra["weighted_mean"] == 4
    assert [c.label for c in result.columns] == ["Jobs", "Social cohesion", "Weighted mean"]


def test_dissent_on_a_criterion_where_voters_disagree_strongly():
    votes = Votes((graded("1", (1, JOBS, 0), (1, COHESION, 3)), graded("2", (1, JOBS, 5), (1, COHESION, 4))))
    row = count(CRITERIA, CriteriaSettings(), OPTIONS[:1], votes, [JOBS, COHESION]).row(1)
    assert row.dissent == ("Jobs",)  # 0 and 5: standard deviation 2.5; cohesion 0.5
    calm = count(CRITERIA, CriteriaSettings(dissent_threshold=3), OPTIONS[:1], votes, [JOBS, COHESION]).row(1)
    assert calm.dissent == ()


def test_results_split_by_stakeholder_group():
    votes = Votes((graded("1", (1, JOBS, 5), (2, JOBS, 1), group=7), graded("2", (1, JOBS, 4), (2, JOBS, 2), group=7),
                   graded("3", (1, JOBS, 0), (2, JOBS, 5), group=8), graded("4", (1, JOBS, 3), (2, JOBS, 3))))
    result = count_by_group(CRITERIA, CriteriaSettings(), OPTIONS[:2], votes, [JOBS])
    assert [g.group_id for g in result.groups] == [7, 8, None]
    by_group = {g.group_id: [r.label for r in g.result.rows] for g in result.groups}
    assert by_group == {7: ["Pépinière", "Navette"], 8: ["Navette", "Pépinière"], None: ["Pépinière", "Navette"]}
    assert result.groups[0].result.voters == 2
    assert result.row(1).score == 2 * (5 + 4 + 0 + 3) / 4


def test_no_split_when_no_vote_names_a_group():
    votes = Votes((graded("1", (1, JOBS, 5)),))
    assert count_by_group(CRITERIA, CriteriaSettings(), OPTIONS[:1], votes, [JOBS]).groups == ()


@pytest.mark.parametrize(("marks", "message"), [
    ((Mark(1, 6, JOBS.id),), "outside the scale from 0 to 5"),
    ((Mark(1, 3, 99),), "criterion that is not in the grid"),
    ((Mark(1, 3, JOBS.id), Mark(1, 4, JOBS.id)), "marks the same option twice"),
])
def test_grid_scores_breaking_a_rule_are_refused(marks, message):
    with pytest.raises(ValidationError, match=message):
        count(CRITERIA, CriteriaSettings(), OPTIONS, Votes((BallotPaper("1", marks),)), [JOBS])


def test_the_elire_criteria_are_the_defaults_in_the_current_language():
    assert elire_criteria() == [("Jobs", 1.0), ("Social cohesion", 1.0), ("Image", 1.0), ("Economic return", 1.0),
                                ("Environment", 1.0)]
    i18n.set_language("fr")
    names = [name for name, _weight in elire_criteria()]
    assert len(names) == 5 and len(set(names)) == 5


@given(st.lists(st.dictionaries(st.tuples(st.sampled_from([1, 2]), st.sampled_from([10, 11])), st.integers(0, 5)),
                max_size=20), st.randoms(use_true_random=False))
def test_shuffling_voters_never_changes_a_grid_result(rows, rng: random.Random):
    papers = tuple(BallotPaper(str(i), tuple(Mark(o, v, c) for (o, c), v in row.items()), group_id=i % 3 or None)
                   for i, row in enumerate(rows))
    shuffled = tuple(rng.sample(papers, len(papers)))
    assert count_by_group(CRITERIA, CriteriaSettings(), OPTIONS[:2], Votes(shuffled), [JOBS, COHESION]) == \
        count_by_group(CRITERIA, CriteriaSettings(), OPTIONS[:2], Votes(papers), [JOBS, COHESION])
