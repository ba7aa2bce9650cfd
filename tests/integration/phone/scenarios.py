"""Canned /api/state answers, one per screen of the phone page, shared by the tests and the screenshots."""

from __future__ import annotations

from typing import Any

from tests.integration.phone.fake_participant_server import waiting_state

OPTIONS = [
    {"id": 11, "label": "Piste cyclable rue Jean-Jaurès", "description": "Séparée de la chaussée, 1,2 km"},
    {"id": 12, "label": "Navette électrique vers la gare", "description": ""},
    {"id": 13, "label": "Zone piétonne le samedi", "description": "Centre historique, de 10 h à 19 h"},
]
CRITERIA = [{"id": 2, "name": "Utilité", "weight": 2.0}, {"id": 3, "name": "Coût", "weight": 1.0}]
SETTINGS: dict[str, dict[str, Any]] = {
    "dots": {"dots_per_voter": 5, "max_per_option": 3, "negative_dots": 1},
    "points": {"total": 100},
    "rating": {"low": 1, "high": 5, "dissent_threshold": 1.5},
    "ranking": {"max_ranked": 0},
    "matrix": {"low": 1, "high": 5, "dissent_threshold": 1.5},
    "criteria": {"low": 0, "high": 5, "dissent_threshold": 1.5},
    "consent": {},
}
TITLES = {"dots": "Quels projets financer en priorité ?", "points": "Répartition du budget participatif",
          "rating": "Votre avis sur chaque piste", "ranking": "Classez les trois pistes",
          "matrix": "Impact et faisabilité", "criteria": "Grille ELIRE", "consent": "Décision par consentement"}


def ballot(method: str, my_paper: dict[str, Any] | None = None, is_open: bool = True,
           **settings: Any) -> dict[str, Any]:
    return {"id": 5, "title": TITLES[method], "method": method, "settings": {**SETTINGS[method], **settings},
            "options": OPTIONS, "criteria": CRITERIA if method == "criteria" else [], "open": is_open,
            "my_paper": my_paper}


def vote_state(method: str, **ballot_changes: Any) -> dict[str, Any]:
    return waiting_state(activity="vote", ballot=ballot(method, **ballot_changes))


def ideas_state(private: bool = False) -> dict[str, Any]:
    return waiting_state(activity="ideas", ideas={
        "open": True, "private": private,
        "themes": [{"id": 3, "name": "Transports"}, {"id": 4, "name": "Espaces publics"}],
        "mine": [{"id": 41, "text": "Des arceaux vélo devant la médiathèque", "theme_id": 3, "status": "shown"},
                 {"id": 42, "text": "Un banc à l'ombre place du marché", "theme_id": 4, "status": "pending"},
                 {"id": 43, "text": "Supprimer le parking", "theme_id": None, "status": "hidden"}]},
        questions={"open": True, "list": []})


def questions_state() -> dict[str, Any]:
    return waiting_state(activity="questions", questions={"open": True, "list": [
        {"id": 7, "text": "Quand les travaux commenceront-ils ?", "votes": 12, "mine": False, "voted": True,
         "answered": False},
        {"id": 8, "text": "Le projet est-il financé par la région ?", "votes": 3, "mine": True, "voted": False,
         "answered": True},
        {"id": 9, "text": "Qui entretiendra les nouvelles pistes ?", "votes": 7, "mine": False, "voted": False,
         "answered": False}]})


def timer_state(remaining_s: int = 312, running: bool = True) -> dict[str, Any]:
    return waiting_state(activity="timer", timer={"label": "Tour de table 2", "remaining_s": remaining_s,
                                                  "running": running})


def badge_state(checked: bool = False) -> dict[str, Any]:
    state = vote_state("rating")
    state["mode"] = "badge"
    state["me"] = {"name": "Camille Martin" if checked else None, "badge_checked": checked}
    return state
