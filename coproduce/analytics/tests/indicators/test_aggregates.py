"""Each indicator counted against hand-made records, for the organisation and for one project."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from coproduce.analytics.indicators import aggregates
from coproduce.analytics.indicators.definitions import INDICATORS
from coproduce.analytics.indicators.quarters import Quarter
from coproduce.contributions.models import Contribution, ContributionResponse, Outcome, Thanks, ThanksMethod
from coproduce.decisions.choices import DecisionMethod, DecisionStatus
from coproduce.decisions.models import Decision
from coproduce.involvement.choices import ActivityStage
from coproduce.involvement.tests.factories import ActivityFactory, AttendanceFactory
from coproduce.learning.models import CharterVersion, Course, Signature, TrainingRecord
from coproduce.model import LadderRung
from coproduce.payments.choices import ClaimStatus
from coproduce.payments.models import Claim
from coproduce.people.models import PersonKind
from coproduce.people.tests.factories import PersonFactory
from coproduce.projects.models import Membership, ProjectRole
from coproduce.projects.tests.factories import OpportunityAssessmentFactory, ProjectFactory
from coproduce.surveys.choices import Answer
from coproduce.surveys.models import SurveyAnswer, SurveyRound

# A quarter well in the past, so that every window (thanks, answers, payment) has closed.
Q = Quarter(date(2025, 4, 1), date(2025, 6, 30))


def at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


def test_charter_signed(bus_stops, amina, dev, grace, tom):
    newest = CharterVersion.objects.order_by("-number").values_list("number", flat=True).first() or 0
    version = CharterVersion.objects.create(number=newest + 1, text="We agree.", easy_read_text="We agree.")
    Signature.objects.create(person=dev.person, version=version, signed_at=at(date(2025, 5, 1)), signed_by=dev)
    # Signed after the quarter: not counted for it.
    Signature.objects.create(person=tom.person, version=version, signed_at=at(date(2025, 8, 1)), signed_by=tom)
    # Staff are not counted (Amina), Dev, Grace and Tom are.
    assert aggregates.charter_signed(Q, None) == (1, 3)
    # In the project: Dev and Grace (Amina is staff).
    assert aggregates.charter_signed(Q, bus_stops) == (1, 2)
    # A newer version: only signatures of the current version count.
    CharterVersion.objects.create(number=newest + 2, text="We agree more.", easy_read_text="We agree more.")
    assert aggregates.charter_signed(Q, None) == (0, 3)


def test_answered_and_thanked(bus_stops, amina, dev, grace, settings):
    settings.COPRODUCE_THANKS_WITHIN_DAYS = 14
    other = ProjectFactory.create()
    activity = ActivityFactory.create(
        project=bus_stops, starts_at=at(date(2025, 5, 1)), ends_at=at(date(2025, 5, 1), 12)
    )
    late_activity = ActivityFactory.create(
        project=other, starts_at=at(date(2025, 5, 2)), ends_at=at(date(2025, 5, 2), 12)
    )
    dev_went = AttendanceFactory.create(activity=activity, person=dev.person)
    AttendanceFactory.create(activity=activity, person=grace.person)
    AttendanceFactory.create(activity=late_activity, person=grace.person)
    Thanks.objects.create(
        attendance=dev_went, method=ThanksMethod.LETTER, thanked_by=amina, thanked_at=at(date(2025, 5, 3))
    )
    assert aggregates.participants_thanked(Q, None) == (1, 3)
    assert aggregates.participants_thanked(Q, bus_stops) == (1, 2)

    answered = Contribution.objects.create(
        person=dev.person, project=bus_stops, kind="idea", summary="Benches", recorded_by=amina
    )
    Contribution.objects.filter(pk=answered.pk).update(recorded_at=at(date(2025, 5, 1)))
    ContributionResponse.objects.create(
        contribution=answered, outcome=Outcome.ADOPTED, responded_by=amina, responded_at=at(date(2025, 5, 20))
    )
    unanswered = Contribution.objects.create(
        person=grace.person, project=other, kind="idea", summary="Shelters", recorded_by=amina
    )
    Contribution.objects.filter(pk=unanswered.pk).update(recorded_at=at(date(2025, 5, 1)))
    assert aggregates.contributions_answered(Q, None) == (1, 2)
    assert aggregates.contributions_answered(Q, bus_stops) == (1, 1)
    assert aggregates.contributions_answered(Q, other) == (0, 1)


def test_claims_paid_in_time(bus_stops, amina, dev, grace, settings):
    settings.COPRODUCE_PAYMENT_DAYS = 28
    activity = ActivityFactory.create(
        project=bus_stops, starts_at=at(date(2025, 5, 1)), ends_at=at(date(2025, 5, 1), 12)
    )
    sent = at(date(2025, 5, 2))

    def claim(person, *, paid_on=None, status=ClaimStatus.SUBMITTED):
        attendance = AttendanceFactory.create(activity=activity, person=person)
        return Claim.objects.create(
            attendance=attendance,
            status=status,
            created_by=amina,
            submitted_at=sent,
            decided_at=sent if paid_on else None,
            paid_on=paid_on,
        )

    claim(dev.person, paid_on=date(2025, 5, 30), status=ClaimStatus.PAID)  # 28 days: in time
    claim(grace.person, paid_on=date(2025, 5, 31), status=ClaimStatus.PAID)  # 29 days: late
    claim(PersonFactory.create())  # never paid, time is up: late
    assert aggregates.claims_paid_in_time(Q, None) == (1, 3)
    assert aggregates.claims_paid_in_time(Q, ProjectFactory.create()) == (0, 0)


def test_early_involvement_and_rung_reached(bus_stops, dev):
    late = ProjectFactory.create()
    ActivityFactory.create(
        project=bus_stops, stage=ActivityStage.IDEA, starts_at=at(date(2025, 4, 2)), ends_at=at(date(2025, 4, 2), 12)
    )
    AttendanceFactory.create(activity=bus_stops.activities.get(), person=dev.person)
    first_late = ActivityFactory.create(
        project=late,
        stage=ActivityStage.IMPLEMENTATION,
        starts_at=at(date(2025, 5, 2)),
        ends_at=at(date(2025, 5, 2), 12),
    )
    AttendanceFactory.create(activity=first_late, person=PersonFactory.create(kind=PersonKind.CARER))
    # An ally at the design stage does not make the late project early: members and carers only.
    ally_design = ActivityFactory.create(
        project=late, stage=ActivityStage.DESIGN, starts_at=at(date(2025, 5, 3)), ends_at=at(date(2025, 5, 3), 12)
    )
    AttendanceFactory.create(activity=ally_design, person=PersonFactory.create(kind=PersonKind.ALLY))
    ProjectFactory.create()  # nobody involved: not counted
    assert aggregates.early_involvement(Q, None) == (1, 2)
    assert aggregates.early_involvement(Q, bus_stops) == (1, 1)
    assert aggregates.early_involvement(Q, late) == (0, 1)

    # Planned: design co-production, development co-design (the factory's assessment).
    OpportunityAssessmentFactory.create(project=late)
    reached = ActivityFactory.create(
        project=late,
        stage=ActivityStage.DEVELOPMENT,
        planned_rung=LadderRung.CO_PRODUCTION,
        starts_at=at(date(2025, 6, 1)),
        ends_at=at(date(2025, 6, 1), 12),
    )
    AttendanceFactory.create(activity=reached)
    ally_design.planned_rung = LadderRung.CONSULTATION  # below co-production
    ally_design.save()
    # Nobody came: not counted.
    ActivityFactory.create(
        project=late, stage=ActivityStage.DESIGN, starts_at=at(date(2025, 6, 2)), ends_at=at(date(2025, 6, 2), 12)
    )
    # Implementation (informing planned) reached with co-design.
    assert aggregates.rung_reached(Q, None) == (2, 3)
    assert aggregates.rung_reached(Q, late) == (2, 3)
    # No assessment for bus stops: its activities are not judged.
    assert aggregates.rung_reached(Q, bus_stops) == (0, 0)


def test_training_coverage(bus_stops, amina, dev, grace):
    course = Course.objects.create(title="Co-production basics", description="What it is.", for_members=True)
    TrainingRecord.objects.create(person=dev.person, course=course, completed_on=date(2025, 6, 1), recorded_by=amina)
    TrainingRecord.objects.create(person=grace.person, course=course, completed_on=date(2025, 7, 1), recorded_by=amina)
    # Amina, Dev and Grace have records; only Dev had finished a course by the end of June.
    assert aggregates.training_coverage(Q, None) == (1, 3)
    assert aggregates.training_coverage(Q, bus_stops) == (1, 3)
    Membership.objects.filter(project=bus_stops, role=ProjectRole.STAFF_LEAD).delete()
    assert aggregates.training_coverage(Q, bus_stops) == (1, 2)


def test_decisions_joint(bus_stops, amina):
    other = ProjectFactory.create()

    def decide(project, method, published):
        return Decision.objects.create(
            project=project,
            stage="design",
            question="Where do benches go?",
            options_considered="Here or there.",
            method=method,
            rationale="Because.",
            status=DecisionStatus.PUBLISHED,
            published_at=published,
            published_by=amina,
            created_by=amina,
        )

    decide(bus_stops, DecisionMethod.CONSENSUS, at(date(2025, 5, 1)))
    decide(bus_stops, DecisionMethod.STAFF_ONLY, at(date(2025, 5, 2)))
    decide(other, DecisionMethod.VOTE, at(date(2025, 5, 3)))
    decide(other, DecisionMethod.VOTE, at(date(2025, 7, 3)))  # next quarter
    assert aggregates.decisions_joint(Q, None) == (2, 3)
    assert aggregates.decisions_joint(Q, bus_stops) == (1, 2)


def test_felt_listened_to(bus_stops, amina):
    other = ProjectFactory.create()

    def survey(project):
        return SurveyRound.objects.create(
            project=project,
            activity=ActivityFactory.create(project=project),
            opens_at=at(date(2025, 5, 1)),
            closes_at=at(date(2025, 6, 1)),
            opened_by=amina,
        )

    ours, theirs = survey(bus_stops), survey(other)
    rest = {"say": Answer.AGREE, "format": Answer.AGREE, "next_steps": Answer.AGREE, "support": Answer.AGREE}
    for survey_round, answer in [
        (ours, Answer.STRONGLY_AGREE),
        (ours, Answer.DISAGREE),
        (ours, Answer.PREFER_NOT),
        (theirs, Answer.AGREE),
    ]:
        SurveyAnswer.objects.create(round=survey_round, listened=answer, answered_on=date(2025, 5, 10), **rest)
    assert aggregates.felt_listened_to(Q, None) == (2, 3)
    assert aggregates.felt_listened_to(Q, bus_stops) == (1, 2)


def test_groups_represented(walkabout, bus_stops):
    """The representation fixture: 40 people took part, 5 of them women, so women are fewer than expected."""
    quarter = Quarter.containing(walkabout.starts_at.date())
    judged_ok, judged = aggregates.groups_represented(quarter, None)
    assert judged > 0
    assert judged_ok < judged
    assert aggregates.groups_represented(quarter, ProjectFactory.create()) == (0, 0)


@pytest.mark.parametrize("item", INDICATORS, ids=lambda item: item.key)
def test_each_indicator_is_one_bounded_count(item, bus_stops, census, django_assert_max_num_queries):
    # Counted in the database: a handful of queries whatever the data (representation uses its own few).
    with django_assert_max_num_queries(6):
        numerator, denominator = item.compute(Q, bus_stops)
    assert 0 <= numerator <= denominator
