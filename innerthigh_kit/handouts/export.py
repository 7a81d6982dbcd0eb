"""From an executed handout notebook to a page: clean HTML (no code, no prompts, print CSS) and PDF."""

from __future__ import annotations

import html
import os
from pathlib import Path

from .parameters import REMOVED_TAGS


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
    return page_html(title, body)


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


def page_html(title: str, body: str) -> str:
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
