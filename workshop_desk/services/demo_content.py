"""The built-in demo programme's content: a district economic plan, in French."""

from datetime import date, time

from workshop_desk.domain.enums import ItemKind, SittingKind

PROGRAMME = {
    "title": "Plan de développement économique du quartier Gare-Confluence",
    "client": "Ville de Saint-Aubin-sur-Loire — Direction du développement économique",
    "territory": "Quartier Gare-Confluence (QPV), Saint-Aubin-sur-Loire",
    "start_date": date(2027, 1, 11),
    "end_date": date(2027, 3, 26),
    "objectives": (
        "Partager le diagnostic économique du quartier avec ses acteurs, faire émerger les "
        "orientations stratégiques par filière, et bâtir un plan d'action dont chaque action a un "
        "porteur identifié dès le départ."
    ),
}

GROUPS = [
    ("Entreprises", "#1E88E5"),
    ("Associations", "#43A047"),
    ("Élus", "#8E24AA"),
    ("Services de l'État", "#546E7A"),
    ("Chambres consulaires", "#FB8C00"),
    ("Agences de développement", "#00897B"),
    ("Habitants", "#E53935"),
    ("Autres", "#757575"),
]

K = ItemKind
FACILITATORS = "Claire Vasseur, Julien Ombredane"
VENUE_HALL = "Hôtel de ville, salle des mariages"
VENUE_INCUBATOR = "Pépinière Confluence, 12 rue des Tanneurs"

# (title, kind, date, start, end, venue, expected, objectives, agenda: (title, kind, minutes)...)
SITTINGS: list[dict[str, object]] = [
    {
        "title": "Petit-déjeuner des acteurs économiques",
        "kind": SittingKind.PLENARY, "date": date(2027, 1, 14), "start": time(8, 0), "end": time(10, 0),
        "venue": VENUE_HALL, "expected": 50,
        "objectives": "Présenter le diagnostic et recueillir les réactions des entreprises du quartier.",
        "agenda": [
            ("Accueil café et émargement", K.WELCOME, 20),
            ("Mot d'accueil de l'adjointe au développement économique", K.PRESENTATION, 10),
            ("Le diagnostic en dix chiffres", K.PRESENTATION, 25),
            ("Réactions de la salle", K.QUESTIONS, 30),
            ("Les quatre ateliers sectoriels : calendrier", K.PRESENTATION, 10),
            ("Conclusion", K.WRAP_UP, 10),
        ],
    },
    *[
        {
            "title": f"Atelier {sector}",
            "kind": SittingKind.WORKSHOP, "date": day, "start": time(14, 0), "end": time(16, 30),
            "venue": VENUE_INCUBATOR, "expected": 20,
            "objectives": f"Faire émerger les orientations stratégiques de la filière {sector.lower()}.",
            "agenda": [
                ("Accueil et émargement", K.WELCOME, 15),
                ("Objectifs de l'atelier et règles du jeu", K.PRESENTATION, 10),
                (f"Diagnostic de la filière {sector.lower()}", K.PRESENTATION, 20),
                ("Idées en petits groupes : freins et leviers", K.BRAINSTORM, 35),
                ("Pause", K.BREAK, 10),
                ("Regroupement des idées par thème", K.BRAINSTORM, 20),
                ("Vote par gommettes", K.VOTE, 15),
                ("Premières actions : qui porte quoi ?", K.OTHER, 15),
                ("Synthèse et suites", K.WRAP_UP, 10),
            ],
        }
        for sector, day in (
            ("Métiers d'art", date(2027, 1, 26)),
            ("Santé", date(2027, 2, 2)),
            ("Ingénierie", date(2027, 2, 9)),
            ("Image et médias", date(2027, 2, 16)),
        )
    ],
    {
        "title": "Assises du développement économique de Gare-Confluence",
        "kind": SittingKind.CONFERENCE, "date": date(2027, 3, 25), "start": time(9, 0), "end": time(12, 30),
        "venue": "Centre de congrès Loire-Atlantique, auditorium", "expected": 150,
        "objectives": "Restituer le plan d'action consolidé et engager les porteurs d'actions.",
        "agenda": [
            ("Accueil et émargement", K.WELCOME, 30),
            ("Ouverture par le maire", K.PRESENTATION, 15),
            ("Table ronde : entreprendre dans le quartier", K.ROUND_TABLE, 45),
            ("Questions de la salle", K.QUESTIONS, 15),
            ("Pause", K.BREAK, 15),
            ("Présentation du plan d'action et de ses porteurs", K.PRESENTATION, 30),
            ("Table ronde : financer les projets structurants", K.ROUND_TABLE, 45),
            ("Clôture", K.WRAP_UP, 15),
        ],
    },
]

SITTINGS.append({
    "title": "World café des porteurs d'actions",
    "kind": SittingKind.WORKSHOP, "date": date(2027, 4, 8), "start": time(17, 30), "end": time(19, 30),
    "venue": VENUE_INCUBATOR, "expected": 24,
    "objectives": "Lancer la mise en œuvre du plan d'action : chaque porteur rencontre ses partenaires, table par "
                  "table, en trois tours.",
    "agenda": [
        ("Accueil et placement aux tables", K.WELCOME, 10),
        ("Comment se déroule le world café", K.PRESENTATION, 5),
        ("Tour 1 : les premiers pas de chaque action", K.BRAINSTORM, 25),
        ("Tour 2 : qui fait quoi avec qui ?", K.BRAINSTORM, 25),
        ("Tour 3 : les obstacles et les appuis", K.BRAINSTORM, 25),
        ("Les hôtes de table restituent", K.PRESENTATION, 20),
        ("Conclusion et calendrier", K.WRAP_UP, 10),
    ],
})

FIRST_NAMES = [
    "Camille", "Léa", "Hugo", "Chloé", "Louis", "Manon", "Gabriel", "Inès", "Arthur", "Zoé", "Nathan",
    "Élise", "Raphaël", "Sarah", "Théo", "Jade", "Karim", "Amina", "Yann", "Sophie", "Mehdi", "Hélène",
    "François", "Aïcha", "Benoît", "Maëlle", "Jérôme", "Fatou", "Olivier", "Noémie",
]
LAST_NAMES = [
    "Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Girard", "Bonnet", "Lambert", "Fontaine",
    "Rousseau", "Benali", "Diallo", "Nguyen", "Le Goff", "Morel", "Chevalier", "Garnier", "Faure",
    "Mercier", "Blanc", "Guérin", "Boyer", "Haddad", "Perrin", "Roussel", "Gauthier", "Lemaire",
    "Caron", "Duval", "Collet",
]
# (organisation, role, group index)
ORGANISATIONS = [
    ("Atelier Verre & Lumière", "Gérante", 0), ("Ébénisterie Confluence", "Artisan", 0),
    ("Cabinet médical des Tanneurs", "Médecin", 0), ("Pharmacie de la Gare", "Pharmacien", 0),
    ("Bureau d'études Ingéo", "Directeur", 0), ("Studio Image Nord", "Réalisatrice", 0),
    ("Imprimerie Dubreuil", "Dirigeant", 0), ("Start-up SantéConnect", "Cofondatrice", 0),
    ("Régie de quartier Gare-Confluence", "Directrice", 1),
    ("Association Femmes et Entreprises", "Présidente", 1),
    ("Maison des jeunes", "Animateur", 1),
    ("Ville de Saint-Aubin-sur-Loire", "Adjointe au développement", 2),
    ("Conseil départemental", "Conseiller départemental", 2),
    ("Préfecture — délégué du préfet", "Délégué", 3),
    ("France Travail", "Conseillère entreprises", 3), ("CCI Loire", "Chargé de mission", 4),
    ("Chambre de métiers et de l'artisanat", "Conseillère", 4),
    ("Agence de développement Loire Éco", "Chargée", 5),
    ("Conseil citoyen Gare-Confluence", "Membre", 6), ("Habitant du quartier", "", 6),
]
