"""The contributions pages in the page inventory (merged by coproduce/tests/inventory.py).

ACCESS: url name -> personas who may use it (or ANYONE). object_kwargs: the URL kwargs for one of this
app's url names (None for names of other apps). STATE_VISITS: pages in particular states. DOWNLOADS:
files, not pages. NOT_PAGES: POST-only endpoints, each naming the page whose form sends to it.
PERMISSIONS_TESTED_ELSEWHERE: url names whose permissions have their own tests (POST-only, 404 unless
something exists), left out of the generic matrix test.
"""

from typing import Any

from playwright.sync_api import Page

from coproduce.contributions.models import Contribution, ContributionKind, ContributionResponse, Outcome
from coproduce.involvement.models import Attendance
from coproduce.tests.inventory_types import ANYONE, PERSONAS, Visit, World, submit_empty_form  # noqa: F401

# The world's project "Step-free bus stops": Dev is its co-lead, Grace a member, Amina its staff lead.
ACCESS: dict[str, tuple[str, ...] | str] = {
    "contributions:yours": PERSONAS,
    "contributions:changed_things": PERSONAS,
    "contributions:add_own": PERSONAS,
    # Coordinators, and the leads of a project (Dev is the co-lead) for their projects.
    "contributions:overdue": ("amina", "morgan", "dev"),
    # Grace's contribution: the project's leads and coordinators answer it; she does not answer her own.
    "contributions:respond": ("amina", "morgan", "dev"),
    "contributions:activity": ("amina", "morgan"),
    "contributions:thanks": ("amina", "morgan"),
    # Dev's thank-you letter: for Dev, and for the coordinators who send it.
    "contributions:document": ("amina", "morgan", "dev"),
}
DOWNLOADS: dict[str, str] = {
    "contributions:document": "the thank-you letter, Easy Read card and certificate PDFs linked from "
    "contributions:thanks and contributions:yours",
}
NOT_PAGES: dict[str, str] = {}
PERMISSIONS_TESTED_ELSEWHERE: tuple[str, ...] = ()


def attended(world: World) -> tuple[Attendance, Attendance]:
    """Dev and Grace took part in the world's workshop (the inventory does not care that it is ahead)."""
    amina = world.users["amina"]
    dev = Attendance.objects.get_or_create(
        activity=world.activity, person=world.users["dev"].person, defaults={"minutes": 120, "recorded_by": amina}
    )[0]
    grace = Attendance.objects.get_or_create(
        activity=world.activity, person=world.users["grace"].person, defaults={"minutes": 90, "recorded_by": amina}
    )[0]
    return dev, grace


def graces_contribution(world: World) -> Contribution:
    attended(world)
    return Contribution.objects.get_or_create(
        person=world.users["grace"].person,
        project=world.project,
        activity=world.activity,
        kind=ContributionKind.IDEA,
        defaults={"summary": "Put a bench at every stop.", "recorded_by": world.users["amina"]},
    )[0]


def devs_adopted_idea(world: World) -> dict[str, Any]:
    """Dev's idea, adopted: for his "Your contributions" and "Your ideas that changed things" pages."""
    attended(world)
    contribution = Contribution.objects.create(
        person=world.users["dev"].person,
        project=world.project,
        activity=world.activity,
        kind=ContributionKind.IDEA,
        summary="Raise the kerb so the ramp is not steep.",
        recorded_by=world.users["amina"],
    )
    ContributionResponse.objects.create(
        contribution=contribution,
        outcome=Outcome.ADOPTED,
        explanation="The council will raise the kerb at 12 stops.",
        responded_by=world.users["amina"],
    )
    return {}


def object_kwargs(url_name: str, world: World) -> dict[str, Any] | None:
    if url_name in ("contributions:activity", "contributions:thanks"):
        attended(world)
        return {"pk": world.activity.pk}
    if url_name == "contributions:respond":
        return {"pk": graces_contribution(world).pk}
    if url_name == "contributions:document":
        return {"pk": attended(world)[0].pk, "kind": "letter"}
    if url_name.startswith("contributions:"):
        return {}
    return None


def choose_not_adopted_and_submit(page: Page) -> None:
    page.check("#id_outcome_2")
    submit_empty_form(page)


STATE_VISITS: tuple[Visit, ...] = (
    Visit(
        "contributions:activity",
        "amina",
        kwargs=lambda world: object_kwargs("contributions:activity", world) or {},
        state="errors",
        action=submit_empty_form,
    ),
    Visit(
        "contributions:thanks",
        "amina",
        kwargs=lambda world: object_kwargs("contributions:thanks", world) or {},
        state="errors",
        action=submit_empty_form,
    ),
    Visit(
        "contributions:respond",
        "amina",
        kwargs=lambda world: object_kwargs("contributions:respond", world) or {},
        state="errors",
        action=choose_not_adopted_and_submit,
    ),
    Visit("contributions:add_own", "dev", state="errors", action=submit_empty_form),
    Visit("contributions:yours", "dev", kwargs=devs_adopted_idea, state="with-answers"),
    Visit("contributions:changed_things", "dev", kwargs=devs_adopted_idea, state="with-answers"),
    Visit("contributions:activity", "amina", kwargs=lambda world: {"pk": world.activity.pk}, state="nobody-attended"),
)
