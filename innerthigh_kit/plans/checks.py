"""Checks for any class plan (generated, hand-built or edited): findings with a severity.

``check_plan(plan, library)`` returns ``Finding``s, errors first:

- error: an exercise the audience's cautions rule out; an id not in the library; a dosage that
  cannot be taught (0 sets, 400 s hold, negative rest...); no warm-up; more than 20 % off time.
- warning: warm-up not first, cool-down missing or not last; 5-20 % off time; strength and stretch
  far from the focus's split; equipment or level beyond the audience; an exercise twice; near-twins
  in one section (twins.py: a note where the library has nothing else); three or more inner-thigh
  strength exercises and no outer-hip partner (partners.py, likewise); a per-side exercise done
  on one side; in later pregnancy more than 3 minutes on the back in a row; an exercise claiming a
  reason its movement does not train (a stretch for balance).
- info: reasons not covered (with exercises that would cover them); harder before easier in the
  strength section. Only the reasons an exercise's movement trains count (``honest_reasons``).
"""

from __future__ import annotations

import difflib
from pathlib import Path

from .. import vocab
from ..exercises import Exercise, Library
from ..exercises.files import reason_choices
from ..words import either_words, join_words, overclaim_words
from .findings import SEVERITIES, Finding
from .group_checks import gave_way, position_findings, programme_findings
from .items import PlanItem
from .model import ClassPlan
from .partners import partner_findings
from .twins import twin_findings

BALANCE_SLACK = 0.15  # how far the strength share may stray from the focus's before a warning
FOCUS_SPLIT = "focus-split"  # the rule, as plan.relaxed names it when the library cannot keep it


def _share_of_strength(focus: str) -> float:
    shares = vocab.FOCUS_SHARES[focus]
    strength = shares["activation"] + shares["strength"]
    return strength / (strength + shares["stretch"])


def _dosage_problems(item: PlanItem) -> list[str]:
    """Every number of the item's dosage outside ``vocab.LIMITS``, in words."""
    limits = vocab.LIMITS
    whole = (int,)

    def outside(name: str, value: object, integer: bool = False) -> bool:
        return (integer and (isinstance(value, bool) or not isinstance(value, whole))) or not limits[
            name
        ].allows(value)

    problems = []
    if outside("sets", item.sets, integer=True):
        problems.append(f"{item.sets!r} sets (use {limits['sets'].words()})")
    if (item.reps is None) == (item.hold_seconds is None):
        problems.append("give either reps or a hold, not both or neither")
    elif item.reps is not None and outside("reps", item.reps, integer=True):
        problems.append(f"{item.reps!r} reps (use {limits['reps'].words()})")
    elif item.hold_seconds is not None and outside("hold_seconds", item.hold_seconds):
        problems.append(f"a {item.hold_seconds!r} s hold (use {limits['hold_seconds'].words()})")
    if (
        item.reps is not None
        and item.seconds_per_rep is not None
        and outside("seconds_per_rep", item.seconds_per_rep)
    ):
        problems.append(f"{item.seconds_per_rep!r} s per rep ({limits['seconds_per_rep'].words()})")
    for name, word in (("rest_seconds", "rest"), ("transition_seconds", "transition")):
        value = getattr(item, name)
        if outside(name, value):
            problems.append(f"{value!r} s {word} ({limits[name].words()})")
    return problems


def _exercise_findings(
    exercise: Exercise, item: PlanItem, plan: ClassPlan, library: Library, where: dict
) -> list[Finding]:
    """What the library says about one item for this audience: cautions, equipment, level, sides."""
    tags = plan.audience.caution_tags
    findings = []
    for caution in exercise.clashes(tags):
        easier = exercise.regression
        other = easier if easier in library and not library.get(easier).clashes(tags) else None
        fix = f"Swap it for {library.get(other).name}." if other else "Remove it or swap it for another."
        need = vocab.CAUTION_WORDS.get(caution.tag, caution.tag)
        message = f"{exercise.name} is to be left out for {need}: {caution.note}"
        findings.append(Finding("error", message, **where, fix=fix))
    missing = exercise.needs(plan.audience.equipment_available)
    if missing:
        needs = join_words(vocab.EQUIPMENT_WORDS.get(e, e) for e in missing)
        message = f"{exercise.name} needs {needs}, which the class does not have."
        findings.append(
            Finding("warning", message, **where, fix="Add it to the audience's equipment or swap the item.")
        )
    if exercise.level > plan.audience.level:
        message = f"{exercise.name} is level {exercise.level}, above the class's level {plan.audience.level}."
        findings.append(Finding("warning", message, **where, fix="Swap it for its easier version."))
    if exercise.per_side and not item.per_side:
        message = f"{exercise.name} is done on each side, but the plan times one side only."
        findings.append(Finding("warning", message, **where, fix="Set per_side to true."))
    return findings + _claim_findings(exercise, where)


def _claim_findings(exercise: Exercise, where: dict) -> list[Finding]:
    """A warning for each reason the exercise claims that its movement does not train."""
    file = Path(exercise.source_file).name if exercise.source_file else "its exercise file"
    choices = either_words(f"'{r}' ({vocab.REASON_SHORT[r]})" for r in reason_choices(exercise))
    findings = []
    for reason in exercise.overclaimed_reasons():
        short = vocab.REASON_SHORT[reason]
        why = overclaim_words(reason, exercise.category, exercise.position)
        message = f"{exercise.name} claims {short}, but {why}."
        fix = (
            f"In {file}, take '{reason}' out of its reasons{f' or choose {choices}' if choices else ''}. "
            f"Until then the kit does not count {short} for this exercise."
        )
        findings.append(Finding("warning", message, **where, fix=fix))
    return findings


def _item_findings(plan: ClassPlan, library: Library) -> list[Finding]:
    findings = []
    seen: set[str] = set()
    for section, item in plan.items():
        where = {"section": section.name, "item": item.exercise}
        for problem in _dosage_problems(item):
            fix = "Change it with plan.set_dosage(...) or in the file."
            findings.append(Finding("error", f"The dosage cannot be taught: {problem}.", **where, fix=fix))
        if item.exercise in seen:
            fix = "Remove one, or swap it for another exercise."
            name = library.get(item.exercise).name if item.exercise in library else item.exercise
            findings.append(Finding("warning", f"{name} is in the class twice.", **where, fix=fix))
        seen.add(item.exercise)
        if item.exercise in library:
            findings += _exercise_findings(library.get(item.exercise), item, plan, library, where)
            continue
        close = difflib.get_close_matches(str(item.exercise), library.ids, n=1)
        hint = f"Did you mean '{close[0]}'? " if close else ""
        fix = f"{hint}See every id with `innerthigh-kit exercises`."
        findings.append(Finding("error", f"{item.exercise!r} is not in the library.", **where, fix=fix))
    return findings


def _categories(plan: ClassPlan, library: Library) -> list[tuple]:
    return [
        (section, item, library.get(item.exercise).category)
        for section, item in plan.items()
        if item.exercise in library
    ]


def _shape_findings(plan: ClassPlan, library: Library) -> list[Finding]:
    findings = []
    placed = _categories(plan, library)
    warm = [p for p in placed if p[2] in ("warm-up", "mobility")]
    if not placed:
        return [
            Finding(
                "error",
                "The plan has no exercises from the library.",
                fix="Add exercises, or build one with `innerthigh-kit plan`.",
            )
        ]
    if not warm:
        findings.append(
            Finding(
                "error", "The class has no warm-up.", fix="Add a warm-up or mobility exercise at the start."
            )
        )
    elif placed[0][2] not in ("warm-up", "mobility"):
        findings.append(
            Finding(
                "warning",
                "The class does not start with its warm-up.",
                section=placed[0][0].name,
                item=placed[0][1].exercise,
                fix="Move the warm-up to the start.",
            )
        )
    if not any(p[2] == "cool-down" for p in placed):
        findings.append(
            Finding("warning", "The class has no cool-down.", fix="Add a cool-down exercise at the end.")
        )
    elif placed[-1][2] != "cool-down":
        findings.append(
            Finding(
                "warning",
                "The class does not end with its cool-down.",
                section=placed[-1][0].name,
                item=placed[-1][1].exercise,
                fix="Move the cool-down to the end.",
            )
        )
    for section in plan.sections:
        levels = [
            library.get(i.exercise).level
            for i in section.items
            if i.exercise in library and library.get(i.exercise).category == "strength"
        ]
        if any(a > b for a, b in zip(levels, levels[1:], strict=False)):
            findings.append(
                Finding(
                    "info",
                    "A harder strength exercise comes before an easier one.",
                    section=section.name,
                    fix="Order the strength work from easier to harder.",
                )
            )
    return findings


def _time_findings(plan: ClassPlan) -> list[Finding]:
    if plan.target_minutes <= 0:
        return []
    off = plan.off_target
    if abs(off) <= vocab.TIME_TOLERANCE:
        return []
    severity = "error" if abs(off) > vocab.TIME_ERROR else "warning"
    word = "over" if off > 0 else "under"
    return [
        Finding(
            severity,
            f"The class runs {plan.total_seconds / 60:.1f} min, {abs(off):.0%} "
            f"{word} its {plan.target_minutes} min.",
            fix="Change sets, reps, holds or rests, or add or remove an exercise.",
        )
    ]


def focus_miss(plan: ClassPlan, library: Library) -> float:
    """How far the class's share of strength (of strength and stretch time) is from its focus's aim."""
    strength = sum(i.seconds for _, i, c in _categories(plan, library) if c in vocab.STRENGTH_CATEGORIES)
    stretch = sum(i.seconds for _, i, c in _categories(plan, library) if c in vocab.STRETCH_CATEGORIES)
    if strength + stretch == 0:
        return 0.0
    return abs(strength / (strength + stretch) - _share_of_strength(plan.audience.focus))


def _balance_findings(plan: ClassPlan, library: Library) -> list[Finding]:
    strength = sum(i.seconds for _, i, c in _categories(plan, library) if c in vocab.STRENGTH_CATEGORIES)
    stretch = sum(i.seconds for _, i, c in _categories(plan, library) if c in vocab.STRETCH_CATEGORIES)
    focus = plan.audience.focus
    if strength + stretch == 0:
        return []
    if strength == 0:
        return [
            Finding(
                "warning",
                "The class has no strength work: a stretch alone won't make a muscle strong.",
                fix="Add an activation or strength exercise.",
            )
        ]
    share, expected = strength / (strength + stretch), _share_of_strength(focus)
    if abs(share - expected) <= BALANCE_SLACK:
        return []
    more = "strength" if share > expected else "stretch"
    message = (
        f"Strength is {share:.0%} of the strength and stretch time; a "
        f"{focus} focus aims at about {expected:.0%}. The class leans to {more}"
    )
    why = gave_way(plan, FOCUS_SPLIT)
    if why is not None:
        return [Finding("info", f"{message}: {why}.")]
    fix = "Move time between the strength and stretch sections, or change the focus."
    return [Finding("warning", message + ".", fix=fix, rule=FOCUS_SPLIT)]


def _reason_findings(plan: ClassPlan, library: Library) -> list[Finding]:
    served = {r for _, i, _ in _categories(plan, library) for r in library.get(i.exercise).honest_reasons}
    tags = plan.audience.caution_tags
    findings = []
    for reason in vocab.REASONS:
        if reason in served:
            continue
        options = [
            e.name
            for e in library.filter(
                equipment_available=[*plan.audience.equipment, "mat"],
                level_max=plan.audience.level,
                avoid_cautions=tags,
                reason=reason,
            )
        ][:3]
        fix = (
            f"Exercises that would cover it: {join_words(options)}."
            if options
            else "No exercise in the library covers it for this class."
        )
        message = f"No exercise serves {vocab.REASON_SHORT[reason]} (one that {vocab.REASON_WORDS[reason]})."
        findings.append(Finding("info", message, fix=fix))
    return findings


def check_plan(plan: ClassPlan, library: Library) -> list[Finding]:
    """Every finding for ``plan`` against ``library``, errors first, then warnings, then info."""
    findings = (
        _item_findings(plan, library)
        + _shape_findings(plan, library)
        + _time_findings(plan)
        + _balance_findings(plan, library)
        + programme_findings(plan, library)
        + position_findings(plan, library)
        + twin_findings(plan, library)
        + partner_findings(plan, library)
        + _reason_findings(plan, library)
    )
    return sorted(findings, key=lambda f: SEVERITIES.index(f.severity))
