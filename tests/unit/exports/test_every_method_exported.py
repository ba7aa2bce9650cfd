"""Every vote method is written in the minutes and the synthesis, in French and in English (not a KeyError later)."""

from dataclasses import replace
from pathlib import Path

import pytest

from tests.method_ballots import small_ballot, small_votes
from tests.unit.exports.builders import all_text, reopen
from tests.unit.exports.report_builders import report, sitting_report
from tests.unit.exports.synthesis_reading import table, written
from workshop_desk.domain.counting import count_by_group
from workshop_desk.domain.enums import BallotMethod
from workshop_desk.domain.report import BallotReport, ProgrammeReport, ReportOptions
from workshop_desk.domain.vote_methods import method_label
from workshop_desk.exports.minutes_docx import write_minutes
from workshop_desk.exports.minutes_methods import RESULT_TABLES
from workshop_desk.i18n import translator


def _every_method() -> ProgrammeReport:
    """The minutes' sitting, whose ballots are one small ballot of each method."""
    entries = []
    for number, method in enumerate(BallotMethod, start=1):
        ballot, votes = small_ballot(method, number), small_votes(method)
        entries.append(BallotReport(ballot, count_by_group(method, ballot.settings, ballot.options, votes,
                                                           ballot.criteria), votes))
    return replace(report(), sittings=(replace(sitting_report(), ballots=tuple(entries)),))


def test_every_method_has_its_minutes_table() -> None:
    assert set(RESULT_TABLES) == set(BallotMethod)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_minutes_show_each_method_in_its_language(tmp_path: Path, language: str) -> None:
    _ = translator(language)
    text = all_text(reopen(write_minutes(tmp_path / "minutes.docx", _every_method(), language, ReportOptions())))
    for method in BallotMethod:
        assert _("Vote: {title} ({method})").format(title=f"Vote {method}", method=method_label(method, _)) in text
    assert _("Weighted total") in text and _("Schulze rank") in text and _("Objections") in text


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_synthesis_lists_each_method_in_its_language(tmp_path: Path, language: str) -> None:
    _ = translator(language)
    rows = table(written(tmp_path, _every_method(), language), "Results")[1:]
    methods = {(row[1], row[2]) for row in rows}
    assert methods == {(f"Vote {method}", method_label(method, _)) for method in BallotMethod}
