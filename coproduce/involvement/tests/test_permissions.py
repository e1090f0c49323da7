"""Who may see activities, register, withdraw and run them."""

import pytest
from django.contrib.auth.models import AnonymousUser

from coproduce.accounts.models import Role, User
from coproduce.accounts.tests.factories import UserFactory
from coproduce.involvement.models import Activity
from coproduce.involvement.permissions import (
    can_manage_activities,
    can_register,
    can_view_activity,
    can_withdraw_registration,
)
from coproduce.involvement.tests.factories import ActivityFactory, RegistrationFactory
from coproduce.projects.models import Project

pytestmark = pytest.mark.django_db


def test_an_open_activity_is_visible_to_everyone_including_people_signed_out(tom: User, workshop: Activity) -> None:
    assert can_view_activity(AnonymousUser(), workshop)
    assert can_view_activity(tom, workshop)


@pytest.mark.parametrize(
    ("persona", "allowed"),
    [
        ("amina", True),
        ("sam", True),
        ("morgan", True),
        ("dev", True),
        ("grace", True),
        ("tom", False),
        ("priya", False),
    ],
)
def test_an_activity_not_open_is_visible_to_staff_and_the_project_group(
    request: pytest.FixtureRequest, bus_stops: Project, persona: str, allowed: bool
) -> None:
    activity = ActivityFactory.create(project=bus_stops, is_open=False)

    assert can_view_activity(request.getfixturevalue(persona), activity) is allowed
    assert not can_view_activity(AnonymousUser(), activity)


def test_an_activity_not_open_is_visible_to_the_people_registered_for_it(tom: User) -> None:
    activity = ActivityFactory.create(is_open=False)
    RegistrationFactory.create(activity=activity, person=tom.person)

    assert can_view_activity(tom, activity)


def test_only_people_signed_in_with_a_record_of_their_own_can_register(dev: User) -> None:
    assert can_register(dev)
    assert not can_register(AnonymousUser())
    assert not can_register(UserFactory.create(role=Role.MEMBER))


def test_people_withdraw_their_own_registration_and_coordinators_anyones(
    amina: User, morgan: User, dev: User, grace: User, sam: User, workshop: Activity
) -> None:
    devs = RegistrationFactory.create(activity=workshop, person=dev.person)

    assert [can_withdraw_registration(user, devs) for user in (dev, amina, morgan, grace, sam)] == [
        True,
        True,
        True,
        False,
        False,
    ]


@pytest.mark.parametrize(
    ("persona", "allowed"),
    [("amina", True), ("morgan", True), ("sam", False), ("dev", False), ("tom", False), ("priya", False)],
)
def test_only_coordinators_and_admins_run_activities(
    request: pytest.FixtureRequest, persona: str, allowed: bool
) -> None:
    assert can_manage_activities(request.getfixturevalue(persona)) is allowed
