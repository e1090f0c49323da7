"""The easyread pages in the page inventory (merged by coproduce/tests/inventory.py).

ACCESS: url name -> personas who may use it (or ANYONE). object_kwargs: the URL kwargs for one of this
app's url names (None for names of other apps). STATE_VISITS: pages in particular states. DOWNLOADS:
files, not pages. NOT_PAGES: POST-only endpoints, each naming the page whose form sends to it.
PERMISSIONS_TESTED_ELSEWHERE: url names whose permissions have their own tests (POST-only, 404 unless
something exists), left out of the generic matrix test.
"""

from typing import Any

from coproduce.easyread.choices import Pictogram
from coproduce.easyread.models import EasyReadDocument, EasyReadRow
from coproduce.easyread.services import add_row, create_document, publish_document
from coproduce.tests.inventory_types import ANYONE, PERSONAS, Visit, World, submit_empty_form  # noqa: F401

COORDINATORS = ("amina", "morgan")

ACCESS: dict[str, tuple[str, ...] | str] = {
    "easyread:index": ANYONE,
    "easyread:documents": COORDINATORS,
    "easyread:create": COORDINATORS,
    "easyread:edit": COORDINATORS,
    "easyread:add_row": COORDINATORS,
    "easyread:edit_row": COORDINATORS,
    "easyread:delete_row": COORDINATORS,
    "easyread:publish": COORDINATORS,
    "easyread:read": ANYONE,
    "easyread:pdf": ANYONE,
}


def _draft(world: World) -> EasyReadDocument:
    document = EasyReadDocument.objects.filter(title="Going to a workshop").first()
    if document is not None:
        return document
    amina = world.users["amina"]
    document = create_document(EasyReadDocument(title="Going to a workshop", project=world.project), by=amina)
    add_row(
        EasyReadRow(
            document=document,
            text="The workshop is at the library.",
            pictogram=Pictogram.GROUP_MEETING,
            alt_text="People meeting round a table",
        ),
        by=amina,
    )
    add_row(
        EasyReadRow(
            document=document,
            text="We pay for your bus to get there and back home again afterwards, "
            "so it costs you nothing at all to come.",
            pictogram=Pictogram.BUS,
            alt_text="A bus",
        ),
        by=amina,
    )
    return document


def _published(world: World) -> EasyReadDocument:
    document = EasyReadDocument.objects.filter(title="What is co-production?").first()
    if document is not None:
        return document
    amina = world.users["amina"]
    document = create_document(EasyReadDocument(title="What is co-production?"), by=amina)
    add_row(
        EasyReadRow(
            document=document,
            text="We work together as equals.",
            pictogram=Pictogram.GROUP_MEETING,
            alt_text="People meeting round a table",
        ),
        by=amina,
    )
    return publish_document(document, by=amina)


def _row_kwargs(world: World) -> dict[str, Any]:
    return {"pk": _draft(world).rows.order_by("position").first().pk}  # type: ignore[union-attr]


STATE_VISITS: tuple[Visit, ...] = (
    Visit("easyread:create", "amina", state="errors", action=submit_empty_form),
    Visit(
        "easyread:add_row",
        "amina",
        kwargs=lambda world: {"pk": _draft(world).pk},
        state="errors",
        action=submit_empty_form,
    ),
    Visit("easyread:read", "amina", kwargs=lambda world: {"pk": _draft(world).pk}, state="draft-preview"),
    Visit("easyread:edit", "amina", kwargs=lambda world: {"pk": _published(world).pk}, state="published"),
)
DOWNLOADS: dict[str, str] = {
    "easyread:pdf": "the PDF linked from easyread:read",
    "easyread:picture": "an uploaded Easy Read picture (404 without one)",
}
NOT_PAGES: dict[str, str] = {"easyread:move_row": "the Move up and Move down buttons on easyread:edit"}
PERMISSIONS_TESTED_ELSEWHERE: tuple[str, ...] = ("easyread:move_row", "easyread:picture")


def object_kwargs(url_name: str, world: World) -> dict[str, Any] | None:
    if url_name in ("easyread:edit", "easyread:add_row", "easyread:publish"):
        return {"pk": _draft(world).pk}
    if url_name in ("easyread:edit_row", "easyread:delete_row"):
        return _row_kwargs(world)
    if url_name in ("easyread:read", "easyread:pdf"):
        return {"pk": _published(world).pk}
    if url_name.startswith("easyread:"):
        return {}
    return None
