"""Dev's journey, from his first visit to a result, by keyboard alone on a 320 px wide screen, with axe-core
on every page (issue 17).

Dev is a member with a learning disability who reads Easy Read. He signs in by an emailed link that
comes in Easy Read, sees on his home page that his idea is late for an answer, finds a workshop on
Get involved, tells us his access needs once and is taken back to the workshop, registers, and reads
what co-production is, in Easy Read with pictures.

Then, after a workshop he went to, he is offered payment: he goes from his home page to the offer,
chooses a shopping voucher, claims his bus fare with a photo of the ticket, sends the claim and follows
it until it is approved, every page and every email in Easy Read.
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import FilePayload, Page, expect

from coproduce.contributions.models import Contribution
from coproduce.involvement.models import Activity, Registration
from coproduce.payments.choices import ClaimStatus
from coproduce.payments.models import Claim
from coproduce.payments.services.claims import approve_claim
from coproduce.payments.tests.inventory import WALKABOUT as PAID_WORKSHOP
from coproduce.payments.tests.inventory import walkabout
from coproduce.people.models import AccessProfile
from coproduce.tests.browser.conftest import axe_violations
from coproduce.tests.browser.inventory.reflow import NARROW, reflow_faults
from coproduce.tests.browser.keyboard import (
    choose,
    heading,
    move_focus_to,
    press,
    sign_in_by_emailed_link,
    type_into,
)
from coproduce.tests.worker import run_worker
from coproduce.tests.world import build_world

pytestmark = pytest.mark.django_db(transaction=True)

WALKABOUT = "Accessible buses workshop"


def fits(page: Page) -> None:
    """Nothing scrolls sideways (WCAG 1.4.10) and axe-core finds nothing wrong."""
    assert reflow_faults(page) == ""
    assert axe_violations(page) == ""


def test_dev_finds_a_workshop_tells_his_needs_once_and_reads_easy_read(page: Page, live_server):
    world = build_world()
    dev = world.users["dev"]
    Contribution.objects.create(
        person=dev.person,
        project=world.project,
        kind="idea",
        summary="Put the bus number in big letters at the stop.",
        recorded_by=dev,
        recorded_at=timezone.now() - timedelta(days=35),
    )
    starts = (timezone.localtime() + timedelta(days=10)).replace(hour=11, minute=0, second=0, microsecond=0)
    Activity.objects.create(
        project=world.project,
        stage="design",
        kind="workshop",
        title=WALKABOUT,
        description="We look at three bus stops together and say what works.",
        format="in_person",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        venue="Riverside Community Centre",
        capacity=10,
        planned_rung="co_design",
        is_open=True,
        created_by=world.users["amina"],
    )
    page.set_viewport_size({"width": NARROW, "height": 800})
    page.goto("/")

    # The sign-in link comes in Easy Read, as Dev asked.
    sign_in_by_emailed_link(page, "dev@example.org", "Hello, Dev")
    assert "The link works 1 time." in str(mail.outbox[-1].body)
    fits(page)

    # His home says plainly that his idea is late for an answer, and shows him no staff list.
    contributions = page.get_by_role("main")
    expect(contributions).to_contain_text("Put the bus number in big letters")
    expect(contributions).to_contain_text("Late")
    expect(contributions).not_to_contain_text("Contributions waiting for an answer")

    # Get involved, from the navigation (behind its Menu button on a narrow screen), to the workshop.
    navigation = page.get_by_role("navigation", name="Main menu")
    press(page, navigation.get_by_role("button", name="Menu"))
    press(page, navigation.get_by_role("link", name="Get involved"))
    expect(heading(page)).to_contain_text("Get involved")
    fits(page)
    press(page, page.get_by_role("link", name=WALKABOUT))
    expect(heading(page)).to_have_text(WALKABOUT)
    fits(page)

    # Access needs once, and back to the workshop.
    press(page, page.get_by_role("link", name="tell us your access needs"))
    expect(heading(page)).to_have_text("Your access needs")
    fits(page)
    papers = page.get_by_role("checkbox", name="Send me papers by email before the meeting")
    move_focus_to(page, papers)
    page.keyboard.press("Space")
    expect(papers).to_be_checked()
    agree = page.get_by_label("I agree to you keeping a note of my access needs")
    if agree.count():
        move_focus_to(page, agree)
        page.keyboard.press("Space")
    press(page, page.get_by_role("button", name="Save access needs"))
    expect(heading(page)).to_have_text(WALKABOUT)
    expect(page.get_by_text("Your access needs have been saved")).to_be_visible()
    fits(page)
    needs = AccessProfile.objects.get(person=dev.person).needs.values_list("need", flat=True)
    assert "papers_by_email" in needs

    # He registers.
    press(page, page.get_by_role("button", name=f"Register for {WALKABOUT}"))
    if heading(page).inner_text().startswith("Register for"):
        fits(page)
        press(page, page.get_by_role("button", name="Yes, register me"))
    expect(page.get_by_text(f"You are registered for {WALKABOUT}")).to_be_visible()
    fits(page)
    assert Registration.objects.filter(person=dev.person, activity__title=WALKABOUT, status="registered").exists()

    # What co-production is: in Easy Read, first, because he reads Easy Read, with a picture for each idea.
    press(page, page.get_by_role("link", name="What co-production means here"))
    expect(page.get_by_text("You asked for Easy Read. So this page is in Easy Read.")).to_be_visible()
    assert page.get_by_role("main").locator("img").count() >= 11
    fits(page)


# A photo of a bus ticket, as far as the receipt check is concerned: the start of a PNG file.
TICKET: FilePayload = {"name": "bus ticket.png", "mimeType": "image/png", "buffer": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64}


def last_email_to_dev():
    return [message for message in mail.outbox if message.to == ["dev@example.org"]][-1]


def test_dev_chooses_how_to_be_paid_and_claims_his_bus_fare_in_easy_read(page: Page, sign_in_as, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    # Dev went to a two-hour workshop a week ago; Amina offered payment at £25.00 an hour.
    world = build_world()
    users, workshop = world.users, walkabout(world)
    run_worker()
    # The offer comes by email, in Easy Read.
    offer_email = last_email_to_dev()
    assert offer_email.subject == f"We want to pay you for {PAID_WORKSHOP}"
    assert "We will pay you £50.00 for coming to the workshop.\n" in str(offer_email.body)
    page.set_viewport_size({"width": NARROW, "height": 800})
    sign_in_as(users["dev"])
    page.goto("/")
    expect(heading(page)).to_have_text("Hello, Dev")
    fits(page)

    # From his home page to his payments, then to the offer.
    press(page, page.get_by_role("link", name="Your payments"))
    expect(heading(page)).to_have_text("Your payments")
    main = page.get_by_role("main")
    expect(main).to_contain_text("You asked for Easy Read. So this page is in Easy Read.")
    expect(main).to_contain_text("We will pay you £50.00 for coming to the workshop.")
    fits(page)
    press(page, page.get_by_role("link", name=f"Choose how you want to be paid for {PAID_WORKSHOP}"))
    expect(heading(page)).to_have_text(f"Payment for {PAID_WORKSHOP}")
    expect(main).to_contain_text("Do you get benefits? Being paid can change your benefits.")
    expect(main).to_contain_text("If you say no, we still pay you back for travel and other costs.")
    assert main.locator("img.easy-read-picture").count() >= 10
    fits(page)

    # He chooses a shopping voucher, and is taken to his claim.
    choose(page, page.get_by_label("A shopping voucher", exact=True))
    press(page, page.get_by_role("button", name="Save my choice"))
    expect(heading(page)).to_have_text(f"Claim for {PAID_WORKSHOP}")
    expect(page.get_by_text("We saved your choice: a shopping voucher.")).to_be_visible()
    expect(main).to_contain_text("£50.00 for your time.")
    fits(page)

    # His bus fare, with a photo of the ticket (chosen from the file dialog opened by the keyboard).
    press(page, page.get_by_role("button", name="Add travel or other costs"))
    expect(heading(page)).to_have_text("Add travel or other costs")
    fits(page)
    choose(page, page.get_by_label("Travel, like a bus or a taxi", exact=True))
    type_into(page, page.get_by_label("Tell us more. You do not have to."), "Bus to the centre and back")
    type_into(page, page.get_by_label("How much did you pay?"), "6.40")
    move_focus_to(page, page.get_by_label("Your ticket or receipt. You do not have to send it."))
    with page.expect_file_chooser() as dialog:
        page.keyboard.press("Space")
    dialog.value.set_files(TICKET)
    press(page, page.get_by_role("button", name="Add this cost"))
    expect(heading(page)).to_have_text(f"Claim for {PAID_WORKSHOP}")
    expect(main).to_contain_text(
        "£6.40 for travel, like a bus or a taxi (Bus to the centre and back). You sent a receipt."
    )
    expect(main).to_contain_text("In total: £56.40.")
    fits(page)

    # He sends the claim and sees where it is up to.
    press(page, page.get_by_role("button", name="Send my claim"))
    expect(heading(page)).to_have_text("Your payments")
    expect(page.get_by_text("We have got your claim. We will check it.").first).to_be_visible()
    expect(main).to_contain_text("We are checking it")
    expect(main).to_contain_text("In total: £56.40.")
    fits(page)
    run_worker()
    sent_email = last_email_to_dev()
    assert sent_email.subject == f"We have got your claim for {PAID_WORKSHOP}"
    assert "You asked for £56.40.\nWe will check it.\n" in str(sent_email.body)

    # Amina approves it; Dev follows it from his payments to the claim, and by email.
    claim = Claim.objects.get(attendance__activity=workshop, attendance__person=users["dev"].person)
    approve_claim(claim, by=users["amina"])
    run_worker()
    approved_email = last_email_to_dev()
    assert approved_email.subject == f"We said yes to your claim for {PAID_WORKSHOP}"
    assert "We will pay you £56.40.\nYou chose: a shopping voucher.\n" in str(approved_email.body)
    press(page, page.get_by_role("link", name=PAID_WORKSHOP).last)
    expect(heading(page)).to_have_text(f"Claim for {PAID_WORKSHOP}")
    expect(main).to_contain_text("We said yes to your claim. We will pay you soon.")
    fits(page)
    press(page, page.get_by_role("link", name="Back to your payments"))
    expect(heading(page)).to_have_text("Your payments")
    expect(main).to_contain_text("Yes, paying soon")
    fits(page)

    claim.refresh_from_db()
    assert (claim.status, claim.fee, claim.method) == (ClaimStatus.APPROVED, Decimal("50.00"), "voucher")
    item = claim.items.get()
    assert (item.kind, item.amount, item.receipt_content_type) == ("travel", Decimal("6.40"), "image/png")
