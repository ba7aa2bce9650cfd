"""What a document says about a ballot besides its result: where its votes came from, and whether it is final."""

from collections.abc import Callable, Sequence
from typing import Protocol

from babel.lists import format_list

from workshop_desk.domain.enums import BallotMethod, BallotStatus, Source
from workshop_desk.domain.vote_methods import method_spec
from workshop_desk.domain.voting import Ballot, Result, SourceCount


class Translate(Protocol):
    """A document's translator: gettext for one language, its plural forms, and the language itself."""

    language: str
    n: Callable[[str, str, int], str]

    def __call__(self, message: str) -> str: ...

    def number(self, value: float, decimals: int = 2) -> str: ...


def amount_text(method: BallotMethod, amount: float, _: Translate) -> str:
    """'54 dots', '7 hands', '1 person' in the document's language."""
    count = round(amount)
    return method_spec(method).unit(_.n, count).format(n=_.number(count))


def _ballots_text(source: Source, count: int, _: Translate) -> str:
    if source == Source.PHONE:
        text = _.n("{n} ballot sent from a phone", "{n} ballots sent from phones", count)
    elif source == Source.PAPER:
        text = _.n("{n} paper ballot", "{n} paper ballots", count)
    elif source == Source.IMPORT:
        text = _.n("{n} ballot imported from a spreadsheet", "{n} ballots imported from a spreadsheet", count)
    else:
        text = _.n("{n} ballot entered at the console", "{n} ballots entered at the console", count)
    return text.format(n=_.number(count))


def _tallied_text(source: Source, amount: str, _: Translate) -> str:
    if source == Source.SHOW_OF_HANDS:
        return _("{amount} by show of hands").format(amount=amount)
    if source == Source.PAPER:
        return _("{amount} counted on the paper board").format(amount=amount)
    return _("{amount} entered as a count at the console").format(amount=amount)


def provenance(method: BallotMethod, result: Result, _: Translate) -> str:
    """Where the votes came from, as a sentence: '66 dots, of which 54 counted on the paper board and 12 on 4
    ballots entered at the console.'; empty before any vote."""
    if not result.sources:
        return ""
    if method_spec(method).amounts:
        return _amount_sentence(method, result.sources, _)
    parts: list[tuple[float, str]] = []
    for found in result.sources:
        if found.ballots:
            parts.append((found.ballots, _ballots_text(found.source, found.ballots, _)))
        if found.tallied:
            parts.append((found.tallied, _tallied_text(found.source, amount_text(method, found.tallied, _), _)))
    return _sentence(_largest_first(parts), _)


def _amount_sentence(method: BallotMethod, sources: Sequence[SourceCount], _: Translate) -> str:
    parts: list[tuple[float, str]] = []
    for found in sources:
        if found.ballots:
            ballots = _ballots_text(found.source, found.ballots, _)
            amount = found.marked
            parts.append((amount, _("{amount} on {ballots}").format(amount=amount_text(method, amount, _),
                                                                   ballots=ballots)))
        if found.tallied:
            parts.append((found.tallied, _tallied_text(found.source, amount_text(method, found.tallied, _), _)))
    if len(parts) == 1:
        return _sentence(_largest_first(parts), _)
    total = amount_text(method, sum(size for size, _text in parts), _)
    return _("{total}, of which {parts}.").format(total=total, parts=_join(_largest_first(parts), _))


def _largest_first(parts: list[tuple[float, str]]) -> list[str]:
    """The clauses, the source that brought most first (as one says it: '280 from phones and 32 on paper')."""
    return [text for _size, text in sorted(parts, key=lambda part: -part[0])]


def _sentence(parts: Sequence[str], _: Translate) -> str:
    text = _join(parts, _)
    return f"{text[:1].upper()}{text[1:]}." if text else ""


def _join(parts: Sequence[str], _: Translate) -> str:
    return str(format_list(list(parts), locale="fr_FR" if _.language == "fr" else "en_GB"))


def provisional(ballot: Ballot) -> bool:
    """A result that may still change or that the room has not seen: the ballot is not closed, or not revealed."""
    return ballot.status != BallotStatus.CLOSED or not ballot.revealed


def provisional_note(ballot: Ballot, _: Translate) -> str:
    """Why a result is provisional, or empty when it is final."""
    if ballot.status == BallotStatus.OPEN:
        return _("Provisional result: the vote was still open when this document was written.")
    if ballot.status == BallotStatus.DRAFT:
        return _("Provisional result: the vote had not been opened when this document was written.")
    if not ballot.revealed:
        return _("Provisional result: closed but not yet revealed to the room.")
    return ""


def provisional_mark(_: Translate) -> str:
    """The short mark beside a provisional figure in a table or a chart title."""
    return _("provisional")
