"""Writes for project groups: starting one, its seats (with the lived experience share), its ground rules.

Every function checks permission again (views check first), runs in one transaction and records
an audit event. Refusals a person can fix raise ``Refused`` with a message for each field.
"""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.decisions import permissions
from coproduce.decisions.choices import LIVED_EXPERIENCE_KINDS, GroupKind, GroupRole
from coproduce.decisions.conf import min_member_share
from coproduce.decisions.models import GroupMember, ProjectGroup
from coproduce.decisions.queries import lived_experience_share
from coproduce.http import require
from coproduce.people.models import Person
from coproduce.projects.models import Project
from coproduce.refusals import Refused


@transaction.atomic
def create_group(
    project: Project,
    *,
    name: str,
    kind: GroupKind | str,
    by: User,
    min_share: Decimal | None = None,
    members_can_propose: bool = True,
) -> ProjectGroup:
    """Start a group for a project. Effects: creates the group, records an audit event."""
    require(permissions.can_manage_decisions(by, project))
    if ProjectGroup.objects.filter(project=project, name=name).exists():
        raise Refused("This project already has a group with that name", field="name")
    group = ProjectGroup.objects.create(
        project=project,
        name=name,
        kind=kind,
        min_member_share=min_member_share() if min_share is None else min_share,
        members_can_propose=members_can_propose,
        created_by=by,
    )
    record_event(actor=by, action="decisions.group_created", target=group, payload={"project": project.pk})
    return group


@transaction.atomic
def add_group_member(group: ProjectGroup, *, person: Person, role: GroupRole | str, by: User) -> GroupMember:
    """Give ``person`` a seat in the group.

    Refused when they already have one, or when a seat for someone without lived experience would
    take the share of member seats below the group's minimum. Effects: creates the seat, audit event.
    """
    require(permissions.can_manage_group(by, group))
    # Lock the group so that two seats added at once cannot both slip under the minimum.
    ProjectGroup.objects.select_for_update(of=("self",)).filter(pk=group.pk).first()
    if group.members.filter(person=person).exists():
        raise Refused(f"{person.full_name} is already in this group", field="person")
    if group.min_member_share > 0 and person.kind not in LIVED_EXPERIENCE_KINDS:
        lived, seats = lived_experience_share(group, adding=person)
        if Decimal(lived) < group.min_member_share * seats:
            percent = int(group.min_member_share * 100)
            raise Refused(
                f"At least {percent}% of seats must be held by people with lived experience. "
                "Add a member or carer first",
                field="person",
            )
    member = GroupMember.objects.create(group=group, person=person, role=role)
    record_event(
        actor=by, action="decisions.group_member_added", target=group, payload={"person": person.pk, "role": role}
    )
    return member


@transaction.atomic
def update_ground_rules(group: ProjectGroup, *, text: str, by: User) -> ProjectGroup:
    """Record the group's agreed ground rules, with who changed them and when. Effects: audit event."""
    require(permissions.can_edit_ground_rules(by, group))
    group.ground_rules = text.strip()
    group.ground_rules_changed_by = by
    group.ground_rules_changed_at = timezone.now()
    group.save(update_fields=["ground_rules", "ground_rules_changed_by", "ground_rules_changed_at"])
    record_event(actor=by, action="decisions.ground_rules_changed", target=group)
    return group
