"""Reading display preferences, format requests, messages and contact preferences."""

from datetime import date

from django.contrib.auth.models import AnonymousUser
from django.db.models import BooleanField, Case, Count, IntegerField, QuerySet, Value, When

from coproduce.accounts.models import Role, User
from coproduce.communications.choices import CLOSED_STATUSES, NEEDS_ATTENTION, MessageFormat, MessageStatus
from coproduce.communications.messaging import format_for
from coproduce.communications.models import ContactPreferences, DisplayPreferences, FormatRequest, Message
from coproduce.communications.preferences import Preferences
from coproduce.people.models import Person


def saved_preferences(user: User) -> Preferences | None:
    """What ``user`` chose, or None if they have never saved any (then the cookie applies)."""
    saved = DisplayPreferences.objects.filter(user=user).first()
    return saved.to_preferences() if saved is not None else None


def prefers_easy_read(user: User | AnonymousUser) -> bool:
    """Whether the person signed in reads Easy Read: the format they chose, else their access needs."""
    if not user.is_authenticated:
        return False
    person = Person.objects.filter(user=user).first()
    return person is not None and format_for(person) == MessageFormat.EASY_READ


# On a page with an Easy Read version, ?version=standard shows a person who reads Easy Read the standard one.
STANDARD_VERSION = "standard"


def shows_easy_read(user: User | AnonymousUser, version: str | None) -> bool:
    """Whether a page with an Easy Read version shows it to ``user``: they read Easy Read, and did not ask
    for the standard version of this page (``version``, the page's ``?version=``)."""
    return version != STANDARD_VERSION and prefers_easy_read(user)


def format_requests_to_handle(today: date) -> list[FormatRequest]:
    """Open and in-hand requests, the most overdue first, each with ``is_overdue``. One query."""
    return list(
        FormatRequest.objects.exclude(status__in=CLOSED_STATUSES)
        .select_related("person", "handled_by")
        .annotate(
            is_overdue=Case(When(due_on__lt=today, then=Value(True)), default=Value(False), output_field=BooleanField())
        )
        .order_by("due_on", "requested_at", "id")
    )


def recently_closed_format_requests(limit: int = 20) -> list[FormatRequest]:
    return list(
        FormatRequest.objects.filter(status__in=CLOSED_STATUSES)
        .select_related("person", "handled_by")
        .order_by("-done_on", "-id")[:limit]
    )


def format_requests_of(person: Person) -> list[FormatRequest]:
    return list(FormatRequest.objects.filter(person=person).order_by("-requested_at", "-id"))


def coordinators() -> list[User]:
    """Active coordinators and admins, who handle format requests and the annual review."""
    return list(User.objects.filter(role__in=[Role.COORDINATOR, Role.ADMIN], is_active=True).order_by("email"))


# --- Messages ---------------------------------------------------------------------------------


def _attention_first() -> Case:
    """0 for messages a coordinator must act on (failed, retrying, not sent, to call), then the rest."""
    return Case(
        When(status=MessageStatus.FAILED, then=Value(0)),
        When(status=MessageStatus.NOT_SENT, then=Value(1)),
        When(status=MessageStatus.TO_CALL, then=Value(2)),
        When(status=MessageStatus.RETRYING, then=Value(3)),
        default=Value(9),
        output_field=IntegerField(),
    )


def messages_for_coordinators(*, status: str = "", route: str = "") -> QuerySet[Message]:
    """Messages with their person, those that need action first, then the newest. Filter by status or route."""
    messages = Message.objects.select_related("person")
    if status == "attention":
        messages = messages.filter(status__in=NEEDS_ATTENTION)
    elif status:
        messages = messages.filter(status=status)
    if route:
        messages = messages.filter(route=route)
    return messages.annotate(priority=_attention_first()).order_by("priority", "-created_at", "-id")


def message_status_counts() -> dict[str, int]:
    """How many messages have each status. One query."""
    counts = dict.fromkeys(MessageStatus.values, 0)
    for row in Message.objects.values("status").annotate(total=Count("id")).order_by():
        counts[row["status"]] = row["total"]
    return counts


def letters_waiting() -> list[Message]:
    return list(
        Message.objects.filter(status=MessageStatus.WAITING_FOR_POST)
        .select_related("person")
        .order_by("created_at", "id")
    )


def calls_to_make() -> list[Message]:
    return list(
        Message.objects.filter(status=MessageStatus.TO_CALL).select_related("person").order_by("created_at", "id")
    )


def recent_messages_to(person: Person, limit: int = 20) -> list[Message]:
    return list(Message.objects.filter(person=person).order_by("-created_at", "-id")[:limit])


def contact_preferences_of(person: Person) -> ContactPreferences:
    found = ContactPreferences.objects.filter(person=person).first()
    return found if found is not None else ContactPreferences(person=person)
