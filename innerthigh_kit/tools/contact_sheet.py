"""Every exercise's figure on a few pages, to look at them all at once.

    python -m innerthigh_kit.tools.contact_sheet -o contact-sheet.pdf          # the kit's library
    python -m innerthigh_kit.tools.contact_sheet my_exercises.yaml -o mine.png  # yours too
    python -m innerthigh_kit.tools.contact_sheet --poses -o poses.pdf          # the named poses

A PDF gets one A4 page per 24 figures; a PNG holds them all on one sheet. Each figure is titled
with the exercise's name and id; one without pose data shows the neutral placeholder and says so.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

COLUMNS, ROWS = 4, 6


def _entries(paths: Sequence[str], poses: bool) -> list[tuple[str, object]]:
    """(title, exercise or FigureSpec) for every figure to draw."""
    if poses:
        from ..exercises.poses import POSES, figure_spec

        entries = []
        for name in POSES:
            view = "front" if name in ("standing-wide", "wide-squat", "butterfly") else "side"
            entries.append((f"{name} ({view})", figure_spec({"view": view, "start": {"pose": name}})))
        return entries
    from ..exercises import load_library

    library = load_library(*paths)
    return [(f"{e.name}\n{e.id}" + ("" if e.figure is not None else " (no pose data)"), e) for e in library]


def _page(entries, start: int):
    from ..diagrams._style import kit_figure
    from ..diagrams.figures import draw_into, figure_spec_of

    figure = kit_figure((8.27, 11.69))
    for number, (title, entry) in enumerate(entries[start : start + COLUMNS * ROWS]):
        column, row = number % COLUMNS, number // COLUMNS
        ax = figure.add_axes((column / COLUMNS + 0.01, 1 - (row + 1) / ROWS + 0.01, 1 / COLUMNS - 0.02,
                              1 / ROWS - 0.045))  # fmt: skip
        spec = entry if not hasattr(entry, "category") else figure_spec_of(entry)
        draw_into(ax, spec, "both")
        figure.text(
            (column + 0.5) / COLUMNS, 1 - row / ROWS - 0.006, title, ha="center", va="top", fontsize=6.5
        )
    return figure


def contact_sheet(out: str | Path, paths: Sequence[str] = (), poses: bool = False) -> Path:
    """Draw every figure to ``out`` (.pdf: pages of 24; .png or .svg: one sheet per 24, numbered)."""
    from matplotlib.backends.backend_pdf import PdfPages

    from .._atomic import prepare_output

    out = Path(out)
    prepare_output(out)
    entries = _entries(paths, poses)
    starts = range(0, len(entries), COLUMNS * ROWS)
    if out.suffix.lower() == ".pdf":
        with PdfPages(out) as pdf:
            for start in starts:
                pdf.savefig(_page(entries, start))
        return out
    for page, start in enumerate(starts, start=1):
        name = out if len(starts) == 1 else out.with_name(f"{out.stem}-{page}{out.suffix}")
        _page(entries, start).savefig(name, dpi=110)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m innerthigh_kit.tools.contact_sheet", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    parser.add_argument("library", nargs="*", help="your own exercise files or folders, beside the kit's")
    parser.add_argument("-o", "--out", default="contact-sheet.pdf", help="a .pdf, .png or .svg file")
    parser.add_argument("--poses", action="store_true", help="draw the named poses instead of the exercises")
    args = parser.parse_args(argv)
    from ..errors import KitError

    try:
        written = contact_sheet(args.out, args.library, args.poses)
    except KitError as error:
        print(error, file=sys.stderr)
        return 2
    print(f"Contact sheet written: {written}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
