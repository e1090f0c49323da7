"""Journey 3 of product.md (the contributions part), by keyboard alone, with axe-core on every page reached.

After the workshop the coordinator records Dev's and Grace's contributions from her notes, answers each
(Grace's is not adopted, and a reason is required), thanks both and downloads both thank-you letters.
Dev, who uses Easy Read, opens the link in the email that tells him his idea was adopted and sees
"Your ideas that changed things".
"""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Locator, Page, expect

from coproduce.contributions.models import Contribution, Thanks
from coproduce.involvement.models import Activity, Attendance
from coproduce.people.models import CreditPreference
from coproduce.tests.browser.conftest import axe_violations
from coproduce.tests.browser.keyboard import choose, heading, press, type_into
from coproduce.tests.pdfs import pdf_text
from coproduce.tests.worker import run_worker
from coproduce.tests.world import build_world

pytestmark = pytest.mark.django_db(transaction=True)


def error_summary(page: Page) -> Locator:
    return page.locator(".govuk-error-summary")


def download_letter(page: Page, name: str) -> str:
    with page.expect_download() as download:
        press(page, page.get_by_role("link", name=f"Thank-you letter for {name}"))
    path = download.value.path()
    assert download.value.suggested_filename.endswith(".pdf")
    with open(path, "rb") as pdf:
        return pdf_text(pdf.read())


def test_coordinator_records_answers_and_thanks_and_member_sees_his_idea(page: Page, sign_in_as, context):
    world = build_world()
    amina, dev, grace = (world.users[key] for key in ("amina", "dev", "grace"))
    dev.person.credit_preference = CreditPreference.FULL_NAME
    dev.person.save()
    grace.person.credit_preference = CreditPreference.ANONYMOUS
    grace.person.save()
    starts = (timezone.localtime() - timedelta(days=7)).replace(hour=10, minute=0, second=0, microsecond=0)
    workshop = Activity.objects.create(
        project=world.project,
        stage="design",
        kind="workshop",
        title="Bus stop walkabout",
        description="We walk to the bus stops together.",
        format="in_person",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        planned_rung="co_design",
        created_by=amina,
    )
    for person in (dev.person, grace.person):
        Attendance.objects.create(activity=workshop, person=person, minutes=120, recorded_by=amina)

    # The machine may be busy: give pages longer than the usual 10 seconds.
    page.set_default_timeout(30_000)

    # After the workshop: the coordinator's page for it prompts to record contributions.
    sign_in_as(amina)
    page.goto(f"/get-involved/manage/{workshop.pk}/")
    expect(heading(page)).to_have_text("Bus stop walkabout")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("link", name="Record contributions"))
    expect(heading(page)).to_have_text("Contributions at Bus stop walkabout")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("button", name="Save contribution"))
    expect(error_summary(page)).to_contain_text("Choose who made the contribution")
    assert axe_violations(page) == ""

    # From the workshop notes: Dev's idea, then Grace's concern.
    for name, kind, summary in (
        ("Devendra Patel", "An idea", "Raise the kerb so the ramp is not steep."),
        ("Grace Okafor", "A concern", "The shelter blocks wheelchairs."),
    ):
        choose(page, page.get_by_role("radio", name=name))
        choose(page, page.get_by_role("radio", name=kind))
        type_into(page, page.get_by_label("What did they contribute?"), summary)
        press(page, page.get_by_role("button", name="Save contribution"))
        expect(page.get_by_text(f"{name}'s contribution is saved.")).to_be_visible()
        assert axe_violations(page) == ""
    assert Contribution.objects.filter(activity=workshop).count() == 2

    # Answer each: Dev's adopted, Grace's not adopted (first without the reason).
    press(page, page.get_by_role("link", name=re.compile("^Answer Devendra Patel")))
    expect(heading(page)).to_have_text("Answer Devendra Patel's contribution")
    assert axe_violations(page) == ""
    choose(page, page.get_by_role("radio", name="Adopted", exact=True))
    type_into(page, page.get_by_label("What did you do, or why not?"), "The council will raise 12 kerbs.")
    press(page, page.get_by_role("button", name="Save answer"))
    expect(heading(page)).to_have_text("Contributions at Bus stop walkabout")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("link", name=re.compile("^Answer Grace Okafor")))
    expect(heading(page)).to_have_text("Answer Grace Okafor's contribution")
    choose(page, page.get_by_role("radio", name="Not adopted"))
    press(page, page.get_by_role("button", name="Save answer"))
    expect(error_summary(page)).to_contain_text("Say why it was not adopted")
    assert page.title().startswith("Error: ")
    assert axe_violations(page) == ""
    type_into(page, page.get_by_label("What did you do, or why not?"), "The pavement is too narrow.")
    press(page, page.get_by_role("button", name="Save answer"))
    expect(heading(page)).to_have_text("Contributions at Bus stop walkabout")
    expect(page.get_by_role("main")).to_contain_text("Not adopted")
    assert axe_violations(page) == ""

    # Thank both, and download both thank-you letters.
    press(page, page.get_by_role("link", name="Thank the people who took part"))
    expect(heading(page)).to_have_text("Thank the people who took part in Bus stop walkabout")
    assert axe_violations(page) == ""
    dev_letter = download_letter(page, "Devendra Patel")
    grace_letter = download_letter(page, "Grace Okafor")
    assert "Dear Devendra Patel" in dev_letter
    assert "we will name you as: Devendra Patel" in dev_letter
    assert "Dear Grace Okafor" in grace_letter
    assert "We will not name you in anything we publish" in grace_letter
    # Everyone not thanked yet is ticked: one choice of how, one button.
    expect(page.get_by_role("checkbox", name="Devendra Patel")).to_be_checked()
    expect(page.get_by_role("checkbox", name="Grace Okafor")).to_be_checked()
    choose(page, page.get_by_role("radio", name="Thank-you letter"))
    press(page, page.get_by_role("button", name="Save thank-yous"))
    expect(page.get_by_text("Saved: Devendra Patel, Grace Okafor thanked by thank-you letter.")).to_be_visible()
    assert axe_violations(page) == ""
    assert Thanks.objects.filter(attendance__activity=workshop).count() == 2

    # Dev is told by email (the worker sends it) and opens the link in it.
    run_worker()
    to_dev = [message for message in mail.outbox if message.to == ["dev@example.org"]]
    assert to_dev
    link = re.search(r"https?://[^/\s]+(/contributions/yours/changed-things/)", str(to_dev[-1].body))
    assert link is not None
    context.clear_cookies()
    sign_in_as(dev)
    page.goto(link.group(1))
    expect(heading(page)).to_have_text("Your ideas that changed things")
    expect(page.get_by_role("main")).to_contain_text("Raise the kerb so the ramp is not steep.")
    expect(page.get_by_role("main")).to_contain_text("The council will raise 12 kerbs.")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("link", name="All your contributions"))
    expect(heading(page)).to_have_text("Your contributions")
    expect(page.get_by_role("main")).to_contain_text("Adopted")
    assert axe_violations(page) == ""
