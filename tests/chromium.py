"""Debian's Chromium at a phone's size (390×844), for the phone page's tests against the fake and the real server."""

from __future__ import annotations

import shutil
from typing import Any

import pytest

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
WIDTH, HEIGHT = 390, 844


def require_chromium() -> None:
    """Skip the test when the browser is missing (CI's WORKSHOP_DESK_REQUIRE_TOOLS turns the skip into a failure)."""
    if not (CHROMIUM and DRIVER):
        pytest.skip("chromium and chromium-driver are not installed")


def make_browser(language: str = "fr-FR") -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM or ""
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={WIDTH},{HEIGHT}",
                     "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(DRIVER or ""))
    # Headless Chromium keeps windows at least 500 px wide: the phone's viewport is emulated instead.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": True})
    speak(driver, language)
    return driver


def speak(driver: Any, language: str) -> None:
    """The browser's navigator.language from now on (the page reads it when it loads)."""
    agent = driver.execute_script("return navigator.userAgent")
    driver.execute_cdp_cmd("Emulation.setUserAgentOverride", {"userAgent": agent, "acceptLanguage": language})
