"""Script-injection payloads served as every text a phone shows never run: no dialog, no error, shown as typed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from selenium.common.exceptions import NoAlertPresentException

from tests.integration.phone.fake_participant_server import waiting_state
from tests.integration.phone.phone import console_errors, open_page, texts, wait_for

pytestmark = pytest.mark.slow
PAYLOADS = Path(__file__).with_name("injection_payloads.txt").read_text(encoding="utf-8").splitlines()
# What the page itself puts in the document: anything else in it came from a payload.
FOREIGN = "img, svg, math, iframe, object, embed, video, audio, a, style, base, meta, link, template, form form"


def poisoned_state(name: str) -> dict[str, Any]:
    n = len(PAYLOADS)
    return waiting_state(
        activity="vote", sitting={"title": PAYLOADS[0]}, mode="badge", me={"name": name, "badge_checked": True},
        ideas={"open": True, "private": False, "themes": [{"id": i, "name": p} for i, p in enumerate(PAYLOADS)],
               "mine": [{"id": i, "text": p, "theme_id": i, "status": "shown"} for i, p in enumerate(PAYLOADS)]},
        questions={"open": True, "list": [{"id": i, "text": p, "votes": 0, "mine": False, "voted": False,
                                           "answered": False} for i, p in enumerate(PAYLOADS)]},
        ballot={"id": 5, "title": PAYLOADS[1], "method": "dots", "settings": {"dots_per_voter": 3},
                "options": [{"id": i, "label": p, "description": PAYLOADS[n - 1 - i]} for i, p in enumerate(PAYLOADS)],
                "criteria": [], "open": True, "my_paper": None},
        timer={"label": PAYLOADS[2], "remaining_s": 100, "running": True})



def assert_nothing_ran(browser: Any) -> None:
    try:
        alert = browser.switch_to.alert
    except NoAlertPresentException:
        alert = None
    assert alert is None, alert.text
    assert not console_errors(browser)
    assert browser.execute_script("return document.body.querySelectorAll(arguments[0]).length", FOREIGN) == 0
    assert browser.execute_script("return document.scripts.length") == 6
    assert browser.execute_script("return typeof WD.app.load") == "function"  # nothing clobbered the page's names


def test_the_payload_list_is_long_and_varied() -> None:
    assert len(set(PAYLOADS)) == len(PAYLOADS) >= 200
    for family in ("<script", "onerror", "javascript:", "<svg", "&#", "${", "\\u00", "<iframe", "data:text/html"):
        assert any(family.lower() in p.lower() for p in PAYLOADS), family


def test_payloads_are_shown_literally_and_never_run(browser, server) -> None:
    open_page(browser, server, poisoned_state(PAYLOADS[3]))
    wait_for(lambda: len(texts(browser, ".mine .card-text")) == len(PAYLOADS))
    assert_nothing_ran(browser)
    assert texts(browser, ".mine .card-text") == PAYLOADS
    assert texts(browser, ".mine .theme") == PAYLOADS
    assert texts(browser, "#screen-ideas select[name=theme] option")[1:] == PAYLOADS
    assert sorted(texts(browser, ".questions .card-text")) == sorted(PAYLOADS)
    assert texts(browser, "#screen-vote .option-label") == PAYLOADS
    assert texts(browser, "#screen-vote .option-description") == PAYLOADS[::-1]
    assert texts(browser, "#hello") == ["Bonjour, " + PAYLOADS[3]]
    assert texts(browser, "#sitting-title") == [PAYLOADS[0]]
    assert texts(browser, "#title-vote") == [PAYLOADS[1]]
    assert texts(browser, "#mini-timer")[0].startswith(PAYLOADS[2] + " · ")
    labels = browser.execute_script("return Array.prototype.map.call(document.querySelectorAll('.stepper'), "
                                    "function (n) { return n.getAttribute('aria-label'); })")
    assert labels == ["Gommettes sur " + p for p in PAYLOADS]  # attributes take the text as text too


@pytest.mark.parametrize("name", [p for p in PAYLOADS if "onerror" in p or "<script" in p][:12])
def test_a_name_from_the_badge_is_shown_literally(browser, server, name) -> None:
    open_page(browser, server, waiting_state(mode="badge", me={"name": name, "badge_checked": True}), "en-GB")
    assert texts(browser, "#hello") == ["Hello, " + name]
    assert_nothing_ran(browser)
