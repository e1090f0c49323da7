"""Journey 5 of product.md, by keyboard alone, with axe-core on every page reached.

The partner representative signs the charter for her organisation with a commitment; the ally signs;
the coordinator names the ally a champion of a project; the ally attends "What co-production is", the
coordinator records his completion and he gets a certificate; the coordinator's coverage view shows
charter and training coverage by group.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Locator, Page, expect

from coproduce.involvement.choices import AttendanceRole
from coproduce.involvement.models import Activity
from coproduce.involvement.services.attendance import record_attendance
from coproduce.learning.models import Course, OrganisationCommitment, Signature, TrainingRecord
from coproduce.learning.services.charter import ensure_learning_defaults
from coproduce.learning.services.training import plan_session
from coproduce.projects.models import Membership, ProjectRole
from coproduce.tests.browser.conftest import axe_violations
from coproduce.tests.browser.keyboard import choose, heading, move_focus_to, press, tick, type_into
from coproduce.tests.world import build_world, started

pytestmark = pytest.mark.django_db(transaction=True)


def select(page: Page, field: Locator, option: str) -> None:
    """Tab to a drop-down list and type the start of an option to choose it, as keyboard users do."""
    move_focus_to(page, field)
    page.keyboard.type(option)
    expect(field.locator("option:checked")).to_have_text(option)


def test_partners_sign_the_charter_training_is_recorded_and_coverage_is_shown(page: Page, sign_in_as, live_server):
    world = build_world()
    ensure_learning_defaults()
    amina, tom, priya = world.users["amina"], world.users["tom"], world.users["priya"]

    # Priya signs for Riverside Council, with its own commitment: first sent without agreeing.
    sign_in_as(priya)
    page.goto("/learning/charter/")
    expect(heading(page)).to_have_text("The co-production charter")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("link", name="Sign the charter for your organisation"))
    expect(heading(page)).to_have_text("Sign the charter for your organisation")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("button", name="Sign for the organisation"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Tick the box to say you agree to the charter")
    assert axe_violations(page) == ""
    expect(page.get_by_label("Organisation you are signing for").locator("option:checked")).to_have_text(
        "Riverside Council"
    )
    tick(page, page.get_by_label("The organisation agrees to the co-production charter"))
    type_into(
        page,
        page.get_by_label("Your organisation’s own commitment (optional)"),
        "We will respond to co-produced recommendations within 8 weeks",
    )
    type_into(page, page.get_by_label("How many days will you take to respond to recommendations? (optional)"), "56")
    press(page, page.get_by_role("button", name="Sign for the organisation"))
    expect(page.get_by_text("Thank you. You signed the co-production charter for Riverside Council.")).to_be_visible()
    assert axe_violations(page) == ""

    # Tom signs for himself.
    sign_in_as(tom)
    page.goto("/learning/charter/")
    expect(heading(page)).to_have_text("The co-production charter")
    tick(page, page.get_by_label("I agree to the co-production charter and will champion co-production"))
    press(page, page.get_by_role("button", name="Sign the charter"))
    expect(page.get_by_text("Thank you. You signed the co-production charter.")).to_be_visible()
    assert axe_violations(page) == ""

    # Amina names Tom a champion of the bus stops project.
    sign_in_as(amina)
    page.goto(f"/projects/{world.project.pk}/group/add/")
    expect(heading(page)).to_have_text("Add someone to the project group")
    assert axe_violations(page) == ""
    select(page, page.get_by_label("Person"), "Tom Hughes")
    choose(page, page.get_by_label("Co-production champion"))
    press(page, page.get_by_role("button", name="Add to the project group"))
    expect(heading(page)).to_have_text("Step-free bus stops")
    assert axe_violations(page) == ""

    # Tom attends "What co-production is"; Amina records his completion.
    course = Course.objects.get(title="What co-production is")
    starts = timezone.now() + timedelta(days=7)
    session = plan_session(
        course, activity=Activity(starts_at=starts, ends_at=starts + timedelta(hours=2), format="online"), by=amina
    )
    started(session.activity)  # the day comes: attendance is recorded once the session has started
    record_attendance(
        session.activity, people=[tom.person], role=AttendanceRole.PARTICIPANT, minutes=120, from_paper=False, by=amina
    )
    page.goto(f"/learning/courses/{course.pk}/")
    expect(heading(page)).to_have_text("What co-production is")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("link", name="Record completion").first)
    expect(heading(page)).to_have_text("Who completed What co-production is")
    assert axe_violations(page) == ""
    tick(page, page.get_by_label("Tom Hughes"))
    today = timezone.localdate()
    group = page.get_by_role("group", name="When did they complete it?")
    type_into(page, group.get_by_label("Day"), str(today.day))
    type_into(page, group.get_by_label("Month"), str(today.month))
    type_into(page, group.get_by_label("Year"), str(today.year))
    press(page, page.get_by_role("button", name="Record completion"))
    expect(page.get_by_text("Completion recorded for 1 person.")).to_be_visible()
    assert axe_violations(page) == ""

    # Tom finds his certificate.
    sign_in_as(tom)
    page.goto("/learning/records/")
    expect(heading(page)).to_have_text("Your training")
    assert axe_violations(page) == ""
    link = page.get_by_role("link", name="Download certificate for What co-production is (PDF)")
    move_focus_to(page, link)
    certificate = page.request.get(str(link.get_attribute("href")))
    assert certificate.headers["content-type"] == "application/pdf"
    assert certificate.body().startswith(b"%PDF")

    # Amina's coverage view: charter and training by group.
    sign_in_as(amina)
    page.goto("/learning/coverage/")
    expect(heading(page)).to_have_text("Charter and training coverage")
    allies = page.get_by_role("row", name="Allies")
    expect(allies.get_by_role("cell")).to_have_text(["1", "1", "1"])
    expect(page.get_by_text("Partner organisations that signed: 1.")).to_be_visible()
    assert axe_violations(page) == ""

    signature = Signature.objects.get(on_behalf_of__name="Riverside Council")
    assert signature.person == priya.person
    assert OrganisationCommitment.objects.get().response_days == 56
    assert Signature.objects.filter(person=tom.person, on_behalf_of=None).exists()
    assert Membership.objects.filter(project=world.project, person=tom.person, role=ProjectRole.CHAMPION).exists()
    assert TrainingRecord.objects.get().person == tom.person
