"""Each vote method's form on the phone: the marks it sends are exactly the contract's, and its rules hold."""

from __future__ import annotations

from typing import Any

import pytest

from tests.integration.phone.phone import (
    console_errors,
    find,
    find_all,
    open_page,
    pick,
    posted,
    tap,
    text_of,
    type_into,
    wait_for,
)
from tests.integration.phone.scenarios import vote_state

pytestmark = pytest.mark.slow
SEND = "form.ballot-form button[type=submit]"


def mark(option_id: int, value: int, axis: str = "", criterion_id: int | None = None, comment: str = "") -> dict:
    return {"option_id": option_id, "value": value, "criterion_id": criterion_id, "axis": axis, "comment": comment}


def can_send(browser: Any) -> bool:
    return bool(find(browser, SEND).is_enabled())


def send(browser: Any, server: Any) -> list[dict[str, Any]]:
    tap(browser, SEND)
    body = posted(server)[0]
    assert server.posts[0].path == "/api/ballots/5/paper"
    assert not console_errors(browser)
    return list(body["marks"])


def test_dots_respect_the_budget_the_cap_and_the_dots_against(browser, server) -> None:
    open_page(browser, server, vote_state("dots"))
    assert not can_send(browser)
    for _ in range(3):
        tap(browser, "[data-key='dots-11-up']")
    assert not find(browser, "[data-key='dots-11-up']").is_enabled()  # 3 per option at most
    tap(browser, "[data-key='dots-12-up']")
    tap(browser, "[data-key='dots-12-up']")
    assert not find(browser, "[data-key='dots-13-up']").is_enabled()  # all 5 dots placed
    assert "0" in text_of(browser, ".budget")
    tap(browser, "[data-key='dots-13-down']")
    assert find(browser, "[data-key='dots-12-down']").is_enabled()  # taking back a dot stays possible
    assert not find(browser, "[data-key='dots-13-down']").is_enabled()  # the one dot against is used
    assert send(browser, server) == [mark(11, 3), mark(12, 2), mark(13, -1)]


def test_dots_without_dots_against_cannot_go_below_zero(browser, server) -> None:
    open_page(browser, server, vote_state("dots", negative_dots=0, max_per_option=0))
    assert not find(browser, "[data-key='dots-11-down']").is_enabled()
    for _ in range(5):
        tap(browser, "[data-key='dots-12-up']")
    assert send(browser, server) == [mark(12, 5)]


def test_points_can_be_sent_only_when_the_total_is_exact(browser, server) -> None:
    open_page(browser, server, vote_state("points"))
    type_into(browser, "[data-key='points-11-value']", "60")
    assert not can_send(browser)
    assert "40" in text_of(browser, ".problem")
    type_into(browser, "[data-key='points-12-value']", "45")
    assert not can_send(browser)
    assert "5" in text_of(browser, ".problem")
    tap(browser, "[data-key='points-12-down']")
    assert can_send(browser)
    assert send(browser, server) == [mark(11, 60), mark(12, 40)]


def test_ratings_may_leave_options_out_and_be_cleared(browser, server) -> None:
    open_page(browser, server, vote_state("rating", low=1, high=4))
    assert len(find_all(browser, "input[data-key^='rate-11-']")) == 4  # the scale comes from the settings
    assert not can_send(browser)
    pick(browser, "rate-11-4")
    pick(browser, "rate-12-1")
    pick(browser, "rate-13-2")
    tap(browser, "[data-key='rate-12-clear']")
    assert send(browser, server) == [mark(11, 4), mark(13, 2)]


def test_ranking_is_built_by_tapping_in_order_and_adjusted_with_up_and_down(browser, server) -> None:
    open_page(browser, server, vote_state("ranking"))
    assert not can_send(browser)
    for key in ("opt-13", "opt-11", "opt-12", "opt-11"):  # the last tap takes 11 back out
        tap(browser, f"[data-key='{key}']")
    tap(browser, "[data-key='up-12']")
    assert [e.text.split("\n")[0] for e in find_all(browser, ".ranked .rank-n")] == ["1", "2"]
    assert send(browser, server) == [mark(12, 1), mark(13, 2)]


def test_ranking_stops_at_the_most_options_allowed(browser, server) -> None:
    open_page(browser, server, vote_state("ranking", max_ranked=2))
    tap(browser, "[data-key='opt-12']")
    tap(browser, "[data-key='opt-11']")
    assert not find(browser, ".rank-add[data-key='opt-13']").is_enabled()
    assert send(browser, server) == [mark(12, 1), mark(11, 2)]


def test_the_matrix_needs_both_scores_for_every_option(browser, server) -> None:
    open_page(browser, server, vote_state("matrix"))
    for option, (impact, feasibility) in {11: (5, 2), 12: (3, 3), 13: (1, 4)}.items():
        pick(browser, f"grid-{option}-impact-{impact}")
        assert not can_send(browser)
        pick(browser, f"grid-{option}-feasibility-{feasibility}")
    assert send(browser, server) == [mark(11, 5, "impact"), mark(11, 2, "feasibility"), mark(12, 3, "impact"),
                                     mark(12, 3, "feasibility"), mark(13, 1, "impact"), mark(13, 4, "feasibility")]


def test_the_elire_grid_scores_each_option_on_each_criterion(browser, server) -> None:
    open_page(browser, server, vote_state("criteria"))
    assert len(find_all(browser, "input[data-key^='grid-11-2-']")) == 6  # 0…5, from the settings
    for option in (11, 12, 13):
        pick(browser, f"grid-{option}-2-{option - 10}")
        pick(browser, f"grid-{option}-3-0")
    assert send(browser, server) == [mark(o, v, "", c) for o in (11, 12, 13) for c, v in ((2, o - 10), (3, 0))]


def test_consent_asks_a_reason_for_reservations_and_objections(browser, server) -> None:
    open_page(browser, server, vote_state("consent"))
    pick(browser, "stance-11-agree")
    pick(browser, "stance-12-concerns")
    pick(browser, "stance-13-objection")
    assert not can_send(browser)
    assert not find(browser, "[data-key='reason-11']").is_displayed()
    type_into(browser, "[data-key='reason-12']", "Le coût ")
    assert not can_send(browser)
    type_into(browser, "[data-key='reason-13']", "Trop bruyant")
    assert send(browser, server) == [mark(11, 1, "agree"), mark(12, 1, "concerns", comment="Le coût"),
                                     mark(13, 1, "objection", comment="Trop bruyant")]


def test_the_earlier_paper_fills_the_form_which_can_be_changed(browser, server) -> None:
    paper = {"marks": [mark(13, 1), mark(11, 2)]}
    open_page(browser, server, vote_state("ranking", my_paper=paper))
    assert find(browser, SEND).text == "Modifier mon vote"
    assert "Vous pouvez le modifier" in text_of(browser, ".ballot-form .note")
    tap(browser, "[data-key='opt-12']")
    assert send(browser, server) == [mark(13, 1), mark(11, 2), mark(12, 3)]
    wait_for(lambda: text_of(browser, ".ballot-form .msg") == "Vote enregistré.")


def test_a_refused_paper_says_why_and_never_says_recorded(browser, server) -> None:
    open_page(browser, server, vote_state("rating"))
    server.reply("/api/ballots/5/paper", 422, {"error": "invalid", "detail": "La note 9 est hors de l’échelle."})
    pick(browser, "rate-11-3")
    tap(browser, SEND)
    wait_for(lambda: "hors de l’échelle" in text_of(browser, ".ballot-form .msg"))
    assert text_of(browser, ".ballot-form .msg") == "Ce vote n’est pas valable. La note 9 est hors de l’échelle."
    server.reply("/api/ballots/5/paper", 409, {"error": "closed"})
    pick(browser, "rate-11-4")
    tap(browser, SEND)
    wait_for(lambda: text_of(browser, ".ballot-form .msg") == "Cette activité est terminée.")
    assert "enregistré" not in browser.find_element("tag name", "main").text
    assert not console_errors(browser, refused=True)


def test_a_closed_ballot_shows_the_paper_but_no_longer_takes_changes(browser, server) -> None:
    open_page(browser, server, vote_state("rating", is_open=False, my_paper={"marks": [mark(12, 5)]}), "en-US")
    assert text_of(browser, "#screen-vote .note") == "This vote is closed."
    assert find(browser, "input[data-key='rate-12-5']").is_selected()
    assert not find(browser, "input[data-key='rate-12-4']").is_enabled()
    assert not find(browser, SEND).is_displayed()
