"""Journey 3 of product.md (the payments part), by keyboard alone, with axe-core on every page reached.

After the bus stop walkabout, the coordinator makes payment offers. Dev (a member who uses Easy Read)
reads the benefits notice and accepts a shopping voucher, then sends his claim. Grace (a carer who
uses a screen reader) declines payment but claims her bus fare. The coordinator approves both claims
and marks them paid.
"""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from coproduce.involvement.models import Activity, Attendance
from coproduce.payments.choices import ClaimStatus, OfferStatus
from coproduce.payments.models import Claim, PaymentOffer
from coproduce.payments.tests.inventory import example_rate_card
from coproduce.tests.browser.conftest import axe_violations
from coproduce.tests.browser.keyboard import choose, heading, press, type_into
from coproduce.tests.inventory import World
from coproduce.tests.world import build_world

pytestmark = pytest.mark.django_db(transaction=True)

WALKABOUT = "Bus stop walkabout: what needs to change"


def after_the_walkabout() -> tuple[World, Activity]:
    world = build_world()
    example_rate_card(world, name="Example rates — replace with your organisation's own", days_ago=100)
    starts = (timezone.localtime() - timedelta(days=7)).replace(hour=10, minute=0, second=0, microsecond=0)
    walkabout = Activity.objects.create(
        project=world.project,
        stage="development",
        kind="workshop",
        title=WALKABOUT,
        description="We walk to the bus stops together and say what needs to change.",
        format="in_person",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        venue="Riverside Community Centre",
        planned_rung="co_design",
        created_by=world.users["amina"],
    )
    for key in ("dev", "grace"):
        Attendance.objects.create(
            activity=walkabout, person=world.users[key].person, minutes=120, recorded_by=world.users["amina"]
        )
    return world, walkabout


def check(page: Page, title: str) -> None:
    expect(heading(page)).to_have_text(title)
    assert axe_violations(page) == ""


# The benefits notice and the Jobcentre letter, in standard English and in Easy Read (for Dev).
STANDARD_NOTICE = ("Before you choose: payments and benefits", "Download the letter for the Jobcentre (PDF)")
EASY_READ_NOTICE = ("Before you choose", "Get the letter for the Jobcentre (PDF)")


def answer_offer(page: Page, choice: str, notice: tuple[str, str] = STANDARD_NOTICE) -> None:
    """From "Your payments", open the walkabout's offer, read the benefits notice and choose."""
    check(page, "Your payments")
    press(page, page.get_by_role("link", name=WALKABOUT, exact=True).first)
    check(page, f"Payment for {WALKABOUT}")
    expect(page.get_by_role("heading", name=notice[0], exact=True)).to_be_visible()
    expect(page.get_by_role("link", name=notice[1])).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("£50.00")
    choose(page, page.get_by_label(choice, exact=True))
    press(page, page.get_by_role("button", name="Save my choice"))
    check(page, f"Claim for {WALKABOUT}")


def approve_and_pay(page: Page, name: str) -> None:
    check(page, "Claims")
    press(page, page.get_by_role("link", name=re.compile(f"^{name}")))
    check(page, f"Claim from {name}")
    choose(page, page.get_by_label("Yes, approve it"))
    press(page, page.get_by_role("button", name="Save decision"))
    expect(page.get_by_text(f"The claim from {name} is approved.")).to_be_visible()
    check(page, f"Claim from {name}")
    press(page, page.get_by_role("button", name="Mark as paid"))
    check(page, f"Mark the claim from {name} as paid")
    # The day it was paid is filled in as today.
    press(page, page.get_by_role("button", name="Mark as paid"))
    expect(page.get_by_text(f"The claim from {name} is marked as paid.")).to_be_visible()
    check(page, "Claims")


def test_offers_choices_claims_approval_and_payment(page: Page, sign_in_as):
    world, walkabout = after_the_walkabout()

    # Amina makes the payment offers after the workshop.
    sign_in_as(world.users["amina"])
    page.goto(reverse("payments:activity", kwargs={"pk": walkabout.pk}))
    check(page, "Payments for this activity")
    press(page, page.get_by_role("button", name="Offer payment to 2 people who attended"))
    expect(page.get_by_text("2 payment offers are made.")).to_be_visible()
    check(page, "Payments for this activity")

    # Dev reads the benefits notice (in Easy Read, as he asked) and takes a shopping voucher, then
    # sends his claim.
    sign_in_as(world.users["dev"])
    page.goto(reverse("payments:yours"))
    answer_offer(page, "A shopping voucher", EASY_READ_NOTICE)
    expect(page.get_by_text("We saved your choice: a shopping voucher.")).to_be_visible()
    press(page, page.get_by_role("button", name="Send my claim"))
    expect(page.get_by_text("We have got your claim. We will check it.").first).to_be_visible()
    check(page, "Your payments")

    # Grace declines payment but claims her bus fare: first sent empty.
    sign_in_as(world.users["grace"])
    page.goto(reverse("payments:yours"))
    answer_offer(page, "I do not want to be paid")
    expect(page.get_by_text("You can still claim expenses.").first).to_be_visible()
    press(page, page.get_by_role("button", name="Add an expense"))
    check(page, "Add an expense")
    press(page, page.get_by_role("button", name="Add expense"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose what the expense was for")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter how much it was")
    check(page, "Add an expense")
    choose(page, page.get_by_label("Travel", exact=True))
    type_into(page, page.get_by_label("Details (optional)"), "Bus to the community centre and back")
    type_into(page, page.get_by_label("How much was it, in pounds?"), "6.40")
    press(page, page.get_by_role("button", name="Add expense"))
    check(page, f"Claim for {WALKABOUT}")
    expect(page.get_by_role("main")).to_contain_text("Total: £6.40")
    press(page, page.get_by_role("button", name="Send claim"))
    expect(page.get_by_text("Your claim is sent.")).to_be_visible()
    check(page, "Your payments")

    # Amina approves both claims and marks them paid.
    sign_in_as(world.users["amina"])
    page.goto(reverse("payments:claims"))
    approve_and_pay(page, "Devendra Patel")
    approve_and_pay(page, "Grace Okafor")

    offers = {offer.attendance.person.preferred_name: offer for offer in PaymentOffer.objects.all()}
    assert (offers["Dev"].status, offers["Dev"].method) == (OfferStatus.ACCEPTED, "voucher")
    assert offers["Grace"].status == OfferStatus.DECLINED
    claims = {claim.attendance.person.preferred_name: claim for claim in Claim.objects.all()}
    assert (claims["Dev"].status, claims["Dev"].fee, claims["Dev"].method) == (
        ClaimStatus.PAID,
        Decimal("50.00"),
        "voucher",
    )
    assert (claims["Grace"].status, claims["Grace"].fee) == (ClaimStatus.PAID, Decimal("0.00"))
    assert [item.amount for item in claims["Grace"].items.all()] == [Decimal("6.40")]
    assert {claim.paid_on for claim in claims.values()} == {timezone.localdate()}
