"""Headless verbs on ballots: import votes from a spreadsheet, print a ballot's ranked result."""

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_desk.cli.command import Command, open_workspace, path_argument
from workshop_desk.domain.enums import Source
from workshop_desk.i18n import N_, _

if TYPE_CHECKING:
    from workshop_desk.domain.voting import Result, ResultRow


def _ballot_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ballot", type=int, required=True, metavar="ID", help=_("the ballot's number"))


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    path_argument(parser)
    _ballot_argument(parser)
    parser.add_argument("source", type=Path, metavar="SOURCE",
                        help=_("spreadsheet of ballots, one row per voter (.xlsx or .csv)"))
    parser.add_argument("--provenance", choices=[str(s) for s in Source], default=str(Source.IMPORT),
                        help=_("where the ballots came from (default: import)"))


def _results_arguments(parser: argparse.ArgumentParser) -> None:
    path_argument(parser)
    _ballot_argument(parser)


def _cmd_import_votes(args: argparse.Namespace) -> int:
    from workshop_desk.domain.validation import ValidationError
    from workshop_desk.domain.voting_sheet import summary_lines

    workspace = open_workspace(args.path, write=True)
    if workspace is None:
        return 1
    try:
        reading = workspace.ballots.import_file(args.ballot, args.source, Source(args.provenance))
    except LookupError:
        print(_("There is no ballot {id} in this file.").format(id=args.ballot), file=sys.stderr)
        return 1
    except ValidationError as error:
        print(str(error), file=sys.stderr)
        print(_("Nothing was imported."), file=sys.stderr)
        return 1
    finally:
        workspace.database.close()
    print("\n".join(summary_lines(reading)))
    return 0


def score_text(score: float | None) -> str:
    """A score as printed: whole numbers bare, others to two decimals, none as a dash."""
    if score is None:
        return "—"
    return f"{score:.0f}" if float(score).is_integer() else f"{score:.2f}"


def _order(rows: "tuple[ResultRow, ...]") -> str:
    """'E > A = C > B': the options by rank, '=' between equals."""
    text = ""
    for index, row in enumerate(rows):
        if index:
            text += " = " if row.rank == rows[index - 1].rank else " > "
        text += row.label
    return text


def result_lines(result: "Result") -> list[str]:
    """rank, option and score separated by tabs, one option per line; then what a ranking's Schulze count says
    when its winner differs (its order, the pairs it leaves undecided), and the outcome of a consent round."""
    from workshop_desk.domain.consent import ConsentOutcome, outcome_label
    from workshop_desk.domain.schulze_texts import ahead_note, undecided_note
    from workshop_desk.domain.vote_methods import method_spec

    lines = [f"{row.rank}\t{row.label}\t{score_text(row.score)}" for row in result.rows]
    if result.alternative is not None and result.winners_differ:
        winners = ", ".join(row.label for row in result.alternative.winners)
        lines.append(_("The {count} winner differs: {winners}.").format(count=_(result.alternative.label),
                                                                       winners=winners))
        lines.append(_("{count} order: {order}").format(count=_(result.alternative.label),
                                                        order=_order(result.alternative.rows)))
        lines += [note for note in (undecided_note(result, _), ahead_note(result, _)) if note]  # what "=" hides
    if method_spec(result.method).outcomes:
        lines += [f"{row.label}: {outcome_label(ConsentOutcome(str(row.extra['outcome'])))}" for row in result.rows]
    return lines


def _cmd_results(args: argparse.Namespace) -> int:
    workspace = open_workspace(args.path)
    if workspace is None:
        return 1
    try:
        result = workspace.ballots.result(args.ballot)
    except LookupError:
        print(_("There is no ballot {id} in this file.").format(id=args.ballot), file=sys.stderr)
        return 1
    finally:
        workspace.database.close()
    print("\n".join(result_lines(result)))
    return 0


COMMANDS = [
    Command(("import", "votes"), N_("import ballots from a spreadsheet SOURCE, one row per voter, into a ballot"),
            _cmd_import_votes, _import_arguments),
    Command(("results",), N_("print a ballot's ranked result: rank, option, score"), _cmd_results,
            _results_arguments),
]
