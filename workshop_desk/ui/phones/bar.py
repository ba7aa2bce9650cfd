"""The Phones row of the run view: the switch, the network the phones reach, how many follow, and the settings."""

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from workshop_desk.domain.enums import ProjectorMode
from workshop_desk.i18n import _
from workshop_desk.ui import prompts, theme
from workshop_desk.ui.projector import registry
from workshop_desk.ui.undo import NotSaved

if TYPE_CHECKING:
    from workshop_desk.ui.document import Document

LOOPBACK = "127."


class PhonesBar(QWidget):
    """Switching phones on serves the sitting on the chosen network (remembered per sitting: a sitting left on is
    served again when it is next shown); the line beside says how many phones follow, or what is wrong."""

    def __init__(self, document: "Document") -> None:
        super().__init__()
        self._document = document
        self._room = document.phone_room
        self.sitting_id: int | None = None
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.switch = QCheckBox(_("P&hones"))
        join_key = registry.key_of(ProjectorMode.JOIN)
        self.switch.setToolTip(_("Let the room take part from their phones, over this computer's network (no "
                                 "internet needed). {key} shows them how to join.").format(key=join_key))
        self.address_combo = QComboBox()
        self.address_combo.setToolTip(_("The network the room's phones reach this computer on"))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.settings_button = QPushButton(_("Phone settings…"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.switch)
        layout.addWidget(self.address_combo)
        layout.addWidget(self.status_label, 1)
        layout.addWidget(self.settings_button)
        self._fill_addresses()

    def _connect_signals(self) -> None:
        self.switch.toggled.connect(self._on_switch_toggled)
        self.address_combo.activated.connect(self._on_address_combo_activated)
        self.settings_button.clicked.connect(self._on_settings_button_clicked)
        self._room.status_changed.connect(self._show_status)

    def _fill_addresses(self) -> None:
        """Each network with its address ("wlan0 · 192.168.8.20"); this computer alone last, for a rehearsal."""
        from workshop_desk.server.network import interfaces

        self.address_combo.clear()
        for interface in interfaces():
            text = (_("This computer only (rehearsal)") if interface.address.startswith(LOOPBACK)
                    else f"{interface.name} · {interface.address}")
            self.address_combo.addItem(text, interface.address)

    def set_sitting(self, sitting_id: int | None) -> None:
        """Show this sitting's switch; a sitting left switched on is served again (after a restart, say)."""
        self.sitting_id = sitting_id
        enabled = sitting_id is not None and self._document.phones.settings(sitting_id).enabled
        if enabled and not self._room.serving:
            self._start(sitting_id)  # type: ignore[arg-type]
        self._show_status()

    @property
    def address(self) -> str:
        return str(self.address_combo.currentData() or "127.0.0.1")

    def _on_switch_toggled(self, checked: bool) -> None:
        if self.sitting_id is None or checked == self._serving_this():
            return
        try:
            self._document.phones.set_enabled(self.sitting_id, checked)
        except NotSaved:
            self._show_status()
            return
        if checked:
            self._start(self.sitting_id)
        else:
            self._room.stop()
        self._show_status()

    def _start(self, sitting_id: int) -> None:
        from workshop_desk.server.runner import ServerError
        from workshop_desk.ui.phones.room import failure

        try:
            self._room.start(sitting_id, self.address)
        except ServerError as error:
            prompts.error(self, failure(error))

    def _on_address_combo_activated(self, _index: int) -> None:
        """Another network: serve on it (the join screen and the card show the new address)."""
        if self._serving_this() and self.address != self._room.address:
            self._start(self.sitting_id)  # type: ignore[arg-type]
            self._show_status()

    def _on_settings_button_clicked(self) -> None:
        from workshop_desk.ui.phones.dialog import PhonesDialog

        if self.sitting_id is not None:
            PhonesDialog(self._document, self.sitting_id, self).exec()

    def _serving_this(self) -> bool:
        return self._room.serving and self._room.sitting_id == self.sitting_id

    def _show_status(self) -> None:
        serving = self._serving_this()
        self.switch.blockSignals(True)
        self.switch.setChecked(serving)
        self.switch.blockSignals(False)
        self.switch.setEnabled(self.sitting_id is not None and not self._document.read_only)
        if serving:
            self.status_label.setText(self._room.describe())
        elif self._room.serving:
            self.status_label.setText(_("Phones are on for another sitting; switching them on here moves them."))
        else:
            self.status_label.setText(_("Phones are off."))
        self.status_label.setStyleSheet(f"color: {theme.WARNING};" if serving and self._room.silent else "")
