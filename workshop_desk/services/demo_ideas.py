"""The demo's idea boards (four sector workshops) and questions from the room (the Assises), in French."""

import random

from workshop_desk.domain.enums import ItemKind, SittingKind
from workshop_desk.domain.ideas import ArrangeBy, IdeaDraft
from workshop_desk.services.workspace import Workspace

TABLES = 4  # per workshop (those the demo's table plan made, if any, are used)

# Per workshop: (theme, notes); then (duplicate, the note it repeats); then notes still hidden from the room.
BOARDS: list[tuple[list[tuple[str, list[str]]], list[tuple[str, str]], list[str]]] = [
    (  # Métiers d'art
        [("Locaux et ateliers", [
            "Manque d'ateliers abordables en rez-de-chaussée",
            "Mutualiser un atelier partagé : four, machines, outillage",
            "Baux précaires : les artisans n'osent pas investir",
            "Ouvrir les locaux vacants de la rue des Tanneurs aux artisans",
            "Des loyers progressifs la première année"]),
         ("Visibilité et vente", [
             "Créer une boutique collective des artisans du quartier",
             "Un parcours des ateliers ouverts chaque printemps",
             "Vendre en ligne : besoin de formation au numérique",
             "Les clients ne savent pas que nous existons",
             "Marché de Noël des créateurs place de la Gare"]),
         ("Transmission et formation", [
             "Trouver un apprenti est devenu très difficile",
             "Départs en retraite : des savoir-faire vont disparaître",
             "Stages avec le lycée professionnel Jean-Jaurès",
             "Faire connaître les métiers d'art dans l'orientation scolaire"]),
         ("Financement", [
             "Le matériel coûte cher et les banques ne suivent pas",
             "Prêts d'honneur dédiés aux artisans d'art",
             "Achats groupés de matières premières"])],
        [("Personne ne connaît les ateliers du quartier", "Les clients ne savent pas que nous existons"),
         ("Un atelier partagé avec des machines communes",
          "Mutualiser un atelier partagé : four, machines, outillage")],
        ["Un label « Fait à Gare-Confluence »", "Stationnement impossible pour les livraisons"],
    ),
    (  # Santé
        [("Accès aux soins", [
            "Trois médecins généralistes partent à la retraite d'ici 2029",
            "Délais de rendez-vous trop longs chez les spécialistes",
            "Une maison de santé pluriprofessionnelle près de la gare",
            "Téléconsultation accompagnée en pharmacie"]),
         ("Attirer les professionnels", [
             "Logements pour les internes et les jeunes médecins",
             "Des cabinets clés en main pour s'installer",
             "Faire découvrir le quartier aux étudiants en médecine",
             "Une crèche aux horaires adaptés aux soignants"]),
         ("Prévention de proximité", [
             "Ateliers nutrition avec la régie de quartier",
             "Médiateurs santé pour les habitants éloignés du soin",
             "Dépistages mobiles les jours de marché",
             "Sport-santé avec les clubs du quartier"]),
         ("Innovation et entreprises", [
             "Start-up e-santé : besoin d'un lieu de test avec des patients",
             "Un lien avec le CHU pour les essais d'usage",
             "Mieux orienter vers les financements de Bpifrance"])],
        [("Créer une maison de santé dans le quartier", "Une maison de santé pluriprofessionnelle près de la gare")],
        ["Une navette vers l'hôpital aux heures de consultation", "Une salle de réunion partagée entre soignants",
         "Un annuaire des professionnels de santé du quartier"],
    ),
    (  # Ingénierie
        [("Recrutement et compétences", [
            "Difficile de recruter des techniciens et des ingénieurs",
            "Former en alternance avec l'IUT",
            "Faire découvrir l'ingénierie aux collégiens",
            "Des marraines ingénieures pour les lycéennes"]),
         ("Immobilier d'entreprise", [
             "Des bureaux modulables près de la gare",
             "Un tiers-lieu technique avec un fablab",
             "Plateaux de bureaux trop chers pour les petites structures"]),
         ("Coopérer et gagner des marchés", [
             "Un club des bureaux d'études du quartier",
             "Répondre à plusieurs aux marchés publics",
             "Connaître plus tôt les projets de la Ville",
             "Sous-traitance locale pour les grands chantiers"]),
         ("Transition écologique", [
             "La rénovation énergétique : un marché à prendre",
             "Se former aux outils de calcul carbone",
             "Un démonstrateur de bâtiment bas carbone sur la friche"])],
        [("Pénurie de techniciens qualifiés", "Difficile de recruter des techniciens et des ingénieurs"),
         ("Bureaux flexibles à louer au mois", "Des bureaux modulables près de la gare")],
        ["Fibre optique insuffisante dans la zone d'activités",
         "Des vélos en libre-service entre la gare et les bureaux"],
    ),
    (  # Image et médias
        [("Lieux de création", [
            "Un studio de tournage mutualisé",
            "Des locaux insonorisés pour le son et la musique",
            "La friche ferroviaire comme décor de tournage"]),
         ("Talents et formation", [
             "Des stages dans les studios pour les jeunes du quartier",
             "Une école de l'image accessible sans le bac",
             "Repérer les talents avec la maison des jeunes",
             "Des résidences pour les jeunes réalisateurs"]),
         ("Marchés et clients", [
             "Faire travailler les studios locaux pour la communication de la Ville",
             "Un annuaire des compétences image du territoire",
             "Un festival du court-métrage de quartier",
             "Aller vers les entreprises qui ont besoin de vidéo"]),
         ("Financer les projets", [
             "Le crédit d'impôt audiovisuel est mal connu des petites structures",
             "Un fonds régional pour les premiers films",
             "Mutualiser le matériel de tournage le plus coûteux"])],
        [("Accueillir des stagiaires du quartier", "Des stages dans les studios pour les jeunes du quartier")],
        ["Un bureau d'accueil des tournages", "Droits musicaux : besoin d'un accompagnement juridique"],
    ),
]

# (question, asked by, votes, answer (none: still open), pinned, hidden)
QUESTIONS = [
    ("Qui portera le plan d'action une fois les Assises terminées ?", "Une habitante du quartier", 14,
     "La Ville, avec un comité de pilotage où siègent la CCI, la Chambre de métiers et le conseil citoyen. Il se "
     "réunira chaque trimestre.\nUne chargée de mission suivra les actions au quotidien.", False, False),
    ("Comment un jeune créateur peut-il gagner la confiance de sa banque ?", "Mehdi Haddad", 11, "", True, False),
    ("Quelles aides pour recruter un premier salarié quand on est installé dans le quartier ?", "", 9, "", False,
     False),
    ("Qu'est-ce qui attire aujourd'hui une entreprise à Gare-Confluence ?", "Sophie Lambert, CCI Loire", 7,
     "La gare à deux pas et des loyers inférieurs d'un tiers à ceux du centre-ville, selon l'enquête de la CCI.",
     False, False),
    ("Les locaux vacants de la rue des Tanneurs seront-ils proposés aux artisans ?", "", 6, "", False, False),
    ("Comment les habitants pourront-ils suivre l'avancement des actions ?", "Conseil citoyen", 5, "", False, False),
    ("Le calendrier du plan d'action sera-t-il publié en ligne ?", "", 3, "", False, False),
    ("Y aura-t-il une navette depuis la gare le jour du marché de Noël ?", "", 1, "", False, True),
]


def add_demo_ideas(workspace: Workspace) -> None:
    """Boards with themed ideas in the four workshops (some merged, some still hidden), questions at the Assises."""
    sittings = workspace.sittings.all()
    workshops = [s for s in sittings if s.kind == SittingKind.WORKSHOP][:len(BOARDS)]
    rng = random.Random(26)
    for sitting, spec in zip(workshops, BOARDS, strict=True):
        _add_board(workspace, sitting.id, spec, rng)
    _add_questions(workspace, next(s.id for s in sittings if s.kind == SittingKind.CONFERENCE))


def _add_board(workspace: Workspace, sitting_id: int,
               spec: tuple[list[tuple[str, list[str]]], list[tuple[str, str]], list[str]], rng: random.Random) -> None:
    themes, duplicates, hidden = spec
    items = workspace.agenda.items(sitting_id)
    item_id = next(i.id for i in items if i.kind == ItemKind.BRAINSTORM)
    tables = [t.id for t in workspace.room_tables.ensure_tables(sitting_id, TABLES, 6)[:TABLES]]
    groups = [g.id for g in workspace.programmes.groups()]

    def draft(text: str, secret: bool = False) -> IdeaDraft:
        return IdeaDraft(text, agenda_item_id=item_id, table_id=rng.choice(tables), group_id=rng.choice(groups[:7]),
                         hidden=secret)

    texts = [text for _name, notes in themes for text in notes] + [text for text, _of in duplicates]
    rng.shuffle(texts)  # captured as the tables spoke, not theme by theme
    ideas = {i.text: i for i in workspace.ideas.add_many(sitting_id, [draft(t) for t in texts])}
    for name, notes in themes:
        workspace.themes.create(sitting_id, name, [ideas[t].id for t in notes], agenda_item_id=item_id)
    for text, original in duplicates:
        workspace.ideas.merge(ideas[original].id, [ideas[text].id])
    workspace.ideas.arrange(sitting_id, ArrangeBy.THEME)
    workspace.ideas.add_many(sitting_id, [draft(text, secret=True) for text in hidden])


def _add_questions(workspace: Workspace, sitting_id: int) -> None:
    item_id = next(i.id for i in workspace.agenda.items(sitting_id) if i.kind == ItemKind.QUESTIONS)
    for text, asked_by, votes, answer, pinned, hidden in QUESTIONS:
        question = workspace.questions.add(sitting_id, text, asked_by, item_id)
        workspace.questions.vote(question.id, votes)
        if answer:
            workspace.questions.set_answer(question.id, answer)  # which marks it answered
        if hidden:
            workspace.questions.set_hidden(question.id, True)
        if pinned:
            workspace.questions.pin(sitting_id, question.id)
