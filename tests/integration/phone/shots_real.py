"""Screenshots of the real phone page at 390×844, served by the real participant server over the demo, in French
and English: python -m tests.integration.phone.shots_real [FOLDER] (default /tmp/shots-phone-real)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from tests.chromium import make_browser, speak
from tests.integration.phone.phone import pick, tap, wait_for
from workshop_desk.domain.clock import utc_now
from workshop_desk.domain.countdown import TimerState
from workshop_desk.domain.enums import BallotMethod
from workshop_desk.domain.models import ParticipantDraft
from workshop_desk.domain.phones import PhonesMode
from workshop_desk.server.runner import ParticipantServer
from workshop_desk.services.demo import build_demo
from workshop_desk.services.workspace import Workspace

BREAKFAST = 1
OPTIONS = ["Piste cyclable rue Jean-Jaurès", "Navette électrique vers la gare", "Zone piétonne le samedi"]
METHODS = ("dots", "points", "rating", "ranking", "matrix", "criteria", "consent")


class Shooter:
    """One browser on the real server; each shot is the page loaded afresh once it has drawn its state."""

    def __init__(self, workspace: Workspace, server: ParticipantServer, browser: Any, out: Path) -> None:
        self.workspace, self.server, self.browser, self.out = workspace, server, browser, out
        self.prefix = "fr"

    def load(self, tab: str | None = None) -> None:
        self.browser.get(self.server.url)
        wait_for(lambda: self.browser.execute_script("return !!(window.WD && WD.app && WD.app.state)"))
        if tab is not None:
            self.browser.execute_script("document.querySelector(arguments[0]).click()", f"[data-key='tab-{tab}']")
        wait_for(lambda: self.browser.execute_script(
            "var s = document.querySelector('section.screen:not([hidden])'); return s && s.id") is not None)

    def shot(self, name: str) -> None:
        self.browser.execute_script("window.scrollTo(0, 0)")
        self.browser.save_screenshot(str(self.out / f"{self.prefix}-{name}.png"))

    def send(self, tab: str, text: str) -> None:
        box = f"#screen-{tab} textarea"
        self.browser.execute_script("var b = document.querySelector(arguments[0]); b.value = arguments[1];"
                                    " b.dispatchEvent(new Event('input', {bubbles: true}))", box, text)
        tap(self.browser, f"#screen-{tab} button[type=submit]")
        wait_for(lambda: self.browser.execute_script(f"return document.querySelector('#screen-{tab} .msg')"
                                                     ".textContent"))

    def open_ballot(self, method: str) -> Any:
        ballots = self.workspace.ballots
        for earlier in ballots.for_sitting(BREAKFAST):
            if str(earlier.status) == "open":
                ballots.close(earlier.id)
        criteria = [("Utilité", 2.0), ("Coût", 1.0)] if method == "criteria" else None
        ballot = ballots.create(BREAKFAST, f"Vos priorités ({method})", BallotMethod(method), OPTIONS,
                                criteria=criteria)
        return ballots.open(ballot.id)


def shoot(shooter: Shooter) -> None:
    ws = shooter.workspace
    shooter.load()
    shooter.shot("waiting")
    shooter.load("ideas")
    shooter.send("ideas", "Des arceaux vélo devant la médiathèque")
    shooter.shot("ideas")
    ws.questions.add(BREAKFAST, "Quand les travaux commenceront-ils ?")
    shooter.load("questions")
    shooter.send("questions", "Qui entretiendra les nouvelles pistes ?")
    shooter.shot("questions")
    for method in METHODS:
        ballot = shooter.open_ballot(method)
        shooter.load()
        shooter.shot(f"vote-{method}")
        if method == "rating":
            pick(shooter.browser, f"rate-{ballot.options[0].id}-4")
            tap(shooter.browser, "form.ballot-form button[type=submit]")
            wait_for(lambda: shooter.browser.execute_script(
                "return document.querySelector('.ballot-form .msg').textContent"))
            shooter.shot("vote-recorded")
    for ballot in ws.ballots.for_sitting(BREAKFAST):
        if str(ballot.status) == "open":
            ws.ballots.close(ballot.id)
    ws.timers.save(BREAKFAST, TimerState(300, started_at=utc_now(), running=True, label="Tour de table 2"))
    shooter.load()
    shooter.shot("timer")
    ws.timers.save(BREAKFAST, TimerState(300, running=False, label=""))
    ws.phones.set_mode(BREAKFAST, PhonesMode.BADGE)
    person = ws.participants.add(ParticipantDraft("Camille", "Martin"))
    shooter.open_ballot("rating")
    shooter.load()
    shooter.shot("badge")
    shooter.browser.find_element("css selector", "[data-key='badge']").send_keys(person.badge_code)
    tap(shooter.browser, ".badge-form button[type=submit]")
    wait_for(lambda: shooter.browser.execute_script("return document.getElementById('hello').textContent"))
    shooter.load()
    shooter.shot("badge-checked")
    ws.phones.set_mode(BREAKFAST, PhonesMode.ANONYMOUS)


def main(folder: str = "/tmp/shots-phone-real") -> None:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    browser = make_browser()
    try:
        for language in ("fr-FR", "en-GB"):
            scratch = Path(tempfile.mkdtemp())
            workspace = build_demo(scratch / "demo.wdesk", scratch / "backups")
            workspace.phones.set_enabled(BREAKFAST, True)
            workspace.phones.set_moderation(BREAKFAST, ideas=False, questions=False)
            server = ParticipantServer(workspace, BREAKFAST, "127.0.0.1", 8795)
            server.start()
            browser.delete_all_cookies()
            speak(browser, language)
            shooter = Shooter(workspace, server, browser, out)
            shooter.prefix = language[:2]
            try:
                shoot(shooter)
            finally:
                server.stop()
                workspace.close()
    finally:
        browser.quit()


if __name__ == "__main__":
    main(*sys.argv[1:])
