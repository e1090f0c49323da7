"""Two people taking the last place at the same moment: only one gets it, the other waits.

This needs a database where two transactions really run at once. SQLite runs one write transaction
at a time (our settings open every transaction IMMEDIATE), so the race cannot happen there and the
test is skipped; the suite's PostgreSQL run exercises the row lock in `register`.
"""

import threading

import pytest
from django.db import connection, connections

from coproduce.accounts.models import User
from coproduce.involvement.choices import RegistrationStatus
from coproduce.involvement.models import Registration
from coproduce.involvement.services.registrations import register, withdraw
from coproduce.involvement.tests.factories import ActivityFactory, RegistrationFactory
from coproduce.projects.models import Project

pytestmark = pytest.mark.django_db(transaction=True)

SQLITE_REASON = (
    "SQLite runs one write transaction at a time, so two registrations cannot overlap; "
    "the row lock is tested on PostgreSQL (scripts/with-postgres.sh)."
)


def at_the_same_moment(*actions) -> list[BaseException]:
    """Run each action in its own thread and database connection, all released together."""
    start = threading.Barrier(len(actions))
    problems: list[BaseException] = []

    def run(action) -> None:
        try:
            start.wait()
            action()
        except BaseException as problem:  # reported to the test below
            problems.append(problem)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return problems


@pytest.mark.parametrize("attempt", range(5))
def test_register_gives_the_last_place_to_only_one_of_two_people(
    dev: User, grace: User, bus_stops: Project, attempt: int
) -> None:
    if connection.vendor == "sqlite":
        pytest.skip(SQLITE_REASON)
    activity = ActivityFactory.create(project=bus_stops, capacity=1)

    problems = at_the_same_moment(
        lambda: register(activity, person=dev.person, by=dev),
        lambda: register(activity, person=grace.person, by=grace),
    )

    assert problems == []
    statuses = sorted(Registration.objects.filter(activity=activity).values_list("status", flat=True))
    assert statuses == [RegistrationStatus.REGISTERED, RegistrationStatus.WAITING]


def test_withdraw_and_register_at_once_never_overfill_the_activity(
    dev: User, grace: User, tom: User, bus_stops: Project
) -> None:
    if connection.vendor == "sqlite":
        pytest.skip(SQLITE_REASON)
    activity = ActivityFactory.create(project=bus_stops, capacity=1)
    devs = RegistrationFactory.create(activity=activity, person=dev.person)
    RegistrationFactory.create(activity=activity, person=grace.person, status=RegistrationStatus.WAITING)

    problems = at_the_same_moment(
        lambda: withdraw(devs, by=dev),
        lambda: register(activity, person=tom.person, by=tom),
    )

    assert problems == []
    assert activity.registrations.registered().count() == 1
    assert Registration.objects.get(person=grace.person).status == RegistrationStatus.REGISTERED
    assert Registration.objects.get(person=tom.person).status == RegistrationStatus.WAITING
