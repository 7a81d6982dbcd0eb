"""Handouts: rendered through papermill for real, then read back (HTML text, PDF pages)."""

from __future__ import annotations

import glob
import html
import os
import re
import shutil
import threading

import pytest

import innerthigh_kit as kit
from innerthigh_kit.cli import main
from innerthigh_kit.handouts import check_parameters, render_handout, render_workshop

pytestmark = pytest.mark.slow

XSS = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def library():
    return kit.load_library()


@pytest.fixture(scope="module")
def plan(library):
    request = kit.ClassRequest(
        minutes=30, level=1, equipment=["small-ball"], population="postnatal", conditions=["knee-pain"]
    )
    return kit.build_plan(request, library, seed=3)


@pytest.fixture(scope="module")
def plan_file(plan, tmp_path_factory):
    path = tmp_path_factory.mktemp("plans") / "postnatal.yaml"
    plan.save(path)
    return path


@pytest.fixture(scope="module")
def rendered(plan_file, tmp_path_factory):
    """One participant and one instructor handout in HTML, and a participant PDF."""
    out = tmp_path_factory.mktemp("handouts")
    return {
        "participant": render_handout(plan_file, out / "participant.html").read_text(),
        "instructor": render_handout(plan_file, out / "instructor.html", "instructor").read_text(),
        "pdf": render_handout(plan_file, out / "participant.pdf"),
    }


def names_in(plan, library):
    return [
        library.get(item["exercise"]).name
        for section in plan.to_json_dict()["sections"]
        for item in section["items"]
    ]


def test_html_handout_shows_the_class_and_hides_the_code(rendered, plan, library):
    page = rendered["participant"]
    record = plan.to_json_dict()
    assert f"<title>{record['title']}</title>" in page
    assert "The sequence" in page and "Why these exercises" in page and "Take care" in page
    for name in names_in(plan, library):
        assert name in html.unescape(page)
    assert "not medical advice" in page
    # no code, no prompts, no parameters
    for code in ("from innerthigh_kit", "handout.header()", "plan_path", "In&nbsp;[", "In ["):
        assert code not in page
    assert "<svg" in page, "the lever diagrams are inlined as SVG"
    assert "@page" in page, "print CSS"


def test_instructor_version_adds_reasoning_and_findings(rendered):
    assert "Reasoning (instructor)" in rendered["instructor"]
    assert "Plan check" in rendered["instructor"]
    assert "Reasoning (instructor)" not in rendered["participant"]
    assert "Plan check" not in rendered["participant"]


def test_pdf_handout_has_pages_and_text(rendered, plan, library):
    from pypdf import PdfReader

    reader = PdfReader(rendered["pdf"])
    assert 1 <= len(reader.pages) <= 6
    text = " ".join(page.extract_text() for page in reader.pages)
    text = re.sub(r"\s+", " ", text)
    assert plan.to_json_dict()["title"].split()[0] in text
    assert names_in(plan, library)[0].split()[0] in text
    assert reader.pages[0].mediabox.width == pytest.approx(595, abs=2)  # A4 is 595 × 842 pt


def test_notebook_output(plan_file, tmp_path):
    import nbformat

    out = render_handout(plan_file, tmp_path / "handout.ipynb", include_diagrams=False)
    notebook = nbformat.read(out, as_version=4)
    assert any("injected-parameters" in cell.metadata.get("tags", []) for cell in notebook.cells)


def test_user_text_is_escaped(plan, library, tmp_path):
    plan = kit.ClassPlan.load(_save(plan, tmp_path / "x.yaml"))
    plan.title = XSS
    path = _save(plan, tmp_path / "xss.yaml")
    page = render_handout(path, tmp_path / "xss.html", "instructor", include_diagrams=False).read_text()
    assert XSS not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_custom_exercise_text_is_escaped(plan, library, tmp_path, good_entry):

    custom = tmp_path / "mine.yaml"
    custom.write_text(
        good_entry.replace("My seated squeeze", "<img src=x onerror=alert(1)>").replace(
            "Squeeze the ball along the whole thigh.", "<b>bold</b> cue"
        )
    )
    edited = kit.ClassPlan.load(_save(plan, tmp_path / "p.yaml"))
    edited.sections[0].items[0].exercise = "my-squeeze"
    path = _save(edited, tmp_path / "custom.yaml")
    page = render_handout(
        path, tmp_path / "custom.html", library_paths=[custom], include_diagrams=False
    ).read_text()
    assert "<img src=x" not in page and "<b>bold</b>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "&lt;b&gt;bold&lt;/b&gt; cue" in page


def _save(plan, path):
    plan.save(path)
    return path


def test_no_overwrite_without_force(plan_file, tmp_path, capsys):
    out = tmp_path / "h.html"
    out.write_text("my own notes")
    with pytest.raises(kit.HandoutError, match="already exists.*--force"):
        render_handout(plan_file, out, include_diagrams=False)
    assert out.read_text() == "my own notes"
    assert main(["handout", str(plan_file), "-o", str(out), "--no-diagrams"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["handout", str(plan_file), "-o", str(out), "--no-diagrams", "--force"]) == 0
    assert "The sequence" in out.read_text()


@pytest.mark.parametrize(
    "kwargs, named",
    [
        ({"audience": "coach"}, "audience: 'coach' is not allowed. Use one of: participant, instructor"),
        ({"include_diagrams": "yes"}, "include_diagrams: 'yes' should be True or False"),
        ({"paper": "A5"}, "paper: 'A5' is not allowed"),
        ({"library_paths": "mine.yaml"}, "library_paths: give a list"),
    ],
)
def test_bad_parameters_are_named(plan_file, kwargs, named):
    arguments = {"plan_path": str(plan_file), **kwargs}
    with pytest.raises(kit.HandoutError) as caught:
        check_parameters(**arguments)
    assert named in str(caught.value)


def test_missing_plan_and_bad_extension(tmp_path, plan_file):
    with pytest.raises(kit.HandoutError, match="plan_path: there is no file"):
        render_handout(tmp_path / "nope.yaml", tmp_path / "x.html")
    with pytest.raises(kit.HandoutError, match=r"\.docx is not one of them"):
        render_handout(plan_file, tmp_path / "x.docx")


def test_template_checks_parameters_itself_under_papermill(plan_file, tmp_path):
    """Run by papermill directly (as `papermill -p audience coach`): the first cell stops it."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from innerthigh_kit.handouts import template_path

    with pytest.raises(PapermillExecutionError) as caught:
        papermill.execute_notebook(
            str(template_path()),
            str(tmp_path / "out.ipynb"),
            parameters={"plan_path": str(plan_file), "audience": "coach"},
            progress_bar=False,
            kernel_name="python3",
        )
    assert caught.value.ename == "HandoutError"
    assert "audience: 'coach' is not allowed" in caught.value.evalue


def test_a_broken_plan_becomes_a_handout_error(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: Broken\nsections: 3\n")
    with pytest.raises(kit.HandoutError) as caught:
        render_handout(bad, tmp_path / "bad.html", include_diagrams=False)
    assert "bad.yaml" in str(caught.value)
    assert "Traceback" not in str(caught.value)


def test_workshop_renders_all_and_reports_the_bad_plan(plan_file, tmp_path, capsys):
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(plan_file, plans / "anna.yaml")
    shutil.copy(plan_file, plans / "ben.yaml")
    (plans / "broken.yaml").write_text("title: [unclosed\n")
    out = tmp_path / "out"
    result = render_workshop(plans, out, jobs=2, include_diagrams=False, progress=False)
    assert sorted(p.name for p in result.rendered) == ["anna.html", "ben.html"]
    assert [p.split("/")[-1] for p, _ in result.failed] == ["broken.yaml"]
    assert "broken.yaml" in result.failed[0][1]
    index = (out / "index.html").read_text()
    assert 'href="./anna.html"' in index and 'href="./ben.html"' in index
    assert "Could not be made (1)" in index
    # again without --force: refused, nothing replaced
    with pytest.raises(kit.HandoutError, match="already exists"):
        render_workshop(plans, out, jobs=1, progress=False)
    assert main(["workshop", str(plans), "-o", str(out), "--jobs", "2", "--force"]) == 1
    captured = capsys.readouterr()
    assert "2 handout(s) written" in captured.out and "broken.yaml" in captured.err


def test_render_functions_are_public_names():
    assert kit.render_handout is render_handout
    assert kit.render_workshop is render_workshop


def _visible_text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def test_participant_pieces_say_words_not_tags_and_keep_the_evidence(library):
    from innerthigh_kit.handouts.content import Handout
    from innerthigh_kit.vocab import CAUTIONS, EQUIPMENT, EVIDENCE_WORDS, POPULATIONS

    request = kit.ClassRequest(
        minutes=45,
        population="prenatal-t2",
        conditions=["pelvic-girdle-pain"],
        equipment=["small-ball", "pillow"],
    )
    plan = kit.build_plan(request, library)
    handout = Handout(plan, library, "participant", include_diagrams=False)
    pieces = [handout.header(), handout.sequence(), handout.why(), handout.cautions()]
    text = " ".join(_visible_text(str(piece)) for piece in pieces)
    tags = [t for t in (*CAUTIONS, *EQUIPMENT, *POPULATIONS) if "-" in t]
    assert not [t for t in tags if re.search(rf"\b{re.escape(t)}\b", text)], "raw tags on the page"
    header = _visible_text(str(handout.header()))
    assert "with care for pelvic girdle pain" in header and "a small ball" in header
    rows = len(list(plan.items()))
    shown = sum(text.count(f"Evidence: {words}") for words in EVIDENCE_WORDS.values())
    assert shown == rows, "each exercise row names how good its evidence is, in words"


@pytest.mark.skipif(os.name != "posix", reason="Unix sockets are a Linux and macOS transport")
def test_handout_kernels_talk_over_local_sockets_and_clear_them_away():
    """No TCP port is chosen, so handouts rendered side by side can never race for one."""
    import asyncio

    from innerthigh_kit.handouts.render import kernel_manager_class

    manager = kernel_manager_class()(kernel_name="python3")
    assert manager.transport == "ipc" and os.path.isabs(manager.ip)

    async def run_and_stop():
        await manager.start_kernel()
        client = manager.client()
        client.start_channels()
        await client.wait_for_ready(timeout=60)
        client.stop_channels()
        await manager.shutdown_kernel(now=True)

    # in its own thread: another test's plugin may leave an event loop running in this one
    errors: list[BaseException] = []

    def run() -> None:
        try:
            asyncio.run(run_and_stop())
        except BaseException as error:  # noqa: BLE001  (handed to the test's thread below)
            errors.append(error)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(timeout=90)
    assert not worker.is_alive() and not errors, errors
    assert not glob.glob(manager.ip + "-*"), "the sockets are removed"
    unused = kernel_manager_class()(kernel_name="python3")
    assert not glob.glob(unused.ip + "*"), "a manager that never starts makes nothing"


def test_every_row_of_the_sequence_carries_the_exercises_figure(library):
    from innerthigh_kit.handouts.content import Handout

    plan = kit.build_plan(kit.ClassRequest(minutes=30, equipment=["small-ball"]), library)
    sequence = str(Handout(plan, library, "participant", include_diagrams=False).sequence())
    names = [library.get(item.exercise).name for _, item in plan.items()]
    thumbs = re.findall(r'<img class="thumb" alt="Figure: ([^"]+)" src="data:image/png;base64,', sequence)
    assert [html.unescape(t) for t in thumbs] == names


@pytest.mark.parametrize(
    "request_kwargs",
    [
        dict(minutes=45, population="postnatal", equipment=["small-ball"]),
        dict(
            minutes=45, population="prenatal-t2", conditions=["pelvic-girdle-pain"], equipment=["small-ball"]
        ),
        dict(minutes=45, level=2, equipment=["barre", "small-ball", "ankle-weights", "chair"]),
    ],
)
def test_a_45_minute_participant_pdf_stays_on_four_pages(library, tmp_path, request_kwargs):
    from pypdf import PdfReader

    plan = kit.build_plan(kit.ClassRequest(**request_kwargs), library)
    pages = len(PdfReader(render_handout(plan, tmp_path / "class.pdf")).pages)
    assert pages <= 4, f"{pages} pages for {len(list(plan.items()))} exercises"


def test_the_instructor_version_pictures_the_class_on_a_timeline(rendered):
    assert '<figure class="timeline">' in rendered["instructor"]
    assert "The class at a glance" in rendered["instructor"]
    assert '<figure class="timeline">' not in rendered["participant"]
