"""Ballots read from spreadsheet rows: header found, columns matched in French or English, messy cells read."""

import pytest

from workshop_desk.domain.consent import AGREE, CONCERNS, OBJECTION
from workshop_desk.domain.counting_grid import FEASIBILITY, IMPACT
from workshop_desk.domain.enums import BallotMethod, Source
from workshop_desk.domain.validation import ValidationError
from workshop_desk.domain.vote_methods import default_settings, settings_from_dict
from workshop_desk.domain.voting import (
    Ballot,
    Criterion,
    DotSettings,
    Mark,
    Option,
    display_order,
    settings_to_dict,
)
from workshop_desk.domain.voting_sheet import number, read_rows, stance, summary_lines

OPTIONS = (Option(1, "Mobilité douce"), Option(2, "Emploi des jeunes"), Option(3, "Commerce"))
GROUPS = {"entreprises": 1, "associations": 2}


def ballot(method: BallotMethod, **extra: object) -> Ballot:
    values: dict[str, object] = {"settings": default_settings(method), "options": OPTIONS}
    values.update(extra)
    return Ballot(9, 1, "Priorités", method, **values)  # type: ignore[arg-type]


def test_dots_with_title_rows_french_headers_and_messy_cells():
    rows = [["Vote du 14 janvier"], [],
            ["N° votant", "Collège", "MOBILITE DOUCE", "Emploi des jeunes :", "Commerce", "Remarques"],
            [1, "Entreprises", 2, "1 gommette", None, "rien"],
            ["2", "associations ", "3 pts", "", "-", ""],
            [None, None, None, None, None, None],
            [None, "Inconnus", 1.0, 1, 1, None]]
    reading = read_rows(rows, ballot(BallotMethod.DOTS), GROUPS, Source.PAPER, "votes.xlsx")
    assert [(p.voter, p.group_id, p.marks) for p in reading.papers] == [
        ("1", 1, (Mark(1, 2), Mark(2, 1))),
        ("2", 2, (Mark(1, 3),)),
        ("L7", None, (Mark(1, 1), Mark(2, 1), Mark(3, 1)))]
    assert all(p.source == Source.PAPER for p in reading.papers)
    assert reading.lines == (4, 5, 7)
    assert reading.ignored_columns == ("Remarques",)
    assert reading.unknown_groups == ("Inconnus",)
    assert summary_lines(reading)[0] == "3 ballots imported."


def test_rankings_with_ordinals_and_no_voter_column():
    rows = [["Commerce", "Mobilité douce", "Emploi des jeunes"], ["1er", "2e", None], ["3rd", "1st", "2nd"]]
    reading = read_rows(rows, ballot(BallotMethod.RANKING), {}, Source.IMPORT, "r.csv")
    assert reading.papers[0].voter == "L2"
    assert reading.papers[0].marks == (Mark(3, 1), Mark(1, 2))
    assert reading.papers[1].marks == (Mark(3, 3), Mark(1, 1), Mark(2, 2))


def test_grid_columns_name_an_option_and_a_criterion_in_either_order():
    jobs, image = Criterion(5, "Emploi"), Criterion(6, "Image")
    rows = [["Votant", "Commerce – Emploi", "Image / Commerce", "Emploi des jeunes: Image"], ["A", "4", "2,0", "5"]]
    reading = read_rows(rows, ballot(BallotMethod.CRITERIA, criteria=(jobs, image)), {}, Source.IMPORT, "g.csv")
    assert reading.papers[0].marks == (Mark(3, 4, 5), Mark(3, 2, 6), Mark(2, 5, 6))


def test_matrix_columns_accept_faisabilite():
    rows = [["Votant", "Commerce impact", "Commerce faisabilité"], ["1", 4, 2]]
    reading = read_rows(rows, ballot(BallotMethod.MATRIX), {}, Source.IMPORT, "m.csv")
    assert reading.papers[0].marks == (Mark(3, 4, axis=IMPACT), Mark(3, 2, axis=FEASIBILITY))


def test_consent_cells_carry_the_stance_and_the_words():
    rows = [["Bulletin", "Commerce"], ["1", "D'accord"], ["2", "Réserves : le coût"], ["3", "OBJECTION - illégal"],
            ["4", "skip"]]
    reading = read_rows(rows, ballot(BallotMethod.CONSENT), {}, Source.IMPORT, "c.csv")
    assert [p.marks for p in reading.papers] == [
        (Mark(3, 1, axis=AGREE),), (Mark(3, 1, axis=CONCERNS, comment="le coût"),),
        (Mark(3, 1, axis=OBJECTION, comment="illégal"),), ()]


def test_hands_accept_crosses_and_yes():
    rows = [["Voter", "Commerce", "Emploi des jeunes"], ["1", "x", "non"], ["2", "oui", 1]]
    reading = read_rows(rows, ballot(BallotMethod.HANDS), {}, Source.IMPORT, "h.csv")
    assert [p.marks for p in reading.papers] == [(Mark(3, 1),), (Mark(3, 1), Mark(2, 1))]


@pytest.mark.parametrize(("cell", "value"), [(3, 3), ("3", 3), (" 2,5 ", 2.5), ("4 pts", 4), ("1er", 1),
                                              ("-1", -1), ("", None), ("—", None), ("NSP", None), ("skip", None)])
def test_number_reads_messy_cells(cell, value):
    assert number(cell) == value


def test_stance_is_found_among_words():
    assert stance("d'accord avec réserves") == (CONCERNS, "")
    assert stance("pour") == (AGREE, "")


@pytest.mark.parametrize(("rows", "message"), [
    ([["Voter", "Commerce"], ["1", "beaucoup"]], "Line 2, column “Commerce”: “beaucoup” cannot be read as a number"),
    ([["Voter", "Commerce"], ["1", 9]], "Line 2: .*gives 9 dots; each voter has 5"),
    ([["Voter", "Commerce"], ["1", 1], ["1", 2]], "Line 3: voter “1” already has a ballot on line 2"),
    ([["Nom", "Prénom"], ["Léa", "Moreau"]], "No column of “f.csv” is headed with an option"),
])
def test_a_bad_row_names_its_line(rows, message):
    with pytest.raises(ValidationError, match=message):
        read_rows(rows, ballot(BallotMethod.DOTS), {}, Source.IMPORT, "f.csv")


def test_settings_survive_their_json_form_and_are_checked():
    settings = DotSettings(dots_per_voter=4, max_per_option=2, negative_dots=1)
    assert settings_from_dict(BallotMethod.DOTS, settings_to_dict(settings)) == settings
    assert settings_from_dict(BallotMethod.DOTS, {"unknown": 1}) == DotSettings()
    with pytest.raises(ValidationError, match="top of the scale"):
        settings_from_dict(BallotMethod.RATING, {"low": 5, "high": 5})
    with pytest.raises(ValidationError, match="at least one dot"):
        settings_from_dict(BallotMethod.DOTS, {"dots_per_voter": 0})


def test_the_projector_order_is_random_but_stable_for_a_ballot():
    options = tuple(Option(i, str(i)) for i in range(12))
    assert display_order(options, 9) == display_order(options, 9)
    assert display_order(options, 9) != options
    assert sorted(display_order(options, 9), key=lambda o: o.id) == list(options)
    assert ballot(BallotMethod.DOTS).display_options() == OPTIONS
