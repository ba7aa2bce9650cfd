"""Consent rounds: the outcome rules, counts from ballots and hands, and what was written down."""

import pytest

from workshop_desk.domain.consent import AGREE, CONCERNS, OBJECTION, ConsentOutcome, count_consent, outcome
from workshop_desk.domain.counting import check_paper, count
from workshop_desk.domain.enums import BallotMethod, Source
from workshop_desk.domain.validation import ValidationError
from workshop_desk.domain.voting import BallotPaper, Comment, ConsentSettings, Mark, Option, Tally, Votes

CONSENT = BallotMethod.CONSENT


@pytest.mark.parametrize(("agree", "concerns", "objections", "expected"), [
    (10, 0, 0, ConsentOutcome.ADOPTED),
    (10, 2, 0, ConsentOutcome.ADOPTED_WITH_CONCERNS),
    (10, 2, 1, ConsentOutcome.BLOCKED),
    (0, 0, 0, ConsentOutcome.PENDING),
])
def test_consent_outcome_rules(agree, concerns, objections, expected):
    assert outcome(agree, concerns, objections) == expected


def test_a_consent_round_keeps_the_concerns_and_objections_written_down():
    proposal = [Option(1, "Créer une navette")]
    votes = Votes((BallotPaper("2", (Mark(1, 1, axis=CONCERNS, comment=" Le coût "),)),
                   BallotPaper("1", (Mark(1, 1, axis=AGREE),)),
                   BallotPaper("3", (Mark(1, 1, axis=CONCERNS, comment="Les horaires"),), source=Source.PAPER)),
                  (Tally(1, 14, AGREE, Source.SHOW_OF_HANDS),))
    row = count_consent(proposal, votes, ConsentSettings()).row(1)
    assert row.extra == {AGREE: 15, CONCERNS: 2, OBJECTION: 0, "outcome": ConsentOutcome.ADOPTED_WITH_CONCERNS}
    assert row.comments == (Comment(CONCERNS, "Le coût", "2"), Comment(CONCERNS, "Les horaires", "3"))
    assert row.by_source == {Source.CONSOLE: 2, Source.PAPER: 1, Source.SHOW_OF_HANDS: 14}


def test_one_objection_blocks_and_blocked_proposals_rank_below_adopted_ones():
    proposals = [Option(1, "A"), Option(2, "B")]
    votes = Votes((BallotPaper("1", (Mark(1, 1, axis=OBJECTION, comment="Illégal"), Mark(2, 1, axis=AGREE))),
                   BallotPaper("2", (Mark(1, 1, axis=AGREE), Mark(2, 1, axis=AGREE)))),
                  (Tally(1, 30, AGREE),))
    result = count(CONSENT, ConsentSettings(), proposals, votes)
    assert [(r.label, r.extra["outcome"]) for r in result.rows] == [("B", ConsentOutcome.ADOPTED),
                                                                     ("A", ConsentOutcome.BLOCKED)]
    assert result.row(1).comments == (Comment(OBJECTION, "Illégal", "1"),)


def test_a_consent_mark_needs_a_known_stance():
    with pytest.raises(ValidationError, match="stance other than"):
        check_paper(CONSENT, ConsentSettings(), [Option(1, "A")], BallotPaper("1", (Mark(1, 1, axis="maybe"),)))
