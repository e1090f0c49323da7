"""The surveys pages in the page inventory (merged by coproduce/tests/inventory.py).

ACCESS: url name -> personas who may use it (or ANYONE). object_kwargs: the URL kwargs for one of this
app's url names (None for names of other apps). STATE_VISITS: pages in particular states. DOWNLOADS:
files, not pages. NOT_PAGES: POST-only endpoints, each naming the page whose form sends to it.
PERMISSIONS_TESTED_ELSEWHERE: url names whose permissions have their own tests (POST-only, 404 unless
something exists), left out of the generic matrix test.

The world's project gets a walkabout that ended three days ago, attended by Dev and Grace, with an
open survey round. Dev (co-lead) and Amina (staff lead) lead the project.
"""

from datetime import timedelta
from typing import Any

from django.utils import timezone

from coproduce.involvement.models import Activity, Attendance
from coproduce.surveys.models import SurveyRound
from coproduce.tests.inventory_types import ANYONE, PERSONAS, Visit, World, submit_empty_form  # noqa: F401

COORDINATORS = ("amina", "morgan")
ATTENDEES = ("dev", "grace")
RESULT_READERS = ("amina", "morgan", "dev")  # coordinators and the project's leads

ACCESS: dict[str, tuple[str, ...] | str] = {
    "surveys:yours": PERSONAS,
    "surveys:manage": COORDINATORS,
    "surveys:answer": ATTENDEES,
    "surveys:record_by_phone": COORDINATORS,
    "surveys:summary": RESULT_READERS,
}
DOWNLOADS: dict[str, str] = {}
NOT_PAGES: dict[str, str] = {
    "surveys:open_activity": "the Open survey button beside each activity on surveys:manage",
    "surveys:open_group": "the Open survey button beside each group on surveys:manage",
}
PERMISSIONS_TESTED_ELSEWHERE: tuple[str, ...] = ("surveys:open_activity", "surveys:open_group")


def walkabout(world: World) -> Activity:
    starts = (timezone.localtime() - timedelta(days=3)).replace(hour=10, minute=0, second=0, microsecond=0)
    activity, created = Activity.objects.get_or_create(
        project=world.project,
        title="Bus stop walkabout",
        defaults={
            "stage": "design",
            "kind": "workshop",
            "description": "We walked to the bus stops together.",
            "format": "in_person",
            "starts_at": starts,
            "ends_at": starts + timedelta(hours=2),
            "planned_rung": "co_design",
            "created_by": world.users["amina"],
        },
    )
    if created:
        for persona in ATTENDEES:
            Attendance.objects.create(
                activity=activity, person=world.users[persona].person, minutes=120, recorded_by=world.users["amina"]
            )
    return activity


def survey_round(world: World) -> SurveyRound:
    activity = walkabout(world)
    found, _ = SurveyRound.objects.get_or_create(
        activity=activity,
        defaults={
            "project": world.project,
            "opens_at": timezone.now() - timedelta(days=1),
            "closes_at": timezone.now() + timedelta(days=13),
            "opened_by": world.users["amina"],
        },
    )
    return found


def _on(url_name: str) -> Any:
    return lambda world: object_kwargs(url_name, world)


STATE_VISITS: tuple[Visit, ...] = (
    Visit("surveys:answer", "grace", kwargs=_on("surveys:answer"), state="errors", action=submit_empty_form),
    Visit("surveys:answer", "dev", kwargs=_on("surveys:answer"), state="errors", action=submit_empty_form),
    Visit(
        "surveys:record_by_phone",
        "amina",
        kwargs=_on("surveys:record_by_phone"),
        state="errors",
        action=submit_empty_form,
    ),
)


def object_kwargs(url_name: str, world: World) -> dict[str, Any] | None:
    if url_name in ("surveys:answer", "surveys:record_by_phone", "surveys:summary"):
        return {"pk": survey_round(world).pk}
    if url_name == "surveys:open_activity":
        return {"pk": walkabout(world).pk}
    if url_name == "surveys:open_group":
        return {"pk": 1}
    return None
