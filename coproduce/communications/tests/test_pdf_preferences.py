"""PDFs made for a person honour their display preferences."""

import re
from typing import Any

import pytest

from coproduce.communications.preferences import Preferences
from coproduce.pdf import render_pdf
from coproduce.tests.pdfs import pdf_is_tagged, pdf_reader, pdf_text


@pytest.fixture
def letter_template(tmp_path: Any, settings: Any) -> str:
    folder = tmp_path / "templates"
    (folder / "sample").mkdir(parents=True)
    (folder / "sample" / "letter.html").write_text(
        '{% extends "pdf/base.html" %}{% block title %}Your place{% endblock %}'
        "{% block content %}<p>We will meet at the library.</p>{% endblock %}"
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [folder, *settings.TEMPLATES[0]["DIRS"]]}]
    return "sample/letter.html"


def fonts(pdf: bytes) -> set[str]:
    page = pdf_reader(pdf).pages[0]
    resources: Any = page["/Resources"]
    return {str(font["/BaseFont"]) for font in resources["/Font"].values()}


def text_sizes(pdf: bytes) -> set[float]:
    """The text sizes in points, from the "Tf" operators of the first page (WeasyPrint writes CSS px)."""
    content = pdf_reader(pdf).pages[0].get_contents()
    assert content is not None
    return {round(float(px) * 0.75, 1) for px in re.findall(rb"/\S+ ([\d.]+) Tf", content.get_data())}


def test_standard_pdf_is_unchanged(letter_template: str) -> None:
    pdf = render_pdf(letter_template, preferences=Preferences())

    assert text_sizes(pdf) == {12, 10}  # the body, and the page numbers


def test_larger_text_gives_large_print(letter_template: str) -> None:
    pdf = render_pdf(letter_template, preferences=Preferences(large_text=True))

    assert text_sizes(pdf) == {18, 10}
    assert pdf_is_tagged(pdf)
    assert pdf_text(pdf).startswith("We will meet at the library.")


def test_a_larger_size_asked_for_is_never_lowered(letter_template: str) -> None:
    pdf = render_pdf(letter_template, points=24, preferences=Preferences(large_text=True))

    assert text_sizes(pdf) == {24, 10}


def test_dyslexia_font_uses_a_system_font_weasyprint_finds(letter_template: str) -> None:
    pdf = render_pdf(letter_template, preferences=Preferences(dyslexia_font=True, more_spacing=True))

    assert any(re.search(r"Verdana|Tahoma|DejaVu-?Sans", font) for font in fonts(pdf))
    assert pdf_text(pdf).startswith("We will meet at the library.")
