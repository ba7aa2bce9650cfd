"""The demo's votes and plan, in French: a dot vote per sector workshop, a steering committee scoring the
development axes on the ELIRE grid, the priorities promoted from those results, and an action plan."""

import random
from datetime import date, time

from workshop_desk.domain.enums import ActionStatus, AttendanceStatus, BallotMethod, ItemKind, SittingKind, Source
from workshop_desk.domain.models import ItemDraft, SittingDraft
from workshop_desk.domain.priorities import ActionDraft, IndicatorDraft
from workshop_desk.domain.voting import BallotPaper, CriteriaSettings, DotSettings, Mark
from workshop_desk.services.demo_content import FACILITATORS
from workshop_desk.services.workspace import Workspace

DOT_TITLE = "Vote par gommettes — priorités de la filière"
DOTS_PER_VOTER = 3
# Per workshop: options typed when the board has no themes, dots counted on the paper board, and whether the
# vote is over (closed, revealed, its first two promoted) or still going on (open, hidden from the room).
DOT_VOTES: list[tuple[list[str], list[int], bool]] = [
    (["Locaux et ateliers", "Visibilité et vente", "Transmission et formation", "Financement"], [19, 14, 11, 6],
     True),
    (["Accès aux soins", "Attirer les professionnels", "Prévention de proximité", "Innovation et entreprises"],
     [22, 15, 9, 8], True),
    (["Recrutement et compétences", "Immobilier d'entreprise", "Coopérer et gagner des marchés",
      "Transition écologique"], [17, 12, 12, 10], True),
    (["Lieux de création", "Talents et formation", "Marchés et clients"], [13, 9, 7], False),
]
CONSOLE_BALLOTS = 4  # voters who gave their dots to the facilitator rather than on the board

STEERING = SittingDraft(
    title="Comité de pilotage — priorisation", kind=SittingKind.STEERING_COMMITTEE, date=date(2027, 3, 4),
    start_time=time(9, 30), end_time=time(11, 30), venue="Hôtel de ville, salle du conseil",
    facilitators=FACILITATORS, expected_headcount=12,
    objectives="Choisir les axes de développement prioritaires avec la grille ELIRE, puis désigner le porteur de "
               "chaque action.")
STEERING_AGENDA = ["Ouverture par la présidente du comité", "Point d'avancement de la démarche",
                   "Présentation des axes de développement proposés", "Notation des axes (grille ELIRE)",
                   "Classement et décision sur les priorités", "Jalons et porteurs", "Clôture"]
ELIRE = [("Emploi", 2.0), ("Lien social", 1.0), ("Image", 1.0), ("Retour économique", 1.0), ("Environnement", 1.0)]
# Each axis's typical scores on the five criteria (0–5); every voter departs from them by a point at most.
AXES = [
    ("Pôle des métiers d'art et de la création", [4, 4, 5, 3, 3]),
    ("Maison de santé pluriprofessionnelle", [3, 5, 4, 2, 3]),
    ("Tiers-lieu technique et fablab", [4, 3, 3, 4, 3]),
    ("Studio de tournage mutualisé", [3, 2, 5, 3, 2]),
    ("Parcours emploi-formation des jeunes du quartier", [5, 4, 3, 3, 2]),
    ("Requalification des locaux vacants de la rue des Tanneurs", [3, 3, 4, 3, 5]),
]
SPLIT = ("Studio de tournage mutualisé", "Retour économique")  # elected officials and firms believe in it, not others
BELIEVERS = ("Élus", "Entreprises")
COMMITTEE = ["Élus", "Élus", "Services de l'État", "Services de l'État", "Chambres consulaires",
             "Chambres consulaires", "Agences de développement", "Entreprises", "Entreprises", "Associations"]

INDICATORS = ("Emploi", "Lien social", "Image", "Retour économique", "Environnement")
# (title, lead, partners, deadline, budget, status, targets of the five ELIRE indicators, the priority it serves)
ACTIONS = [
    ("Ouvrir un atelier partagé des métiers d'art rue des Tanneurs", "Ville — service développement économique",
     "Chambre de métiers et de l'artisanat, bailleur Loire Habitat", date(2027, 9, 30), 180_000,
     ActionStatus.PLANNED, ["12 artisans installés, dont 4 apprentis", "2 journées portes ouvertes par an",
                            "1 500 visiteurs au parcours des ateliers", "Ateliers occupés à 85 % au moins",
                            "600 m² de locaux vacants réhabilités"], "Pôle des métiers d'art et de la création"),
    ("Créer une maison de santé pluriprofessionnelle près de la gare",
     "Communauté professionnelle territoriale de santé", "ARS, Ville, Conseil départemental", date(2027, 12, 31),
     950_000, ActionStatus.IN_PROGRESS, ["8 professionnels de santé installés", "Délai de rendez-vous divisé par 2",
                                         "Label « Maison de santé » obtenu", "Loyers couvrant 90 % des charges",
                                         "Bâtiment BBC rénovation"], "Maison de santé pluriprofessionnelle"),
    ("Lancer un parcours emploi-formation pour les jeunes du quartier", "France Travail",
     "Mission locale, lycée Jean-Jaurès, IUT", date(2027, 4, 30), 60_000, ActionStatus.IN_PROGRESS,
     ["40 jeunes accompagnés, 25 en emploi à 6 mois", "10 parrainages par des chefs d'entreprise",
      "Une promotion présentée aux Assises", "Coût par parcours ≤ 1 500 €", "Stages à moins de 30 min en transport"],
     "Parcours emploi-formation des jeunes du quartier"),
    ("Créer un club des bureaux d'études et répondre à plusieurs aux marchés publics", "CCI Loire",
     "Bureaux d'études du quartier, service achats de la Ville", date(2027, 6, 30), 25_000, ActionStatus.PLANNED,
     ["3 marchés remportés en groupement", "Une rencontre du club par trimestre", "Un annuaire des compétences",
      "500 k€ de marchés pour les entreprises du quartier", "Une clause carbone dans chaque réponse"], None),
    ("Aménager un studio de tournage mutualisé sur la friche ferroviaire", "Agence de développement Loire Éco",
     "SNCF Immobilier, Région, studios du quartier", date(2027, 11, 30), 420_000, ActionStatus.PROPOSED,
     ["6 emplois permanents, 30 intermittents", "Stages pour 10 jeunes du quartier par an",
      "2 tournages de long métrage accueillis", "Taux d'occupation du studio ≥ 60 %",
      "Friche dépolluée et réutilisée"], "Studio de tournage mutualisé"),
    ("Publier un tableau de bord du plan d'action pour les habitants",
     "Ville — direction de la participation citoyenne", "Conseil citoyen Gare-Confluence", date(2027, 5, 31), 8_000,
     ActionStatus.PROPOSED, ["—", "Une réunion publique par semestre", "Tableau de bord consulté 2 000 fois",
                             "Coût annuel ≤ 8 000 €", "Diffusion 100 % numérique"], None),
]


DESCRIPTIONS = {
    "Ouvrir un atelier partagé des métiers d'art rue des Tanneurs":
        "Réhabiliter deux cellules commerciales vacantes en ateliers équipés (four, machines, outillage), loués à "
        "loyer progressif aux artisans d'art et à leurs apprentis.",
    "Créer une maison de santé pluriprofessionnelle près de la gare":
        "Réunir médecins, infirmiers et paramédicaux dans un bâtiment rénové près de la gare, avec des cabinets clés "
        "en main pour les jeunes installés.",
    "Lancer un parcours emploi-formation pour les jeunes du quartier":
        "Repérer, former en alternance et placer les jeunes du quartier dans les entreprises des quatre filières, "
        "chacun avec un parrain chef d'entreprise.",
    "Créer un club des bureaux d'études et répondre à plusieurs aux marchés publics":
        "Un club animé par la CCI pour se connaître, partager la veille des marchés de la Ville et répondre en "
        "groupement.",
    "Aménager un studio de tournage mutualisé sur la friche ferroviaire":
        "Étudier puis aménager un plateau de tournage partagé par les studios locaux, ouvert aux stagiaires du "
        "quartier.",
    "Publier un tableau de bord du plan d'action pour les habitants":
        "Une page en ligne et une affiche trimestrielle qui montrent l'avancement de chaque action, son porteur et "
        "ses indicateurs.",
}


def add_demo_votes(workspace: Workspace) -> None:
    """Dot votes in the four workshops, the steering committee's ELIRE grid, priorities and the action plan."""
    rng = random.Random(2703)
    workshops = workspace.sittings.all()[1:5]
    for sitting, spec in zip(workshops, DOT_VOTES, strict=True):
        _dot_vote(workspace, sitting.id, spec, rng)
    steering = _steering_committee(workspace)
    _elire_vote(workspace, steering, rng)
    _action_plan(workspace)


def _vote_item(workspace: Workspace, sitting_id: int) -> int | None:
    return next((i.id for i in workspace.agenda.items(sitting_id) if i.kind == ItemKind.VOTE), None)


def _dot_vote(workspace: Workspace, sitting_id: int, spec: tuple[list[str], list[int], bool],
              rng: random.Random) -> None:
    """The board's themes as options (typed ones if the board has none), counts off the paper board, a few
    ballots given at the console; when over, revealed and its first two options promoted."""
    typed, dots, over = spec
    themes = workspace.themes.themes(sitting_id) if hasattr(workspace, "themes") else []
    ballots = workspace.ballots
    ballot = ballots.create(sitting_id, DOT_TITLE, BallotMethod.DOTS, [] if themes else typed,
                            settings=DotSettings(dots_per_voter=DOTS_PER_VOTER), theme_ids=[t.id for t in themes],
                            agenda_item_id=_vote_item(workspace, sitting_id))
    ballots.open(ballot.id)
    options = ballot.options
    ballots.set_tallies(ballot.id, {o.id: n for o, n in zip(options, dots, strict=False)}, Source.PAPER)
    groups = [g.id for g in workspace.programmes.groups()]
    ballots.cast_many(ballot.id, [BallotPaper("", tuple(Mark(o.id, 1) for o in rng.sample(options, DOTS_PER_VOTER)),
                                              rng.choice(groups[:7])) for _ in range(CONSOLE_BALLOTS)])
    if over:
        ballots.close(ballot.id)
        ballots.reveal(ballot.id)
        result = ballots.result(ballot.id)
        workspace.priorities.promote(ballot.id, [row.option_id for row in result.rows[:2]])


def _steering_committee(workspace: Workspace) -> int:
    """The steering committee, from its template (agenda in French), placed in date order, with its members."""
    created = workspace.sittings.create(STEERING, "steering")
    for item, title in zip(created.items, STEERING_AGENDA, strict=True):
        workspace.agenda.update(item.id, ItemDraft(title, item.kind, item.planned_minutes))
    sitting_id = created.sitting.id
    later = [s for s in workspace.sittings.all() if s.date and STEERING.date and s.date > STEERING.date]
    if later:  # in date order: after the workshops, before the Assises
        workspace.sittings.move(sitting_id, [s.id for s in workspace.sittings.all()].index(later[0].id))
    groups = {g.id: g.name for g in workspace.programmes.groups()}
    members = [p.id for p in workspace.participants.all() if groups.get(p.group_id or -1) != "Habitants"][:12]
    workspace.attendance.set_status(sitting_id, members, AttendanceStatus.REGISTERED)
    return sitting_id


def _elire_vote(workspace: Workspace, sitting_id: int, rng: random.Random) -> None:
    """Ten members from six groups score six axes; one axis splits them on its economic return."""
    ballots = workspace.ballots
    ballot = ballots.create(sitting_id, "Grille ELIRE — axes de développement", BallotMethod.CRITERIA,
                            [name for name, _profile in AXES], settings=CriteriaSettings(low=0, high=5),
                            criteria=ELIRE, agenda_item_id=_vote_item(workspace, sitting_id))
    ballots.open(ballot.id)
    groups = {g.name: g.id for g in workspace.programmes.groups()}
    papers = []
    for voter, group in enumerate(COMMITTEE, start=1):
        marks = []
        for option, (name, profile) in zip(ballot.options, AXES, strict=True):
            for criterion, typical in zip(ballot.criteria, profile, strict=True):
                score = min(5, max(0, typical + rng.choice((-1, 0, 0, 1))))
                if (name, criterion.name) == SPLIT:
                    score = 5 if group in BELIEVERS else 1
                marks.append(Mark(option.id, score, criterion.id))
        papers.append(BallotPaper(str(voter), tuple(marks), groups[group]))
    ballots.cast_many(ballot.id, papers)
    ballots.close(ballot.id)
    ballots.reveal(ballot.id)
    result = ballots.result(ballot.id)
    workspace.priorities.promote(ballot.id, [row.option_id for row in result.rows[:4]])


def _action_plan(workspace: Workspace) -> None:
    """Six actions with their leads; those serving a priority of the steering committee are linked to it."""
    steering = next(s for s in workspace.sittings.all() if s.kind == SittingKind.STEERING_COMMITTEE)
    priorities = {p.title: p for p in workspace.priorities.for_sitting(steering.id)}
    for title, lead, partners, deadline, budget, status, targets, serves in ACTIONS:
        draft = ActionDraft(title, DESCRIPTIONS[title], lead, partners, deadline, float(budget), status)
        indicators = [IndicatorDraft(name, target) for name, target in zip(INDICATORS, targets, strict=True)]
        priority = priorities.get(serves or "")
        if priority is not None:
            workspace.priorities.action_from_priority(priority.id, draft, indicators)
        else:
            workspace.priorities.create_action(draft, sitting_id=steering.id, indicators=indicators)
