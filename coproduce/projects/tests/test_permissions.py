"""Who may propose, decide about ideas, assess, approve designs and change project groups."""

import pytest

from coproduce.accounts.models import Role, User
from coproduce.accounts.tests.factories import UserFactory
from coproduce.projects.models import Project
from coproduce.projects.permissions import (
    can_approve_design,
    can_assess_project,
    can_decide_intake,
    can_manage_project_group,
    can_propose_project,
)
from coproduce.projects.tests.factories import ProjectFactory

EVERYONE = ["amina", "dev", "grace", "tom", "priya", "sam", "morgan"]
COORDINATORS = {"amina", "morgan"}


@pytest.mark.parametrize("persona", EVERYONE)
def test_can_propose_project_for_everyone_with_a_record(request: pytest.FixtureRequest, persona: str) -> None:
    assert can_propose_project(request.getfixturevalue(persona)) is True


def test_can_propose_project_not_without_a_record(db: None) -> None:
    assert can_propose_project(UserFactory.create(role=Role.MEMBER)) is False


def test_can_propose_project_not_when_the_sign_in_is_switched_off(dev: User) -> None:
    dev.is_active = False

    assert can_propose_project(dev) is False


@pytest.mark.parametrize("persona", EVERYONE)
def test_only_coordinators_and_admins_decide_intake_approve_designs_and_change_groups(
    request: pytest.FixtureRequest, persona: str
) -> None:
    user = request.getfixturevalue(persona)
    expected = persona in COORDINATORS

    assert (can_decide_intake(user), can_approve_design(user), can_manage_project_group(user)) == (
        expected,
        expected,
        expected,
    )


@pytest.mark.parametrize("persona", EVERYONE)
def test_can_assess_project_for_coordinators_and_its_co_lead(
    request: pytest.FixtureRequest, bus_stops: Project, persona: str
) -> None:
    user = request.getfixturevalue(persona)

    assert can_assess_project(user, bus_stops) is (persona in COORDINATORS | {"dev"})


def test_can_assess_project_not_for_a_co_lead_of_another_project(dev: User, bus_stops: Project) -> None:
    assert can_assess_project(dev, ProjectFactory.create()) is False
