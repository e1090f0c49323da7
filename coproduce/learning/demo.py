"""The learning part of the demo data (called by `seed_demo`; running it again changes nothing)."""

from datetime import timedelta

from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.involvement.models import Activity, Registration
from coproduce.learning.models import Course, CourseSession, Induction, Recommendation, Signature
from coproduce.learning.queries import current_version
from coproduce.learning.services.charter import (
    Commitment,
    ensure_learning_defaults,
    sign_charter,
    sign_for_organisation,
)
from coproduce.learning.services.inductions import record_induction
from coproduce.learning.services.recommendations import record_recommendation
from coproduce.learning.services.training import learning_programme, plan_session
from coproduce.people.models import Person
from coproduce.projects.models import Membership, Project, ProjectRole

CHAMPION_PROJECT = "Easy Read letters from GP surgeries"
RIVERSIDE_COMMITMENT = "We will respond to co-produced recommendations within 8 weeks."
# Recommendations the project group made to Riverside Council, and how many days ago each was sent:
# one is overdue, one is waiting, so Priya's home has both to show.
RIVERSIDE_RECOMMENDATIONS = (
    ("Send council letters about health checks in Easy Read to everyone who asks for it.", 70),
    ("Train the council's customer service staff in the Accessible Information Standard.", 10),
)


def seed(people: dict[str, Person], coordinator: User) -> None:
    """``people`` maps each persona's key (amina, dev, grace, tom, priya, sam, morgan) to their record."""
    ensure_learning_defaults()
    version = current_version()
    for key in ("dev", "tom"):
        person = people[key]
        if person.user is not None and not Signature.objects.filter(person=person, version=version).exists():
            sign_charter(by=person.user)
    priya = people["priya"]
    if (
        priya.user is not None
        and priya.organisation is not None
        and not Signature.objects.filter(on_behalf_of=priya.organisation, version=version).exists()
    ):
        sign_for_organisation(priya.organisation, commitments=[Commitment(RIVERSIDE_COMMITMENT, 56)], by=priya.user)

    project = Project.objects.filter(title=CHAMPION_PROJECT).first()
    if project is not None and priya.organisation is not None:
        for text, days_ago in RIVERSIDE_RECOMMENDATIONS:
            if not Recommendation.objects.filter(organisation=priya.organisation, text=text).exists():
                sent_on = timezone.localdate() - timedelta(days=days_ago)
                record_recommendation(
                    project=project, organisation=priya.organisation, text=text, sent_on=sent_on, by=coordinator
                )
    if project is not None:
        Membership.objects.get_or_create(project=project, person=people["tom"], role=ProjectRole.CHAMPION)

    course = Course.objects.get(title="What co-production is")
    if not CourseSession.objects.filter(course=course).exists():
        starts = (timezone.localtime() + timedelta(days=30)).replace(hour=14, minute=0, second=0, microsecond=0)
        session = plan_session(
            course,
            activity=Activity(
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
                format="in_person",
                venue="Riverside Community Centre, 12 Mill Lane",
                venue_access="Step-free entrance and an accessible toilet.",
                capacity=16,
            ),
            by=coordinator,
        )
        Registration.objects.get_or_create(
            activity=session.activity, person=people["tom"], defaults={"status": "registered"}
        )
    # The learning programme is co-produced too: Grace co-leads it with Amina.
    programme = learning_programme(by=coordinator)
    Membership.objects.get_or_create(project=programme, person=people["grace"], role=ProjectRole.CO_LEAD)
    Membership.objects.get_or_create(project=programme, person=people["amina"], role=ProjectRole.STAFF_LEAD)

    if not Induction.objects.filter(person=people["dev"]).exists():
        record_induction(
            people["dev"],
            inducted_on=timezone.localdate() - timedelta(days=20),
            notes="Dev likes Easy Read papers a week before. He wants to learn to chair meetings.",
            by=coordinator,
        )
