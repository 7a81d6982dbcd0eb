"""Fuzzing the readers with broken copies of real files: either it loads, or a KitError says why.

The starting points are real: exercises from data/exercises/*.yaml and a class plan built from
the kit's library and saved as YAML. Hypothesis breaks them the ways hands and editors do:
deleting, renaming or doubling a key, swapping a value for any YAML value (null, true, huge,
infinite and not-a-number numbers, dates, long text, nested lists and mappings), inserting
aliases, cutting the text short, typing stray characters or bytes. The property: reading (and
for a plan, checking it, explaining it and turning it into JSON) either works or raises a
KitError with a message — never any other exception.

About 3,000 examples in all; the module takes about 20 s on a 2-core machine.
"""

from __future__ import annotations

import copy
import datetime
import json
import math
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from innerthigh_kit import KitError, load_library
from innerthigh_kit.exercises import FIELD_NAMES, read_exercise_file
from innerthigh_kit.plans import ClassPlan, check_plan
from innerthigh_kit.plans.files import ITEM_KEYS, PLAN_KEYS

EXERCISES = Path(__file__).resolve().parents[1] / "data" / "exercises"
REAL_ENTRIES = [
    entry for path in sorted(EXERCISES.glob("*.yaml")) for entry in yaml.safe_load(path.read_text())
]
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: the fuzzer's time goes to the kit

FUZZ = settings(
    deadline=None,
    database=None,  # write nothing into the checkout; a failure prints the example to replay
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# --------------------------------------------------------------------------- what to put in

AWKWARD_NUMBERS = [0, 1, -1, 2, 10_000, 10_001, 10**20, 10**400, 2**63, -(10**30)]
AWKWARD_FLOATS = [math.inf, -math.inf, math.nan, 1e308, -0.0, 1e-300, 0.5, 9999.9, 10_000.0]
AWKWARD_TEXT = [
    "",
    " ",
    "yes",
    "off",
    "null",
    "~",
    "1e400",
    "1e3",
    ".inf",
    "2024-13-45",
    "Tip: squeeze",
    "*a",
    "&a x",
    "!!python/object:os.system",
    "<<",
    "knee-pain",
    "wide-squat",
    "ball-squeeze",
    "warm-up",
    "x" * 5000,
    "é" * 300,
    "\u2028",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.sampled_from(AWKWARD_NUMBERS),
    st.floats(),
    st.sampled_from(AWKWARD_FLOATS),
    st.dates(),
    st.datetimes(min_value=datetime.datetime(1, 1, 2), max_value=datetime.datetime(9999, 12, 30)),
    st.text(max_size=20),
    st.sampled_from(AWKWARD_TEXT),
)
keys = st.one_of(
    st.sampled_from([*FIELD_NAMES, *PLAN_KEYS, *ITEM_KEYS, "primary", "secondary", "tag", "note", "action"]),
    st.text(min_size=1, max_size=12),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=12,
)
stray = st.one_of(
    st.text(alphabet=":-[]{}&*!#|>'\"%@`,?\t\n \\é\u00a0\x00\x07\x85\ufeffab1", min_size=1, max_size=6),
    st.sampled_from(
        [": x", "\n- ", "\n  x: 1", " *a", " &a", " !!int ", "\t", "'", '"', "{", "]", "\n---\n"]
    ),
)


# --------------------------------------------------------------------------- how to break it


def _places(data, path=()):
    """Every (path, container, key) under ``data``: where a value can be swapped or deleted."""
    found = []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        found.append((path + (key,), data, key))
        found += _places(value, path + (key,))
    return found


NUMBER_FIELDS = {"sets", "reps", "hold_seconds", "seconds_per_rep", "rest_seconds", "transition_seconds"}
NUMBER_FIELDS |= {"target_minutes", "total_seconds", "seconds", "level"}
TEXT_FIELDS = {"title", "name", "note", "why", "description", "exercise", "id", "regression", "progression"}
numbers = st.one_of(
    st.sampled_from(AWKWARD_NUMBERS),
    st.sampled_from(AWKWARD_FLOATS),
    st.integers(),
    st.floats(),
    st.sampled_from([None, True, False, "1e3", "30", "", datetime.date(2024, 5, 1)]),
)
surprises = st.one_of(  # what YAML makes of text written without quotes
    st.booleans(),
    st.dates(),
    st.integers(),
    st.floats(),
    st.none(),
    st.builds(lambda key, text: {key: text}, st.sampled_from(["Tip", "Note", "Why"]), st.text(max_size=10)),
)


def break_data(draw, data):
    """Delete, rename or replace one thing in (a copy of) ``data``. Half the replacements aim at
    the fields where a wrong value does most harm: numbers (arithmetic) and text (words)."""
    data = copy.deepcopy(data)
    places = _places(data)
    if not places:
        return draw(values)
    action = draw(st.sampled_from(["delete", "rename", "replace", "number", "text"]))
    aimed = {"number": NUMBER_FIELDS, "text": TEXT_FIELDS}.get(action, set())
    places = [place for place in places if place[2] in aimed] or places
    _, container, key = draw(st.sampled_from(places))
    if action == "delete":
        del container[key]
    elif action == "rename" and isinstance(container, dict):
        container[draw(keys)] = container.pop(key)
    elif action in ("number", "text"):
        container[key] = draw(numbers if action == "number" else surprises)
    else:
        container[key] = draw(values)
    return data


def break_text(draw, text: str) -> str | bytes:
    """Double a line, add an alias, cut the text, or type stray characters or bytes."""
    lines = text.splitlines(keepends=True) or [""]
    action = draw(st.sampled_from(["double", "alias", "cut", "type", "type", "bytes"]))
    where = draw(st.integers(0, len(lines) - 1))
    if action == "double":  # the same key twice, at the same indent
        return "".join(lines[: where + 1] + [lines[where]] + lines[where + 1 :])
    if action == "alias":
        other = draw(st.integers(0, len(lines) - 1))
        lines[where] = lines[where].replace(": ", ": &a ", 1)
        lines[other] = lines[other].split(": ", 1)[0] + ": *a\n" if ": " in lines[other] else "- *a\n"
        return "".join(lines)
    at = draw(st.integers(0, len(text)))
    if action == "cut":
        return text[:at]
    if action == "bytes":
        raw = text.encode("utf-8")
        return (
            raw[:at]
            + draw(st.sampled_from([b"\xff", b"\xc3", b"\xe2\x80", b"\x00", b"\xef\xbb\xbf"]))
            + raw[at:]
        )
    return text[:at] + draw(stray) + text[at:]


@st.composite
def broken(draw, data):
    """YAML text (or bytes) of ``data`` after one to three breaks of the data and up to two of the text."""
    for _ in range(draw(st.integers(1, 3))):
        data = break_data(draw, data)
    text: str | bytes = yaml.dump(
        data, Dumper=DUMPER, sort_keys=False, allow_unicode=draw(st.booleans()), width=100
    )
    for _ in range(draw(st.integers(0, 2))):
        text = break_text(draw, text.decode("utf-8", "replace") if isinstance(text, bytes) else text)
    return text


def write(path: Path, text: str | bytes) -> Path:
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
    return path


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture(scope="module")
def real_plan(real_plan_text):
    return yaml.safe_load(real_plan_text)


# --------------------------------------------------------------------------- exercises


@settings(FUZZ, max_examples=1200)
@given(data=st.data())
def test_a_broken_exercise_file_reads_or_says_why(folder, data):
    entries = data.draw(st.lists(st.sampled_from(REAL_ENTRIES), min_size=1, max_size=2))
    path = write(folder / "mine.yaml", data.draw(broken(entries)))
    exercises, problems = read_exercise_file(path)  # never raises: problems are returned
    for problem in problems:
        assert str(problem).startswith(str(path)) and problem.message
    for exercise in exercises:
        exercise.to_record(), exercise.dosage.describe(exercise.per_side), exercise.key_cue


@settings(FUZZ, max_examples=200)
@given(data=st.data())
def test_a_broken_set_of_linked_exercises_loads_or_says_why(folder, data):
    """Links and ids across files: ids copied, regressions and progressions pointed anywhere."""
    entries = json.loads(
        json.dumps(data.draw(st.lists(st.sampled_from(REAL_ENTRIES), min_size=2, max_size=4)))
    )
    ids = [f"fuzz-{n}" for n in range(len(entries))]
    for entry in entries:
        entry["id"] = data.draw(st.sampled_from(ids))
        for link in ("regression", "progression"):
            entry[link] = data.draw(
                st.one_of(
                    st.none(), st.sampled_from(ids), st.sampled_from(REAL_ENTRIES).map(lambda e: e["id"])
                )
            )
    text = yaml.dump(entries, Dumper=DUMPER, sort_keys=False)
    if data.draw(st.booleans()):
        text = data.draw(broken(entries))
    path = write(folder / "linked.yaml", text)
    try:
        library = load_library(path)
    except KitError as error:
        assert str(error)
    else:  # what loads has no circle: following progressions (or regressions) always ends
        for exercise in library:
            for link in ("progression", "regression"):
                seen, step = set(), exercise
                while getattr(step, link) is not None:
                    assert step.id not in seen, f"a circle of {link}s loaded: {sorted(seen)}"
                    seen.add(step.id)
                    step = library.get(getattr(step, link))


# --------------------------------------------------------------------------- plans


@settings(FUZZ, max_examples=1600)
@given(data=st.data())
def test_a_broken_plan_loads_checks_and_explains_or_says_why(folder, library, real_plan, data):
    path = write(folder / "plan.yaml", data.draw(broken(real_plan)))
    try:
        plan = ClassPlan.load(path)
    except KitError as error:
        assert str(path) in str(error)
        return
    try:
        check_plan(plan, library)
        plan.explain(library)
        json.dumps(plan.to_json_dict())
        plan.to_text(library)
    except KitError as error:
        assert str(error)
