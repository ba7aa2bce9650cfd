"""The sitting editor: title, kind, date and times, venue, facilitators, headcount, objectives."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QWidget

from workshop_desk.domain.enums import SittingKind, label
from workshop_desk.domain.models import Sitting, SittingDraft
from workshop_desk.i18n import _, pgettext
from workshop_desk.ui.widgets.optional_fields import OptionalDateEdit, OptionalTimeEdit
from workshop_desk.ui.widgets.text_area import TextArea


def draft_of(sitting: Sitting) -> SittingDraft:
    """The editable fields of a saved sitting."""
    return SittingDraft(sitting.title, sitting.kind, sitting.date, sitting.start_time, sitting.end_time,
                        sitting.venue, sitting.facilitators, sitting.expected_headcount, sitting.objectives)


class SittingForm(QWidget):
    """Emits `edited(draft)` when the user leaves a changed field."""

    edited = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._shown: SittingDraft | None = None
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.title_edit = QLineEdit()
        self.kind_combo = QComboBox()
        for kind in SittingKind:
            self.kind_combo.addItem(label(kind), str(kind))
        self.date_edit = OptionalDateEdit()
        self.start_edit = OptionalTimeEdit()
        self.end_edit = OptionalTimeEdit()
        self.venue_edit = QLineEdit()
        self.facilitators_edit = QLineEdit()
        self.headcount_spin = QSpinBox()
        self.headcount_spin.setRange(0, 100_000)
        self.objectives_edit = TextArea()
        self.objectives_edit.setMaximumHeight(70)
        when = QHBoxLayout()
        when.addWidget(self.date_edit)
        when.addWidget(QLabel(_("from")))
        when.addWidget(self.start_edit)
        when.addWidget(QLabel(pgettext("time range", "to")))
        when.addWidget(self.end_edit)
        when.addStretch()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(_("&Title"), self.title_edit)
        form.addRow(_("&Kind"), self.kind_combo)
        form.addRow(_("When"), when)
        form.addRow(_("&Venue"), self.venue_edit)
        form.addRow(_("&Facilitators"), self.facilitators_edit)
        form.addRow(_("Expected &headcount"), self.headcount_spin)
        form.addRow(_("&Objectives"), self.objectives_edit)

    def _connect_signals(self) -> None:
        for edit in (self.title_edit, self.venue_edit, self.facilitators_edit, self.date_edit,
                     self.start_edit, self.end_edit, self.headcount_spin):
            edit.editingFinished.connect(self._on_field_edited)
        self.objectives_edit.editing_finished.connect(self._on_field_edited)
        self.kind_combo.activated.connect(self._on_field_edited)

    def show_sitting(self, sitting: Sitting) -> None:
        """Fill the form with the saved sitting."""
        self._shown = draft_of(sitting)
        self.title_edit.setText(sitting.title)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(str(sitting.kind))))
        self.date_edit.set_value(sitting.date)
        self.start_edit.set_value(sitting.start_time)
        self.end_edit.set_value(sitting.end_time)
        self.venue_edit.setText(sitting.venue)
        self.facilitators_edit.setText(sitting.facilitators)
        self.headcount_spin.setValue(sitting.expected_headcount)
        self.objectives_edit.set_text(sitting.objectives)

    def draft(self) -> SittingDraft:
        """What the form holds now."""
        return SittingDraft(
            title=self.title_edit.text(), kind=SittingKind(self.kind_combo.currentData()),
            date=self.date_edit.value(), start_time=self.start_edit.value(), end_time=self.end_edit.value(),
            venue=self.venue_edit.text(), facilitators=self.facilitators_edit.text(),
            expected_headcount=self.headcount_spin.value(), objectives=self.objectives_edit.toPlainText())

    def _on_field_edited(self) -> None:
        draft = self.draft()
        if self._shown is not None and draft != self._shown:
            self.edited.emit(draft)
