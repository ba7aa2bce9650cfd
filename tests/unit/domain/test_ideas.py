"""The board's pure rules: note sizes, pasted lines, layouts, merges, colours, search, question order."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop_desk.domain.capture import capture_slots
from workshop_desk.domain.ideas import (
    DEFAULT_NOTE_COLOUR,
    MAX_NOTE,
    NOTE_MAX_HEIGHT,
    NOTE_MIN_HEIGHT,
    TABLE_COLOURS,
    THEME_HEADER,
    ArrangeBy,
    Board,
    ColourBy,
    Frame,
    Idea,
    Question,
    Theme,
    arrange,
    choose_keeper,
    clean_note,
    colour_rule,
    fold,
    frame_around,
    free_theme_spot,
    grown_to_hold,
    matches,
    merge_plan,
    note_size,
    order_questions,
    pack,
    pastel,
    split_lines,
    split_questions,
    stacks,
    theme_at,
)
from workshop_desk.domain.validation import ValidationError


def idea(idea_id: int, text: str = "Une idée", **fields: object) -> Idea:
    return Idea(idea_id, 1, text, **fields)  # type: ignore[arg-type]


def test_a_note_is_one_trimmed_line_and_never_empty_or_huge() -> None:
    assert clean_note("  Des locaux\n abordables  ") == "Des locaux abordables"
    with pytest.raises(ValidationError):
        clean_note("  \n ")
    with pytest.raises(ValidationError):
        clean_note("x" * (MAX_NOTE + 1))


def test_pasting_lines_gives_one_note_per_line_without_bullets() -> None:
    pasted = "- Locaux abordables\r\n\n• Boutique collective\n  3. Apprentis  \n*   Label local\n2027 : l'année"
    assert split_lines(pasted) == ["Locaux abordables", "Boutique collective", "Apprentis", "Label local",
                                   "2027 : l'année"]


def test_longer_texts_get_wider_then_taller_notes() -> None:
    short, medium, long = note_size("Label"), note_size("Un parcours des ateliers ouverts " * 2), note_size("mot " * 60)
    assert short[0] < medium[0] < long[0]
    assert short[1] == NOTE_MIN_HEIGHT
    assert long[1] > medium[1]
    assert note_size("x" * MAX_NOTE)[1] == NOTE_MAX_HEIGHT


@given(st.text(min_size=1, max_size=MAX_NOTE))
def test_note_sizes_stay_within_bounds(text: str) -> None:
    width, height = note_size(text)
    assert 150 <= width <= 260 and NOTE_MIN_HEIGHT <= height <= NOTE_MAX_HEIGHT


def test_shelf_packing_wraps_rows_and_starts_a_row_per_group() -> None:
    sizes = [(1, 100.0, 50.0), (2, 100.0, 80.0), (3, 100.0, 50.0), (4, 100.0, 50.0)]
    positions, width, height = pack(sizes, 0.0, 0.0, 250.0)
    assert positions == {1: (0.0, 0.0), 2: (116.0, 0.0), 3: (0.0, 96.0), 4: (116.0, 96.0)}
    assert (width, height) == (216.0, 146.0)
    grouped, _w, _h = pack(sizes, 10.0, 10.0, 1000.0, breaks=["a", "b", "b", "b"])
    assert grouped[1] == (10.0, 10.0) and grouped[2] == (10.0, 76.0) and grouped[4][1] == 76.0


def _board() -> Board:
    themes = (Theme(1, 1, "Locaux", position=1), Theme(2, 1, "Vente", position=0))
    ideas = tuple(idea(n, f"Idée {n}", theme_id=(1 if n <= 3 else 2 if n <= 5 else None), table_id=n % 2 + 10)
                  for n in range(1, 9))
    return Board(1, (*ideas, idea(9, merged_into_id=1)), themes)


def _inside(point: tuple[float, float], frame: Frame) -> bool:
    return frame.contains(*point)


def test_arranging_by_theme_puts_each_note_inside_its_theme_area_and_loose_notes_below() -> None:
    layout = arrange(_board(), ArrangeBy.THEME)
    frames = {f.theme_id: f for f in layout.themes}
    assert frames[2].x < frames[1].x  # theme order is their position
    notes = {p.idea_id: p for p in layout.notes}
    assert set(notes) == {1, 2, 3, 4, 5, 6, 7, 8}  # merged notes are not laid out
    for placement in notes.values():
        if placement.theme_id is not None:
            frame = frames[placement.theme_id]
            assert _inside((placement.x, placement.y), frame) and placement.y >= frame.y + THEME_HEADER
        else:
            assert placement.y > max(f.y + f.height for f in frames.values())
    _no_overlap([(p.x, p.y, *note_size(f"Idée {p.idea_id}")) for p in notes.values()])


def _no_overlap(boxes: list[tuple[float, float, float, float]]) -> None:
    for i, (x1, y1, w1, h1) in enumerate(boxes):
        for x2, y2, w2, h2 in boxes[i + 1:]:
            assert x1 + w1 <= x2 or x2 + w2 <= x1 or y1 + h1 <= y2 or y2 + h2 <= y1


def test_arranging_by_table_groups_notes_of_a_table_in_rows_of_their_own() -> None:
    layout = arrange(_board(), ArrangeBy.TABLE, table_order={11: 0, 10: 1})
    loose = sorted((p for p in layout.notes if p.theme_id is None), key=lambda p: (p.y, p.x))
    assert [p.idea_id for p in loose] == [7, 6, 8]  # table 11 (position 0) first: note 7; then table 10
    assert loose[0].y < loose[1].y == loose[2].y


def test_a_point_belongs_to_the_smallest_theme_area_holding_it() -> None:
    frames = [Frame(1, 0, 0, 1000, 1000), Frame(2, 100, 100, 200, 200)]
    assert theme_at(150, 150, frames) == 2
    assert theme_at(500, 500, frames) == 1
    assert theme_at(1500, 10, frames) is None


def test_new_themes_go_right_of_the_first_row_and_wrap_their_notes() -> None:
    assert free_theme_spot([]) == (0.0, 0.0)
    assert free_theme_spot([Frame(1, 0, 0, 400, 300), Frame(2, 460, 0, 300, 200), Frame(3, 0, 400, 900, 300)]) == \
        (820.0, 0.0)
    frame, positions = frame_around([(1, 170.0, 90.0), (2, 170.0, 90.0), (3, 170.0, 90.0)], 50.0, 60.0, 7)
    assert frame.theme_id == 7 and (frame.x, frame.y) == (50.0, 60.0)
    assert all(frame.contains(x, y) and frame.contains(x + 170, y + 90) for x, y in positions.values())


def test_a_new_theme_goes_past_the_notes_it_would_cover() -> None:
    frames = [Frame(1, 0, 0, 400, 300)]
    notes = [(470.0, 20.0, 170.0, 90.0), (700.0, 250.0, 210.0, 120.0), (2000.0, 900.0, 170.0, 90.0)]
    x, y = free_theme_spot(frames, (300.0, 400.0), notes)
    assert (x, y) == (970.0, 0.0)  # past both notes in its way, on the first row; the far note is not in the way
    assert free_theme_spot([], (300.0, 200.0), [(100.0, 50.0, 170.0, 90.0)]) == (330.0, 0.0)
    assert free_theme_spot([], (300.0, 200.0), [(400.0, 50.0, 170.0, 90.0)]) == (0.0, 0.0)


def test_a_theme_grows_to_hold_the_notes_dropped_in_it() -> None:
    frame = Frame(4, 0, 0, 400, 300)
    assert grown_to_hold(frame, [(100.0, 100.0, 170.0, 90.0)]) == frame  # already inside: unchanged
    grown = grown_to_hold(frame, [(330.0, 250.0, 170.0, 90.0)])  # overhangs right and bottom
    assert grown == Frame(4, 0, 0, 330 + 170 + 20, 250 + 90 + 20)
    assert grown_to_hold(frame, [(-50.0, 10.0, 170.0, 90.0)]).x == -70.0  # and left, the header kept above
    assert grown_to_hold(frame, [(10.0, 10.0, 170.0, 90.0)]).y == 10.0 - 54.0


def test_captured_notes_fill_free_cells_below_the_themes() -> None:
    frames = [Frame(1, 0, 0, 1200, 400)]
    first = capture_slots([], frames, 3)
    assert first[0] == (0.0, 460.0) and first[1][1] == 460.0 and first[1][0] > first[0][0]
    taken = [idea(1, x=first[0][0], y=first[0][1]), idea(2, x=first[2][0] + 3, y=first[2][1] - 2)]
    assert capture_slots(taken, frames, 2) == [first[1], capture_slots([], frames, 4)[3]]


def test_merging_folds_the_others_and_what_was_folded_into_them_into_the_keeper() -> None:
    ideas = {1: idea(1), 2: idea(2), 3: idea(3, merged_into_id=2), 4: idea(4)}
    assert merge_plan(ideas, 1, [2, 4]) == {2: 1, 3: 1, 4: 1}
    assert merge_plan(ideas, 3, [4]) == {4: 2}  # a folded note stands for the note it is folded into
    with pytest.raises(ValidationError):
        merge_plan(ideas, 1, [1])
    with pytest.raises(ValueError):
        merge_plan({**ideas, 5: Idea(5, 2, "ailleurs")}, 1, [5])


def test_stacks_counts_and_the_keeper() -> None:
    ideas = [idea(1), idea(2, merged_into_id=1), idea(4), idea(5),
             idea(6, merged_into_id=5), idea(7, merged_into_id=5)]
    folded = stacks(ideas)
    assert {k: [i.id for i in v] for k, v in folded.items()} == {1: [2], 5: [6, 7]}
    assert choose_keeper([ideas[0], ideas[2], ideas[3]], folded).id == 5
    assert choose_keeper([ideas[2], ideas[0]], {}).id == 1


def test_colours_by_theme_table_group_or_the_note_itself() -> None:
    note = idea(1, theme_id=3, table_id=8, group_id=5, colour="#F8BBD0")
    plain = idea(2)
    themes, groups, tables = {3: "#A5D6A7"}, {5: "#1E88E5"}, {8: 2}
    assert colour_rule(ColourBy.THEME, themes, groups, tables)(note) == "#A5D6A7"
    assert colour_rule(ColourBy.TABLE, themes, groups, tables)(note) == TABLE_COLOURS[2]
    assert colour_rule(ColourBy.GROUP, themes, groups, tables)(note) == pastel("#1E88E5")
    assert colour_rule(ColourBy.NOTE, themes, groups, tables)(note) == "#F8BBD0"
    assert colour_rule(ColourBy.THEME, themes, groups, tables)(plain) == DEFAULT_NOTE_COLOUR
    assert pastel("#000000", 0.5) == "#808080" and pastel("rouge") == DEFAULT_NOTE_COLOUR


def test_search_ignores_case_and_accents_and_looks_into_merged_notes_and_authors() -> None:
    note = idea(1, "Développement des métiers d'art", author="Léa")
    assert fold("ÉLÈVE Œuvre") == "eleve œuvre"
    assert matches(note, fold("developpement"))
    assert matches(note, fold("lea"))
    assert not matches(note, fold("santé"))
    assert matches(note, fold("sante"), [idea(2, "Santé au travail")])
    assert matches(note, "")


def test_questions_open_by_votes_then_answered_then_hidden() -> None:
    questions = [Question(1, 1, "a", votes=3), Question(2, 1, "b", votes=9, answered=True),
                 Question(3, 1, "c", votes=5), Question(4, 1, "d", votes=20, hidden=True), Question(5, 1, "e", votes=5)]
    assert [q.id for q in order_questions(questions)] == [3, 5, 1, 2, 4]
    answered, open_ = split_questions(questions)
    assert [q.id for q in answered] == [2] and [q.id for q in open_] == [3, 5, 1]
