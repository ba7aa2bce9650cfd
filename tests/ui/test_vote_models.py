"""The vote and action-plan models pass Qt's own consistency checks, over the demo's data."""

import datetime as dt

from PySide6.QtCore import QMimeData, QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from workshop_desk.domain.counting import count
from workshop_desk.domain.enums import ActionStatus, BallotMethod
from workshop_desk.domain.priorities import Action, Indicator
from workshop_desk.domain.voting import BallotPaper, Mark, Option, RankingSettings, Votes
from workshop_desk.ui.main_window import MainWindow
from workshop_desk.ui.voting.list_models import CheckListModel, PairsModel
from workshop_desk.ui.voting.models import BallotsModel, ResultModel, TallyModel, tally_axes
from workshop_desk.ui.voting.plan_models import ROW_MIME, ActionsModel, ConsolidatedModel, PrioritiesModel

WORKSHOP = 2


def test_ballot_tally_and_result_models(qtmodeltester: ModelTester, window: MainWindow) -> None:
    assert window.document is not None
    commands = window.document.votes
    ballots = commands.for_sitting(WORKSHOP)
    model = BallotsModel()
    model.set_ballots(ballots)
    qtmodeltester.check(model)
    dots = next(b for b in ballots if b.method == BallotMethod.DOTS)
    tally = TallyModel()
    tally.set_board(dots.options, tally_axes(dots), {(dots.options[0].id, ""): 19})
    qtmodeltester.check(tally)
    assert tally.index(0, 1).data() == "19" and tally.index(0, 1).flags() & Qt.ItemFlag.ItemIsEditable
    assert not tally.setData(tally.index(0, 1), "-3")  # a count is 0 or more
    result = ResultModel()
    result.set_result(commands.result(dots.id), dots.method)
    qtmodeltester.check(result)
    assert result.rowCount() == len(dots.options)


def test_grid_result_model_has_a_column_per_criterion(qtmodeltester: ModelTester, window: MainWindow) -> None:
    assert window.document is not None
    commands = window.document.votes
    steering = next(s for s in window.document.sittings() if s.kind == "steering_committee")
    grid = next(b for b in commands.for_sitting(steering.id) if b.method == BallotMethod.CRITERIA)
    model = ResultModel()
    model.set_result(commands.result(grid.id), grid.method)
    qtmodeltester.check(model)
    headings = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert [c.name for c in grid.criteria] == headings[3:3 + len(grid.criteria)]
    remarks = [model.index(r, model.columnCount() - 1).data() for r in range(model.rowCount())]
    assert any("Retour économique" in text for text in remarks)  # the demo's dissent


def test_plan_models(qtmodeltester: ModelTester, window: MainWindow) -> None:
    assert window.document is not None
    workspace = window.document.workspace
    priorities = PrioritiesModel()
    priorities.set_items(workspace.priorities.for_sitting(WORKSHOP))
    qtmodeltester.check(priorities)
    moves: list[tuple[int, int]] = []
    priorities.move_requested.connect(lambda source, to: moves.append((source, to)))
    data = QMimeData()
    data.setData(ROW_MIME, b"0")
    assert not priorities.dropMimeData(data, Qt.DropAction.MoveAction, 2, 0, QModelIndex())
    assert moves == [(0, 1)]  # dropped before row 2: it ends second
    consolidated = ConsolidatedModel()
    titles = {s.id: s.title for s in workspace.sittings.all()}
    consolidated.set_consolidated(workspace.priorities.consolidated(), titles)
    qtmodeltester.check(consolidated)
    actions = ActionsModel()
    actions.set_items([*workspace.priorities.actions(), Action(99, 1, "Sans échéance", status=ActionStatus.DROPPED,
                                                                indicators=(Indicator(1, 99, "Emploi", "10"),))])
    qtmodeltester.check(actions)
    assert actions.index(actions.rowCount() - 1, 6).data() == "Emploi: 10"
    assert actions.index(0, 3).data() == "Thursday 30 September 2027"
    assert dt.date(2027, 9, 30) == workspace.priorities.actions()[0].deadline


def test_dialog_models(qtmodeltester: ModelTester) -> None:
    pairs = PairsModel(("Criterion", "Weight"), numeric=True)
    pairs.set_rows([("Emploi", 2.0), ("Image", 1.0)])
    pairs.add_row("Nouveau")
    qtmodeltester.check(pairs)
    assert pairs.setData(pairs.index(2, 1), "1,5") and pairs.rows()[2] == ("Nouveau", 1.5)
    assert not pairs.setData(pairs.index(2, 1), "beaucoup")
    checks = CheckListModel()
    checks.set_items([(1, "Un"), (2, "Deux"), (3, "Trois")], ticked=range(2))
    qtmodeltester.check(checks)
    checks.set_ticked(0, False)
    assert checks.ticked() == [2]


def test_a_result_model_shows_the_pairs_schulze_leaves_undecided_tied(qtmodeltester: ModelTester) -> None:
    # A>B>C and C>A>B: Schulze decides only A above B, so A, C and B share its first place.
    options = [Option(1, "A"), Option(2, "B"), Option(3, "C")]
    votes = Votes((BallotPaper("1", (Mark(1, 1), Mark(2, 2), Mark(3, 3))),
                   BallotPaper("2", (Mark(3, 1), Mark(1, 2), Mark(2, 3)))))
    model = ResultModel()
    model.set_result(count(BallotMethod.RANKING, RankingSettings(), options, votes), BallotMethod.RANKING)
    qtmodeltester.check(model)
    headings = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    schulze, remarks = headings.index("Schulze rank"), model.columnCount() - 1
    table = [[model.index(r, c).data() for c in (0, 1, schulze, remarks)] for r in range(model.rowCount())]
    assert table == [["1", "A", "1=", "Schulze: ahead of “B”; not separated from “C”"],
                     ["2", "C", "1=", "Schulze: not separated from “A”, “B”"],
                     ["3", "B", "1=", "Schulze: behind “A”; not separated from “C”"]]
