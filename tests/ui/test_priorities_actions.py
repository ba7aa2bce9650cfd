"""Priorities and the action plan at the console: promote a result, reorder, create an action from a priority
with the ELIRE indicators, see it on the projector; the programme's consolidated view; undo."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from tests.keys import type_text
from workshop_desk.domain.enums import ActionStatus, BallotMethod, ProjectorMode
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.projector.actions_screen import ActionsScreen
from workshop_desk.ui.shell import Shell
from workshop_desk.ui.voting.actions_page import ActionDialog
from workshop_desk.ui.voting.plan_pages import SittingPlanPage
from workshop_desk.ui.voting.priorities_page import PromoteDialog

WORKSHOP = 2  # Atelier Métiers d'art: its dot vote is revealed, its first two options already promoted
ELIRE = ["Jobs", "Social cohesion", "Image", "Economic return", "Environment"]


def _plan_tab(window: MainWindow) -> SittingPlanPage:
    window.select_sitting(WORKSHOP)
    page = window.sitting_page
    assert page is not None
    page.tabs.setCurrentIndex(page.PRIORITIES_TAB)
    return page.plan_page


def test_promote_the_top_results_with_their_justification(qtbot: QtBot, window: MainWindow, shell: Shell) -> None:
    page = window.sitting_page
    assert page is not None
    window.select_sitting(WORKSHOP)
    page.tabs.setCurrentIndex(page.VOTES_TAB)
    results = page.ballots_page.results
    results.table.selectRow(0)  # the row that happens to be current does not decide
    assert results.top_spin.value() == 3 and results.top_spin.text() == "Top 3"  # one winner: the first three
    qtbot.mouseClick(results.promote_button, Qt.MouseButton.LeftButton)
    priorities = shell.document.workspace.priorities.for_sitting(WORKSHOP)  # type: ignore[union-attr]
    assert [p.title for p in priorities] == ["Locaux et ateliers", "Visibilité et vente", "Transmission et formation"]
    promoted = priorities[-1]
    assert promoted.method == BallotMethod.DOTS and promoted.score == 13
    assert promoted.standing is not None and promoted.standing.rank == 3
    model = page.plan_page.priorities_panel.model
    assert model.rowCount() == 3
    assert model.data(model.index(2, 4)).startswith("Dot voting “Vote par gommettes")  # phrased on screen


def test_promote_every_result_in_one_step(qtbot: QtBot, window: MainWindow, shell: Shell) -> None:
    page = window.sitting_page
    assert page is not None
    window.select_sitting(WORKSHOP)
    page.tabs.setCurrentIndex(page.VOTES_TAB)
    results = page.ballots_page.results
    results.top_spin.setFocus()
    qtbot.keyClick(results.top_spin, Qt.Key.Key_Up)
    qtbot.keyClick(results.top_spin, Qt.Key.Key_Up)
    rows = results.model.rowCount()
    assert rows == 4 and results.top_spin.text() == "Top 4"  # no more than the result has
    qtbot.mouseClick(results.promote_button, Qt.MouseButton.LeftButton)
    titles = [p.title for p in shell.document.workspace.priorities.for_sitting(WORKSHOP)]  # type: ignore[union-attr]
    shown = [results.model.index(row, 1).data() for row in range(rows)]
    assert len(titles) == 4 and set(titles) == set(shown)
    ranks = [p.standing.rank for p in shell.document.workspace.priorities.for_sitting(WORKSHOP)  # type: ignore[union-attr]
             if p.standing is not None]
    assert ranks[2:] == [3, 4]


def test_promote_from_a_vote_in_the_priorities_tab(qtbot: QtBot, window: MainWindow, shell: Shell,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    panel = _plan_tab(window).priorities_panel

    def tick_the_fourth(dialog: PromoteDialog) -> int:
        assert len(dialog.option_ids()) == 3  # the first three are ticked to start with
        for row in range(3):
            dialog.model.set_ticked(row, False)
        dialog.model.set_ticked(3, True)
        return 1

    monkeypatch.setattr(PromoteDialog, "exec", tick_the_fourth)
    qtbot.mouseClick(panel.promote_button, Qt.MouseButton.LeftButton)
    assert [panel.model.index(r, 1).data() for r in range(panel.model.rowCount())] == \
        ["Locaux et ateliers", "Visibilité et vente", "Financement"]


def test_reorder_with_the_keyboard_and_by_dropping_then_undo(qtbot: QtBot, window: MainWindow,
                                                             shell: Shell) -> None:
    panel = _plan_tab(window).priorities_panel
    workspace = shell.document.workspace  # type: ignore[union-attr]
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.model.index(0, 1))
    qtbot.keyClick(panel.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert [p.title for p in workspace.priorities.for_sitting(WORKSHOP)] == ["Visibilité et vente",
                                                                             "Locaux et ateliers"]
    assert panel.table.currentIndex().row() == 1  # the moved priority stays selected
    assert panel.table.dragDropMode() == QAbstractItemView.DragDropMode.InternalMove
    panel.model.move_requested.emit(1, 0)  # what a drop of the second row on top asks
    assert workspace.priorities.for_sitting(WORKSHOP)[0].title == "Locaux et ateliers"
    window.actions_by_name["undo"].trigger()
    assert workspace.priorities.for_sitting(WORKSHOP)[0].title == "Visibilité et vente"
    assert panel.model.index(0, 1).data() == "Visibilité et vente"


def test_an_action_from_a_priority_with_elire_indicators_on_the_projector(
        qtbot: QtBot, window: MainWindow, shell: Shell, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = _plan_tab(window)
    plan.priorities_panel.table.setCurrentIndex(plan.priorities_panel.model.index(0, 1))

    def fill(dialog: ActionDialog) -> int:
        assert dialog.title_edit.text() == "Locaux et ateliers"  # from the priority
        assert [name for name, _target in dialog.indicators_model.rows()] == ELIRE
        type_text(dialog.lead_edit, "Chambre de métiers et de l'artisanat")
        type_text(dialog.partners_edit, "Ville, bailleurs sociaux")
        dialog.deadline_edit.setText("15 octobre 2027")  # typed the French way
        dialog.budget_spin.setValue(45000)
        dialog.status_combo.setCurrentIndex(dialog.status_combo.findData(str(ActionStatus.PLANNED)))
        dialog.indicators_model.setData(dialog.indicators_model.index(0, 1), "6 artisans installés")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        return int(dialog.result())

    monkeypatch.setattr(ActionDialog, "exec", fill)
    qtbot.mouseClick(plan.priorities_panel.action_button, Qt.MouseButton.LeftButton)
    workspace = shell.document.workspace  # type: ignore[union-attr]
    action = workspace.priorities.actions()[-1]
    priority = workspace.priorities.for_sitting(WORKSHOP)[0]
    assert (action.title, action.lead, action.priority_id, action.sitting_id) == (
        "Locaux et ateliers", "Chambre de métiers et de l'artisanat", priority.id, WORKSHOP)
    assert (action.deadline, action.budget, action.status) == (dt.date(2027, 10, 15), 45000, ActionStatus.PLANNED)
    assert [(i.name, i.target) for i in action.indicators][:2] == [("Jobs", "6 artisans installés"),
                                                                   ("Social cohesion", "")]
    assert plan.actions_panel.model.rowCount() == 1  # this sitting's actions
    qtbot.mouseClick(plan.actions_panel.show_button, Qt.MouseButton.LeftButton)
    projector = shell.projector.window
    assert projector.content.mode == ProjectorMode.ACTIONS
    assert isinstance(projector._stack.currentWidget(), ActionsScreen)
    assert projector.content.actions is not None
    assert [a.title for a in projector.content.actions.actions] == ["Locaux et ateliers"]


def test_an_action_edited_then_undone(qtbot: QtBot, window: MainWindow, shell: Shell,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    window.show_action_plan()
    page = window.action_plan_page
    assert page is not None and page.isVisible()
    panel = page.actions_panel
    assert panel.model.rowCount() == 6  # the demo's plan
    panel.table.setCurrentIndex(panel.model.index(0, 0))

    def postpone(dialog: ActionDialog) -> int:
        dialog.deadline_edit.setText("2028-01-31")
        dialog.indicators_model.remove_row(4)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        return int(dialog.result())

    monkeypatch.setattr(ActionDialog, "exec", postpone)
    panel.edit_selected()
    workspace = shell.document.workspace  # type: ignore[union-attr]
    edited = workspace.priorities.actions()[0]
    assert edited.deadline == dt.date(2028, 1, 31) and len(edited.indicators) == 4
    window.actions_by_name["undo"].trigger()
    restored = workspace.priorities.actions()[0]
    assert restored.deadline == dt.date(2027, 9, 30) and len(restored.indicators) == 5


def test_a_deleted_priority_comes_back_with_its_action_on_undo(qtbot: QtBot, window: MainWindow, shell: Shell,
                                                               prompts: object) -> None:
    workspace = shell.document.workspace  # type: ignore[union-attr]
    steering = next(s for s in workspace.sittings.all() if s.kind == "steering_committee")
    priority = workspace.priorities.for_sitting(steering.id)[0]
    linked = [a.id for a in workspace.priorities.actions() if a.priority_id == priority.id]
    assert linked
    window.select_sitting(steering.id)
    panel = window.sitting_page.plan_page.priorities_panel  # type: ignore[union-attr]
    panel.table.setCurrentIndex(panel.model.index(0, 1))
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert priority.id not in {p.id for p in workspace.priorities.for_sitting(steering.id)}
    window.actions_by_name["undo"].trigger()
    back = workspace.priorities.for_sitting(steering.id)[0]
    assert back == priority  # same id, place, method and justification
    assert [a.id for a in workspace.priorities.actions() if a.priority_id == priority.id] == linked


def test_the_consolidated_priorities_of_the_programme(window: MainWindow) -> None:
    window.show_action_plan()
    page = window.action_plan_page
    assert page is not None and window.action_plan_button.isChecked()
    model = page.consolidated.model
    titles = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert "Locaux et ateliers" in titles and "Pôle des métiers d'art et de la création" in titles
    assert model.index(0, 0).data() == "1"
