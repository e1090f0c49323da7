"""The recommendations page."""

from pytest_django.asserts import assertContains

from coproduce.accounts.models import User
from coproduce.learning.models import Recommendation
from coproduce.learning.services.charter import sign_for_organisation
from coproduce.people.models import Organisation
from coproduce.projects.models import Project


def test_recommendations_page_records_and_lists_overdue(
    client_for, amina: User, priya: User, bus_stops: Project
) -> None:
    sign_for_organisation(Organisation.objects.get(name="Riverside Council"), commitments=[], by=priya)
    client = client_for(amina)

    assertContains(client.post("/learning/recommendations/", {}), "Say what was recommended")
    response = client.post(
        "/learning/recommendations/",
        {
            "project": bus_stops.pk,
            "organisation": priya.person.organisation_id,
            "text": "Lower the kerbs at every stop.",
            "sent_on_day": "1",
            "sent_on_month": "1",
            "sent_on_year": "2025",
        },
    )

    assert response.status_code == 302
    recommendation = Recommendation.objects.get()
    page = client.get("/learning/recommendations/")
    assertContains(page, "Answers overdue")
    assertContains(page, "Lower the kerbs at every stop.")
    answer = client.post(
        f"/learning/recommendations/{recommendation.pk}/answer/",
        {"responded_on_day": "1", "responded_on_month": "2", "responded_on_year": "2025", "response": "We agree."},
    )
    assert answer.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.response == "We agree."
