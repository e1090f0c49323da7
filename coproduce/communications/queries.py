"""Reading a person's saved display preferences."""

from datetime import date

from django.db.models import BooleanField, Case, Value, When

from coproduce.accounts.models import Role, User
from coproduce.communications.choices import CLOSED_STATUSES
from coproduce.communications.models import DisplayPreferences, FormatRequest
from coproduce.communications.preferences import Preferences
from coproduce.people.models import Person


def saved_preferences(user: User) -> Preferences | None:
    """What ``user`` chose, or None if they have never saved any (then the cookie applies)."""
    saved = DisplayPreferences.objects.filter(user=user).first()
    return saved.to_preferences() if saved is not None else None


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


def coordinator_emails() -> list[str]:
    return list(
        User.objects.filter(role__in=[Role.COORDINATOR, Role.ADMIN], is_active=True)
        .exclude(email="")
        .order_by("email")
        .values_list("email", flat=True)
    )
