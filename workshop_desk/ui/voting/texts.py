"""How numbers, scores and counts of a vote are written, in the console and on the projector (no Qt here)."""

from workshop_desk.domain import schulze_texts
from workshop_desk.domain.consent import ConsentOutcome, outcome_label
from workshop_desk.domain.enums import BallotMethod, BallotStatus, Source, label
from workshop_desk.domain.vote_methods import method_label, method_spec
from workshop_desk.domain.voting import Result, ResultRow, status_label
from workshop_desk.i18n import _, language, ngettext, percent


def number(value: float | None, decimals: int = 1, fixed: bool = False) -> str:
    """12 → '12', 3.456 → '3.5' ('3,5' in French), None → '—'; `fixed`: 3 → '3.0', for columns of means."""
    if value is None:
        return "—"
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + ("0" if fixed else "#") * decimals if decimals else "")
    return str(format_decimal(round(value, decimals), format=pattern, locale=language()))


def amount_text(method: BallotMethod, n: float) -> str:
    """A tallied amount with its unit: '12 dots', '7 hands', '4 people'."""
    count = round(n)
    return method_spec(method).unit(ngettext, count).format(n=count)


def ballots_text(n: int) -> str:
    return ngettext("{n} ballot", "{n} ballots", n).format(n=n)


def counts_line(method: BallotMethod, ballots: int, tallied: float) -> str:
    """'23 ballots · 112 dots' (what came in, from every source)."""
    parts = [ballots_text(ballots)] if ballots or not tallied else []
    if tallied:
        parts.append(amount_text(method, tallied))
    return " · ".join(parts)


def heading_line(method: BallotMethod, status: BallotStatus, ballots: int, tallied: float, counts: bool = True) -> str:
    """'Dot voting · Open · 23 ballots · 112 dots' (without the counts when `counts` is false)."""
    parts = [method_label(method), status_label(status)]
    return " · ".join([*parts, counts_line(method, ballots, tallied)] if counts else parts)


def rank_text(row: ResultRow) -> str:
    """'1', or '2=' for a place shared with another option."""
    return f"{row.rank}=" if row.tied else str(row.rank)


# A row's score as the room reads it, one way per method (ui/voting/method_views.py picks it): `high` is the top
# of a rating's scale. A row without a score reads "—".


def amount_score(row: ResultRow, result: Result, high: int) -> str:
    """'12 · 71%': an amount and its share of all the amounts."""
    if row.score is None:
        return "—"
    total = sum(max(0.0, r.score or 0.0) for r in result.rows)
    share = f" · {percent(max(0.0, row.score) / total)}" if total else ""
    return number(row.score, 0 if float(row.score).is_integer() else 1) + share


def mean_score(row: ResultRow, result: Result, high: int) -> str:
    """'3.8 / 5'."""
    return "—" if row.score is None else _("{mean} / {high}").format(mean=number(row.score), high=high)


def points_score(row: ResultRow, result: Result, high: int) -> str:
    """'14 pts' (Borda's points)."""
    if row.score is None:
        return "—"
    return ngettext("{n} pt", "{n} pts", round(row.score)).format(n=number(row.score))


def outcome_score(row: ResultRow, result: Result, high: int) -> str:
    """'Adopted with concerns'."""
    return "—" if row.score is None else outcome_label(ConsentOutcome(str(row.extra.get("outcome"))))


def plain_score(row: ResultRow, result: Result, high: int) -> str:
    """'3.2'."""
    return number(row.score)


def sources_text(row: ResultRow) -> str:
    """Where an option's votes came from: 'Paper 12 · Console 3'."""
    return " · ".join(f"{label(Source(source))} {number(amount)}" for source, amount in row.by_source.items()
                      if amount)


def schulze_note(result: Result) -> str:
    """What the Schulze count says beside Borda: who it elects, and whether that differs."""
    return schulze_texts.winners_note(result, _)


def undecided_notes(result: Result, most: int | None = None) -> list[str]:
    """The pairs the Schulze count leaves undecided, and those it still orders within a shared place (each list
    cut to `most` pairs); empty strings when it decides every pair."""
    return [schulze_texts.undecided_note(result, _, most), schulze_texts.ahead_note(result, _, most)]


def schulze_remark(result: Result, row: ResultRow) -> str:
    """'Schulze: behind “A”; not separated from “C”', or ''."""
    return schulze_texts.remark(result, row.option_id, _)


def ties_note(result: Result) -> str:
    """'Tie for first place (1=) between 2 options.', or a word on the '=' of places shared further down."""
    if not result.sources:
        return ""
    first = [row for row in result.rows if row.rank == 1 and row.score is not None]
    if len(first) > 1:
        return ngettext("Tie for first place (1=) between {n} option.", "Tie for first place (1=) between {n} options.",
                        len(first)).format(n=len(first))
    return _("= marks options that share a place.") if result.ties else ""
