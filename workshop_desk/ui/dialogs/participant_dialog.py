"""Add or edit one participant: identity, organisation, group, contact, consents, notes."""

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from workshop_desk.domain.models import ParticipantDraft, StakeholderGroup
from workshop_desk.domain.validation import ValidationError
from workshop_desk.i18n import _
from workshop_desk.ui.widgets.form_status import FormStatus
from workshop_desk.ui.widgets.text_area import TextArea

CIVILITIES = ("", "Mme", "M.", "Mx")


class ParticipantDialog(QDialog):
    """Returns a ParticipantDraft; `save` is called on OK and may refuse it with a message."""

    def __init__(self, groups: list[StakeholderGroup], draft: ParticipantDraft | None,
                 save: Callable[[ParticipantDraft], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Edit participant") if draft else _("New participant"))
        self.setMinimumWidth(480)
        self._save = save
        self._setup_ui(groups)
        self._show(draft or ParticipantDraft("", ""))

    def _setup_ui(self, groups: list[StakeholderGroup]) -> None:
        self.civility_combo = QComboBox()
        self.civility_combo.setEditable(True)
        self.civility_combo.addItems(CIVILITIES)
        self.first_edit, self.last_edit = QLineEdit(), QLineEdit()
        self.organisation_edit, self.role_edit = QLineEdit(), QLineEdit()
        self.group_combo = QComboBox()
        self.group_combo.addItem(_("(no group)"), None)
        for group in groups:
            self.group_combo.addItem(group.name, group.id)
        self.email_edit, self.phone_edit = QLineEdit(), QLineEdit()
        self.contact_check = QCheckBox(_("Agrees to be contacted about the follow-up"))
        self.photos_check = QCheckBox(_("Agrees to appear in photos"))
        self.notes_edit = TextArea()
        self.notes_edit.setMaximumHeight(80)
        self.status = FormStatus()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        for text, widget in ((_("Civility"), self.civility_combo), (_("&First name"), self.first_edit),
                             (_("&Last name"), self.last_edit), (_("&Organisation"), self.organisation_edit),
                             (_("&Role"), self.role_edit), (_("&Group"), self.group_combo),
                             (_("&E-mail"), self.email_edit), (_("&Phone"), self.phone_edit),
                             ("", self.contact_check), ("", self.photos_check), (_("&Notes"), self.notes_edit)):
            form.addRow(text, widget)
        form.addRow(self.status)
        form.addRow(self.buttons)

    def _show(self, draft: ParticipantDraft) -> None:
        self.civility_combo.setCurrentText(draft.civility)
        self.first_edit.setText(draft.first_name)
        self.last_edit.setText(draft.last_name)
        self.organisation_edit.setText(draft.organisation)
        self.role_edit.setText(draft.role)
        self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(draft.group_id)))
        self.email_edit.setText(draft.email)
        self.phone_edit.setText(draft.phone)
        self.contact_check.setChecked(draft.consent_contact)
        self.photos_check.setChecked(draft.consent_photos)
        self.notes_edit.set_text(draft.notes)

    def draft(self) -> ParticipantDraft:
        return ParticipantDraft(
            first_name=self.first_edit.text(), last_name=self.last_edit.text(),
            civility=self.civility_combo.currentText(), organisation=self.organisation_edit.text(),
            role=self.role_edit.text(), group_id=self.group_combo.currentData(), email=self.email_edit.text(),
            phone=self.phone_edit.text(), notes=self.notes_edit.toPlainText(),
            consent_contact=self.contact_check.isChecked(), consent_photos=self.photos_check.isChecked())

    def _on_buttons_accepted(self) -> None:
        try:
            self._save(self.draft())
        except ValidationError as error:
            self.status.show_error(str(error))
            return
        self.accept()

