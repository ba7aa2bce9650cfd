"""Test set-up shared by every suite: headless Qt, and a private user data folder."""

import os
import tempfile
from pathlib import Path

# Before anything imports Qt or reads the user folders.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_HOME = Path(tempfile.mkdtemp(prefix="wdesk-test-home-"))
os.environ["XDG_DATA_HOME"] = str(_HOME / "data")
os.environ["XDG_CONFIG_HOME"] = str(_HOME / "config")
os.environ.setdefault("LANG", "en_US.UTF-8")

import pytest  # noqa: E402

from workshop_desk import i18n  # noqa: E402


@pytest.fixture(autouse=True)
def _english_by_default() -> object:
    """Each test starts in English, and a test that switches language cannot leak it."""
    i18n.set_language("en")
    yield
    i18n.set_language("en")
