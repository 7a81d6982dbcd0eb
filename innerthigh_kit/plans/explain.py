"""Plain words for a class plan, composed from the library and the kit's rules, never canned.

``explain_plan(plan, library)`` returns paragraphs separated by blank lines: the class as a whole
(who it is for, how the time is split and why, which of the five reasons to train it serves and
whether it keeps the range of movement, what this group needs, what gave way and why), then one
paragraph per item (why it is there, the key cue, its easier and harder versions for mixed levels,
what changes for this group, what it stands in for, how strong the evidence is). Nothing here
diagnoses: where pregnancy, the weeks after birth or a condition is involved, the words send
people to their midwife, physiotherapist or doctor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import vocab
from ..exercises import Library
from ..words import (
    FOCUS_WORDS,
    POPULATION_NOTES,
    duration_words,
    join_words,
    kind_words,
    reasons_sentence,
    transition_line,
)
from .items import PlanItem
from .programmes import programmes_for
from .versions import versions_words

if TYPE_CHECKING:  # explain sits below the plan model, which imports it
    from .model import ClassPlan


def _section_minutes(plan: ClassPlan) -> str:
    parts = [f"{s.name} {duration_words(s.seconds)}" for s in plan.sections if s.items]
    return "; ".join(parts)


def _balance(plan: ClassPlan, library: Library) -> tuple[float, float]:
    strength = stretch = 0.0
    for _, item in plan.items():
        if item.exercise in library:
            category = library.get(item.exercise).category
            strength += item.seconds if category in vocab.STRENGTH_CATEGORIES else 0
            stretch += item.seconds if category in vocab.STRETCH_CATEGORIES else 0
    return strength, stretch


def _rationale(plan: ClassPlan, library: Library) -> list[str]:
    audience = plan.audience
    who = vocab.POPULATION_WORDS.get(audience.population, audience.population)
    conditions = [vocab.CAUTION_WORDS.get(c, c) for c in audience.conditions]
    care = f", with care for {join_words(conditions)}" if conditions else ""
    head = (
        f"{plan.title}\n{plan.target_minutes} minutes for {who}, level {audience.level}"
        f"{care}. Timed total {duration_words(plan.total_seconds)}, both sides, rests and changes "
        "of position counted."
    )
    total = plan.total_seconds or 1
    strength, stretch = _balance(plan, library)
    focus = FOCUS_WORDS.get(audience.focus, "")
    why = (
        f"How the time is spent: {_section_minutes(plan)}. Strength work takes "
        f"{strength / total:.0%} of the class and stretching {stretch / total:.0%}: a "
        f"{audience.focus} focus means {focus}. The class starts warm and ends calm; in the "
        "strength block easier moves come before harder ones."
    )
    paragraphs = [head, why + " " + _reasons_served(plan, library)]
    notes = [POPULATION_NOTES.get(audience.population, "")]
    replaced = [item for _, item in plan.items() if item.replaced]
    if replaced:
        notes.append(
            f"{len(replaced)} exercise{'s were' if len(replaced) > 1 else ' was'} "
            "swapped for a version that suits this group; each stand-in says what it "
            "replaced and why."
        )
    if any(note for note in notes):
        paragraphs.append("For this group: " + " ".join(n for n in notes if n))
    sayings = {s.key: s for programme in programmes_for(audience) for s in programme.say}
    if sayings:
        paragraphs.append("Say to the class: " + " ".join(f"\u201c{s.text}\u201d" for s in sayings.values()))
    return paragraphs


def _reasons_served(plan: ClassPlan, library: Library) -> str:
    """Which of the reasons to train the class serves, then range of movement, from the vocabulary;
    only the reasons each exercise's movement trains count (``Exercise.honest_reasons``)."""
    served = {
        r
        for _, item in plan.items()
        if item.exercise in library
        for r in library.get(item.exercise).honest_reasons
    }
    to_train = vocab.REASONS_TO_TRAIN
    words = {r: vocab.REASON_SHORT[r] for r in vocab.REASONS}
    missing = [words[r] for r in to_train if r not in served]
    if not missing:
        sentence = (
            f"It serves every reason to train the inner thighs: {join_words(words[r] for r in to_train)}."
        )
    elif len(missing) == len(to_train):
        sentence = f"None of its exercises serves a reason to train the inner thighs ({join_words(missing)})."
    else:
        them = "them" if len(missing) > 1 else "it"
        sentence = (
            f"Of the reasons to train the inner thighs it serves "
            f"{join_words(words[r] for r in to_train if r in served)}; not {join_words(missing)}: "
            f"nothing in the class trains {them} (the plan check names exercises that would)."
        )
    keeps = "It also keeps" if "range" in served else "Nothing in it keeps"
    return f"{sentence} {keeps} the {words['range']}, the mobile half of strong and mobile."


def _what_gave_way(plan: ClassPlan) -> list[str]:
    """One paragraph with each rule the builder had to let go for this class, and why."""
    parts = []
    for relaxed in getattr(plan, "relaxed", ()) or ():
        rule, why = str(relaxed.get("rule", "")), str(relaxed.get("why", "")).rstrip(".")
        kind, _, role = rule.partition(":")
        role = role.rpartition(":")[2]
        if kind in ("must", "prefer") and role:
            words = vocab.ROLE_WORDS.get(role, role.replace("-", " "))
            words += " (a favourite of the teaching material)" if kind == "prefer" else ""
        else:
            words = vocab.RELAXED_RULE_WORDS.get(rule, rule.replace("-", " "))
        parts.append(f"{words}: {why}" if why else words)
    return ["What gave way, and why: " + "; ".join(parts) + "."] if parts else []


def _only_for(item: PlanItem, plan: ClassPlan, library: Library) -> list[str]:
    """The reasons this item is the class's only exercise for."""
    if item.exercise not in library:
        return []
    others = {
        r
        for _, other in plan.items()
        if other is not item and other.exercise in library
        for r in library.get(other.exercise).honest_reasons
    }
    return [r for r in library.get(item.exercise).honest_reasons if r not in others]


def _why(item: PlanItem, plan: ClassPlan, library: Library) -> str:
    """'Why: ...': the reasons the item's movement trains (never one it does not: a stretch serves
    range, not balance), what its file claims beyond them, and the reasons only it serves."""
    exercise = library.get(item.exercise)
    why = (
        f"Why: {reasons_sentence(exercise.honest_reasons) or 'its file names no reason its movement trains.'}"
    )
    over = [vocab.REASON_SHORT[r] for r in exercise.overclaimed_reasons()]
    if over:
        kind = kind_words(exercise.category, exercise.position)
        them = "them" if len(over) > 1 else "it"
        why += f" (Its file also claims {join_words(over)}; {kind} does not train {them}.)"
    only = _only_for(item, plan, library)
    if only:
        why += f" It is the class's only exercise for {join_words([vocab.REASON_SHORT[r] for r in only])}."
    return why


def _versions(exercise, plan: ClassPlan, library: Library) -> list[str]:
    """The easier and harder versions that suit the class, for mixed levels. For one of the teaching
    material's favourites (a role the programmes prefer) the harder one is named as the next step
    (the wide squat's heel lifts at level 1)."""
    words = versions_words(exercise, library, plan.audience)
    preferred = {rule.role for programme in programmes_for(plan.audience) for rule in programme.prefer}
    if preferred & set(exercise.roles):
        words = words.replace("Harder version: ", "Next step, when this feels easy: ")
    return [words] if words else []


#: Words that show a note already sends people to someone.
_PROFESSIONALS = ("midwife", "doctor", "physiotherapist", "surgeon", "GP")


def _ask(changes, notes: str) -> str:
    """' If in doubt, ask your midwife, doctor or pelvic-health physiotherapist.': each person once,
    and nothing when the notes already say whom to ask."""
    if any(word in notes for word in _PROFESSIONALS):
        return ""
    people: list[str] = []
    for change in changes:
        phrase = vocab.ASK_WHOM.get(change.tag, "").removeprefix("your ")
        for person in phrase.replace(" or ", ", ").split(", "):
            if person and person not in people:
                people.append(person)
    if not people:
        return ""
    listed = people[0] if len(people) == 1 else ", ".join(people[:-1]) + " or " + people[-1]
    return f" If in doubt, ask your {listed}."


def _item_paragraph(
    number: int, section, item: PlanItem, plan: ClassPlan, library: Library, before: str | None = None
) -> str:
    tags = plan.audience.caution_tags
    head = f"{number}. "
    if item.exercise not in library:
        return (
            f"{head}{item.exercise}: not in the library, so the kit cannot "
            "say why it is here. Check the id with `innerthigh-kit exercises`."
        )
    exercise = library.get(item.exercise)
    lines = [f"{head}{exercise.name}: {item.describe()}, {duration_words(item.seconds)}."]
    if before is not None and before != exercise.position:
        lines.append(transition_line(exercise.position, item.transition_seconds))
    lines.append(_why(item, plan, library))
    lines.append(f"Say: \u201c{exercise.key_cue}\u201d")
    lines += _versions(exercise, plan, library)
    changes = exercise.modifications(tags)
    if changes:
        notes = " ".join(c.note.rstrip(".") + "." for c in changes)
        lines.append(f"For this group: {notes}{_ask(changes, notes)}")
    clashes = exercise.clashes(tags)
    if clashes:
        lines.append(
            "Careful: the library says to leave this out for "
            f"{join_words([vocab.CAUTION_WORDS.get(c.tag, c.tag) for c in clashes])}: "
            f"{clashes[0].note} Swap it for an easier version."
        )
    if item.replaced:
        replaced_id, tag = item.replaced.get("exercise", ""), item.replaced.get("caution", "")
        if replaced_id in library:
            ruled_out = library.get(replaced_id)
            caution = ruled_out.caution(tag)
            note = caution.note.rstrip(".") if caution else ""
            if exercise.name.lower() not in note.lower():
                # keep the why; drop the note's own "choose ..." when the kit chose another
                note = note.split(";")[0]
            note = f": {note}" if note else ""
            lines.append(
                f"In place of {ruled_out.name}, left out for {vocab.CAUTION_WORDS.get(tag, tag)}{note}."
            )
    lines.append(f"Evidence: {vocab.EVIDENCE_WORDS.get(exercise.evidence, exercise.evidence)}.")
    if item.note:
        lines.append(f"Your note: {item.note}")
    return "\n".join(lines)


def explain_plan(plan: ClassPlan, library: Library) -> str:
    """The whole class's rationale, then one paragraph per item, separated by blank lines."""
    paragraphs = _rationale(plan, library) + _what_gave_way(plan)
    number, before = 0, None
    for section in plan.sections:
        if not section.items:
            continue
        paragraphs.append(f"{section.name.upper()} ({duration_words(section.seconds)})")
        for item in section.items:
            number += 1
            paragraphs.append(_item_paragraph(number, section, item, plan, library, before))
            before = library.get(item.exercise).position if item.exercise in library else before
    tags = plan.audience.caution_tags
    if any(tag in vocab.PROFESSIONAL_TAGS for tag in tags):
        paragraphs.append(
            "This is exercise education, not medical advice. Anyone pregnant, "
            "recently postnatal or in pain should check with their midwife, "
            "physiotherapist or doctor what suits them, and stop anything that "
            "hurts."
        )
    return "\n\n".join(paragraphs)
