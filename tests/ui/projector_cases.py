"""What the projector shows in the demo, and the busy cases the demo lacks: contents for the readability tests."""

import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from workshop_desk import i18n
from workshop_desk.domain.attendance import HeadCount
from workshop_desk.domain.consent import AGREE, CONCERNS, OBJECTION
from workshop_desk.domain.countdown import Phase
from workshop_desk.domain.counting import count
from workshop_desk.domain.counting_grid import FEASIBILITY, IMPACT
from workshop_desk.domain.enums import ActionStatus, BallotMethod, BallotStatus, ProjectorMode
from workshop_desk.domain.joining import JoinCard
from workshop_desk.domain.models import StakeholderGroup
from workshop_desk.domain.priorities import Action
from workshop_desk.domain.voting import (
    BallotPaper,
    ConsentSettings,
    DotSettings,
    HandsSettings,
    Mark,
    MatrixSettings,
    Option,
    PointSettings,
    RankingSettings,
    RatingSettings,
    Settings,
    Tally,
    Votes,
)
from workshop_desk.services.settings import Settings as AppSettings
from workshop_desk.ui.projector.content import CountdownView, ProjectorContent
from workshop_desk.ui.projector.vote_views import ActionsView, ResultView

# The long option names of a real dot vote (the regional seminar's eleven levers).
LEVERS = ("Foncier économique et immobilier d'entreprise", "Recrutement et attractivité des métiers",
          "Formation continue des salariés", "Transmission-reprise des entreprises artisanales",
          "Financement des projets innovants", "Coopérations entre filières", "Transition écologique des PME",
          "Commande publique accessible aux TPE", "Mobilité domicile-travail", "Numérique et cybersécurité",
          "Accueil des entreprises exogènes")
SEMINAR_GROUPS = ("Chefs d'entreprise", "Élus locaux", "Représentants des salariés", "Organisations patronales",
                  "Associations", "Services de l'État", "Agences de développement", "Chambres consulaires",
                  "Universités et recherche", "Organismes de formation", "Habitants", "Presse")


def demo_contents(language: str) -> dict[str, ProjectorContent]:
    """What the projector shows along the demo's screenshots (ui/screenshots.py), by shot name, in `language`."""
    from workshop_desk.ui import screenshots
    from workshop_desk.ui.shell import Shell

    i18n.set_language(language)
    contents: dict[str, ProjectorContent] = {}
    with tempfile.TemporaryDirectory(prefix="wdesk-readable-") as scratch:
        root = Path(scratch)
        shell = Shell(AppSettings(), settings_path=root / "settings.json", backup_root=root / "backups")
        window = shell.build_window()

        class Recorder:
            def take(self, name: str, widget: QWidget, before: object = None) -> None:
                if callable(before):
                    before()
                QApplication.processEvents()
                if name.startswith("projector"):
                    contents[name] = shell.projector.content()

        screenshots._demo_shots(shell, root, Recorder())  # type: ignore[arg-type]
        shell.about_to_quit()
        window.close()
        window.deleteLater()
    return contents


def busy_contents(demo: dict[str, ProjectorContent]) -> dict[str, ProjectorContent]:
    """Screens the demo does not show: every other vote method, and the crowded cases of a big seminar (its
    welcome screen is the demo's, with the seminar's head count)."""
    # Shown within the demo's programme and sitting, as the projector shows them (without, it shows the welcome).
    within = demo["projector-agenda-live"]
    busy = {**_vote_contents(), **_seminar_contents(demo["projector-welcome-count"])}
    return {case: replace(content, programme=content.programme or within.programme,
                          agenda=content.agenda or within.agenda) for case, content in busy.items()}


def _result(title: str, method: BallotMethod, settings: Settings, options: tuple[Option, ...], votes: Votes,
            ballots: int) -> ProjectorContent:
    result = count(method, settings, options, votes)
    view = ResultView(1, title, method, BallotStatus.CLOSED, settings, options, result=result, ballots=ballots,
                      tallied=float(ballots))
    return ProjectorContent(ProjectorMode.RESULTS, result=view)


def _vote_contents() -> dict[str, ProjectorContent]:
    levers = tuple(Option(n, label) for n, label in enumerate(LEVERS, start=1))
    five = levers[:5]
    dots = Votes(tallies=tuple(Tally(o.id, 40 - 3 * n) for n, o in enumerate(levers)))
    points = Votes(tuple(BallotPaper(str(v), tuple(Mark(o.id, (40, 30, 15, 10, 5)[(v + n) % 5])
                                                    for n, o in enumerate(five))) for v in range(6)))
    ratings = Votes(tuple(BallotPaper(str(v), tuple(Mark(o.id, 1 + (v + n) % 5) for n, o in enumerate(five)))
                          for v in range(7)))
    ranking = Votes(tuple(BallotPaper(str(v), tuple(Mark(o.id, (n + v) % 5 + 1) for n, o in enumerate(five)))
                          for v in range(4)))
    matrix = Votes(tuple(BallotPaper(str(v), tuple(
        m for n, o in enumerate(five) for m in (Mark(o.id, 1 + (n * 2 + v) % 5, axis=IMPACT),
                                                Mark(o.id, 1 + (n + v) % 5, axis=FEASIBILITY))))
        for v in range(5)))
    proposals = (Option(1, "Créer une navette entre la gare et la zone d'activités"),
                 Option(2, "Ouvrir le tiers-lieu le samedi"), Option(3, "Mutualiser un poste de chargé de mission"))
    consent = Votes((BallotPaper("1", (Mark(1, 1, axis=CONCERNS, comment="Le coût de fonctionnement"),
                                       Mark(2, 1, axis=AGREE), Mark(3, 1, axis=OBJECTION, comment="Qui paie ?"))),),
                    (Tally(1, 14, AGREE), Tally(2, 15, AGREE), Tally(3, 9, AGREE)))
    return {
        "dots-eleven": _result("Vote par gommettes — leviers du séminaire", BallotMethod.DOTS, DotSettings(), levers,
                               dots, 80),
        "points": _result("100 points — budget participatif", BallotMethod.POINTS, PointSettings(), five, points, 6),
        "ratings": _result("Notes de 1 à 5", BallotMethod.RATING, RatingSettings(), five, ratings, 7),
        "hands": _result("À main levée", BallotMethod.HANDS, HandsSettings(), five,
                         Votes(tallies=tuple(Tally(o.id, 12 - n) for n, o in enumerate(five))), 50),
        "ranking": _result("Classement des leviers", BallotMethod.RANKING, RankingSettings(), five, ranking, 4),
        "matrix": _result("Impact × faisabilité", BallotMethod.MATRIX, MatrixSettings(), five, matrix, 5),
        "consent": _result("Décision par consentement", BallotMethod.CONSENT, ConsentSettings(), proposals, consent,
                           39),
        "waiting-eleven": ProjectorContent(ProjectorMode.RESULTS, result=ResultView(
            2, "Vote par gommettes — leviers du séminaire", BallotMethod.DOTS, BallotStatus.OPEN, DotSettings(),
            levers, ballots=7, tallied=37.0)),
    }


def _seminar_contents(welcome: ProjectorContent) -> dict[str, ProjectorContent]:
    groups = tuple(StakeholderGroup(n, 1, name, ("#1E88E5", "#43A047", "#8E24AA", "#E53935")[n % 4], n)
                   for n, name in enumerate(SEMINAR_GROUPS, start=1))
    count_ = HeadCount(present=786, expected=800, by_group={g.id: 120 - 9 * g.id for g in groups} | {None: 3})
    actions = tuple(Action(n, 1, title, lead=lead, partners=partners, deadline=date(2027, n, 28),
                           status=ActionStatus.PLANNED, position=n)
                    for n, (title, lead, partners) in enumerate(_LONG_ACTIONS, start=1))
    label = "Atelier 3 — Transmission-reprise des entreprises artisanales et des commerces de proximité"
    timer = CountdownView(754, Phase.NORMAL, label=label, speaker="Marie-Christine Dupont-Lefèvre")
    return {
        "welcome-seminar": replace(welcome, head_count=count_, groups=groups),
        "actions-long": ProjectorContent(ProjectorMode.ACTIONS, actions=ActionsView("Plan d'action régional",
                                                                                    actions)),
        "timer": ProjectorContent(ProjectorMode.TIMER, countdown=timer),
        # A venue's network with a long name and a password full of the Wi-Fi code's reserved characters.
        "join-venue": ProjectorContent(ProjectorMode.JOIN, joining=JoinCard(
            label, "http://10.120.200.254:8766/s/Xq7Tb2mKp9W", "Palais-des-Congres-Salle-Rhone-Invites",
            'Concert;ation:"2027",Reg\\ion')),
        "join-no-wifi": ProjectorContent(ProjectorMode.JOIN, joining=JoinCard(
            label, "http://192.168.1.20:8765/s/-_Ab3xYz9Qk")),
    }


_LONG_ACTIONS = [
    ("Créer un guichet unique de l'immobilier d'entreprise à l'échelle de la région",
     "Communauté professionnelle territoriale de santé", "Agence régionale de développement, CCI, CMA, EPF"),
    ("Lancer un programme de transmission-reprise des entreprises artisanales", "Chambre de métiers et de l'artisanat",
     "Réseau Entreprendre, banques, experts-comptables, Initiative France"),
    ("Ouvrir un campus des métiers et des qualifications de l'industrie", "Région — direction de la formation",
     "Rectorat, lycées professionnels, UIMM, France Travail"),
    ("Accompagner la transition écologique de 300 PME", "Agence de la transition écologique",
     "CCI, Banque des territoires"),
    ("Structurer une offre de mobilité domicile-travail vers les zones d'activités",
     "Syndicat des mobilités", "Intercommunalités, entreprises des zones d'activités"),
    ("Former 500 dirigeants de TPE à la cybersécurité", "Agence régionale du numérique", "Gendarmerie, CCI"),
    ("Réserver 20 % de la commande publique aux TPE et PME locales", "Région — direction des achats",
     "Départements, grandes villes"),
    ("Créer un fonds régional d'amorçage pour les projets innovants", "Banque publique d'investissement",
     "Région, business angels, universités"),
    ("Organiser un salon annuel des coopérations entre filières", "Agence de développement Loire Éco",
     "Pôles de compétitivité, clusters"),
]

