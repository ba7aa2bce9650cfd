"""The deliverables of a large programme: an 800-person seminar (a plenary and six parallel workshops), 2,000 ideas
and 20,000 votes (dots), built through the services. Times the Word minutes and the Excel synthesis of the whole
programme (goal ≤ 3 s each) against bare python-docx and openpyxl scripts writing the same content, and the whole
`workshop-desk export synthesis` process (goal ≤ 3 s; ≤ 10 s for `--times 10`: ten such seminars, 8,000 people,
200,000 votes, in one programme).

    python tests/benchmarks/bench_deliverables.py [--keep DIR] [--times N] [--synthesis-only | --minutes-only]

With --keep, a programme already built in DIR is reused (delete DIR/seminaire-xN.wdesk to rebuild it).
"""

import datetime as dt
import io
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from workshop_desk.domain.enums import AttendanceStatus, BallotMethod, SittingKind
from workshop_desk.domain.ideas import IdeaDraft
from workshop_desk.domain.models import ParticipantDraft, ProgrammeDraft, SittingDraft
from workshop_desk.domain.report import ProgrammeReport, ReportOptions
from workshop_desk.domain.voting import BallotPaper, DotSettings, Mark
from workshop_desk.exports.charts import bar_chart
from workshop_desk.exports.minutes_docx import write_minutes
from workshop_desk.exports.synthesis_xlsx import write_synthesis
from workshop_desk.services.deliverables import programme_report
from workshop_desk.services.workspace import Workspace

PEOPLE, WORKSHOPS, IDEAS, RUNS = 800, 6, 2_000, 3
DOTS = 5  # per ballot paper: 4,000 papers make 20,000 dots


def build(folder: Path, times: int = 1) -> Workspace:
    """The seminar (`times` of them in one programme), through the services (bulk calls where they exist)."""
    workspace = Workspace.create(folder / f"seminaire-x{times}.wdesk", ProgrammeDraft(
        "Séminaire régional de l'économie sociale et solidaire", client="Région", start_date=dt.date(2027, 6, 10),
        objectives="Construire la feuille de route régionale."), folder / "backups")
    for number in range(times):
        _seminar(workspace, number, f" ({number + 1})" if times > 1 else "")
    return workspace


def _seminar(workspace: Workspace, number: int, suffix: str) -> None:
    """A plenary of 800 new people, then six workshops of a sixth of them each."""
    groups = [g.id for g in workspace.programmes.groups()]
    first = number * PEOPLE
    people = workspace.participants.add_many([ParticipantDraft(f"Prénom{n}", f"Nom {n:05d}",
                                                               organisation=f"Structure {n}",
                                                               group_id=groups[n % len(groups)])
                                              for n in range(first, first + PEOPLE)])
    ids = [p.id for p in people]
    day = dt.date(2027, 6, 10) + dt.timedelta(days=7 * number)
    plenary = workspace.sittings.create(SittingDraft(f"Plénière d'ouverture{suffix}", SittingKind.PLENARY, day,
                                                     dt.time(9), dt.time(10, 30), "Palais des congrès"),
                                        "plenary").sitting
    workspace.attendance.set_status(plenary.id, ids, AttendanceStatus.PRESENT)
    per_workshop = IDEAS // WORKSHOPS
    for w in range(WORKSHOPS):
        draft = SittingDraft(f"Atelier {w + 1} — thème {w + 1}{suffix}", SittingKind.WORKSHOP, day, dt.time(11),
                             dt.time(12, 30), f"Salle {w + 1}")
        sitting = workspace.sittings.create(draft, "workshop").sitting
        members = ids[w::WORKSHOPS]
        workspace.attendance.set_status(sitting.id, members, AttendanceStatus.PRESENT)
        count = per_workshop + (IDEAS - per_workshop * WORKSHOPS if w == WORKSHOPS - 1 else 0)
        ideas = workspace.ideas.add_many(sitting.id, [IdeaDraft(f"Idée {w}-{n} : une proposition assez longue pour "
                                                                f"tenir sur une ligne ou deux") for n in range(count)],
                                         positions=[(float(n), 0.0) for n in range(count)])
        for t in range(6):
            workspace.themes.create(sitting.id, f"Thème {t + 1}", [i.id for i in ideas[t::6]])
        _vote(workspace, sitting.id, "Priorités", [i.id for i in ideas[:30]], members)
        _vote(workspace, sitting.id, "Premiers pas", [i.id for i in ideas[30:50]], members)
        _run(workspace, sitting.id)
    _vote(workspace, plenary.id, "Priorités régionales", [], ids, labels=[f"Orientation {n}" for n in range(12)])
    _vote(workspace, plenary.id, "Chantiers prioritaires", [], ids, labels=[f"Chantier {n}" for n in range(15)])
    _vote(workspace, plenary.id, "Partenariats", [], ids, labels=[f"Partenariat {n}" for n in range(10)])
    _run(workspace, plenary.id)


def _vote(workspace: Workspace, sitting_id: int, title: str, idea_ids: list[int], voters: list[int],
          labels: list[str] | None = None) -> None:
    ballot = workspace.ballots.create(sitting_id, title, BallotMethod.DOTS, labels or (), idea_ids=idea_ids,
                                      settings=DotSettings(DOTS, 0))
    workspace.ballots.open(ballot.id)
    options = [o.id for o in ballot.options]
    papers = [BallotPaper(str(n + 1), tuple(Mark(options[(n * 7 + d) % len(options)], 1) for d in range(DOTS)))
              for n in range(len(voters))]
    workspace.ballots.cast_many(ballot.id, papers)
    workspace.ballots.close(ballot.id)
    for priority in workspace.priorities.promote(ballot.id)[:3]:
        workspace.priorities.action_from_priority(priority.id)


def _run(workspace: Workspace, sitting_id: int) -> None:
    agenda = workspace.run.start(sitting_id)
    for _item in agenda.items[1:]:
        workspace.run.step(sitting_id, 1)
    workspace.run.stop(sitting_id)


def bare_minutes(report: ProgrammeReport, charts: list[bytes], path: Path) -> None:
    """The same headings, lists, tables and chart pictures, written the fastest way python-docx's public API
    allows: styles looked up once, each table made whole at its size (`add_table(rows, cols)` builds its XML at
    once, where `add_row` works out each new row's cell widths), cells filled through a run of their first
    paragraph (`cell.text =` first empties the cell)."""
    import docx
    from docx.shared import Mm

    document = docx.Document()
    bullet = document.styles["List Bullet"]

    def table(rows: list[list[str]]) -> None:
        if not rows:
            return
        made = document.add_table(rows=len(rows), cols=len(rows[0]))
        for row, values in zip(made.rows, rows, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.paragraphs[0].add_run(value)

    document.add_heading(report.programme.title, 0)
    pictures = iter(charts)
    for s in report.sittings:
        document.add_heading(s.sitting.title, 1)
        table([[group.name, "1", "1", "100%"] for group in report.groups])
        table([[item.title, "09:00", "09:10", "10", ""] for item in s.items])
        for theme in s.themes:
            document.add_heading(theme.name, 3)
            for idea in s.ideas:
                if idea.theme_id == theme.id:
                    document.add_paragraph(f"{idea.text} (3 votes)", style=bullet)
        for entry in s.ballots:
            table([[str(row.rank), row.label, str(row.score)] for row in entry.result.rows])
            document.add_picture(io.BytesIO(next(pictures)), width=Mm(160))
        table([[str(p.position), p.title, p.justification, "1"] for p in s.priorities])
    table([[a.title, a.lead, "\n".join(i.name for i in a.indicators), "", ""] for a in report.actions])
    for s in report.sittings:
        table([[str(n), idea.text, "Thème", ""] for n, idea in enumerate(s.ideas, start=1)])
    document.save(str(path))


def bare_synthesis(report: ProgrammeReport, path: Path) -> None:
    """The same rows in write-only sheets with tables and one chart per ballot, with openpyxl's own calls."""
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference
    from openpyxl.worksheet.table import Table, TableColumn

    workbook = Workbook(write_only=True)
    sheets: dict[str, list[list[object]]] = {"Ideas": [], "Votes": [], "Results": [], "Timings": [], "Attendance": []}
    for s in report.sittings:
        sheets["Attendance"] += [[s.sitting.title, g.name, 1, 1, 1.0] for g in report.groups]
        sheets["Ideas"] += [[s.sitting.title, "", "Thème", "", i.text, 3] for i in s.ideas]
        for entry in s.ballots:
            labels = {o.id: o.label for o in entry.ballot.options}
            for n, paper in enumerate(entry.votes.papers, start=1):
                sheets["Votes"] += [[s.sitting.title, entry.ballot.title, f"V{n:04d}", "", "Console",
                                     labels[m.option_id], "", "", m.value] for m in paper.marks]
            sheets["Results"] += [[s.sitting.title, entry.ballot.title, "Dots", r.rank, r.label, r.score, 1]
                                  for r in entry.result.rows]
        sheets["Timings"] += [[s.sitting.title, i.title, None, None, i.planned_minutes, None] for i in s.items]
    for name, rows in sheets.items():
        ws = workbook.create_sheet(name)
        ws.freeze_panes = "A2"
        width = len(rows[0])
        ws.append([f"Column {n}" for n in range(width)])
        for row in rows:
            ws.append(row)
        table = Table(displayName=name, ref=f"A1:{chr(64 + width)}{len(rows) + 1}")
        table.tableColumns = [TableColumn(id=n + 1, name=f"Column {n}") for n in range(width)]
        with warnings.catch_warnings():  # the columns are added above
            warnings.simplefilter("ignore", UserWarning)
            ws.add_table(table)
    charts = workbook.create_sheet("Charts")
    results = workbook["Results"]
    start = 2
    for s in report.sittings:
        for entry in s.ballots:
            chart = BarChart()
            chart.add_data(Reference(results, min_col=6, min_row=start, max_row=start + len(entry.result.rows) - 1))
            charts.add_chart(chart, f"A{start}")
            start += len(entry.result.rows)
    workbook.save(str(path))


def timed(write: Callable[[Path], object], path: Path) -> float:
    times = []
    for _run_number in range(RUNS):
        started = time.perf_counter()
        write(path)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def process(file: Path, out: Path, kind: str = "synthesis") -> float:
    """Seconds the whole `workshop-desk export KIND` command takes, from start to exit (median of RUNS)."""
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root), "XDG_DATA_HOME": str(out.parent / "home"),
           "XDG_CONFIG_HOME": str(out.parent / "home")}
    times, cpu = [], []
    for _run_number in range(RUNS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "workshop_desk", "export", kind, str(file), "--out", str(out),
                        "--lang", "fr"], check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    # On a machine busy with other work the wall time grows; the processor time the command used does not much.
    print(f"whole `export {kind}` process: {statistics.median(times):.2f} s wall, "
          f"{statistics.median(cpu):.2f} s of processor time (load average {os.getloadavg()[0]:.1f})")
    return statistics.median(times)


def _open_or_build(folder: Path, times: int) -> Workspace:
    file = folder / f"seminaire-x{times}.wdesk"
    if file.exists():
        return Workspace.open(file, folder / "backups")
    started = time.perf_counter()
    workspace = build(folder, times)
    print(f"built through the services in {time.perf_counter() - started:.1f} s")
    return workspace


def main() -> None:
    keep = Path(sys.argv[sys.argv.index("--keep") + 1]) if "--keep" in sys.argv else None
    times = int(sys.argv[sys.argv.index("--times") + 1]) if "--times" in sys.argv else 1
    with tempfile.TemporaryDirectory() as temporary:
        folder = keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        workspace = _open_or_build(folder, times)
        started = time.perf_counter()
        report = programme_report(workspace)
        gathered = time.perf_counter() - started
        papers = sum(len(b.votes.papers) for s in report.sittings for b in s.ballots)
        dots = sum(len(p.marks) for s in report.sittings for b in s.ballots for p in b.votes.papers)
        ideas = sum(len(s.ideas) for s in report.sittings)
        print(f"{len(report.sittings)} sittings, {PEOPLE} people, {ideas} ideas, {papers} ballot papers, {dots} votes;"
              f" gathered from the file in {gathered:.2f} s")
        options = ReportOptions()
        if "--synthesis-only" in sys.argv:
            synthesis = timed(lambda p: write_synthesis(p, report, "fr", options), folder / "synthesis.xlsx")
            workspace.database.close()
            whole = process(folder / f"seminaire-x{times}.wdesk", folder / "process.xlsx")
            print(f"synthesis (.xlsx): {synthesis:.2f} s written; whole `export synthesis` process {whole:.2f} s "
                  f"(goal ≤ {3 if times == 1 else 10} s)")
            return
        if "--minutes-only" in sys.argv:
            charts = [bar_chart([(r.label, r.score or 0.0) for r in b.result.rows][:15])
                      for s in report.sittings for b in s.ballots]
            minutes = timed(lambda p: write_minutes(p, report, "fr", options), folder / "minutes.docx")
            bare_docx = timed(lambda p: bare_minutes(report, charts, p), folder / "bare.docx")
            workspace.database.close()
            whole = process(folder / f"seminaire-x{times}.wdesk", folder / "process.docx", "minutes")
            print(f"minutes (.docx): {minutes:.2f} s written, bare python-docx {bare_docx:.2f} s, ratio "
                  f"{minutes / bare_docx:.2f} (goal ≤ 1.5); whole `export minutes` process {whole:.2f} s (goal ≤ 3 s)")
            return
        charts = [bar_chart([(r.label, r.score or 0.0) for r in b.result.rows][:15])
                  for s in report.sittings for b in s.ballots]
        minutes = timed(lambda p: write_minutes(p, report, "fr", options), folder / "minutes.docx")
        bare_docx = timed(lambda p: bare_minutes(report, charts, p), folder / "bare.docx")
        synthesis = timed(lambda p: write_synthesis(p, report, "fr", options), folder / "synthesis.xlsx")
        bare_xlsx = timed(lambda p: bare_synthesis(report, p), folder / "bare.xlsx")
        workspace.database.close()
        whole = process(folder / f"seminaire-x{times}.wdesk", folder / "process.xlsx")
        whole_minutes = process(folder / f"seminaire-x{times}.wdesk", folder / "process.docx", "minutes")
    print(f"minutes (.docx):   {minutes:.2f} s written, bare python-docx {bare_docx:.2f} s, "
          f"ratio {minutes / bare_docx:.2f} (goal ≤ 1.5); whole `export minutes` process {whole_minutes:.2f} s "
          f"(goal ≤ 3 s)")
    print(f"synthesis (.xlsx): {synthesis:.2f} s (goal ≤ 3 s), bare openpyxl {bare_xlsx:.2f} s, "
          f"ratio {synthesis / bare_xlsx:.2f} (goal ≤ 1.5); whole `export synthesis` process {whole:.2f} s "
          f"(goal ≤ {3 if times == 1 else 10} s)")


if __name__ == "__main__":
    main()
