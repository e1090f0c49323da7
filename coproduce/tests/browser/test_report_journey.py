"""Reports, by keyboard alone, with axe-core on every page reached (journey 6 of product.md, in part).

A project's co-lead opens the project report, downloads the PDF and the Easy Read PDF and reads the
Easy Read summary, then publishes the "You said, we did" page; a signed-out visitor reads it; the
coordinator sends this quarter's digests and each contributor gets theirs.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import Page, expect

from coproduce.contributions.models import Outcome
from coproduce.involvement.models import Attendance
from coproduce.involvement.tests.factories import ActivityFactory
from coproduce.people.models import CreditPreference
from coproduce.reports.models import Digest, YouSaidWeDidPage
from coproduce.reports.periods import current_quarter
from coproduce.reports.tests.conftest import _moment, answer, say
from coproduce.tests.browser.conftest import axe_violations
from coproduce.tests.browser.keyboard import choose, heading, move_focus_to, press, type_into
from coproduce.tests.pdfs import pdf_is_tagged, pdf_text
from coproduce.tests.worker import run_worker
from coproduce.tests.world import build_world

pytestmark = pytest.mark.django_db(transaction=True)


def download(page: Page, link_name: str) -> bytes:
    move_focus_to(page, page.get_by_role("link", name=link_name))
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    path = info.value.path()
    with open(path, "rb") as file:
        return file.read()


def test_lead_reports_and_publishes_and_coordinator_sends_digests(page: Page, sign_in_as, context):
    world = build_world()
    amina, dev, grace = (world.users[key] for key in ("amina", "dev", "grace"))
    starts = _moment()
    walkabout = ActivityFactory.create(
        project=world.project,
        title="Walkabout",
        starts_at=starts,
        ends_at=starts + timedelta(minutes=30),
        created_by=amina,
        is_open=False,
    )
    for user in (dev, grace):
        Attendance.objects.create(activity=walkabout, person=user.person, minutes=60, recorded_by=amina)
    grace.person.credit_preference = CreditPreference.ANONYMOUS
    grace.person.save()
    benches = say(grace.person, world.project, "Put a bench at every stop.", by=amina, activity=walkabout)
    taps = say(grace.person, world.project, "Gold taps at every stop.", by=amina, activity=walkabout)
    answer(benches, Outcome.ADOPTED, "Benches are ordered.", by=amina)
    answer(taps, Outcome.NOT_ADOPTED, "The budget cannot pay for taps.", by=amina)
    period = current_quarter()

    # The co-lead opens the project report.
    sign_in_as(dev)
    page.goto(reverse("reports:project", kwargs={"pk": world.project.pk}))
    expect(heading(page)).to_have_text(f"Progress report for {world.project.title}")
    assert axe_violations(page) == ""
    expect(page.get_by_text("The budget cannot pay for taps.")).to_be_visible()

    pdf = download(page, "Download this report as a PDF")
    assert pdf_is_tagged(pdf)
    assert "5. Reflections" in pdf_text(pdf)
    easy_pdf = download(page, "Download the Easy Read summary as a PDF")
    assert "We did not use some ideas. We said why." in pdf_text(easy_pdf)

    press(page, page.get_by_role("link", name="Read the Easy Read summary"))
    expect(heading(page)).to_have_text(f"Progress report for {world.project.title}")
    expect(page.get_by_text("We did not use some ideas. We said why.")).to_be_visible()
    assert axe_violations(page) == ""
    page.go_back()

    # ...and publishes the "You said, we did" page.
    press(page, page.get_by_role("link", name='Publish a "You said, we did" page'))
    expect(heading(page)).to_have_text('"You said, we did" page')
    assert axe_violations(page) == ""
    press(page, page.get_by_role("button", name="Publish page"))
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert axe_violations(page) == ""
    type_into(page, page.get_by_label("Introduction"), "We asked what would make the bus stops easier to use.")
    press(page, page.get_by_role("button", name="Publish page"))
    expect(page.get_by_text("The page is published.")).to_be_visible()
    assert axe_violations(page) == ""
    assert YouSaidWeDidPage.objects.get().is_published

    # A signed-out visitor reads it.
    context.clear_cookies()
    page.goto(reverse("reports:you_said_we_did", kwargs={"pk": world.project.pk}))
    expect(heading(page)).to_have_text("We asked, you said, we did")
    expect(page.get_by_text("Why we did not do it")).to_be_visible()
    expect(page.get_by_text("The budget cannot pay for taps.")).to_be_visible()
    assert "Grace" not in page.content()
    assert axe_violations(page) == ""

    # The coordinator sends this quarter's digests.
    sign_in_as(amina)
    page.goto(reverse("reports:digests"))
    expect(heading(page)).to_have_text("Send digests")
    assert axe_violations(page) == ""
    choose(page, page.get_by_role("radio", name=period.label))
    press(page, page.get_by_role("button", name="Send digests"))
    expect(page.get_by_text(f"Digests for {period.label} are being sent.")).to_be_visible()
    assert axe_violations(page) == ""
    run_worker()

    assert [email.to for email in mail.outbox if "ideas" in email.subject] == [["grace@example.org"]]
    assert Digest.objects.get().person == grace.person
