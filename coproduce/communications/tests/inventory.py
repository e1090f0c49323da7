"""The communications pages in the page inventory (merged by coproduce/tests/inventory.py).

ACCESS: url name -> personas who may use it (or ANYONE). object_kwargs: the URL kwargs for one of this
app's url names (None for names of other apps). STATE_VISITS: pages in particular states. DOWNLOADS:
files, not pages. NOT_PAGES: POST-only endpoints, each naming the page whose form sends to it.
PERMISSIONS_TESTED_ELSEWHERE: url names whose permissions have their own tests.
"""

from datetime import timedelta
from typing import Any

from django.utils import timezone
from playwright.sync_api import Page

from coproduce.communications.choices import MessageFormat, MessageRoute, MessageStatus
from coproduce.communications.models import FormatRequest, Message
from coproduce.communications.services import request_format
from coproduce.people.models import Person
from coproduce.tests.inventory_types import ANYONE, PERSONAS, Visit, World, submit_empty_form

ACCESS: dict[str, tuple[str, ...] | str] = {
    # Anyone may change how pages look for them, signed in or not.
    "communications:display": ANYONE,
    # Anyone may ask for a page in another format, and see the confirmation of what they sent.
    "communications:format_request": ANYONE,
    "communications:format_request_sent": ANYONE,
    # Everyone signed in (each persona has a record of their own) sees what they asked for.
    "communications:my_format_requests": PERSONAS,
    # Coordinators and admins handle the requests.
    "communications:format_requests": ("amina", "morgan"),
    "communications:format_request_update": ("amina", "morgan"),
    # Coordinators and admins see every message, print the post and make the calls.
    "communications:messages": ("amina", "morgan"),
    "communications:post_to_send": ("amina", "morgan"),
    "communications:post_batch": ("amina", "morgan"),
    "communications:calls": ("amina", "morgan"),
    # Everyone signed in says how we contact them; coordinators record it for someone who asks.
    "communications:my_contact_preferences": PERSONAS,
    "communications:contact_preferences_for": ("amina", "morgan"),
}
DOWNLOADS: dict[str, str] = {
    "communications:post_batch": "the PDF of letters to post, linked from communications:post_to_send",
}
NOT_PAGES: dict[str, str] = {
    "communications:message_retry": "the Try again button beside a failed message on communications:messages",
    "communications:letters_posted": "the Printed and posted button on communications:post_to_send",
    "communications:call_done": "the Call made button on communications:calls",
}
PERMISSIONS_TESTED_ELSEWHERE: tuple[str, ...] = (
    "communications:message_retry",
    "communications:letters_posted",
    "communications:call_done",
)


def _a_format_request(world: World) -> FormatRequest:
    """Grace asked for the accessibility statement in braille; it is overdue, and a stranger asked too."""
    grace = world.users["grace"]
    request = request_format(page_path="/accessibility/", format="braille", person=grace.person, by=grace)
    FormatRequest.objects.filter(pk=request.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    request_format(page_path="/help/", format="other_language", language="Polish", name="Rosa", phone="01632 960 001")
    return request


def some_messages(world: World) -> None:
    """A failed email to Tom, a letter waiting for Rosa (large print), and a call to make to Rosa."""
    rosa = world.person
    Person.objects.filter(pk=rosa.pk).update(postal_address="12 Mill Lane\nRiverside\nRV1 2AB", phone="01632 960001")
    tom = world.users["tom"].person
    Message.objects.create(
        person=tom,
        topic="reminder",
        route=MessageRoute.EMAIL,
        format=MessageFormat.STANDARD,
        subject="Reminder: bus stop workshop",
        body="The workshop is tomorrow.",
        sent_to=tom.email,
        status=MessageStatus.FAILED,
        attempts=4,
        last_error="ConnectionRefusedError: the mail server refused the connection.",
    )
    for route, status in (
        (MessageRoute.POST, MessageStatus.WAITING_FOR_POST),
        (MessageRoute.PHONE, MessageStatus.TO_CALL),
    ):
        Message.objects.create(
            person=rosa,
            topic="reminder",
            route=route,
            format=MessageFormat.LARGE_PRINT,
            subject="Reminder: bus stop workshop",
            body="The workshop is tomorrow.",
            status=status,
        )


MESSAGE_PAGES = {
    "communications:messages",
    "communications:post_to_send",
    "communications:post_batch",
    "communications:calls",
}


def object_kwargs(url_name: str, world: World) -> dict[str, Any] | None:
    if url_name in MESSAGE_PAGES:
        some_messages(world)
        return {}
    if url_name == "communications:contact_preferences_for":
        some_messages(world)
        return {"person_id": world.person.pk}
    if url_name == "communications:format_request_update":
        return {"pk": _a_format_request(world).pk}
    if url_name in {"communications:format_requests", "communications:my_format_requests"}:
        _a_format_request(world)
        return {}
    if url_name.startswith("communications:"):
        return {}
    return None


def tick_every_preference_and_save(page: Page) -> None:
    for box in page.locator("main input[type=checkbox]").all():
        box.check()
    submit_empty_form(page)


def check_readability(page: Page) -> None:
    page.locator("main form button[name=check_readability]").click()
    page.wait_for_load_state()


def fill_summary_and_check(page: Page) -> None:
    page.locator("main textarea[name=summary]").fill(
        "Buses should stop closer to the hospital. Many people cannot walk far, "
        "and the stop is a long way from the door."
    )
    check_readability(page)


def choose_plain_text_and_save(page: Page) -> None:
    page.locator("main input[name=message_format][value=plain_text]").check()
    page.locator("main input[name=refused][value=no_post]").check()
    submit_empty_form(page)


STATE_VISITS: tuple[Visit, ...] = (
    # Every preference at once, after saving: the page with the success banner, in the combined look.
    Visit("communications:display", None, state="all-preferences", action=tick_every_preference_and_save),
    # The readability panels on the activity form (the panel is this app's; the form is involvement's).
    Visit(
        "involvement:activity_edit",
        "amina",
        kwargs=lambda world: {"pk": world.activity.pk},
        state="readability-checked",
        action=check_readability,
    ),
    # The request form sent empty, signed out: every error at once.
    Visit("communications:format_request", None, state="errors", action=submit_empty_form),
    # The readability panels on the form that suggests a project (the form is projects').
    Visit("projects:propose", "dev", state="readability-checked", action=fill_summary_and_check),
    # How we contact you, after saving every refusal and a format.
    Visit("communications:my_contact_preferences", "grace", state="saved", action=choose_plain_text_and_save),
)
