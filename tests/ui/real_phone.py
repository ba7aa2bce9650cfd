"""The phone page in Chromium against the console's own participant server: join as the QR code says, fill the
page's forms, and wait while the console keeps running (its event loop turns while the test waits)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pytestqt.qtbot import QtBot

from tests.chromium import speak
from tests.integration.phone.phone import tap, visible_screen
from workshop_desk.domain.voting import Ballot

SEND = "form.ballot-form button[type=submit]"


def until(qtbot: QtBot, check: Callable[[], Any], timeout: int = 8000) -> None:
    """Wait for `check` with the console's event loop turning (the server's news reach it as queued signals)."""
    qtbot.waitUntil(lambda: bool(check()), timeout=timeout)


def join(qtbot: QtBot, browser: Any, url: str, language: str = "fr-FR", fresh: bool = False) -> None:
    """The join URL opened as the QR code gives it (no trailing slash), once the page has drawn the sitting's state;
    `fresh`: as another phone (the device cookie forgotten)."""
    assert not url.endswith("/"), url
    speak(browser, language)
    if fresh:
        browser.delete_all_cookies()
    browser.get(url)
    until(qtbot, lambda: browser.execute_script("return !!(window.WD && WD.app && WD.app.state)"))
    browser.get_log("browser")  # what the page logs from now on is the test's


def choose_tab(qtbot: QtBot, browser: Any, tab: str) -> None:
    # the tabs are drawn again with every state the page reads: found and pressed in one go
    browser.execute_script("var b = document.querySelector(arguments[0]); if (b) b.click();", f"[data-key='tab-{tab}']")
    until(qtbot, lambda: visible_screen(browser) == f"screen-{tab}")


def write(browser: Any, css: str, text: str) -> None:
    """`text` put in a text box as typed, however exotic (chromedriver cannot type characters outside the BMP)."""
    browser.execute_script(
        "var box = document.querySelector(arguments[0]); box.scrollIntoView({block: 'center'});"
        " box.value = arguments[1]; box.dispatchEvent(new Event('input', {bubbles: true}));", css, text)


def send_text(qtbot: QtBot, browser: Any, tab: str, text: str) -> str:
    """An idea or a question sent from its tab; the sentence the page answered."""
    choose_tab(qtbot, browser, tab)
    screen = f"#screen-{tab}"
    browser.execute_script(f"document.querySelector('{screen} .msg').textContent = ''")
    write(browser, f"{screen} textarea", text)
    tap(browser, f"{screen} button[type=submit]")
    until(qtbot, lambda: browser.execute_script(f"return document.querySelector('{screen} .msg').textContent"))
    return str(browser.execute_script(f"return document.querySelector('{screen} .msg').textContent"))


def wait_for_ballot(qtbot: QtBot, browser: Any, ballot: Ballot) -> None:
    """The page shows this ballot's form (the console opened it: the event stream told the phone)."""
    until(qtbot, lambda: visible_screen(browser) == "screen-vote" and browser.execute_script(
        "return WD.app.state.ballot && WD.app.state.ballot.id") == ballot.id)
    until(qtbot, lambda: browser.execute_script("return !!document.querySelector(arguments[0])", SEND))


def send_ballot(qtbot: QtBot, browser: Any) -> str:
    browser.execute_script("var m = document.querySelector('.ballot-form .msg'); if (m) m.textContent = ''")
    tap(browser, SEND)
    until(qtbot, lambda: browser.execute_script("return document.querySelector('.ballot-form .msg').textContent"))
    return str(browser.execute_script("return document.querySelector('.ballot-form .msg').textContent"))
