"""Checks that come from the group's programme and from how the class flows.

``programme_findings``: a must-have role missing (or not early enough, or not at the class's
level), a must-not role or position present, lying on the back longer than the group's limit or at
all where it is ruled out, too little time upright or in supported balance for older adults; a
preferred role (the teaching material's favourites) missing is a note that says why, never a
warning.
``position_findings``: more changes of position than a class of its length needs (the budget:
``vocab.POSITION_BUDGET``). A rule the builder had to let go is on the plan (``plan.relaxed``) and
shows as a note with its reason instead of a warning.
"""

from __future__ import annotations

from .. import vocab
from ..exercises import Exercise, Library
from ..words import duration_words, either_words, join_words
from .findings import Finding
from .programmes import Rule, combined_limits, excluded_by, programmes_for

EARLY_SECTIONS = ("warm-up", "activation")
UPRIGHT = "upright-share"  # the rule, as plan.relaxed names it when the library cannot keep it


def _placed(plan, library: Library) -> list[tuple[str, object, Exercise]]:
    return [(s.name, i, library.get(i.exercise)) for s, i in plan.items() if i.exercise in library]


def gave_way(plan, rule: str) -> str | None:
    """Why the builder let ``rule`` go for this plan (``plan.relaxed``), or None."""
    for relaxed in getattr(plan, "relaxed", ()) or ():
        if relaxed.get("rule") == rule:
            return relaxed.get("why", "")
    return None


def _suitable(plan, library: Library, role: str) -> list[Exercise]:
    """The library's exercises of ``role`` that suit the class's equipment, level and cautions."""
    audience = plan.audience
    found = library.filter(
        equipment_available=audience.equipment_available,
        level_max=audience.level,
        avoid_cautions=audience.caution_tags,
    )
    return [e for e in found if role in e.roles]


def _missing(plan, rule: Rule, group: str, placed, library: Library) -> Finding | None:
    holding = [(section, e) for section, _, e in placed if rule.role in e.roles]
    if rule.early:
        holding = [(section, e) for section, e in holding if section in EARLY_SECTIONS]
    if rule.level:
        holding = [(section, e) for section, e in holding if e.level >= min(plan.audience.level, 3)]
    if holding:
        return None
    where = " early in the class (warm-up or activation)" if rule.early else ""
    where += " at the class's level" if rule.level else ""
    key = f"must:{group}:{rule.role}"
    reason = gave_way(plan, key)
    if reason is not None:
        return Finding("info", f"No {rule.words}{where}: {reason}")
    options = [e.name for e in _suitable(plan, library, rule.role)][:3]
    fix = (
        f"Add one, e.g. {either_words(options)}." if options else "No exercise in the library fits; add one."
    )
    who = vocab.POPULATION_WORDS.get(group) or vocab.CAUTION_LABELS.get(group, group)
    return Finding(
        "warning", f"The class has no {rule.words}{where}, which a class for {who} holds: {rule.why}", fix=fix
    )


def _left_out_why(role: str, plan, library: Library) -> str | None:
    """Why no exercise of ``role`` suits the class (its cautions, programmes, level or equipment),
    in words; None when one does."""
    audience, programmes = plan.audience, programmes_for(plan.audience)
    versions = [e for e in library if role in e.roles]
    suited = [e for e in versions if not e.clashes(audience.caution_tags) and not excluded_by(e, programmes)]
    if not suited:
        tags = dict.fromkeys(c.tag for e in versions for c in e.clashes(audience.caution_tags))
        words = [vocab.CAUTION_WORDS.get(tag, tag) for tag in tags]
        rules = [excluded_by(e, programmes) for e in versions]
        why = [rule.why.rstrip(".") for rule in rules if rule is not None][:1]
        return f"every version is left out for {join_words(words)}" if words else f"it is left out: {why[0]}"
    if any(e.level <= audience.level and not e.needs(audience.equipment_available) for e in suited):
        return None
    easiest = min(suited, key=lambda e: (e.level, len(e.needs(audience.equipment_available))))
    missing = [vocab.EQUIPMENT_WORDS.get(item, item) for item in easiest.needs(audience.equipment_available)]
    needs = [f"level {easiest.level}"] if easiest.level > audience.level else []
    return f"the easiest version needs {join_words(needs + missing)}"


def _unpreferred(plan, rule: Rule, group: str, placed, library: Library) -> Finding | None:
    """A note (never a warning) when the class lacks a role its programmes prefer; none when the
    library has no exercise of that role at all (a library of one's own)."""
    if any(rule.role in e.roles for _, _, e in placed) or not any(rule.role in e.roles for e in library):
        return None
    reason = gave_way(plan, f"prefer:{group}:{rule.role}") or _left_out_why(rule.role, plan, library)
    if reason is not None:
        return Finding("info", f"No {rule.words}: {reason}. {rule.why}")
    options = [e.name for e in _suitable(plan, library, rule.role)][:3]
    return Finding("info", f"No {rule.words}. {rule.why}", fix=f"Add one, e.g. {either_words(options)}.")


def _present(rule: Rule, group: str, placed) -> list[Finding]:
    found = []
    who = vocab.POPULATION_WORDS.get(group) or vocab.CAUTION_LABELS.get(group, group)
    for section, item, exercise in placed:
        hit = rule.role in exercise.roles if rule.role else exercise.position == rule.position
        if hit:
            message = f"{exercise.name} is left out of a class for {who}: {rule.why}"
            found.append(
                Finding("error", message, section=section, item=item.exercise, fix="Remove or swap it.")
            )
    return found


def _supine_findings(plan, placed, limits: dict) -> list[Finding]:
    if not limits.get("supine_allowed", True):
        return []  # the must-not rule on the position already names each item
    limit = limits.get("supine_run_seconds")
    if limit is None:
        return []
    findings, run, start = [], 0.0, None
    for section, item, exercise in [*placed, (None, None, None)]:
        if exercise is not None and exercise.position == "supine":
            run, start = run + item.seconds, start or (section, item.exercise)
            continue
        if run > limit:
            message = f"{run / 60:.1f} min in a row lying on the back; keep it to {duration_words(limit)}"
            message += " at a time."
            fix = "Put a side-lying or seated exercise in between, or shorten the holds."
            findings.append(Finding("warning", message, section=start[0], item=start[1], fix=fix))
        run, start = 0.0, None
    return findings


def _older_adult_findings(plan, placed, limits: dict) -> list[Finding]:
    findings = []
    total = sum(item.seconds for _, item, _ in placed) or 1.0
    share = limits.get("upright_share")
    if share is not None:
        upright = sum(i.seconds for _, i, e in placed if e.position == "standing" or "chair" in e.equipment)
        if upright / total < share:
            message = f"{upright / total:.0%} of the class is standing or at a chair"
            message += f"; this group needs {share:.0%} or more"
            why = gave_way(plan, UPRIGHT)
            fix = "Swap mat work for standing or chair versions."
            findings.append(
                Finding("info", f"{message}: {why}.")
                if why is not None
                else Finding("warning", message + ".", fix=fix, rule=UPRIGHT)
            )
    minutes = limits.get("supported_balance_minutes")
    if minutes and plan.target_minutes >= limits.get("supported_balance_from_class_minutes", 0):
        balance = sum(i.seconds for _, i, e in placed if "supported-balance" in e.roles)
        reason = gave_way(plan, "supported-balance-minutes")
        if balance < minutes * 60 and reason is not None:
            findings.append(Finding("info", f"{duration_words(balance)} of supported balance: {reason}."))
        elif balance < minutes * 60:
            message = (
                f"{duration_words(balance)} of supported balance; this group needs {minutes} min or more."
            )
            findings.append(
                Finding("warning", message, fix="Add supported balance exercises or give them more sets.")
            )
    return findings


def programme_findings(plan, library: Library) -> list[Finding]:
    """What the group's programmes ask of the class, checked."""
    placed = _placed(plan, library)
    programmes = programmes_for(plan.audience)
    findings = []
    for programme in programmes:
        for rule in programme.must:
            missing = _missing(plan, rule, programme.group, placed, library)
            findings += [missing] if missing else []
        for rule in programme.must_not:
            findings += _present(rule, programme.group, placed)
        for rule in programme.prefer:
            unpreferred = _unpreferred(plan, rule, programme.group, placed, library)
            findings += [unpreferred] if unpreferred else []
    limits = combined_limits(programmes)
    return findings + _supine_findings(plan, placed, limits) + _older_adult_findings(plan, placed, limits)


def position_changes(plan, library: Library) -> int:
    """How often the class changes position from one exercise to the next."""
    positions = [e.position for _, _, e in _placed(plan, library)]
    return sum(a != b for a, b in zip(positions, positions[1:], strict=False))


def position_budget(minutes: int) -> int:
    """The most position changes a class of ``minutes`` needs (vocab.POSITION_BUDGET)."""
    return next(changes for up_to, changes in vocab.POSITION_BUDGET if minutes <= up_to)


def position_findings(plan, library: Library) -> list[Finding]:
    changes, budget = position_changes(plan, library), position_budget(plan.target_minutes)
    if changes <= budget:
        return []
    message = f"The class changes position {changes} times"
    message += f"; a {plan.target_minutes}-minute class needs {budget} at most."
    reason = gave_way(plan, "position-budget")
    if reason is not None:
        return [Finding("info", f"{message} {reason}")]
    fix = "Group the standing work and the mat work, and order the mat work by position."
    return [Finding("warning", message, fix=fix)]
