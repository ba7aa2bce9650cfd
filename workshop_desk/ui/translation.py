"""Qt's own strings (standard buttons, file dialogs, key names) in the app's language."""

import logging
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtGui import QKeySequence

from workshop_desk.i18n import pgettext

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []


def key_text(*keys: str) -> str:
    """Keys as the user's language names them, as the menus show them ('Maj+F3', 'Ctrl+Bas', 'Suppr',
    'Ctrl+molette'); alternatives are joined by ' / '. Every key shown to the user goes through here."""
    return " / ".join(_one_key(key) for key in keys)


def _one_key(key: str) -> str:
    if key.endswith("+wheel"):  # not a key: the modifiers are named by Qt, the wheel by the app's catalog
        modifiers = QKeySequence(key.removesuffix("wheel") + "A").toString(QKeySequence.SequenceFormat.NativeText)
        return modifiers.removesuffix("A") + pgettext("key", "wheel")
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def _mended() -> dict[tuple[str, str], str]:
    """Qt's texts that its French catalog names otherwise than a French keyboard ('Retour' for Entrée, 'Page suiv'
    without its full stop) or lacks (Qt 6.11 renamed the file dialog's '&Look in:' and 'Files of &type:', and its
    catalog still has the old ones): ours, from the app's catalog, by (Qt's context, Qt's text)."""
    return {
        ("QShortcut", "Return"): pgettext("key", "Return"),
        ("QShortcut", "PgUp"): pgettext("key", "PgUp"),
        ("QShortcut", "PgDown"): pgettext("key", "PgDown"),
        ("QShortcut", "Backspace"): pgettext("key", "Backspace"),
        ("QFileDialog", "&Look in:"): pgettext("file dialog", "&Look in:"),
        ("QFileDialog", "Files of &type:"): pgettext("file dialog", "Files of &type:"),
    }


class _Mending(QTranslator):
    """Asked before Qt's catalog: the texts of `_mended`; None for every other, which Qt's catalog then translates."""

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        return _mended().get((context, source_text)) if context in ("QShortcut", "QFileDialog") else None


def install_qt_translator(language: str) -> None:
    """Load Qt's catalog for `language` ('fr' or 'en'), replacing the previous one."""
    app = QCoreApplication.instance()
    if app is None:
        return
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.French if language == "fr" else QLocale.Language.English))
    if language == "en":
        return
    _install(app, _qt_catalog(app, language))
    _install(app, _Mending(app))  # installed last, so asked first


def _install(app: QCoreApplication, translator: QTranslator | None) -> None:
    if translator is not None:
        app.installTranslator(translator)
        _installed.append(translator)


def _qt_catalog(parent: QObject, language: str) -> QTranslator | None:
    """Qt's catalog (qtbase_fr.qm) from Qt's own folder, or from beside PySide6 in a frozen build whose Qt was
    told another folder; None, logged, when there is none (Qt's dialogs then speak English)."""
    package = Path(PySide6.__file__).parent
    folders = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), str(package / "Qt" / "translations"),
               str(package / "translations")]
    translator = QTranslator(parent)
    for folder in folders:
        if translator.load(f"qtbase_{language}", folder):
            return translator
    log.warning("Qt's catalog qtbase_%s.qm was found in none of %s: Qt's dialogs stay in English", language, folders)
    return None
