"""Recommendations to partners: when the answer is due."""

from datetime import date

from coproduce.accounts.models import User
from coproduce.learning.models import Recommendation
from coproduce.learning.queries import count_overdue_recommendations
from coproduce.learning.services.charter import Commitment, sign_for_organisation
from coproduce.learning.services.recommendations import record_recommendation, record_response
from coproduce.people.models import Organisation
from coproduce.projects.models import Project


def test_recommendation_is_due_after_the_organisation_commitment(amina: User, priya: User, bus_stops: Project) -> None:
    riverside = Organisation.objects.get(name="Riverside Council")
    sign_for_organisation(riverside, commitments=[Commitment("We answer in 4 weeks.", 28)], by=priya)

    recommendation = record_recommendation(
        project=bus_stops, organisation=riverside, text="Lower kerbs.", sent_on=date(2026, 1, 5), by=amina
    )

    assert recommendation.response_due == date(2026, 2, 2)
    assert count_overdue_recommendations(date(2026, 2, 3)) == 1
    assert count_overdue_recommendations(date(2026, 2, 2)) == 0
    record_response(recommendation, responded_on=date(2026, 2, 3), response="We agree.", by=amina)
    assert count_overdue_recommendations(date(2026, 3, 1)) == 0


def test_recommendation_without_a_commitment_is_due_after_eight_weeks(amina: User, bus_stops: Project) -> None:
    organisation = Organisation.objects.create(name="Riverside NHS Trust")

    recommendation = record_recommendation(
        project=bus_stops, organisation=organisation, text="Quiet waiting rooms.", sent_on=date(2026, 1, 5), by=amina
    )

    assert recommendation.response_due == date(2026, 3, 2)
    assert Recommendation.objects.count() == 1
