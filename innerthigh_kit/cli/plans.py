"""`innerthigh-kit plan`, `check` and `explain`: class plans."""

from __future__ import annotations

import argparse
import json
import sys

from .. import vocab
from ..words import listing, tag_choices
from .registry import add_library, add_output, command


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
        help=f"who is coming: {tag_choices(vocab.POPULATIONS, vocab.POPULATION_LABELS)}",
    )
    parser.add_argument(
        "--equipment",
        nargs="+",
        action="extend",
        default=[],
        choices=vocab.EQUIPMENT,
        metavar="E",
        help=f"equipment you have (a mat is assumed): {tag_choices(vocab.EQUIPMENT, vocab.EQUIPMENT_WORDS)}",
    )
    parser.add_argument(
        "--condition",
        nargs="+",
        action="extend",
        default=[],
        dest="conditions",
        choices=vocab.CAUTIONS,
        metavar="TAG",
        help=f"needs in the class: {tag_choices(vocab.CAUTIONS, vocab.CAUTION_LABELS)}",
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
    add_output(
        parser, "FILE", "save the plan as YAML (earlier versions are kept as FILE.bak...)", required=False
    )
    parser.add_argument("--json", action="store_true", help="print the plan as JSON")
    add_library(parser, "your own exercise files or folders, added to the kit's")


def _print_findings(findings) -> None:
    for finding in findings:
        print(f"  {finding}")
    counts = {s: sum(f.severity == s for f in findings) for s in ("error", "warning", "info")}
    print(f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} note(s).")


@command("plan", "build a class plan from what you must teach", _add_plan)
def _run_plan(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..exercises import load_library
    from ..plans import ClassRequest, build_plan, check_plan

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
    add_library(parser, "your own exercise files, if the plan uses them")


@command("check", "check a class plan: cautions, timing, balance, reasons (exit 1 on errors)", _add_plan_file)
def _run_check(args: argparse.Namespace) -> int:
    from ..exercises import load_library
    from ..plans import ClassPlan, check_plan

    plan = ClassPlan.load(args.plan)
    findings = check_plan(plan, load_library(*args.library))
    print(f"{args.plan}: {plan.title}")
    _print_findings(findings)
    return 1 if any(f.severity == "error" for f in findings) else 0


@command("explain", "say why each exercise of a class plan is there, in plain words", _add_plan_file)
def _run_explain(args: argparse.Namespace) -> int:
    from ..exercises import load_library
    from ..plans import ClassPlan

    plan = ClassPlan.load(args.plan)
    print(plan.explain(load_library(*args.library)))
    return 0


# --------------------------------------------------------------------------- main
