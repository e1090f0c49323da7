"""Amina's journey, part 1: from her home page, a new project followed through the model's checklist from
design to evaluation, by keyboard alone, with axe-core on every page (issue 17).

Amina is the coordinator. She starts a project with a co-lead with lived experience and a champion who
signed the charter; the project page's main button is always the next thing the model asks for: the
opportunity assessment, an activity, who took part, the design approved, and only then the move. Dev
registers for her workshop with his Easy Read need; she marks the need met, is refused attendance
before the workshop, records it after, and follows the checklist to the evaluation stage. Part 2
(``test_persona_amina_evaluation_journey``) starts from where this one ends.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from coproduce.involvement.models import Activity, Attendance
from coproduce.involvement.services.registrations import register
from coproduce.projects.models import Project, StageChange
from coproduce.tests.browser.amina import (
    BUILT_BY_THE_COUNCIL,
    NEW_PROJECT,
    WALKABOUT,
    WORKSHOP,
    after,
    check,
    fill_in_new_project,
    go,
    main_button,
    plan_activity,
)
from coproduce.tests.browser.keyboard import choose, navigation_link, press, tick, type_into
from coproduce.tests.world import build_world, ready_to_lead

pytestmark = pytest.mark.django_db(transaction=True)


def open_project(page: Page) -> None:
    """From anywhere, by the main menu, to the project's page."""
    press(page, navigation_link(page, "Projects"))
    check(page, "Projects")
    press(page, page.get_by_role("link", name=NEW_PROJECT))
    check(page, NEW_PROJECT)


def record_who_took_part(page: Page, title: str, names: list[str], how_many: str) -> None:
    """From the project page's main button, after the activity."""
    open_project(page)
    go(page, main_button(page, f"Record who took part in {title}"), f"Who attended {title}")
    for name in names:
        tick(page, page.get_by_role("checkbox", name=name))
    press(page, page.get_by_role("button", name="Save attendance"))
    expect(page.get_by_text(f"Attendance saved for {how_many}.")).to_be_visible()
    check(page, f"Who attended {title}")


def move_on(page: Page, stage: str) -> None:
    """The checklist is met, so the main button is the move itself."""
    press(page, main_button(page, f"Move to the {stage} stage"))
    check(page, f"Move to the {stage} stage?")
    press(page, page.get_by_role("button", name=f"Yes, move to {stage}"))
    expect(page.get_by_text(f"The project is at the {stage} stage now.")).to_be_visible()
    check(page, NEW_PROJECT)


def test_amina_starts_a_project_and_follows_the_checklist_to_evaluation(page: Page, sign_in_as, live_server):
    world = ready_to_lead(build_world())
    amina = world.users["amina"]
    sign_in_as(amina)
    # The first page loads every app's code into the test server, which is slow on a busy machine.
    page.goto("/", timeout=60_000)
    check(page, "Hello, Amina")

    # Start a project at the design stage, with its co-lead, staff lead and champion.
    press(page, page.get_by_role("button", name="Start a project"))
    check(page, "Start a project")
    fill_in_new_project(page)
    check(page, NEW_PROJECT)
    checklist = page.locator(".govuk-task-list")
    expect(checklist).to_contain_text("People with lived experience took part at the design stage")
    expect(checklist).to_contain_text("The design is approved")

    # The main button is the opportunity assessment, not the stage move.
    press(page, main_button(page, "Record the opportunity assessment"))
    check(page, "Where can co-production help most?")
    type_into(page, page.get_by_label("Who does this project affect?"), "Disabled people who shop in town.")
    for stage in ("Design", "Development", "Implementation", "Evaluation"):
        tick(page, page.get_by_role("checkbox", name=stage))
    type_into(page, page.get_by_label("What is fixed and cannot change, and why?"), "The budget, set by the council.")
    for stage in ("design", "development", "implementation", "evaluation"):
        group = page.get_by_role("group", name=f"How much say will people have at the {stage} stage?")
        choose(page, group.get_by_role("radio", name=re.compile("^Co-design:")))
    type_into(page, page.get_by_label("Who should we involve?"), "Wheelchair users, carers, older people.")
    press(page, page.get_by_role("button", name="Save the assessment"))
    check(page, NEW_PROJECT)

    # Next: an activity at the design stage, planned from the main button.
    press(page, main_button(page, "Plan an activity for the design stage"))
    check(page, "Plan an activity")
    plan_activity(page, WORKSHOP)
    check(page, WORKSHOP)
    press(page, page.get_by_role("link", name="Open for registration"))
    check(page, f"Open {WORKSHOP} for registration?")
    press(page, page.get_by_role("button", name="Yes, open registration"))
    expect(page.get_by_text("Open. It shows on Get involved.")).to_be_visible()
    check(page, WORKSHOP)

    # Dev registers; he reads Easy Read, so Amina sees a need to meet, and marks it met.
    workshop = Activity.objects.get(title=WORKSHOP)
    for key in ("dev", "grace"):
        register(workshop, person=world.users[key].person, by=world.users[key])
    page.reload()
    press(page, page.get_by_role("button", name="See who is coming"))
    check(page, f"Who is coming to {WORKSHOP}")
    expect(page.get_by_text("1 access need is not met yet.")).to_be_visible()
    press(page, page.get_by_role("link", name="Update support for Devendra Patel"))
    check(page, "Support for Devendra Patel")
    choose(page, page.get_by_role("group", name="Easy Read").get_by_label("Met", exact=True))
    press(page, page.get_by_role("button", name="Save support"))
    expect(page.get_by_text("Every access need is met or explained.")).to_be_visible()
    check(page, f"Who is coming to {WORKSHOP}")

    # Before the workshop, attendance is refused; after it, she records who took part.
    press(page, page.get_by_role("link", name=f"Back to {WORKSHOP}"))
    check(page, WORKSHOP)
    press(page, page.get_by_role("button", name="Record who attended"))
    check(page, f"Who attended {WORKSHOP}")
    expect(page.get_by_text("You can record who attended once the activity has started")).to_be_visible()
    expect(page.get_by_role("button", name="Save attendance")).to_have_count(0)
    after(workshop)
    record_who_took_part(page, WORKSHOP, ["Devendra Patel", "Grace Okafor"], "2 people")

    # Next: the design approved, then the move to development; back to the project by the activity's page.
    go(page, page.get_by_role("link", name=f"Back to {WORKSHOP}"), WORKSHOP)
    go(page, page.get_by_role("link", name=f"Back to {NEW_PROJECT}"), NEW_PROJECT)
    expect(page.locator(".govuk-task-list")).to_contain_text("Done")
    press(page, main_button(page, "Approve the design"))
    check(page, "Approve the design?")
    press(page, page.get_by_role("button", name="Yes, approve the design"))
    expect(page.get_by_text("The design is approved.")).to_be_visible()
    check(page, NEW_PROJECT)
    move_on(page, "development")

    # At development: a walkabout planned from the checklist's link, Dev there, attendance from the main button.
    press(page, page.locator(".govuk-task-list").get_by_role("link", name="Plan an activity for the development stage"))
    check(page, "Plan an activity")
    plan_activity(page, WALKABOUT)
    check(page, WALKABOUT)
    walkabout = Activity.objects.get(title=WALKABOUT)
    register(walkabout, person=world.users["dev"].person, by=amina)
    after(walkabout)
    record_who_took_part(page, WALKABOUT, ["Devendra Patel"], "1 person")
    open_project(page)
    move_on(page, "implementation")

    # At implementation the council builds what was designed: she moves on, and says why nobody took part.
    expect(main_button(page, "Plan an activity for the implementation stage")).to_be_visible()
    press(page, page.get_by_role("link", name="Move to the evaluation stage and say why people were not involved"))
    check(page, "Move to the evaluation stage?")
    type_into(page, page.get_by_label("Why is the project moving on without them?"), BUILT_BY_THE_COUNCIL)
    press(page, page.get_by_role("button", name="Yes, move to evaluation"))
    expect(page.get_by_text("The project is at the evaluation stage now.")).to_be_visible()
    check(page, NEW_PROJECT)
    expect(page.get_by_role("main")).to_contain_text(f"The reason given: {BUILT_BY_THE_COUNCIL}")

    project = Project.objects.get(title=NEW_PROJECT)
    assert project.stage == "evaluation"
    assert project.design_approved_by == amina
    moves = StageChange.objects.filter(project=project).order_by("changed_at")
    assert [(move.to_stage, move.reason_without_involvement) for move in moves] == [
        ("design", ""),
        ("development", ""),
        ("implementation", ""),
        ("evaluation", BUILT_BY_THE_COUNCIL),
    ]
    attended = Attendance.objects.filter(activity__project=project).values_list("activity__title", "person__full_name")
    assert sorted(attended) == [
        (WORKSHOP, "Devendra Patel"),
        (WORKSHOP, "Grace Okafor"),
        (WALKABOUT, "Devendra Patel"),
    ]
