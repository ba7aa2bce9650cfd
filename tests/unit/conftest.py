"""Fixtures for the Qt-free unit tests (language and user folders are set in tests/conftest.py)."""

from collections.abc import Iterator

import pytest

from tests.factories import make_workspace
from workshop_desk.services.workspace import Workspace


@pytest.fixture
def workspace(tmp_path) -> Iterator[Workspace]:
    """A fresh programme file with no sitting, closed after the test."""
    ws = make_workspace(tmp_path)
    yield ws
    ws.database.close()
