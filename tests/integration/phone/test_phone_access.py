"""Every screen of the phone page, French and English: named controls, 44 px targets, text contrast ≥ 4.5:1."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.phone.phone import open_page
from tests.integration.phone.shots import screens

pytestmark = pytest.mark.slow
CHECK = Path(__file__).with_name("access.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", ["fr-FR", "en-GB"])
def test_every_screen_is_usable_with_a_thumb_and_a_screen_reader(browser, server, language) -> None:
    found = {}
    for name, state in screens().items():
        open_page(browser, server, state, language)
        if problems := browser.execute_script(CHECK):
            found[name] = problems
    assert found == {}
