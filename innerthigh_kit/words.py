"""Plain-language formatting (durations, clock times, lists, dosages, reasons, section names, the
values a message lists, each tag with its words) and the paragraphs the reasoning says for each
group, condition and focus.

Every sentence the kit composes (explain, handouts, the builder's list, the CLI) formats its
numbers and lists with these functions, so a time or a dosage reads the same everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from . import vocab


def duration_words(seconds: float) -> str:
    """A length of time as an instructor says it: '55 s', '2 min', '2 min 05 s'."""
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    return f"{seconds // 60} min {seconds % 60:02d} s" if seconds % 60 else f"{seconds // 60} min"


def clock(seconds: float) -> str:
    """A time on the class clock: '4:05'."""
    seconds = int(round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


def join_words(words: Iterable[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def listing(values: Iterable[object]) -> str:
    """Values for a message: 'a, b, c'."""
    return ", ".join(str(value) for value in values)


def tag_choices(tags: Iterable[str], words: Mapping[str, str]) -> str:
    """The values a file or a command accepts, each tag with its words beside it, for a message:
    'knee-pain (Knee pain), osteoporosis, prenatal-t3 (Pregnancy, 3rd trimester, 28+ weeks)'.

    The tag is what the person types, so it stays; a tag that is its own word ('osteoporosis',
    'sit-to-stand') stands alone, and the words' own brackets become a comma.
    """
    shown = []
    for tag in tags:
        label = vocab.label(words.get(tag, tag)).replace(" (", ", ").replace(")", "")
        plain = label.lower() == tag
        shown.append(tag if plain or tag not in words else f"{tag} ({label})")
    return ", ".join(shown)


def dosage_words(
    sets: int,
    reps: int | None = None,
    hold_seconds: float | None = None,
    per_side: bool = False,
    *,
    short: bool = False,
) -> str:
    """'2 × 10 reps each side', '1 × 30 s hold'; ``short``: '2×10 each side', '1×30 s'."""
    if short:
        dose = f"{sets}×{hold_seconds:g} s" if hold_seconds is not None else f"{sets}×{reps}"
    elif hold_seconds is not None:
        dose = f"{sets} × {hold_seconds:g} s hold"
    else:
        dose = f"{sets} × {reps} reps"
    return dose + (" each side" if per_side else "")


def section_words(name: str) -> str:
    """A section's name as a heading: 'cool-down' -> 'Cool down'."""
    return name.replace("-", " ").capitalize()


def reason_phrases(reasons: Iterable[str]) -> list[str]:
    """The plain words of each known reason, the pelvis-and-core phrase last.

    It reads as a list of its own ("pelvis, deep abdominals and pelvic floor"), so it goes last
    where its commas cannot be mistaken for the sentence's.
    """
    ordered = sorted((r for r in reasons if r in vocab.REASON_WORDS), key=lambda r: r == "pelvis-core")
    return [vocab.REASON_WORDS[r] for r in ordered]


def reasons_sentence(reasons: Iterable[str]) -> str:
    """E.g. 'It works the muscles that steady the thigh bone above the knee. It also ...'"""
    phrases = reason_phrases(reasons)
    if not phrases:
        return ""
    sentence = f"It {phrases[0]}."
    if len(phrases) > 1:
        sentence += f" It also {join_words(phrases[1:])}."
    return sentence


# --------------------------------------------------------------------------- honest reasons

#: Each category and position as said in a sentence ("a stretch done sitting").
CATEGORY_NOUNS = {
    "warm-up": "a warm-up exercise",
    "activation": "an activation exercise",
    "strength": "a strength exercise",
    "mobility": "a mobility exercise",
    "stretch": "a stretch",
    "cool-down": "a cool-down exercise",
}
POSITION_WORDS = {
    "supine": "lying on the back",
    "side-lying": "lying on the side",
    "prone": "lying on the front",
    "seated": "sitting",
    "kneeling": "kneeling",
    "quadruped": "on hands and knees",
    "standing": "standing",
}

#: Why only some exercises train a reason, in words; which ones is ``vocab.REASON_CLAIMS``.
CLAIM_WHY = {
    "knee": "it works the muscles that steady the thigh bone, against a load",
    "foot-ankle": "the chain is trained with your weight through your feet",
    "balance": "balance is practised with your weight through your feet",
    "lateral": "it takes inner-thigh work against a load, or moving side to side on your feet",
    "range": "range comes from moving through it or holding a stretch; strength work counts as strength",
}


def either_words(words: Iterable[str]) -> str:
    """'a', 'a or b', 'a, b or c'."""
    words = list(words)
    return ", ".join(words[:-1]) + " or " + words[-1] if len(words) > 1 else "".join(words)


def claim_rule_words(reason: str) -> str:
    """Which exercises may claim ``reason`` (``vocab.REASON_CLAIMS``), e.g. 'warm-up, activation,
    strength or mobility work done standing'."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for category, positions in vocab.REASON_CLAIMS[reason].items():
        groups.setdefault(tuple(positions), []).append(category)
    parts = []
    for positions, categories in sorted(groups.items(), key=lambda group: -len(group[0])):
        anywhere = " in any position" if len(groups) > 1 else ""
        where = (
            anywhere
            if set(positions) == set(vocab.POSITIONS)
            else " done " + either_words(POSITION_WORDS[p] for p in positions)
        )
        parts.append(f"{either_words(categories)} work{where}")
    return ", or ".join(parts)


def kind_words(category: str, position: str) -> str:
    """An exercise's kind in words: 'a stretch done sitting'."""
    return f"{CATEGORY_NOUNS[category]} done {POSITION_WORDS[position]}"


def overclaim_words(reason: str, category: str, position: str) -> str:
    """Why an exercise of this kind does not train ``reason``: 'a stretch done sitting does not
    train balance: the kit counts it for ... (balance is practised with your weight ...)'."""
    why = f" ({CLAIM_WHY[reason]})" if reason in CLAIM_WHY else ""
    kind, short, rule = kind_words(category, position), vocab.REASON_SHORT[reason], claim_rule_words(reason)
    return f"{kind} does not train {short}: the kit counts it for {rule}{why}"


# --------------------------------------------------------------------------- words for groups

#: What the kit's rules ask for each group (EVIDENCE.md §2.11-2.12), in the instructor's words.
POPULATION_NOTES = {
    "general": "",
    "prenatal-t1": (
        "In early pregnancy most people can keep training at a comfortable effort. Nothing here "
        "is medical advice: anyone pregnant checks with their midwife or doctor what suits them."
    ),
    "prenatal-t2": (
        "From about 20 weeks keep time lying on the back short (2-3 minutes at a time, the kit's "
        "convention) and offer side-lying or propped-up versions. Anyone pregnant checks with "
        "their midwife or doctor what suits them."
    ),
    "prenatal-t3": (
        "In the third trimester the kit plans nothing lying flat on the back: side-lying, "
        "seated or propped-up versions instead, and pain or light-headedness ends an exercise. "
        "Anyone pregnant checks with their midwife or doctor what suits them."
    ),
    "postnatal": (
        "After birth the return is gradual: low load, breathe out as you squeeze, no impact and "
        "no long-lever planks in the early months; everything here is as cleared by their GP, "
        "midwife or pelvic-health physiotherapist."
    ),
    "postnatal-later": (
        "From about 12 weeks after birth, once cleared, the work can build again, still without "
        "impact until the pelvic floor copes with it (Goom, Donnelly and Brockwell 2019)."
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

FOCUS_WORDS = {
    "balanced": "strength and stretch in every class, because a muscle needs to be strong "
    "and mobile, and a stretch alone won't make it strong",
    "strength": "mostly strength, where the evidence is strongest: one progressive "
    "inner-thigh exercise done regularly lowered groin problems by about 40 % in "
    "male footballers (Harøy 2019)",
    "stretch": "mostly stretching: it raises how far you can move, mostly by raising your "
    "tolerance of the stretch; it is not proven to prevent injury",
}


#: What to say to move the class into each position (the transition line at a change).
POSITION_CUES = {
    "standing": (
        "Come up to standing: roll to your side, push up to your hands and knees, then stand "
        "up slowly, a hand on a support if you like."
    ),
    "kneeling": "Come onto your knees, a folded mat under them.",
    "quadruped": "Come onto your hands and knees, hands under your shoulders, knees under your hips.",
    "prone": "Lie on your front, forehead on your hands.",
    "side-lying": "Come down to the mat and lie on your side, knees bent, head resting on your arm.",
    "seated": "Come to sitting, tall on your sitting bones.",
    "supine": "Lie on your back: sit down, then roll down one side, knees bent and feet flat.",
}


def transition_line(position: str, seconds: float) -> str:
    """'Move: Come down to the mat and lie on your side... (about 20 s).'"""
    cue = POSITION_CUES.get(position, f"Move to {position.replace('-', ' ')}.")
    return f"Move: {cue} (about {duration_words(seconds)})"
