"""Reads for the contributions pages and the measures the dashboard will show (issue 8)."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import (
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.accounts.permissions import is_coordinator
from coproduce.contributions.conf import response_days, thanks_within_days
from coproduce.contributions.models import (
    CHANGED_THINGS,
    Contribution,
    ContributionResponse,
    Outcome,
    Thanks,
)
from coproduce.expressions import PlusDays
from coproduce.involvement.models import Activity, Attendance
from coproduce.people.credit import public_name
from coproduce.people.models import Person
from coproduce.projects.models import Membership, Project, ProjectRole

LEAD_ROLES = (ProjectRole.STAFF_LEAD, ProjectRole.CO_LEAD)


def _latest(field: str) -> Subquery:
    return Subquery(
        ContributionResponse.objects.filter(contribution=OuterRef("pk"))
        .order_by("-responded_at", "-id")
        .values(field)[:1]
    )


def with_current_response(contributions: QuerySet[Contribution]) -> QuerySet[Contribution]:
    """Annotate each contribution with its current (latest) answer: ``current_outcome``,
    ``current_explanation`` and ``current_responded_at`` (all None when nobody has answered yet)."""
    return contributions.annotate(
        current_outcome=_latest("outcome"),
        current_explanation=_latest("explanation"),
        current_responded_at=_latest("responded_at"),
    )


def contributions_of(person: Person) -> QuerySet[Contribution]:
    """A person's own contributions, newest first, each with its current answer: "Your contributions"."""
    return with_current_response(
        Contribution.objects.filter(person=person).select_related("project", "activity")
    ).order_by("-recorded_at", "-id")


def ideas_that_changed_things(person: Person) -> QuerySet[Contribution]:
    """A person's contributions whose current answer is adopted or partly adopted."""
    return contributions_of(person).filter(Q(current_outcome__in=CHANGED_THINGS))


def attendances_of(person: Person) -> QuerySet[Attendance]:
    """The activities a person took part in, for their letters and certificates, most recent first."""
    return (
        Attendance.objects.filter(person=person)
        .select_related("activity__project")
        .annotate(thanks_count=Count("thanks"))
        .order_by("-activity__starts_at", "-id")
    )


def activity_contributions(activity: Activity) -> QuerySet[Contribution]:
    """What was recorded for an activity, with who said it, in the order it was recorded."""
    return with_current_response(
        Contribution.objects.filter(activity=activity).select_related("person", "recorded_by__person")
    ).order_by("recorded_at", "id")


def attendances_to_thank(activity: Activity) -> QuerySet[Attendance]:
    """Everyone who took part in an activity, with how each has been thanked so far."""
    return (
        activity.attendances.select_related("person")
        .prefetch_related(Prefetch("thanks", queryset=Thanks.objects.select_related("thanked_by__person")))
        .order_by("person__full_name", "id")
    )


def projects_led_by(user: User) -> QuerySet[Project]:
    return Project.objects.filter(
        pk__in=Membership.objects.filter(person__user=user, role__in=LEAD_ROLES).values("project_id")
    )


def _overdue_cutoff(now: datetime | None) -> datetime:
    """Contributions recorded at or before this moment, with no answer yet, are overdue."""
    return (now or timezone.now()) - timedelta(days=response_days())


def _unanswered() -> Q:
    return ~Q(Exists(ContributionResponse.objects.filter(contribution=OuterRef("pk"))))


def overdue_contributions(user: User, now: datetime | None = None) -> QuerySet[Contribution]:
    """Contributions with no answer after the response days: every project's for coordinators, the
    projects they lead for everyone else. Oldest first, so the longest wait is seen first."""
    contributions = Contribution.objects.filter(_unanswered(), recorded_at__lte=_overdue_cutoff(now))
    if not is_coordinator(user):
        contributions = contributions.filter(project__in=projects_led_by(user))
    return contributions.select_related("person", "project", "activity").order_by("recorded_at", "id")


def responses_to(contribution: Contribution) -> QuerySet[ContributionResponse]:
    """Every answer a contribution has had, newest (the current one) first."""
    return contribution.responses.select_related("responded_by__person").order_by("-responded_at", "-id")


@dataclass(frozen=True)
class YouSaidWeDid:
    """One line of a project's "You said, we did" list: safe to show to the whole group."""

    name: str
    kind: str
    summary: str
    outcome: str
    explanation: str


def you_said_we_did(project: Project) -> list[YouSaidWeDid]:
    """Contributions to ``project`` that have a decided answer, named by each one's credit choice."""
    contributions = (
        with_current_response(Contribution.objects.filter(project=project).select_related("person"))
        .filter(Q(current_outcome__in=[Outcome.ADOPTED, Outcome.PARTLY_ADOPTED, Outcome.NOT_ADOPTED]))
        .order_by(F("current_responded_at").desc(), "-id")
    )
    return [
        YouSaidWeDid(
            name=public_name(contribution.person, contribution.credit or None),
            kind=contribution.get_kind_display(),
            summary=contribution.summary,
            outcome=Outcome(contribution.current_outcome).label,  # type: ignore[attr-defined]
            explanation=contribution.current_explanation or "",  # type: ignore[attr-defined]
        )
        for contribution in contributions
    ]


def _period(start: date, end: date) -> tuple[datetime, datetime]:
    """From the start of ``start`` to the end of ``end`` (both days included), in local time."""
    return (
        timezone.make_aware(datetime.combine(start, time.min)),
        timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min)),
    )


def thanked_within_share(
    start: date, end: date, project: Project | None = None, *, now: datetime | None = None
) -> tuple[int, int]:
    """(participants thanked in time, participants) for the attendances whose thank-you window closed
    between ``start`` and ``end`` (and has closed by ``now``).

    The window is the thanks days after the activity ends. An attendance only counts once its window
    has closed: until then, not yet thanked is not late. Each attendance counts once, in the period its
    window closes in (so attendances at activities late in one period count in the next), and is in
    time if any thanks was recorded within its window. ``project`` limits it to one project.
    Counted in the database.
    """
    since, until = _period(start, end)
    until = min(until, now or timezone.now())
    window = timedelta(days=thanks_within_days())
    deadline = PlusDays(OuterRef("activity__ends_at"), thanks_within_days())
    in_time = Exists(Thanks.objects.filter(attendance=OuterRef("pk"), thanked_at__lte=deadline))
    # Window closes in [since, until]  <=>  the activity ended in [since - window, until - window].
    attendances = Attendance.objects.filter(
        activity__ends_at__gte=since - window, activity__ends_at__lte=until - window
    )
    if project is not None:
        attendances = attendances.filter(activity__project=project)
    counts = attendances.aggregate(participants=Count("pk"), thanked=Count("pk", filter=Q(in_time)))
    return counts["thanked"], counts["participants"]


def answered_within_share(
    start: date, end: date, project: Project | None = None, *, now: datetime | None = None
) -> tuple[int, int]:
    """(contributions answered in time, contributions) for the contributions whose response window
    closed between ``start`` and ``end`` (and has closed by ``now``).

    As with thanks, a contribution counts only once its window (the response days after it was
    recorded) has closed, in the period it closes in, and is in time if any answer (even "still under
    consideration") came within it. ``project`` limits it to one project. Counted in the database.
    """
    since, until = _period(start, end)
    until = min(until, now or timezone.now())
    window = timedelta(days=response_days())
    deadline = PlusDays(OuterRef("recorded_at"), response_days())
    in_time = Exists(ContributionResponse.objects.filter(contribution=OuterRef("pk"), responded_at__lte=deadline))
    contributions = Contribution.objects.filter(recorded_at__gte=since - window, recorded_at__lte=until - window)
    if project is not None:
        contributions = contributions.filter(project=project)
    counts = contributions.aggregate(contributions=Count("pk"), answered=Count("pk", filter=Q(in_time)))
    return counts["answered"], counts["contributions"]


@dataclass(frozen=True)
class Waiting:
    """Contributions recorded in a period, how many have no answer yet, and how many of those are
    overdue (raw counts: not safe to publish as they are)."""

    recorded: int
    unanswered: int
    overdue: int


def waiting_for_answers(
    since: datetime, until: datetime, project: Project | None = None, *, now: datetime | None = None
) -> Waiting:
    """Contributions recorded from ``since`` up to ``until``: how many have no answer yet, and how many
    of those are overdue by ``now`` (the rule of the overdue list). Counted in one query."""
    contributions = Contribution.objects.filter(recorded_at__gte=since, recorded_at__lt=until)
    if project is not None:
        contributions = contributions.filter(project=project)
    counts = contributions.aggregate(
        recorded=Count("pk"),
        unanswered=Count("pk", filter=_unanswered()),
        overdue=Count("pk", filter=_unanswered() & Q(recorded_at__lte=_overdue_cutoff(now))),
    )
    return Waiting(counts["recorded"], counts["unanswered"], counts["overdue"])


def projects_for_own_contribution(person: Person) -> QuerySet[Project]:
    """Projects a person may record their own contribution to: those they belong to, or where they
    took part in an activity."""
    return Project.objects.filter(
        Q(pk__in=Membership.objects.filter(person=person).values("project_id"))
        | Q(pk__in=Attendance.objects.filter(person=person).values("activity__project_id"))
    ).order_by("title", "id")


def activities_attended(person: Person) -> QuerySet[Activity]:
    return Activity.objects.filter(attendances__person=person).select_related("project").order_by("-starts_at", "id")


@dataclass(frozen=True)
class Answers:
    """Contributions counted by what happened to them: answered, waiting for an answer, and how many
    of those waiting are late (past the response days: the rule of the overdue list)."""

    answered: int
    waiting: int
    late: int


def _answers(contributions: QuerySet[Contribution], now: datetime | None) -> Answers:
    counts = contributions.aggregate(
        total=Count("pk"),
        waiting=Count("pk", filter=_unanswered()),
        late=Count("pk", filter=_unanswered() & Q(recorded_at__lte=_overdue_cutoff(now))),
    )
    return Answers(counts["total"] - counts["waiting"], counts["waiting"], counts["late"])


def answers_to_contributions_of(person: Person, now: datetime | None = None) -> Answers:
    """What happened to a person's own contributions, for their home page. One query."""
    return _answers(Contribution.objects.filter(person=person), now)


def answers_owed_by(user: User, now: datetime | None = None) -> Answers:
    """The contributions ``user`` answers (every project's for coordinators, the projects they lead for
    everyone else), counted as the overdue list counts them. One query."""
    contributions = Contribution.objects.all()
    if not is_coordinator(user):
        contributions = contributions.filter(project__in=projects_led_by(user))
    return _answers(contributions, now)


def is_late(contribution: Contribution, now: datetime | None = None) -> bool:
    """Whether a contribution annotated by ``with_current_response`` is still waiting past the response days."""
    unanswered = getattr(contribution, "current_responded_at", None) is None
    return unanswered and contribution.recorded_at <= _overdue_cutoff(now)
