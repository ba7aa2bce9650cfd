"""The idea board's services: capture, edit, layouts, themes, merges, hiding, deleting, each undoable."""

import pytest
from sqlmodel import select

from tests.factories import FakeWall, backup_root, make_workspace
from workshop_desk.domain.enums import Source
from workshop_desk.domain.ideas import ArrangeBy, Frame, IdeaDraft, Layout, Placement, layout_of
from workshop_desk.domain.validation import ValidationError
from workshop_desk.services.ideas import IdeaService
from workshop_desk.services.workspace import Workspace
from workshop_desk.storage.tables import BallotOptionTable, BallotTable, RoomTableTable

TEXTS = ["Des ateliers abordables", "Une boutique collective", "Trouver un apprenti 🎓", "Prêts d'honneur"]


@pytest.fixture
def board(tmp_path):  # type: ignore[no-untyped-def]
    workspace = make_workspace(tmp_path, sittings=2, items=2)
    sitting = workspace.sittings.all()[0].id
    yield workspace, sitting
    workspace.database.close()


def _add(workspace: Workspace, sitting: int, texts: list[str] = TEXTS, **fields: object) -> list[int]:
    return [i.id for i in workspace.ideas.add_many(sitting, [IdeaDraft(t, **fields) for t in texts])]  # type: ignore[arg-type]


def test_notes_are_captured_anonymous_with_the_fields_kept_from_the_bar(board) -> None:  # type: ignore[no-untyped-def]
    workspace, sitting = board
    item = workspace.agenda.items(sitting)[1].id
    group = workspace.programmes.groups()[2].id
    wall = FakeWall()
    ideas = IdeaService(workspace.database, wall)
    first = ideas.add(sitting, IdeaDraft("  Des  ateliers\nabordables ", agenda_item_id=item, group_id=group,
                                         colour="#F8BBD0", hidden=True, source=Source.PAPER))
    assert first.text == "Des ateliers abordables" and first.author == "" and first.participant_id is None
    assert (first.agenda_item_id, first.group_id, first.colour, first.hidden) == (item, group, "#F8BBD0", True)
    assert first.source == Source.PAPER and first.created_at == wall()
    second = ideas.add(sitting, IdeaDraft("Une boutique", author="Léa Martin"))
    assert second.author == "Léa Martin" and (second.x, second.y) != (first.x, first.y)  # the next free cell
    placed = ideas.add(sitting, IdeaDraft("Ici"), (120.5, -40.0))
    assert (placed.x, placed.y) == (120.5, -40.0)


def test_a_pasted_list_is_saved_whole_or_not_at_all(board) -> None:  # type: ignore[no-untyped-def]
    workspace, sitting = board
    ids = _add(workspace, sitting)
    assert [i.text for i in workspace.ideas.get_many(ids)] == TEXTS
    assert len({(i.x, i.y) for i in workspace.ideas.ideas(sitting)}) == len(TEXTS)
    with pytest.raises(ValidationError):
        workspace.ideas.add_many(sitting, [IdeaDraft("Bonne idée"), IdeaDraft("  ")])
    assert len(workspace.ideas.ideas(sitting)) == len(TEXTS)
    with pytest.raises(LookupError):
        workspace.ideas.add(999, IdeaDraft("Nulle part"))


def test_editing_and_moving_return_what_undo_needs(board) -> None:  # type: ignore[no-untyped-def]
    workspace, sitting = board
    a, b, *_ = _add(workspace, sitting)
    assert workspace.ideas.edit(a, "Des ateliers à loyer modéré").text == "Des ateliers à loyer modéré"
    with pytest.raises(ValidationError):
        workspace.ideas.edit(a, "")
    before = layout_of(workspace.ideas.get_many([a, b]))
    previous = workspace.ideas.apply_layout(Layout((Placement(a, 10, 20), Placement(b, 30, 40), Placement(999, 0, 0))))
    assert previous == before  # an unknown note is skipped
    assert [(i.x, i.y) for i in workspace.ideas.get_many([a, b])] == [(10, 20), (30, 40)]
    workspace.ideas.apply_layout(previous)
    assert layout_of(workspace.ideas.get_many([a, b])) == before


def test_themes_hold_notes_and_move_with_them(board) -> None:  # type: ignore[no-untyped-def]
    workspace, sitting = board
    a, b, c, d = _add(workspace, sitting)
    theme, before = workspace.themes.create(sitting, " Locaux ", [a, b])
    assert theme.name == "Locaux" and theme.position == 0 and (theme.x, theme.y) == (0, 0)
    inside = workspace.ideas.get_many([a, b])
    assert all(i.theme_id == theme.id and Frame(0, theme.x, theme.y, theme.width, theme.height).contains(i.x, i.y)
               for i in inside)
    assert [p.theme_id for p in before.notes] == [None, None]
    second, _ = workspace.themes.create(sitting, "Vente", [c], colour="#90CAF9")
    assert second.x > theme.x + theme.width and second.colour == "#90CAF9"
    previous = workspace.ideas.set_theme_many([d], second.id)
    assert previous.notes[0].theme_id is None and workspace.ideas.get_many([d])[0].theme_id == second.id
    frame = Layout(themes=(Frame(theme.id, 500, 600, 50, 50),))
    assert workspace.ideas.apply_layout(frame).themes[0].x == theme.x
    moved = workspace.themes.get(theme.id)
    assert (moved.x, moved.y, moved.width, moved.height) == (500, 600, 120, 100)  # not smaller than a grip
    with pytest.raises(ValidationError):
        workspace.themes.create(sitting, "  ")


def test_renaming_recolouring_deleting_and_restoring_a_theme(board) -> None:  # type: ignore[no-untyped-def]
    workspace, sitting = board
    a, b, *_ = _add(workspace, sitting)
    theme, _ = workspace.themes.create(sitting, "Locaux", [a, b])
    assert workspace.themes.rename(theme.id, "Locaux et ateliers").name == "Locaux et ateliers"
    assert workspace.themes.recolour(theme.id, "#A5D6A7").colour == "#A5D6A7"
    with workspace.database.session() as session:
        ballot = BallotTable(sitting_id=sitting, title="Vote")
        session.add(ballot)
        session.flush()
        session.add(BallotOptionTable(ballot_id=ballot.id, theme_id=theme.id, label="Locaux"))
    snapshot = workspace.themes.delete(theme.id)
    assert workspace.themes.themes(sitting) == []
    assert all(i.theme_id is None for i in workspace.ideas.get_many([a, b]))
    workspace.themes.restore(snapshot)
    assert [(t.id, t.name) for t in workspace.themes.themes(sitting)] == [(theme.id, "Locaux et ateliers")]
    assert all(i.theme_id == theme.id for i in workspace.ideas.get_many([a, b]))
    with workspace.database.session() as session:
        assert session.exec(select(BallotOptionTable.theme_id)).one() == theme.id
    with pytest.raises(LookupError):
        workspace.themes.rename(999, "Rien")


def test_undoing_a_theme_creation_puts_the_notes_back(board) -> None:  # type: ignore[no-untyped-def]
    workspace, sitting = board
    ids = _add(workspace, sitting)
    before = layout_of(workspace.ideas.get_many(ids))
    theme, previous = workspace.themes.create(sitting, "Tout", ids)
    placed = layout_of(workspace.ideas.get_many(ids))
    snapshot = workspace.themes.delete(theme.id, previous)
    assert layout_of(workspace.ideas.get_many(ids)) == before
    workspace.themes.restore(snapshot, placed)
    assert {i.theme_id for i in workspace.ideas.get_many(ids)} == {theme.id}
    assert layout_of(workspace.ideas.get_many(ids)) == placed


def test_arranging_saves_every_position_and_gives_the_old_ones(board) -> None:  # type: ignore[no-untyped-def]
    workspace, sitting = board
    with workspace.database.session() as session:
        tables = [RoomTableTable(sitting_id=sitting, name=f"Table {n}", position=n) for n in (2, 1)]
        session.add_all(tables)
        session.flush()
        table_ids = [t.id for t in tables]
    ids = [i.id for i in workspace.ideas.add_many(sitting, [IdeaDraft(t, table_id=table_ids[n % 2])
                                                           for n, t in enumerate(TEXTS)])]
    workspace.themes.create(sitting, "Locaux", ids[:2])
    before = layout_of(workspace.ideas.get_many(ids), workspace.themes.themes(sitting))
    layout, previous = workspace.ideas.arrange(sitting, ArrangeBy.TABLE)
    assert layout_of(workspace.ideas.get_many(ids), workspace.themes.themes(sitting)) == _sorted(layout)
    assert _sorted(previous) == before
    layout, _ = workspace.ideas.arrange(sitting, ArrangeBy.THEME)
    assert {p.idea_id for p in layout.notes} == set(ids)


def _sorted(layout: Layout) -> Layout:
    return Layout(tuple(sorted(layout.notes, key=lambda p: p.idea_id)), layout.themes)


def test_hidden_notes_are_revealed_together(board) -> None:  # type: ignore[no-untyped-def]
    workspace, sitting = board
    shown = _add(workspace, sitting, TEXTS[:1])
    hidden = _add(workspace, sitting, TEXTS[1:], hidden=True)
    other = _add(workspace, workspace.sittings.all()[1].id, TEXTS[:1], hidden=True)
    assert workspace.ideas.reveal(sitting) == hidden
    assert not any(i.hidden for i in workspace.ideas.get_many(shown + hidden))
    assert workspace.ideas.get_many(other)[0].hidden  # another sitting's notes wait
    workspace.ideas.set_hidden(hidden, True)
    assert all(i.hidden for i in workspace.ideas.get_many(hidden))
    assert workspace.ideas.reveal(workspace.sittings.all()[1].id) == other


def test_merging_keeps_every_text_and_can_be_undone_or_split(board) -> None:  # type: ignore[no-untyped-def]
    workspace, sitting = board
    a, b, c, d = _add(workspace, sitting)
    first = workspace.ideas.merge(a, [b])
    assert first.keep_id == a and first.previous == ((b, None),)
    second = workspace.ideas.merge(c, [a, d])  # a brings b along
    assert second.keep_id == c and dict(second.previous) == {a: None, b: a, d: None}
    board_now = {i.id: i for i in workspace.ideas.board(sitting).ideas}
    assert [i.id for i in board_now.values() if i.on_board] == [c]
    assert {i.text for i in board_now.values()} == set(TEXTS)  # every text kept
    workspace.ideas.unmerge(second)
    assert workspace.ideas.get_many([b])[0].merged_into_id == a
    record = workspace.ideas.split(a)
    assert workspace.ideas.get_many([b])[0].merged_into_id is None
    workspace.ideas.unmerge(record)
    assert workspace.ideas.get_many([b])[0].merged_into_id == a
    with pytest.raises(ValidationError):
        workspace.ideas.merge(a, [b])  # already one note
    with pytest.raises(LookupError):
        workspace.ideas.merge(a, [999])


def test_deleting_takes_folded_notes_along_and_an_undo_restores_them(board) -> None:  # type: ignore[no-untyped-def]
    workspace, sitting = board
    a, b, c, d = _add(workspace, sitting)
    workspace.ideas.merge(a, [b])
    before = workspace.ideas.board(sitting)
    snapshot = workspace.ideas.delete_many([a, c])
    assert sorted(row["id"] for row in snapshot.of("idea")) == [a, b, c]
    assert [i.id for i in workspace.ideas.board(sitting).ideas] == [d]
    assert workspace.ideas.get_many([a, b, c]) == []
    with pytest.raises(LookupError):
        workspace.ideas.delete_many([a])  # already gone
    workspace.snapshots.restore(snapshot)
    assert workspace.ideas.board(sitting) == before


def test_the_board_reopens_as_it_was_left(tmp_path) -> None:  # type: ignore[no-untyped-def]
    workspace = make_workspace(tmp_path, sittings=1)
    sitting = workspace.sittings.all()[0].id
    ids = _add(workspace, sitting)
    workspace.themes.create(sitting, "Locaux", ids[:2])
    workspace.ideas.arrange(sitting, ArrangeBy.THEME)
    workspace.ideas.apply_layout(Layout((Placement(ids[3], -250.0, 1234.5),)))
    saved = workspace.ideas.board(sitting)
    workspace.close()
    reopened = Workspace.open(workspace.path, backup_root(tmp_path))
    try:
        assert reopened.ideas.board(sitting) == saved
    finally:
        reopened.database.close()


def test_the_demo_has_themed_boards_in_its_four_workshops_and_questions_at_the_assises(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from workshop_desk.domain.enums import SittingKind, Source
    from workshop_desk.services.demo import build_demo
    from workshop_desk.services.demo_laptop import IDEAS as FROM_THE_LAPTOP

    demo = build_demo(tmp_path / "demo.wdesk", tmp_path / "backups")
    try:
        workshops = [s for s in demo.sittings.all() if s.kind == SittingKind.WORKSHOP][:4]
        for sitting in workshops:
            board = demo.ideas.board(sitting.id)
            phones = [i for i in board.ideas if i.source == Source.PHONE]  # the first workshop's, not yet sorted
            assert bool(phones) == (sitting == workshops[0]) and all(i.theme_id is None for i in phones)
            # The Santé workshop's laptop brought three ideas back, still to be sorted (services/demo_laptop.py).
            board = replace(board, ideas=tuple(i for i in board.ideas if i.source != Source.PHONE
                                               and i.text not in FROM_THE_LAPTOP))
            shown = [i for i in board.ideas if i.on_board]
            assert 15 <= len(shown) <= 25 and 3 <= len(board.themes) <= 4, sitting.title
            assert any(i.merged_into_id for i in board.ideas) and any(i.hidden for i in shown)
            assert all(i.theme_id is not None for i in shown if not i.hidden)
            assert all(i.table_id is not None and i.author == "" for i in board.ideas)  # from tables, anonymous
        assises = next(s for s in demo.sittings.all() if s.kind == SittingKind.CONFERENCE)
        questions = demo.questions.questions(assises.id)
        assert len(questions) >= 6 and sum(q.pinned for q in questions) == 1
        answered, unanswered = demo.questions.for_minutes(assises.id)
        assert answered and unanswered and any(q.hidden for q in questions)
    finally:
        demo.database.close()
