"""Exercise cards: `innerthigh-kit card ID -o card.pdf` (handouts/cards.py)."""

from __future__ import annotations

import pytest

from innerthigh_kit.cli import main


def test_a_card_is_one_a6_page_with_the_exercises_words(tmp_path, capsys):
    from pypdf import PdfReader

    out = tmp_path / "card.pdf"
    assert main(["card", "side-lying-inner-thigh-circles", "-o", str(out)]) == 0
    assert "Card written" in capsys.readouterr().out
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((297.6, 419.5), abs=1.5)  # A6 in points
    text = reader.pages[0].extract_text()
    assert "Side-lying inner-thigh circles" in text and "each side" in text
    assert "Leave out for" in text and "hip replacement" in text


def test_a_card_refuses_what_it_cannot_do_in_plain_words(tmp_path, capsys):
    out = tmp_path / "card.pdf"
    assert main(["card", "side-lying-inner-thigh-circle", "-o", str(out)]) == 1
    assert "Did you mean 'side-lying-inner-thigh-circles'" in capsys.readouterr().err
    assert main(["card", "glute-bridge", "-o", str(tmp_path / "card.docx")]) == 1
    assert "a card is written as .pdf, .png, .svg" in capsys.readouterr().err
    out.write_text("mine")
    assert main(["card", "glute-bridge", "-o", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err and out.read_text() == "mine"
    assert main(["card", "glute-bridge", "-o", str(out), "--force"]) == 0
