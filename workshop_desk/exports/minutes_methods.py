"""The minutes' result table of each vote method, one entry per method (outcomes, Schulze, the grid, or scores)."""

from collections.abc import Callable, Mapping

from workshop_desk.domain.consent import AGREE, CONCERNS, OBJECTION, ConsentOutcome, outcome_label
from workshop_desk.domain.counting_grid import criterion_key
from workshop_desk.domain.enums import BallotMethod
from workshop_desk.domain.report import BallotReport
from workshop_desk.domain.schulze_texts import ahead_note, place_text, undecided_note, winners_note
from workshop_desk.domain.voting import CriteriaSettings, Result, ResultRow
from workshop_desk.exports.minutes_sections import Minutes, Translate, number


def consent_table(m: Minutes, entry: BallotReport) -> None:
    """Per proposal: agreements, concerns, objections and the outcome."""
    _ = m._
    rows = [[row.label, *(number(float(row.extra.get(key) or 0), m.language) for key in (AGREE, CONCERNS, OBJECTION)),
             outcome_text(row, _)] for row in entry.result.rows]
    m.table([m.width - 3 * 22.0 - 40.0, 22.0, 22.0, 22.0, 40.0],
            [_("Proposal"), _("Agree"), _("Concerns"), _("Objections"), _("Outcome")], rows, figures=3)


def score_table(m: Minutes, entry: BallotReport) -> None:
    """Rank, option and score."""
    _ = m._
    rows = [[str(row.rank), row.label, number(row.score, m.language)] for row in entry.result.rows]
    m.table([14.0, m.width - 14.0 - 30.0, 30.0], [_("Rank"), _("Option"), _("Score")], rows, figures=1)


def ranked_table(m: Minutes, entry: BallotReport) -> None:
    """A ranking beside its Schulze count (scores alone when the count gave none)."""
    if entry.result.alternative is None:
        score_table(m, entry)
    else:
        ranking_table(m, entry.result)


def grid_table(m: Minutes, entry: BallotReport) -> None:
    """A multi-criteria grid (ELIRE) in full: how it works, each option's mean per criterion and its weighted total,
    and where voters disagreed strongly."""
    _ = m._
    ballot, result = entry.ballot, entry.result
    settings = ballot.settings
    assert isinstance(settings, CriteriaSettings)
    criteria = list(ballot.criteria)
    side = (m.width - 14.0 - 45.0 - 22.0) / max(1, len(criteria))
    # A criterion's name as a column heading only when its longest word fits (~1.9 mm a character): else "C1"...,
    # named in the sentence above, in narrow columns, rather than words cut mid-way.
    fits = all(len(word) * 1.9 <= side for c in criteria for word in c.name.split())
    if not fits:
        side = min(side, 14.0)
    headings = [c.name if fits else f"C{n}" for n, c in enumerate(criteria, start=1)]
    weights = ", ".join(f"{c.name}\u00a0×{m._.number(c.weight)}" if fits else
                        f"C{n}\u00a0{c.name}\u00a0×{m._.number(c.weight)}" for n, c in enumerate(criteria, start=1))
    m.paragraph(_("Each participant scored every option on each criterion from {low} to {high}; an option's total "
                  "adds up its mean score on each criterion times that criterion's weight ({weights}).").format(
        low=settings.low, high=settings.high, weights=weights))
    m.table([14.0, m.width - 14.0 - 22.0 - side * len(criteria), *(side for _c in criteria), 22.0],
            [_("Rank"), _("Option"), *headings, _("Weighted total")],
            [[str(row.rank), row.label, *(number(_mean(row.extra.get(criterion_key(c))), m.language)
                                          for c in criteria), number(row.score, m.language)]
             for row in result.rows], figures=len(criteria) + 1)
    split = [row for row in result.rows if row.dissent]
    if split:
        m.paragraph(_("Strong disagreement among voters (scores far apart):"))
        m.bullets([_("{option}: {criteria}").format(option=row.label, criteria=", ".join(row.dissent))
                   for row in split])


def _mean(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def ranking_table(m: Minutes, result: Result) -> None:
    """Borda's rank and points with the Schulze rank beside them ('1=': shared), then who Schulze elects and every
    pair it leaves undecided or still orders within a shared rank."""
    _ = m._
    assert result.alternative is not None
    places = {row.option_id: place_text(row) for row in result.alternative.rows}
    rows = [[str(row.rank), row.label, number(row.score, m.language), places[row.option_id]] for row in result.rows]
    m.table([14.0, m.width - 14.0 - 24.0 - 30.0, 24.0, 30.0], [_("Rank"), _("Option"), _("Score"), _("Schulze rank")],
            rows, figures=2)
    for note in (winners_note(result, _), undecided_note(result, _), ahead_note(result, _)):
        if note:
            m.paragraph(note)


def outcome_text(row: ResultRow, _: Translate) -> str:
    found = str(row.extra.get("outcome") or "")
    return outcome_label(ConsentOutcome(found), _) if found in set(ConsentOutcome) else ""


RESULT_TABLES: Mapping[BallotMethod, Callable[[Minutes, BallotReport], None]] = {
    BallotMethod.DOTS: score_table, BallotMethod.POINTS: score_table, BallotMethod.RATING: score_table,
    BallotMethod.RANKING: ranked_table, BallotMethod.MATRIX: score_table, BallotMethod.CRITERIA: grid_table,
    BallotMethod.CONSENT: consent_table, BallotMethod.HANDS: score_table,
}
