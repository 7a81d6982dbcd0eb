"""Handouts: papermill runs the template notebook for a plan, nbconvert exports it, code hidden.

``render_handout(plan, "class.html")`` makes one handout (``.html``, ``.pdf`` or ``.ipynb``, by the
file's extension); ``render_workshop(plans, "out/")`` makes many in parallel, one kernel per worker
process, with an index page linking them all. Bad input becomes a ``HandoutError`` that says what
to change; an existing file is never overwritten unless ``force=True``.
"""

from __future__ import annotations

import html
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .errors import HandoutError, KitError

AUDIENCES = ("participant", "instructor")
FORMATS = (".html", ".pdf", ".ipynb")
PAPER_SIZES = ("A4", "Letter")
#: Cells with these tags never reach a handout (papermill's injected cell has no tags of ours).
REMOVED_TAGS = ("remove-cell", "parameters", "injected-parameters")
KERNEL_NAME = "python3"


def template_path() -> Path:
    """The handout template notebook (notebooks/handout_template.ipynb, or its wheel copy)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_notebooks", here.parent / "notebooks"):
        path = candidate / "handout_template.ipynb"
        if path.is_file():
            return path
    raise HandoutError("The handout template notebook is missing; reinstall innerthigh-kit.")


# --------------------------------------------------------------------------- parameters


def check_parameters(
    plan_path: object,
    audience: object = "participant",
    include_diagrams: object = True,
    paper: object = "A4",
    library_paths: object = (),
) -> None:
    """Check the handout parameters; raise HandoutError naming the parameter and the fix.

    Papermill passes parameters without checking their types and only warns about unknown
    ones, so the template calls this first, and ``render_handout`` calls it before starting
    a kernel at all.
    """
    problems = []
    if not isinstance(plan_path, (str, os.PathLike)) or not str(plan_path).strip():
        problems.append(
            "plan_path: give the path of a class plan file (.yaml), e.g. -p plan_path my_class.yaml."
        )
    elif not Path(plan_path).is_file():
        problems.append(f"plan_path: there is no file at {str(plan_path)!r}. Check the path.")
    if audience not in AUDIENCES:
        problems.append(f"audience: {audience!r} is not allowed. Use one of: {', '.join(AUDIENCES)}.")
    if not isinstance(include_diagrams, bool):
        problems.append(f"include_diagrams: {include_diagrams!r} should be True or False.")
    if paper not in PAPER_SIZES:
        problems.append(f"paper: {paper!r} is not allowed. Use one of: {', '.join(PAPER_SIZES)}.")
    if isinstance(library_paths, (str, os.PathLike)) or not isinstance(library_paths, (list, tuple)):
        problems.append(
            "library_paths: give a list of your exercise files, e.g. ['my_moves.yaml'], or [] for none."
        )
    if problems:
        raise HandoutError(
            "The handout cannot be made with these parameters:\n  - " + "\n  - ".join(problems)
        )


# --------------------------------------------------------------------------- one handout


def _plan_file(plan, workdir: Path) -> Path:
    """A path to the plan's YAML file: the given path, or the plan object saved to workdir."""
    if isinstance(plan, (str, os.PathLike)):
        return Path(plan)
    save = getattr(plan, "save", None)
    if save is None:
        raise HandoutError(
            f"Cannot make a handout from {type(plan).__name__}: give a class "
            "plan or the path of its .yaml file."
        )
    path = workdir / "plan.yaml"
    save(path)
    return path


@cache
def _kernel_manager_class():
    """nbclient's kernel manager, asking for an encrypted kernel channel where pyzmq can.

    ipykernel 7.3+ prints a warning about unencrypted TCP on every kernel start; with CurveZMQ
    keys provisioned (``transport_encryption='auto'``) the warning goes and the kernel's
    traffic is encrypted, so an instructor's terminal shows only the kit's own messages.
    """
    import zmq
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    class KitKernelManager(AsyncKernelManager):
        @default("transport_encryption")
        def _default_transport_encryption(self):
            return "auto" if zmq.has("curve") else "disabled"

    return KitKernelManager


def _execute(plan_path: Path, output: Path, parameters: dict) -> None:
    import papermill
    from papermill.exceptions import PapermillExecutionError

    try:
        papermill.execute_notebook(
            str(template_path()),
            str(output),
            parameters=parameters,
            kernel_name=KERNEL_NAME,
            progress_bar=False,
            cwd=str(plan_path.parent),
            request_save_on_cell_execute=False,
            kernel_manager_class=_kernel_manager_class(),
            # a clean kernel exit sometimes stalls ~3 s; the kernel holds nothing worth waiting for
            shutdown_kernel="immediate",
        )
    except PapermillExecutionError as error:
        # The kit's own errors inside the kernel are already written for people: pass them on.
        kit_error = error.ename in {
            "HandoutError",
            "PlanError",
            "LibraryError",
            "KitError",
            "UnknownExerciseError",
        }
        message = error.evalue if kit_error else f"{error.ename}: {error.evalue}"
        raise HandoutError(f"The handout for {plan_path} could not be made: {message}") from None


def render_handout(
    plan,
    out: str | os.PathLike,
    audience: str = "participant",
    *,
    include_diagrams: bool = True,
    paper: str = "A4",
    library_paths: Sequence[str | os.PathLike] = (),
    force: bool = False,
) -> Path:
    """Render a handout for ``plan`` (a ClassPlan or the path of its YAML file) to ``out``.

    The format follows the extension of ``out``: ``.html``, ``.pdf`` or ``.ipynb``. The
    instructor version adds the full reasoning and the plan's check findings. Returns the path.
    """
    out = Path(out)
    if out.suffix.lower() not in FORMATS:
        raise HandoutError(
            f"{out}: a handout can be {', '.join(FORMATS)}; "
            f"{out.suffix or 'no extension'} is not one of them."
        )
    if out.exists() and not force:
        raise HandoutError(
            f"{out} already exists. Choose another name, or use --force (force=True) to replace it."
        )
    library_paths = [str(Path(p).resolve()) for p in library_paths]
    with tempfile.TemporaryDirectory(prefix="innerthigh-handout-") as tmp:
        workdir = Path(tmp)
        plan_path = _plan_file(plan, workdir).resolve()
        check_parameters(str(plan_path), audience, include_diagrams, paper, library_paths)
        executed = workdir / "handout.ipynb"
        _execute(
            plan_path,
            executed,
            {
                "plan_path": str(plan_path),
                "audience": audience,
                "include_diagrams": include_diagrams,
                "paper": paper,
                "library_paths": library_paths,
            },
        )
        out.parent.mkdir(parents=True, exist_ok=True)
        suffix = out.suffix.lower()
        if suffix == ".ipynb":
            _replace(executed.read_bytes(), out)
        else:
            page = export_html(executed)
            if suffix == ".html":
                _replace(page.encode("utf-8"), out)
            else:
                _replace(html_to_pdf(page, paper), out)
    return out


def _replace(content: bytes, out: Path) -> None:
    """Write atomically: a temporary file beside ``out``, then a rename."""
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --------------------------------------------------------------------------- export


def export_html(notebook_path: str | os.PathLike) -> str:
    """The executed template as one clean HTML page: no code, no prompts, print CSS."""
    import nbformat
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    notebook = nbformat.read(str(notebook_path), as_version=4)
    title = _title(notebook)
    remover = TagRemovePreprocessor(remove_cell_tags=set(REMOVED_TAGS), enabled=True)
    exporter = HTMLExporter(
        template_name="basic", exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True
    )
    exporter.register_preprocessor(remover, enabled=True)
    body, _ = exporter.from_notebook_node(notebook)
    return _page(title, body)


def _title(notebook) -> str:
    """The page title the header cell put in its output's metadata."""
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            metadata = output.get("metadata", {})
            # IPython files a _repr_html_ (data, metadata) pair under the mime type.
            ours = metadata.get("innerthigh_kit") or metadata.get("text/html", {}).get("innerthigh_kit")
            title = (ours or {}).get("title")
            if title:
                return str(title)
    return "Class handout"


def _stylesheet() -> str:
    return (Path(__file__).resolve().parent / "handout.css").read_text(encoding="utf-8")


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<style>\n{_stylesheet()}\n</style>\n</head>\n<body>\n<main class="handout">\n'
        f"{body}\n</main>\n</body>\n</html>\n"
    )


def html_to_pdf(page: str, paper: str = "A4") -> bytes:
    """Print the HTML page to PDF with WeasyPrint (pure Python; works offline)."""
    import logging

    from weasyprint import CSS, HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    size = CSS(string=f"@page {{ size: {paper}; }}")
    return HTML(string=page).write_pdf(stylesheets=[size])


# --------------------------------------------------------------------------- workshops


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


def _render_one(
    plan_path: str,
    out: str,
    audience: str,
    include_diagrams: bool,
    paper: str,
    library_paths: list[str],
    force: bool,
) -> str:
    render_handout(
        plan_path,
        out,
        audience,
        include_diagrams=include_diagrams,
        paper=paper,
        library_paths=library_paths,
        force=force,
    )
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
    paths = []
    for number, plan in enumerate(plans, start=1):
        if isinstance(plan, (str, os.PathLike)):
            paths.append(Path(plan))
        else:
            target = workdir / f"{number:02d}-plan.yaml"
            plan.save(target)
            paths.append(target)
    if not paths:
        raise HandoutError("No class plans were given for the workshop.")
    return paths


def render_workshop(
    plans,
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
    if jobs is not None and (not isinstance(jobs, int) or jobs < 1):
        raise HandoutError(f"jobs: {jobs!r} should be a whole number of 1 or more.")
    out_dir = Path(out_dir)
    result = WorkshopResult(out_dir)
    with tempfile.TemporaryDirectory(prefix="innerthigh-workshop-") as tmp:
        paths = _plan_paths(plans, Path(tmp))
        out_dir.mkdir(parents=True, exist_ok=True)
        index = out_dir / "index.html"
        if index.exists() and not force:
            raise HandoutError(
                f"{index} already exists. Choose another folder, or use --force "
                "(force=True) to replace the handouts in it."
            )
        jobs = jobs or os.cpu_count() or 1
        targets = {path: out_dir / f"{path.stem}{fmt}" for path in paths}
        libs = [str(Path(p).resolve()) for p in library_paths]
        # imported here: the handout template imports this module, and needs no process pool
        from concurrent.futures import ProcessPoolExecutor, as_completed

        with ProcessPoolExecutor(max_workers=min(jobs, len(paths))) as pool:
            futures = {
                pool.submit(
                    _render_one,
                    str(path.resolve()),
                    str(target),
                    audience,
                    include_diagrams,
                    paper,
                    libs,
                    force,
                ): path
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
        result.rendered.sort()
        result.failed.sort()
        _replace(_index_page(result, targets).encode("utf-8"), index)
        result.index = index
    return result


def _progress(iterable, total: int, enabled: bool):
    if not enabled:
        return iterable
    from tqdm.auto import tqdm

    return tqdm(iterable, total=total, desc="handouts", unit="plan")


def _index_page(result: WorkshopResult, targets: dict[Path, Path]) -> str:
    rows = []
    for plan_path, target in targets.items():
        if target in result.rendered:
            link = html.escape(target.name)
            rows.append(f'<li><a href="{link}">{html.escape(plan_path.stem)}</a></li>')
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
    return _page("Workshop handouts", "\n".join(body))
