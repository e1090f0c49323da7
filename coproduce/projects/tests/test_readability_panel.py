"""The "Check readability" button on the forms that start and suggest projects."""

import pytest

from coproduce.accounts.models import User
from coproduce.communications.tests.readability_checks import HARD, PLAIN, assert_panels_beside_fields, pressing_check
from coproduce.projects.models import Project

pytestmark = pytest.mark.django_db


def start_data(amina: User) -> dict[str, str]:
    return {"title": "Easy Read letters", "summary": HARD, "start_at": "idea", "staff_lead": str(amina.person.pk)}


def test_checking_the_start_form_saves_nothing_and_shows_the_figures(amina: User, client_for) -> None:
    response = client_for(amina).post("/projects/new/", pressing_check(start_data(amina)))

    html = assert_panels_beside_fields(response, ["summary"])
    assert "This text may be hard to read." in html
    assert not Project.objects.filter(title="Easy Read letters").exists()


def test_the_start_form_still_saves(amina: User, client_for) -> None:
    response = client_for(amina).post("/projects/new/", start_data(amina))
    assert response.status_code == 302
    assert Project.objects.filter(title="Easy Read letters").exists()


def test_checking_a_suggestion_saves_nothing_and_a_suggestion_still_sends(dev: User, client_for) -> None:
    client = client_for(dev)
    data = {"title": "Quiet hours", "summary": PLAIN}

    html = assert_panels_beside_fields(client.post("/projects/propose/", pressing_check(data)), ["summary"])
    assert "This text should be easy to read." in html
    assert not Project.objects.filter(title="Quiet hours").exists()

    assert client.post("/projects/propose/", data).status_code == 302
    assert Project.objects.filter(title="Quiet hours").exists()
