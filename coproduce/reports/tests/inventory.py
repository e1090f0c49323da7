"""The reports pages in the page inventory (merged by coproduce/tests/inventory.py). See surveys/tests/inventory.py.

The world's project (Dev co-lead, Amina staff lead) gets a published "You said, we did" page, so that
the public page answers everyone. The downloads are visited as CSV (the PDFs have their own tests).
"""

from typing import Any

from django.utils import timezone

from coproduce.reports.models import YouSaidWeDidPage
from coproduce.tests.inventory_types import ANYONE, PERSONAS, Visit, World, submit_empty_form  # noqa: F401

COORDINATORS = ("amina", "morgan")
ORGANISATION_READERS = ("amina", "morgan", "sam")  # coordinators, admins and the data lead
PROJECT_READERS = ("amina", "morgan", "sam", "dev")  # and the project's leads
PROJECT_WRITERS = ("amina", "morgan", "dev")  # coordinators and the project's leads

ACCESS: dict[str, tuple[str, ...] | str] = {
    "reports:organisation": ORGANISATION_READERS,
    "reports:organisation_easy_read": ORGANISATION_READERS,
    "reports:organisation_file": ORGANISATION_READERS,
    "reports:organisation_narrative": COORDINATORS,
    "reports:project": PROJECT_READERS,
    "reports:project_easy_read": PROJECT_READERS,
    "reports:project_file": PROJECT_READERS,
    "reports:project_narrative": PROJECT_WRITERS,
    "reports:you_said_we_did_manage": PROJECT_WRITERS,
    "reports:you_said_we_did": ANYONE,
    "reports:digests": COORDINATORS,
}
DOWNLOADS: dict[str, str] = {
    "reports:organisation_file": "the PDF, Easy Read PDF, CSV and Excel links on reports:organisation",
    "reports:project_file": "the PDF, Easy Read PDF, CSV and Excel links on reports:project",
}
NOT_PAGES: dict[str, str] = {}
PERMISSIONS_TESTED_ELSEWHERE: tuple[str, ...] = ()


def _on(url_name: str) -> Any:
    return lambda world: object_kwargs(url_name, world)


STATE_VISITS: tuple[Visit, ...] = (
    Visit(
        "reports:project_narrative",
        "dev",
        kwargs=_on("reports:project_narrative"),
        state="errors",
        action=submit_empty_form,
    ),
    Visit("reports:organisation_narrative", "amina", state="errors", action=submit_empty_form),
    Visit("reports:digests", "amina", state="errors", action=submit_empty_form),
)


def published_page(world: World) -> YouSaidWeDidPage:
    page, _ = YouSaidWeDidPage.objects.get_or_create(
        project=world.project,
        defaults={
            "intro": "We asked what would make the bus stops easier to use.",
            "published_at": timezone.now(),
            "published_by": world.users["amina"],
        },
    )
    return page


def object_kwargs(url_name: str, world: World) -> dict[str, Any] | None:
    if url_name == "reports:organisation_file":
        return {"fmt": "csv"}
    if url_name == "reports:project_file":
        return {"pk": world.project.pk, "fmt": "csv"}
    if url_name in ("reports:project", "reports:project_easy_read", "reports:project_narrative"):
        return {"pk": world.project.pk}
    if url_name in ("reports:you_said_we_did_manage",):
        return {"pk": world.project.pk}
    if url_name == "reports:you_said_we_did":
        return {"pk": published_page(world).project_id}
    return None
