"""Plain words for a class plan, composed from the library and the kit's rules, never canned.

``explain_plan(plan, library)`` returns paragraphs separated by blank lines: the class as a whole
(who it is for, how the time is split and why, which of the five reasons it serves, what this
group needs), then one paragraph per item (why it is there, the key cue, what changes for this
group, what it stands in for, how strong the evidence is). Nothing here diagnoses: where
pregnancy, the weeks after birth or a condition is involved, the words send people to their
midwife, physiotherapist or doctor.
"""

from __future__ import annotations

from . import vocab
from .plans import duration_words

#: Short names for the caution tags, as said in a sentence.
CAUTION_WORDS = {
    "knee-pain": "knee pain",
    "pelvic-girdle-pain": "pelvic girdle pain",
    "low-back-pain": "low-back pain",
    "hip-replacement": "a hip replacement",
    "osteoporosis": "osteoporosis",
    "diastasis-recti": "a tummy gap (diastasis recti)",
    "pregnancy-t1": "the first trimester",
    "pregnancy-t2": "the second trimester",
    "pregnancy-t3": "the third trimester",
    "postnatal-early": "the early months after birth",
}

#: Short names for the reasons, for "the only exercise for ..." sentences.
REASON_SHORT = {
    "knee": "the knee",
    "foot-ankle": "the hip-to-foot chain",
    "balance": "balance",
    "lateral": "side-to-side movement",
    "pelvis-core": "the pelvis and core",
}

#: What the kit's rules ask for each group (EVIDENCE.md §2.11-2.12), in the instructor's words.
POPULATION_NOTES = {
    "general": "",
    "prenatal-t1": (
        "In early pregnancy most people can keep training at a comfortable effort: you should "
        "be able to talk. Nothing here is medical advice: anyone pregnant checks with their "
        "midwife or doctor what suits them."
    ),
    "prenatal-t2": (
        "From about 20 weeks keep time lying on the back short (2-3 minutes at a time) and "
        "turn onto the side at once if anyone feels light-headed or unwell. Anyone pregnant "
        "checks with their midwife or doctor what suits them."
    ),
    "prenatal-t3": (
        "In the third trimester keep time lying on the back short (2-3 minutes at a time), "
        "offer side-lying or propped-up versions, keep the knees together when changing "
        "position and let pain or light-headedness end an exercise. Anyone pregnant checks "
        "with their midwife or doctor what suits them."
    ),
    "postnatal": (
        "After birth the return is gradual: low load, breathe out as you squeeze, no impact and "
        "no long-lever planks in the early months. Leaking, heaviness, a doming tummy or pelvic "
        "pain are reasons to see a GP, midwife or pelvic-health physiotherapist before loaded "
        "work; everything here is as cleared by them."
    ),
    "older-adult": (
        "For older adults stretch holds run longer (30-60 s), balance work keeps a chair or "
        "wall within reach, and strength work aims at 10-15 steady reps."
    ),
    "athlete": (
        "For athletes the strength work goes through long ranges, the way side-to-side sport "
        "loads the inner thighs; weak inner thighs are one of the risk factors for groin "
        "injury found in field sports (Ryan 2014)."
    ),
}

CONDITION_NOTES = {
    "knee-pain": "With knee pain work in a pain-free range; soreness that lingers into the next "
    "day means next time does less.",
    "pelvic-girdle-pain": "With pelvic girdle pain keep the knees together when changing "
    "position, avoid wide or one-leg stances and let pain set the limit.",
    "low-back-pain": "With low-back pain keep the spine in a comfortable middle position and "
    "move within what feels easy.",
    "hip-replacement": "After a hip replacement follow the surgeon's precautions first; by "
    "default no leg across the midline and no deep bend with the knee "
    "turning in.",
    "osteoporosis": "With osteoporosis hinge from the hips with a long back instead of rounding "
    "forward, and keep support close for balance work.",
    "diastasis-recti": "With a tummy gap keep pressure low: breathe out on the effort and stop "
    "if the tummy domes.",
}

FOCUS_WORDS = {
    "balanced": "strength and stretch in every class, because a muscle needs to be strong "
    "and mobile, and a stretch alone won't make it strong",
    "strength": "mostly strength, where the evidence is strongest: one progressive "
    "inner-thigh exercise done regularly lowered groin problems by about 40 % in "
    "male footballers (Harøy 2019)",
    "stretch": "mostly stretching: it raises how far you can move, mostly by raising your "
    "tolerance of the stretch; it is not proven to prevent injury",
}

#: Who to ask, by caution tag: pregnancy and the pelvis go to the midwife first.
ASK_WHOM = {
    "pregnancy-t1": "your midwife or doctor",
    "pregnancy-t2": "your midwife or doctor",
    "pregnancy-t3": "your midwife or doctor",
    "postnatal-early": "your midwife, GP or pelvic-health physiotherapist",
    "pelvic-girdle-pain": "your midwife or pelvic-health physiotherapist",
    "diastasis-recti": "your GP or pelvic-health physiotherapist",
    "hip-replacement": "your surgeon or physiotherapist",
    "osteoporosis": "your doctor or physiotherapist",
    "knee-pain": "your physiotherapist or doctor",
    "low-back-pain": "your physiotherapist or doctor",
}
PROFESSIONAL_TAGS = tuple(ASK_WHOM)


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _reason_phrases(reasons) -> list[str]:
    # "pelvis-core" reads as a list of its own ("pelvis, deep abdominals and pelvic floor"),
    # so it goes last where its commas cannot be mistaken for the sentence's.
    ordered = sorted((r for r in reasons if r in vocab.REASON_WORDS), key=lambda r: r == "pelvis-core")
    return [vocab.REASON_WORDS[r] for r in ordered]


def reasons_sentence(reasons) -> str:
    """E.g. 'It supports the knee by steadying the thigh bone. It also steadies the hip ...'"""
    phrases = _reason_phrases(reasons)
    if not phrases:
        return ""
    sentence = f"It {phrases[0]}."
    if len(phrases) > 1:
        sentence += f" It also {_join(phrases[1:])}."
    return sentence


def short_why(exercise) -> str:
    """Which of the five reasons the exercise serves, in plain words."""
    return reasons_sentence(exercise.reasons)


def _section_minutes(plan) -> str:
    parts = [f"{s.name} {duration_words(s.seconds)}" for s in plan.sections if s.items]
    return "; ".join(parts)


def _balance(plan, library) -> tuple[float, float]:
    strength = stretch = 0.0
    for _, item in plan.items():
        if item.exercise in library:
            category = library.get(item.exercise).category
            strength += item.seconds if category in vocab.STRENGTH_CATEGORIES else 0
            stretch += item.seconds if category in vocab.STRETCH_CATEGORIES else 0
    return strength, stretch


def _rationale(plan, library) -> list[str]:
    audience = plan.audience
    who = vocab.POPULATION_WORDS.get(audience.population, audience.population)
    conditions = [CAUTION_WORDS.get(c, c) for c in audience.conditions]
    care = f", with care for {_join(conditions)}" if conditions else ""
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
    served = {
        r for _, item in plan.items() if item.exercise in library for r in library.get(item.exercise).reasons
    }
    missing = [r for r in vocab.REASONS if r not in served]
    reasons = (
        "It serves all five reasons to train the inner thighs: the knee, the hip-to-foot "
        "chain, balance, side-to-side movement, and the pelvis and core."
        if not missing
        else f"It serves {_join([REASON_SHORT[r] for r in vocab.REASONS if r in served])}; "
        f"not {_join([REASON_SHORT[r] for r in missing])}, because no exercise for it "
        "in the library suits this class."
    )
    paragraphs = [head, why + " " + reasons]
    notes = [POPULATION_NOTES.get(audience.population, "")]
    notes += [CONDITION_NOTES[c] for c in audience.conditions if c in CONDITION_NOTES]
    replaced = [item for _, item in plan.items() if item.replaced]
    if replaced:
        notes.append(
            f"{len(replaced)} exercise{'s were' if len(replaced) > 1 else ' was'} "
            "swapped for a version that suits this group; each stand-in says what it "
            "replaced and why."
        )
    if any(note for note in notes):
        paragraphs.append("For this group: " + " ".join(n for n in notes if n))
    return paragraphs


def _only_for(item, plan, library) -> list[str]:
    """The reasons this item is the class's only exercise for."""
    if item.exercise not in library:
        return []
    others = {
        r
        for _, other in plan.items()
        if other is not item and other.exercise in library
        for r in library.get(other.exercise).reasons
    }
    return [r for r in library.get(item.exercise).reasons if r not in others]


def _item_paragraph(number: int, section, item, plan, library) -> str:
    tags = plan.audience.caution_tags
    head = f"{number}. "
    if item.exercise not in library:
        return (
            f"{head}{item.exercise}: not in the library, so the kit cannot "
            "say why it is here. Check the id with `innerthigh-kit exercises`."
        )
    exercise = library.get(item.exercise)
    lines = [f"{head}{exercise.name}: {item.describe()}, {duration_words(item.seconds)}."]
    why = f"Why: {reasons_sentence(exercise.reasons)}"
    only = _only_for(item, plan, library)
    if only:
        why += f" It is the class's only exercise for {_join([REASON_SHORT[r] for r in only])}."
    lines.append(why)
    lines.append(f"Say: \u201c{exercise.key_cue}\u201d")
    changes = exercise.modifications(tags)
    if changes:
        notes = " ".join(c.note.rstrip(".") + "." for c in changes)
        whom = list(dict.fromkeys(ASK_WHOM[c.tag] for c in changes if c.tag in ASK_WHOM))
        ask = f" If in doubt, check with {' or '.join(whom)}." if whom else ""
        lines.append(f"For this group: {notes}{ask}")
    clashes = exercise.clashes(tags)
    if clashes:
        lines.append(
            "Careful: the library says to leave this out for "
            f"{_join([CAUTION_WORDS.get(c.tag, c.tag) for c in clashes])}: "
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
            lines.append(f"In place of {ruled_out.name}, left out for {CAUTION_WORDS.get(tag, tag)}{note}.")
    lines.append(f"Evidence: {vocab.EVIDENCE_WORDS.get(exercise.evidence, exercise.evidence)}.")
    if item.note:
        lines.append(f"Your note: {item.note}")
    return "\n".join(lines)


def explain_plan(plan, library) -> str:
    """The whole class's rationale, then one paragraph per item, separated by blank lines."""
    paragraphs = _rationale(plan, library)
    number = 0
    for section in plan.sections:
        if not section.items:
            continue
        paragraphs.append(f"{section.name.upper()} ({duration_words(section.seconds)})")
        for item in section.items:
            number += 1
            paragraphs.append(_item_paragraph(number, section, item, plan, library))
    tags = plan.audience.caution_tags
    if any(tag in PROFESSIONAL_TAGS for tag in tags):
        paragraphs.append(
            "This is exercise education, not medical advice. Anyone pregnant, "
            "recently postnatal or in pain should check with their midwife, "
            "physiotherapist or doctor what suits them, and stop anything that "
            "hurts."
        )
    return "\n\n".join(paragraphs)
