from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coproduce.accounts.models import User
from coproduce.analytics.services import ensure_reference_data, record_outreach
from coproduce.analytics.tests.factories import under_represented_world
from coproduce.audit.models import AuditEvent
from coproduce.model import LadderRung
from coproduce.people.models import Person, PersonKind
from coproduce.projects.models import Project
from coproduce.reviews.choices import ReviewStatus, Side, side_of
from coproduce.reviews.models import Participant, Review, SelfAssessment
from coproduce.reviews.queries import ladder_gap, median_rank, self_assessments
from coproduce.reviews.services import ReviewRefused, close_review, record_self_assessment
from coproduce.reviews.tests.factories import answers, assess


@pytest.mark.parametrize(
    ("kind", "side"),
    [
        (PersonKind.MEMBER, Side.MEMBER),
        (PersonKind.CARER, Side.MEMBER),
        (PersonKind.ALLY, Side.MEMBER),
        (PersonKind.STAFF, Side.STAFF),
        (PersonKind.PARTNER_REPRESENTATIVE, Side.STAFF),
    ],
)
def test_the_side_comes_from_the_kind_of_person(kind: str, side: Side) -> None:
    assert side_of(kind) == side


def test_median_rank_takes_the_middle_answer_or_the_middle_of_two() -> None:
    assert median_rank([0, 0, 0]) is None
    assert median_rank([1, 0, 2]) == 2.0  # answers at 0, 2, 2
    assert median_rank([1, 1, 0, 0]) == 0.5  # answers at 0 and 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    member=st.lists(st.integers(min_value=0, max_value=3), min_size=7, max_size=7),
    staff=st.lists(st.integers(min_value=0, max_value=3), min_size=7, max_size=7),
)
def test_a_gap_is_flagged_exactly_when_the_medians_are_two_rungs_apart(member: list[int], staff: list[int]) -> None:
    gap = ladder_gap(member, staff, 2)
    low, high = median_rank(member), median_rank(staff)
    if low is None or high is None:
        assert not gap.flagged
        assert gap.rungs_apart is None
    else:
        assert gap.flagged == (abs(low - high) >= 2)
        assert gap.rungs_apart == abs(low - high)


def test_member_and_staff_two_rungs_apart_is_flagged_with_both_figures(review: Review, dev: User, amina: User) -> None:
    assess(review, dev.person, dev, LadderRung.CONSULTATION)
    assess(review, amina.person, amina, LadderRung.CO_DESIGN)
    gap = self_assessments(review).gap
    assert gap.flagged
    assert gap.rungs_apart == 2
    assert (gap.member_median, gap.staff_median) == ("Consultation", "Co-design")


def test_one_rung_apart_is_not_flagged(review: Review, dev: User, amina: User) -> None:
    assess(review, dev.person, dev, LadderRung.ENGAGEMENT)
    assess(review, amina.person, amina, LadderRung.CO_DESIGN)
    assert not self_assessments(review).gap.flagged


def test_small_counts_are_hidden_in_the_results(review: Review, dev: User, amina: User) -> None:
    assess(review, dev.person, dev, LadderRung.CONSULTATION)
    result = self_assessments(review)
    assert result.rungs.has_suppressed
    assert "1" not in [str(cell) for row in result.rungs.cells for cell in row]


def test_a_self_assessment_records_the_side_and_an_audit_event(review: Review, grace: User) -> None:
    assess(review, grace.person, grace, LadderRung.ENGAGEMENT, score=4)
    participant = Participant.objects.get(review=review, person=grace.person)
    assert participant.side == Side.MEMBER
    assert participant.assessment.voice == 4
    event = AuditEvent.objects.get(action="reviews.self_assessment_recorded")
    assert event.payload == {"participant": participant.pk, "side": "member", "by_phone": False}


def test_one_self_assessment_per_person(review: Review, grace: User) -> None:
    assess(review, grace.person, grace, LadderRung.ENGAGEMENT)
    with pytest.raises(ReviewRefused):
        assess(review, grace.person, grace, LadderRung.CO_DESIGN)
    assert SelfAssessment.objects.count() == 1
    participant = Participant.objects.get()
    with pytest.raises(IntegrityError):
        SelfAssessment.objects.create(
            participant=participant, rung="informing", voice=1, ways=1, concerns=1, change=1, recorded_by=grace
        )


def test_scale_is_checked_by_the_database(review: Review, grace: User) -> None:
    participant = Participant.objects.create(review=review, person=grace.person, side=Side.MEMBER)
    with pytest.raises(IntegrityError):
        SelfAssessment.objects.create(
            participant=participant, rung="informing", voice=6, ways=1, concerns=1, change=1, recorded_by=grace
        )


def test_close_is_refused_without_a_member(review: Review, amina: User) -> None:
    assess(review, amina.person, amina, LadderRung.CO_DESIGN)
    with pytest.raises(ReviewRefused, match="At least one member"):
        close_review(review, by=amina, learned="We learned.", actions_agreed="Do more.")
    review.refresh_from_db()
    assert review.status == ReviewStatus.OPEN
    assert review.learned == ""
    assert not AuditEvent.objects.filter(action="reviews.review_closed").exists()


def test_close_records_who_when_and_an_audit_event(review: Review, dev: User, amina: User) -> None:
    assess(review, dev.person, dev, LadderRung.CONSULTATION)
    close_review(review, by=amina, learned="Members want more say.", actions_agreed="Amina books a second workshop.")
    review.refresh_from_db()
    assert review.status == ReviewStatus.CLOSED
    assert review.closed_by == amina
    assert review.closed_at is not None
    assert review.learned == "Members want more say."
    event = AuditEvent.objects.get(action="reviews.review_closed")
    assert event.payload == {"kind": "quarterly", "member_side": 1, "staff_side": 0}
    with pytest.raises(ReviewRefused, match="closed"):
        record_self_assessment(review, person=amina.person, answers=answers(), by=amina)


def test_close_is_refused_while_a_gap_has_no_outreach_action(
    review: Review, bus_stops: Project, dev: User, amina: User, sam: User
) -> None:
    ensure_reference_data()
    under_represented_world(bus_stops, amina)  # 35 men and 5 women took part 30 days ago
    assess(review, dev.person, dev, LadderRung.CONSULTATION)
    with pytest.raises(ReviewRefused, match="1 missing or under-represented group needs an outreach action"):
        close_review(review, by=amina, learned="x", actions_agreed="y")
    assert Review.objects.get(pk=review.pk).status == ReviewStatus.OPEN
    record_outreach(
        dimension="sex",
        category="female",
        action="Visit the women's disability forum.",
        due_on=timezone.localdate() + timedelta(days=30),
        by=sam,
        project=bus_stops,
    )
    close_review(review, by=amina, learned="x", actions_agreed="y")
    assert Review.objects.get(pk=review.pk).status == ReviewStatus.CLOSED


def test_a_partner_is_on_the_staff_side(review: Review, priya: User) -> None:
    record_self_assessment(review, person=priya.person, answers=answers(), by=priya)
    assert Participant.objects.get(person=priya.person).side == Side.STAFF


def test_a_person_without_a_sign_in_can_have_answers_recorded_by_phone(review: Review, amina: User) -> None:
    rosa = Person.objects.create(full_name="Rosa Lindqvist", kind=PersonKind.MEMBER)
    assessment = record_self_assessment(review, person=rosa, answers=answers(), by=amina, by_phone=True)
    assert assessment.by_phone
    assert assessment.recorded_by == amina
