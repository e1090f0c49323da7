"""Writes for agenda items: proposed by a group member, accepted for a meeting, discussed or not taken.

Every function checks permission again (views check first), runs in one transaction and records
an audit event. Refusals a person can fix raise ``Refused`` with a message for each field.
"""

from django.db import transaction

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.decisions import permissions
from coproduce.decisions.choices import AgendaStatus
from coproduce.decisions.models import AgendaItem, ProjectGroup
from coproduce.decisions.queries import next_meeting
from coproduce.http import require
from coproduce.involvement.models import Activity
from coproduce.people.models import Person
from coproduce.refusals import Refused


@transaction.atomic
def propose_agenda_item(group: ProjectGroup, *, title: str, details: str, by: User) -> AgendaItem:
    """A group member asks for something to be talked about. It is put with the next meeting, if one
    is planned, or waits in the group's queue. Effects: audit event."""
    require(permissions.can_propose_agenda_item(by, group))
    item = AgendaItem.objects.create(
        group=group,
        title=title.strip(),
        details=details.strip(),
        proposed_by=Person.objects.get(user=by),
        meeting=next_meeting(group.project),
    )
    record_event(actor=by, action="decisions.agenda_item_proposed", target=item, payload={"group": group.pk})
    return item


@transaction.atomic
def set_agenda_status(
    item: AgendaItem, *, status: AgendaStatus | str, by: User, meeting: Activity | None = None, reason: str = ""
) -> AgendaItem:
    """Accept an item for a meeting, mark it discussed, or say why it is not taken. Effects: audit event."""
    require(permissions.can_manage_agenda(by, item.group))
    if status == AgendaStatus.ACCEPTED and meeting is None:
        raise Refused("Choose the meeting it will be discussed at", field="meeting")
    if status == AgendaStatus.NOT_TAKEN and not reason.strip():
        raise Refused("Say why it will not be discussed", field="reason")
    if meeting is not None and meeting.project_id != item.group.project_id:
        raise Refused("Choose a meeting of this project", field="meeting")
    item.status = status
    item.meeting = meeting if meeting is not None else item.meeting
    item.reason = reason.strip()
    item.save(update_fields=["status", "meeting", "reason"])
    record_event(actor=by, action="decisions.agenda_item_updated", target=item, payload={"status": str(status)})
    return item
