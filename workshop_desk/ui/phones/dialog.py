"""A sitting's phone settings: how phones vote, what waits for approval, the room's Wi-Fi, the join code and card."""

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from workshop_desk.domain.phones import PhoneSettings, PhonesMode
from workshop_desk.i18n import _
from workshop_desk.ui import prompts
from workshop_desk.ui.documents import write_document
from workshop_desk.ui.undo import NotSaved

if TYPE_CHECKING:
    from workshop_desk.services.workspace import Workspace
    from workshop_desk.ui.document import Document


class PhonesDialog(QDialog):
    """Each choice is saved as it is made (and undone with Ctrl+Z in the console): there is nothing to confirm."""

    def __init__(self, document: "Document", sitting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._sitting_id = sitting_id
        self._setup_ui()
        self._show(document.phones.settings(sitting_id))
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.setWindowTitle(_("Phone settings"))
        self.anonymous_radio = QRadioButton(_("&One ballot per phone (anonymous)"))
        self.badge_radio = QRadioButton(_("One ballot per &participant, after a badge check (results by group)"))
        self.moderate_ideas_box = QCheckBox(_("&Ideas from phones wait for my approval"))
        self.moderate_questions_box = QCheckBox(_("&Questions from phones wait for my approval"))
        self.private_box = QCheckBox(_("Ideas from phones stay &hidden until I reveal them (round by round)"))
        self.by_table_box = QCheckBox(_("Phones say which &table they sit at (their ideas are the table's)"))
        self.wifi_name_edit = QLineEdit()
        self.wifi_name_edit.setMaxLength(32)
        self.wifi_password_edit = QLineEdit()
        self.wifi_password_edit.setMaxLength(63)
        self.address_label = QLabel()
        self.address_label.setWordWrap(True)
        self.new_code_button = QPushButton(_("&New code"))
        self.new_code_button.setToolTip(_("The current code stops working at once, and printed cards with it"))
        self.card_button = QPushButton(_("&Print the join card…"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        left, right = QVBoxLayout(), QVBoxLayout()  # two columns: a laptop's screen is wider than it is high
        left.addWidget(self._group(_("Votes from phones"), self.anonymous_radio, self.badge_radio))
        left.addWidget(self._group(_("Contributions"), self.moderate_ideas_box, self.moderate_questions_box,
                                   self.private_box, self.by_table_box))
        left.addStretch()
        right.addWidget(self._wifi_group())
        right.addWidget(self._code_group())
        right.addStretch()
        columns = QHBoxLayout()
        columns.addLayout(left)
        columns.addLayout(right)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.buttons)

    @staticmethod
    def _group(title: str, *widgets: QWidget) -> QGroupBox:
        group = QGroupBox(title)
        box = QVBoxLayout(group)
        for widget in widgets:
            box.addWidget(widget)
        return group

    def _wifi_group(self) -> QGroupBox:
        group = QGroupBox(_("Wi-Fi of the room (for the whole programme)"))
        group.setToolTip(_("Shown as a QR code on the join screen and the card, so that phones join in one scan."))
        form = QFormLayout(group)
        form.addRow(_("Network &name:"), self.wifi_name_edit)
        form.addRow(_("Pass&word:"), self.wifi_password_edit)
        form.addRow(QLabel(_("Shown in full to the room: never your organisation's own Wi-Fi.")))
        return group

    def _code_group(self) -> QGroupBox:
        group = QGroupBox(_("Joining"))
        box = QVBoxLayout(group)
        box.addWidget(self.address_label)
        row = QHBoxLayout()
        row.addWidget(self.new_code_button)
        row.addWidget(self.card_button)
        row.addStretch()
        box.addLayout(row)
        return group

    def _connect_signals(self) -> None:
        self.anonymous_radio.toggled.connect(self._on_mode_toggled)
        self.moderate_ideas_box.toggled.connect(self._on_moderation_toggled)
        self.moderate_questions_box.toggled.connect(self._on_moderation_toggled)
        self.private_box.toggled.connect(self._on_private_box_toggled)
        self.by_table_box.toggled.connect(self._on_by_table_box_toggled)
        self.wifi_name_edit.editingFinished.connect(self._on_wifi_edited)
        self.wifi_password_edit.editingFinished.connect(self._on_wifi_edited)
        self.new_code_button.clicked.connect(self._on_new_code_button_clicked)
        self.card_button.clicked.connect(self._on_card_button_clicked)
        self.buttons.rejected.connect(self.reject)

    def _show(self, settings: PhoneSettings) -> None:
        (self.badge_radio if settings.mode == PhonesMode.BADGE else self.anonymous_radio).setChecked(True)
        self.moderate_ideas_box.setChecked(settings.moderate_ideas)
        self.moderate_questions_box.setChecked(settings.moderate_questions)
        self.private_box.setChecked(settings.ideas_private)
        self.by_table_box.setChecked(settings.by_table)
        name, password = self._document.workspace.phones.wifi()
        self.wifi_name_edit.setText(name)
        self.wifi_password_edit.setText(password)
        self._show_address()

    def _show_address(self) -> None:
        room = self._document.phone_room
        serving = room.serving and room.sitting_id == self._sitting_id
        self.address_label.setText(_("Phones join at {url}").format(url=room.url) if serving else
                                   _("Tick “Phones” in the Run live tab to get the address and print the card."))
        self.card_button.setEnabled(serving)
        self.new_code_button.setEnabled(self._document.phones.settings(self._sitting_id).join_code is not None)

    def _apply(self, action: Callable[[], object]) -> None:
        try:
            action()
        except NotSaved:
            self._show(self._document.phones.settings(self._sitting_id))

    def _on_mode_toggled(self, _checked: bool) -> None:
        mode = PhonesMode.ANONYMOUS if self.anonymous_radio.isChecked() else PhonesMode.BADGE
        if mode != self._document.phones.settings(self._sitting_id).mode:
            self._apply(lambda: self._document.phones.set_mode(self._sitting_id, mode))

    def _on_moderation_toggled(self, _checked: bool) -> None:
        self._apply(lambda: self._document.phones.set_moderation(
            self._sitting_id, self.moderate_ideas_box.isChecked(), self.moderate_questions_box.isChecked()))

    def _on_private_box_toggled(self, checked: bool) -> None:
        self._apply(lambda: self._document.phones.set_ideas_private(self._sitting_id, checked))

    def _on_by_table_box_toggled(self, checked: bool) -> None:
        self._apply(lambda: self._document.phones.set_by_table(self._sitting_id, checked))

    def _on_wifi_edited(self) -> None:
        name, password = self.wifi_name_edit.text(), self.wifi_password_edit.text()
        self._apply(lambda: self._document.phones.set_wifi(name, password))
        self._document.phone_room.refresh_card()

    def _on_new_code_button_clicked(self) -> None:
        if not prompts.confirm(self, _("Make a new join code? Phones that joined with the current one must scan "
                                       "again, and printed cards with it no longer work.")):
            return
        self._apply(lambda: self._document.phones.new_code(self._sitting_id))
        self._document.phone_room.refresh_card()
        self._show_address()

    def _on_card_button_clicked(self) -> None:
        url = self._document.phone_room.url
        sitting_id = self._sitting_id

        def write(workspace: "Workspace", out: Path, language: str) -> Path:
            from workshop_desk.services.documents import export_join_card

            return export_join_card(workspace, sitting_id, url, out, language)

        write_document(self, self._document.workspace, _("Save the join card"), _("join card"), write)
