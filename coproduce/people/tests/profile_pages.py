"""Helpers for the profile page tests: form data, kept access needs, and a count of the rows the pages write."""

from collections.abc import Callable
from typing import Any

from django.test import Client

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.people.models import (
    AccessNeed,
    AccessProfile,
    Consent,
    ConsentMethod,
    Need,
    Person,
)
from coproduce.people.services.profile import AccessDetails, save_access_needs

ClientFor = Callable[[User], Client]


def rows() -> tuple[int, int, int, int, int]:
    """Counts of every kind of row these pages write, to show that bad input writes nothing."""
    return (
        Consent.objects.count(),
        AccessProfile.objects.count(),
        AccessNeed.objects.count(),
        AuditEvent.objects.count(),
        Person.objects.exclude(pronouns="").count(),
    )


def contact_data(**fields: str) -> dict[str, str]:
    data = {
        "preferred_name": "Dev",
        "pronouns": "he/him",
        "email": "dev.patel@example.org",
        "phone": "01632 960111",
        "postal_address": "1 High Street\nRiverside",
        "contact_route": "email",
        "supporter_name": "",
        "supporter_contact": "",
    }
    data.update(fields)
    return data


def needs_data(**fields: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "needs_format": [],
        "large_print_size": "",
        "needs_communication": [],
        "language": "",
        "interpreter_language": "",
        "needs_practical": [],
        "dietary_details": "",
        "needs_timing": [],
        "papers_days_before": "",
        "time_of_day": "",
        "other_needs": "",
    }
    data.update(fields)
    return data


def keep_needs(person: Person, by: User, *needs: Need, **details: Any) -> AccessProfile:
    method = ConsentMethod.ONLINE if person.user_id == by.pk else ConsentMethod.PHONE
    return save_access_needs(
        person, needs=list(needs), details=AccessDetails(**details), by=by, method=method, agreed=True
    )
