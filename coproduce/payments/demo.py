"""The payments part of the demo data (called by `seed_demo`; running it again changes nothing).

An example rate card (clearly labelled as an example), the bus stop walkabout a week ago with Dev and
Grace attending, offers for both, Dev's choice of bank transfer (so finance sees "bank details needed"
and Dev is told what happens next), Grace's claim for travel after she declined payment, and a second
walkabout three days ago that Dev and Grace attended, still waiting for its payment offers.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.contributions.demo import PROJECT_TITLE
from coproduce.contributions.demo import walkabout as past_workshop
from coproduce.involvement.models import Activity, Attendance
from coproduce.payments.choices import ClaimStatus, OfferStatus, RateBasis
from coproduce.payments.models import Claim, PaymentOffer, RateCard
from coproduce.payments.services.claims import add_expense, submit_claim
from coproduce.payments.services.offers import decide_offer, make_offers
from coproduce.payments.services.rates import RateLine, create_rate_card
from coproduce.people.models import Person
from coproduce.projects.models import Project

EXAMPLE_CARD_NAME = "Example rates — replace with your organisation's own"
EXAMPLE_CARD_FROM = date(2025, 12, 16)

EXAMPLE_RATES = [
    RateLine("meeting", RateBasis.HOURLY, Decimal("25.00")),
    RateLine("workshop", RateBasis.HOURLY, Decimal("25.00")),
    RateLine("focus_group", RateBasis.HOURLY, Decimal("25.00")),
    RateLine("interview", RateBasis.HOURLY, Decimal("25.00")),
    RateLine("panel", RateBasis.FIXED, Decimal("75.00"), Decimal("25.00")),
    RateLine("survey", RateBasis.FIXED, Decimal("15.00")),
    RateLine("document_review", RateBasis.FIXED, Decimal("50.00")),
    RateLine("steering_group", RateBasis.HOURLY, Decimal("25.00"), Decimal("25.00")),
    RateLine("training", RateBasis.HOURLY, Decimal("20.00")),
]
SECOND_WALKABOUT_TITLE = "Bus stop walkabout: the station end"
EXPENSES_COVERED = (
    "Travel (public transport, taxis if you need them, or 45p a mile by car), carer or personal "
    "assistant cover, childcare, and £5 towards data or Wi-Fi for online activities."
)


def seed(people: dict[str, Person], coordinator: User) -> None:
    """``people`` maps each persona's key (amina, dev, grace, tom, priya, sam, morgan) to their record."""
    admin = people["morgan"].user
    if admin is None:
        return
    if not RateCard.objects.filter(effective_from=EXAMPLE_CARD_FROM).exists():
        create_rate_card(
            name=EXAMPLE_CARD_NAME,
            effective_from=EXAMPLE_CARD_FROM,
            expenses_covered=EXPENSES_COVERED,
            notes="These numbers are an example only. Agree your own rates with the people you work with.",
            rates=EXAMPLE_RATES,
            is_example=True,
            by=admin,
        )
    project = Project.objects.filter(title=PROJECT_TITLE).first()
    if project is None:
        return
    # The same past workshop the contributions demo uses (made here if that demo has not run).
    walkabout = past_workshop(project, coordinator)
    for key in ("dev", "grace"):
        Attendance.objects.get_or_create(
            activity=walkabout, person=people[key], defaults={"minutes": 120, "recorded_by": coordinator}
        )
    if walkabout.has_started():
        make_offers(walkabout, by=coordinator)
    dev_offer = PaymentOffer.objects.filter(attendance__activity=walkabout, attendance__person=people["dev"]).first()
    dev_user = people["dev"].user
    if dev_offer is not None and dev_user is not None and dev_offer.status == OfferStatus.OFFERED:
        decide_offer(dev_offer, method="bank_transfer", by=dev_user)
    awaiting_offers(project, coordinator, people)
    grace = people["grace"]
    grace_user = grace.user
    offer = PaymentOffer.objects.filter(attendance__activity=walkabout, attendance__person=grace).first()
    if grace_user is None or offer is None:
        return
    if offer.status == OfferStatus.OFFERED:
        decide_offer(offer, method="decline", by=grace_user)
    if not Claim.objects.filter(attendance=offer.attendance).exclude(status=ClaimStatus.DRAFT).exists():
        if not Claim.objects.filter(attendance=offer.attendance, items__isnull=False).exists():
            add_expense(
                offer.attendance,
                kind="travel",
                amount=Decimal("6.40"),
                description="Bus fare to the community centre and back",
                by=grace_user,
            )
        submit_claim(offer.attendance, by=grace_user)


def awaiting_offers(project: Project, coordinator: User, people: dict[str, Person]) -> Activity:
    """A second walkabout three days ago that Dev and Grace attended: no payment offers yet."""
    starts = (timezone.localtime() - timedelta(days=3)).replace(hour=14, minute=0, second=0, microsecond=0)
    activity, _ = Activity.objects.get_or_create(
        title=SECOND_WALKABOUT_TITLE,
        defaults={
            "project": project,
            "stage": "development",
            "kind": "workshop",
            "description": "We walk to the bus stops by the station together and say what needs to change.",
            "format": "in_person",
            "starts_at": starts,
            "ends_at": starts + timedelta(hours=1, minutes=30),
            "venue": "Riverside Station forecourt",
            "planned_rung": "co_design",
            "created_by": coordinator,
        },
    )
    for key in ("dev", "grace"):
        Attendance.objects.get_or_create(
            activity=activity, person=people[key], defaults={"minutes": 90, "recorded_by": coordinator}
        )
    return activity
