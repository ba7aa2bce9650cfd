"""A programme report made by hand for the deliverables' tests: one sitting that ran, with everything in it."""

import datetime as dt
import io
from dataclasses import replace

from PIL import Image

from tests.unit.exports.builders import GROUPS, programme, roster, sitting
from workshop_desk.domain.consent import AGREE, CONCERNS, OBJECTION
from workshop_desk.domain.counting import count
from workshop_desk.domain.enums import BallotMethod, BallotStatus, ItemKind, Source
from workshop_desk.domain.ideas import Idea, Question, Theme
from workshop_desk.domain.models import AgendaItem
from workshop_desk.domain.priorities import Action, ConsolidatedPriority, Indicator, Priority
from workshop_desk.domain.report import BallotReport, ProgrammeReport, SittingReport
from workshop_desk.domain.rounds import TimedRound
from workshop_desk.domain.speaking import SpeakingTurn
from workshop_desk.domain.table_plan import RoomTable
from workshop_desk.domain.voting import (
    Ballot,
    BallotPaper,
    ConsentSettings,
    DotSettings,
    Mark,
    Option,
    RankingSettings,
    Tally,
    Votes,
)

T0 = dt.datetime(2027, 2, 2, 13, 0, tzinfo=dt.UTC)  # 14:00 in Paris


def at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


ITEMS = (AgendaItem(10, 2, 0, "Accueil", ItemKind.WELCOME, 10, actual_start=at(0), actual_end=at(12)),
         AgendaItem(11, 2, 1, "Table ronde des élus", ItemKind.ROUND_TABLE, 30, actual_start=at(12), actual_end=at(45),
                    notes="Les élus soutiennent la pépinière.\nBudget à préciser avant juin."),
         AgendaItem(12, 2, 2, "Idées en petits groupes", ItemKind.BRAINSTORM, 35, actual_start=at(45),
                    actual_end=at(80)),
         AgendaItem(13, 2, 3, "Vote par gommettes", ItemKind.VOTE, 15, actual_start=at(80), actual_end=at(95)),
         AgendaItem(14, 2, 4, "Décision", ItemKind.OTHER, 10))
THEMES = (Theme(20, 2, "Locaux et ateliers", agenda_item_id=12), Theme(21, 2, "Formation", agenda_item_id=12))
IDEAS = (Idea(30, 2, "Des loyers progressifs la première année", agenda_item_id=12, theme_id=20, table_id=40),
         Idea(31, 2, "Un atelier partagé : four, machines", agenda_item_id=12, theme_id=20, table_id=41),
         Idea(32, 2, "Stages avec le lycée Jean-Jaurès", agenda_item_id=12, theme_id=21, table_id=40),
         Idea(33, 2, "Une idée sans thème", agenda_item_id=12),
         Idea(34, 2, "Un doublon replié", agenda_item_id=12, theme_id=20, merged_into_id=30))
TABLES = (RoomTable(40, 2, "Table 1"), RoomTable(41, 2, "Table 2"))
QUESTIONS = (Question(50, 2, "Quand le plan sera-t-il publié ?", "Sophie Lambert", 7, answered=True,
                      agenda_item_id=11),
             Question(51, 2, "Qui finance les locaux ?", "", 3, agenda_item_id=11))
TURNS = (SpeakingTurn(60, 2, 0, "Inès Blanc, maire", 300, agenda_item_id=11, started_at=at(12), ended_at=at(19)),
         SpeakingTurn(61, 2, 1, "Jérôme Dubois, CCI", 300, agenda_item_id=11, started_at=at(19), ended_at=at(24)),
         SpeakingTurn(62, 2, 2, "Jamais venu", 300, agenda_item_id=11))
ROUNDS = (TimedRound(1, 1500, at(45), at(70)), TimedRound(2, 600, at(70), at(81)))


def _dots() -> BallotReport:
    options = (Option(70, "Locaux et ateliers", theme_id=20), Option(71, "Des loyers progressifs", idea_id=30),
               Option(72, "Formation", theme_id=21))
    ballot = Ballot(80, 2, "Priorités de la filière", BallotMethod.DOTS, DotSettings(5),
                    status=BallotStatus.CLOSED, revealed=True, options=options,
                    agenda_item_id=13)
    papers = (BallotPaper("1", (Mark(70, 3), Mark(71, 2)), group_id=1),
              BallotPaper("participant-2", (Mark(71, 4), Mark(72, 1)), group_id=2, participant_id=2),
              BallotPaper("3", (Mark(70, 5),), group_id=3, source=Source.PAPER))
    votes = Votes(papers, (Tally(72, 6, source=Source.PAPER),))
    return BallotReport(ballot, count(ballot.method, ballot.settings, options, votes), votes)


def _consent() -> BallotReport:
    options = (Option(90, "Créer une pépinière d'artisans"), Option(91, "Fermer la rue le samedi"))
    ballot = Ballot(81, 2, "Décisions", BallotMethod.CONSENT, ConsentSettings(),
                    status=BallotStatus.CLOSED, revealed=True, options=options, agenda_item_id=14)
    papers = (BallotPaper("1", (Mark(90, 1, axis=AGREE), Mark(91, 1, axis=OBJECTION, comment="Les commerces")),),
              BallotPaper("2", (Mark(90, 1, axis=CONCERNS, comment="Le budget"), Mark(91, 1, axis=AGREE))))
    votes = Votes(papers)
    return BallotReport(ballot, count(ballot.method, ballot.settings, options, votes), votes)


def ranking() -> BallotReport:
    """A>B>C and C>A>B: Borda ranks Locaux 3, Mobilité 2, Formation 1; Schulze decides only Locaux above
    Formation, so the three share its first rank."""
    options = (Option(73, "Locaux et ateliers"), Option(74, "Formation"), Option(75, "Mobilité"))
    ballot = Ballot(82, 2, "Classement des orientations", BallotMethod.RANKING, RankingSettings(),
                    status=BallotStatus.CLOSED, revealed=True, options=options,
                    agenda_item_id=13)
    votes = Votes((BallotPaper("1", (Mark(73, 1), Mark(74, 2), Mark(75, 3))),
                   BallotPaper("2", (Mark(75, 1), Mark(73, 2), Mark(74, 3)))))
    return BallotReport(ballot, count(ballot.method, ballot.settings, options, votes), votes)


def ranked_report() -> ProgrammeReport:
    """The minutes of one sitting whose only ballot is that ranking."""
    return replace(report(), sittings=(replace(sitting_report(), ballots=(ranking(),)),))


PRIORITIES = (Priority(100, 2, 0, "Locaux et ateliers", "dots", 8.0, "Premier au vote"),
              Priority(101, 2, 1, "Formation", "dots", 7.0, "Deuxième"))
ACTIONS = (Action(110, 1, "Ouvrir une pépinière", "Dix ateliers", "Ville — service économique",
                  "Chambre de métiers", dt.date(2027, 9, 30), 12000.0, sitting_id=2, priority_id=100,
                  indicators=(Indicator(1, 110, "Emploi", "12 artisans installés"),)),
           Action(111, 1, "Parcours de stages", lead="Lycée Jean-Jaurès", sitting_id=2))


def logo_png() -> bytes:
    stream = io.BytesIO()
    Image.new("RGB", (120, 60), "#2F5597").save(stream, format="PNG")
    return stream.getvalue()


def sitting_report() -> SittingReport:
    return SittingReport(sitting(objectives="Faire émerger les orientations de la filière.\nDésigner les pilotes."),
                         ITEMS, tuple(roster()), IDEAS, THEMES, QUESTIONS, TURNS, ROUNDS, TABLES,
                         (_dots(), _consent()), PRIORITIES, ACTIONS)


def report(logo: bytes | None = None) -> ProgrammeReport:
    """The minutes of one sitting."""
    return ProgrammeReport(programme(logo=logo, objectives="Un plan d'action pour le quartier."), tuple(GROUPS),
                           (sitting_report(),), actions=ACTIONS)


def programme_report() -> ProgrammeReport:
    """Two sittings (the second an empty plenary), consolidated priorities and the whole action plan."""
    plenary = SittingReport(sitting(id=3, title="Plénière de restitution", date=dt.date(2027, 3, 1), objectives=""))
    consolidated = (ConsolidatedPriority(1, "Locaux et ateliers", (2,), (1,), (PRIORITIES[0],)),
                    ConsolidatedPriority(2, "Formation", (2,), (2,), (PRIORITIES[1],)))
    return replace(report(), sittings=(sitting_report(), plenary), consolidated=consolidated, whole_programme=True)
