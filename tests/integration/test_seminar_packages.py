"""The regional seminar, played through the services: a lead file prepares six laptops, six workshops run apart
(sign-ins, walk-ins, ideas, votes, priorities, actions), and their packages come back into one programme."""

import hashlib
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import quote

import docx
import pytest

from tests.dumps import dump
from tests.factories import item_draft, programme_draft, sitting_draft
from tests.unprivileged import NOBODY, as_ordinary_user, running_as_root, shared_folder
from workshop_desk.domain.enums import AttendanceStatus, BallotMethod
from workshop_desk.domain.ideas import IdeaDraft
from workshop_desk.domain.importing_plan import Choice, Decisions
from workshop_desk.domain.models import ParticipantDraft
from workshop_desk.domain.packages import LaptopPlan, RefusalReason
from workshop_desk.domain.people import draft_of
from workshop_desk.domain.priorities import ActionDraft
from workshop_desk.domain.voting import BallotPaper, Mark
from workshop_desk.services.checking import check_file
from workshop_desk.services.deliverables import export_minutes
from workshop_desk.services.packages import open_package
from workshop_desk.services.workspace import StorageError, Workspace
from workshop_desk.storage import merging
from workshop_desk.storage.header import SCHEMA_VERSION

WORKSHOPS = ("Mobilités douces", "Commerce de centre-ville", "Santé et soins", "Jeunesse", "Logement",
             "Transition agricole")
FACILITATORS = ("Julie", "Marc", "Awa", "Thomas", "Inès", "Hugo")
# Each workshop votes with its own method; two papers per method that its rules accept (options 0 and 1).
METHODS = (BallotMethod.DOTS, BallotMethod.POINTS, BallotMethod.RATING, BallotMethod.RANKING, BallotMethod.MATRIX,
           BallotMethod.CONSENT)
_PAPERS = {
    BallotMethod.DOTS: (((0, 3, ""), (1, 2, "")), ((0, 5, ""),)),
    BallotMethod.POINTS: (((0, 60, ""), (1, 40, "")), ((0, 30, ""), (1, 70, ""))),
    BallotMethod.RATING: (((0, 4, ""), (1, 2, "")), ((0, 5, ""), (1, 3, ""))),
    BallotMethod.RANKING: (((0, 1, ""), (1, 2, "")), ((1, 1, ""), (0, 2, ""))),
    BallotMethod.MATRIX: (((0, 4, "impact"), (0, 3, "feasibility"), (1, 2, "impact"), (1, 5, "feasibility")),
                          ((0, 5, "impact"), (0, 4, "feasibility"))),
    BallotMethod.CONSENT: (((0, 1, "agree"), (1, 1, "concerns")), ((0, 1, "agree"), (1, 1, "agree"))),
}
ZOE = ParticipantDraft("Zoé", "Marchand", organisation="Asso du Quartier", email="zoe.marchand@asso.fr")
REGISTRY = 60
TYPED_AGAIN = 55  # the registry person a laptop types in again as a walk-in


# --- building the seminar ----------------------------------------------------------------------------------------

@dataclass
class Seminar:
    folder: Path
    lead: Path  # the lead's file once the laptops were prepared (closed; tests copy it)
    handouts: list[Path]
    laptops: list[Path]  # the laptops' programme files (closed)
    returns: list[Path]  # the packages the laptops brought back
    expected: dict[str, dict[str, int]]  # by sitting gid: what its laptop's file holds
    deleted: list[str]  # gids deleted on a laptop (an idea and a sign-in the lead had)

    def lead_copy(self, folder: Path, name: str = "lead.wdesk") -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.lead, folder / name)
        return folder / name


def _build_lead(folder: Path) -> Workspace:
    lead = Workspace.create(folder / "lead.wdesk", programme_draft(title="Séminaire régional"), folder / "backups")
    groups = lead.programmes.groups()
    lead.participants.add_many([
        ParticipantDraft(f"Prénom{n}", f"Nom{n}", organisation=f"Structure {n % 9}", email=f"p{n}@exemple.fr",
                         group_id=groups[n % len(groups)].id) for n in range(REGISTRY)])
    people = sorted(lead.participants.all(), key=lambda p: p.id)
    for n, title in enumerate(WORKSHOPS):
        sitting = lead.sittings.create(sitting_draft(title=f"Atelier {title}")).sitting
        for k in range(3):
            lead.agenda.add(sitting.id, item_draft(title=f"Séquence {k + 1}"))
        lead.attendance.set_status(sitting.id, [p.id for p in people[n * 9:n * 9 + 10]], AttendanceStatus.REGISTERED)
        lead.ideas.add(sitting.id, IdeaDraft(f"Idée préparée pour {title}"))
    return lead


def _paper(method: BallotMethod, options: list[int], n: int, participant_id: int | None) -> BallotPaper:
    marks = tuple(Mark(options[o], v, axis=axis) for o, v, axis in _PAPERS[method][n % 2])
    return BallotPaper("", marks, participant_id=participant_id)


def _run_workshop(ws: Workspace, n: int) -> None:
    """One laptop's afternoon: sign-ins (badges, names, walk-ins), ideas and a theme, a vote on paper, priorities
    and an action."""
    sitting = ws.sittings.all()[0].id
    people = sorted(ws.participants.all(), key=lambda p: p.id)
    mine = people[n * 9:n * 9 + 8]
    present = [ws.attendance.scan(sitting, p.badge_code.lower()).participant for p in mine[:6]]
    present += [ws.attendance.sign_in(sitting, p.id).participant for p in mine[6:]]
    if n in (0, 1):  # the same walk-in, met on two laptops
        present.append(ws.attendance.walk_in(sitting, ZOE).participant)
    if n == 2:  # someone of the registry, typed in again at the door
        typed = people[TYPED_AGAIN]
        present.append(ws.attendance.walk_in(sitting, ParticipantDraft(
            typed.first_name, typed.last_name, organisation=typed.organisation, email=typed.email.upper())).participant)
    present.append(ws.attendance.walk_in(sitting, ParticipantDraft(
        f"Invité{n}", f"Sur place {n}", organisation="Riverains")).participant)
    ideas = [ws.ideas.add(sitting, IdeaDraft(f"Idée {k} de l'atelier {n}")) for k in range(6 + n)]
    ws.ideas.edit(ideas[-1].id, f"Idée reprise de l'atelier {n}")
    ws.themes.create(sitting, f"Thème {n}", [ideas[0].id, ideas[1].id])
    _vote(ws, sitting, n, ideas, present)
    if n == 3:  # deletions that must travel: the lead's prepared idea, and a registration
        prepared = [i for i in ws.ideas.ideas(sitting) if i.text.startswith("Idée préparée")]
        ws.ideas.delete_many([prepared[0].id])
        ws.attendance.uninvite(sitting, [people[n * 9 + 9].id])


def _vote(ws: Workspace, sitting: int, n: int, ideas: list, present: list) -> None:
    method = METHODS[n]
    ballot = ws.ballots.create(sitting, f"Priorités de l'atelier {n}", method, idea_ids=[ideas[0].id, ideas[1].id])
    ws.ballots.open(ballot.id)
    options = [o.id for o in ballot.options]
    papers = [_paper(method, options, k, p.id) for k, p in enumerate(present)]
    papers += [_paper(method, options, k, None) for k in range(2)]  # two anonymous papers
    ws.ballots.cast_many(ballot.id, papers)
    ws.ballots.close(ballot.id)
    priorities = ws.priorities.promote(ballot.id)
    ws.priorities.action_from_priority(priorities[0].id, ActionDraft(f"Action de l'atelier {n}", lead="Mairie"))


def _edit_role(ws: Workspace, index: int, role: str) -> None:
    person = sorted(ws.participants.all(), key=lambda p: p.id)[index]
    ws.participants.update(person.id, replace(draft_of(person), role=role))


def _reading(path: Path) -> sqlite3.Connection:
    """A connection that writes nothing, not even a log beside a closed file (as tests/dumps.py reads)."""
    mode = "mode=ro" if Path(f"{path}-wal").exists() else "immutable=1"
    return sqlite3.connect(f"file:{quote(str(path))}?{mode}", uri=True)


_PER_SITTING = {
    "attendance": "SELECT s.gid, count(*) FROM attendance t JOIN sitting s ON s.id = t.sitting_id GROUP BY s.gid",
    "present": "SELECT s.gid, count(*) FROM attendance t JOIN sitting s ON s.id = t.sitting_id "
               "WHERE t.status = 'present' GROUP BY s.gid",
    "idea": "SELECT s.gid, count(*) FROM idea t JOIN sitting s ON s.id = t.sitting_id GROUP BY s.gid",
    "theme": "SELECT s.gid, count(*) FROM theme t JOIN sitting s ON s.id = t.sitting_id GROUP BY s.gid",
    "ballot": "SELECT s.gid, count(*) FROM ballot t JOIN sitting s ON s.id = t.sitting_id GROUP BY s.gid",
    "vote": "SELECT s.gid, count(*) FROM vote v JOIN ballot t ON t.id = v.ballot_id JOIN sitting s "
            "ON s.id = t.sitting_id GROUP BY s.gid",
    "voter": "SELECT s.gid, count(DISTINCT v.ballot_id || v.voter_key) FROM vote v JOIN ballot t ON t.id = v.ballot_id "
             "JOIN sitting s ON s.id = t.sitting_id GROUP BY s.gid",
    "priority": "SELECT s.gid, count(*) FROM priority t JOIN sitting s ON s.id = t.sitting_id GROUP BY s.gid",
    "action": "SELECT s.gid, count(*) FROM action t JOIN sitting s ON s.id = t.sitting_id GROUP BY s.gid",
    "agenda": "SELECT s.gid, count(*) FROM agenda_item t JOIN sitting s ON s.id = t.sitting_id GROUP BY s.gid",
}


def per_sitting(path: Path) -> dict[str, dict[str, int]]:
    """What the file at `path` holds, by sitting global id and kind of row."""
    found: dict[str, dict[str, int]] = {}
    with closing(_reading(path)) as connection:
        for gid, in connection.execute("SELECT gid FROM sitting"):
            found[gid] = dict.fromkeys(_PER_SITTING, 0)
        for kind, sql in _PER_SITTING.items():
            for gid, count in connection.execute(sql):
                found[gid][kind] = count
    return found


def _laptop(seminar_folder: Path, n: int, handout: Path) -> tuple[Path, Path]:
    target = seminar_folder / "laptops" / f"atelier{n}.wdesk"
    open_package(handout, target)
    ws = Workspace.open(target, seminar_folder / "backups")
    try:
        _run_workshop(ws, n)
        if n == 0:
            _edit_role(ws, 0, "Élu référent (portable)")  # after the lead's edit of the same person: wins
        if n == 1:
            _edit_role(ws, 1, "Chargée de mission (portable)")  # before the lead's: set aside
        back = seminar_folder / "stick" / f"retour atelier {n}.wdpack"
        ws.packages.export([s.id for s in ws.sittings.all()], back)
    finally:
        ws.close()
    return target, back


@pytest.fixture(scope="module")
def seminar(tmp_path_factory: pytest.TempPathFactory) -> Seminar:
    folder = tmp_path_factory.mktemp("seminar")
    lead = _build_lead(folder)
    sittings = lead.sittings.all()
    handouts = lead.packages.prepare([LaptopPlan(f"Atelier {n + 1} — {name}", (sittings[n].id,))
                                      for n, name in enumerate(FACILITATORS)], folder / "stick")
    _edit_role(lead, 0, "Élu référent (siège)")
    with closing(_reading(lead.path)) as connection:
        prepared_idea = connection.execute(
            "SELECT i.gid FROM idea i WHERE i.sitting_id = ?", (sittings[3].id,)).fetchone()[0]
        registration = connection.execute(
            "SELECT a.gid FROM attendance a JOIN participant p ON p.id = a.participant_id "
            "WHERE a.sitting_id = ? ORDER BY p.id DESC LIMIT 1", (sittings[3].id,)).fetchone()[0]
    laptops, returns = [], []
    for n, handout in enumerate(handouts):
        laptop, back = _laptop(folder, n, handout)
        laptops.append(laptop)
        returns.append(back)
    _edit_role(lead, 1, "Chargée de mission (siège)")  # after laptop 1's edit: wins
    lead.close()
    expected = {}
    for laptop in laptops:
        expected.update(per_sitting(laptop))
    return Seminar(folder, folder / "lead.wdesk", handouts, laptops, returns, expected, [prepared_idea, registration])


@dataclass
class Merged:
    path: Path
    plan_rows: list  # the walk-ins' review
    reports: list


@pytest.fixture(scope="module")
def merged(seminar: Seminar, tmp_path_factory: pytest.TempPathFactory) -> Merged:
    """The lead's file with the six packages imported, the walk-ins' review taking its suggestions."""
    path = seminar.lead_copy(tmp_path_factory.mktemp("merged"))
    lead = Workspace.open(path, seminar.folder / "backups")
    checked = lead.packages.check(seminar.returns)
    try:
        assert checked.refused == [] and len(checked.usable) == 6
        walk_ins = lead.packages.walk_ins(checked.usable)
        reports = lead.packages.import_packages(checked.usable, walk_ins, Decisions())
    finally:
        checked.discard()
        lead.close()
    return Merged(path, list(walk_ins.plan.rows), reports)


# --- the union ---------------------------------------------------------------------------------------------------

def test_the_merged_file_holds_exactly_the_union_of_the_six_workshops(seminar: Seminar, merged: Merged) -> None:
    assert [r.changed and r.recorded for r in merged.reports] == [True] * 6
    found = per_sitting(merged.path)
    assert {gid: found[gid] for gid in seminar.expected} == seminar.expected
    assert len(found) == 6
    expected_ideas = set()
    for laptop in seminar.laptops:
        with closing(_reading(laptop)) as connection:
            expected_ideas |= {row for row in connection.execute("SELECT gid, text FROM idea")}
    with closing(_reading(merged.path)) as connection:
        assert set(connection.execute("SELECT gid, text FROM idea")) == expected_ideas
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def test_every_person_is_there_once(seminar: Seminar, merged: Merged) -> None:
    with closing(_reading(seminar.lead)) as connection:
        badges = [code for code, in connection.execute("SELECT badge_code FROM participant ORDER BY id")]
    with closing(_reading(merged.path)) as connection:
        names = [row for row in connection.execute("SELECT first_name, last_name FROM participant")]
        assert len(names) == len(set(names)) == REGISTRY + 1 + 6  # the registry, Zoé, one walk-in per workshop
        zoe = connection.execute("SELECT id FROM participant WHERE first_name = 'Zoé'").fetchone()[0]
        assert connection.execute("SELECT count(*) FROM attendance WHERE participant_id = ? AND status = 'present'",
                                  (zoe,)).fetchone()[0] == 2
        assert sorted(k for k, in connection.execute("SELECT DISTINCT voter_key FROM vote v JOIN participant p "
                                                     "ON v.voter_key = 'participant-' || p.id WHERE p.id = ?",
                                                     (zoe,))) == [f"participant-{zoe}"]
        typed = connection.execute("SELECT id, email, badge_code FROM participant WHERE first_name = ?",
                                   (f"Prénom{TYPED_AGAIN}",)).fetchone()
        assert typed[0] == TYPED_AGAIN + 1 and typed[2] == badges[TYPED_AGAIN]  # the registry's record...
        assert typed[1] == f"P{TYPED_AGAIN}@EXEMPLE.FR"  # ...with the address as typed last (the later change)
        assert connection.execute("SELECT count(*) FROM attendance WHERE participant_id = ? AND status = 'present'",
                                  (typed[0],)).fetchone()[0] == 1
        dangling = connection.execute("SELECT count(*) FROM vote WHERE voter_key LIKE 'participant-%' AND "
                                      "substr(voter_key, 13) NOT IN (SELECT CAST(id AS TEXT) FROM participant)")
        assert dangling.fetchone()[0] == 0


def test_the_walk_ins_came_through_the_review(merged: Merged) -> None:
    """Zoé met on two laptops and the registry's person typed again are suggested as the same; the others are new."""
    rows = {(row.row.draft.first_name, row.line): row for row in merged.plan_rows}
    assert sorted(name for name, _line in rows) == sorted(["Zoé", "Zoé", f"Prénom{TYPED_AGAIN}",
                                                           *[f"Invité{n}" for n in range(6)]])
    zoes = sorted(line for name, line in rows if name == "Zoé")
    assert rows["Zoé", zoes[1]].same_as == zoes[0] and rows["Zoé", zoes[1]].suggested == Choice.MERGE
    typed = next(row for (name, _l), row in rows.items() if name == f"Prénom{TYPED_AGAIN}")
    assert typed.existing is not None and typed.suggested == Choice.MERGE
    assert [row.suggested for (name, _l), row in rows.items() if name.startswith("Invité")] == [Choice.ADD] * 6


def test_deletions_made_on_a_laptop_travel(seminar: Seminar, merged: Merged) -> None:
    with closing(_reading(merged.path)) as connection:
        for gid in seminar.deleted:
            assert connection.execute("SELECT count(*) FROM idea WHERE gid = ?", (gid,)).fetchone()[0] == 0
            assert connection.execute("SELECT count(*) FROM attendance WHERE gid = ?", (gid,)).fetchone()[0] == 0
    with closing(_reading(seminar.lead)) as connection:  # they were there before the import
        assert sum(connection.execute(f"SELECT count(*) FROM {table} WHERE gid = ?", (gid,)).fetchone()[0]
                   for gid in seminar.deleted for table in ("idea", "attendance")) == 2


def test_the_merged_file_passes_check_and_its_minutes_list_the_six_workshops(merged: Merged, tmp_path: Path) -> None:
    verdict = check_file(merged.path)
    assert verdict.ok, verdict.message
    copy = tmp_path / "minutes.wdesk"
    shutil.copyfile(merged.path, copy)
    workspace = Workspace.open(copy, tmp_path / "backups", read_only=True)
    try:
        out = export_minutes(workspace, tmp_path / "compte rendu.docx", "fr")
    finally:
        workspace.close()
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert all(f"Atelier {title}" in text for title in WORKSHOPS)
    assert all(f"Action de l'atelier {n}" in text for n in range(6))


# --- again, and conflicts ----------------------------------------------------------------------------------------

def _digest(path: Path) -> str:
    """The file and its log as they lie: what a write would change."""
    digest = hashlib.sha256()
    for part in (path, Path(f"{path}-wal")):
        digest.update(part.read_bytes() if part.exists() else b"")
    return digest.hexdigest()


def _content(path: Path) -> dict[str, set[tuple[object, ...]]]:
    with closing(_reading(path)) as connection:
        return merging.content(connection)


def _stamps(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with closing(_reading(path)) as connection:
        found = {shape.name: sorted(connection.execute(
            f'SELECT gid, laptop, changed_at, based_on FROM "{shape.name}"')) for shape in merging.shapes()}
        found["sync_deleted"] = sorted(connection.execute("SELECT * FROM sync_deleted"))
    return found


def test_importing_the_same_packages_again_changes_nothing(seminar: Seminar, merged: Merged, tmp_path: Path) -> None:
    path = tmp_path / "again.wdesk"
    shutil.copyfile(merged.path, path)
    before, rows, stamps = _content(path), dump(path), _stamps(path)
    lead = Workspace.open(path, tmp_path / "backups")
    checked = lead.packages.check(seminar.returns)
    try:
        written = _digest(path)
        reports = lead.packages.import_packages(checked.usable)
        assert _digest(path) == written  # not one byte written
    finally:
        checked.discard()
        lead.close()
    assert [(r.changed, r.again, r.recorded) for r in reports] == [(False, True, False)] * 6
    assert all(r.sentence().endswith("nothing new (already imported).") for r in reports)
    assert _content(path) == before
    assert dump(path) == rows  # every row of every table, bookkeeping included (not the log's anchor)...
    assert _stamps(path) == stamps  # ...and every change stamp and deletion marker


def test_two_edits_of_one_person_keep_the_latest_and_list_the_other(merged: Merged, tmp_path: Path) -> None:
    path = tmp_path / "conflicts.wdesk"
    shutil.copyfile(merged.path, path)
    lead = Workspace.open(path, tmp_path / "backups")
    try:
        people = sorted(lead.participants.all(), key=lambda p: p.id)
        assert people[0].role == "Élu référent (portable)"  # the laptop's edit came later
        assert people[1].role == "Chargée de mission (siège)"  # the lead's edit came later
        conflicts = {c.label: c for c in lead.packages.conflicts()}
        assert sorted(conflicts) == ["Prénom0 Nom0", "Prénom1 Nom1"]
        first = conflicts["Prénom0 Nom0"]
        assert (first.kept_laptop, first.kept_here, first.other_here) == ("Atelier 1 — Julie", False, True)
        assert first.differences == (("role", "Élu référent (portable)", "Élu référent (siège)"),)
        second = conflicts["Prénom1 Nom1"]
        assert (second.kept_here, second.other_laptop) == (True, "Atelier 2 — Marc")
        lead.packages.take_other(first.id)
        assert lead.participants.get(people[0].id).role == "Élu référent (siège)"
        assert next(c for c in lead.packages.conflicts() if c.id == first.id).reversed
        lead.packages.take_other(first.id)
        assert lead.participants.get(people[0].id).role == "Élu référent (portable)"
    finally:
        lead.close()


# --- bad packages ------------------------------------------------------------------------------------------------

def _tampered(sql: str) -> Callable[[Seminar, Path], Path]:
    def make(seminar: Seminar, target: Path) -> Path:
        shutil.copyfile(seminar.returns[0], target)
        with closing(sqlite3.connect(target)) as connection:
            connection.execute(sql)
            connection.commit()
        return target
    return make


def _bytes_changed(change: Callable[[bytearray], None]) -> Callable[[Seminar, Path], Path]:
    def make(seminar: Seminar, target: Path) -> Path:
        data = bytearray(seminar.returns[0].read_bytes())
        change(data)
        target.write_bytes(bytes(data))
        return target
    return make


def _a_letter_changed(data: bytearray) -> None:
    at = data.find("Idée reprise de l'atelier 0".encode())
    assert at > 0
    data[at] ^= 0x20  # "idée": a page SQLite reads without complaint, a row the checksum knows


def _a_page_overwritten(data: bytearray) -> None:
    page_size = int.from_bytes(data[16:18], "big")
    middle = len(data) // page_size // 2
    data[middle * page_size:(middle + 1) * page_size] = bytes((i * 131 + 7) % 256 for i in range(page_size))


def _another_programmes(seminar: Seminar, target: Path) -> Path:
    folder = target.parent / "other"
    other = Workspace.create(folder / "other.wdesk", programme_draft(title="Autre démarche"), folder / "backups")
    sitting = other.sittings.create(sitting_draft(title="Atelier voisin")).sitting
    handout, = other.packages.prepare([LaptopPlan("Voisin", (sitting.id,))], folder)
    other.close()
    open_package(handout, folder / "laptop.wdesk")
    laptop = Workspace.open(folder / "laptop.wdesk", folder / "backups")
    laptop.packages.export([sitting.id], target)
    laptop.close()
    return target


BAD = {
    "another programme's": (_another_programmes, RefusalReason.OTHER_PROGRAMME),
    "a newer format": (_tampered("UPDATE package_manifest SET value = '99' WHERE key = 'format'"), RefusalReason.NEWER),
    "a newer schema": (_tampered(f"PRAGMA user_version = {SCHEMA_VERSION + 1}"), RefusalReason.NEWER),
    "a letter changed": (_bytes_changed(_a_letter_changed), RefusalReason.DAMAGED),
    "a page overwritten": (_bytes_changed(_a_page_overwritten), RefusalReason.DAMAGED),
    "truncated": (_bytes_changed(lambda data: data.__delitem__(slice(len(data) // 2, None))), RefusalReason.DAMAGED),
    "a handout brought back": (lambda seminar, target: seminar.handouts[2], RefusalReason.HANDOUT),
    "a programme file": (lambda seminar, target: seminar.laptops[4], RefusalReason.PROGRAMME_FILE),
}


@pytest.mark.parametrize("bad", list(BAD))
def test_a_bad_package_is_refused_and_the_file_stays_byte_identical(seminar: Seminar, tmp_path: Path,
                                                                    bad: str) -> None:
    make, reason = BAD[bad]
    package = make(seminar, tmp_path / "retour.wdpack")
    path = seminar.lead_copy(tmp_path / "lead")
    lead = Workspace.open(path, tmp_path / "backups")
    try:
        before = _digest(path)
        checked = lead.packages.check([package, seminar.returns[5]])
        assert [(r.file_name, r.reason) for r in checked.refused] == [(package.name, reason)]
        assert checked.refused[0].sentence().startswith(f"“{package.name}”")
        checked.discard()
        checked = lead.packages.check([package])
        assert checked.usable == [] and lead.packages.import_packages(checked.usable) == []
        assert _digest(path) == before
    finally:
        lead.close()


def _import_refused(path: Path, returns: list[Path], read_only: bool) -> tuple[bool, str]:
    lead = Workspace.open(path, path.parent.parent / "backups", read_only=read_only)
    checked = lead.packages.check(returns)
    try:
        lead.packages.import_packages(checked.usable)
    except StorageError as error:
        return lead.read_only, str(error.problem)
    finally:
        checked.discard()
        lead.close()
    return lead.read_only, "imported"


@pytest.fixture
def shared() -> Iterator[Path]:
    with shared_folder() as folder:
        yield folder


@pytest.mark.parametrize("how", ["chmod 444", "opened read-only"])
def test_importing_into_a_read_only_file_is_refused_and_changes_nothing(seminar: Seminar, shared: Path,
                                                                        how: str) -> None:
    path = seminar.lead_copy(shared / "files")
    returns = [shutil.copyfile(back, shared / back.name) for back in seminar.returns]
    (shared / "backups").mkdir(mode=0o777)
    if running_as_root():
        for owned in (path, path.parent, shared / "backups", *returns):
            shutil.chown(owned, NOBODY, NOBODY)
    if how == "chmod 444":
        path.chmod(0o444)
    before = hashlib.sha256(path.read_bytes()).hexdigest(), sorted(p.name for p in path.parent.iterdir())
    outcome = as_ordinary_user(lambda: _import_refused(path, returns, how == "opened read-only"))
    assert outcome == (True, "read_only")
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), sorted(p.name for p in path.parent.iterdir())) == before
