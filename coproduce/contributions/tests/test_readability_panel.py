"""The "Check readability" button on the form that answers a contribution."""

import pytest
from django.urls import reverse

from coproduce.communications.tests.readability_checks import HARD, assert_panels_beside_fields, pressing_check
from coproduce.contributions.models import ContributionResponse

pytestmark = pytest.mark.django_db


def test_checking_the_answer_saves_nothing_then_saving_works(graces_idea, amina, client_for) -> None:
    client = client_for(amina)
    url = reverse("contributions:respond", kwargs={"pk": graces_idea.pk})
    data = {"outcome": "not_adopted", "explanation": HARD}

    html = assert_panels_beside_fields(client.post(url, pressing_check(data)), ["explanation"])
    assert "Readability: What we did" in html
    assert not ContributionResponse.objects.exists()

    assert client.post(url, data).status_code == 302
    assert ContributionResponse.objects.get().explanation == HARD


def test_checking_an_empty_answer_shows_no_errors(graces_idea, amina, client_for) -> None:
    url = reverse("contributions:respond", kwargs={"pk": graces_idea.pk})
    response = client_for(amina).post(url, pressing_check({"outcome": "", "explanation": ""}))
    assert "There is no text to check yet. Nothing is saved." in response.content.decode()
    assert "govuk-error-summary" not in response.content.decode()
