"""The payments pages in the page inventory (merged by coproduce/tests/inventory.py).

ACCESS: url name -> personas who may use it (or ANYONE). object_kwargs: the URL kwargs for one of this
app's url names (None for names of other apps). STATE_VISITS: pages in particular states. DOWNLOADS:
files, not pages. NOT_PAGES: POST-only endpoints, each naming the page whose form sends to it.
PERMISSIONS_TESTED_ELSEWHERE: url names whose permissions have their own tests (POST-only, 404 unless
something exists), left out of the generic matrix test.

The payments world: a workshop a week ago on the "Step-free bus stops" project that Dev and Grace
attended, under an example rate card, with an offer for each. Grace's claim (travel, payment declined)
is made only for the pages that need it.
"""

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone
from playwright.sync_api import Page

from coproduce.involvement.models import Activity, Attendance
from coproduce.payments.choices import ClaimStatus, OfferStatus, RateBasis
from coproduce.payments.models import Claim, PaymentOffer, RateCard
from coproduce.payments.money import tax_year_of
from coproduce.payments.services.bank_details import record_bank_details_received
from coproduce.payments.services.claims import add_expense, approve_claim, submit_claim
from coproduce.payments.services.offers import decide_offer, make_offers
from coproduce.payments.services.rates import RateLine, create_rate_card
from coproduce.people.models import PaymentPreference
from coproduce.tests.inventory_types import ANYONE, PERSONAS, Visit, World, submit_empty_form  # noqa: F401

WALKABOUT = "Bus stop walkabout: what needs to change"
COORDINATOR_ONLY = ("amina", "morgan")
DEV_AND_COORDINATORS = ("amina", "morgan", "dev")


def example_rate_card(world: World, *, name: str, days_ago: int) -> None:
    """The example rates (£25.00 an hour for a workshop), set by Morgan, the admin."""
    create_rate_card(
        name=name,
        effective_from=timezone.localdate() - timedelta(days=days_ago),
        expenses_covered="Travel, carer or personal assistant cover, childcare, data or Wi-Fi.",
        rates=[RateLine("workshop", RateBasis.HOURLY, Decimal("25.00"))],
        is_example=True,
        by=world.users["morgan"],
    )


def walkabout(world: World) -> Activity:
    """The past workshop with Dev and Grace attending and offers made (made once per database)."""
    found = Activity.objects.filter(title=WALKABOUT).first()
    if found is not None:
        return found
    if not RateCard.objects.exists():
        example_rate_card(world, name="Example rates", days_ago=365)
    activity = attended_workshop(world, WALKABOUT, days_ago=7)
    make_offers(activity, by=world.users["amina"])
    return activity


def attended_workshop(world: World, title: str, *, days_ago: int) -> Activity:
    """A two-hour workshop ``days_ago`` days ago that Dev and Grace attended (no offers)."""
    starts = (timezone.localtime() - timedelta(days=days_ago)).replace(hour=10, minute=0, second=0, microsecond=0)
    activity = Activity.objects.create(
        project=world.project,
        stage="development",
        kind="workshop",
        title=title,
        description="We walk to the bus stops together.",
        format="in_person",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        venue="Riverside Community Centre",
        planned_rung="co_design",
        created_by=world.users["amina"],
    )
    for key in ("dev", "grace"):
        Attendance.objects.create(
            activity=activity, person=world.users[key].person, minutes=120, recorded_by=world.users["amina"]
        )
    return activity


def offer_of(world: World, key: str) -> PaymentOffer:
    return PaymentOffer.objects.get(attendance__activity=walkabout(world), attendance__person=world.users[key].person)


def graces_claim(world: World, *, approved: bool = False) -> Claim:
    """Grace declined payment and claimed £6.40 travel; approved if asked."""
    offer = offer_of(world, "grace")
    grace = world.users["grace"]
    if offer.status == OfferStatus.OFFERED:
        decide_offer(offer, method="decline", by=grace)
    claim = Claim.objects.filter(attendance=offer.attendance).first()
    if claim is None or claim.status == ClaimStatus.DRAFT:
        add_expense(offer.attendance, kind="travel", amount=Decimal("6.40"), by=grace)
        claim = submit_claim(offer.attendance, by=grace)
    if approved and claim.status == ClaimStatus.SUBMITTED:
        claim = approve_claim(claim, by=world.users["amina"])
    return claim


ACCESS: dict[str, tuple[str, ...] | str] = {
    "payments:yours": PERSONAS,
    "payments:offer": DEV_AND_COORDINATORS,
    "payments:jobcentre_letter": DEV_AND_COORDINATORS,
    "payments:claim": DEV_AND_COORDINATORS,
    "payments:expense_add": DEV_AND_COORDINATORS,
    "payments:statement_pdf": DEV_AND_COORDINATORS,
    "payments:statement_csv": DEV_AND_COORDINATORS,
    "payments:activity": COORDINATOR_ONLY,
    "payments:claims": COORDINATOR_ONLY,
    "payments:claim_review": COORDINATOR_ONLY,
    "payments:bank_details": COORDINATOR_ONLY,
    "payments:claim_paid": COORDINATOR_ONLY,
    "payments:export": COORDINATOR_ONLY,
    "payments:rate_cards": COORDINATOR_ONLY,
    "payments:rate_card_create": ("morgan",),
}

DOWNLOADS: dict[str, str] = {
    "payments:jobcentre_letter": "the PDF letter linked from payments:offer",
    "payments:statement_pdf": "the annual statement PDF linked from payments:yours and payments:claim_review",
    "payments:statement_csv": "the annual statement CSV linked from payments:yours",
    "payments:receipt": "a receipt linked from payments:claim and payments:claim_review (404 without one)",
}
NOT_PAGES: dict[str, str] = {
    "payments:expense_remove": "the Remove button beside each expense on payments:claim",
    "payments:offer_one": "the Offer payment button beside each person without an offer on payments:activity",
}
PERMISSIONS_TESTED_ELSEWHERE: tuple[str, ...] = ("payments:expense_remove", "payments:receipt", "payments:offer_one")


def object_kwargs(url_name: str, world: World) -> dict[str, Any] | None:
    if url_name in ("payments:offer", "payments:jobcentre_letter"):
        return {"pk": offer_of(world, "dev").pk}
    if url_name in ("payments:claim", "payments:expense_add"):
        return {"pk": offer_of(world, "dev").attendance_id}
    if url_name in ("payments:statement_pdf", "payments:statement_csv"):
        return {"pk": world.users["dev"].person.pk, "year": tax_year_of(timezone.localdate())}
    if url_name == "payments:activity":
        return {"pk": walkabout(world).pk}
    if url_name == "payments:bank_details":
        return {"pk": world.users["dev"].person.pk}
    if url_name == "payments:claim_review":
        return {"pk": graces_claim(world).pk}
    if url_name == "payments:claim_paid":
        return {"pk": graces_claim(world, approved=True).pk}
    return None


def with_graces_claim(world: World) -> dict[str, Any]:
    """No URL kwargs; makes Grace's claim first, so list pages show one."""
    graces_claim(world)
    return {}


def clear_date_and_submit(field: str) -> Callable[[Page], None]:
    """The day (paid, bank details received) is filled in as today: clear it, then send the form."""

    def action(page: Page) -> None:
        page.fill(f"#id_{field}", "")
        submit_empty_form(page)

    return action


def awaiting_offers(world: World) -> dict[str, Any]:
    """A second past workshop that Dev and Grace attended, with no offers yet; Grace said on her profile
    that she does not want to be paid."""
    walkabout(world)
    grace = world.users["grace"].person
    grace.payment_preference = PaymentPreference.DECLINE
    grace.save(update_fields=["payment_preference"])
    activity = attended_workshop(world, "Bus stop walkabout: the second street", days_ago=6)
    return {"pk": activity.pk}


def dev_chose_bank_transfer(world: World) -> dict[str, Any]:
    """Dev accepts his offer by bank transfer; no URL kwargs."""
    decide_offer(offer_of(world, "dev"), method="bank_transfer", by=world.users["dev"])
    return {}


def devs_bank_details_received(world: World) -> dict[str, Any]:
    dev_chose_bank_transfer(world)
    record_bank_details_received(world.users["dev"].person, received_on=timezone.localdate(), by=world.users["amina"])
    return {"pk": world.users["dev"].person.pk}


def _kwargs(url_name: str) -> Any:
    return lambda world: object_kwargs(url_name, world)


STATE_VISITS: tuple[Visit, ...] = (
    Visit("payments:yours", "tom", state="empty"),
    Visit("payments:yours", "grace", state="claimed", kwargs=with_graces_claim),
    Visit("payments:claims", "amina", state="with-claim", kwargs=with_graces_claim),
    Visit("payments:activity", "amina", state="awaiting-offers", kwargs=awaiting_offers),
    Visit("payments:claims", "amina", state="bank-details-needed", kwargs=dev_chose_bank_transfer),
    Visit("payments:yours", "dev", state="bank-details-needed", kwargs=dev_chose_bank_transfer),
    Visit("payments:bank_details", "amina", state="received", kwargs=devs_bank_details_received),
    Visit(
        "payments:bank_details",
        "amina",
        kwargs=_kwargs("payments:bank_details"),
        state="errors",
        action=clear_date_and_submit("received_on"),
    ),
    Visit("payments:claim", "grace", state="sent", kwargs=lambda world: {"pk": graces_claim(world).attendance_id}),
    *(
        Visit(name, persona, kwargs=_kwargs(name), state="errors", action=submit_empty_form)
        for name, persona in (
            ("payments:offer", "dev"),
            ("payments:offer", "amina"),
            ("payments:claim", "dev"),
            ("payments:expense_add", "dev"),
            ("payments:claim_review", "amina"),
        )
    ),
    Visit(
        "payments:claim_paid",
        "amina",
        kwargs=_kwargs("payments:claim_paid"),
        state="errors",
        action=clear_date_and_submit("paid_on"),
    ),
    Visit("payments:export", "amina", state="errors", action=submit_empty_form),
    Visit("payments:rate_card_create", "morgan", state="errors", action=submit_empty_form),
)
