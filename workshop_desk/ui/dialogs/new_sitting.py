"""New sitting: a title, a date and start time, and a blank agenda or a built-in template."""

import datetime as dt

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from workshop_desk.domain.enums import SittingKind
from workshop_desk.domain.models import SittingDraft
from workshop_desk.domain.templates import TEMPLATES, template
from workshop_desk.i18n import _, format_minutes, ngettext
from workshop_desk.ui.widgets.form_status import FormStatus
from workshop_desk.ui.widgets.optional_fields import OptionalDateEdit, OptionalTimeEdit
from workshop_desk.ui.widgets.wrapped_text import keep_wrapped_text_whole


class NewSittingDialog(QDialog):
    """Returns a SittingDraft and a template key (or None for a blank agenda)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New sitting"))
        self.setMinimumWidth(520)
        self._setup_ui()
        self._connect_signals()
        self._on_template_combo_changed()
        keep_wrapped_text_whole(self)  # the template's items, wrapped, never over the rows below

    def _setup_ui(self) -> None:
        self.template_combo = QComboBox()
        self.template_combo.addItem(_("Blank agenda"), None)
        for candidate in TEMPLATES:
            self.template_combo.addItem(
                f"{candidate.title()} — {format_minutes(candidate.total_minutes)}", candidate.key)
        self.template_combo.setCurrentIndex(1)
        self.title_edit = QLineEdit()
        self.date_edit = OptionalDateEdit()
        self.start_edit = OptionalTimeEdit()
        self.start_edit.set_value(dt.time(9, 0))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.status = FormStatus()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        form = QFormLayout(self)
        form.addRow(_("&Template"), self.template_combo)
        form.addRow(_("&Title"), self.title_edit)
        form.addRow(_("&Date"), self.date_edit)
        form.addRow(_("&Starts at"), self.start_edit)
        form.addRow("", self.summary)
        form.addRow(self.status)
        form.addRow(self.buttons)

    def _connect_signals(self) -> None:
        self.template_combo.currentIndexChanged.connect(self._on_template_combo_changed)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def template_key(self) -> str | None:
        key = self.template_combo.currentData()
        return str(key) if key else None

    def draft(self) -> SittingDraft:
        key = self.template_key()
        kind = template(key).kind if key else SittingKind.WORKSHOP
        start = self.start_edit.value()
        end = None
        if key and start:
            minutes = template(key).total_minutes
            end = (dt.datetime.combine(dt.date(2000, 1, 1), start) + dt.timedelta(minutes=minutes)).time()
        return SittingDraft(title=self.title_edit.text(), kind=kind, date=self.date_edit.value(),
                            start_time=start, end_time=end)

    def _on_template_combo_changed(self) -> None:
        key = self.template_key()
        if key is None:
            self.summary.setText(_("An empty agenda that you fill item by item."))
            return
        chosen = template(key)
        if not self.title_edit.text() or self.title_edit.isModified() is False:
            self.title_edit.setText(chosen.title())
        items = ", ".join(draft.title for draft in chosen.drafts())
        count = len(chosen.items)
        self.summary.setText(ngettext("{n} item: {items}", "{n} items: {items}", count).format(n=count, items=items))

    def _on_buttons_accepted(self) -> None:
        if not self.title_edit.text().strip():
            self.status.show_error(_("Give the sitting a title."))
            self.title_edit.setFocus()
            return
        self.accept()
