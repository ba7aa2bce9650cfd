"""The minutes (compte rendu) of a sitting, or the consolidated report of a whole programme (.docx).

A sitting's minutes open on a title block (the client's logo, what and when) followed by the sections: context and
objectives, attendance, agenda as run, contributions and results by agenda item, decisions, priorities, action
plan, annexes with every raw contribution. They have no table of contents: a few pages need none. The programme
report opens on a cover page with the programme's objectives and a table of contents, then gives each sitting,
the consolidated priorities, the action plan and the annexes a chapter starting on a new page. Sections whose
data is absent are left out."""

from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
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
from workshop_desk.exports import docx_fields
from workshop_desk.exports import minutes_contributions as contributions
from workshop_desk.exports import minutes_outcomes as outcomes
from workshop_desk.exports import minutes_sections as sections
from workshop_desk.exports import minutes_summary as summary
from workshop_desk.exports.attendance_docx import add_details, add_page_furniture, add_styles
from workshop_desk.exports.minutes_sections import Heading, Minutes, Translate, number
from workshop_desk.i18n import translator

PAGE = base.PageSetup(top=20.0, bottom=20.0, left=20.0, right=20.0, header=10.0, footer=10.0)
LOGO_WIDTH, LOGO_HEIGHT = 45.0, 25.0  # mm at most: the client's logo on the cover


def write_minutes(path: Path, report: ProgrammeReport, language: str, options: ReportOptions) -> Path:
    """Write the minutes of the report's sitting, or the programme's consolidated report; returns `path`."""
    _ = translator(language)
    options = options.for_programme(report.programme)
    invitation = not report.whole_programme and not report.sittings[0].held
    kind = _("Programme report") if report.whole_programme else _("Invitation and agenda") if invitation else \
        _("Minutes")
    what = report.programme.title if report.whole_programme else report.sittings[0].sitting.title
    document = base.new_document(language, f"{kind} — {what}", PAGE, subject=report.programme.title,
                                 author=_authors(report), now=report.written_at)
    _set_up(document)
    m = Minutes(document, add_styles(document), _, language, options, PAGE.text_width)
    _cover(m, report, kind)
    if invitation:  # a sitting yet to come: what the invited need, no empty headings
        summary.invitation(m, report, report.sittings[0])
        add_page_furniture(document, _, _header(_, report, language), "", m.styles)
        return base.save_atomically(document, path)
    if report.whole_programme:
        _programme(m, report)
    else:
        _sitting_minutes(m, report)
    add_page_furniture(document, _, _header(_, report, language), "", m.styles)
    return base.save_atomically(document, path)


def _authors(report: ProgrammeReport) -> str:
    """The facilitators of the sittings reported on (the client when none is named)."""
    return base.authors(*(s.sitting.facilitators for s in report.sittings), fallback=report.programme.client)


def _set_up(document: DocxDocument) -> None:
    """Arial in the deeper headings too, and the sizes of headings 3 and 4."""
    for name in ("Heading 3", "Heading 4", "Subtitle", "List Bullet", "TOC Heading"):
        fonts = document.styles[name].element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attribute), None)
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), base.FONT)
    for name, size in (("Heading 3", 11), ("Heading 4", 10)):
        document.styles[name].font.size = Pt(size)


def _header(_: Translate, report: ProgrammeReport, language: str) -> str:
    if report.whole_programme:
        start, end = report.programme.start_date, report.programme.end_date
        days = " – ".join(base.long_date(day, language) for day in dict.fromkeys((start, end)) if day)
        return " · ".join(part for part in (report.programme.title, days) if part)
    sitting = report.sittings[0].sitting
    return " · ".join(part for part in (report.programme.title, sitting.title,
                                        base.long_date(sitting.date, language)) if part)


# --- The first page --------------------------------------------------------------------------------------------

def _cover(m: Minutes, report: ProgrammeReport, kind: str) -> None:
    """The client's logo, the programme's title, what the document is, and the facts that identify it. The first
    page has no running header (the cover says it all) but keeps its page number."""
    _ = m._
    document, programme = m.document, report.programme
    document.sections[0].different_first_page_header_footer = True
    logo = base.readable_picture(programme.logo)
    if logo:
        m.pictures.add(document.add_paragraph(style=m.normal), logo, LOGO_WIDTH, LOGO_HEIGHT)
    space = document.add_paragraph(style=m.normal)
    space.paragraph_format.space_before = Pt(60 if report.whole_programme else 6)
    base.add_paragraph(document, programme.title, document.styles["Title"])
    subtitle = kind if report.whole_programme else f"{kind} — {report.sittings[0].sitting.title}"
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


# --- A sitting's minutes ---------------------------------------------------------------------------------------

def _sitting_minutes(m: Minutes, report: ProgrammeReport) -> None:
    """The sections follow the title block on the first page."""
    sitting = report.sittings[0]
    summary.essentials(m, report)  # the first page: the title block and the key points
    _sitting(m, report, sitting, level=1)
    if m.options.wants(ACTIONS):
        outcomes.action_plan(m, report.actions, report.priority_titles(), 1)
    if m.options.wants(ANNEXES):
        outcomes.annexes(m, sitting, 1)


def _sitting(m: Minutes, report: ProgrammeReport, sitting: SittingReport, level: int) -> None:
    options = m.options
    sections.context(m, sitting, report.programme.objectives if not report.whole_programme else "", level)
    if options.wants(ATTENDANCE):
        sections.attendance(m, sitting, dict(report.group_names()), report.groups, level)
    if options.wants(AGENDA):
        sections.agenda(m, sitting, level)
    if options.wants(CONTRIBUTIONS) or options.wants(VOTES):
        contributions.contributions(m, _only_votes(sitting) if not options.wants(CONTRIBUTIONS) else sitting, level)
    if options.wants(VOTES):
        outcomes.decisions(m, sitting, level)
    if options.wants(PRIORITIES):
        outcomes.priorities(m, sitting, level)


def _only_votes(sitting: SittingReport) -> SittingReport:
    """The sitting with its ballots but none of its notes, speakers or questions (contributions left out)."""
    return SittingReport(sitting.sitting, sitting.items, ballots=sitting.ballots)


# --- The programme report --------------------------------------------------------------------------------------

def _programme(m: Minutes, report: ProgrammeReport) -> None:
    """The cover page also holds the programme's objectives and the contents; each chapter starts a new page."""
    _ = m._
    if report.programme.objectives.strip():
        m.heading(_("Context and objectives"), 1)
        for line in filter(None, (line.strip() for line in report.programme.objectives.splitlines())):
            m.paragraph(line)
    contents = _contents_place(m)
    first = len(m.headings)
    summary.essentials(m, report, new_page=True)
    for sitting in report.sittings:
        m.heading(sitting.sitting.title, 1, new_page=True)
        when = " · ".join(part for part in (base.long_date(sitting.sitting.date, m.language),
                                            base.times(sitting.sitting, m.language), sitting.sitting.venue) if part)
        if when:
            m.paragraph(when)
        if not sitting.held:
            m.paragraph(_("This sitting has not taken place yet."))
        _sitting(m, report, sitting, level=2)
    _consolidated(m, report)
    if m.options.wants(ACTIONS):
        outcomes.action_plan(m, report.actions, report.priority_titles(), 1, new_page=True)
    if m.options.wants(ANNEXES):
        _annexes(m, report)
    _fill_contents(m, contents, [h for h in m.headings[first:] if h.level == 1])


def _consolidated(m: Minutes, report: ProgrammeReport) -> None:
    if not (m.options.wants(PRIORITIES) and report.consolidated):
        return
    _ = m._
    m.heading(_("Consolidated priorities"), 1, new_page=True)
    m.paragraph(_("The same priority retained by several sittings is listed once; those retained by more "
                  "sittings come first, then those with more support in their votes."))
    m.table([14.0, m.width - 14.0 - 80.0, 80.0], [_("Rank"), _("Priority"), _("Retained by (share of the vote)")],
            [[str(c.rank), c.title, outcomes.retained_by(m, c, report)] for c in report.consolidated], figures=0)


def _annexes(m: Minutes, report: ProgrammeReport) -> None:
    wanted = [s for s in report.sittings if s.ideas or s.questions]
    if wanted:
        m.heading(m._("Annexes: every contribution"), 1, new_page=True)
    for sitting in wanted:
        m.heading(sitting.sitting.title, 2)
        outcomes.annexes(m, sitting, 2, titled=False)


# --- Contents --------------------------------------------------------------------------------------------------

def _contents_place(m: Minutes) -> Paragraph:
    """The contents' title, which its entries follow once the chapters are written."""
    return base.add_paragraph(m.document, m._("Contents"), m.document.styles["TOC Heading"])


def _fill_contents(m: Minutes, title: Paragraph, chapters: list[Heading]) -> None:
    """One line per chapter: its title, dot leaders and its page number, a PAGEREF field to a bookmark on the
    chapter's heading. LibreOffice computes such a field as it lays the pages out (it leaves a TOC field as it
    was written); Word computes it when it updates the fields, which the file asks it to do on opening."""
    if not chapters:
        title._p.getparent().remove(title._p)
        return
    style = base.add_paragraph_style(m.document, "toc 1", 10)
    style.paragraph_format.space_after = Pt(4)
    style.paragraph_format.tab_stops.add_tab_stop(Mm(m.width), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    anchor = title._p
    for number_, chapter in enumerate(chapters, start=1):
        name = f"_Toc{number_:06d}"
        _bookmark(chapter.paragraph, name, number_)
        entry = base.add_paragraph(m.document, "", style)
        anchor.addnext(entry._p)
        anchor = entry._p
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), name)
        link.set(qn("w:history"), "1")
        link.append(base.write(entry, f"{chapter.text}\t")._r)
        entry._p.append(link)
        docx_fields.add_field(entry, f"PAGEREF {name} \\h", shown="")
    _update_fields_on_opening(m.document)


def _bookmark(paragraph: Paragraph, name: str, identifier: int) -> None:
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), str(identifier))
    start.set(qn("w:name"), name)
    end.set(qn("w:id"), str(identifier))
    p = paragraph._p
    p.insert(1 if p.pPr is not None else 0, start)
    p.append(end)


def _update_fields_on_opening(document: DocxDocument) -> None:
    """Word asks whether to update the fields when it opens the file (where the schema wants the setting)."""
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings = document.settings.element
    later = [child for child in settings if child.tag in _AFTER_UPDATE_FIELDS]
    if later:
        later[0].addprevious(update)
    else:
        settings.append(update)


_AFTER_UPDATE_FIELDS = {qn(f"w:{tag}") for tag in (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema",
    "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade",
    "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
    "decimalSymbol", "listSeparator")}


__all__ = ["number", "write_minutes"]
