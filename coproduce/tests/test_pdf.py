import pytest

from coproduce.pdf import render_pdf
from coproduce.tests.pdfs import pdf_is_tagged, pdf_language, pdf_text, pdf_title


@pytest.fixture
def letter_template(tmp_path, settings):
    folder = tmp_path / "templates"
    (folder / "sample").mkdir(parents=True)
    (folder / "sample" / "letter.html").write_text(
        '{% extends "pdf/base.html" %}{% block title %}Thank you, {{ name }}{% endblock %}'
        "{% block content %}<h1>Thank you, {{ name }}</h1><p>First paragraph.</p><p>Second paragraph.</p>"
        "{% endblock %}"
    )
    # Changing the setting makes Django load templates afresh, so the new folder is found.
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [folder, *settings.TEMPLATES[0]["DIRS"]]}]
    return "sample/letter.html"


def test_pdf_is_tagged_titled_in_english_and_reads_in_order(letter_template):
    pdf = render_pdf(letter_template, {"name": "Grace"})

    assert pdf.startswith(b"%PDF-")
    assert pdf_is_tagged(pdf)
    assert pdf_title(pdf) == "Thank you, Grace"
    assert pdf_language(pdf).lower() == "en-gb"
    assert pdf_text(pdf).startswith("Thank you, Grace First paragraph. Second paragraph.")


def test_large_print_is_bigger_and_unknown_sizes_are_refused(letter_template):
    standard = render_pdf(letter_template, {"name": "Dev"})
    large = render_pdf(letter_template, {"name": "Dev"}, points=24)

    assert pdf_text(large).startswith("Thank you, Dev")
    assert large != standard
    with pytest.raises(ValueError, match="Unsupported text size"):
        render_pdf(letter_template, {"name": "Dev"}, points=7)
