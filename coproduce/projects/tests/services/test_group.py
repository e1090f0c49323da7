"""The project group."""

import pytest
from django.core.exceptions import PermissionDenied

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.people.tests.factories import PersonFactory
from coproduce.projects.models import Lifecycle, Membership, Project, ProjectRole
from coproduce.projects.services import GroupChangeRefused, accept_idea, add_to_project_group, advance_stage
from coproduce.projects.tests.factories import IdeaFactory
from coproduce.projects.tests.services.helpers import NOT_COORDINATORS, REASON

# --- add_to_project_group ------------------------------------------------------------------


def test_add_to_project_group_gives_the_person_the_role(amina: User, tom: User, bus_stops: Project) -> None:
    membership = add_to_project_group(bus_stops, person=tom.person, role=ProjectRole.CHAMPION, by=amina)

    assert (membership.project, membership.person, membership.role) == (bus_stops, tom.person, ProjectRole.CHAMPION)
    event = AuditEvent.objects.get(action="projects.group_member_added")
    assert (event.actor, event.target_id, event.payload) == (amina, str(bus_stops.pk), {"role": "champion"})


def test_add_to_project_group_makes_a_proposer_co_lead_so_the_idea_can_move_to_design(amina: User, dev: User) -> None:
    idea = IdeaFactory.create(proposed_by=dev.person)
    accept_idea(idea, by=amina)

    add_to_project_group(idea, person=dev.person, role=ProjectRole.CO_LEAD, by=amina)
    advance_stage(idea, to=Lifecycle.DESIGN, by=dev, reason=REASON)

    idea.refresh_from_db()
    assert idea.stage == Lifecycle.DESIGN


def test_add_to_project_group_refuses_a_co_lead_without_lived_experience(
    amina: User, tom: User, bus_stops: Project
) -> None:
    with pytest.raises(GroupChangeRefused) as refusal:
        add_to_project_group(bus_stops, person=tom.person, role=ProjectRole.CO_LEAD, by=amina)

    assert refusal.value.message == "A co-lead must be a member or a carer, with lived experience."
    assert Membership.objects.filter(person=tom.person).exists() is False


def test_add_to_project_group_refuses_a_role_the_person_already_has(
    amina: User, grace: User, bus_stops: Project
) -> None:
    with pytest.raises(GroupChangeRefused) as refusal:
        add_to_project_group(bus_stops, person=grace.person, role=ProjectRole.MEMBER, by=amina)

    assert refusal.value.message == "Grace already has this role in the project group."
    assert Membership.objects.filter(person=grace.person).count() == 1


@pytest.mark.parametrize("persona", NOT_COORDINATORS)
def test_add_to_project_group_is_refused_to_anyone_but_coordinators(
    request: pytest.FixtureRequest, bus_stops: Project, persona: str
) -> None:
    by = request.getfixturevalue(persona)
    newcomer = PersonFactory.create()

    with pytest.raises(PermissionDenied):
        add_to_project_group(bus_stops, person=newcomer, role=ProjectRole.MEMBER, by=by)

    assert Membership.objects.filter(person=newcomer).exists() is False
