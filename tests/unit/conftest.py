"""Fixtures for the Qt-free unit tests."""

from collections.abc import Iterator

import pytest
from factories import make_workspace

from workshop_desk import i18n
from workshop_desk.services.workspace import Workspace


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Every test starts in English and leaves the language as it found it."""
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def workspace(tmp_path) -> Iterator[Workspace]:
    """A fresh programme file with no sitting, closed after the test."""
    ws = make_workspace(tmp_path)
    yield ws
    ws.database.close()
