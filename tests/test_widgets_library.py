"""The library browser, driven from code: set filter values, read the ids and the card."""

from __future__ import annotations

import textwrap

import pytest

import innerthigh_kit as kit
from innerthigh_kit import vocab
from innerthigh_kit.errors import LibraryWarning
from innerthigh_kit.widgets._html import esc
from innerthigh_kit.widgets.library_browser import LibraryBrowser, exercise_counts

# Three exercises of our own, added to the kit's library, so the assertions do not depend on
# what the kit's files hold today. One has a name that must never reach the page as markup.
MY_EXERCISES = textwrap.dedent("""\
    - id: zz-easy-squeeze
      name: Easy squeeze
      category: activation
      position: seated
      equipment: [mat, small-ball]
      level: 1
      muscles: {primary: [adductors]}
      per_side: false
      dosage: {sets: 2, reps: 10, seconds_per_rep: 2}
      cues: [Sit tall., Squeeze along the whole thigh.]
      regression: null
      progression: zz-hard-slide
      cautions:
        - {tag: pelvic-girdle-pain, action: modify, note: Gentle & slow; stop if it hurts.}
      reasons: [pelvis-core]
      description: A gentle squeeze.
      sources: [Coaching experience]
      evidence: coaching
    - id: zz-hard-slide
      name: Hard slide
      category: strength
      position: standing
      equipment: [mat, slider]
      level: 3
      muscles: {primary: [adductors], secondary: [glutes]}
      per_side: true
      dosage: {sets: 3, reps: 8, seconds_per_rep: 4}
      cues: [Slide out slowly., Pull back with the inner thigh.]
      regression: zz-easy-squeeze
      progression: null
      cautions:
        - {tag: pregnancy-t3, note: Leave it out.}
      reasons: [lateral, balance]
      description: A hard lateral slide.
      sources: [Coaching experience]
      evidence: some
    - id: zz-script
      name: <script>alert(1)</script>
      category: stretch
      position: supine
      equipment: [mat]
      level: 1
      muscles: {primary: [adductors <b>bold</b>]}
      per_side: false
      dosage: {sets: 1, hold_seconds: 30}
      cues: ["<img src=x onerror=alert(2)>", Breathe & relax.]
      regression: null
      progression: null
      cautions:
        - {tag: knee-pain, action: modify, note: "<i>support</i> the knees"}
      reasons: [range, knee]
      description: "Tom & Jerry's <stretch>"
      sources: ["<a href='javascript:alert(3)'>x</a>"]
""")
MINE = ["zz-easy-squeeze", "zz-hard-slide", "zz-script"]


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    path = tmp_path_factory.mktemp("mine") / "my_exercises.yaml"
    path.write_text(MY_EXERCISES, encoding="utf-8")
    with pytest.warns(LibraryWarning, match="'knee' is claimed, but a stretch"):  # zz-script over-claims
        return kit.load_library(path)


@pytest.fixture
def browser(library):
    return LibraryBrowser(library)


def mine(browser):
    return [i for i in browser.shown_ids if i in MINE]


def test_everything_shown_at_first(browser, library):
    assert browser.shown_ids == library.ids
    assert f"{len(library)} of {len(library)} exercises" in browser.count.value
    assert browser.selected_id == library.ids[0]
    assert [value for _, value in browser.choice.options] == library.ids


def test_filters_come_from_the_vocabulary(browser):
    f = browser.filters
    assert [v for _, v in f["category"].options] == ["any", *vocab.CATEGORIES]
    assert [v for _, v in f["position"].options] == ["any", *vocab.POSITIONS]
    assert [v for _, v in f["reason"].options] == ["any", *vocab.REASONS]
    assert [v for _, v in f["level_max"].options] == list(vocab.LEVELS)
    assert [c.tag for c in f["avoid_cautions"].children] == list(vocab.CAUTIONS)
    assert {c.tag for c in f["equipment_available"].children} == set(vocab.EQUIPMENT) - {"mat"}
    # people read words: "Small ball", "Knee pain", never the tags
    assert "Small ball" in [c.description for c in f["equipment_available"].children]
    assert not any("-" in c.description for c in f["avoid_cautions"].children)


def test_category_and_position(browser, library):
    browser.filters["category"].value = "strength"
    assert mine(browser) == ["zz-hard-slide"]
    assert browser.shown_ids == [e.id for e in library.filter(category="strength")]
    browser.filters["position"].value = "seated"
    assert mine(browser) == []
    browser.filters["category"].value = "any"
    assert mine(browser) == ["zz-easy-squeeze"]
    shown = len(browser.shown_ids)
    assert f"{shown} of {len(library)} exercises" in browser.count.value


def test_level_and_reason(browser, library):
    browser.filters["level_max"].value = 1
    assert mine(browser) == ["zz-easy-squeeze", "zz-script"]
    assert all(library.get(i).level == 1 for i in browser.shown_ids)
    browser.filters["reason"].value = "range"
    assert mine(browser) == ["zz-script"]
    browser.filters["reason"].value = "knee"  # claimed by the stretch, but a stretch does not train it
    assert mine(browser) == []


def test_a_card_says_what_its_file_claims_but_the_kit_does_not_count(browser):
    browser.select("zz-script")
    card = browser.card.value
    assert vocab.REASON_WORDS["range"] in card and vocab.REASON_WORDS["knee"] not in card
    assert "Its file also claims the knee; not counted: this kind of movement does not train it." in card


def test_equipment_you_have(browser, library):
    browser.set_ticked("equipment_available", [])  # only a mat
    assert mine(browser) == ["zz-script"]
    assert all(library.get(i).needs([]) == [] for i in browser.shown_ids)
    browser.set_ticked("equipment_available", ["small-ball"])
    assert mine(browser) == ["zz-easy-squeeze", "zz-script"]
    # ticking one box by hand redraws too
    slider = next(c for c in browser.filters["equipment_available"].children if c.tag == "slider")
    slider.value = True
    assert mine(browser) == MINE


def test_cautions_to_avoid_hide_only_avoid_entries(browser, library):
    browser.set_ticked("avoid_cautions", ["pregnancy-t3", "pelvic-girdle-pain"])
    # "avoid" for pregnancy-t3 hides the slide; "modify" for pelvic girdle pain keeps the squeeze
    assert mine(browser) == ["zz-easy-squeeze", "zz-script"]
    assert browser.shown_ids == [
        e.id for e in library.filter(avoid_cautions=["pregnancy-t3", "pelvic-girdle-pain"])
    ]
    browser.select("zz-easy-squeeze")
    assert "font-weight:bold;vertical-align:top" in browser.card.value  # the group's row stands out
    assert "Gentle &amp; slow" in browser.card.value


def test_no_match_says_so_and_reset_shows_everything(browser, library):
    browser.filters["category"].value = "stretch"
    browser.filters["position"].value = "standing"
    browser.filters["level_max"].value = 1
    browser.set_ticked("equipment_available", [])
    browser.set_ticked("avoid_cautions", vocab.CAUTIONS)
    if not browser.shown_ids:
        assert browser.selected_id is None
        assert "No exercise matches" in browser.card.value
        assert f"0 of {len(library)} exercises" in browser.count.value
    browser.reset_button.click()
    assert browser.shown_ids == library.ids


def test_select_and_follow_easier_and_harder(browser, library):
    browser.select("zz-easy-squeeze")
    assert browser.choice.value == "zz-easy-squeeze"
    assert browser.harder_button.description == "Harder: Hard slide"
    assert browser.easier_button.layout.display == "none"
    browser.harder_button.click()
    assert browser.selected_id == "zz-hard-slide"
    assert "Hard slide" in browser.card.value
    assert browser.easier_button.description == "Easier: Easy squeeze"
    browser.easier_button.click()
    assert browser.selected_id == "zz-easy-squeeze"
    # picking from the list opens the card too
    browser.choice.value = "zz-hard-slide"
    assert browser.selected_id == "zz-hard-slide"


def test_a_card_hidden_by_filters_can_still_be_opened(browser):
    browser.filters["level_max"].value = 1
    browser.select("zz-hard-slide")
    assert browser.choice.value is None
    assert "Your filters hide this exercise" in browser.card.value


def test_card_shows_every_part_in_words(browser, library):
    browser.select("zz-hard-slide")
    card = browser.card.value
    for text in (
        "Hard slide",
        "strength",
        "standing",
        "level 3",
        "slider",
        "3 × 8 reps each side",
        "Slide out slowly.",
        "Easy squeeze",
        vocab.REASON_WORDS["lateral"],
        vocab.REASON_WORDS["balance"],
        vocab.EVIDENCE_WORDS["some"],
        "pregnancy, third trimester",
        "avoid: leave it out",
        "Leave it out.",
        "Coaching experience",
    ):
        assert text in card, text
    kit_exercise = library.get(library.ids[0])
    browser.select(kit_exercise.id)
    for source in kit_exercise.sources:
        assert esc(library.citation(source)) in browser.card.value


def test_unknown_id_gives_the_library_message(browser):
    with pytest.raises(kit.KitError, match="no exercise with id"):
        browser.select("zz-no-such-thing")


def test_everything_from_a_users_file_is_escaped(browser):
    browser.select("zz-script")
    card = browser.card.value
    for raw in ("<script", "<img src=x", "<i>", "<b>bold", "<a href", "<stretch>"):
        assert raw not in card, raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in card
    assert "&lt;img src=x onerror=alert(2)&gt;" in card
    assert "Tom &amp; Jerry&#x27;s &lt;stretch&gt;" in card
    assert "From your file my_exercises.yaml" in card
    # the list and buttons are plain-text widgets: the name is shown as text, not parsed
    assert ("<script>alert(1)</script> · stretch · level 1", "zz-script") in browser.choice.options


def test_display_text_is_short_and_stable(browser):
    bundle = browser._repr_mimebundle_()
    assert bundle["text/plain"].startswith("Exercise library browser")
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_public_names(library):
    assert kit.browse_library is kit.widgets.browse_library
    assert isinstance(kit.browse_library(library), LibraryBrowser)


def test_exercise_counts(library):
    table = exercise_counts(library)
    assert list(table.index) == [*vocab.CATEGORIES, "total"]
    assert list(table.columns) == ["level 1", "level 2", "level 3", "total"]
    assert table.loc["total", "total"] == len(library)
    assert table.loc["strength", "level 3"] == sum(
        1 for e in library if e.category == "strength" and e.level == 3
    )


def test_the_card_shows_the_exercises_figure(browser, library):
    exercise = next(e for e in library if e.figure is not None) if any(e.figure for e in library) else None
    target = exercise.id if exercise else next(iter(library)).id
    browser.select(target)
    assert f"alt='Figure: {library.get(target).name}'" in browser.card.value.replace("&#x27;", "'")
    assert "src='data:image/png;base64," in browser.card.value
