"""The demo's phones: at the Assises the room asked questions (two still wait for approval) and voted from its phones
as well as on the paper board; in the first workshop some ideas came from phones."""

import hashlib
import random

from workshop_desk.domain.enums import BallotMethod, ItemKind, SittingKind, Source
from workshop_desk.domain.voting import BallotPaper, DotSettings, Mark
from workshop_desk.services.workspace import Workspace

ROOM_WIFI = ("Assises-Gare-Confluence", "confluence2027")
PHONE_VOTERS, PAPER_VOTERS, DOTS = 280, 32, 3
PRIORITIES = ("Un guichet unique pour les porteurs de projets", "Des locaux d'activité abordables près de la gare",
              "Une navette entre la gare et la zone d'activités", "Un marché de producteurs le samedi",
              "Un tiers-lieu numérique dans l'ancienne halle")
PAPER_DOTS = (31, 24, 19, 12, 10)  # read off the paper board: 32 voters × 3 dots
# (question, +1s from phones, approved)
QUESTIONS = [
    ("Les commerces du quartier seront-ils associés au guichet unique ?", 23, True),
    ("Quel budget pour la navette, et qui la finance ?", 17, True),
    ("Peut-on suivre l'avancement du plan d'action en ligne ?", 9, True),
    ("Les loyers des locaux d'activité seront-ils plafonnés ?", 6, True),
    ("Pourquoi la halle n'est-elle pas ouverte le dimanche ?", 0, False),
    ("Y aura-t-il des places de stationnement réservées aux artisans ?", 0, False),
]
WORKSHOP_IDEAS = ("Ouvrir la halle aux associations le soir", "Un plan des commerces à la sortie de la gare",
                  "Des bancs et de l'ombre sur le parvis")


def device(number: int) -> str:
    """A phone's device key, as the server derives it from its cookie."""
    return hashlib.sha256(f"demo-phone-{number}".encode()).hexdigest()[:16]


def add_demo_phones(workspace: Workspace) -> None:
    """Phones switched on at the Assises (questions moderated, a dot vote from phones and paper) and in the first
    workshop (a few ideas); the room's Wi-Fi named for the programme."""
    workspace.phones.set_wifi(*ROOM_WIFI)
    sittings = workspace.sittings.all()
    assises = next(s.id for s in sittings if s.kind == SittingKind.CONFERENCE)
    workspace.phones.new_join_code(assises)  # used on the day, then switched off: opening the demo serves nothing
    workspace.phones.set_moderation(assises, questions=True)
    _questions(workspace, assises)
    _vote(workspace, assises, random.Random(2025))
    workshop = next(s.id for s in sittings if s.kind == SittingKind.WORKSHOP)
    for number, text in enumerate(WORKSHOP_IDEAS):
        workspace.phones.add_idea(workshop, text, device(number))


def _questions(workspace: Workspace, sitting_id: int) -> None:
    phones = workspace.phones
    for number, (text, plus_ones, approved) in enumerate(QUESTIONS):
        sent = phones.add_question(sitting_id, text, device(number))
        if approved:
            phones.approve(question_ids=[sent.id])
            for voter in range(plus_ones):
                phones.vote_question(sitting_id, sent.id, device(100 + voter))


def _vote(workspace: Workspace, sitting_id: int, rng: random.Random) -> None:
    """312 votes, 280 of them from phones and 32 on the paper board, closed and revealed."""
    ballots = workspace.ballots
    item = next((i.id for i in workspace.agenda.items(sitting_id) if i.kind == ItemKind.VOTE), None)
    ballot = ballots.create(sitting_id, "Les priorités de la salle", BallotMethod.DOTS, PRIORITIES,
                            settings=DotSettings(dots_per_voter=DOTS), agenda_item_id=item)
    ballots.open(ballot.id)
    weights = (5, 4, 3, 2, 2)
    papers = []
    for number in range(PHONE_VOTERS):
        chosen = rng.choices(ballot.options, weights, k=DOTS)
        marks = {o.id: sum(1 for c in chosen if c.id == o.id) for o in chosen}
        papers.append(BallotPaper(f"phone:{device(1000 + number)}", tuple(Mark(k, v) for k, v in marks.items()),
                                  source=Source.PHONE))
    ballots.cast_many(ballot.id, papers)
    ballots.set_tallies(ballot.id, {o.id: n for o, n in zip(ballot.options, PAPER_DOTS, strict=True)}, Source.PAPER)
    ballots.close(ballot.id)
    ballots.reveal(ballot.id)
