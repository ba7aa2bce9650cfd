"""The timer's bell: a sound shipped with the app, and a visual flash (always, and alone without audio)."""

import logging

from PySide6.QtCore import QObject, QUrl

from workshop_desk.paths import package_dir

log = logging.getLogger(__name__)
BELL_FILE = package_dir() / "assets" / "bell.wav"


class BellPlayer(QObject):
    """Plays the bell if this machine has audio; `available` says whether it does."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._effect: QObject | None = None
        self._tried = False

    @property
    def available(self) -> bool:
        return self._load() is not None

    def ring(self) -> bool:
        """Ring once; False when there is no audio (the caller flashes the screen anyway)."""
        effect = self._load()
        if effect is None:
            return False
        effect.play()  # type: ignore[attr-defined]
        return True

    def _load(self) -> QObject | None:
        # Loaded on first use: QtMultimedia is slow to import, and missing audio libraries (a
        # server, a stripped-down laptop) must not stop the app.
        if not self._tried:
            self._tried = True
            try:
                from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
            except ImportError as error:
                log.info("no audio: %s", error)
                return None
            if not QMediaDevices.audioOutputs():
                return None
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(BELL_FILE)))
            effect.setVolume(0.9)
            self._effect = effect
        return self._effect
