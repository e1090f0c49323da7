"""What the page tests share: pictures to upload, dates as typed, an activity form filled in."""

from collections.abc import Callable
from datetime import datetime
from io import BytesIO
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from PIL import Image

from coproduce.accounts.models import User
from coproduce.involvement.models import Activity
from coproduce.involvement.tests.factories import in_days
from coproduce.projects.models import Project

ClientFor = Callable[[User], Client]

ERROR_SUMMARY = '<h2 class="govuk-error-summary__title">There is a problem</h2>'
# The most queries a list page may make, however many activities or people there are.
LIST_MAX_QUERIES = 6
# The roster also records that it was seen (an audit event) and reads people, needs and arrangements.
ROSTER_MAX_QUERIES = 10


def png(name: str = "bus.png") -> SimpleUploadedFile:
    buffer = BytesIO()
    Image.new("RGB", (8, 8), "teal").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def with_picture(activity: Activity) -> Activity:
    activity.easy_read_image.save("bus.png", png(), save=False)
    activity.easy_read_image_alt = "A bus stop with a ramp"
    activity.easy_read_summary = "We will talk about bus stops.\nYou can say what you think."
    activity.save()
    return activity


def date_parts(name: str, moment: datetime, time_text: str) -> dict[str, str]:
    local = timezone.localtime(moment)
    return {
        f"{name}_day": str(local.day),
        f"{name}_month": str(local.month),
        f"{name}_year": str(local.year),
        f"{name}_time": time_text,
    }


def activity_data(project: Project, **overrides: Any) -> dict[str, Any]:
    start = in_days(14)
    data: dict[str, Any] = {
        "project": project.pk,
        "title": "Bus stop design workshop",
        "kind": "workshop",
        "stage": "design",
        "description": "We plan the new bus stops together.",
        "easy_read_summary": "",
        "easy_read_image_alt": "",
        "format": "in_person",
        **date_parts("starts_at", start, "10am"),
        **date_parts("ends_at", start, "12:30pm"),
        "venue": "Riverside Community Centre",
        "venue_access": "Step-free entrance",
        "capacity": "12",
        "planned_rung": "co_design",
        "channels": ["email_list", "partner_organisations"],
        "targeted_groups": "Young carers",
    }
    data.update(overrides)
    return data
