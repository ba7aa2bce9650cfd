"""One spec per vote method (name, settings, rules, count, phrasing), registered here once: every layer asks it."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Any, Literal

from workshop_desk.domain import consent, counting_grid, counting_ranked, counting_simple
from workshop_desk.domain.enums import BallotMethod, Source
from workshop_desk.domain.voting import (
    ConsentSettings,
    CriteriaSettings,
    DotSettings,
    HandsSettings,
    MatrixSettings,
    PointSettings,
    RankingSettings,
    RatingSettings,
    Result,
    Settings,
    check_settings,
)
from workshop_desk.i18n import N_, _

Plural = Callable[[str, str, int], str]  # ngettext, or a document's `_.n`


@dataclass(frozen=True, slots=True)
class TallyColumn:
    """A kind of count a board holds per option (dots, negative dots, a consent stance), and its heading."""

    axis: str
    heading: str  # N_ msgid


def _people(n: Plural, count: int) -> str:
    return n("{n} person", "{n} people", count)


def _dots(n: Plural, count: int) -> str:
    return n("{n} dot", "{n} dots", count)


def _points(n: Plural, count: int) -> str:
    return n("{n} point", "{n} points", count)


def _hands(n: Plural, count: int) -> str:
    return n("{n} hand", "{n} hands", count)


@dataclass(frozen=True, slots=True)
class MethodSpec:
    """What the domain knows of one vote method. `count(options, votes, settings[, criteria], check=…[, counts=…])`
    and `check(paper, option_ids, settings[, criteria])` are the method's own functions in its counting module."""

    method: BallotMethod
    label: str  # N_ msgid: the method's name in menus, on the projector and in documents
    settings_type: type[Any]
    count: Callable[..., Result]
    check: Callable[..., None]
    tally_columns: tuple[TallyColumn, ...] = ()  # counts read off a board; none: one ballot paper per voter
    tally_source: Source = Source.PAPER  # the board a count is most often read off
    unit: Callable[[Plural, int], str] = _people  # "{n} dots": what a tallied amount counts (template, untranslated n)
    amounts: bool = False  # votes are amounts (dots, points, hands) that sources add up to, each option its share
    phones: bool = True  # a participant can fill it in alone on a phone
    min_options: int = 2  # 1: a proposal or a motion may stand alone
    criteria: bool = False  # scored per criterion of the ballot (counted with them; results split by group)
    by_voter: bool = False  # counted from each voter's whole paper (an order), not from marks added up
    outcomes: bool = False  # its result is an outcome per proposal (adopted, blocked), not scores to chart
    axes: tuple[str, ...] = ()  # the axes each option is scored on (the 2×2), as a sheet's columns name them
    sheet_cell: Literal["number", "hand", "stance"] = "number"  # how an imported sheet's cell reads (hand: ✓, x…)

    @property
    def tallied(self) -> bool:
        return bool(self.tally_columns)


_SPECS = (
    MethodSpec(BallotMethod.DOTS, N_("Dot voting"), DotSettings, counting_simple.count_dots,
               counting_simple.check_dots, unit=_dots, amounts=True,
               tally_columns=(TallyColumn("", N_("Dots")), TallyColumn(counting_simple.AGAINST, N_("Negative dots")))),
    MethodSpec(BallotMethod.POINTS, N_("100-point allocation"), PointSettings, counting_simple.count_points,
               counting_simple.check_points, unit=_points, amounts=True,
               tally_columns=(TallyColumn("", N_("Points")),)),
    MethodSpec(BallotMethod.RATING, N_("Rating"), RatingSettings, counting_simple.count_rating,
               counting_simple.check_rating),
    MethodSpec(BallotMethod.RANKING, N_("Ranking"), RankingSettings, counting_ranked.count_ranking,
               counting_ranked.check_ranking, by_voter=True),
    MethodSpec(BallotMethod.MATRIX, N_("Impact × feasibility"), MatrixSettings, counting_grid.count_matrix,
               counting_grid.check_matrix, axes=counting_grid.AXES),
    MethodSpec(BallotMethod.CRITERIA, N_("Multi-criteria grid"), CriteriaSettings, counting_grid.count_criteria,
               counting_grid.check_criteria, criteria=True),
    MethodSpec(BallotMethod.CONSENT, N_("Consent round"), ConsentSettings, consent.count_consent,
               consent.check_consent, min_options=1, outcomes=True, sheet_cell="stance",
               tally_columns=tuple(TallyColumn(stance, consent.STANCE_LABELS[stance]) for stance in consent.STANCES)),
    MethodSpec(BallotMethod.HANDS, N_("Show of hands"), HandsSettings, counting_simple.count_hands,
               counting_simple.check_hands, unit=_hands, amounts=True, phones=False, min_options=1,
               sheet_cell="hand", tally_columns=(TallyColumn("", N_("Hands")),), tally_source=Source.SHOW_OF_HANDS),
)
METHODS: Mapping[BallotMethod, MethodSpec] = {spec.method: spec for spec in _SPECS}  # in the menus' order
DEFAULT_METHOD = BallotMethod.DOTS  # what a new ballot starts as


def method_spec(method: BallotMethod | str) -> MethodSpec:
    return METHODS[BallotMethod(method)]


def method_label(method: BallotMethod, translate: Callable[[str], str] | None = None) -> str:
    """The method's name in the interface's language, or in that of `translate` (a document's)."""
    return (translate or _)(method_spec(method).label)


def default_settings(method: BallotMethod) -> Settings:
    return method_spec(method).settings_type()  # type: ignore[no-any-return]


def settings_from_dict(method: BallotMethod, data: Mapping[str, object]) -> Settings:
    """Settings as saved (unknown keys ignored, missing ones defaulted), checked."""
    kind = method_spec(method).settings_type
    values: dict[str, Any] = {}
    for field in fields(kind):
        if field.name in data:
            raw: Any = data[field.name]
            values[field.name] = float(raw) if field.type == "float" else int(raw)
    return check_settings(kind(**values))


def tally_columns(method: BallotMethod, settings: Settings) -> tuple[TallyColumn, ...]:
    """The counts a board holds for a ballot of these settings (negative dots only where voters have some)."""
    negative = isinstance(settings, DotSettings) and settings.negative_dots
    return tuple(column for column in method_spec(method).tally_columns
                 if column.axis != counting_simple.AGAINST or negative)

