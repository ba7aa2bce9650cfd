"""`import votes` and `results`, run in a child process as a user would."""



from tests.factories import make_workspace
from workshop_desk.domain.enums import BallotMethod, Source
from workshop_desk.domain.voting import BallotPaper, DotSettings, Mark
from workshop_desk.services.workspace import Workspace


def _programme(tmp_path, method: BallotMethod, labels: list[str], **settings: int) -> tuple[Workspace, int]:
    workspace = make_workspace(tmp_path, sittings=1)
    sitting = workspace.sittings.all()[0].id
    ballot = workspace.ballots.create(sitting, "Priorités", method, labels,
                                      settings=DotSettings(**settings) if settings else None)
    return workspace, workspace.ballots.open(ballot.id).id


def test_import_votes_then_print_the_ranked_result_with_ties(cli, tmp_path):
    workspace, ballot = _programme(tmp_path, BallotMethod.DOTS, ["Mobilité", "Emploi", "Commerce"], dots_per_voter=3)
    options = [o.id for o in workspace.ballots.get(ballot).options]
    workspace.ballots.set_tallies(ballot, {options[2]: 2}, Source.PAPER)
    workspace.database.close()
    sheet = tmp_path / "bulletins.csv"
    sheet.write_bytes("N° votant;Emploi;Mobilité;Commerce;Remarque\n1;2;1;;\n2;;3;;ok\n".encode("cp1252"))
    imported = cli("import", "votes", str(workspace.path), "--ballot", str(ballot), str(sheet))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.splitlines() == ["2 ballots imported.",
                                            "Columns ignored (no option of the ballot has these names): “Remarque”."]
    result = cli("results", str(workspace.path), "--ballot", str(ballot))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["1\tMobilité\t4", "2\tEmploi\t2", "2\tCommerce\t2"]


def test_a_ranking_whose_schulze_winner_differs_says_so(cli, tmp_path):
    workspace, ballot = _programme(tmp_path, BallotMethod.RANKING, ["A", "B", "C"])
    a, b, c = (o.id for o in workspace.ballots.get(ballot).options)
    # 3 × A>B>C, 2 × B>C>A: Borda elects B (7 points to 6), but A beats both B and C 3 to 2.
    papers = [BallotPaper("", (Mark(a, 1), Mark(b, 2), Mark(c, 3))) for _ in range(3)]
    papers += [BallotPaper("", (Mark(b, 1), Mark(c, 2), Mark(a, 3))) for _ in range(2)]
    workspace.ballots.cast_many(ballot, papers)
    workspace.database.close()
    result = cli("results", str(workspace.path), "--ballot", str(ballot))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["1\tB\t7", "2\tA\t6", "3\tC\t2",
                                          "The Schulze (Condorcet) winner differs: A.",
                                          "Schulze (Condorcet) order: A > B > C"]


def test_a_ranking_with_undecided_pairs_names_them(cli, tmp_path):
    workspace, ballot = _programme(tmp_path, BallotMethod.RANKING, ["A", "B", "C"])
    a, b, c = (o.id for o in workspace.ballots.get(ballot).options)
    # A>B>C and C>A>B: only A beats B along strongest paths; A–C and B–C are undecided.
    workspace.ballots.cast_many(ballot, [BallotPaper("", (Mark(a, 1), Mark(b, 2), Mark(c, 3))),
                                         BallotPaper("", (Mark(c, 1), Mark(a, 2), Mark(b, 3)))])
    workspace.database.close()
    result = cli("results", str(workspace.path), "--ballot", str(ballot))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[3:] == ["The Schulze (Condorcet) winner differs: A, C.",
                                              "Schulze (Condorcet) order: A = C = B",
                                              "Not separated by the votes (Schulze): “A” and “C”; “C” and “B”.",
                                              "Yet Schulze puts “A” ahead of “B”."]


def test_a_bad_row_imports_nothing_and_says_which_line(cli, tmp_path):
    workspace, ballot = _programme(tmp_path, BallotMethod.DOTS, ["Mobilité", "Emploi"], dots_per_voter=2)
    workspace.database.close()
    sheet = tmp_path / "votes.csv"
    sheet.write_text("Voter,Mobilité,Emploi\n1,1,1\n2,2,1\n", encoding="utf-8")
    imported = cli("import", "votes", str(workspace.path), "--ballot", str(ballot), str(sheet))
    assert imported.returncode == 1
    assert "Line 3:" in imported.stderr and "Nothing was imported." in imported.stderr
    result = cli("results", str(workspace.path), "--ballot", str(ballot))
    assert result.stdout.splitlines() == ["1\tMobilité\t0", "1\tEmploi\t0"]


def test_an_unknown_ballot_is_a_sentence_not_a_traceback(cli, tmp_path):
    workspace, _ballot = _programme(tmp_path, BallotMethod.DOTS, ["Mobilité", "Emploi"])
    workspace.database.close()
    result = cli("results", str(workspace.path), "--ballot", "99")
    assert result.returncode == 1
    assert result.stderr.strip() == "There is no ballot 99 in this file."
