"""Writes for reviews: self-assessments, closing, the annual standards, and the daily scheduling sweep."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.dates import add_months
from coproduce.model import Stage
from coproduce.people.models import Person
from coproduce.projects.models import Project, StageChange
from coproduce.reviews import conf
from coproduce.reviews.choices import ReviewKind, ReviewStatus, Side, Standard, side_of
from coproduce.reviews.models import Participant, Review, SelfAssessment, StandardRating
from coproduce.reviews.queries import has_member_side, open_gaps
from coproduce.reviews.tasks import tell_leads_review_due


class ReviewRefused(Exception):
    """A rule stopped the change; ``message`` says why, in words for the page."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


NO_MEMBER = (
    "This review cannot close yet. At least one member, carer or ally must take part first. "
    "Ask a member to give their self-assessment, or record one they give by phone."
)
GAPS = (
    "This review cannot close yet. {count} missing or under-represented {groups} {need} an outreach action. "
    "The data lead records outreach actions on the representation page."
)


@dataclass(frozen=True)
class Answers:
    rung: str
    voice: int
    ways: int
    concerns: int
    change: int


def record_self_assessment(
    review: Review, *, person: Person, answers: Answers, by: User, by_phone: bool = False
) -> SelfAssessment:
    """Record one participant's self-assessment; they take part from the side their kind of person is on."""
    with transaction.atomic():
        review = Review.objects.select_for_update(of=("self",)).get(pk=review.pk)
        if not review.is_open:
            raise ReviewRefused("This review is closed. You cannot add answers to it.")
        if SelfAssessment.objects.filter(participant__review=review, participant__person=person).exists():
            raise ReviewRefused("We already have a self-assessment from this person for this review.")
        participant, _ = Participant.objects.get_or_create(
            review=review, person=person, defaults={"side": side_of(person.kind)}
        )
        assessment = SelfAssessment.objects.create(
            participant=participant,
            rung=answers.rung,
            voice=answers.voice,
            ways=answers.ways,
            concerns=answers.concerns,
            change=answers.change,
            by_phone=by_phone,
            recorded_by=by,
        )
        record_event(
            actor=by,
            action="reviews.self_assessment_recorded",
            target=review,
            payload={"participant": participant.pk, "side": participant.side, "by_phone": by_phone},
        )
    return assessment


def close_review(review: Review, *, by: User, learned: str, actions_agreed: str) -> Review:
    """Close the review with what we learned and the actions agreed.

    Refused, with nothing written, when nobody from the member side took part, or while a
    representation gap in the review's period (and project) has no outreach action.
    """
    with transaction.atomic():
        review = Review.objects.select_for_update(of=("self",)).select_related("project").get(pk=review.pk)
        if not review.is_open:
            raise ReviewRefused("This review is already closed.")
        if not has_member_side(review):
            raise ReviewRefused(NO_MEMBER)
        gaps = open_gaps(review)
        if gaps:
            many = len(gaps) != 1
            raise ReviewRefused(
                GAPS.format(count=len(gaps), groups="groups" if many else "group", need="need" if many else "needs")
            )
        review.status = ReviewStatus.CLOSED
        review.closed_at = timezone.now()
        review.closed_by = by
        review.learned = learned
        review.actions_agreed = actions_agreed
        review.save(update_fields=["status", "closed_at", "closed_by", "learned", "actions_agreed"])
        record_event(
            actor=by,
            action="reviews.review_closed",
            target=review,
            payload={
                "kind": review.kind,
                "member_side": review.participants.filter(side=Side.MEMBER).count(),
                "staff_side": review.participants.filter(side=Side.STAFF).count(),
            },
        )
    return review


def rate_standards(review: Review, ratings: dict[str, tuple[str, str]], *, by: User) -> None:
    """Save the annual review's rating and evidence for each standard (``{standard: (rating, evidence)}``)."""
    if not review.is_annual:
        raise ReviewRefused("Only the annual organisation review rates the standards.")
    with transaction.atomic():
        review = Review.objects.select_for_update(of=("self",)).get(pk=review.pk)
        if not review.is_open:
            raise ReviewRefused("This review is closed. You cannot change its ratings.")
        for standard in Standard.values:
            if standard not in ratings:
                continue
            rating, evidence = ratings[standard]
            StandardRating.objects.update_or_create(
                review=review,
                standard=standard,
                defaults={"rating": rating, "evidence": evidence, "rated_by": by, "rated_at": timezone.now()},
            )
        record_event(
            actor=by,
            action="reviews.standards_rated",
            target=review,
            payload={standard: ratings[standard][0] for standard in Standard.values if standard in ratings},
        )


# --- Scheduling ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scheduled:
    quarterly: int
    stage_end: int
    annual: int

    @property
    def total(self) -> int:
        return self.quarterly + self.stage_end + self.annual


def _create(**fields: object) -> bool:
    """Create a review unless its constraint says it exists already (another sweep got there first)."""
    try:
        with transaction.atomic():
            review = Review.objects.create(**fields)
    except IntegrityError:
        return False
    record_event(
        actor=None,
        action="reviews.review_scheduled",
        target=review,
        payload={"kind": review.kind, "due_on": review.due_on.isoformat()},
    )
    review_id = review.pk
    transaction.on_commit(lambda: tell_leads_review_due.enqueue(review_id=review_id))
    return True


def active_projects() -> list[Project]:
    """Projects at one of the four co-production stages, with the end of their last regular review."""
    return list(
        Project.objects.taken_on()
        .filter(stage__in=Stage.values)
        .annotate(last_quarter_end=Max("reviews__period_end", filter=Q(reviews__kind=ReviewKind.QUARTERLY)))
        .order_by("id")
    )


def schedule_quarterly(today: date) -> int:
    """For each active project, a review looking back over the regular period (3 months) that has just
    ended: the one after its last regular review, or the months up to yesterday if it has none (or the
    last one is long past). Due within the review due days of the period's end."""
    months = conf.review_months()
    created = 0
    for project in active_projects():
        last_end: date | None = project.last_quarter_end  # type: ignore[attr-defined]
        start = last_end + timedelta(days=1) if last_end is not None else add_months(today, -months)
        end = add_months(start, months) - timedelta(days=1)
        if end >= today:
            continue  # the period has not ended yet
        if add_months(end, months) < today:  # long overdue: look back over the latest months, not a backlog
            start, end = add_months(today, -months), today - timedelta(days=1)
        created += _create(
            project=project,
            kind=ReviewKind.QUARTERLY,
            period_start=start,
            period_end=end,
            due_on=end + timedelta(days=conf.review_due_days()),
        )
    return created


def schedule_stage_end(today: date) -> int:
    """An end of stage review for each project that moved on from a stage since its last review."""
    created = 0
    changes = (
        StageChange.objects.filter(from_stage__in=Stage.values, review__isnull=True)
        .select_related("project")
        .order_by("project_id", "-changed_at", "-id")
    )
    seen: set[int] = set()
    last_review = dict(
        Review.objects.filter(project__isnull=False)
        .values("project_id")
        .annotate(last=Max("created_at"))
        .values_list("project_id", "last")
    )
    for change in changes:
        if change.project_id in seen:
            continue
        seen.add(change.project_id)
        last = last_review.get(change.project_id)
        if last is not None and last > change.changed_at:
            continue  # reviewed since the stage changed
        began = (
            StageChange.objects.filter(project_id=change.project_id, to_stage=change.from_stage)
            .order_by("-changed_at")
            .values_list("changed_at", flat=True)
            .first()
        ) or change.project.created_at
        end = max(timezone.localdate(change.changed_at), timezone.localdate(began))
        created += _create(
            project=change.project,
            kind=ReviewKind.STAGE_END,
            stage_change=change,
            stage=change.from_stage,
            period_start=timezone.localdate(began),
            period_end=end,
            due_on=max(end, today) + timedelta(days=conf.review_due_days()),
        )
    return created


def annual_period(today: date) -> tuple[date, date]:
    """The 12 months the latest annual review looks back over: up to the day before the review month began."""
    month = conf.annual_review_month()
    year = today.year if today.month >= month else today.year - 1
    starts = date(year, month, 1)
    return add_months(starts, -12), starts - timedelta(days=1)


def schedule_annual(today: date) -> int:
    start, end = annual_period(today)
    if Review.objects.filter(kind=ReviewKind.ANNUAL, period_start=start).exists():
        return 0
    return int(
        _create(
            kind=ReviewKind.ANNUAL,
            period_start=start,
            period_end=end,
            due_on=end + timedelta(days=1 + conf.review_due_days()),
        )
    )


def schedule_reviews(today: date | None = None) -> Scheduled:
    """The daily sweep: create every review that is due and does not exist yet. Safe to run again."""
    day = today or timezone.localdate()
    stage_end = schedule_stage_end(day)  # before the regular reviews, which would count as "reviewed since"
    return Scheduled(quarterly=schedule_quarterly(day), stage_end=stage_end, annual=schedule_annual(day))
