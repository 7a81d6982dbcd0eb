"""`innerthigh-kit handout` and `workshop`: class plans on paper."""

from __future__ import annotations

import argparse
import sys

from ..handouts.parameters import FORMATS, PAPER_SIZES
from .registry import add_audience, add_library, add_output, command


def _add_handout(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", metavar="PLAN", help="a class plan file (.yaml)")
    add_output(parser, "FILE", "the handout to write: .html, .pdf or .ipynb")
    add_audience(
        parser,
        "participant (take-home sheet, the default) or instructor (adds the reasoning and the plan check)",
    )
    parser.add_argument("--no-diagrams", action="store_true", help="leave the diagrams out")
    parser.add_argument("--paper", choices=PAPER_SIZES, default="A4", help="paper size for PDF (default A4)")
    add_library(parser, "your own exercise files, if the plan uses them")
    parser.add_argument("--force", action="store_true", help="replace an existing output file")


@command("handout", "render a class plan as a handout (HTML, PDF or notebook)", _add_handout)
def _run_handout(args: argparse.Namespace) -> int:
    from ..handouts import render_handout

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
    add_output(parser, "OUT_DIR", "the folder for the handouts and their index.html")
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
    add_audience(parser, "participant (default) or instructor")
    add_library(parser, "your own exercise files, if the plans use them")
    parser.add_argument("--force", action="store_true", help="replace existing handouts")


@command("workshop", "render handouts for a whole folder of class plans, in parallel", _add_workshop)
def _run_workshop(args: argparse.Namespace) -> int:
    from ..handouts import render_workshop

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


def _add_card(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("exercise", metavar="ID", help="the exercise's id (see `innerthigh-kit exercises`)")
    add_output(parser, "FILE", "the card to write: .pdf, .png or .svg (A6, a quarter of an A4 page)")
    add_library(parser, "your own exercise files, if the exercise is one of yours")
    parser.add_argument("--force", action="store_true", help="replace an existing file")


@command("card", "print one exercise's card: its figure, dosage, cues and cautions", _add_card)
def _run_card(args: argparse.Namespace) -> int:
    from ..handouts.cards import render_card

    out = render_card(args.exercise, args.output, library_paths=args.library, force=args.force)
    print(f"Card written: {out}")
    return 0
