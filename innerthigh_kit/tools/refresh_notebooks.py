"""Re-run the numbered notebooks in place and store small, clean outputs.

    python -m innerthigh_kit.tools.refresh_notebooks notebooks      # or: make notebooks

Each ``NN_*.ipynb`` is executed top to bottom (kernel ``python3``, working folder = the notebook's
folder, headless matplotlib) and written back with:

- no execution timing, widget state or editor/personal metadata (only the keys listed below stay);
- widget views reduced to their text fallback: without the saved widget state a stored view would
  only say "model not found"; the text tells the reader to run the notebook (nbval skips widget
  views anyway). A bare widget repr ("VBox(children=...") becomes ``WIDGET_HINT``;
- execution counts 1, 2, 3... in order.

Notebooks whose names do not start with two digits (the handout template) are skipped: papermill
renders those, nobody stores them executed.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

_NUMBERED = re.compile(r"^\d\d.*\.ipynb$")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
_KEEP_CELL_METADATA = ("tags", "jupyter", "editable", "deletable", "slideshow")
_KEEP_NOTEBOOK_METADATA = ("kernelspec", "language_info")
#: What a stored widget says instead of its repr ("VBox(children=(HTML(...") when read without a
#: kernel. notebooks/sanitize.cfg maps this text and the live repr to the same token for nbval.
WIDGET_HINT = "Interactive widget: run this notebook in Jupyter to use it."
_WIDGET_REPR = re.compile(r"^(VBox|HBox|Box|GridBox|Tab|Accordion|Stack|Output|Image|HTML|Label)\(")
_KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
#: A stored notebook bigger than this is probably holding too many or too large pictures.
SIZE_WARNING_BYTES = 1_500_000


def numbered_notebooks(folder: str | Path) -> list[Path]:
    """The notebooks of ``folder`` whose names start with two digits, in order."""
    return sorted(p for p in Path(folder).glob("*.ipynb") if _NUMBERED.match(p.name))


def clean(nb) -> None:
    """Strip volatile and personal metadata and widget views from an executed notebook, in place."""
    nb.metadata = {k: v for k, v in nb.metadata.items() if k in _KEEP_NOTEBOOK_METADATA}
    nb.metadata["kernelspec"] = dict(_KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    count = 0
    for cell in nb.cells:
        cell.metadata = {k: v for k, v in cell.metadata.items() if k in _KEEP_CELL_METADATA}
        if cell.cell_type != "code":
            continue
        count += 1
        cell.execution_count = count
        outputs = []
        for output in cell.outputs:
            if "metadata" in output:
                output["metadata"] = {}
            data = output.get("data")
            if data is not None:
                if data.pop(_WIDGET_VIEW, None) is not None and _WIDGET_REPR.match(
                    "".join(data.get("text/plain", ""))
                ):
                    data["text/plain"] = WIDGET_HINT
                if not data:
                    continue
            if output.get("output_type") == "execute_result":
                output["execution_count"] = count
            outputs.append(output)
        cell.outputs = outputs


def refresh(path: str | Path, timeout: int = 600) -> int:
    """Execute one notebook in its own folder and write it back cleaned. Returns its size."""
    import nbformat
    from nbclient import NotebookClient

    from ..handouts.render import kernel_manager_class

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=timeout,
        resources={"metadata": {"path": str(path.parent.resolve())}},
        shutdown_kernel="immediate",
        store_widget_state=False,
        kernel_manager_class=kernel_manager_class(),  # encrypted channel: no TCP warning printed
    )
    client.execute()
    clean(nb)
    nbformat.validate(nb)
    nbformat.write(nb, path)
    return path.stat().st_size


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m innerthigh_kit.tools.refresh_notebooks",
        description="Re-run the numbered notebooks in place and store clean, small outputs.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        default=["notebooks"],
        help="folders (every NN_*.ipynb in them) or single notebooks",
    )
    args = parser.parse_args(argv)
    # Headless and private: no GUI backend, nothing written to the user's home cache.
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    notebooks: list[Path] = []
    for given in map(Path, args.paths):
        if given.is_dir():
            notebooks += numbered_notebooks(given)
        elif _NUMBERED.match(given.name):
            notebooks.append(given)
        else:
            print(f"skip {given} (not a numbered notebook)")
    failed = 0
    for notebook in notebooks:
        print(f"run  {notebook} ...", end=" ", flush=True)
        try:
            size = refresh(notebook)
        except Exception as error:  # report every notebook, then fail once at the end
            failed += 1
            message = _ANSI.sub("", str(error))[-2000:]
            print(f"FAILED\n{type(error).__name__}: {message}")
            continue
        warning = "  (large: check the pictures)" if size > SIZE_WARNING_BYTES else ""
        print(f"ok, {size / 1000:.0f} kB{warning}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
