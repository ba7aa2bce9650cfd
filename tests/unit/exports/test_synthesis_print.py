"""The Excel synthesis prints and describes itself: A4 pages fitted to their width with the header row repeated,
the programme and the sitting in the header, numbered pages, charts titled with their sitting and sized to their
bars, the file's own properties."""

import datetime as dt
import itertools
import math
import zipfile
from dataclasses import replace

import pytest

from tests.unit.exports import synthesis_builders as built
from tests.unit.exports.report_builders import programme_report, report
from tests.unit.exports.synthesis_reading import bounds, title_text, written
from workshop_desk.exports import synthesis_charts, text_width
from workshop_desk.exports.xlsx_print import PORTRAIT_WIDTH

WRITTEN_AT = dt.datetime(2027, 2, 3, 9, 30, tzinfo=dt.UTC)


@pytest.mark.parametrize(("language", "pages", "sitting"), [("fr", "Page &P sur &N", "Atelier santé — 2 février 2027"),
                                                            ("en", "Page &P of &N", "Atelier santé — 2 February 2027")])
def test_every_sheet_prints_on_a4_with_its_header_row_the_programme_the_sitting_and_page_numbers(
        tmp_path, language, pages, sitting):
    workbook = written(tmp_path, replace(report(), written_at=WRITTEN_AT), language)
    for sheet in workbook.worksheets:
        setup = sheet.page_setup
        assert (setup.paperSize, setup.fitToWidth, setup.fitToHeight) == (9, 1, 0), sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        header = sheet.oddHeader.left.text
        assert "Plan économique du quartier Gare-Confluence" in header and sitting in header
        assert sheet.oddFooter.center.text == pages and sheet.oddFooter.left.text == "&A"
        assert sheet.oddFooter.right.text == ("Établi le 3 février 2027" if language == "fr"
                                              else "Written on 3 February 2027")
        if sheet.tables:
            first, _last = bounds(sheet)
            assert sheet.print_title_rows == f"${first}:${first}", sheet.title
            wide = sum(dimension.width for dimension in sheet.column_dimensions.values())
            assert setup.orientation == ("landscape" if wide > PORTRAIT_WIDTH else "portrait"), sheet.title
    assert workbook["Action plan" if language == "en" else "Plan d'action"].page_setup.orientation == "landscape"


def test_the_header_of_the_programme_says_so_and_doubles_ampersands(tmp_path):
    found = replace(programme_report(), programme=replace(report().programme, title="Emploi & formation"))
    header = written(tmp_path, found).worksheets[0].oddHeader.left.text
    assert header == "&BEmploi && formation&B\nWhole programme"


def test_wrapped_text_makes_its_row_as_tall_as_it_needs(tmp_path):
    long_idea = "Une idée longue " * 12
    base = report().sittings[0]
    found = replace(report(), sittings=(replace(base, ideas=(replace(base.ideas[0], text=long_idea),
                                                             *base.ideas[1:])),))
    sheet = written(tmp_path, found)["Ideas"]
    first, _last = bounds(sheet)
    column = [cell.value for cell in sheet[first]].index("Idea")
    width = sheet.column_dimensions["ABCDEFG"[column]].width
    lines = text_width.lines(long_idea.strip(), width)
    assert lines >= 4 and sheet.row_dimensions[first + 1].height == 13 * lines + 3
    assert sheet.row_dimensions[first + 2].height is None  # a short idea: one line, the default height
    assert sheet.cell(first + 1, column + 1).alignment.wrap_text


@pytest.mark.parametrize("language", ["fr", "en"])
def test_each_ballot_chart_is_titled_with_its_sitting_and_its_vote(tmp_path, language):
    found = replace(programme_report(), sittings=(*programme_report().sittings, replace(
        built.three_sittings().sittings[1], ballots=report().sittings[0].ballots)))
    charts = written(tmp_path, found, language).worksheets[-1]._charts
    titles = [title_text(chart.title) for chart in charts]
    assert titles == ["Atelier santé\nPriorités de la filière", "Atelier santé (2)\nPriorités de la filière"]


def test_a_vote_on_many_options_is_charted_whole_with_bars_sized_to_their_number(tmp_path):
    charts = written(tmp_path, built.with_a_long_vote(30))["Charts"]._charts
    dots, many = charts
    assert title_text(many.title) == "Atelier santé\nIdées à retenir"
    assert _height(many) == pytest.approx(synthesis_charts.height(30)) and _height(many) > _height(dots)
    assert str(many.series[0].cat.strRef.f) == "'Results'!$E$7:$E$36"  # every one of the 30 labels, as text
    assert many.x_axis.tickLblSkip == 1  # none skipped


def test_a_vote_on_more_options_than_a_page_holds_charts_the_first_ones(tmp_path):
    charts = written(tmp_path, built.with_a_long_vote(57))["Charts"]._charts
    many = charts[-1]
    assert title_text(many.title) == "Atelier santé\nIdées à retenir (the first 40 of 57 options)"
    assert str(many.series[0].val.numRef.f) == "'Results'!$F$7:$F$46"  # after the 5 rows of the other ballots
    french = written(tmp_path, built.with_a_long_vote(57), "fr")["Graphiques"]._charts[-1]
    assert title_text(french.title).endswith("(les 40 premières options sur 57)")


def test_charts_never_straddle_a_page(tmp_path):
    base = report().sittings[0]
    found = replace(report(), sittings=(replace(base, ballots=tuple(built.many_options(n, f"Vote {n}")
                                                                    for n in (12, 30, 5, 40, 8, 20))),))
    sheet = written(tmp_path, found)["Charts"]
    breaks = [0, *(b.id for b in sheet.row_breaks.brk), 10_000]  # a break after row n: the next page at row n
    assert len(breaks) > 4 and sheet.sheet_format.defaultRowHeight == 15 and sheet.sheet_format.customHeight
    for chart in sheet._charts:
        top = chart.anchor._from.row  # 0-based
        bottom = top + math.ceil(_height(chart) / synthesis_charts.ROW_CM) - 1
        (start,) = [start for start, end in itertools.pairwise(breaks) if start <= top < end]
        assert bottom < start + synthesis_charts.PAGE_ROWS, (top, bottom, start)


def _height(chart: object) -> float:
    """A chart's height in centimetres, as its anchor in the sheet gives it."""
    return chart.anchor.ext.cy / 360_000  # type: ignore[attr-defined]  # EMU


def test_the_attendance_chart_has_one_bar_per_group_whatever_the_number_of_sittings(tmp_path):
    workbook = written(tmp_path, built.many_sittings(45))
    assert workbook["Attendance"]._charts == []  # 45 sittings × 3 groups would be 135 bars
    (chart,) = workbook["People by group"]._charts
    assert title_text(chart.title) == "People present by stakeholder group\nWhole programme"
    assert str(chart.series[0].val.numRef.f) == "'People by group'!$C$2:$C$4"  # three groups
    (one,) = written(tmp_path, report())["Attendance"]._charts
    assert title_text(one.title) == "Present by stakeholder group\nAtelier santé"


@pytest.mark.parametrize(("language", "locale", "title"), [("fr", "fr-FR", "Synthèse"), ("en", "en-GB", "Synthesis")])
def test_the_file_says_what_it_is_who_made_it_and_when(tmp_path, language, locale, title):
    found = replace(report(), written_at=WRITTEN_AT)
    written(tmp_path, found, language)
    path = tmp_path / f"synthesis-{language}.xlsx"
    import openpyxl

    properties = openpyxl.load_workbook(path).properties
    assert properties.title == f"{title} — Plan économique du quartier Gare-Confluence"
    assert properties.subject == "Atelier santé"
    assert properties.creator == properties.lastModifiedBy == "Claire Vasseur, Julien Ombredane"
    assert properties.created == properties.modified == dt.datetime(2027, 2, 3, 9, 30)
    assert properties.language == locale
    with zipfile.ZipFile(path) as archive:
        application = archive.read("docProps/app.xml").decode()
    assert "<Application>Workshop Desk</Application>" in application and "penpyxl" not in application


def test_without_facilitators_the_client_is_the_creator(tmp_path):
    base = report().sittings[0]
    found = replace(report(), sittings=(replace(base, sitting=replace(base.sitting, facilitators="")),))
    path = tmp_path / "synthesis-en.xlsx"
    written(tmp_path, found)
    import openpyxl

    assert openpyxl.load_workbook(path).properties.creator == "Ville de Saint-Aubin"
