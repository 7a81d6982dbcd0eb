"""Small HTML pieces for the widgets: every bit of text goes through ``esc`` first.

Instructors load their own YAML files, so any name, cue or note may contain ``<`` or ``&``.
Build card HTML only from these helpers and escaping cannot be forgotten. Plain words for the
vocabulary (reasons, evidence, caution tags) come from ``vocab``; nothing here holds a rule.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Iterable
from pathlib import Path

from .. import vocab
from .._data import data_dir
from ..errors import KitError
from ..exercises import Exercise, Library
from ..words import join_words

#: A calm card frame; widths in ``em`` so it reads the same in JupyterLab, voila and nbconvert.
CARD_STYLE = (
    "border:1px solid #d0d7de;border-radius:8px;padding:10px 14px;"
    "background:#fcfcfd;line-height:1.45;max-width:48em"
)
_MUTED = "color:#57606a"


def esc(text: object) -> str:
    """Escape any value for HTML text or a quoted attribute."""
    return html.escape(str(text), quote=True)


def heading(text: str, level: int = 4) -> str:
    return f"<h{level} style='margin:10px 0 4px'>{esc(text)}</h{level}>"


def bullets(items: Iterable[object], ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    rows = "".join(f"<li>{esc(item)}</li>" for item in items)
    return f"<{tag} style='margin:2px 0 6px 0;padding-left:1.4em'>{rows}</{tag}>" if rows else ""


def field(label: str, value: object) -> str:
    """One 'label: value' line."""
    return f"<div><b>{esc(label)}:</b> {esc(value)}</div>"


def badge(text: str, colour: str = "#0b6e69") -> str:
    return (
        f"<span style='display:inline-block;border:1px solid {colour};color:{colour};"
        f"border-radius:10px;padding:0 8px;margin:0 4px 2px 0;font-size:0.85em'>"
        f"{esc(text)}</span>"
    )


def muted(text: str) -> str:
    return f"<span style='{_MUTED}'>{esc(text)}</span>"


def card(inner_html: str, css_class: str = "itk-card") -> str:
    """Wrap already-escaped pieces in the card frame."""
    return f"<div class='{esc(css_class)}' style='{CARD_STYLE}'>{inner_html}</div>"


def cautions_table(cautions, highlight: Iterable[str] = ()) -> str:
    """Cautions as a small table: who, what to do, the note. Rows for ``highlight`` tags in bold."""
    if not cautions:
        return "<div>" + muted("No cautions listed for this exercise.") + "</div>"
    marked = set(highlight)
    rows = []
    for caution in cautions:
        weight = "font-weight:bold;" if caution.tag in marked else ""
        colour = "#9b1c1c" if caution.action == "avoid" else "#8a5a00"
        who = vocab.CAUTION_LABELS.get(caution.tag, caution.tag)
        action = vocab.CAUTION_ACTION_WORDS.get(caution.action, caution.action)
        rows.append(
            f"<tr style='{weight}vertical-align:top'>"
            f"<td style='padding:2px 8px 2px 0'>{esc(who)}</td>"
            f"<td style='padding:2px 8px;color:{colour};white-space:nowrap'>"
            f"{esc(caution.action)}: {esc(action)}</td>"
            f"<td style='padding:2px 0 2px 8px'>{esc(caution.note)}</td></tr>"
        )
    return f"<table class='itk-cautions' style='border-collapse:collapse'>{''.join(rows)}</table>"


def _overclaim_note(exercise: Exercise) -> str:
    """A quiet line for reasons the file claims that the exercise's movement does not train."""
    over = [vocab.REASON_SHORT[r] for r in exercise.overclaimed_reasons()]
    if not over:
        return ""
    them = "them" if len(over) > 1 else "it"
    text = (
        f"Its file also claims {join_words(over)}; not counted: this kind of movement does not train {them}."
    )
    return f"<div>{muted(text)}</div>"


def figure_img(
    exercise: Exercise | None, phase: str = "both", size=(2.6, 1.9), css_class="itk-figure"
) -> str:
    """The exercise's figure as an inline PNG (drawn once per pose, then cached)."""
    from ..handouts.diagram_cache import cached_figure_png

    png = base64.b64encode(cached_figure_png(exercise, phase, size, dpi=110)).decode("ascii")
    alt = f"Figure: {exercise.name}" if exercise is not None else "Figure"
    return (
        f"<img class='{esc(css_class)}' alt='{esc(alt)}' style='max-width:100%;height:auto' "
        f"src='data:image/png;base64,{png}'>"
    )


def exercise_card(exercise: Exercise, library: Library, highlight_cautions: Iterable[str] = ()) -> str:
    """The whole card for one exercise: every field in plain words, all text escaped.

    ``library`` resolves regression/progression names and source keys (``library.citation``).
    """

    def name_of(exercise_id):
        if exercise_id is None:
            return None
        return library.get(exercise_id).name if exercise_id in library else exercise_id

    badges = "".join(
        [
            badge(exercise.category),
            badge(exercise.position),
            badge(f"level {exercise.level}"),
            badge(f"evidence: {exercise.evidence}", "#57606a"),
        ]
    )
    movement = exercise.figure is not None and exercise.figure.end is not None
    parts = [
        f"<h3 class='itk-card-name' style='margin:2px 0 6px'>{esc(exercise.name)}</h3>",
        figure_img(exercise, "pair" if movement else "start", (2.4, 1.8)),
        f"<div>{badges}</div>",
        f"<p style='margin:6px 0'>{esc(exercise.description)}</p>",
        field("Equipment", ", ".join(exercise.equipment)),
        field("Dosage", exercise.dosage.describe(exercise.per_side)),
        field(
            "Muscles",
            ", ".join(exercise.primary_muscles)
            + (f" (also {', '.join(exercise.secondary_muscles)})" if exercise.secondary_muscles else ""),
        ),
        field("Easier version", name_of(exercise.regression) or "none listed"),
        field("Harder version", name_of(exercise.progression) or "none listed"),
        heading("Cues to say"),
        bullets(exercise.cues),
        heading("Why it is in the library"),
        bullets(vocab.REASON_WORDS.get(r, r) for r in exercise.honest_reasons),
        _overclaim_note(exercise),
        heading("Evidence"),
        f"<div>{esc(vocab.EVIDENCE_WORDS.get(exercise.evidence, exercise.evidence))}.</div>",
        heading("Cautions"),
        cautions_table(exercise.cautions, highlight_cautions),
        heading("Sources"),
        bullets((library.citation(s) for s in exercise.sources), ordered=True),
    ]
    if exercise.source_file and not _is_kit_file(exercise.source_file):
        parts.append("<div>" + muted(f"From your file {Path(exercise.source_file).name}") + "</div>")
    return card("".join(parts))


def _is_kit_file(path: str) -> bool:
    try:
        Path(path).resolve().relative_to(data_dir().resolve())
    except (ValueError, KitError):
        return False
    return True


def named(widget, css_class: str):
    """The widget with a CSS class that names it (for styling and the browser tests)."""
    widget.add_class(css_class)
    return widget


_SEVERITY_ICON = {"error": "<b>Fix:</b>", "warning": "<b>Check:</b>", "info": "<b>Note:</b>"}


def findings_html(findings) -> str:
    """A plan's check findings, each with what to do ('Fix:', 'Check:', 'Note:'), all escaped."""
    return (
        "".join(
            f"<div class='itk-finding-{f.severity}'>{_SEVERITY_ICON.get(f.severity, '')} "
            f"{esc(f.message)}</div>"
            for f in findings
        )
        or "\u2713 No findings: nothing unsafe for the group, missing or out of balance."
    )


def paragraphs_html(text: str) -> str:
    """Plain text as escaped paragraphs (blank lines between them, line breaks kept)."""
    return "".join(
        "<p>" + esc(part).replace("\n", "<br>") + "</p>" for part in text.split("\n\n") if part.strip()
    )


def bounded(limit: str, description: str):
    """A whole-number box whose bounds are the model's limits (vocab.LIMITS)."""
    import ipywidgets as w

    low, high = vocab.LIMITS[limit].low, vocab.LIMITS[limit].high
    return w.BoundedIntText(
        min=int(low), max=int(high), description=description, layout=w.Layout(width="150px")
    )


def error_html(message: str) -> str:
    """A message that stops something, in a red-edged box, escaped, its line breaks kept."""
    return (
        "<div style='color:#9b1c1c;border-left:4px solid #9b1c1c;padding:4px 10px;"
        f"white-space:pre-wrap'>{esc(message)}</div>"
    )


def front_end(file: str) -> str:
    """A front-end widget's JavaScript module (a file beside this one), after the shared _dom.js."""
    here = Path(__file__).parent
    return (here / "_dom.js").read_text(encoding="utf-8") + "\n" + (here / file).read_text(encoding="utf-8")
