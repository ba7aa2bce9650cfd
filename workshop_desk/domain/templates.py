"""Built-in sitting templates with realistic timed agendas."""

from dataclasses import dataclass

from workshop_desk.domain.enums import ItemKind, SittingKind
from workshop_desk.domain.models import ItemDraft
from workshop_desk.i18n import N_, _


@dataclass(frozen=True, slots=True)
class SittingTemplate:
    key: str
    name: str  # untranslated; shown through _()
    kind: SittingKind
    items: tuple[tuple[str, ItemKind, int], ...]

    @property
    def total_minutes(self) -> int:
        return sum(minutes for _title, _kind, minutes in self.items)

    def title(self) -> str:
        return _(self.name)

    def drafts(self) -> list[ItemDraft]:
        """The agenda items, translated into the current language."""
        return [ItemDraft(_(title), kind, minutes) for title, kind, minutes in self.items]


K = ItemKind
TEMPLATES: tuple[SittingTemplate, ...] = (
    SittingTemplate("workshop", N_("Participative workshop (2 h 30)"), SittingKind.WORKSHOP, (
        (N_("Welcome and sign-in"), K.WELCOME, 15),
        (N_("Objectives and ground rules"), K.PRESENTATION, 10),
        (N_("Diagnostic: key findings"), K.PRESENTATION, 20),
        (N_("Ideas in small groups"), K.BRAINSTORM, 35),
        (N_("Break"), K.BREAK, 10),
        (N_("Grouping ideas into themes"), K.BRAINSTORM, 20),
        (N_("Dot vote on priorities"), K.VOTE, 15),
        (N_("First actions: who does what"), K.OTHER, 15),
        (N_("Wrap-up and next steps"), K.WRAP_UP, 10),
    )),
    SittingTemplate("world_cafe", N_("World café"), SittingKind.WORKSHOP, (
        (N_("Welcome and seating"), K.WELCOME, 10),
        (N_("How a world café works"), K.PRESENTATION, 5),
        (N_("Round 1"), K.BRAINSTORM, 20),
        (N_("Round 2"), K.BRAINSTORM, 20),
        (N_("Round 3"), K.BRAINSTORM, 20),
        (N_("Table hosts report back"), K.PRESENTATION, 20),
        (N_("Harvest: themes and priorities"), K.VOTE, 15),
        (N_("Wrap-up"), K.WRAP_UP, 10),
    )),
    SittingTemplate("master_class", N_("Master class with questions"), SittingKind.MASTER_CLASS, (
        (N_("Welcome"), K.WELCOME, 10),
        (N_("Testimony of the guest professional"), K.PRESENTATION, 30),
        (N_("Questions from the group"), K.QUESTIONS, 30),
        (N_("Discussion: what it means for our territory"), K.ROUND_TABLE, 20),
        (N_("Lessons learnt"), K.WRAP_UP, 10),
    )),
    SittingTemplate("steering", N_("Steering committee: prioritisation"), SittingKind.STEERING_COMMITTEE, (
        (N_("Opening by the chair"), K.WELCOME, 5),
        (N_("Progress report"), K.PRESENTATION, 15),
        (N_("Proposed development axes"), K.PRESENTATION, 20),
        (N_("Scoring the axes (ELIRE grid)"), K.VOTE, 25),
        (N_("Ranking and decision on priorities"), K.RANKING, 20),
        (N_("Milestones and owners"), K.OTHER, 15),
        (N_("Closing"), K.WRAP_UP, 5),
    )),
    SittingTemplate("plenary", N_("Plenary with two round tables"), SittingKind.PLENARY, (
        (N_("Welcome coffee and sign-in"), K.WELCOME, 30),
        (N_("Opening speech"), K.PRESENTATION, 15),
        (N_("Round table 1"), K.ROUND_TABLE, 45),
        (N_("Questions from the room"), K.QUESTIONS, 15),
        (N_("Break"), K.BREAK, 15),
        (N_("Round table 2"), K.ROUND_TABLE, 45),
        (N_("Questions from the room"), K.QUESTIONS, 15),
        (N_("Closing remarks"), K.WRAP_UP, 15),
    )),
)


def template(key: str) -> SittingTemplate:
    """The template with this key."""
    for candidate in TEMPLATES:
        if candidate.key == key:
            return candidate
    raise KeyError(key)
