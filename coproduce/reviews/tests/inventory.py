"""The reviews pages in the page inventory (merged by coproduce/tests/inventory.py).

ACCESS: url name -> personas who may use it (or ANYONE). object_kwargs: the URL kwargs for one of this
app's url names (None for names of other apps). STATE_VISITS: pages in particular states. DOWNLOADS:
files, not pages. NOT_PAGES: POST-only endpoints. PERMISSIONS_TESTED_ELSEWHERE: url names whose
permissions have their own tests.

The world's project ("Step-free bus stops": Dev co-lead, Grace member, Amina staff lead) gets an open
quarterly review; the organisation gets an open annual review.
"""

from datetime import timedelta
from typing import Any

from django.utils import timezone

from coproduce.reviews.choices import ReviewKind
from coproduce.reviews.models import Review
from coproduce.tests.inventory_types import ANYONE, PERSONAS, Visit, World, submit_empty_form  # noqa: F401

COORDINATORS = ("amina", "morgan")
PROJECT_GROUP = ("dev", "grace", "amina")
REVIEW_READERS = ("amina", "morgan", "sam", "dev")  # coordinators, the data lead, the project's leads
CLOSERS = ("amina", "morgan", "dev")  # coordinators and the project's leads

ACCESS: dict[str, tuple[str, ...] | str] = {
    "reviews:list": PERSONAS,
    "reviews:review": REVIEW_READERS,
    "reviews:take_part": PROJECT_GROUP,
    "reviews:record": COORDINATORS,
    "reviews:close": CLOSERS,
    "reviews:standards": COORDINATORS,
}
DOWNLOADS: dict[str, str] = {}
NOT_PAGES: dict[str, str] = {}
PERMISSIONS_TESTED_ELSEWHERE: tuple[str, ...] = ()


def quarterly_review(world: World) -> Review:
    today = timezone.localdate()
    review, _ = Review.objects.get_or_create(
        project=world.project,
        kind=ReviewKind.QUARTERLY,
        period_start=today - timedelta(days=60),
        defaults={"period_end": today + timedelta(days=30), "due_on": today + timedelta(days=30)},
    )
    return review


def annual_review(world: World) -> Review:
    today = timezone.localdate()
    review, _ = Review.objects.get_or_create(
        project=None,
        kind=ReviewKind.ANNUAL,
        period_start=today - timedelta(days=365),
        defaults={"period_end": today - timedelta(days=1), "due_on": today + timedelta(days=28)},
    )
    return review


def _on(url_name: str) -> Any:
    return lambda world: object_kwargs(url_name, world)


STATE_VISITS: tuple[Visit, ...] = (
    Visit("reviews:take_part", "grace", kwargs=_on("reviews:take_part"), state="errors", action=submit_empty_form),
    Visit("reviews:take_part", "dev", kwargs=_on("reviews:take_part"), state="errors", action=submit_empty_form),
    Visit("reviews:record", "amina", kwargs=_on("reviews:record"), state="errors", action=submit_empty_form),
    Visit("reviews:close", "amina", kwargs=_on("reviews:close"), state="errors", action=submit_empty_form),
    Visit("reviews:standards", "amina", kwargs=_on("reviews:standards"), state="errors", action=submit_empty_form),
)


def object_kwargs(url_name: str, world: World) -> dict[str, Any] | None:
    if url_name in ("reviews:review", "reviews:take_part", "reviews:record", "reviews:close"):
        return {"pk": quarterly_review(world).pk}
    if url_name == "reviews:standards":
        return {"pk": annual_review(world).pk}
    return None
