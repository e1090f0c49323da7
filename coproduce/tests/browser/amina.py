"""What Amina's two journeys share: her world, the pages' checks and planning an activity by keyboard."""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import Locator, Page, expect

from coproduce.accounts.models import User
from coproduce.contributions.models import ContributionKind
from coproduce.contributions.services import record_contribution
from coproduce.involvement.choices import AttendanceRole
from coproduce.involvement.models import Activity
from coproduce.involvement.services.activities import create_activity
from coproduce.involvement.services.attendance import record_attendance
from coproduce.involvement.services.registrations import register
from coproduce.newsletters.tests.inventory import keep_in_touch
from coproduce.payments.tests.inventory import example_rate_card
from coproduce.people.models import Person
from coproduce.projects.models import Lifecycle, Project
from coproduce.projects.services import advance_stage, approve_design, create_project, record_assessment
from coproduce.projects.tests.factories import OpportunityAssessmentFactory
from coproduce.reviews.services import schedule_reviews
from coproduce.tests.browser.conftest import axe_violations
from coproduce.tests.browser.keyboard import choose, heading, press, select, type_date, type_into
from coproduce.tests.inventory_types import World
from coproduce.tests.world import build_world, ready_to_lead

NEW_PROJECT = "Accessible town centre"
WORKSHOP = "Town centre design workshop"
WALKABOUT = "Town centre walkabout"
BENCHES = "Put a bench by every crossing, so people can rest."
BUILT_BY_THE_COUNCIL = "The council's contractors build the new crossings; there is nothing for people to do yet."


def fill_in_new_project(page: Page) -> None:
    """The form to start a project, at the design stage, with Dev as co-lead and Grace as champion."""
    type_into(page, page.get_by_label("Project name"), NEW_PROJECT)
    type_into(page, page.get_by_label("What is the project about?"), "Making the town centre work for everyone.")
    choose(page, page.get_by_label("At the design stage: we are ready to plan it with people"))
    select(page, page.get_by_label("Co-lead with lived experience"), "Devendra Patel")
    select(page, page.get_by_label("Staff lead (optional)"), "Amina Haddad")
    select(page, page.get_by_label("Co-production champion (optional)"), "Grace Okafor")
    press(page, page.get_by_role("button", name="Start project"))


def go(page: Page, target: Locator, title: str) -> None:
    """Press a link or button, and check the page it leads to."""
    press(page, target)
    check(page, title)


def check(page: Page, title: str) -> None:
    """The page is the one expected, and axe-core finds nothing wrong with it."""
    expect(heading(page)).to_have_text(title)
    assert axe_violations(page) == ""


def main_button(page: Page, text: str) -> Locator:
    """The project page's main action: the next thing the model asks for."""
    return page.get_by_role("main").get_by_role("button", name=text, exact=True)


def plan_activity(page: Page, title: str) -> None:
    """Fill in the activity form (its project and stage already chosen) for a workshop in two weeks."""
    starts = timezone.localdate() + timedelta(days=14)
    type_into(page, page.get_by_label("Name of the activity"), title)
    choose(page, page.get_by_role("group", name="What kind of activity is it?").get_by_label("Workshop"))
    type_into(page, page.get_by_label("What is it about?"), "We plan the town centre together.")
    choose(page, page.get_by_role("group", name="How will it happen?").get_by_label("In person", exact=True))
    day, month, year = str(starts.day), str(starts.month), str(starts.year)
    type_date(page, page.get_by_role("group", name="When does it start?"), day, month, year, "10am")
    type_date(page, page.get_by_role("group", name="When does it end?"), day, month, year, "12pm")
    choose(page, page.get_by_role("radio", name=re.compile("^Co-design:")))
    type_into(page, page.get_by_label("How many places are there? (optional)"), "12")
    press(page, page.get_by_role("button", name="Save activity"))


def after(activity: Activity) -> None:
    """Time passes: the activity took place yesterday."""
    starts = timezone.now() - timedelta(days=1)
    Activity.objects.filter(pk=activity.pk).update(starts_at=starts, ends_at=starts + timedelta(hours=2))


def held(project: Project, title: str, stage: Lifecycle, people: list[Person], *, by: User) -> Activity:
    """An activity planned, registered for and held yesterday, with who took part recorded."""
    starts = timezone.now() + timedelta(days=14)
    activity = Activity(
        project=project,
        stage=stage,
        kind="workshop",
        title=title,
        description="We plan the town centre together.",
        format="in_person",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        capacity=12,
        planned_rung="co_design",
    )
    create_activity(activity, channels=[], by=by)
    for person in people:
        register(activity, person=person, by=by)
    after(activity)
    activity.refresh_from_db()
    record_attendance(activity, people=people, role=AttendanceRole.PARTICIPANT, minutes=120, from_paper=False, by=by)
    return activity


def at_evaluation() -> tuple[World, Project]:
    """Where part 1 of the journey leaves things, built by the product's services: the town centre project at
    the evaluation stage, Dev and Grace at its design workshop, Dev's idea from it not answered yet; with
    rates to pay people by, Dev and Grace happy to get news, and the day's reviews scheduled."""
    world = ready_to_lead(build_world())
    amina, dev, grace = (world.users[key] for key in ("amina", "dev", "grace"))
    project = create_project(
        Project(title=NEW_PROJECT, summary="Making the town centre work for everyone."),
        by=amina,
        co_lead=dev.person,
        staff_lead=amina.person,
        champion=grace.person,
        start_at=Lifecycle.DESIGN,
    )
    record_assessment(OpportunityAssessmentFactory.build(project=project), project=project, by=amina)
    workshop = held(project, WORKSHOP, Lifecycle.DESIGN, [dev.person, grace.person], by=amina)
    approve_design(project, by=amina)
    advance_stage(project, to=Lifecycle.DEVELOPMENT, by=amina)
    held(project, WALKABOUT, Lifecycle.DEVELOPMENT, [dev.person], by=amina)
    advance_stage(project, to=Lifecycle.IMPLEMENTATION, by=amina)
    advance_stage(project, to=Lifecycle.EVALUATION, by=amina, reason=BUILT_BY_THE_COUNCIL)
    record_contribution(
        dev.person,
        project=project,
        activity=workshop,
        kind=ContributionKind.IDEA,
        summary=BENCHES,
        credit="",
        by=dev,
    )
    example_rate_card(world, name="Example rates — replace with your organisation's own", days_ago=100)
    keep_in_touch(world, "dev", "grace")
    schedule_reviews()
    return world, project
