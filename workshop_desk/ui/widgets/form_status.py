"""A one-line message under a form: what failed validation, in the user's language."""

from PySide6.QtWidgets import QLabel, QWidget

from workshop_desk.ui import theme


class FormStatus(QLabel):
    """Hidden when empty; red text for a refused edit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {theme.WARNING}; font-weight: bold;")
        self.hide()

    def show_error(self, message: str) -> None:
        self.setText(message)
        self.show()

    def clear_error(self) -> None:
        self.clear()
        self.hide()
