"""Reads across models: the "Get involved" list, the roster with access needs, and the papers warning."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.involvement.choices import ActivityFormat, ArrangementStatus, RegistrationStatus
from coproduce.involvement.models import Activity, NeedArrangement
from coproduce.involvement.queries import (
    open_opportunities,
    papers_warning,
    roster,
    uses_easy_read,
    waiting_position,
)
from coproduce.involvement.tests.factories import ActivityFactory, RegistrationFactory, give_needs, in_days
from coproduce.people.models import Need
from coproduce.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def titles(activities) -> list[str]:
    return [activity.title for activity in activities]


def test_open_opportunities_lists_open_activities_that_have_not_started_soonest_first() -> None:
    ActivityFactory.create(title="Later", starts_at=in_days(20), ends_at=in_days(20, hour=12))
    ActivityFactory.create(title="Sooner", starts_at=in_days(3), ends_at=in_days(3, hour=12))
    ActivityFactory.create(title="Not open", is_open=False)
    ActivityFactory.create(title="Started", starts_at=in_days(-1), ends_at=in_days(1))

    assert titles(open_opportunities()) == ["Sooner", "Later"]


def test_open_opportunities_filters_by_stage_format_and_time() -> None:
    ActivityFactory.create(title="Design, in person, soon", starts_at=in_days(3), ends_at=in_days(3, hour=12))
    ActivityFactory.create(title="Evaluation", stage="evaluation", starts_at=in_days(3), ends_at=in_days(3, hour=12))
    ActivityFactory.create(title="Online", format=ActivityFormat.ONLINE, starts_at=in_days(3), ends_at=in_days(3, 12))
    ActivityFactory.create(title="Far off", starts_at=in_days(60), ends_at=in_days(60, hour=12))

    assert titles(open_opportunities(stage="evaluation")) == ["Evaluation"]
    assert titles(open_opportunities(activity_format="online")) == ["Online"]
    assert "Far off" not in titles(open_opportunities(within_days=30))
    assert titles(open_opportunities(stage="design", activity_format="in_person", within_days=7)) == [
        "Design, in person, soon"
    ]


def test_open_opportunities_counts_places_taken_and_people_waiting(workshop: Activity) -> None:
    RegistrationFactory.create_batch(2, activity=workshop)
    RegistrationFactory.create(activity=workshop, status=RegistrationStatus.WAITING)
    RegistrationFactory.create(activity=workshop, status=RegistrationStatus.WITHDRAWN)
    RegistrationFactory.create(activity=workshop, status=RegistrationStatus.INTERESTED)

    activity = vars(open_opportunities().get())

    assert (activity["registered_count"], activity["waiting_count"]) == (2, 1)


def test_roster_groups_people_and_leaves_out_those_who_withdrew(workshop: Activity) -> None:
    registered = RegistrationFactory.create(activity=workshop, person=PersonFactory.create(full_name="Ann"))
    waiting = RegistrationFactory.create(activity=workshop, status=RegistrationStatus.WAITING)
    interested = RegistrationFactory.create(activity=workshop, status=RegistrationStatus.INTERESTED)
    RegistrationFactory.create(activity=workshop, status=RegistrationStatus.WITHDRAWN)

    people = roster(workshop)

    assert [entry.registration for entry in people.registered] == [registered]
    assert [entry.registration for entry in people.waiting] == [waiting]
    assert [entry.registration for entry in people.interested] == [interested]


def test_roster_shows_each_need_with_its_details_and_how_it_is_met(amina: User, dev: User, workshop: Activity) -> None:
    give_needs(
        dev.person,
        Need.EASY_READ,
        Need.LARGE_PRINT,
        Need.DIETARY,
        large_print_size=18,
        dietary_details="Vegan",
        other="Please face me when you speak.",
    )
    registration = RegistrationFactory.create(activity=workshop, person=dev.person)
    NeedArrangement.objects.create(
        registration=registration,
        need="large_print",
        status=ArrangementStatus.CANNOT_BE_MET,
        reason="Our printer is broken.",
        updated_by=amina,
    )

    entry = roster(workshop).registered[0]

    assert entry.has_told_us is True
    assert [(line.label, line.detail, line.status_label, line.reason) for line in entry.needs] == [
        ("Dietary needs", "Vegan", "Not looked at yet", ""),
        ("Easy Read", "", "Not looked at yet", ""),
        ("Large print", "18 point", "Cannot be met", "Our printer is broken."),
        ("Other needs they told us about", "Please face me when you speak.", "Not looked at yet", ""),
    ]
    assert entry.formats == ["Easy Read", "Large print"]
    assert [line.need for line in entry.unacknowledged] == ["dietary", "easy_read", "other"]
    assert entry.needs_alternative_format is True


def test_roster_says_when_someone_has_told_us_no_needs(grace: User, workshop: Activity) -> None:
    RegistrationFactory.create(activity=workshop, person=grace.person)

    entry = roster(workshop).registered[0]

    assert (entry.has_told_us, entry.needs, entry.formats) == (False, [], [])


@pytest.mark.parametrize("people", [3, 40])
def test_roster_makes_three_queries_however_many_people_registered(
    django_assert_num_queries, workshop: Activity, people: int
) -> None:
    Activity.objects.filter(pk=workshop.pk).update(capacity=None)
    for number in range(people):
        registration = RegistrationFactory.create(activity=workshop)
        if number % 2:
            give_needs(registration.person, Need.EASY_READ, Need.STEP_FREE)

    with django_assert_num_queries(3):
        people_on_roster = roster(workshop)
        needs = [line.label for entry in people_on_roster.registered for line in entry.needs]

    assert len(people_on_roster.registered) == people
    assert len(needs) == (people // 2) * 2


def test_waiting_position_counts_from_the_front_of_the_list(workshop: Activity) -> None:
    now = timezone.now()
    first = RegistrationFactory.create(activity=workshop, status=RegistrationStatus.WAITING, joined_at=now)
    second = RegistrationFactory.create(activity=workshop, status=RegistrationStatus.WAITING, joined_at=now)
    third = RegistrationFactory.create(
        activity=workshop, status=RegistrationStatus.WAITING, joined_at=now + timedelta(seconds=1)
    )

    assert [waiting_position(registration) for registration in (first, second, third)] == [1, 2, 3]


def test_uses_easy_read(dev: User, grace: User) -> None:
    give_needs(dev.person, Need.EASY_READ)
    give_needs(grace.person, Need.AUDIO)

    assert (uses_easy_read(dev.person), uses_easy_read(grace.person)) == (True, False)


@pytest.fixture
def needs_easy_read(dev: User, workshop: Activity) -> Activity:
    give_needs(dev.person, Need.EASY_READ)
    RegistrationFactory.create(activity=workshop, person=dev.person)
    return workshop


def papers_days_before(activity: Activity, days: int) -> Activity:
    activity.papers_issued_on = timezone.localdate(activity.starts_at) - timedelta(days=days)
    return activity


def test_papers_warning_when_papers_go_out_late_for_someone_who_needs_another_format(
    needs_easy_read: Activity,
) -> None:
    activity = papers_days_before(needs_easy_read, 3)

    assert papers_warning(activity, roster(activity).registered) == (
        "Papers go out 3 days before the activity. 1 person needs papers in another format, such as Easy Read or "
        "large print. These take time to make. Send papers at least 7 days before."
    )


def test_papers_warning_on_the_day_of_the_activity(needs_easy_read: Activity) -> None:
    activity = papers_days_before(needs_easy_read, 0)

    assert str(papers_warning(activity, roster(activity).registered)).startswith(
        "Papers go out on the day of the activity. 1 person needs"
    )


def test_no_papers_warning_with_enough_notice(needs_easy_read: Activity) -> None:
    activity = papers_days_before(needs_easy_read, 7)

    assert papers_warning(activity, roster(activity).registered) is None


def test_papers_notice_follows_the_setting(settings, needs_easy_read: Activity) -> None:
    settings.COPRODUCE_PAPERS_NOTICE_DAYS = 10
    activity = papers_days_before(needs_easy_read, 8)

    assert "Send papers at least 10 days before." in str(papers_warning(activity, roster(activity).registered))


def test_no_papers_warning_when_nobody_needs_another_format(grace: User, workshop: Activity) -> None:
    give_needs(grace.person, Need.STEP_FREE)
    RegistrationFactory.create(activity=workshop, person=grace.person)
    activity = papers_days_before(workshop, 1)

    assert papers_warning(activity, roster(activity).registered) is None


def test_no_papers_warning_without_a_papers_date(needs_easy_read: Activity) -> None:
    assert papers_warning(needs_easy_read, roster(needs_easy_read).registered) is None
