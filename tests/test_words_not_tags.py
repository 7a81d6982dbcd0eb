"""Words, not tags, everywhere a person reads (issue 13, item 2).

Instructors read 'Knee pain' and 'Pregnancy, 3rd trimester', never 'knee-pain' or 'prenatal-t3'.
These tests build classes for every group with a spread of needs and equipment, spoil some of
them on purpose (a class taught to the wrong group, with the wrong kit), and read everything a
person sees: the plan check's findings, the reasoning, the plain plan, the refusals of the
builder, a series, each command's text output, the handout's pieces and the exercise cards. No
tag of the vocabulary that is not also an ordinary word may show. JSON keeps the tags.

Where a message lists the values a file or a command accepts, the tags are what the person types,
so they stay, each with its words beside it.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace

import pytest

import innerthigh_kit as kit
from innerthigh_kit import vocab
from innerthigh_kit.cli import main
from innerthigh_kit.errors import KitError
from innerthigh_kit.plans import Audience, build_series, check_series, parse_group

#: Tags that are ordinary words as they stand ("the warm-up", "lying side-lying"), so may show.
WORDS_AS_THEY_STAND = {"warm-up", "cool-down", "side-lying", "sit-to-stand"}
#: Single-word tags that are jargon rather than words an instructor says to a class.
JARGON = {"supine", "prone", "quadruped"}
TAG_SETS = (
    vocab.POPULATIONS,
    vocab.CAUTIONS,
    vocab.EQUIPMENT,
    vocab.POSITIONS,
    vocab.CATEGORIES,
    vocab.REASONS,
    vocab.ROLES,
    tuple(vocab.RELAXED_RULE_WORDS),
)
TAGS = sorted(
    {t for tags in TAG_SETS for t in tags if ("-" in t and t not in WORDS_AS_THEY_STAND) or t in JARGON}
)
_TAG_PATTERN = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(t) for t in sorted(TAGS, key=len, reverse=True)) + r")(?![\w-])",
    re.IGNORECASE,
)


def raw_tags(text: str) -> list[str]:
    """The vocabulary's tags in ``text`` as whole words (an exercise id that holds one does not count)."""
    return sorted({match.lower() for match in _TAG_PATTERN.findall(text)})


#: Where an exercise's id stands as an id, to be found in a plan file or typed: a finding's place
#: ("error [strength / wide-squat]: ...") and the first column of `innerthigh-kit exercises`.
_FINDING_PLACE = re.compile(r"^(\s*(?:error|warning|info)) \[[^\]]*\]", re.MULTILINE)
_LISTED_ID = re.compile(r"^[a-z0-9-]+(?=\s+L\d\s)", re.MULTILINE)


def _without_id_places(text: str) -> str:
    return _LISTED_ID.sub("", _FINDING_PLACE.sub(r"\1", text))


def assert_words(text: str, what: str) -> None:
    text = _without_id_places(text)
    found = raw_tags(text)
    lines = [line for line in text.splitlines() if raw_tags(line)][:5]
    assert not found, f"raw tags {found} in {what}:\n" + "\n".join(lines)


def visible(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def test_the_check_catches_a_raw_tag_and_passes_words():
    assert raw_tags("Sumo squat is to be left out for knee-pain.") == ["knee-pain"]
    assert raw_tags("A class for Prenatal-T3 with a small-ball") == ["prenatal-t3", "small-ball"]
    assert raw_tags("Lie supine.") == ["supine"]
    assert not raw_tags("Knee pain, a small ball, the warm-up, lying side-lying, Pregnancy, 3rd trimester")
    assert not raw_tags("See supine-ball-squeeze and wide-squat-heel-lifts in the library.")
    listing = "error [strength / wide-squat]: Too hard.\nwide-squat   L1  strength  Wide squat  [a mat only]"
    assert raw_tags(listing) == ["wide-squat"] and not raw_tags(_without_id_places(listing))
    assert raw_tags(_without_id_places("error [strength]: Wide squat is left out for knee-pain."))


# --------------------------------------------------------------------------- the classes

CONDITION_SPREAD = (
    (),
    ("knee-pain", "low-back-pain"),
    ("pelvic-girdle-pain", "diastasis-recti"),
    ("hip-replacement", "osteoporosis"),
)
EQUIPMENT_SPREAD = (
    ("small-ball", "chair"),
    ("band", "pillow", "wall"),
    ("ankle-weights", "pilates-ring", "birth-ball", "barre"),
    (),
)


def _requests():
    for p, population in enumerate(vocab.POPULATIONS):
        for c, conditions in enumerate(CONDITION_SPREAD):
            equipment = EQUIPMENT_SPREAD[(p + c) % len(EQUIPMENT_SPREAD)]
            level = 3 if population == "athlete" else 1 + (p + c) % 2
            yield kit.ClassRequest(
                minutes=(30, 45, 60)[(p + c) % 3],
                level=level,
                population=population,
                conditions=conditions,
                equipment=equipment,
            )


@pytest.fixture(scope="module")
def library():
    return kit.load_library()


@pytest.fixture(scope="module")
def built(library):
    """(request, plan or None, refusal text) for every group and a spread of needs and kit."""
    found = []
    for request in _requests():
        try:
            found.append((request, kit.build_plan(request, library), ""))
        except KitError as refusal:
            found.append((request, None, str(refusal)))
    return found


def _spoiled(plan):
    """The class taught to a group it was not built for, at level 1, with no kit but a mat."""
    wrong = plan.copy()
    wrong.audience = Audience("prenatal-t3", 1, list(vocab.CAUTIONS), [], "stretch")
    return wrong


@pytest.fixture(scope="module")
def spoiled(library):
    plans = []
    for population in ("general", "athlete", "older-adult"):
        equipment = [e for e in vocab.EQUIPMENT if e != "mat"]
        request = kit.ClassRequest(minutes=60, level=3, population=population, equipment=equipment)
        plans.append(_spoiled(kit.build_plan(request, library)))
    return plans


def _plan_text(plan, library) -> str:
    findings = kit.check_plan(plan, library)
    return "\n".join([*(str(f) for f in findings), plan.to_text(library), plan.explain(library)])


def test_built_classes_say_words(built, library):
    assert sum(plan is not None for _, plan, _ in built) >= len(built) // 2, "most requests build a class"
    for request, plan, refusal in built:
        what = f"{request.population} {request.conditions} {request.equipment}"
        assert_words(refusal or _plan_text(plan, library), what)


def test_a_class_for_the_wrong_group_is_checked_in_words(spoiled, library):
    for plan in spoiled:
        findings = kit.check_plan(plan, library)
        assert any(f.severity == "error" for f in findings), "the spoiled class has errors to say"
        assert any("does not have" in f.message for f in findings), "and kit it lacks"
        assert_words(_plan_text(plan, library), f"{plan.title}, taught to the third trimester")


def test_a_clash_names_the_need_in_words(spoiled, library):
    messages = [f.message for f in kit.check_plan(spoiled[1], library)]
    words = [vocab.CAUTION_WORDS[tag] for tag in vocab.CAUTIONS]
    left_out = [m for m in messages if " is to be left out for " in m]
    assert left_out and all(any(f"left out for {w}:" in m for w in words) for m in left_out)


def test_findings_name_exercises_by_name_and_quote_only_an_unknown_id(spoiled, library):
    plan = spoiled[0].copy()
    strength = plan.section("strength")
    first = strength.items[0]
    strength.items += [replace(first, key="twice"), replace(first, key="typo", exercise="wide-sqat")]
    findings = kit.check_plan(plan, library)
    name = library.get(strength.items[0].exercise).name
    assert any(f.message == f"{name} is in the class twice." for f in findings)
    ids = re.compile(r"(?<![\w-])(" + "|".join(re.escape(i) for i in library.ids if "-" in i) + r")(?![\w-])")
    for finding in findings:
        said = f"{finding.message} {finding.fix}"
        if "not in the library" in finding.message:
            assert "'wide-sqat'" in said and "Did you mean 'wide-squat'?" in said  # what the file says
            continue
        assert not ids.findall(said), f"an exercise id in: {said}"


def test_refusals_say_what_to_relax_in_words(library):
    refused = []
    for population in ("prenatal-t3", "older-adult", "postnatal"):
        request = kit.ClassRequest(minutes=90, population=population, conditions=list(vocab.CAUTIONS))
        with pytest.raises(KitError) as refusal:
            kit.build_plan(request, library)
        refused.append(str(refusal.value))
    assert all("To relax:" in text for text in refused)
    assert_words("\n".join(refused), "the builder's refusals")


def test_a_refusal_for_an_empty_section_names_kit_and_needs_in_words(make_exercise):
    knee = (("knee-pain", "avoid"),)
    library = kit.Library(
        [
            make_exercise("march", "warm-up", "standing", 1, ["balance"]),
            make_exercise("band-pull", "activation", "standing", 1, ["knee"], ["band"]),
            make_exercise("lunge-hold", "activation", "standing", 1, ["knee"], cautions=knee),
            make_exercise("squat", "strength", "standing", 1, ["knee"]),
            make_exercise("reach", "stretch", "seated", 1, ["range"], hold=30),
            make_exercise("rest", "cool-down", "supine", 1, ["range"], hold=60),
        ]
    )
    request = kit.ClassRequest(
        minutes=30, conditions=["knee-pain"], equipment=["small-ball", "ankle-weights"]
    )
    with pytest.raises(KitError) as refusal:
        kit.build_plan(request, library)
    text = str(refusal.value)
    assert_words(text, "a refusal from a small library")
    assert "with a small ball and ankle weights" in text and "care for knee pain" in text
    assert "add a band" in text


def test_a_series_says_words(library):
    request = kit.ClassRequest(
        minutes=45, population="postnatal", conditions=["knee-pain"], equipment=["small-ball", "band"]
    )
    plans = build_series(request, weeks=3, library=library)
    easier = plans[1].copy()
    for _, item in easier.items():
        item.sets = 1
    findings = check_series([plans[0], easier], library)
    assert findings
    texts = [str(f) for f in findings] + [_plan_text(plan, library) for plan in plans]
    assert_words("\n".join(texts), "a series")


# --------------------------------------------------------------------------- the commands


def _run(capsys, *argv) -> tuple[int, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.fixture(scope="module")
def plan_files(library, spoiled, tmp_path_factory):
    folder = tmp_path_factory.mktemp("plans")
    request = kit.ClassRequest(
        minutes=45, population="prenatal-t2", conditions=["pelvic-girdle-pain"], equipment=["small-ball"]
    )
    good = kit.build_plan(request, library).save(folder / "good.yaml")
    bad = spoiled[0].save(folder / "bad.yaml")
    return good, bad


def test_every_command_prints_words(capsys, plan_files, tmp_path):
    good, bad = plan_files
    texts = []
    for population in vocab.POPULATIONS:
        argv = ["plan", "--population", population, "--condition", "knee-pain", "hip-replacement"]
        texts.append(_run(capsys, *argv, "--equipment", "small-ball", "chair")[1])
    texts.append(
        _run(
            capsys, "plan", "--minutes", "60", "--population", "prenatal-t3", "-o", str(tmp_path / "p.yaml")
        )[1]
    )
    for command in ("check", "explain"):
        for path in plan_files:
            texts.append(_run(capsys, command, str(path))[1])
    texts.append(
        _run(capsys, "exercises", "--avoid", "knee-pain", "--equipment", "small-ball", "pilates-ring")[1]
    )
    texts.append(_run(capsys, "exercises", "--position", "quadruped")[1])
    assert _run(capsys, "check", str(bad))[0] == 1, "the spoiled plan has errors"
    assert_words("\n".join(texts), "the commands' text output")


def test_json_keeps_the_tags(capsys):
    argv = ["plan", "--population", "prenatal-t3", "--condition", "knee-pain", "--equipment", "small-ball"]
    code, out = _run(capsys, *argv, "--json")
    record = json.loads(out)
    assert code == 0 and record["audience"]["population"] == "prenatal-t3"
    assert (
        record["audience"]["conditions"] == ["knee-pain"] and "small-ball" in record["audience"]["equipment"]
    )
    records = json.loads(_run(capsys, "exercises", "--avoid", "knee-pain", "--json")[1])
    assert all(e["position"] in vocab.POSITIONS for e in records)
    assert any("-" in e["position"] for e in records) or any("small-ball" in e["equipment"] for e in records)


# --------------------------------------------------------------------------- handouts and cards


@pytest.mark.parametrize("audience", ["participant", "instructor"])
def test_handout_pieces_say_words(audience, built, spoiled, library):
    from innerthigh_kit.handouts.content import Handout

    plans = [plan for _, plan, _ in built if plan is not None][::3] + spoiled[:1]
    for plan in plans:
        handout = Handout(plan, library, audience, include_diagrams=False)
        pieces = (handout.header, handout.sequence, handout.why, handout.cautions, handout.reasoning)
        text = " ".join(visible(str(piece())) for piece in (*pieces, handout.findings, handout.sources))
        assert_words(text, f"the {audience} handout of {plan.title}")


@pytest.mark.slow
@pytest.mark.parametrize("audience", ["participant", "instructor"])
def test_rendered_handouts_say_words(audience, plan_files, tmp_path):
    """The whole page as exported, for a sound class and one taught to the wrong group."""
    for path in plan_files:
        out = kit.render_handout(path, tmp_path / f"{path.stem}-{audience}.html", audience=audience)
        page = re.sub(r"<(style|script)[^>]*>.*?</\1>", " ", out.read_text(encoding="utf-8"), flags=re.S)
        text = visible(page)
        assert "Take care" in text and ("Plan check" in text) == (audience == "instructor")
        assert_words(text, f"the {audience} handout of {path.name}")


def test_cards_say_words(library):
    from innerthigh_kit.handouts.cards import card_text

    for exercise in library:
        assert_words("\n".join(text for _, text, _ in card_text(exercise, library)), exercise.id)


# --------------------------------------------------------------------------- what one may write


def _with_words(text: str, tags, words) -> list[str]:
    """The hyphenated tags of ``tags`` that ``text`` lists without their words beside them."""
    text = " ".join(re.sub(r"-\n\s*", "-", text).split())  # argparse wraps at hyphens
    return [t for t in tags if "-" in t and f"{t} ({vocab.label(words[t]).split(' (')[0]}" not in text]


def test_messages_that_list_what_to_write_give_the_words_beside_the_tags(library, tmp_path, good_entry):
    file = tmp_path / "mine.yaml"
    file.write_text(good_entry.replace("tag: pregnancy-t2", "tag: knee-pian"), encoding="utf-8")
    with pytest.raises(KitError) as bad_file:
        kit.load_library(file)
    with pytest.raises(KitError) as bad_request:
        kit.ClassRequest(population="prenatal-3", conditions=["knee-pian"], equipment=["ball"])
    with pytest.raises(KitError) as bad_filter:
        library.filter(avoid_cautions=["knee"])
    with pytest.raises(KitError) as bad_group:
        parse_group("Anna, pregnant, 45")
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(
        "title: Mine\ntarget_minutes: 30\naudience: {population: pregnant, conditions: [knee]}\n"
        "sections: [{name: warm-up, items: [{exercise: marching, sets: 1, reps: 10}]}]\n",
        encoding="utf-8",
    )
    with pytest.raises(KitError) as bad_plan:
        kit.ClassPlan.load(plan_file)
    assert "'pregnant' is not known" in str(bad_plan.value) and "['knee']" in str(bad_plan.value)
    assert not _with_words(str(bad_plan.value), vocab.POPULATIONS, vocab.POPULATION_LABELS)
    assert not _with_words(str(bad_plan.value), vocab.CAUTIONS, vocab.CAUTION_LABELS)
    assert "'knee-pian' is not a known caution tag" in str(bad_file.value)
    assert "knee-pain (Knee pain)" in str(bad_file.value)
    for text in (str(bad_file.value), str(bad_request.value), str(bad_filter.value)):
        assert not _with_words(text, vocab.CAUTIONS, vocab.CAUTION_LABELS), text
    assert "'prenatal-3' is not a group" in str(bad_request.value) and "'ball' not known" in str(
        bad_request.value
    )
    assert "prenatal-t3 (Pregnancy, 3rd trimester, 28+ weeks)" in str(bad_request.value)
    for text in (str(bad_request.value), str(bad_group.value)):
        assert not _with_words(text, vocab.POPULATIONS, vocab.POPULATION_LABELS), text
    assert not _with_words(str(bad_request.value), vocab.EQUIPMENT, vocab.EQUIPMENT_WORDS)


@pytest.mark.parametrize(
    "command, option, tags, words",
    [
        ("plan", "--population", vocab.POPULATIONS, vocab.POPULATION_LABELS),
        ("plan", "--condition", vocab.CAUTIONS, vocab.CAUTION_LABELS),
        ("plan", "--equipment", vocab.EQUIPMENT, vocab.EQUIPMENT_WORDS),
        ("exercises", "--avoid", vocab.CAUTIONS, vocab.CAUTION_LABELS),
        ("exercises", "--equipment", vocab.EQUIPMENT, vocab.EQUIPMENT_WORDS),
    ],
)
def test_help_gives_the_words_beside_the_tags(capsys, command, option, tags, words):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    block = out[out.index(f"  {option} ") :].split("\n  --", 1)[0]
    assert not _with_words(block, tags, words)
    assert "general (Everyone" in block or option != "--population"
