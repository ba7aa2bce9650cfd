"""Reports made by hand for the synthesis tests: people who come to several sittings, a vote on many options,
speakers and questions."""

import datetime as dt
from dataclasses import replace

from tests.unit.exports.builders import S, entry, person, sitting
from tests.unit.exports.report_builders import report, sitting_report
from workshop_desk.domain.counting import count
from workshop_desk.domain.enums import BallotMethod, BallotStatus
from workshop_desk.domain.ideas import Question
from workshop_desk.domain.report import BallotReport, ProgrammeReport, SittingReport
from workshop_desk.domain.voting import Ballot, BallotPaper, DotSettings, Mark, Option, Votes

LEA, INES, OMAR = person(1, "Léa", "Moreau", 1), person(7, "Inès", "Abadie", 3), person(8, "Omar", "Benali", 2)


def three_sittings() -> ProgrammeReport:
    """Inès is present at all three sittings, Léa at the second only (registered at the first), Omar at the third;
    Émile (present at the first) is absent at the second."""
    first = sitting_report()  # Émile and Inès present, Léa and Zoé registered
    second = SittingReport(sitting(id=3, title="Atelier santé (2)", date=dt.date(2027, 3, 2)),
                           roster=(entry(INES, S.PRESENT), entry(LEA, S.PRESENT),
                                   entry(person(2, "Émile", "Étienne", 2), S.ABSENT)))
    third = SittingReport(sitting(id=4, title="Restitution", date=dt.date(2027, 4, 6)),
                          roster=(entry(INES, S.PRESENT), entry(OMAR, S.PRESENT)))
    return replace(report(), sittings=(first, second, third), whole_programme=True)


def many_options(count_of_options: int, title: str = "Idées à retenir") -> BallotReport:
    """A dot vote on `count_of_options` options; option n gets n dots, so the last is first."""
    options = tuple(Option(200 + n, f"Proposition numéro {n}") for n in range(count_of_options))
    ballot = Ballot(90, 2, title, BallotMethod.DOTS, DotSettings(count_of_options),
                    status=BallotStatus.CLOSED, revealed=True, options=options)
    votes = Votes((BallotPaper("1", tuple(Mark(200 + n, n + 1) for n in range(count_of_options))),))
    return BallotReport(ballot, count(ballot.method, ballot.settings, options, votes, check=False), votes)


def with_a_long_vote(count_of_options: int) -> ProgrammeReport:
    base = sitting_report()
    return replace(report(), sittings=(replace(base, ballots=(*base.ballots, many_options(count_of_options))),))


def with_a_hidden_question() -> ProgrammeReport:
    base = sitting_report()
    hidden = Question(52, 2, "Hors sujet : le parking ?", "Bruno", 9, hidden=True)
    return replace(report(), sittings=(replace(base, questions=(*base.questions, hidden)),))


def with_speaker_groups() -> ProgrammeReport:
    """The round table's first speaker is participant 2 (Élus); the second is a free name (no group)."""
    base = sitting_report()
    turns = (replace(base.turns[0], participant_id=2), *base.turns[1:])
    return replace(report(), sittings=(replace(base, turns=turns),), speaker_groups={2: 2})


def many_sittings(number: int) -> ProgrammeReport:
    """`number` copies of the sitting (the attendance of each charted would make number × groups bars)."""
    base = sitting_report()
    sittings = tuple(replace(base, sitting=replace(base.sitting, id=100 + n, title=f"Séance {n}"))
                     for n in range(number))
    return replace(report(), sittings=sittings, whole_programme=True)
