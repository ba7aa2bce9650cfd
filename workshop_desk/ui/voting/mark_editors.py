"""One editor per option, suited to the ballot's method: dots and points with a running total, ratings and
ranks with 'skip', two scales for impact × feasibility, a row of scores for a grid, a stance and a comment for
consent, a tick for a raised hand."""

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QSpinBox, QWidget

from workshop_desk.domain.consent import AGREE, CONCERNS, OBJECTION, stance_label
from workshop_desk.domain.counting_grid import AXES, axis_label
from workshop_desk.domain.voting import (
    Ballot,
    CriteriaSettings,
    DotSettings,
    Mark,
    MatrixSettings,
    PointSettings,
    RankingSettings,
    RatingSettings,
)
from workshop_desk.i18n import _, ngettext
from workshop_desk.ui import theme

Reader = Callable[[], Mark | None]


def _spin(low: int, high: int, skip: str = "") -> QSpinBox:
    """A spin box whose lowest value reads `skip` (nothing marked) when given."""
    spin = QSpinBox()
    spin.setRange(low - 1 if skip else low, high)
    if skip:
        spin.setSpecialValueText(skip)
    spin.setValue(spin.minimum() if skip else 0)
    return spin


def _scored(option_id: int, low: int, criterion_id: int | None = None, axis: str = "") -> Callable[[int], Mark | None]:
    """Reads a score on a scale (below `low`: skipped) as a mark on an axis or a criterion."""
    return lambda value: Mark(option_id, value, criterion_id, axis) if value >= low else None


class MarkEditor(QWidget):
    """A grid: one row per option (its label, then its editors); `marks()` reads what was entered."""

    changed = Signal()

    def __init__(self, ballot: Ballot) -> None:
        super().__init__()
        self.ballot = ballot
        self.grid = QGridLayout(self)
        self.grid.setColumnStretch(0, 1)
        self._readers: list[Reader] = []
        self._resets: list[Callable[[], None]] = []
        self.spins: list[QSpinBox] = []
        self._headings()
        for row, option in enumerate(ballot.options, start=1):
            name = QLabel(f"{row}. {option.label}")
            name.setWordWrap(True)
            self.grid.addWidget(name, row, 0)
            self._add_option(row, option.id)

    def _headings(self) -> None:
        """Column headings, for the editors with several columns."""

    def _add_option(self, row: int, option_id: int) -> None:
        raise NotImplementedError

    def _add_spin(self, row: int, column: int, spin: QSpinBox, read: Callable[[int], Mark | None]) -> None:
        self.grid.addWidget(spin, row, column)
        self.spins.append(spin)
        spin.valueChanged.connect(lambda _v: self.changed.emit())
        self._readers.append(lambda: read(spin.value()))
        self._resets.append(lambda: spin.setValue(spin.minimum() if spin.specialValueText() else 0))

    def marks(self) -> tuple[Mark, ...]:
        return tuple(mark for mark in (read() for read in self._readers) if mark is not None)

    def clear(self) -> None:
        for reset in self._resets:
            reset()

    def summary(self) -> tuple[str, bool]:
        """A running total to show under the editors, and whether it breaks the allowance."""
        count = len({mark.option_id for mark in self.marks()})
        return ngettext("{n} option marked", "{n} options marked", count).format(n=count), False


class DotsEditor(MarkEditor):
    def _add_option(self, row: int, option_id: int) -> None:
        settings = self.ballot.settings
        assert isinstance(settings, DotSettings)
        high = settings.max_per_option or settings.dots_per_voter
        self._add_spin(row, 1, _spin(-settings.negative_dots, high),
                       lambda v: Mark(option_id, v) if v else None)

    def summary(self) -> tuple[str, bool]:
        settings = self.ballot.settings
        assert isinstance(settings, DotSettings)
        given = sum(m.value for m in self.marks() if m.value > 0)
        text = _("{n} of {total} dots placed").format(n=round(given), total=settings.dots_per_voter)
        return text, given > settings.dots_per_voter


class PointsEditor(MarkEditor):
    def _add_option(self, row: int, option_id: int) -> None:
        settings = self.ballot.settings
        assert isinstance(settings, PointSettings)
        self._add_spin(row, 1, _spin(0, settings.total), lambda v: Mark(option_id, v) if v else None)

    def summary(self) -> tuple[str, bool]:
        settings = self.ballot.settings
        assert isinstance(settings, PointSettings)
        spent = round(sum(m.value for m in self.marks()))
        text = _("{n} of {total} points allocated").format(n=spent, total=settings.total)
        return text, bool(spent) and spent != settings.total


class RatingEditor(MarkEditor):
    def _add_option(self, row: int, option_id: int) -> None:
        settings = self.ballot.settings
        assert isinstance(settings, RatingSettings | MatrixSettings | CriteriaSettings)
        spin = _spin(settings.low, settings.high, _("skip"))
        self._add_spin(row, 1, spin, lambda v: Mark(option_id, v) if v >= settings.low else None)


class RankingEditor(MarkEditor):
    def _add_option(self, row: int, option_id: int) -> None:
        settings = self.ballot.settings
        assert isinstance(settings, RankingSettings)
        self._add_spin(row, 1, _spin(1, len(self.ballot.options), _("not ranked")),
                       lambda v: Mark(option_id, v) if v >= 1 else None)

    def summary(self) -> tuple[str, bool]:
        settings = self.ballot.settings
        assert isinstance(settings, RankingSettings)
        ranked = len(self.marks())
        text = ngettext("{n} option ranked (1 = first)", "{n} options ranked (1 = first)", ranked).format(n=ranked)
        return text, bool(settings.max_ranked) and ranked > settings.max_ranked


class MatrixEditor(MarkEditor):
    def _headings(self) -> None:
        for column, axis in enumerate(AXES, start=1):
            self.grid.addWidget(QLabel(f"<b>{axis_label(axis)}</b>"), 0, column)

    def _add_option(self, row: int, option_id: int) -> None:
        settings = self.ballot.settings
        assert isinstance(settings, MatrixSettings)
        for column, axis in enumerate(AXES, start=1):
            self._add_spin(row, column, _spin(settings.low, settings.high, _("skip")),
                           _scored(option_id, settings.low, axis=axis))


class CriteriaEditor(MarkEditor):
    def _headings(self) -> None:
        for column, criterion in enumerate(self.ballot.criteria, start=1):
            heading = QLabel(f"<b>{criterion.name}</b>")
            heading.setWordWrap(True)
            self.grid.addWidget(heading, 0, column)

    def _add_option(self, row: int, option_id: int) -> None:
        settings = self.ballot.settings
        assert isinstance(settings, CriteriaSettings)
        for column, criterion in enumerate(self.ballot.criteria, start=1):
            self._add_spin(row, column, _spin(settings.low, settings.high, "–"),
                           _scored(option_id, settings.low, criterion_id=criterion.id))


class ConsentEditor(MarkEditor):
    def _add_option(self, row: int, option_id: int) -> None:
        stance = QComboBox()
        stance.addItem("—", "")
        for axis in (AGREE, CONCERNS, OBJECTION):
            stance.addItem(stance_label(axis), axis)
        comment = QLineEdit()
        comment.setPlaceholderText(_("What was said (concerns, objection)"))
        self.grid.addWidget(stance, row, 1)
        self.grid.addWidget(comment, row, 2)
        stance.currentIndexChanged.connect(lambda _i: self.changed.emit())

        def read() -> Mark | None:
            axis = stance.currentData()
            return Mark(option_id, 1.0, axis=axis, comment=comment.text().strip()) if axis else None

        def reset() -> None:
            stance.setCurrentIndex(0)
            comment.clear()

        self._readers.append(read)
        self._resets.append(reset)


class HandsEditor(MarkEditor):
    def _add_option(self, row: int, option_id: int) -> None:
        raised = QCheckBox(_("hand raised"))
        self.grid.addWidget(raised, row, 1)
        raised.toggled.connect(lambda _c: self.changed.emit())
        self._readers.append(lambda: Mark(option_id, 1.0) if raised.isChecked() else None)
        self._resets.append(lambda: raised.setChecked(False))


def summary_style(over: bool) -> str:
    return f"color: {theme.WARNING}; font-weight: bold;" if over else f"color: {theme.MUTED};"
