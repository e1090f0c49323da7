"""What the service tests share: the tasks they queued, and a new activity to save."""

from datetime import datetime
from typing import Any

from django_tasks_db.models import DBTaskResult

from coproduce.involvement.choices import ActivityFormat
from coproduce.involvement.models import Activity, Registration
from coproduce.involvement.tests.factories import RegistrationFactory, in_days
from coproduce.model import LadderRung
from coproduce.projects.models import Project


def queued(task_name: str) -> list[dict[str, Any]]:
    """The keyword arguments of each queued run of the task named ``task_name``, oldest first."""
    return [
        result.args_kwargs["kwargs"]
        for result in DBTaskResult.objects.filter(task_path__endswith=f".{task_name}").order_by("enqueued_at")
    ]


def run_after(task_name: str) -> list[datetime]:
    return [
        result.run_after
        for result in DBTaskResult.objects.filter(task_path__endswith=f".{task_name}").order_by("enqueued_at")
    ]


def new_activity(project: Project, **fields: Any) -> Activity:
    values: dict[str, Any] = {
        "project": project,
        "stage": "design",
        "kind": "workshop",
        "title": "Bus stop design workshop",
        "description": "We plan the new bus stops together.",
        "format": ActivityFormat.IN_PERSON,
        "starts_at": in_days(14),
        "ends_at": in_days(14, hour=12),
        "planned_rung": LadderRung.CO_DESIGN,
    }
    values.update(fields)
    return Activity(**values)


def full_workshop(workshop: Activity) -> list[Registration]:
    return RegistrationFactory.create_batch(2, activity=workshop)
