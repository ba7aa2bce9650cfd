"""Votes at the console: a paper tally typed from the keyboard, a ballot filled in, ballots imported, the result
hidden then revealed on the projector, shuffled, closed; undo of a ballot's creation."""

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from tests.keys import type_text
from tests.ui.conftest import Prompts
from tests.ui.drawn import drawn_texts
from workshop_desk.domain.enums import BallotMethod, BallotStatus, ProjectorMode, Source
from workshop_desk.domain.voting import BallotPaper, DotSettings, Mark, RankingSettings, Votes, display_order
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.projector.results_screen import ResultsScreen
from workshop_desk.ui.shell import Shell
from workshop_desk.ui.voting.ballot_dialog import BallotDialog
from workshop_desk.ui.voting.ballots_page import BallotsPage

WORKSHOP = 2  # Atelier Métiers d'art


def _page(window: MainWindow) -> BallotsPage:
    window.select_sitting(WORKSHOP)
    page = window.sitting_page
    assert page is not None
    page.tabs.setCurrentIndex(page.VOTES_TAB)
    return page.ballots_page


def _new_ballot(qtbot: QtBot, page: BallotsPage, monkeypatch: pytest.MonkeyPatch, method: BallotMethod,
                title: str, options: list[str]) -> None:
    """Create a ballot through its dialog, typed as the facilitator would (accents included)."""
    def fill(dialog: BallotDialog) -> int:
        dialog.method_combo.setCurrentIndex(dialog.method_combo.findData(str(method)))
        type_text(dialog.title_edit, title)
        for option in options:
            type_text(dialog.options_edit, option)
            qtbot.keyClick(dialog.options_edit, Qt.Key.Key_Return)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        return int(dialog.result())

    monkeypatch.setattr(BallotDialog, "exec", fill)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page.ballot is not None and page.ballot.title == title


def _type_count(qtbot: QtBot, page: BallotsPage, digits: str, key: Qt.Key = Qt.Key.Key_Return) -> None:
    """Digits into the current cell (the first one opens its editor), then Enter or Tab; the editor closes
    through a queued call, as in the running app."""
    table = page.tally.table
    qtbot.keyClicks(table, digits[0])
    qtbot.keyClicks(table.focusWidget(), digits[1:])
    qtbot.keyClick(table.focusWidget(), key)
    qtbot.waitUntil(lambda: table.state() == QAbstractItemView.State.NoState)


def test_a_paper_tally_typed_from_the_keyboard_shows_as_bars_once_revealed(
        qtbot: QtBot, window: MainWindow, shell: Shell, monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(window)
    _new_ballot(qtbot, page, monkeypatch, BallotMethod.DOTS, "Priorités à retenir",
                ["Atelier partagé", "Boutique éphémère", "Prêts d'honneur"])
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert page.ballot is not None and page.ballot.status == BallotStatus.OPEN
    page.show_on_projector()
    table = page.tally.table
    table.setFocus()
    table.setCurrentIndex(page.tally.model.index(0, 1))
    _type_count(qtbot, page, "12")
    assert table.currentIndex().row() == 1  # Enter went down to the next option
    _type_count(qtbot, page, "7", Qt.Key.Key_Tab)
    _type_count(qtbot, page, "x9")  # letters are refused: digits only
    workspace = shell.document.workspace  # type: ignore[union-attr]
    saved = {t.option_id: t.amount for t in workspace.ballots.votes(page.ballot.id).tallies}
    options = [o.id for o in page.ballot.options]
    assert saved == {options[0]: 12, options[1]: 7, options[2]: 9}
    assert all(t.source == Source.PAPER for t in workspace.ballots.votes(page.ballot.id).tallies)
    projector = shell.projector.window
    assert projector.content.mode == ProjectorMode.RESULTS
    assert projector.content.result is not None and projector.content.result.result is None  # hidden
    assert projector.content.result.tallied == 28
    assert "28 dots" in drawn_texts(projector)  # what the console counts, the paper boards' dots here
    qtbot.mouseClick(page.reveal_button, Qt.MouseButton.LeftButton)
    assert isinstance(projector._stack.currentWidget(), ResultsScreen)
    rows = projector.content.result.result.rows  # type: ignore[union-attr]
    assert [(r.label, r.score) for r in rows] == [("Atelier partagé", 12), ("Prêts d'honneur", 9),
                                                  ("Boutique éphémère", 7)]
    table.setCurrentIndex(page.tally.model.index(1, 1))
    _type_count(qtbot, page, "15")  # live: the next count moves the bars at once
    first = projector.content.result.result.rows[0]  # type: ignore[union-attr]
    assert (first.label, first.score) == ("Boutique éphémère", 15)
    assert page.results.model.rowCount() == 3


def test_a_ballot_filled_in_at_the_console_and_the_next_voter_number(
        qtbot: QtBot, window: MainWindow, shell: Shell, monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(window)
    _new_ballot(qtbot, page, monkeypatch, BallotMethod.RANKING, "Classement", ["A", "B", "C"])
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    form = page.form
    assert page.entry_tabs.currentWidget() is form  # a ranking needs one ballot per voter
    assert form.voter_edit.text() == "1"
    assert form.editor is not None
    for spin, rank in zip(form.editor.spins, ("2", "1", "3"), strict=True):
        spin.setFocus()
        spin.selectAll()
        qtbot.keyClicks(spin, rank)
    form.group_combo.setCurrentIndex(2)
    qtbot.keyClick(form.editor.spins[-1], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    workspace = shell.document.workspace  # type: ignore[union-attr]
    papers = workspace.ballots.votes(page.ballot.id).papers  # type: ignore[union-attr]
    assert len(papers) == 1 and papers[0].voter == "1" and papers[0].group_id is not None
    assert sorted(m.value for m in papers[0].marks) == [1, 2, 3]
    assert form.voter_edit.text() == "2"  # ready for the next paper
    assert form.editor.marks() == ()
    assert page.results.model.index(0, 1).data() == "B"


def test_a_ballot_that_breaks_the_rules_is_refused_with_a_message(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(window)
    _new_ballot(qtbot, page, monkeypatch, BallotMethod.POINTS, "Cent points", ["A", "B"])
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert page.form.editor is not None
    page.form.editor.spins[0].setValue(30)
    assert "30 of 100" in page.form.summary.text()
    qtbot.mouseClick(page.form.record_button, Qt.MouseButton.LeftButton)
    assert "exactly 100" in page.form.status.text()
    assert page.form.voter_edit.text() == "1"


def test_ballots_imported_from_a_spreadsheet(qtbot: QtBot, window: MainWindow, shell: Shell, prompts: Prompts,
                                             monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    page = _page(window)
    _new_ballot(qtbot, page, monkeypatch, BallotMethod.DOTS, "Gommettes", ["Atelier partagé", "Boutique"])
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    path = tmp_path / "bulletins.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Bulletins de l'atelier"])
    sheet.append(["Votant", "Collège", "Atelier partagé", "Boutique"])
    for voter, group, first, second in (("1", "Élus", 3, 2), ("2", "Entreprises", 5, ""), ("3", "Inconnu", 1, 1)):
        sheet.append([voter, group, first, second])
    book.save(path)
    from workshop_desk.ui import prompts as module

    monkeypatch.setattr(module, "open_spreadsheet", lambda _parent: path)
    qtbot.mouseClick(page.form.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(prompts.infos), timeout=5000)
    assert "3 ballots imported" in prompts.infos[0] and "Inconnu" in prompts.infos[0]
    votes = shell.document.workspace.ballots.votes(page.ballot.id)  # type: ignore[union-attr]
    assert {p.voter for p in votes.papers} == {"1", "2", "3"}
    assert all(p.source == Source.IMPORT for p in votes.papers)
    assert page.results.model.index(0, 1).data() == "Atelier partagé"
    assert "Import 9" in page.results.model.index(0, 3).data()  # provenance kept per option
    assert page.form.voter_edit.text() == "4"


def test_an_import_that_breaks_a_rule_records_nothing(qtbot: QtBot, window: MainWindow, shell: Shell,
                                                      prompts: Prompts, monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    page = _page(window)
    _new_ballot(qtbot, page, monkeypatch, BallotMethod.DOTS, "Gommettes", ["A", "B"])
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    path = tmp_path / "bulletins.csv"
    path.write_text("Votant;A;B\n1;2;1\n2;9;0\n", encoding="utf-8")
    from workshop_desk.ui import prompts as module

    monkeypatch.setattr(module, "open_spreadsheet", lambda _parent: path)
    page.form.import_button.click()
    qtbot.waitUntil(lambda: bool(prompts.errors), timeout=5000)
    assert "Line 3" in prompts.errors[0]
    assert shell.document.workspace.ballots.votes(page.ballot.id).papers == ()  # type: ignore[union-attr]


def test_shuffle_hides_the_order_and_closing_stops_the_entry(
        qtbot: QtBot, window: MainWindow, shell: Shell, monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(window)
    labels = [f"Option {n}" for n in range(1, 9)]
    _new_ballot(qtbot, page, monkeypatch, BallotMethod.HANDS, "Main levée", labels)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    page.show_on_projector()
    qtbot.mouseClick(page.shuffle_check, Qt.MouseButton.LeftButton)
    shown = shell.projector.window.content.result
    assert shown is not None and shown.shuffled
    assert shown.options == display_order(page.ballot.options, page.ballot.id)  # type: ignore[union-attr]
    assert [o.label for o in shown.options] != labels
    assert page.tally.board()[0] == Source.SHOW_OF_HANDS
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)  # close
    assert page.ballot is not None and page.ballot.status == BallotStatus.CLOSED
    assert not page.tally.table.isEnabled()
    assert shell.projector.window.content.result.status == BallotStatus.CLOSED  # type: ignore[union-attr]


def test_borda_and_schulze_disagreeing_are_both_shown(qtbot: QtBot, window: MainWindow, shell: Shell) -> None:
    workspace = shell.document.workspace  # type: ignore[union-attr]
    ballot = workspace.ballots.create(WORKSHOP, "Classement", BallotMethod.RANKING, ["A", "B", "C"],
                                      settings=RankingSettings())
    workspace.ballots.open(ballot.id)
    a, b, c = (o.id for o in ballot.options)
    orders = [(a, b, c)] * 3 + [(b, c, a)] * 2  # A wins a majority; B collects more Borda points
    workspace.ballots.cast_many(ballot.id, [BallotPaper(str(n), tuple(Mark(o, r + 1) for r, o in enumerate(order)))
                                            for n, order in enumerate(orders * 2, start=1)])
    workspace.ballots.reveal(ballot.id)
    page = _page(window)
    page.reload()
    page.select(ballot.id)
    page.show_on_projector()
    result = shell.projector.window.content.result.result  # type: ignore[union-attr]
    assert result is not None and result.winners_differ
    assert "Borda: B" in page.results.notes.text() and "Schulze (Condorcet): A" in page.results.notes.text()


def test_the_pairs_schulze_leaves_undecided_are_named_under_the_result(qtbot: QtBot, window: MainWindow,
                                                                       shell: Shell) -> None:
    workspace = shell.document.workspace  # type: ignore[union-attr]
    ballot = workspace.ballots.create(WORKSHOP, "Classement", BallotMethod.RANKING, ["A", "B", "C"],
                                      settings=RankingSettings())
    workspace.ballots.open(ballot.id)
    a, b, c = (o.id for o in ballot.options)
    orders = [(a, b, c), (c, a, b)]  # Schulze decides A above B only
    workspace.ballots.cast_many(ballot.id, [BallotPaper(str(n), tuple(Mark(o, r + 1) for r, o in enumerate(order)))
                                            for n, order in enumerate(orders, start=1)])
    page = _page(window)
    page.reload()
    page.select(ballot.id)
    notes = page.results.notes
    assert "Schulze (Condorcet): A = C." in notes.text()  # the unbeaten: B shares their rank but A beats it
    assert "Not separated by the votes (Schulze): “A” and “C”; “C” and “B”." in notes.text()
    assert "Yet Schulze" not in notes.text()  # the rows' remarks say it; the tooltip too
    assert notes.toolTip().splitlines()[-2:] == ["Not separated by the votes (Schulze): “A” and “C”; “C” and “B”.",
                                                 "Yet Schulze puts “A” ahead of “B”."]


def test_creating_a_ballot_is_undone_and_redone_with_the_same_ballot(
        qtbot: QtBot, window: MainWindow, shell: Shell, monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(window)
    before = len(page.model._ballots)
    _new_ballot(qtbot, page, monkeypatch, BallotMethod.DOTS, "À défaire", ["A", "B"])
    created = page.ballot
    assert created is not None
    window.actions_by_name["undo"].trigger()
    assert page.model.rowCount() == before
    window.actions_by_name["redo"].trigger()
    assert page.model.row_of(created.id) >= 0
    document = shell.document
    assert document is not None and document.workspace.ballots.get(created.id).options == created.options


def test_the_dot_settings_are_checked(qtbot: QtBot, window: MainWindow, shell: Shell,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(window)

    def fill(dialog: BallotDialog) -> int:
        type_text(dialog.title_edit, "Gommettes")
        qtbot.keyClicks(dialog.options_edit, "A")
        qtbot.keyClick(dialog.options_edit, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.options_edit, "B")
        dialog.settings_form.spins["dots_per_voter"].setValue(2)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        return int(dialog.result())

    monkeypatch.setattr(BallotDialog, "exec", fill)
    page.new_ballot()
    assert page.ballot is not None and page.ballot.settings == DotSettings(dots_per_voter=2)


def test_the_results_key_shows_the_ballot_chosen_in_the_votes_tab(qtbot: QtBot, window: MainWindow,
                                                                  shell: Shell) -> None:
    page = _page(window)
    dots = page.ballot
    assert dots is not None and dots.revealed
    qtbot.keyClick(window, Qt.Key.Key_F11)
    shown = shell.projector.window.content.result
    assert shell.projector.mode == ProjectorMode.RESULTS and shown is not None and shown.ballot_id == dots.id
    assert shown.result is not None and shown.result.winners[0].label == "Locaux et ateliers"
    qtbot.keyClick(window, Qt.Key.Key_F12)
    actions = shell.projector.window.content.actions
    assert shell.projector.mode == ProjectorMode.ACTIONS and actions is not None and len(actions.actions) == 6


def test_clearing_asks_first_and_a_deleted_ballot_comes_back_on_undo(qtbot: QtBot, window: MainWindow,
                                                                     shell: Shell, prompts: Prompts) -> None:
    page = _page(window)
    ballot = page.ballot
    workspace = shell.document.workspace  # type: ignore[union-attr]
    assert ballot is not None and workspace.ballots.votes(ballot.id).tallies
    prompts.confirm_answer = False
    page.clear_action.trigger()
    assert workspace.ballots.votes(ballot.id).tallies
    prompts.confirm_answer = True
    page.clear_action.trigger()
    assert workspace.ballots.votes(ballot.id) == Votes()
    assert page.results.result is not None and not page.results.result.sources
    page.delete_action.trigger()
    assert page.model.row_of(ballot.id) < 0
    window.actions_by_name["undo"].trigger()
    assert page.model.row_of(ballot.id) >= 0 and workspace.ballots.get(ballot.id).options == ballot.options
