"""Screenshots of every phone screen at 390×844 in French and English: python -m tests.integration.phone.shots."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tests.chromium import make_browser
from tests.integration.phone import scenarios
from tests.integration.phone.fake_participant_server import FakeParticipantServer, waiting_state
from tests.integration.phone.phone import open_page, tap, wait_for

PAPERS: dict[str, list[dict[str, Any]]] = {
    "dots": [{"option_id": 11, "value": 2, "axis": ""}, {"option_id": 13, "value": -1, "axis": ""}],
    "points": [{"option_id": 11, "value": 60}, {"option_id": 12, "value": 25}],
    "ranking": [{"option_id": 12, "value": 1}, {"option_id": 11, "value": 2}],
    "consent": [{"option_id": 11, "value": 1, "axis": "agree"},
                {"option_id": 12, "value": 1, "axis": "objection", "comment": "Trop chère pour la commune"}],
}


def screens() -> dict[str, dict[str, Any]]:
    shown = {"waiting": waiting_state(), "ideas": scenarios.ideas_state(), "ideas-private": scenarios.ideas_state(True),
             "questions": scenarios.questions_state(), "timer": scenarios.timer_state(),
             "badge": scenarios.badge_state(), "badge-checked": scenarios.badge_state(True)}
    for method in scenarios.SETTINGS:
        paper = {"marks": PAPERS[method]} if method in PAPERS else None
        shown[f"vote-{method}"] = scenarios.vote_state(method, my_paper=paper)
    shown["vote-closed"] = scenarios.vote_state("rating", is_open=False)
    return shown


def main(folder: str = "/tmp/shots-phone") -> None:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    server, browser = FakeParticipantServer(), make_browser()
    server.start()
    try:
        for language in ("fr-FR", "en-GB"):
            for name, state in screens().items():
                open_page(browser, server, state, language)
                browser.save_screenshot(str(out / f"{language[:2]}-{name}.png"))
            open_page(browser, server, scenarios.ideas_state(), language)
            server.refuse_streams = True
            server.drop_streams()
            wait_for(lambda: browser.execute_script("return document.getElementById('banner').textContent"))
            browser.save_screenshot(str(out / f"{language[:2]}-reconnecting.png"))
            open_page(browser, server, scenarios.vote_state("ranking"), language)
            tap(browser, "[data-key='opt-13']")
            tap(browser, "[data-key='opt-11']")
            browser.execute_script("window.scrollTo(0, 0)")
            browser.save_screenshot(str(out / f"{language[:2]}-vote-ranking-tapped.png"))
    finally:
        browser.quit()
        server.stop()


if __name__ == "__main__":
    main(*sys.argv[1:])
