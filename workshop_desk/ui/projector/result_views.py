"""The projector's part of each vote method, one entry per method: how its revealed result is painted and noted."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from workshop_desk.domain.enums import BallotMethod
from workshop_desk.domain.voting import Result
from workshop_desk.i18n import N_
from workshop_desk.ui.projector.results_bars import paint_bars, schulze_notes
from workshop_desk.ui.projector.results_charts import paint_criteria, paint_matrix
from workshop_desk.ui.projector.results_consent import paint_consent
from workshop_desk.ui.projector.vote_views import ResultView

# (painter, rect, view, result, screen height, page) → how many pages the result takes
Painter = Callable[[QPainter, QRectF, ResultView, Result, float, int], int]
Notes = Callable[[Result, Callable[[str], bool]], list[str]]  # (result, whether a note fits) → notes


def _no_notes(_result: Result, _fits: Callable[[str], bool]) -> list[str]:
    return []


@dataclass(frozen=True, slots=True)
class ProjectorView:
    """How the projector shows one method's revealed result."""

    paint: Painter
    notes: Notes = _no_notes  # the method's own notes, under the result (the ties note is everyone's)
    dissent: str = N_("≠ voters strongly disagree on this option.")  # N_ msgid, shown when a row has dissent


PROJECTOR_VIEWS: Mapping[BallotMethod, ProjectorView] = {
    BallotMethod.DOTS: ProjectorView(paint_bars),
    BallotMethod.POINTS: ProjectorView(paint_bars),
    BallotMethod.RATING: ProjectorView(paint_bars),
    BallotMethod.RANKING: ProjectorView(paint_bars, schulze_notes),
    BallotMethod.MATRIX: ProjectorView(paint_matrix),
    BallotMethod.CRITERIA: ProjectorView(paint_criteria, dissent=N_("≠ voters strongly disagree on this criterion.")),
    BallotMethod.CONSENT: ProjectorView(paint_consent),
    BallotMethod.HANDS: ProjectorView(paint_bars),
}
