"""`innerthigh-kit exercises` and `validate`: the library."""

from __future__ import annotations

import argparse
import json
import sys

from .. import vocab
from ..words import POSITION_WORDS, listing, tag_choices
from .registry import add_library, command


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
        f"assumed): {tag_choices(vocab.EQUIPMENT, vocab.EQUIPMENT_WORDS)}",
    )
    parser.add_argument(
        "--level-max", type=int, choices=vocab.LEVELS, metavar="N", help="only levels up to N (1, 2 or 3)"
    )
    parser.add_argument(
        "--position",
        choices=vocab.POSITIONS,
        metavar="P",
        help=f"only this position: {tag_choices(vocab.POSITIONS, POSITION_WORDS)}",
    )
    parser.add_argument(
        "--avoid",
        nargs="+",
        choices=vocab.CAUTIONS,
        metavar="TAG",
        help=f"leave out exercises to avoid with: {tag_choices(vocab.CAUTIONS, vocab.CAUTION_LABELS)}",
    )
    add_library(parser, "your own exercise files or folders, added to the kit's")
    parser.add_argument("--json", action="store_true", help="print JSON records instead")


@command("exercises", "list the exercise library, filtered", _add_exercises)
def _run_exercises(args: argparse.Namespace) -> int:
    from ..exercises import load_library

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
        extra = ", ".join(vocab.EQUIPMENT_WORDS[e] for e in exercise.equipment if e != "mat") or "a mat only"
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
    from ..exercises.library import check_files

    report = check_files(*args.paths)  # raises LibraryError listing every problem
    print("".join(f"Warning: {warning}\n" for warning in report.warnings), end="", file=sys.stderr)
    print(report.summary(), file=sys.stdout if report.files else sys.stderr)
    return 0 if report.files else 1


# --------------------------------------------------------------------------- handouts
