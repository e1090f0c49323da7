"""Shared checks for the "Check readability" button on publishing forms (used by each app's tests)."""

from typing import Any

from coproduce.communications.readability import CHECK_BUTTON

PLAIN = "We will meet at the library. Bring a friend if you like. There will be tea and cake."
HARD = (
    "Notwithstanding the aforementioned considerations, the organisation's comprehensive infrastructural "
    "modernisation programme necessitates substantial interdepartmental collaboration, systematic "
    "prioritisation and institutional accountability mechanisms throughout implementation."
)


def pressing_check(data: dict[str, Any]) -> dict[str, Any]:
    return {**data, CHECK_BUTTON: "1"}


def assert_panels_beside_fields(response: Any, fields: list[str]) -> str:
    """The page says the check ran and shows each field's figures straight after that field."""
    assert response.status_code == 200
    html: str = response.content.decode()
    assert "Readability checked" in html
    assert "Nothing is saved yet." in html
    assert "govuk-error-summary" not in html
    assert "<title>Error: " not in html
    for name in fields:
        field_at = html.index(f'id="id_{name}"')
        panel_at = html.index(f'id="readability-{name}"')
        assert field_at < panel_at, f"The panel for {name} is not after its field"
        assert "Reading ease" in html[panel_at : panel_at + 3000]
    return html
