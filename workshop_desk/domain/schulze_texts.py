"""What a Schulze count decides and leaves undecided, in words, in the language of the translator given."""

from collections.abc import Callable, Sequence
from functools import reduce

from workshop_desk.domain.voting import Result, ResultRow, Standing

Translate = Callable[[str], str]
Pairs = Sequence[tuple[ResultRow, ResultRow]]


def place_text(row: ResultRow) -> str:
    """'1', or '1=' for a place shared with another option."""
    return f"{row.rank}=" if row.tied else str(row.rank)


def quoted(label: str, _: Translate) -> str:
    """An option's label in quotes: labels such as “Locaux et ateliers” hold the words that join them."""
    return _("“{label}”").format(label=label)


def winners_note(result: Result, _: Translate) -> str:
    """What the Schulze count says beside Borda: who it elects, and whether that differs ('' before any vote)."""
    if result.alternative is None or not result.sources:
        return ""
    schulze = " = ".join(row.label for row in result.alternative.winners)
    if not result.winners_differ:
        return _("Schulze (Condorcet) elects the same winner: {winners}.").format(winners=schulze)
    borda = " = ".join(row.label for row in result.winners)
    return _("The counts disagree. Borda: {borda}. Schulze (Condorcet): {schulze}.").format(borda=borda,
                                                                                         schulze=schulze)


def undecided_note(result: Result, _: Translate, most: int | None = None) -> str:
    """'Not separated by the votes (Schulze): “A” and “C”; “B” and “C”.' ('' when the count decides every pair);
    `most`: the pairs named at most ('; and 2 more')."""
    found = result.alternative.undecided() if result.alternative and result.sources else ()
    if not found:
        return ""
    return _("Not separated by the votes (Schulze): {pairs}.").format(pairs=_pairs(found, _("{a} and {b}"), _, most))


def ahead_note(result: Result, _: Translate, most: int | None = None) -> str:
    """'Yet Schulze puts “A” ahead of “B”.': the pairs that share a place all the same (the undecided note comes
    first: a place is shared only around an undecided pair); '' when there are none."""
    found = result.alternative.ahead_rows() if result.alternative and result.sources else ()
    if not found:
        return ""
    return _("Yet Schulze puts {pairs}.").format(pairs=_pairs(found, _("{a} ahead of {b}"), _, most))


def _pairs(pairs: Pairs, template: str, _: Translate, most: int | None) -> str:
    shown = _joined([template.format(a=quoted(a.label, _), b=quoted(b.label, _)) for a, b in pairs[:most]], _)
    left = len(pairs) - len(pairs[:most])
    return _("{pairs}; and {n} more").format(pairs=shown, n=left) if left else shown


def _joined(parts: Sequence[str], _: Translate) -> str:
    """'a; b; c' ('a ; b ; c' in French)."""
    return reduce(lambda first, second: _("{first}; {second}").format(first=first, second=second), parts)


def neighbours(standing: Standing, option_id: int) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The labels an option shares its place with: those it comes behind, those it comes ahead of, and those the
    count leaves it not separated from."""
    behind = tuple(upper.label for upper, lower in standing.ahead_rows() if lower.option_id == option_id)
    above = tuple(lower.label for upper, lower in standing.ahead_rows() if upper.option_id == option_id)
    apart = tuple(second.label if first.option_id == option_id else first.label
                  for first, second in standing.undecided() if option_id in (first.option_id, second.option_id))
    return behind, above, apart


def facts(standing: Standing, option_id: int, _: Translate) -> str:
    """What an option's shared place leaves unsaid: 'behind “A”; not separated from “C”' ('' when alone in it)."""
    return neighbour_text(*neighbours(standing, option_id), _)


def neighbour_text(behind: Sequence[str], above: Sequence[str], apart: Sequence[str], _: Translate) -> str:
    """'behind “A”; ahead of “B”; not separated from “C”' ('' when there is nothing to say)."""
    parts = [_("behind {options}").format(options=_labels(behind, _))] if behind else []
    if above:
        parts.append(_("ahead of {options}").format(options=_labels(above, _)))
    if apart:
        parts.append(_("not separated from {options}").format(options=_labels(apart, _)))
    return _joined(parts, _) if parts else ""


def remark(result: Result, option_id: int, _: Translate) -> str:
    """'Schulze: behind “A”; not separated from “C”', or '' (no Schulze count, or the option alone in its place)."""
    found = facts(result.alternative, option_id, _) if result.alternative and result.sources else ""
    return _("Schulze: {facts}").format(facts=found) if found else ""


def _labels(labels: Sequence[str], _: Translate) -> str:
    return ", ".join(quoted(label, _) for label in labels)
