"""`innerthigh-kit`: a thin shell over the Python API.

Each command parses its arguments, calls the API and prints. A mistake the user can fix
(a bad file, an unknown tag) prints a short plain message and exits 1 (2 for wrong arguments);
`--debug` shows the traceback as well.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from . import vocab
from ._scratch import exit_on_terminate
from .errors import KitError, os_error_message
from .handouts.parameters import AUDIENCES, FORMATS, PAPER_SIZES
from .words import listing

# Each command: name -> (help, add_arguments, run). run(args) returns the exit code.
_COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Callable]] = {}


def command(name: str, help: str, add_arguments: Callable[[argparse.ArgumentParser], None]):
    """Register a sub-command: decorate its ``run(args)``, giving its help and argument builder."""

    def register(run: Callable) -> Callable:
        _COMMANDS[name] = (help, add_arguments, run)
        return run

    return register


def _add_library(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("--library", nargs="+", default=[], metavar="PATH", help=help_text)


def _add_output(parser: argparse.ArgumentParser, metavar: str, help_text: str, required: bool = True) -> None:
    parser.add_argument("-o", "--output", required=required, metavar=metavar, help=help_text)


def _add_audience(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("--audience", choices=AUDIENCES, default="participant", help=help_text)


# --------------------------------------------------------------------------- exercises


def _add_exercises(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--category",
        choices=vocab.CATEGORIES,
        metavar="C",
        help=f"only this category: {listing(vocab.CATEGORIES)}",
    )
    parser.add_argument(
        "--equipment",
        nargs="+",
        choices=vocab.EQUIPMENT,
        metavar="E",
        help="only exercises needing nothing beyond this equipment (a mat is "
        f"assumed): {listing(vocab.EQUIPMENT)}",
    )
    parser.add_argument(
        "--level-max", type=int, choices=vocab.LEVELS, metavar="N", help="only levels up to N (1, 2 or 3)"
    )
    parser.add_argument(
        "--position",
        choices=vocab.POSITIONS,
        metavar="P",
        help=f"only this position: {listing(vocab.POSITIONS)}",
    )
    parser.add_argument(
        "--avoid",
        nargs="+",
        choices=vocab.CAUTIONS,
        metavar="TAG",
        help=f"leave out exercises to avoid with: {listing(vocab.CAUTIONS)}",
    )
    _add_library(parser, "your own exercise files or folders, added to the kit's")
    parser.add_argument("--json", action="store_true", help="print JSON records instead")


@command("exercises", "list the exercise library, filtered", _add_exercises)
def _run_exercises(args: argparse.Namespace) -> int:
    from .exercises import load_library

    library = load_library(*args.library)
    chosen = library.filter(
        category=args.category,
        equipment_available=args.equipment,
        level_max=args.level_max,
        position=args.position,
        avoid_cautions=args.avoid,
    )
    if args.json:
        print(json.dumps([exercise.to_record() for exercise in chosen], indent=2, ensure_ascii=False))
        return 0
    if not chosen:
        print("No exercise matches these filters. Try fewer filters or more equipment.")
        return 0
    width = max(len(exercise.id) for exercise in chosen)
    for exercise in chosen:
        extra = ", ".join(e for e in exercise.equipment if e != "mat") or "mat only"
        print(
            f"{exercise.id:<{width}}  L{exercise.level}  {exercise.category:<10}  {exercise.name}  [{extra}]"
        )
    print(f"\n{len(chosen)} of {len(library)} exercises.")
    return 0


# --------------------------------------------------------------------------- validate


def _add_validate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="exercise files (.yaml) or folders of them")


@command("validate", "check your own exercise files against the library's rules", _add_validate)
def _run_validate(args: argparse.Namespace) -> int:
    from .exercises.library import check_files

    report = check_files(*args.paths)  # raises LibraryError listing every problem
    print("".join(f"Warning: {warning}\n" for warning in report.warnings), end="", file=sys.stderr)
    print(report.summary(), file=sys.stdout if report.files else sys.stderr)
    return 0 if report.files else 1


# --------------------------------------------------------------------------- handouts


def _add_handout(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", metavar="PLAN", help="a class plan file (.yaml)")
    _add_output(parser, "FILE", "the handout to write: .html, .pdf or .ipynb")
    _add_audience(
        parser,
        "participant (take-home sheet, the default) or instructor (adds the reasoning and the plan check)",
    )
    parser.add_argument("--no-diagrams", action="store_true", help="leave the diagrams out")
    parser.add_argument("--paper", choices=PAPER_SIZES, default="A4", help="paper size for PDF (default A4)")
    _add_library(parser, "your own exercise files, if the plan uses them")
    parser.add_argument("--force", action="store_true", help="replace an existing output file")


@command("handout", "render a class plan as a handout (HTML, PDF or notebook)", _add_handout)
def _run_handout(args: argparse.Namespace) -> int:
    from .handouts import render_handout

    out = render_handout(
        args.plan,
        args.output,
        args.audience,
        include_diagrams=not args.no_diagrams,
        paper=args.paper,
        library_paths=args.library,
        force=args.force,
    )
    print(f"Handout written: {out}")
    return 0


def _add_workshop(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plans", metavar="PLANS_DIR", help="a folder of class plans (.yaml)")
    _add_output(parser, "OUT_DIR", "the folder for the handouts and their index.html")
    parser.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="how many handouts to render at once (default: one per core)",
    )
    parser.add_argument(
        "--format",
        choices=tuple(f.lstrip(".") for f in FORMATS),
        default="html",
        help="handout format (default html)",
    )
    _add_audience(parser, "participant (default) or instructor")
    _add_library(parser, "your own exercise files, if the plans use them")
    parser.add_argument("--force", action="store_true", help="replace existing handouts")


@command("workshop", "render handouts for a whole folder of class plans, in parallel", _add_workshop)
def _run_workshop(args: argparse.Namespace) -> int:
    from .handouts import render_workshop

    result = render_workshop(
        args.plans,
        args.output,
        args.jobs,
        audience=args.audience,
        fmt="." + args.format,
        library_paths=args.library,
        force=args.force,
        progress=sys.stderr.isatty(),
    )
    print(f"{len(result.rendered)} handout(s) written to {result.out_dir}; open {result.index}.")
    for path, reason in result.failed:
        print(f"Could not make a handout for {path}: {reason}", file=sys.stderr)
    return 1 if result.failed else 0


# --------------------------------------------------------------------------- class plans


def _add_request(parser: argparse.ArgumentParser) -> None:
    """The class request: length, level, who is coming, equipment, needs and focus."""
    parser.add_argument(
        "--minutes",
        type=int,
        default=45,
        metavar="N",
        help=f"class length in minutes, {vocab.LIMITS['class_minutes'].words()} (default 45)",
    )
    parser.add_argument(
        "--level",
        type=int,
        default=1,
        choices=vocab.LEVELS,
        metavar="N",
        help="1 beginner (default), 2 intermediate, 3 advanced",
    )
    parser.add_argument(
        "--population",
        default="general",
        choices=vocab.POPULATIONS,
        metavar="P",
        help=f"who is coming: {listing(vocab.POPULATIONS)}",
    )
    parser.add_argument(
        "--equipment",
        nargs="+",
        action="extend",
        default=[],
        choices=vocab.EQUIPMENT,
        metavar="E",
        help=f"equipment you have (a mat is assumed): {listing(vocab.EQUIPMENT)}",
    )
    parser.add_argument(
        "--condition",
        nargs="+",
        action="extend",
        default=[],
        dest="conditions",
        choices=vocab.CAUTIONS,
        metavar="TAG",
        help=f"needs in the class: {listing(vocab.CAUTIONS)}",
    )
    parser.add_argument(
        "--focus",
        default="balanced",
        choices=vocab.FOCUSES,
        metavar="F",
        help=f"{listing(vocab.FOCUSES)} (default balanced)",
    )


def _add_plan(parser: argparse.ArgumentParser) -> None:
    _add_request(parser)
    parser.add_argument(
        "--seed",
        type=int,
        default=None,
        metavar="N",
        help="another number gives another version of the class",
    )
    parser.add_argument("--title", help="the class title")
    _add_output(
        parser, "FILE", "save the plan as YAML (earlier versions are kept as FILE.bak...)", required=False
    )
    parser.add_argument("--json", action="store_true", help="print the plan as JSON")
    _add_library(parser, "your own exercise files or folders, added to the kit's")


def _print_findings(findings) -> None:
    for finding in findings:
        print(f"  {finding}")
    counts = {s: sum(f.severity == s for f in findings) for s in ("error", "warning", "info")}
    print(f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} note(s).")


@command("plan", "build a class plan from what you must teach", _add_plan)
def _run_plan(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .exercises import load_library
    from .plans import ClassRequest, build_plan, check_plan

    request = ClassRequest(
        minutes=args.minutes,
        level=args.level,
        equipment=args.equipment,
        population=args.population,
        conditions=args.conditions,
        focus=args.focus,
    )
    library = load_library(*args.library)
    plan = build_plan(request, library, seed=args.seed, title=args.title)
    saved = ""
    if args.output:
        path = Path(args.output)
        existed = path.exists()
        plan.save(path)
        saved = f"Plan saved to {path}."
        if existed:
            saved += f" The previous version is kept as {path.name}.bak."
    if args.json:
        print(json.dumps(plan.to_json_dict(), indent=2, ensure_ascii=False))
        if saved:
            print(saved, file=sys.stderr)
        return 0
    print(plan.to_text(library))
    print("\nChecks:")
    _print_findings(check_plan(plan, library))
    if saved:
        print(saved)
    return 0


def _add_plan_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", metavar="PLAN", help="a class plan file (.yaml)")
    _add_library(parser, "your own exercise files, if the plan uses them")


@command("check", "check a class plan: cautions, timing, balance, reasons (exit 1 on errors)", _add_plan_file)
def _run_check(args: argparse.Namespace) -> int:
    from .exercises import load_library
    from .plans import ClassPlan, check_plan

    plan = ClassPlan.load(args.plan)
    findings = check_plan(plan, load_library(*args.library))
    print(f"{args.plan}: {plan.title}")
    _print_findings(findings)
    return 1 if any(f.severity == "error" for f in findings) else 0


@command("explain", "say why each exercise of a class plan is there, in plain words", _add_plan_file)
def _run_explain(args: argparse.Namespace) -> int:
    from .exercises import load_library
    from .plans import ClassPlan

    plan = ClassPlan.load(args.plan)
    print(plan.explain(load_library(*args.library)))
    return 0


# --------------------------------------------------------------------------- main


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="innerthigh-kit",
        description="The inner-thigh teaching kit: exercises, class plans and handouts.",
    )
    parser.add_argument(
        "--debug", action="store_true", help="show the full traceback when something goes wrong"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (help_text, add_arguments, run) in _COMMANDS.items():
        sub = subparsers.add_parser(
            name, help=help_text, description=help_text[0].upper() + help_text[1:] + "."
        )
        add_arguments(sub)
        sub.set_defaults(run=run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    with exit_on_terminate():
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except KitError as error:
        if args.debug:
            raise
        print(f"innerthigh-kit {args.command}: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `innerthigh-kit exercises | head`
        return 0
    except OSError as error:  # a folder that cannot be written, a full disk, a path that is a folder
        if args.debug:
            raise
        print(f"innerthigh-kit {args.command}: {os_error_message(error)}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
