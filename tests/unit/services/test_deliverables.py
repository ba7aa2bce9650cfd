"""Gathering a sitting's or the programme's report from a file, and writing both deliverables from it."""

from pathlib import Path

import docx
import openpyxl
import pytest

from workshop_desk.domain.enums import BallotMethod
from workshop_desk.domain.report import ReportOptions
from workshop_desk.services import deliverables
from workshop_desk.services.demo import build_demo
from workshop_desk.services.workspace import Workspace


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    build_demo(folder / "demo.wdesk", folder / "backups").database.close()
    return folder / "demo.wdesk"


@pytest.fixture
def workspace(demo: Path, tmp_path: Path) -> Workspace:
    opened = Workspace.open(demo, tmp_path / "backups")
    yield opened  # type: ignore[misc]
    opened.database.close()


def _sitting_with(workspace: Workspace, method: BallotMethod) -> int:
    return next(s.id for s in workspace.sittings.all()
                if any(b.method == method for b in workspace.ballots.for_sitting(s.id)))


def test_a_sitting_report_gathers_everything(workspace):
    sitting_id = _sitting_with(workspace, BallotMethod.DOTS)
    report = deliverables.sitting_report(workspace, sitting_id)
    assert report.sitting.id == sitting_id and report.items
    assert report.ideas and report.themes and report.ballots and report.priorities
    assert all(entry.attendance is not None for entry in report.roster)
    (entry,) = report.ballots
    assert entry.result.voters == len(entry.votes.papers) > 0
    assert report.table_names()


def test_the_minutes_need_no_ballot_papers(workspace):
    sitting_id = _sitting_with(workspace, BallotMethod.DOTS)
    report = deliverables.sitting_report(workspace, sitting_id, with_votes=False)
    assert not report.ballots[0].votes.papers and report.ballots[0].result.voters


def test_the_programme_report_has_every_sitting_and_the_whole_plan(workspace):
    report = deliverables.programme_report(workspace)
    assert report.whole_programme
    assert [s.sitting.id for s in report.sittings] == [s.id for s in workspace.sittings.all()]
    assert len(report.actions) == len(workspace.priorities.actions()) > 0
    assert report.consolidated
    one = deliverables.programme_report(workspace, report.sittings[0].sitting.id)
    assert not one.whole_programme and len(one.sittings) == 1 and not one.consolidated


def test_an_unknown_sitting_is_a_lookup_error(workspace, tmp_path):
    with pytest.raises(LookupError):
        deliverables.export_minutes(workspace, tmp_path / "m.docx", "en", 999)
    assert not list(tmp_path.glob("*.docx"))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_both_deliverables_of_the_demo(workspace, tmp_path, language):
    minutes = deliverables.export_minutes(workspace, tmp_path / "m.docx", language)
    synthesis = deliverables.export_synthesis(workspace, tmp_path / "s.xlsx", language, None,
                                              ReportOptions(anonymise=True))
    document = docx.Document(str(minutes))
    titles = {s.title for s in workspace.sittings.all()}
    chapters = {p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"}
    assert titles <= chapters
    assert document.inline_shapes  # the charts of the votes
    workbook = openpyxl.load_workbook(synthesis)
    assert len(workbook.sheetnames) >= 8
    assert all(not str(cell).startswith("participant-") for sheet in workbook for row in sheet.iter_rows(
        values_only=True) for cell in row)
