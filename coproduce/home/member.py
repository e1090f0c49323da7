"""A person's own part: their contributions and what happened to each, their activities, payments to
choose and surveys to answer, each counted (one query each), then links to the rest of their part."""

from dataclasses import dataclass
from datetime import datetime

from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.accounts.permissions import is_coordinator
from coproduce.communications.permissions import can_set_own_contact_preferences
from coproduce.contributions.conf import response_days
from coproduce.contributions.models import Contribution, Outcome
from coproduce.contributions.queries import answers_to_contributions_of, contributions_of, is_late
from coproduce.decisions.permissions import can_raise_concern
from coproduce.home.links import Link, how_many
from coproduce.involvement.choices import RegistrationStatus
from coproduce.involvement.models import Registration
from coproduce.learning.permissions import can_sign_charter
from coproduce.payments.choices import ClaimStatus, OfferStatus
from coproduce.payments.models import Claim, PaymentOffer
from coproduce.people.models import Person
from coproduce.surveys.queries import open_rounds_for

RECENT_CONTRIBUTIONS = 5


@dataclass(frozen=True)
class ContributionStatus:
    """One of the person's contributions with what happened to it, in words."""

    contribution: Contribution
    status: str
    is_late: bool


def _contributions_count(person: Person, now: datetime) -> str:
    answers = answers_to_contributions_of(person, now)
    if not answers.answered + answers.waiting:
        return "none yet"
    said = [f"{answers.answered} answered"] if answers.answered else []
    if answers.waiting:
        said.append(f"{answers.waiting} waiting for an answer")
    if answers.late:
        said.append(f"{answers.late} of them late")
    return ", ".join(said)


def _payments_count(offers: int, claims: int) -> str:
    said = [f"{offers} waiting for your choice"] if offers else []
    if claims:
        said.append(f"{claims} claim{pluralize(claims)} not paid yet")
    return ", ".join(said) or "none"


def counted_links(user: User, person: Person, *, now: datetime | None = None) -> list[Link]:
    """What the person may do next about their own things, each with how many there are."""
    now = now or timezone.now()
    upcoming = (
        Registration.objects.of_user(user)
        .filter(status__in=[RegistrationStatus.REGISTERED, RegistrationStatus.WAITING], activity__ends_at__gt=now)
        .count()
    )
    offers = PaymentOffer.objects.filter(attendance__person=person, status=OfferStatus.OFFERED).count()
    claims = Claim.objects.filter(
        attendance__person=person, status__in=[ClaimStatus.SUBMITTED, ClaimStatus.APPROVED]
    ).count()
    surveys = open_rounds_for(person, now).count()
    return [
        Link(
            "Your contributions",
            reverse("contributions:yours"),
            "What you said and what happened next",
            _contributions_count(person, now),
        ),
        Link(
            "Your activities", reverse("involvement:yours"), "Meetings and workshops", how_many(upcoming, "coming up")
        ),
        Link(
            "Your payments",
            reverse("payments:yours"),
            "Choose how to be paid, or say no. See where your claims are up to",
            _payments_count(offers, claims),
        ),
        Link(
            "Surveys to answer",
            reverse("surveys:yours"),
            "Tell us how an activity or group went for you",
            how_many(surveys, "to answer"),
        ),
    ]


def recent_contributions(person: Person, *, now: datetime | None = None) -> list[ContributionStatus]:
    """The person's newest contributions with their answer, or how long they have waited. One query."""
    now = now or timezone.now()
    statuses = []
    for contribution in contributions_of(person)[:RECENT_CONTRIBUTIONS]:
        outcome = contribution.current_outcome  # type: ignore[attr-defined]
        late = is_late(contribution, now)
        if outcome:
            status = f"Answered: {Outcome(outcome).label.lower()}"
        elif late:
            waited = (now - contribution.recorded_at).days
            status = f"Late: no answer after {waited} days (answers are due within {response_days()} days)"
        else:
            status = "Waiting for an answer"
        statuses.append(ContributionStatus(contribution, status, late))
    return statuses


def more_links(user: User, *, with_own_lists: bool = False) -> list[Link]:
    """The rest of a person's own part, without counts; ``with_own_lists`` adds the lists that members
    see counted (for staff and partners, whose home is about their work)."""
    links = []
    if with_own_lists:
        links += [
            Link("Your contributions", reverse("contributions:yours"), "What you said and what happened next"),
            Link("Your activities", reverse("involvement:yours"), "Meetings and workshops"),
            Link("Your payments", reverse("payments:yours"), "Payment offers, expenses and statements"),
            Link("Surveys for you", reverse("surveys:yours"), "Tell us how an activity or group went for you"),
        ]
    links += [
        Link("Your ideas that changed things", reverse("contributions:changed_things")),
        Link("Your training", reverse("learning:records"), "Courses you have done and your certificates"),
        Link("Pages you asked for in another format", reverse("communications:my_format_requests")),
    ]
    if not is_coordinator(user):  # coordinators have Reviews among the lists they work through
        links.append(Link("Reviews", reverse("reviews:list"), "Say how well co-production is working on your projects"))
    if can_set_own_contact_preferences(user):
        links.append(
            Link("How we contact you", reverse("communications:my_contact_preferences"), "Email, text or post")
        )
    if can_sign_charter(user):
        links.append(Link("The co-production charter", reverse("learning:charter"), "Read it and sign it"))
    if can_raise_concern(user):
        links.append(
            Link("Your concerns", reverse("decisions:your_concerns"), "Raise a concern, privately if you like")
        )
    return links
