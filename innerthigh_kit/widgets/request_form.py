"""The "what class do you need?" form, shared by the class builder and the workshop planner."""

from __future__ import annotations

import ipywidgets as w

from .. import vocab
from ..plans import ClassRequest

STYLE = {"description_width": "120px"}


def checkboxes(values, css: str, checked=(), words=None, hints=None) -> w.Box:
    """A row of tick boxes, one per tag of ``values``, each showing its words (``words[tag]``) and
    a hint on hover; ``ticked`` reads the tags back."""
    boxes = []
    for value in values:
        box = w.Checkbox(
            value=value in checked,
            description=(words or {}).get(value, value),
            tooltip=(hints or {}).get(value, ""),
            indent=False,
            layout=w.Layout(width="auto", margin="0 12px 0 0"),
        )
        box.tag = value  # what the tick means to the kit; people read the description
        boxes.append(box)
    box = w.Box(boxes, layout=w.Layout(flex_flow="row wrap"))
    box.add_class(css)
    return box


def ticked(box: w.Box) -> list[str]:
    """The tags of the ticked boxes (a group of rows: every row's)."""
    rows = [child for child in box.children if isinstance(child, w.Box)] or [box]
    return [child.tag for row in rows for child in row.children if getattr(child, "value", False) is True]


EQUIPMENT_LABELS = {e: vocab.label(vocab.EQUIPMENT_WORDS[e]) for e in vocab.EQUIPMENT}
CAUTION_LABELS = {tag: vocab.label(words) for tag, words in vocab.CAUTION_LABELS.items()}


def condition_boxes(css: str) -> w.Box:
    """The needs of a class in their groups, each group a row with its name, each need its hint."""
    rows = []
    for group, hints in vocab.CONDITION_GROUPS.items():
        row = checkboxes(list(hints), f"{css}-row", words=CAUTION_LABELS, hints=hints)
        row.children = (
            w.HTML(f"<span style='color:#52606d;margin-right:10px'>{group}:</span>"),
            *row.children,
        )
        rows.append(row)
    box = w.VBox(rows)
    box.add_class(css)
    return box


class RequestForm:
    """Minutes, level, population, focus, equipment and conditions → a ``ClassRequest``."""

    def __init__(self, title: str = "Inner thighs: strong and mobile", minutes: int = 45):
        self.title = w.Text(
            value=title, description="Class title", style=STYLE, layout=w.Layout(width="520px")
        )
        low, high = vocab.LIMITS["class_minutes"].low, vocab.LIMITS["class_minutes"].high
        self.minutes = w.IntSlider(
            value=minutes,
            min=int(low),
            max=int(high),
            step=5,
            description="Minutes",
            style=STYLE,
            continuous_update=False,
        )
        self.minutes.add_class("itk-minutes")
        self.level = w.ToggleButtons(
            options=[("1 beginner", 1), ("2 intermediate", 2), ("3 advanced", 3)],
            value=1,
            description="Level",
            style={**STYLE, "button_width": "110px"},
        )
        self.level.add_class("itk-level")
        self.population = w.Dropdown(
            options=[(vocab.POPULATION_LABELS[p], p) for p in vocab.POPULATIONS],
            value="general",
            description="Who is coming",
            style=STYLE,
            layout=w.Layout(width="520px"),
        )
        self.population.add_class("itk-population")
        self.focus = w.ToggleButtons(
            options=vocab.FOCUSES,
            value="balanced",
            description="Focus",
            style={**STYLE, "button_width": "90px"},
        )
        self.focus.add_class("itk-focus")
        self.equipment = checkboxes(
            [e for e in vocab.EQUIPMENT if e != "mat"], "itk-equipment", words=EQUIPMENT_LABELS
        )
        self.conditions = condition_boxes("itk-conditions")
        self.widget = w.VBox(
            [
                self.title,
                self.minutes,
                self.level,
                self.population,
                self.focus,
                w.HTML("<b>Equipment you have (a mat is assumed)</b>"),
                self.equipment,
                w.HTML("<b>Anyone with these needs? (the plan leaves out what to avoid)</b>"),
                self.conditions,
            ]
        )

    @property
    def equipment_ticked(self) -> list[str]:
        return ticked(self.equipment)

    def request(self) -> ClassRequest:
        return ClassRequest(
            minutes=self.minutes.value,
            level=self.level.value,
            equipment=ticked(self.equipment),
            population=self.population.value,
            conditions=ticked(self.conditions),
            focus=self.focus.value,
        )
