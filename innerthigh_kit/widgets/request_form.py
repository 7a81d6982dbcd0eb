"""The "what class do you need?" form, shared by the class builder and the workshop planner."""

from __future__ import annotations

import ipywidgets as w

from .. import vocab
from ..plans import ClassRequest

STYLE = {"description_width": "120px"}


def checkboxes(values, css: str, checked=()) -> w.Box:
    boxes = [
        w.Checkbox(
            value=value in checked,
            description=value,
            indent=False,
            layout=w.Layout(width="auto", margin="0 12px 0 0"),
        )
        for value in values
    ]
    box = w.Box(boxes, layout=w.Layout(flex_flow="row wrap"))
    box.add_class(css)
    return box


def ticked(box: w.Box) -> list[str]:
    return [child.description for child in box.children if child.value]


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
            options=vocab.POPULATIONS, value="general", description="Who is coming", style=STYLE
        )
        self.population.add_class("itk-population")
        self.focus = w.ToggleButtons(
            options=vocab.FOCUSES,
            value="balanced",
            description="Focus",
            style={**STYLE, "button_width": "90px"},
        )
        self.focus.add_class("itk-focus")
        self.equipment = checkboxes([e for e in vocab.EQUIPMENT if e != "mat"], "itk-equipment")
        self.conditions = checkboxes(vocab.CAUTIONS, "itk-conditions")
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
