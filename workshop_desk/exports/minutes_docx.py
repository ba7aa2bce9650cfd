"""The minutes (compte rendu) of a sitting, or the consolidated report of a whole programme (.docx).

Cover, table of contents, context and objectives, attendance, agenda as run, contributions and results by
agenda item, decisions, priorities, action plan, annexes with every raw contribution. Sections whose data is
absent are left out."""

from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK
from docx.image.exceptions import UnrecognizedImageError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from workshop_desk.domain.report import (
    ACTIONS,
    AGENDA,
    ANNEXES,
    ATTENDANCE,
    CONTRIBUTIONS,
    PRIORITIES,
    VOTES,
    ProgrammeReport,
    ReportOptions,
    SittingReport,
)
from workshop_desk.exports import docx_base as base
from workshop_desk.exports import minutes_sections as sections
from workshop_desk.exports import minutes_summary as summary
from workshop_desk.exports.attendance_docx import add_details, add_page_furniture, add_styles
from workshop_desk.exports.minutes_sections import Minutes, Translate, number
from workshop_desk.i18n import translator

PAGE = base.PageSetup(top=20.0, bottom=20.0, left=20.0, right=20.0, header=10.0, footer=10.0)


def write_minutes(path: Path, report: ProgrammeReport, language: str, options: ReportOptions) -> Path:
    """Write the minutes of the report's sitting, or the programme's consolidated report; returns `path`."""
    _ = translator(language)
    options = options.for_programme(report.programme)
    invitation = not report.whole_programme and not report.sittings[0].held
    title = _("Programme report") if report.whole_programme else _("Invitation and agenda") if invitation else \
        _("Minutes")
    document = base.new_document(language, f"{title} — {report.programme.title}", PAGE)
    _set_up(document)
    m = Minutes(document, add_styles(document), _, language, options, PAGE.text_width)
    _cover(m, report, title)
    if invitation:  # a sitting yet to come: what the invited need, no empty headings
        summary.invitation(m, report, report.sittings[0])
        add_page_furniture(document, _, _header(_, report, language), "", m.styles)
        return base.save_atomically(document, path)
    contents = _contents_placeholder(m)
    summary.essentials(m, report)
    if report.whole_programme:
        _programme(m, report)
    else:
        _sitting(m, report, report.sittings[0], level=1)
        if options.wants(ACTIONS):
            sections.action_plan(m, report.actions, report.priority_titles(), 1)
        if options.wants(ANNEXES):
            sections.annexes(m, report.sittings[0], 1)
    _fill_contents(m, contents, 1 if report.whole_programme else 2)
    add_page_furniture(document, _, _header(_, report, language), "", m.styles)
    return base.save_atomically(document, path)


def _set_up(document: DocxDocument) -> None:
    """Arial in the deeper headings too, a subtitle style, and Word asked to refresh the fields on opening."""
    for name in ("Heading 3", "Heading 4", "Subtitle", "List Bullet", "TOC Heading"):
        if name in [style.name for style in document.styles]:
            fonts = document.styles[name].element.get_or_add_rPr().get_or_add_rFonts()
            for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                fonts.attrib.pop(qn(attribute), None)
            for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                fonts.set(qn(attribute), base.FONT)
    for name, size in (("Heading 3", 11), ("Heading 4", 10)):
        document.styles[name].font.size = Pt(size)
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


def _header(_: Translate, report: ProgrammeReport, language: str) -> str:
    if report.whole_programme:
        start, end = report.programme.start_date, report.programme.end_date
        days = " – ".join(base.long_date(day, language) for day in dict.fromkeys((start, end)) if day)
        return " · ".join(part for part in (report.programme.title, days) if part)
    sitting = report.sittings[0].sitting
    return " · ".join(part for part in (report.programme.title, sitting.title,
                                        base.long_date(sitting.date, language)) if part)


def _cover(m: Minutes, report: ProgrammeReport, title: str) -> None:
    _ = m._
    document, programme = m.document, report.programme
    document.sections[0].different_first_page_header_footer = True
    if programme.logo:
        paragraph = document.add_paragraph(style=m.normal)
        try:
            m.pictures.add(paragraph, programme.logo, 45.0)
        except (UnrecognizedImageError, ValueError, KeyError):  # SVG or unreadable: no logo rather than no minutes
            paragraph._p.getparent().remove(paragraph._p)
    document.add_paragraph(style=m.normal).paragraph_format.space_before = Pt(80)
    base.add_paragraph(document, programme.title, document.styles["Title"])
    subtitle = title if report.whole_programme else f"{title} — {report.sittings[0].sitting.title}"
    base.add_paragraph(document, subtitle, document.styles["Subtitle"])
    lines = [(_("Client:"), programme.client), (_("Territory:"), programme.territory)]
    if report.whole_programme:
        lines.append((_("Sittings:"), str(len(report.sittings))))
    else:
        sitting = report.sittings[0].sitting
        lines += [(_("Date:"), base.long_date(sitting.date, m.language)),
                  (_("Times:"), base.times(sitting, m.language)),
                  (_("Venue:"), sitting.venue), (_("Facilitators:"), sitting.facilitators)]
    add_details(document, [(label, value) for label, value in lines if value.strip()], m.styles)
    document.add_paragraph(style=m.normal).add_run().add_break(WD_BREAK.PAGE)


def _contents_placeholder(m: Minutes) -> Paragraph:
    base.add_paragraph(m.document, m._("Contents"), m.document.styles["TOC Heading"]
                       if "TOC Heading" in [s.name for s in m.document.styles] else m.document.styles["Heading 1"])
    marker = m.document.add_paragraph(style=m.normal)
    m.document.add_paragraph(style=m.normal).add_run().add_break(WD_BREAK.PAGE)
    return marker


def _fill_contents(m: Minutes, marker: Paragraph, depth: int) -> None:
    """A TOC field over headings 1 to `depth`, holding the headings (without page numbers) until Word updates
    it: Word is asked to update the fields on opening; LibreOffice shows them as they are."""
    entries = [(level, text) for level, text in m.headings if level <= depth]
    begin = marker.insert_paragraph_before(style=m.normal)
    _field_char(begin, "begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f' TOC \\o "1-{depth}" \\h \\z \\u '
    begin.add_run()._r.append(code)
    _field_char(begin, "separate")
    names = {style.name for style in m.document.styles}
    for level in range(1, depth + 1):  # Word's own "toc N" styles, which its TOC update uses too
        if f"toc {level}" not in names:
            style = base.add_paragraph_style(m.document, f"toc {level}", 10)
            style.paragraph_format.left_indent = Pt(12 * (level - 1))
            style.paragraph_format.space_after = Pt(3 if level > 1 else 4)
    for level, text in entries:
        base.write(marker.insert_paragraph_before(style=m.document.styles[f"toc {level}"]), text)
    _field_char(marker, "end")


def _field_char(paragraph: Paragraph, kind: str) -> None:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(element)


def _sitting(m: Minutes, report: ProgrammeReport, sitting: SittingReport, level: int) -> None:
    options = m.options
    sections.context(m, sitting, report.programme.objectives if not report.whole_programme else "", level)
    if options.wants(ATTENDANCE):
        sections.attendance(m, sitting, dict(report.group_names()), report.groups, level)
    if options.wants(AGENDA):
        sections.agenda(m, sitting, level)
    if options.wants(CONTRIBUTIONS) or options.wants(VOTES):
        sections.contributions(m, _only_votes(sitting) if not options.wants(CONTRIBUTIONS) else sitting, level)
    if options.wants(VOTES):
        sections.decisions(m, sitting, level)
    if options.wants(PRIORITIES):
        sections.priorities(m, sitting, level)


def _only_votes(sitting: SittingReport) -> SittingReport:
    """The sitting with its ballots but none of its notes, speakers or questions (contributions left out)."""
    return SittingReport(sitting.sitting, sitting.items, ballots=sitting.ballots)


def _programme(m: Minutes, report: ProgrammeReport) -> None:
    _ = m._
    if report.programme.objectives.strip():
        m.heading(_("Context and objectives"), 1)
        for line in filter(None, (line.strip() for line in report.programme.objectives.splitlines())):
            m.paragraph(line)
    for sitting in report.sittings:
        m.heading(sitting.sitting.title, 1, new_page=True)
        when = " · ".join(part for part in (base.long_date(sitting.sitting.date, m.language),
                                            base.times(sitting.sitting, m.language), sitting.sitting.venue) if part)
        if when:
            m.paragraph(when)
        if not sitting.held:
            m.paragraph(_("This sitting has not taken place yet."))
        _sitting(m, report, sitting, level=2)
    if m.options.wants(PRIORITIES) and report.consolidated:
        m.heading(_("Consolidated priorities"), 1, new_page=True)
        m.paragraph(_("The same priority retained by several sittings is listed once; those retained by more "
                      "sittings come first, then those with more support in their votes."))
        m.table([14.0, m.width - 14.0 - 80.0, 80.0], [_("Rank"), _("Priority"), _("Retained by (share of the vote)")],
                [[str(c.rank), c.title, sections.retained_by(m, c, report)] for c in report.consolidated], figures=0)
    if m.options.wants(ACTIONS):
        sections.action_plan(m, report.actions, report.priority_titles(), 1, new_page=True)
    if m.options.wants(ANNEXES):
        wanted = [s for s in report.sittings if s.ideas or s.questions]
        if wanted:
            m.heading(_("Annexes: every contribution"), 1, new_page=True)
        for sitting in wanted:
            m.heading(sitting.sitting.title, 2)
            sections.annexes(m, sitting, 2, titled=False)


__all__ = ["number", "write_minutes"]
