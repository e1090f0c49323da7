from datetime import timedelta

from django.utils import timezone

from coproduce.contributions.models import Contribution, ContributionResponse, Outcome, Thanks, ThanksMethod
from coproduce.contributions.queries import (
    answered_within_share,
    contributions_of,
    ideas_that_changed_things,
    overdue_contributions,
    thanked_within_share,
    you_said_we_did,
)
from coproduce.involvement.tests.factories import AttendanceFactory
from coproduce.people.credit import NOT_NAMED
from coproduce.people.models import CreditPreference


def answer(contribution, outcome, *, by, explanation="", at=None):
    return ContributionResponse.objects.create(
        contribution=contribution,
        outcome=outcome,
        explanation=explanation,
        responded_by=by,
        responded_at=at or timezone.now(),
    )


def test_latest_answer_is_current_and_changed_things_lists_adopted_only(graces_idea, grace, amina):
    answer(graces_idea, Outcome.UNDER_CONSIDERATION, by=amina, at=timezone.now() - timedelta(days=3))
    answer(graces_idea, Outcome.ADOPTED, by=amina, explanation="Benches ordered.")
    refused = Contribution.objects.create(
        person=grace.person, project=graces_idea.project, kind="idea", summary="Gold taps", recorded_by=amina
    )
    answer(refused, Outcome.NOT_ADOPTED, by=amina, explanation="Too costly.")

    mine = {c.summary: getattr(c, "current_outcome") for c in contributions_of(grace.person)}  # noqa: B009
    changed = [c.summary for c in ideas_that_changed_things(grace.person)]

    assert mine == {"Put a bench at every stop.": "adopted", "Gold taps": "not_adopted"}
    assert changed == ["Put a bench at every stop."]


def test_overdue_lists_unanswered_after_the_response_days_for_leads_only(graces_idea, amina, dev, tom, settings):
    settings.COPRODUCE_CONTRIBUTION_RESPONSE_DAYS = 10
    Contribution.objects.filter(pk=graces_idea.pk).update(recorded_at=timezone.now() - timedelta(days=11))
    fresh = Contribution.objects.create(
        person=graces_idea.person, project=graces_idea.project, kind="idea", summary="New", recorded_by=amina
    )

    assert list(overdue_contributions(amina)) == [graces_idea]
    assert list(overdue_contributions(dev)) == [graces_idea]
    assert list(overdue_contributions(tom)) == []
    answer(graces_idea, Outcome.UNDER_CONSIDERATION, by=amina)
    assert list(overdue_contributions(amina)) == []
    assert fresh not in overdue_contributions(amina)


def test_you_said_we_did_names_by_each_contributions_credit(graces_idea, grace, amina):
    grace.person.credit_preference = CreditPreference.FULL_NAME
    grace.person.save()
    anonymous = Contribution.objects.create(
        person=grace.person,
        project=graces_idea.project,
        kind="concern",
        summary="Buses do not wait",
        credit=CreditPreference.ANONYMOUS,
        recorded_by=amina,
    )
    answer(graces_idea, Outcome.ADOPTED, by=amina)
    answer(anonymous, Outcome.NOT_ADOPTED, by=amina, explanation="Not ours to change.")

    lines = {line.summary: line for line in you_said_we_did(graces_idea.project)}

    assert lines["Put a bench at every stop."].name == "Grace Okafor"
    assert lines["Buses do not wait"].name == NOT_NAMED
    assert lines["Buses do not wait"].explanation == "Not ours to change."


def test_thanked_within_share_counts_in_the_database(
    dev_attended, grace_attended, amina, settings, django_assert_num_queries
):
    settings.COPRODUCE_THANKS_WITHIN_DAYS = 14
    ends = dev_attended.activity.ends_at
    Thanks.objects.create(
        attendance=dev_attended, method=ThanksMethod.LETTER, thanked_by=amina, thanked_at=ends + timedelta(days=13)
    )
    Thanks.objects.create(
        attendance=grace_attended, method=ThanksMethod.LETTER, thanked_by=amina, thanked_at=ends + timedelta(days=15)
    )
    closes = (ends + timedelta(days=14)).date()
    start, end = closes - timedelta(days=1), closes + timedelta(days=1)
    later = ends + timedelta(days=30)

    with django_assert_num_queries(1):
        share = thanked_within_share(start, end, now=later)

    assert share == (1, 2)
    assert thanked_within_share(end + timedelta(days=1), end + timedelta(days=30), now=later) == (0, 0)
    settings.COPRODUCE_THANKS_WITHIN_DAYS = 20
    closes = (ends + timedelta(days=20)).date()
    assert thanked_within_share(closes, closes, now=later) == (2, 2)


def test_thanked_within_share_leaves_out_windows_still_open(dev_attended, amina, settings):
    """An attendance whose thank-you window has not closed by the end of the period is not late yet."""
    settings.COPRODUCE_THANKS_WITHIN_DAYS = 14
    ends = dev_attended.activity.ends_at
    day = ends.date()

    # The period holds the activity's end but not the end of its window: nothing counts yet.
    assert thanked_within_share(day, day, now=ends + timedelta(days=30)) == (0, 0)
    # The window closes inside the period but after "now": still open, so it does not count.
    closes = (ends + timedelta(days=14)).date()
    assert thanked_within_share(closes, closes, now=ends + timedelta(days=2)) == (0, 0)
    # Once closed it counts, unthanked.
    assert thanked_within_share(closes, closes, now=ends + timedelta(days=15)) == (0, 1)
    # Thanked within the window: in time.
    Thanks.objects.create(
        attendance=dev_attended, method=ThanksMethod.LETTER, thanked_by=amina, thanked_at=ends + timedelta(days=1)
    )
    assert thanked_within_share(closes, closes, now=ends + timedelta(days=15)) == (1, 1)


def test_thanked_within_share_counts_a_person_thanked_twice_once(dev_attended, amina, settings):
    settings.COPRODUCE_THANKS_WITHIN_DAYS = 14
    ends = dev_attended.activity.ends_at
    for method in (ThanksMethod.LETTER, ThanksMethod.CERTIFICATE):
        Thanks.objects.create(attendance=dev_attended, method=method, thanked_by=amina, thanked_at=ends)
    AttendanceFactory.create(activity=dev_attended.activity)
    closes = (ends + timedelta(days=14)).date()

    assert thanked_within_share(closes, closes, now=ends + timedelta(days=20)) == (1, 2)


def test_answered_within_share(graces_idea, amina, settings, django_assert_num_queries):
    settings.COPRODUCE_CONTRIBUTION_RESPONSE_DAYS = 28
    late = Contribution.objects.create(
        person=graces_idea.person, project=graces_idea.project, kind="idea", summary="Late", recorded_by=amina
    )
    answer(graces_idea, Outcome.UNDER_CONSIDERATION, by=amina, at=graces_idea.recorded_at + timedelta(days=27))
    answer(late, Outcome.ADOPTED, by=amina, at=late.recorded_at + timedelta(days=29))
    closes = (graces_idea.recorded_at + timedelta(days=28)).date()
    later = graces_idea.recorded_at + timedelta(days=40)

    with django_assert_num_queries(1):
        share = answered_within_share(closes, closes, now=later)

    assert share == (1, 2)


def test_answered_within_share_leaves_out_windows_still_open(graces_idea, amina, settings):
    """A contribution whose response window is still open is not late yet, answered or not."""
    settings.COPRODUCE_CONTRIBUTION_RESPONSE_DAYS = 28
    recorded = graces_idea.recorded_at
    closes = (recorded + timedelta(days=28)).date()

    # The period holds the day it was recorded, not the end of its window: nothing counts.
    assert answered_within_share(recorded.date(), recorded.date(), now=recorded + timedelta(days=40)) == (0, 0)
    # The window closes in the period but after "now": still open.
    assert answered_within_share(closes, closes, now=recorded + timedelta(days=3)) == (0, 0)
    # Closed and unanswered: late.
    assert answered_within_share(closes, closes, now=recorded + timedelta(days=29)) == (0, 1)
    answer(graces_idea, Outcome.ADOPTED, by=amina, at=recorded + timedelta(days=2))
    assert answered_within_share(closes, closes, now=recorded + timedelta(days=29)) == (1, 1)
