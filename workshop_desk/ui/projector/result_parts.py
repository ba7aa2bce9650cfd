"""Pieces shared by the projector's result drawings: the rows in the room's order, and the bars' blues."""

from PySide6.QtCore import Qt

from workshop_desk.domain.voting import Result, ResultRow
from workshop_desk.ui.projector.vote_views import ResultView

Align = Qt.AlignmentFlag
# A lighter tone of the console's blue (theme.ACCENT), which is too dark to read as a bar on the projector.
BAR = "#4F86C6"
LIGHT_BLUE = "#8AB4F8"  # the same blue as text: 4.5:1 at least on the projector's background
WARNING_MARK = "⚠"  # before a note the room must not miss (Borda and Schulze elect different winners)
NOTE = 0.04  # notes under a result, of the screen height


def ordered_rows(view: ResultView, result: Result) -> list[ResultRow]:
    """Ranked, or in the room's random order when the ballot is shuffled."""
    if not view.shuffled:
        return list(result.rows)
    by_id = {row.option_id: row for row in result.rows}
    return [by_id[option.id] for option in view.options if option.id in by_id]
