"""Driving the phone page in Chromium: open it on a state, wait for what it shows, read what went wrong."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement

from tests.chromium import speak
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


def open_page(browser: Any, server: FakeParticipantServer, state: dict[str, Any] | None, language: str = "fr-FR",
              path: str = "") -> None:
    """The page loaded afresh on `state`, once it has drawn it; the browser's log emptied first."""
    server.reset(state)
    speak(browser, language)
    browser.get_log("browser")
    browser.get(server.url.rstrip("/") + path)
    wait_for(lambda: browser.execute_script("return !!(window.WD && WD.app && WD.app.state)") or state is None)


def console_errors(browser: Any, refused: bool = False) -> list[dict[str, Any]]:
    """Errors and warnings the page caused; with `refused`, not the lines a 4xx answer the test asked for logs."""
    return [entry for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")
            and not (refused and entry["source"] == "network" and "status of 4" in entry["message"])]


def find(browser: Any, css: str) -> WebElement:
    return browser.find_element(By.CSS_SELECTOR, css)


def find_all(browser: Any, css: str) -> list[WebElement]:
    return browser.find_elements(By.CSS_SELECTOR, css)


def texts(browser: Any, css: str) -> list[str]:
    """The text of every element `css` matches, exactly as the page put it there."""
    return list(browser.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll(arguments[0]), function (n) {"
        " return n.textContent; })", css))


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


def pick(browser: Any, key: str) -> None:
    """Chooses a radio button of a scale by tapping its label, as a thumb would."""
    radio = find(browser, f"input[data-key='{key}']")
    label = find(browser, f"label[for='{radio.get_attribute('id')}']")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", label)
    label.click()


def type_into(browser: Any, css: str, text: str) -> None:
    element = find(browser, css)
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.clear()
    element.send_keys(text)


def posted(server: FakeParticipantServer, count: int = 1) -> list[Any]:
    """The bodies of the first `count` POSTs, once they have arrived; each carried the marker header and JSON."""
    wait_for(lambda: len(server.posts) >= count)
    for post in server.posts:
        assert (post.marker, post.content_type) == ("1", "application/json"), post
    return [post.body for post in server.posts[:count]]
