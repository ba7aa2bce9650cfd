"""Headless verb: plan who sits at which table, round by round, for a sitting, and print the plan."""

import argparse
import math
import sys
from typing import TYPE_CHECKING

from workshop_desk.cli.command import Command, open_workspace, path_argument
from workshop_desk.i18n import N_, _

if TYPE_CHECKING:
    from workshop_desk.domain.models import Participant
    from workshop_desk.domain.table_plan import SittingPlan
    from workshop_desk.services.workspace import Workspace


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(_("expected a whole number of at least 1, got “{text}”").format(text=text))
    return value


def _arguments(parser: argparse.ArgumentParser) -> None:
    path_argument(parser)
    parser.add_argument("--sitting", type=int, required=True, metavar="ID", help=_("the sitting (see `list`)"))
    parser.add_argument("--tables", type=_positive, required=True, metavar="N",
                        help=_("how many tables to seat people at (missing ones are created: “Table 1”…)"))
    parser.add_argument("--rounds", type=_positive, required=True, metavar="R", help=_("how many rounds"))
    parser.add_argument("--capacity", type=_positive, metavar="C",
                        help=_("seats at each table created (default: enough for everyone, balanced)"))
    parser.add_argument("--seed", type=int, default=0, metavar="S",
                        help=_("seed of the planner: the same seed gives the same plan (default 0)"))


def _cmd_plan_tables(args: argparse.Namespace) -> int:
    from workshop_desk.domain.table_plan import TablePlanError
    from workshop_desk.domain.validation import ValidationError

    workspace = open_workspace(args.path, write=True)
    if workspace is None:
        return 1
    try:
        print("\n".join(_plan(workspace, args)))
    except LookupError:
        print(_("No sitting has the ID {id} (see `list`).").format(id=args.sitting), file=sys.stderr)
        return 1
    except (TablePlanError, ValidationError) as error:
        print(str(error), file=sys.stderr)
        return 1
    finally:
        workspace.database.close()
    return 0


def _plan(workspace: "Workspace", args: argparse.Namespace) -> list[str]:
    """Create the missing tables, plan, and return the lines to print."""
    from workshop_desk.domain.table_plan import SeatingProblem, TablePlanError, TableSpec, check_problem

    workspace.sittings.agenda(args.sitting)  # LookupError when there is no such sitting
    people = workspace.room_tables.people_to_seat(args.sitting)
    if not people:
        raise TablePlanError(_("Nobody to seat: no one is present or registered for this sitting."))
    capacity = args.capacity or math.ceil(len(people) / args.tables)
    existing = [TableSpec(t.id, t.capacity, t.name) for t in workspace.room_tables.tables(args.sitting)]
    missing = [TableSpec(-n, capacity) for n in range(1, args.tables - len(existing) + 1)]
    # Refuse before creating any table, so that a failed command leaves the file as it was.
    check_problem(SeatingProblem(tuple(p.id for p in people), tuple(existing[:args.tables] + missing), args.rounds))
    tables = workspace.room_tables.ensure_tables(args.sitting, args.tables, capacity)[:args.tables]
    result = workspace.room_tables.plan(args.sitting, args.rounds, args.seed, table_ids=[t.id for t in tables])
    names = {person.id: person for person in workspace.participants.all()}
    return _lines(result, [t.id for t in tables], names)


def _lines(result: "SittingPlan", table_ids: list[int], people: "dict[int, Participant]") -> list[str]:
    """'Round n', then 'Table: Name, Name…' per table (people by last name), then the quality line."""
    names = {table.id: table.name for table in result.tables}
    lines: list[str] = []
    for number, seating in enumerate(result.plan.rounds, start=1):
        lines.append(_("Round {number}").format(number=number))
        for table_id in table_ids:
            seated = sorted((people[p] for p in seating.get(table_id, ())), key=lambda p: p.sort_name.casefold())
            lines.append(f"{names[table_id]}: {', '.join(p.full_name for p in seated) or '—'}")
    lines.append(f"repeated_pairs={result.quality.repeated_pairs} mix={result.quality.mix:.3f}")
    return lines


COMMANDS = [
    Command(("plan", "tables"),
            N_("seat a sitting's people at N tables over R rounds, mixing groups and avoiding repeated pairs; "
               "print the plan"),
            _cmd_plan_tables, _arguments),
]
