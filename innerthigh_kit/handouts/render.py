"""One handout: papermill runs the template notebook for a plan, then it is exported, code hidden.

``render_handout(plan, "class.html")`` makes one handout (``.html``, ``.pdf`` or ``.ipynb``, by the
file's extension). The kernel works in a fresh temporary folder and gets the plan by its absolute
path, so nothing beside the plan file is ever imported or run. Bad input becomes a
``HandoutError`` that says what to change; an existing file is never overwritten unless
``force=True``.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .._atomic import prepare_output, write_atomic
from .._scratch import scratch_folder
from ..errors import HandoutError, error_names
from .export import export_html, html_to_pdf

if TYPE_CHECKING:  # a plan object is only passed through; importing plans here would slow the CLI
    from ..plans import ClassPlan

from .parameters import KERNEL_NAME, check_format, check_parameters, template_path


def _plan_file(plan: ClassPlan | str | os.PathLike, workdir: Path) -> Path:
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
def kernel_manager_class():
    """nbclient's kernel manager, talking to the kernel over local sockets where it can.

    On Linux and macOS the kernel's channels are Unix sockets (ZeroMQ's ``ipc`` transport) with a
    name of their own: no TCP port is picked, so two handouts rendered side by side (a workshop
    with ``--jobs 2``) can never race for the same port, and nothing listens on the network.
    Elsewhere it is TCP with CurveZMQ keys where pyzmq has them (``transport_encryption='auto'``),
    which keeps ipykernel 7.3+'s warning about unencrypted TCP off the instructor's terminal.
    """
    import zmq
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    local_sockets = os.name == "posix" and zmq.has("ipc")

    class KitKernelManager(AsyncKernelManager):
        @default("transport")
        def _default_transport(self):
            return "ipc" if local_sockets else "tcp"

        @default("ip")
        def _default_ip(self):
            if self.transport != "ipc":
                return super()._ip_default()
            # a short absolute path of its own (Unix socket paths stay under about 100 characters);
            # nothing is made until the kernel binds, and jupyter_client removes the sockets at
            # shutdown, so a manager that never starts leaves nothing behind
            return os.path.join(tempfile.gettempdir(), f"itk-kernel-{uuid.uuid4().hex[:16]}")

        @default("transport_encryption")
        def _default_transport_encryption(self):
            return "auto" if zmq.has("curve") and not local_sockets else "disabled"

    return KitKernelManager


def _execute(plan_path: Path, output: Path, parameters: dict, workdir: Path) -> None:
    import papermill
    from papermill.exceptions import PapermillExecutionError

    try:
        papermill.execute_notebook(
            str(template_path()),
            str(output),
            parameters=parameters,
            kernel_name=KERNEL_NAME,
            progress_bar=False,
            cwd=str(workdir),  # never the plan's folder: nothing there is imported or run
            request_save_on_cell_execute=False,
            kernel_manager_class=kernel_manager_class(),
            # a clean kernel exit sometimes stalls ~3 s; the kernel holds nothing worth waiting for
            shutdown_kernel="immediate",
        )
    except PapermillExecutionError as error:
        # The kit's own errors inside the kernel are already written for people: pass them on.
        kit_error = error.ename in error_names()
        message = error.evalue if kit_error else f"{error.ename}: {error.evalue}"
        raise HandoutError(f"The handout for {plan_path} could not be made: {message}") from None


def render_handout(
    plan: ClassPlan | str | os.PathLike,
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
    suffix = check_format(out)
    if out.exists() and not out.is_dir() and not force:
        raise HandoutError(
            f"{out} already exists. Choose another name, or use --force (force=True) to replace it."
        )
    prepare_output(out)
    if isinstance(library_paths, (str, os.PathLike)):  # one file given on its own
        library_paths = [library_paths]
    check_parameters("-", audience, include_diagrams, paper, list(library_paths), plan_required=False)
    library_paths = [str(Path(p).resolve()) for p in library_paths]
    with scratch_folder("handout") as workdir:
        plan_path = _plan_file(plan, workdir).resolve()
        check_parameters(str(plan_path), audience, include_diagrams, paper, library_paths)
        executed = workdir / "handout.ipynb"
        parameters = {
            "plan_path": str(plan_path),
            "audience": audience,
            "include_diagrams": include_diagrams,
            "paper": paper,
            "library_paths": library_paths,
        }
        _execute(plan_path, executed, parameters, workdir)
        if suffix == ".ipynb":
            content = executed.read_bytes()
        else:
            page = export_html(executed)
            content = page.encode("utf-8") if suffix == ".html" else html_to_pdf(page, paper)
    return write_atomic(out, content)
