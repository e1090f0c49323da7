"""The project page shows the group the recommendations it made to partners, and their answers."""

from datetime import timedelta

from django.utils import timezone
from pytest_django.asserts import assertContains

from coproduce.accounts.models import User
from coproduce.learning.models import Recommendation
from coproduce.people.models import Organisation
from coproduce.projects.models import Project
from coproduce.projects.tests.views.helpers import ClientFor


def test_project_group_reads_the_partners_answer_on_the_project_page(
    amina: User, grace: User, priya: User, bus_stops: Project, client_for: ClientFor
) -> None:
    """A partner was told "The project group reads it" as they answered, but no page showed the group
    the answer: recommendations and answers were for coordinators and the partner only."""
    today = timezone.localdate()
    council = Organisation.objects.get(name="Riverside Council")
    Recommendation.objects.create(
        project=bus_stops,
        organisation=council,
        text="Put the timetable in large print at every stop.",
        sent_on=today - timedelta(days=60),
        response_due=today - timedelta(days=4),
        responded_on=today - timedelta(days=1),
        response="We will, at the 12 busiest stops first.",
        recorded_by=amina,
    )
    Recommendation.objects.create(
        project=bus_stops,
        organisation=council,
        text="Lower the kerbs.",
        sent_on=today - timedelta(days=3),
        response_due=today + timedelta(days=53),
        recorded_by=amina,
    )

    page = client_for(grace).get(f"/projects/{bus_stops.pk}/")

    assertContains(page, "Put the timetable in large print at every stop.")
    assertContains(
        page,
        f"Riverside Council answered on {(today - timedelta(days=1)):%-d %B %Y}, 3 days late</strong>: "
        "We will, at the 12 busiest stops first.",
    )
    assertContains(page, f"Riverside Council’s answer is due by {(today + timedelta(days=53)):%-d %B %Y}")
