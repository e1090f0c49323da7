"""What the service tests share: a new project, a project put at a stage, and counts of what was written."""

from datetime import UTC, datetime

from coproduce.audit.models import AuditEvent
from coproduce.projects.models import (
    Lifecycle,
    Membership,
    Project,
    StageChange,
)

LONG_AGO = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
NOT_COORDINATORS = ["dev", "grace", "tom", "priya", "sam"]
# Why a project moves on before anyone with lived experience took part at its stage (projects.readiness).
REASON = "The group meets next month; we are moving on so the bus company can start."


def new_project(**fields: str) -> Project:
    values = {"title": "Easy Read letters", "summary": "Letters that everyone can read."}
    values.update(fields)
    return Project(**values)


def at_stage(project: Project, stage: Lifecycle) -> Project:
    Project.objects.filter(pk=project.pk).update(stage=stage, stage_changed_at=LONG_AGO)
    project.refresh_from_db()
    return project


def counts() -> tuple[int, int, int, int]:
    return (
        Project.objects.count(),
        Membership.objects.count(),
        StageChange.objects.count(),
        AuditEvent.objects.count(),
    )
