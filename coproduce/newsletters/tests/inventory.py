"""The newsletters pages in the page inventory (merged by coproduce/tests/inventory.py).

Only coordinators and admins (Amina, Morgan) write, preview and send newsletters. The world gets a
draft to the people in the project "Step-free bus stops" (Dev, Grace, Amina); Dev and Grace have said
we may keep in touch. A second draft, to all partners, has nobody who said so: sending it is refused.
"""

from typing import Any

from django.utils import timezone
from playwright.sync_api import Page

from coproduce.newsletters.choices import Audience, Status
from coproduce.newsletters.models import Newsletter
from coproduce.people.models import Consent, ConsentMethod, Notice, Purpose
from coproduce.tests.inventory_types import ANYONE, PERSONAS, Visit, World, submit_empty_form  # noqa: F401

COORDINATORS = ("amina", "morgan")

ACCESS: dict[str, tuple[str, ...] | str] = {
    "newsletters:list": COORDINATORS,
    "newsletters:create": COORDINATORS,
    "newsletters:preview": COORDINATORS,
    "newsletters:edit": COORDINATORS,
    "newsletters:send": COORDINATORS,
}
DOWNLOADS: dict[str, str] = {}
NOT_PAGES: dict[str, str] = {}
PERMISSIONS_TESTED_ELSEWHERE: tuple[str, ...] = ()


def keep_in_touch(world: World, *personas: str) -> None:
    notice = Notice.objects.current(Purpose.CONTACT)
    for persona in personas:
        person = world.users[persona].person
        if not Consent.objects.filter(person=person, notice__purpose=Purpose.CONTACT).exists():
            Consent.objects.create(person=person, notice=notice, method=ConsentMethod.ONLINE)


def project_draft(world: World) -> Newsletter:
    keep_in_touch(world, "dev", "grace")
    found, _ = Newsletter.objects.get_or_create(
        title="News from the bus stops project",
        defaults={
            "body": "Hello {first_name},\n\nWe walked round the bus stops with the council.\n\nThank you for coming.",
            "audience": Audience.PROJECT,
            "project": world.project,
            "written_by": world.users["amina"],
        },
    )
    return found


def nobody_draft(world: World) -> Newsletter:
    found, _ = Newsletter.objects.get_or_create(
        title="News for partners",
        defaults={"body": "Hello {name}.", "audience": Audience.PARTNERS, "written_by": world.users["amina"]},
    )
    return found


def sent_newsletter(world: World) -> Newsletter:
    found, _ = Newsletter.objects.get_or_create(
        title="Summer news",
        defaults={
            "body": "Hello {first_name},\n\nThank you for a busy summer.",
            "easy_read_body": "Hello {first_name}.\nThank you for your help.",
            "audience": Audience.MEMBERS,
            "written_by": world.users["amina"],
            "status": Status.SENT,
            "sent_at": timezone.now(),
            "sent_by": world.users["amina"],
            "recipients_count": 2,
        },
    )
    return found


def object_kwargs(url_name: str, world: World) -> dict[str, Any] | None:
    if url_name in ("newsletters:preview", "newsletters:edit", "newsletters:send"):
        return {"pk": project_draft(world).pk}
    if url_name.startswith("newsletters:"):
        return {}
    return None


def no_kwargs(*made: object) -> dict[str, Any]:
    """For pages without URL kwargs whose state needs ``made`` to exist first."""
    return {}


def type_unknown_placeholder(page: Page) -> None:
    page.get_by_label("Title").fill("News")
    page.get_by_label("What do you want to say?").fill("Hello {frist_name}, welcome {")
    page.get_by_label("All members and carers").check()
    submit_empty_form(page)


STATE_VISITS: tuple[Visit, ...] = (
    Visit("newsletters:create", "amina", state="errors", action=submit_empty_form),
    Visit("newsletters:create", "morgan", state="unknown-placeholder", action=type_unknown_placeholder),
    Visit(
        "newsletters:send",
        "amina",
        kwargs=lambda world: {"pk": nobody_draft(world).pk},
        state="errors",
        action=submit_empty_form,
    ),
    Visit("newsletters:preview", "amina", kwargs=lambda world: {"pk": sent_newsletter(world).pk}, state="sent"),
    Visit(
        "newsletters:list",
        "amina",
        state="with-newsletters",
        kwargs=lambda world: no_kwargs(project_draft(world), sent_newsletter(world)),
    ),
)
