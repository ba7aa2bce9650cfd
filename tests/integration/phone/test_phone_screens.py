"""The phone page's screens in Chromium against the fake server: languages, ideas, questions, tabs, timer,
badge, errors, live updates and reconnection."""

from __future__ import annotations

import copy
import time

import pytest
from selenium.webdriver.support.ui import Select

from tests.integration.phone import scenarios
from tests.integration.phone.fake_participant_server import waiting_state
from tests.integration.phone.phone import (
    console_errors,
    find,
    find_all,
    open_page,
    posted,
    tap,
    text_of,
    texts,
    type_into,
    visible_screen,
    wait_for,
)

pytestmark = pytest.mark.slow



@pytest.mark.parametrize(("language", "lang", "title"), [
    ("fr-FR", "fr", "L’équipe d’animation va bientôt ouvrir une activité"),
    ("fr-CA", "fr", "L’équipe d’animation va bientôt ouvrir une activité"),
    ("en-GB", "en", "The facilitation team will open an activity soon"),
    ("de-DE", "en", "The facilitation team will open an activity soon"),
])
def test_the_page_speaks_french_or_english_from_the_phone_language(browser, server, language, lang, title) -> None:
    open_page(browser, server, waiting_state(), language, path="")  # the join URL has no trailing slash
    assert browser.execute_script("return document.documentElement.lang") == lang
    assert text_of(browser, "#screen-waiting h2") == title
    assert visible_screen(browser) == "screen-waiting"
    assert not console_errors(browser)  # the CSP refuses nothing the page does


def test_every_string_exists_in_both_languages(browser, server) -> None:
    open_page(browser, server, waiting_state())
    french, english = browser.execute_script("return [Object.keys(WD.STRINGS.fr), Object.keys(WD.STRINGS.en)]")
    assert sorted(french) == sorted(english)


def test_an_idea_is_sent_with_its_theme_and_listed_with_its_status(browser, server) -> None:
    open_page(browser, server, scenarios.ideas_state())
    assert texts(browser, ".mine .tag[class*='status-']") == ["Affichée", "En attente de validation", "Masquée"]
    assert texts(browser, ".mine .theme") == ["Transports", "Espaces publics"]
    assert not find(browser, "#screen-ideas button[type=submit]").is_enabled()  # nothing typed yet
    type_into(browser, "[data-key='idea-text']", "  Plus de bancs  ")
    assert text_of(browser, "#screen-ideas .counter") == "17 / 500 caractères"
    assert not find(browser, "#screen-ideas select[name=table]").is_displayed()  # the sitting does not ask
    Select(find(browser, "#screen-ideas select[name=theme]")).select_by_visible_text("Espaces publics")
    tap(browser, "#screen-ideas button[type=submit]")
    assert posted(server) == [{"text": "Plus de bancs", "theme_id": 4, "table_id": None}]
    assert server.posts[0].path == "/api/ideas"
    wait_for(lambda: text_of(browser, "#screen-ideas .msg") == "Idée envoyée.")
    assert find(browser, "[data-key='idea-text']").get_attribute("value") == ""
    assert find(browser, "[data-key='idea-text']").get_attribute("maxlength") == "500"
    assert not console_errors(browser)


def test_a_phone_says_its_table_when_the_sitting_asks_and_keeps_it_after_a_reload(browser, server) -> None:
    state = scenarios.ideas_state()
    state["ideas"]["tables"] = [{"id": 7, "name": "Table 1 — Mobilités"}, {"id": 8, "name": "Table 2 — Santé"}]
    open_page(browser, server, state)
    Select(find(browser, "#screen-ideas select[name=table]")).select_by_visible_text("Table 2 — Santé")
    type_into(browser, "[data-key='idea-text']", "Un médecin de garde le samedi")
    tap(browser, "#screen-ideas button[type=submit]")
    assert posted(server) == [{"text": "Un médecin de garde le samedi", "theme_id": None, "table_id": 8}]
    open_page(browser, server, state)
    assert Select(find(browser, "#screen-ideas select[name=table]")).first_selected_option.text == "Table 2 — Santé"
    assert find(browser, "label[for='" + find(browser, "select[name=table]").get_attribute("id") + "']").text \
        == "Votre table"
    assert not console_errors(browser)


def test_a_private_round_and_a_moderated_idea_are_worded_as_such(browser, server) -> None:
    open_page(browser, server, scenarios.ideas_state(private=True), "en-US")
    assert "Private round" in text_of(browser, "#screen-ideas .note")
    assert texts(browser, ".mine .status-shown") == ["Received, revealed later"]
    server.reply("/api/ideas", 201, {"id": 50, "status": "pending"})
    type_into(browser, "[data-key='idea-text']", "Shade trees")
    tap(browser, "#screen-ideas button[type=submit]")
    wait_for(lambda: "once the facilitation team approves" in text_of(browser, "#screen-ideas .msg"))


def test_an_error_code_becomes_a_sentence(browser, server) -> None:
    open_page(browser, server, scenarios.ideas_state())
    server.reply("/api/ideas", 409, {"error": "closed"})
    type_into(browser, "[data-key='idea-text']", "Trop tard ?")
    tap(browser, "#screen-ideas button[type=submit]")
    closed = "Cette activité est terminée."
    wait_for(lambda: text_of(browser, "#screen-ideas .msg") == closed)
    server.reply("/api/ideas", 429, {"error": "rate_limited"})
    tap(browser, "#screen-ideas button[type=submit]")
    wait_for(lambda: text_of(browser, "#screen-ideas .msg").startswith("Trop d’envois"))
    assert find(browser, "[data-key='idea-text']").get_attribute("value") == "Trop tard ?"  # kept to try again
    assert not console_errors(browser, refused=True)


def test_questions_are_asked_supported_once_and_sorted(browser, server) -> None:
    open_page(browser, server, scenarios.questions_state())
    assert [t[:4] for t in texts(browser, ".questions .card-text")] == ["Quan", "Qui ", "Le p"]  # by support
    tap(browser, "[data-sort='newest']")
    assert [t[:4] for t in texts(browser, ".questions .card-text")] == ["Qui ", "Le p", "Quan"]
    assert not find(browser, "[data-key='plus-7']").is_enabled()  # supported already
    assert texts(browser, ".questions .answered") == ["Traitée"]
    tap(browser, "[data-key='plus-9']")
    assert posted(server) == [{}]
    assert server.posts[0].path == "/api/questions/9/vote"
    wait_for(lambda: not find(browser, "[data-key='plus-9']").is_enabled())
    label = find(browser, "[data-key='plus-9']").get_attribute("aria-label")
    assert label == "Vous soutenez cette question, 8 soutiens"
    type_into(browser, "[data-key='question-text']", "Et le stationnement ?")
    tap(browser, "#screen-questions button[type=submit]")
    assert posted(server, 2)[1] == {"text": "Et le stationnement ?"}
    assert not console_errors(browser)


def test_tabs_reach_the_open_activities_and_follow_the_facilitator(browser, server) -> None:
    open_page(browser, server, scenarios.ideas_state())
    assert texts(browser, "#tabs .tab") == ["Idées", "Questions"]
    tap(browser, "[data-key='tab-questions']")
    assert visible_screen(browser) == "screen-questions"
    assert browser.switch_to.active_element.get_attribute("id") == "title-questions"
    wait_for(lambda: server.streams() == 1)
    state = copy.deepcopy(server.state)
    state["version"] = 2
    server.state = state
    server.push_changed(2)
    wait_for(lambda: server.state_gets >= 2)
    assert visible_screen(browser) == "screen-questions"  # same activity: the phone stays where it went
    voting = scenarios.vote_state("dots")
    voting.update(version=3, ideas=state["ideas"])
    server.state = voting
    server.push_changed(3)
    wait_for(lambda: visible_screen(browser) == "screen-vote")
    assert texts(browser, "#tabs .tab") == ["Vote", "Idées"]


def test_a_changed_event_refetches_the_state_unless_it_is_older(browser, server) -> None:
    open_page(browser, server, waiting_state(version=5))
    wait_for(lambda: server.streams() == 1)
    gets = server.state_gets
    server.push_changed(4)
    time.sleep(0.3)
    assert server.state_gets == gets
    server.state = scenarios.timer_state()
    server.state["version"] = 6
    server.push_changed(6)
    wait_for(lambda: visible_screen(browser) == "screen-timer")


def test_a_lost_connection_shows_a_banner_then_resumes_where_it_was(browser, server) -> None:
    open_page(browser, server, scenarios.ideas_state())
    wait_for(lambda: server.streams() == 1)
    server.refuse_streams = True
    server.drop_streams()
    wait_for(lambda: text_of(browser, "#banner") == "Connexion perdue — nouvelle tentative…")
    wait_for(lambda: server.refused)  # the browser gave up on that stream: the page must open another itself
    server.state = scenarios.vote_state("rating")  # opened while the phone was away: nothing said on the stream
    server.refuse_streams = False
    wait_for(lambda: visible_screen(browser) == "screen-vote", timeout=8)
    wait_for(lambda: text_of(browser, "#banner") == "")
    assert server.streams() == 1


def test_the_timer_counts_down_locally_and_pauses(browser, server) -> None:
    open_page(browser, server, scenarios.timer_state(remaining_s=65))
    assert text_of(browser, ".timer-label") == "Tour de table 2"
    assert text_of(browser, ".timer-time") in ("1:05", "1:04")
    wait_for(lambda: text_of(browser, ".timer-time") == "1:03", timeout=4)
    open_page(browser, server, scenarios.timer_state(remaining_s=3725, running=False), "en-GB")
    time.sleep(1.1)
    assert (text_of(browser, ".timer-time"), text_of(browser, ".timer-note")) == ("1:02:05", "Paused")
    open_page(browser, server, waiting_state(activity="ideas", ideas=scenarios.ideas_state()["ideas"],
                                             timer={"label": "Tour", "remaining_s": 90, "running": True}))
    assert text_of(browser, "#mini-timer") in ("Tour · 1:30", "Tour · 1:29")


def test_the_badge_is_checked_before_voting(browser, server) -> None:
    open_page(browser, server, scenarios.badge_state())
    assert find(browser, ".badge-form").is_displayed()
    assert not find(browser, ".ballot-form").is_displayed()
    server.reply("/api/badge", 404, {"error": "unknown_badge"})
    type_into(browser, "[data-key='badge']", "ZZZ")
    tap(browser, ".badge-form button[type=submit]")
    wait_for(lambda: text_of(browser, ".badge-form .msg").startswith("Ce code de badge est inconnu"))
    server.reply("/api/badge", 200, {"name": "Camille Martin"})
    server.state = scenarios.badge_state(checked=True)
    type_into(browser, "[data-key='badge']", " ABC123 ")
    tap(browser, ".badge-form button[type=submit]")
    assert posted(server, 2)[1] == {"badge": "ABC123"}
    wait_for(lambda: find(browser, ".ballot-form").is_displayed())
    assert text_of(browser, "#hello") == "Bonjour, Camille Martin"
    assert not console_errors(browser, refused=True)


def test_an_unknown_sitting_says_so(browser, server) -> None:
    open_page(browser, server, None, "en-GB")
    wait_for(lambda: "cannot be found" in (text_of(browser, "main") or ""))
    assert not find_all(browser, "section.screen")
