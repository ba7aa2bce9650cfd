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


def _only_marked_services_write() -> None:
    """Every unit of work that changes the file must run under a service method marked @writes (or test code):
    the marks are what keeps writes out of the screens (tests/test_architecture.py), so none may be missing."""
    import sys
    from contextlib import contextmanager

    from workshop_desk.services.writes import WRITER_CODES
    from workshop_desk.storage.db import Database

    original = Database.session
    tests = str(Path(__file__).resolve().parent)
    package = Path(__file__).resolve().parent.parent / "workshop_desk"
    services, plumbing = str(package / "services"), (str(package / "storage"), "contextlib")

    def allowed() -> bool:
        """Up from the unit of work: a marked method before leaving the services, or a test's own session."""
        frame, in_service = sys._getframe(2), False
        while frame is not None:
            name = frame.f_code.co_filename
            if frame.f_code in WRITER_CODES:
                return True
            if name.startswith(services):
                in_service = True
            elif not any(part in name for part in plumbing):
                return not in_service and name.startswith(tests)
            frame = frame.f_back  # type: ignore[assignment]
        return False

    @contextmanager
    def session(self: Database):  # type: ignore[no-untyped-def]
        with self._gate:  # the count read under the units' own lock: the phones' server writes from its thread
            before = self.change_count
            with original(self) as unit:
                yield unit
            assert self.change_count == before or allowed(), "a service method that writes is not marked @writes"

    Database.session = session  # type: ignore[method-assign]


_only_marked_services_write()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> object:
    """Where CI has installed the system tools (LibreOffice, poppler, chromium), a test skipped because one is
    "not installed" is a failure: a check that silently does not run cannot fail."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if report.skipped and os.environ.get("WORKSHOP_DESK_REQUIRE_TOOLS") and "not installed" in str(report.longrepr):
        report.outcome = "failed"
        report.longrepr = f"{report.longrepr}\nWORKSHOP_DESK_REQUIRE_TOOLS is set: the tool must be there"
    return outcome
