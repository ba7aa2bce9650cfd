"""The programme overview and editor: title, client, territory, dates, objectives, groups, privacy."""

import html
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workshop_desk.domain.models import Programme, ProgrammeDraft, programme_draft
from workshop_desk.domain.privacy import default_notice
from workshop_desk.domain.validation import ValidationError
from workshop_desk.i18n import _, language, ngettext, pgettext, translator
from workshop_desk.ui import prompts, theme
from workshop_desk.ui.document import Document
from workshop_desk.ui.pages.imported_packages import ImportedPackages
from workshop_desk.ui.widgets.form_status import FormStatus
from workshop_desk.ui.widgets.optional_fields import OptionalDateEdit
from workshop_desk.ui.widgets.text_area import TextArea


class ProgrammePage(QWidget):
    """Each field saves when the user leaves it; a refused value is explained under the form."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self._document = document
        self._loading = False
        self._setup_ui()
        self._connect_signals()
        self.refresh()

    def _setup_ui(self) -> None:
        self.heading = QLabel(_("Programme"))
        self.heading.setFont(theme.heading_font(1.6))
        self.summary = QLabel()
        self.summary.setStyleSheet(f"color: {theme.MUTED};")
        self.title_edit = QLineEdit()
        self.client_edit = QLineEdit()
        self.territory_edit = QLineEdit()
        self.start_edit = OptionalDateEdit()
        self.end_edit = OptionalDateEdit()
        self.objectives_edit = TextArea()
        self.objectives_edit.setMaximumHeight(140)
        logo = self._logo_row()
        self._setup_privacy()
        self.groups_label = QLabel()
        self.groups_label.setWordWrap(True)
        self.status = FormStatus()
        dates = QHBoxLayout()
        dates.addWidget(self.start_edit)
        dates.addWidget(QLabel(pgettext("date range", "to")))
        dates.addWidget(self.end_edit)
        dates.addStretch()
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a long label puts its field below, not cut
        form.addRow(_("&Title"), self.title_edit)
        form.addRow(_("&Client"), self.client_edit)
        form.addRow(_("Te&rritory"), self.territory_edit)
        form.addRow(_("Dates"), dates)
        form.addRow(_("&Objectives"), self.objectives_edit)
        form.addRow(_("Client's logo"), logo)
        form.addRow(_("Stakeholder groups"), self.groups_label)
        form.addRow(_("Privacy &notice"), self.notice_edit)
        form.addRow("", self.named_check)
        retention = QHBoxLayout()
        retention.addWidget(self.retention_spin)
        retention.addWidget(self.purge_button)
        retention.addStretch()
        form.addRow(_("Keep personal data for"), retention)
        self._place(form)

    def _place(self, form: QFormLayout) -> None:
        """The heading, the packages' summary, the form and the packages imported, in a page that scrolls."""
        self.packages = ImportedPackages()
        self.conflicts_button = QPushButton(_("Con&flicts…"))
        self.conflicts_button.setToolTip(_("What was changed on two laptops: the version kept and the one set aside"))
        summary = QHBoxLayout()
        summary.addWidget(self.summary)
        summary.addWidget(self.conflicts_button)
        summary.addStretch()
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.heading)
        layout.addLayout(summary)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.packages)
        layout.addStretch()
        # Scrolls rather than squeezes: the packages a lead imported come below the form on a 720-pixel screen.
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)

    def _logo_row(self) -> QHBoxLayout:
        self.logo_label = QLabel()
        self.logo_label.setFixedHeight(64)
        self.logo_label.setWordWrap(True)  # "no logo…" in French is longer than the room beside the projector dock
        self.logo_button = QPushButton(_("Choose a &logo…"))
        self.logo_remove_button = QPushButton(_("Remove the logo"))
        row = QHBoxLayout()
        row.addWidget(self.logo_label)
        row.addWidget(self.logo_button)
        row.addWidget(self.logo_remove_button)
        row.addStretch()
        return row

    def _setup_privacy(self) -> None:
        """The privacy notice, whether contributions are named, and how long personal data is kept."""
        self.notice_edit = TextArea()
        self.notice_edit.setMaximumHeight(90)
        self.named_check = QCheckBox(_("Contributions are na&med in the minutes"))
        # As wide as its text: the form would stretch it across the page, past where a click toggles it.
        self.named_check.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.named_check.setToolTip(_("Who asked a question or took the floor is printed in the minutes and the "
                                      "synthesis (unless names are left out at export). The default notice says "
                                      "so; a notice of your own must say it too."))
        self.retention_spin = QSpinBox()
        self.retention_spin.setRange(1, 30)
        self._on_retention_spin_value_changed(self.retention_spin.value())
        self.purge_button = QPushButton(_("&Purge personal data past this period…"))

    def _connect_signals(self) -> None:
        for edit in (self.title_edit, self.client_edit, self.territory_edit):
            edit.editingFinished.connect(self._on_field_edited)
        self.start_edit.editingFinished.connect(self._on_field_edited)
        self.end_edit.editingFinished.connect(self._on_field_edited)
        self.objectives_edit.editing_finished.connect(self._on_field_edited)
        self.notice_edit.editing_finished.connect(self._on_field_edited)
        self.retention_spin.editingFinished.connect(self._on_field_edited)
        self.named_check.toggled.connect(self._on_named_check_toggled)
        self.retention_spin.valueChanged.connect(self._on_retention_spin_value_changed)
        self.logo_button.clicked.connect(self._on_logo_button_clicked)
        self.purge_button.clicked.connect(self._on_purge_button_clicked)
        self.logo_remove_button.clicked.connect(lambda: self._save(replace(programme_draft(
            self._document.programme()), logo=None)))
        self._document.programme_changed.connect(self.refresh)
        self._document.sittings_changed.connect(self._refresh_summary)
        self._document.packages_changed.connect(self._refresh_summary)
        self.conflicts_button.clicked.connect(self._on_conflicts_button_clicked)

    def refresh(self) -> None:
        """Show the saved programme."""
        programme = self._document.programme()
        self._loading = True
        self.title_edit.setText(programme.title)
        self.client_edit.setText(programme.client)
        self.territory_edit.setText(programme.territory)
        self.start_edit.set_value(programme.start_date)
        self.end_edit.set_value(programme.end_date)
        self.objectives_edit.set_text(programme.objectives)
        self.notice_edit.set_text(programme.privacy_notice)
        self.retention_spin.setValue(programme.retention_years)
        self.named_check.setChecked(programme.named_contributions)
        self._loading = False
        self._show_default_notice(programme)
        self._refresh_summary()
        self._show_groups()
        self._show_logo(programme.logo)

    def _show_default_notice(self, programme: Programme) -> None:
        """The notice people read when none of the programme's own is written: its period and naming as saved."""
        self.notice_edit.setPlaceholderText(default_notice(translator(language()), programme.retention_years,
                                                           programme.named_contributions))

    def _show_logo(self, data: bytes | None) -> None:
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.logo_label.setPixmap(pixmap.scaledToHeight(60, Qt.TransformationMode.SmoothTransformation))
        else:
            self.logo_label.setText(_("No logo (it would appear on the welcome screen)"))
        self.logo_remove_button.setEnabled(bool(data))

    def _refresh_summary(self) -> None:
        """'8 sittings · 1 package imported · 1 conflict', and the packages below the form."""
        count = len(self._document.sittings())
        imported = self._document.workspace.packages.imported()
        conflicts = len(self._document.workspace.packages.conflicts())
        parts = [ngettext("{n} sitting", "{n} sittings", count).format(n=count)]
        if imported:
            parts.append(ngettext("{n} package imported", "{n} packages imported", len(imported)).format(
                n=len(imported)))
            parts.append(ngettext("{n} conflict", "{n} conflicts", conflicts).format(n=conflicts))
        self.summary.setText(" · ".join(parts))
        self.conflicts_button.setVisible(bool(imported))
        self.packages.show_packages(imported)

    def _on_conflicts_button_clicked(self) -> None:
        from workshop_desk.ui.dialogs.conflicts import ConflictsDialog

        ConflictsDialog(self._document, self).open()

    def _show_groups(self) -> None:
        # A chip never breaks between its dot and its name when the list wraps.
        chips = [f'<span style="white-space:nowrap"><span style="color:{g.colour}">●</span> {html.escape(g.name)}'
                 '</span>' for g in self._document.groups()]
        self.groups_label.setText("&nbsp;&nbsp; ".join(chips))

    def _draft(self, programme: Programme) -> ProgrammeDraft:
        return ProgrammeDraft(
            title=self.title_edit.text(), client=self.client_edit.text(),
            territory=self.territory_edit.text(), start_date=self.start_edit.value(),
            end_date=self.end_edit.value(), objectives=self.objectives_edit.toPlainText(),
            logo=programme.logo, privacy_notice=self.notice_edit.toPlainText(),
            retention_years=self.retention_spin.value(), named_contributions=self.named_check.isChecked())

    def _on_field_edited(self) -> None:
        if self._loading:
            return
        programme = self._document.programme()
        draft = self._draft(programme)
        if draft != programme_draft(programme):
            self._save(draft)

    def _on_named_check_toggled(self, named: bool) -> None:
        if not self._loading:
            self._save(replace(programme_draft(self._document.programme()), named_contributions=named))

    def _save(self, draft: ProgrammeDraft) -> None:
        try:
            self._document.update_programme(draft)
        except ValidationError as error:
            self.status.show_error(str(error))
            return
        self.status.clear_error()

    def _on_logo_button_clicked(self) -> None:
        path = prompts.open_image(self)
        if path is None:
            return
        try:
            data = path.read_bytes()
        except OSError as error:
            self.status.show_error(_("The logo could not be read: {error}").format(error=error))
            return
        self._save(replace(programme_draft(self._document.programme()), logo=data))

    def _on_retention_spin_value_changed(self, years: int) -> None:
        self.retention_spin.setSuffix(ngettext(" year", " years", years))

    def _on_purge_button_clicked(self) -> None:
        import datetime as dt

        due = self._document.workspace.privacy.past_retention(dt.date.today())
        if not due:
            prompts.info(self, _("No one's data is past the retention period: there is nothing to purge."))
            return
        years = self._document.programme().retention_years
        period = ngettext("{years} year", "{years} years", years).format(years=years)
        question = ngettext(
            "{n} person was last seen more than {period} ago. Erase their name and contact details? Counts "
            "by stakeholder group are kept. This cannot be undone.",
            "{n} people were last seen more than {period} ago. Erase their names and contact details? "
            "Counts by stakeholder group are kept. This cannot be undone.", len(due))
        if prompts.confirm(self, question.format(n=len(due), period=period)):
            count = self._document.people.purge([p.id for p in due])
            prompts.info(self, ngettext("{n} person anonymised.", "{n} people anonymised.", count).format(n=count))
