"""A workshop's handouts: one per plan, rendered in parallel worker processes, with an index page.

``render_workshop(plans, "out/")`` runs ``jobs`` worker processes (one kernel each), carries on
past a failing plan (its reason goes on the index page and into the result) and writes
``index.html`` linking every handout made.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from .._atomic import folder_lock, prepare_output, write_atomic
from .._scratch import scratch_folder
from ..errors import HandoutError, KitError
from .export import page_html
from .parameters import FORMATS
from .render import render_handout

if TYPE_CHECKING:
    from ..plans import ClassPlan


@dataclass
class WorkshopResult:
    """What a workshop render made and what failed (with the reason, in words)."""

    out_dir: Path
    rendered: list[Path] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    index: Path | None = None

    @property
    def ok(self) -> bool:
        return not self.failed


def _render_one(plan_path: str, out: str, options: dict) -> str:
    options = dict(options)
    render_handout(plan_path, out, options.pop("audience"), **options)
    return out


def _plan_paths(plans: str | os.PathLike | Iterable, workdir: Path) -> list[Path]:
    if isinstance(plans, (str, os.PathLike)):
        folder = Path(plans)
        if not folder.is_dir():
            raise HandoutError(f"{folder} is not a folder of class plans (.yaml files).")
        found = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
        if not found:
            raise HandoutError(f"{folder} has no class plans (.yaml files) in it.")
        return found
    if not isinstance(plans, Iterable):
        raise HandoutError(
            f"A workshop needs a folder of class plans or a list of plans, not {type(plans).__name__}."
        )
    paths = []
    for number, plan in enumerate(plans, start=1):
        if isinstance(plan, (str, os.PathLike)):
            paths.append(Path(plan))
        elif callable(getattr(plan, "save", None)):
            target = workdir / f"{number:02d}-plan.yaml"
            plan.save(target)
            paths.append(target)
        else:
            raise HandoutError(
                f"Plan {number} of the workshop is a {type(plan).__name__}: give a plan or its file."
            )
    if not paths:
        raise HandoutError("No class plans were given for the workshop.")
    return paths


def render_workshop(
    plans: str | os.PathLike | Iterable[ClassPlan | str | os.PathLike],
    out_dir: str | os.PathLike,
    jobs: int | None = None,
    *,
    audience: str = "participant",
    fmt: str = ".html",
    include_diagrams: bool = True,
    paper: str = "A4",
    library_paths: Sequence[str | os.PathLike] = (),
    force: bool = False,
    progress: bool = True,
) -> WorkshopResult:
    """Render a handout for every plan (a folder of .yaml plans, or a list of plans/paths).

    Runs ``jobs`` worker processes (default: one per core), each with its own kernel, shows a
    progress bar, writes ``index.html`` linking every handout, and carries on past a failing
    plan: failures are returned (and listed on the index page) with their reasons.
    """
    if fmt not in FORMATS:
        raise HandoutError(f"fmt {fmt!r} is not allowed. Use one of: {', '.join(FORMATS)}.")
    if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1):
        raise HandoutError(f"jobs: {jobs!r} should be a whole number of 1 or more.")
    if isinstance(library_paths, (str, os.PathLike)):  # one file given on its own
        library_paths = [library_paths]
    out_dir = Path(out_dir)
    result = WorkshopResult(out_dir)
    index = out_dir / "index.html"
    if index.exists() and not force:
        raise HandoutError(
            f"{index} already exists. Choose another folder, or use --force (force=True) "
            "to replace the handouts in it."
        )
    prepare_output(index)
    with folder_lock(out_dir, "workshop"), scratch_folder("workshop") as scratch:
        paths = _plan_paths(plans, scratch)
        targets = output_paths(paths, out_dir, fmt)
        options = {
            "audience": audience,
            "include_diagrams": include_diagrams,
            "paper": paper,
            "library_paths": [str(Path(p).resolve()) for p in library_paths],
            "force": force,
        }
        _render_all(targets, options, jobs or os.cpu_count() or 1, progress, result)
        result.rendered = sorted(path for path in result.rendered if path.is_file())  # what is on disk
        result.failed.sort()
        write_atomic(index, _index_page(result, targets))
    result.index = index
    return result


def output_paths(paths: list[Path], out_dir: Path, fmt: str) -> dict[Path, Path]:
    """A distinct handout name for every plan: never ``index``, and ``a.yaml`` and ``a.yml`` apart.

    Names are compared without regard to case, as some file systems do.
    """
    stems = [path.stem for path in paths]
    taken = {"index"}
    targets = {}
    for path, stem in zip(paths, stems, strict=True):
        name = stem
        if stems.count(stem) > 1 or name.lower() in taken:
            name = f"{stem}-{path.suffix.lstrip('.') or 'plan'}"
        number = 2
        while name.lower() in taken:
            name, number = f"{stem}-{number}", number + 1
        taken.add(name.lower())
        targets[path] = out_dir / f"{name}{fmt}"
    return targets


def _render_all(
    targets: dict[Path, Path], options: dict, jobs: int, progress: bool, result: WorkshopResult
) -> None:
    """Render every plan in ``jobs`` worker processes; collect what was made and what failed."""
    # imported here: the handout template imports this package, and needs no process pool
    from concurrent.futures import ProcessPoolExecutor, as_completed

    with ProcessPoolExecutor(max_workers=min(jobs, len(targets))) as pool:
        futures = {
            pool.submit(_render_one, str(path.resolve()), str(target), options): path
            for path, target in targets.items()
        }
        for future in _progress(as_completed(futures), len(futures), progress):
            path = futures[future]
            try:
                result.rendered.append(Path(future.result()))
            except KitError as error:
                result.failed.append((str(path), str(error)))
            except Exception as error:  # a crash in one worker must not stop the others
                result.failed.append((str(path), f"{type(error).__name__}: {error}"))


def _progress(iterable, total: int, enabled: bool):
    if not enabled:
        return iterable
    from tqdm.auto import tqdm

    return tqdm(iterable, total=total, desc="handouts", unit="plan")


def _index_page(result: WorkshopResult, targets: dict[Path, Path]) -> str:
    rows = []
    for plan_path, target in targets.items():
        if target in result.rendered:
            # a relative link to the file itself: "./" and percent-quoting mean no name can be
            # read as a scheme (javascript:...) or reach outside the folder
            link = html.escape("./" + quote(target.name), quote=True)
            rows.append(f'<li><a href="{link}">{html.escape(plan_path.name)}</a></li>')
    failed = "".join(
        f"<li><strong>{html.escape(Path(path).name)}</strong>: {html.escape(reason)}</li>"
        for path, reason in result.failed
    )
    body = [
        f"<h1>Workshop handouts</h1><p>{len(result.rendered)} handout(s) made.</p>",
        f'<ul class="index">{"".join(rows)}</ul>',
    ]
    if failed:
        body.append(f"<h2>Could not be made ({len(result.failed)})</h2><ul>{failed}</ul>")
    return page_html("Workshop handouts", "\n".join(body))
