"""The console's part of each vote method, one entry per method: its ballot paper's editor and how a score reads."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from workshop_desk.domain.enums import BallotMethod
from workshop_desk.domain.voting import Ballot, Result, ResultRow
from workshop_desk.ui.voting import mark_editors as editors
from workshop_desk.ui.voting import texts


@dataclass(frozen=True, slots=True)
class ConsoleView:
    """How the console draws one method: `editor` fills a voter's paper; `score(row, result, high)` writes a score."""

    editor: type[editors.MarkEditor]
    score: Callable[[ResultRow, Result, int], str]


CONSOLE_VIEWS: Mapping[BallotMethod, ConsoleView] = {
    BallotMethod.DOTS: ConsoleView(editors.DotsEditor, texts.amount_score),
    BallotMethod.POINTS: ConsoleView(editors.PointsEditor, texts.amount_score),
    BallotMethod.RATING: ConsoleView(editors.RatingEditor, texts.mean_score),
    BallotMethod.RANKING: ConsoleView(editors.RankingEditor, texts.points_score),
    BallotMethod.MATRIX: ConsoleView(editors.MatrixEditor, texts.plain_score),
    BallotMethod.CRITERIA: ConsoleView(editors.CriteriaEditor, texts.plain_score),
    BallotMethod.CONSENT: ConsoleView(editors.ConsentEditor, texts.outcome_score),
    BallotMethod.HANDS: ConsoleView(editors.HandsEditor, texts.amount_score),
}


def editor_for(ballot: Ballot) -> editors.MarkEditor:
    return CONSOLE_VIEWS[ballot.method].editor(ballot)


def score_text(method: BallotMethod, row: ResultRow, result: Result, high: int = 5) -> str:
    """A row's score as the room reads it, with its share where one makes sense."""
    return CONSOLE_VIEWS[method].score(row, result, high)
