"""The learning pages in the page inventory (merged by coproduce/tests/inventory.py).

ACCESS: url name -> personas who may use it (or ANYONE). object_kwargs: the URL kwargs for one of this
app's url names (None for names of other apps). STATE_VISITS: pages in particular states. DOWNLOADS:
files, not pages. NOT_PAGES: POST-only endpoints, each naming the page whose form sends to it.
PERMISSIONS_TESTED_ELSEWHERE: url names whose permissions have their own tests (POST-only, 404 unless
something exists), left out of the generic matrix test.
"""

from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from typing import Any

from django.utils import timezone
from playwright.sync_api import Page

from coproduce.involvement.models import Activity, Attendance
from coproduce.learning.models import Course, CourseSession, Recommendation, TrainingRecord
from coproduce.learning.services.charter import ensure_learning_defaults
from coproduce.learning.services.training import plan_session
from coproduce.tests.inventory_types import ANYONE, PERSONAS, Visit, World, submit_empty_form

COORDINATORS = ("amina", "morgan")

ACCESS: dict[str, tuple[str, ...] | str] = {
    "learning:charter": PERSONAS,
    "learning:sign_organisation": ("priya",),
    "learning:publish": ("morgan",),
    "learning:champions": ANYONE,
    "learning:coverage": COORDINATORS,
    "learning:courses": PERSONAS,
    "learning:course": PERSONAS,
    "learning:session_create": COORDINATORS,
    "learning:completion": COORDINATORS,
    "learning:records": PERSONAS,
    "learning:confidence": ("tom",),  # only the person whose record it is
    "learning:certificate": ("tom", *COORDINATORS),
    "learning:inductions": COORDINATORS,
    "learning:recommendations": (*COORDINATORS, "priya"),  # Priya: those made to her organisation
    "learning:recommendation_response": (*COORDINATORS, "priya"),  # one made to her organisation
}
DOWNLOADS: dict[str, str] = {"learning:certificate": "the certificate PDF linked from learning:records"}
NOT_PAGES: dict[str, str] = {"learning:withdraw": "the Withdraw signature button on learning:charter"}
PERMISSIONS_TESTED_ELSEWHERE: tuple[str, ...] = ("learning:withdraw",)


def course() -> Course:
    ensure_learning_defaults()
    return Course.objects.get(title="What co-production is")


def session(world: World) -> CourseSession:
    """A session of "What co-production is" that Tom attended."""
    existing = CourseSession.objects.filter(course=course()).first()
    if existing is not None:
        return existing
    starts = (timezone.localtime() + timedelta(days=21)).replace(hour=10, minute=0, second=0, microsecond=0)
    made = plan_session(
        course(),
        activity=Activity(starts_at=starts, ends_at=starts + timedelta(hours=2), format="online"),
        by=world.users["amina"],
    )
    Attendance.objects.create(
        activity=made.activity, person=world.users["tom"].person, minutes=120, recorded_by=world.users["amina"]
    )
    return made


def tom_record(world: World) -> TrainingRecord:
    return TrainingRecord.objects.get_or_create(
        person=world.users["tom"].person,
        course=course(),
        session=None,
        defaults={"completed_on": date(2026, 11, 1), "recorded_by": world.users["amina"]},
    )[0]


def recommendation(world: World) -> Recommendation:
    return Recommendation.objects.get_or_create(
        project=world.project,
        organisation=world.users["priya"].person.organisation,
        text="Lower the kerbs at every bus stop.",
        defaults={
            "sent_on": date(2026, 1, 5),
            "response_due": date(2026, 3, 2),
            "recorded_by": world.users["amina"],
        },
    )[0]


def object_kwargs(url_name: str, world: World) -> dict[str, Any] | None:
    if not url_name.startswith("learning:"):
        return None
    # Tests that flush the database remove what the data migration made.
    ensure_learning_defaults()
    if url_name in ("learning:course", "learning:session_create"):
        return {"pk": course().pk}
    if url_name == "learning:completion":
        return {"pk": session(world).pk}
    if url_name in ("learning:confidence", "learning:certificate"):
        return {"pk": tom_record(world).pk}
    if url_name == "learning:recommendation_response":
        return {"pk": recommendation(world).pk}
    if url_name == "learning:withdraw":
        return {"pk": 0}
    return {}


def clear_charter_and_submit(page: Page) -> None:
    page.fill("#id_text", "")
    page.fill("#id_easy_read_text", "")
    submit_empty_form(page)


def kwargs_for(url_name: str) -> Callable[[World], dict[str, Any]]:
    return partial(object_kwargs, url_name)  # type: ignore[return-value]


STATE_VISITS: tuple[Visit, ...] = (
    *(
        Visit(url_name, persona, kwargs=kwargs_for(url_name), state="errors", action=submit_empty_form)
        for url_name, persona in (
            ("learning:charter", "tom"),
            ("learning:sign_organisation", "priya"),
            ("learning:session_create", "amina"),
            ("learning:completion", "amina"),
            ("learning:confidence", "tom"),
            ("learning:inductions", "amina"),
            ("learning:recommendations", "amina"),
            ("learning:recommendation_response", "amina"),
            ("learning:recommendation_response", "priya"),
        )
    ),
    Visit(
        "learning:publish",
        "morgan",
        kwargs=kwargs_for("learning:publish"),
        state="errors",
        action=clear_charter_and_submit,
    ),
)
