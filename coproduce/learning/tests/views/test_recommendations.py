"""The recommendations page."""

from datetime import timedelta

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
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


def recommend(organisation: Organisation, project: Project, by: User, text: str) -> Recommendation:
    today = timezone.localdate()
    return Recommendation.objects.create(
        project=project, organisation=organisation, text=text, sent_on=today, response_due=today, recorded_by=by
    )


def test_partner_sees_the_recommendations_to_her_organisation_and_no_others(
    client_for, amina: User, priya: User, bus_stops: Project
) -> None:
    """Priya was once told "You cannot see this page" about the recommendations made to her own council."""
    recommend(Organisation.objects.get(name="Riverside Council"), bus_stops, amina, "Lower the kerbs.")
    recommend(Organisation.objects.create(name="Northgate NHS Trust"), bus_stops, amina, "Open on Saturdays.")

    response = client_for(priya).get("/learning/recommendations/")

    assertContains(response, '<h1 class="govuk-heading-l">Recommendations to Riverside Council</h1>', html=True)
    assertContains(response, "Lower the kerbs.")
    assertNotContains(response, "Open on Saturdays.")
    assertNotContains(response, "Record a recommendation")


def test_partner_answers_a_recommendation_to_her_organisation_but_not_another(
    client_for, amina: User, priya: User, bus_stops: Project
) -> None:
    ours = recommend(Organisation.objects.get(name="Riverside Council"), bus_stops, amina, "Lower the kerbs.")
    theirs = recommend(Organisation.objects.create(name="Northgate NHS Trust"), bus_stops, amina, "Open later.")
    client = client_for(priya)

    form = client.get(f"/learning/recommendations/{ours.pk}/answer/")
    answered = client.post(f"/learning/recommendations/{ours.pk}/answer/", {"response": "We will, by May."})
    refused = client.post(f"/learning/recommendations/{theirs.pk}/answer/", {"response": "Yes."})

    assertContains(form, "Answer a recommendation to Riverside Council")
    assert answered.status_code == 302
    ours.refresh_from_db()
    assert (ours.response, ours.responded_on) == ("We will, by May.", timezone.localdate())
    assert AuditEvent.objects.filter(action="learning.recommendation_answered", actor=priya).count() == 1
    assert refused.status_code == 403
    theirs.refresh_from_db()
    assert theirs.responded_on is None


@pytest.mark.parametrize(
    ("persona", "list_status", "answer_status"),
    [
        ("amina", 200, 200),
        ("morgan", 200, 200),
        ("priya", 200, 200),
        ("dev", 403, 403),
        ("tom", 403, 403),
        ("sam", 403, 403),
    ],
)
def test_recommendations_pages_by_role(
    persona, list_status, answer_status, everyone, bus_stops: Project, client_for
) -> None:
    made = recommend(Organisation.objects.get(name="Riverside Council"), bus_stops, everyone["amina"], "Lower kerbs.")
    client = client_for(everyone[persona])

    assert client.get("/learning/recommendations/").status_code == list_status
    assert client.get(f"/learning/recommendations/{made.pk}/answer/").status_code == answer_status


def test_an_answered_recommendation_says_whether_the_answer_came_in_time(
    client_for, amina: User, priya: User, bus_stops: Project
) -> None:
    """Answers were listed only by their date, so nobody could see whether the partner kept its promise."""
    on_time = recommend(Organisation.objects.get(name="Riverside Council"), bus_stops, amina, "Lower the kerbs.")
    client = client_for(priya)
    client.post(f"/learning/recommendations/{on_time.pk}/answer/", {"response": "We will, by May."})

    today = timezone.localdate()
    listed = client.get("/learning/recommendations/")
    home = client.get("/")

    said = f"Answered on {today:%-d %B %Y}, in time"
    assertContains(listed, f"{said}: We will, by May.")
    assertContains(home, said)
    on_time.refresh_from_db()
    assert on_time.timeliness == "in time"
    on_time.response_due = today - timedelta(days=2)
    assert on_time.timeliness == "2 days late"
