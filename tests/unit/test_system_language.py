"""The language the app starts in when the user has chosen none: the system's."""

import plistlib
import sys
from pathlib import Path

import pytest

from workshop_desk import i18n


@pytest.fixture
def no_locale_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)


def test_the_environment_says_it(monkeypatch: pytest.MonkeyPatch, no_locale_variables: None) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert i18n.system_language() == "fr"
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert i18n.system_language() == "en"


def test_a_mac_app_started_from_the_finder_reads_the_preferred_languages(
        monkeypatch: pytest.MonkeyPatch, no_locale_variables: None, tmp_path: Path) -> None:
    preferences = tmp_path / "Library" / "Preferences" / ".GlobalPreferences.plist"
    preferences.parent.mkdir(parents=True)
    preferences.write_bytes(plistlib.dumps({"AppleLanguages": ["fr-FR", "en-GB"], "AppleLocale": "fr_FR"},
                                           fmt=plistlib.FMT_BINARY))
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    monkeypatch.setattr("locale.getlocale", lambda *args: (None, "UTF-8"))
    assert i18n.system_language() == "fr"


def test_macos_language_falls_back_to_the_locale_then_to_nothing(tmp_path: Path) -> None:
    preferences = tmp_path / "prefs.plist"
    preferences.write_bytes(plistlib.dumps({"AppleLocale": "fr_CA"}))
    assert i18n.macos_language(preferences) == "fr_CA"
    preferences.write_bytes(b"not a property list")
    assert i18n.macos_language(preferences) == ""
    assert i18n.macos_language(tmp_path / "missing.plist") == ""
