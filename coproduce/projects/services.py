"""Creating projects and moving them through the four stages."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.model import Stage
from coproduce.people.models import Person
from coproduce.projects.models import Membership, Project, ProjectRole
from coproduce.projects.permissions import can_advance_project, can_create_project
from coproduce.projects.tasks import tell_members_about_stage


class StageChangeRefused(Exception):
    """A stage change that the model of co-production does not allow, explained for the person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@transaction.atomic
def create_project(
    project: Project, *, by: User, co_lead: Person | None, staff_lead: Person | None, champion: Person | None
) -> Project:
    """Save a new project at the design stage with its named leads.

    Effects: creates the Project and a Membership for each named person, records an audit event.
    Raises PermissionDenied if ``by`` may not create projects.
    """
    if not can_create_project(by):
        raise PermissionDenied
    project.created_by = by
    project.stage = Stage.DESIGN
    project.save()
    for person, role in (
        (co_lead, ProjectRole.CO_LEAD),
        (staff_lead, ProjectRole.STAFF_LEAD),
        (champion, ProjectRole.CHAMPION),
    ):
        if person is not None:
            Membership.objects.create(project=project, person=person, role=role)
    record_event(actor=by, action="project.created", target=project, payload={"stage": project.stage})
    return project


@transaction.atomic
def advance_stage(project: Project, *, to: Stage, by: User) -> Project:
    """Move ``project`` on to the stage ``to``, which must be the one straight after its current stage.

    Effects: updates the stage and its date, records an audit event, and queues an email to each
    project member who has an email address. Raises PermissionDenied if ``by`` may not move this
    project, and StageChangeRefused if ``to`` is not the next stage (including when someone else
    has moved the project on since the person looked).
    """
    if not can_advance_project(by, project):
        raise PermissionDenied
    # Lock the row so that two people moving the project at once cannot skip a stage between them.
    locked = Project.objects.select_for_update().get(pk=project.pk)
    current = Stage(locked.stage)
    expected = locked.next_stage
    if expected is None:
        raise StageChangeRefused(f"This project is at its last stage, {current.label.lower()}. It cannot move on.")
    if to == current:
        raise StageChangeRefused(
            f"This project is already at the {current.label.lower()} stage. Someone else may have moved it on."
        )
    if to != expected:
        raise StageChangeRefused(
            f"A project moves one stage at a time. This project is at {current.label.lower()}, "
            f"so it can only move to {expected.label.lower()} next."
        )
    locked.stage = to
    locked.stage_changed_at = timezone.now()
    locked.save(update_fields=["stage", "stage_changed_at"])
    record_event(
        actor=by, action="project.stage_advanced", target=locked, payload={"from": current.value, "to": to.value}
    )
    transaction.on_commit(lambda: tell_members_about_stage.enqueue(project_id=locked.pk, stage=to.value))
    return locked
