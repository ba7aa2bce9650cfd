"""One Chromium at a phone's size per test module, and the fake participant server it talks to."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.chromium import make_browser, require_chromium
from tests.integration.phone.fake_participant_server import FakeParticipantServer


@pytest.fixture(scope="module")
def server() -> Iterator[FakeParticipantServer]:
    fake = FakeParticipantServer()
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require_chromium()
    driver = make_browser()
    yield driver
    driver.quit()
