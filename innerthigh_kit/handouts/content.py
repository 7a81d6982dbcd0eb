"""What a handout says: the pieces the handout template notebook displays, one call per cell.

Every piece is HTML built from the plan and the library, with every bit of user text escaped
(titles, notes, custom exercise names and cues), so a plan titled ``<script>`` prints as text.
The lever diagrams are drawn once per kit version and kept as SVG in a cache folder, so a
workshop of twenty handouts draws them once, and a handout kernel need not import matplotlib.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from html import escape

from .. import vocab
from ..errors import HandoutError
from ..exercises import Exercise, Library, load_library
from ..plans import ClassPlan, check_plan
from ..plans.programmes import programmes_for
from ..plans.versions import versions_words
from ..words import dosage_words, duration_words, join_words, section_words
from .diagram_cache import cached_figure_png, cached_svg, inline_svg
from .parameters import AUDIENCES, check_parameters

DISCLAIMER = (
    "This handout is for exercise education, not medical advice. If you are pregnant, have "
    "recently had a baby, or have pain, an injury or a health condition, ask a health "
    "professional (your doctor, midwife or physiotherapist) what suits you. Stop any exercise "
    "that hurts."
)


class _Html:
    """An HTML fragment that Jupyter displays as HTML (and nbconvert exports as is)."""

    def __init__(self, markup: str, title: str | None = None):
        self.markup = markup
        self.title = title

    def _repr_html_(self):
        if self.title is None:
            return self.markup
        # The page title travels to the exporter in the output's metadata.
        return self.markup, {"innerthigh_kit": {"title": self.title}}

    def __str__(self) -> str:
        return self.markup


class Handout:
    """The content of one handout: a plan, its library, and who it is for."""

    def __init__(
        self, plan: ClassPlan, library: Library, audience: str = "participant", include_diagrams: bool = True
    ):
        if audience not in AUDIENCES:
            raise HandoutError(f"audience: {audience!r} is not allowed. Use one of: {', '.join(AUDIENCES)}.")
        self.plan = plan
        self.library = library
        self.audience = audience
        self.include_diagrams = include_diagrams
        self.record = plan.to_json_dict()

    @classmethod
    def from_parameters(
        cls,
        plan_path: str,
        audience: str = "participant",
        include_diagrams: bool = True,
        paper: str = "A4",
        library_paths: Sequence[str] = (),
    ) -> Handout:
        """Check the template's parameters, then load the plan and the library."""
        check_parameters(plan_path, audience, include_diagrams, paper, library_paths)
        return cls(ClassPlan.load(plan_path), load_library(*library_paths), audience, include_diagrams)

    # ------------------------------------------------------------------ helpers

    def _items(self):
        for section in self.record["sections"]:
            for item in section["items"]:
                yield section, item

    def _exercise(self, exercise_id: str) -> Exercise | None:
        return self.library.get(exercise_id) if exercise_id in self.library else None

    def _tags(self) -> list[str]:
        return self.plan.audience.caution_tags

    # ------------------------------------------------------------------ pieces

    def header(self) -> _Html:
        record = self.record
        audience = record.get("audience", {})
        population = audience.get("population", "general")
        who = vocab.POPULATION_WORDS.get(population, population)
        used = {
            e for _, item in self._items() if (ex := self._exercise(item["exercise"])) for e in ex.equipment
        }
        equipment = [vocab.EQUIPMENT_WORDS.get(e, e) for e in vocab.EQUIPMENT if e in used]
        count = sum(1 for _ in self._items())
        version = "Instructor's notes" if self.audience == "instructor" else "Your class"
        facts = [
            ("Class length", f"{record['target_minutes']} min"),
            ("Timed total", duration_words(record["total_seconds"])),
            ("Exercises", str(count)),
            ("Level", str(audience.get("level", "–"))),
            ("You need", join_words(equipment) or "a mat"),
        ]
        facts_html = "".join(f"<div>{escape(k)}: <strong>{escape(v)}</strong></div>" for k, v in facts)
        conditions = [vocab.CAUTION_WORDS.get(c, c) for c in audience.get("conditions") or []]
        extra = f" · with care for {escape(join_words(conditions))}" if conditions else ""
        markup = (
            f"<h1>{escape(record['title'])}</h1>"
            f'<p class="subtitle">{escape(version)} · a class for {escape(who)}{extra}</p>'
            f'<div class="facts">{facts_html}</div>'
        )
        return _Html(markup, title=record["title"])

    def _thumbnail(self, exercise: Exercise | None) -> str:
        """The exercise's figure as a small PNG, inlined (a placeholder figure when it has no pose)."""
        png = base64.b64encode(cached_figure_png(exercise)).decode("ascii")
        alt = f"Figure: {exercise.name}" if exercise else "Figure"
        return f'<img class="thumb" alt="{escape(alt)}" src="data:image/png;base64,{png}">'

    def _timeline(self) -> str:
        """The instructor's picture of the class: positions and sections along the minutes (SVG)."""
        if self.audience != "instructor" or not self.include_diagrams:
            return ""
        from ..diagrams.timeline import class_timeline

        svg = inline_svg(class_timeline(self.plan, self.library))
        caption = "The class at a glance: each block is an exercise (its number), its row the position."
        return f'<figure class="timeline">{svg}<figcaption>{caption}</figcaption></figure>'

    def _cues(self, exercise: Exercise | None) -> str:
        """The cues under an exercise's name: the instructor's notes keep the set-up cue too; the
        take-home sheet keeps the key cue, since its figure shows the set-up. Then the easier and
        harder versions and the evidence, on one line."""
        if exercise is None:
            return ""
        said = exercise.cues[:2] if self.audience == "instructor" else (exercise.key_cue,)
        cues = "".join(f'<div class="cue">{escape(c)}</div>' for c in said)
        versions = versions_words(exercise, self.library, self.plan.audience)
        label = vocab.EVIDENCE_WORDS.get(exercise.evidence, exercise.evidence)
        versions = f'<span class="versions">{escape(versions)}</span> ' if versions else ""
        return (
            cues
            + f'<div class="more">{versions}<span class="evidence">Evidence: {escape(label)}.</span></div>'
        )

    def sequence(self) -> _Html:
        rows = []
        for section in self.record["sections"]:
            rows.append(
                f'<tr><td class="section" colspan="4">{escape(section_words(section["name"]))}</td></tr>'
            )
            for item in section["items"]:
                exercise = self._exercise(item["exercise"])
                name = exercise.name if exercise else item["exercise"]
                dose = dosage_words(
                    item["sets"],
                    item.get("reps") or 0,
                    item.get("hold_seconds") or None,
                    item.get("per_side"),
                )
                rows.append(
                    f'<tr><td class="figure">{self._thumbnail(exercise)}</td>'
                    f"<td><strong>{escape(name)}</strong>{self._cues(exercise)}</td>"
                    f"<td>{escape(dose)}</td>"
                    f'<td class="num">{escape(duration_words(item["seconds"]))}</td></tr>'
                )
        head = (
            '<tr><th class="figure"></th><th>Exercise and key cues</th><th>Dosage</th>'
            '<th class="num">Time</th></tr>'
        )
        return _Html(
            f'<h2>The sequence</h2>{self._timeline()}<table class="sequence">{head}{"".join(rows)}</table>'
            '<p class="small">Times include both sides, rests and changes of position. The orange '
            "band on each figure marks the inner thighs that work or stretch.</p>"
        )

    def why(self) -> _Html:
        served: dict[str, list[str]] = {reason: [] for reason in vocab.REASONS}
        for _, item in self._items():
            exercise = self._exercise(item["exercise"])
            if exercise:
                for reason in exercise.honest_reasons:
                    if exercise.name not in served[reason]:
                        served[reason].append(exercise.name)
        items = []
        for reason, names in served.items():
            if names:
                items.append(
                    f"<li><strong>{escape(vocab.REASON_WORDS[reason].capitalize())}"
                    f"</strong> — {escape(', '.join(names[:4]))}.</li>"
                )
        return _Html(
            '<h2>Why these exercises</h2><ul class="why">' + "".join(items) + "</ul>"
            '<p class="note">Your inner thighs (the adductors) run along the whole inside of '
            "the thigh bone, from the pubic bone to just above the knee. Squeeze along the whole "
            "length of the thigh, not only at the knees (a coaching cue). Train them strong and "
            "mobile: a stretch alone won't make a muscle strong.</p>"
        )

    def cautions(self) -> _Html:
        """The group's words, then each change of the library's cautions once, with the exercises
        it applies to (the same 'pillow under the bump' note for five side-lying moves is one line)."""
        tags = self._tags()
        notes: dict[str, list[str]] = {}
        for _, item in self._items():
            exercise = self._exercise(item["exercise"])
            if exercise:
                for caution in exercise.modifications(tags) + exercise.clashes(tags):
                    names = notes.setdefault(caution.note, [])
                    if exercise.name not in names:
                        names.append(exercise.name)
        listed = "".join(
            f"<li><strong>{escape(join_words(names))}</strong>: {escape(note)}</li>"
            for note, names in notes.items()
        )
        listed = f'<ul class="care">{listed}</ul>' if listed else ""
        sayings = {s.key: s.text for programme in programmes_for(self.plan.audience) for s in programme.say}
        said = "".join(f"<li>{escape(text)}</li>" for text in sayings.values())
        said = f'<ul class="say care">{said}</ul>' if said else ""
        return _Html(f'<h2>Take care</h2>{said}{listed}<p class="caution">{escape(DISCLAIMER)}</p>')

    def reasoning(self) -> _Html:
        if self.audience != "instructor":
            return _Html("")
        text = self.plan.explain(self.library)
        paragraphs = [p.strip() for p in str(text).split("\n\n") if p.strip()]
        body = "".join("<p>" + escape(p).replace("\n", "<br>") + "</p>" for p in paragraphs)
        return _Html(f"<h2>Reasoning (instructor)</h2>{body}")

    def findings(self) -> _Html:
        if self.audience != "instructor":
            return _Html("")
        found = check_plan(self.plan, self.library)
        if not found:
            return _Html("<h2>Plan check</h2><p>No findings: the plan passes every check.</p>")
        items = "".join(
            f'<li class="finding-{escape(f.severity)}"><strong>{escape(f.severity)}</strong>: '
            f"{escape(f.message)}</li>"
            for f in found
        )
        return _Html(f"<h2>Plan check</h2><ul>{items}</ul>")

    def sources(self) -> _Html:
        cited: list[str] = []
        for _, item in self._items():
            exercise = self._exercise(item["exercise"])
            for source in exercise.sources if exercise else ():
                citation = self.library.citation(source)
                if citation not in cited:
                    cited.append(citation)
        items = "".join(f"<li>{escape(c)}</li>" for c in cited)
        credit = (
            "Diagrams: OpenSim Gait2392 model (Delp et al. 1990; CC BY 3.0)." if self.include_diagrams else ""
        )
        return _Html(
            f'<h2>Sources</h2><ol class="sources">{items}</ol>'
            f'<p class="small">{escape(credit)} Made with innerthigh-kit.</p>'
        )

    def diagrams(self) -> _Html:
        if not self.include_diagrams:
            return _Html("")
        figures = []
        # the take-home sheet keeps one picture; the instructor's notes keep both
        choice = self._diagram_choice()
        for name, caption in choice if self.audience == "instructor" else choice[:1]:
            size = "" if self.audience == "instructor" else ' class="small"'
            figures.append(
                f"<figure{size}>{cached_svg(name)}<figcaption>{escape(caption)}</figcaption></figure>"
            )
        if self.audience != "instructor":  # beside "Why these exercises", to keep the sheet short
            return _Html("".join(figures))
        return _Html("<h2>The picture behind it</h2>" + "".join(figures))

    def _diagram_choice(self) -> list[tuple[str, str]]:
        seconds = {"strength": 0.0, "stretch": 0.0}
        for section, item in self._items():
            exercise = self._exercise(item["exercise"])
            category = exercise.category if exercise else section["name"]
            if category in ("strength", "activation"):
                seconds["strength"] += item["seconds"]
            elif category in ("stretch", "mobility"):
                seconds["stretch"] += item["seconds"]
        knee = (
            "knee_view",
            "How the inner thighs pull the thigh bone in toward the midline "
            "about the hip: a lever with the hip as its pivot.",
        )
        stretch = (
            "stretch_curves",
            "How far each inner-thigh muscle lengthens as the leg opens out to the side.",
        )
        if seconds["stretch"] > 1.5 * seconds["strength"]:
            return [stretch, knee]
        return [knee, stretch] if seconds["stretch"] else [knee]
