"""Preferences: the interface language (applied at once)."""

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from workshop_desk.i18n import _
from workshop_desk.ui.widgets.wrapped_text import keep_wrapped_text_whole


class PreferencesDialog(QDialog):
    """Chooses the language: the system's, French or English."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Preferences"))
        self.language_combo = QComboBox()
        self.language_combo.addItem(_("Same as the system"), "")
        self.language_combo.addItem("Français", "fr")
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))
        note = QLabel(_("Exported documents can be written in either language, whatever this setting."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_("&Language"), self.language_combo)
        form.addRow(note)
        form.addRow(buttons)
        keep_wrapped_text_whole(self)

    def language(self) -> str:
        return str(self.language_combo.currentData())
