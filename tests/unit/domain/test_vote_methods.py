"""Each vote method is one spec in the registry, and counts and phrases a real ballot through it in two languages."""

import pytest

from tests.method_ballots import METHODS_WITH_BALLOTS, small_ballot, small_votes
from workshop_desk.domain.ballot_texts import amount_text, provenance
from workshop_desk.domain.counting import check_paper, check_tally, count_by_group
from workshop_desk.domain.enums import BallotMethod
from workshop_desk.domain.validation import ValidationError
from workshop_desk.domain.vote_methods import METHODS, default_settings, method_label, method_spec, tally_columns
from workshop_desk.domain.voting import Tally, check_settings
from workshop_desk.i18n import translator


def test_every_method_has_one_spec_and_a_small_ballot_to_test_it() -> None:
    assert list(METHODS) == list(BallotMethod)  # the menus' order is the enum's
    assert all(spec.method == method for method, spec in METHODS.items())
    assert set(BallotMethod) == METHODS_WITH_BALLOTS


@pytest.mark.parametrize("method", list(BallotMethod))
def test_a_spec_holds_what_each_layer_asks_of_its_method(method: BallotMethod) -> None:
    spec = method_spec(method)
    assert isinstance(check_settings(default_settings(method)), spec.settings_type)
    assert spec.min_options >= 1 and spec.sheet_cell in ("number", "hand", "stance")
    if spec.amounts:  # amounts are read off boards and phrased with their own unit
        assert spec.tallied and "{n}" in spec.unit(lambda one, many, n: one if n == 1 else many, 2)
    assert {column.axis for column in tally_columns(method, default_settings(method))} <= \
        {column.axis for column in spec.tally_columns}


@pytest.mark.parametrize("method", list(BallotMethod))
def test_each_method_checks_counts_and_phrases_a_small_ballot_in_french_and_english(method: BallotMethod) -> None:
    ballot, votes = small_ballot(method), small_votes(method)
    for paper in votes.papers:
        check_paper(method, ballot.settings, ballot.options, paper, ballot.criteria)
    for tally in votes.tallies:
        check_tally(method, ballot.settings, ballot.options, tally)
    result = count_by_group(method, ballot.settings, ballot.options, votes, ballot.criteria)
    assert result.method == method and [row.label for row in result.rows if row.rank == 1]
    english, french = translator("en"), translator("fr")
    assert method_label(method, french) != method_label(method, english)  # the French catalogue names it
    for _, phone in ((english, "phone"), (french, "téléphone")):
        sentence = provenance(ballot.method, result, _)
        assert sentence.endswith(".") and phone in sentence and "{" not in sentence
        assert amount_text(method, 1234, _).startswith(_.number(1234) + " ")


def test_a_method_read_off_papers_refuses_a_board_count() -> None:
    needs_papers = [method for method, spec in METHODS.items() if not spec.tallied]
    assert needs_papers
    for method in needs_papers:
        with pytest.raises(ValidationError):
            check_tally(method, default_settings(method), small_ballot(method).options, Tally(1, 3))


def test_negative_dots_are_a_board_column_only_where_voters_have_some() -> None:
    from workshop_desk.domain.voting import DotSettings

    assert [c.axis for c in tally_columns(BallotMethod.DOTS, DotSettings())] == [""]
    assert [c.axis for c in tally_columns(BallotMethod.DOTS, DotSettings(negative_dots=2))] == ["", "against"]
