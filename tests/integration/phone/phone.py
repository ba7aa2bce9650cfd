"""Driving the phone page in Chromium: open it on a state, wait for what it shows, read what went wrong."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement

from tests.integration.phone.conftest import speak
from tests.integration.phone.fake_participant_server import FakeParticipantServer


def wait_for(check: Callable[[], Any], timeout: float = 5.0) -> Any:
    """The first truthy value of `check()`, or an AssertionError after `timeout` seconds."""
    end = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > end:
            assert value, f"timed out waiting for {check}"
            return value
        time.sleep(0.03)


def open_page(browser: Any, server: FakeParticipantServer, state: dict[str, Any], language: str = "fr-FR") -> None:
    """The page loaded afresh on `state`, once it has drawn it; the browser's log emptied first."""
    server.reset(state)
    speak(browser, language)
    browser.get_log("browser")
    browser.get(server.url)
    wait_for(lambda: browser.execute_script("return !!(window.WD && WD.app && WD.app.state)"))


def console_errors(browser: Any) -> list[dict[str, Any]]:
    return [entry for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]


def find(browser: Any, css: str) -> WebElement:
    return browser.find_element(By.CSS_SELECTOR, css)


def find_all(browser: Any, css: str) -> list[WebElement]:
    return browser.find_elements(By.CSS_SELECTOR, css)


def visible_screen(browser: Any) -> str:
    return str(browser.execute_script(
        "var s = document.querySelector('section.screen:not([hidden])'); return s ? s.id : ''"))


def tap(browser: Any, css: str) -> None:
    """A click on the element, scrolled into view first (the page is taller than the phone)."""
    element = find(browser, css)
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def text_of(browser: Any, css: str) -> str:
    return str(browser.execute_script("var n = document.querySelector(arguments[0]); return n ? n.textContent : null",
                                      css))
