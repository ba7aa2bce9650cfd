"""The big confirmation at the door: who was signed in (name, organisation, group colour) or what went wrong."""

from enum import StrEnum

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from workshop_desk.ui import theme


class Tone(StrEnum):
    DONE = "#2E7D32"
    NOTICE = "#E65100"
    PROBLEM = "#C62828"
    NEUTRAL = "#5F6B7A"


class SignInBanner(QFrame):
    """A coloured band (the person's group), a large name, and one line saying what happened."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.band = QFrame()
        self.band.setFixedWidth(18)
        self.title = QLabel()
        self.title.setFont(theme.heading_font(2.2))
        self.title.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setFont(theme.heading_font(1.2))
        self.detail.setWordWrap(True)
        self.message = QLabel()
        self.message.setFont(theme.heading_font(1.3))
        self.message.setWordWrap(True)
        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(self.detail)
        text.addWidget(self.message)
        layout = QHBoxLayout(self)
        layout.addWidget(self.band)
        layout.addLayout(text, 1)
        self.setMinimumHeight(150)
        self.clear()

    def show_result(self, title: str, detail: str, message: str, tone: Tone, band: str | None = None) -> None:
        self.title.setText(title)
        self.detail.setText(detail)
        self.message.setText(message)
        self.message.setStyleSheet(f"color: {tone};")
        self.band.setStyleSheet(f"background: {band or tone}; border-radius: 4px;")

    def clear(self) -> None:
        self.show_result("", "", "", Tone.NEUTRAL, "transparent")
