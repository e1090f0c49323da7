"""Writes for concerns: raised named or anonymously, answered by a coordinator.

Every function checks permission again (views check first), runs in one transaction and records
an audit event. Refusals a person can fix raise ``Refused`` with a message for each field.
"""

from django.db import transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.decisions import permissions
from coproduce.decisions.choices import ConcernStatus
from coproduce.decisions.models import Concern, ProjectGroup
from coproduce.decisions.tasks import tell_person_concern_answered
from coproduce.http import require
from coproduce.people.models import Person
from coproduce.projects.models import Project


@transaction.atomic
def raise_concern(
    project: Project,
    *,
    text: str,
    anonymous: bool,
    by: User,
    group: ProjectGroup | None = None,
) -> Concern:
    """Raise a concern about how a project or group is working.

    Named: linked to the person, who is told the outcome, and recorded in the audit trail. Anonymous:
    nothing links it to anyone: no person and a date, not a time. Nor is there an audit event: even
    one without an actor carries the exact time, which could be matched with that person's sign-in
    or other events. The concern itself (kept for good) is the record that it was raised.
    """
    require(permissions.can_raise_concern(by))
    person = Person.objects.get(user=by)
    concern = Concern.objects.create(
        project=project,
        group=group if group is not None and group.project_id == project.pk else None,
        text=text.strip(),
        is_anonymous=anonymous,
        raised_by=None if anonymous else person,
        raised_on=timezone.localdate(),
    )
    if not anonymous:
        record_event(actor=by, action="decisions.concern_raised", target=concern, payload={"project": project.pk})
    return concern


@transaction.atomic
def answer_concern(concern: Concern, *, response: str, by: User) -> Concern:
    """A coordinator answers a concern. Effects: audit event; the named person is emailed (worker)."""
    require(permissions.can_handle_concerns(by))
    concern.response = response.strip()
    concern.status = ConcernStatus.ANSWERED
    concern.responded_by = by
    concern.responded_at = timezone.now()
    concern.save(update_fields=["response", "status", "responded_by", "responded_at"])
    record_event(actor=by, action="decisions.concern_answered", target=concern)
    if not concern.is_anonymous:
        transaction.on_commit(lambda: tell_person_concern_answered.enqueue(concern_id=concern.pk))
    return concern
