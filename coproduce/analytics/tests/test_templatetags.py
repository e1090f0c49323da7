"""``disclosed``: every [c] a page shows carries its explanation for screen readers."""

from django.template import Context, Template

from coproduce.analytics.disclosure import Cell

EXPLAINED_C = '[c]<span class="govuk-visually-hidden"> (hidden to protect privacy)</span>'


def render(value: object) -> str:
    return Template("{{ value|disclosed }}").render(Context({"value": value}))


def test_disclosed_explains_a_hidden_cell() -> None:
    assert render(Cell(None)) == EXPLAINED_C


def test_disclosed_leaves_a_shown_figure_as_it_is() -> None:
    assert render(Cell(1234)) == "1,234"
    assert render("75%") == "75%"


def test_disclosed_explains_each_c_in_a_sentence() -> None:
    assert render("Q1: [c]; Q2: [c].") == f"Q1: {EXPLAINED_C}; Q2: {EXPLAINED_C}."


def test_disclosed_still_escapes_what_it_is_given() -> None:
    assert render("<b>[c]</b>") == f"&lt;b&gt;{EXPLAINED_C}&lt;/b&gt;"
