"""How each indicator is counted: raw ``(numerator, denominator)`` counts for a quarter and, optionally,
one project, counted in the database (aggregates, never rows loaded into Python).

Nothing here is safe to publish as it stands: the dashboard passes every figure through
``disclosure`` first.
"""

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)

from coproduce.analytics.disclosure import SUPPRESSED
from coproduce.analytics.indicators.quarters import Quarter
from coproduce.analytics.queries import Period, representation
from coproduce.contributions.queries import answered_within_share, thanked_within_share
from coproduce.decisions.choices import JOINT_METHODS, LIVED_EXPERIENCE_KINDS, DecisionMethod, DecisionStatus
from coproduce.decisions.models import Decision
from coproduce.involvement.models import Activity, Attendance
from coproduce.learning.models import Signature, TrainingRecord
from coproduce.model import STAGE_ORDER, LadderRung
from coproduce.payments.queries import timeliness
from coproduce.people.models import Person, PersonKind
from coproduce.projects.models import Lifecycle, Membership, Project, StageChange
from coproduce.surveys.choices import AGREEING, Answer
from coproduce.surveys.models import SurveyAnswer

Counts = tuple[int, int]

# People the charter is for: members, carers, allies and partner representatives (staff sign by role).
CHARTER_KINDS = (PersonKind.MEMBER, PersonKind.CARER, PersonKind.ALLY, PersonKind.PARTNER_REPRESENTATIVE)


def _people(project: Project | None) -> QuerySet[Person]:
    people = Person.objects.current().filter(awaiting_confirmation=False)
    if project is not None:
        people = people.filter(pk__in=Membership.objects.filter(project=project).values("person_id"))
    return people


def charter_signed(period: Quarter, project: Project | None) -> Counts:
    """People (not staff) who have signed the current charter by the end of the period, of all of them."""
    signed = (
        Signature.objects.active()
        .personal()
        .of_current_version()
        .filter(person=OuterRef("pk"), signed_at__lt=period.until())
    )
    row = (
        _people(project)
        .filter(kind__in=CHARTER_KINDS)
        .aggregate(people=Count("pk"), signed=Count("pk", filter=Q(Exists(signed))))
    )
    return row["signed"], row["people"]


def groups_represented(period: Quarter, project: Project | None) -> Counts:
    """Equality groups compared with the reference population that are not under-represented.

    Uses the representation view's figures (counted in one aggregate query); groups whose counts
    are too small to judge are left out.
    """
    result = representation(Period(period.since(), period.until()), project)
    judged = [row for view in result.dimensions for row in view.rows if row.is_gap or row.verdict != SUPPRESSED]
    return sum(1 for row in judged if not row.is_gap), len(judged)


def contributions_answered(period: Quarter, project: Project | None) -> Counts:
    return answered_within_share(period.start, period.end, project)


def participants_thanked(period: Quarter, project: Project | None) -> Counts:
    return thanked_within_share(period.start, period.end, project)


def claims_paid_in_time(period: Quarter, project: Project | None) -> Counts:
    """Claims sent in the period and paid within the payment days, of those paid or whose time is up."""
    claims = timeliness(period.since(), period.until(), project)
    return claims.in_time, claims.judged


def early_involvement(period: Quarter, project: Project | None) -> Counts:
    """Projects whose first involvement of members or carers was at the idea or design stage, of the
    projects that had any by the end of the period."""
    lived = Attendance.objects.filter(
        activity__project=OuterRef("pk"),
        person__kind__in=LIVED_EXPERIENCE_KINDS,
        activity__starts_at__lt=period.until(),
    )
    early = lived.filter(activity__stage__in=[Lifecycle.IDEA, Lifecycle.DESIGN])
    projects = Project.objects.all() if project is None else Project.objects.filter(pk=project.pk)
    row = projects.filter(Exists(lived)).aggregate(projects=Count("pk"), early=Count("pk", filter=Q(Exists(early))))
    return row["early"], row["projects"]


def moves_with_people_involved(period: Quarter, project: Project | None) -> Counts:
    """Stage moves in the period made once people with lived experience had taken part at the stage left,
    of all stage moves in the period (a move without them carries a written reason instead)."""
    moves = StageChange.objects.exclude(from_stage="").filter(
        changed_at__gte=period.since(), changed_at__lt=period.until()
    )
    if project is not None:
        moves = moves.filter(project=project)
    row = moves.aggregate(moves=Count("pk"), involved=Count("pk", filter=Q(reason_without_involvement="")))
    return row["involved"], row["moves"]


def _rank(field: str) -> Case:
    return Case(
        *(When(**{field: rung.value}, then=Value(index)) for index, rung in enumerate(LadderRung)),
        default=Value(-1),
        output_field=IntegerField(),
    )


def _planned_rank() -> Case:
    """The rank of the rung the project's assessment planned for the activity's stage."""
    return Case(
        *(
            When(
                Q(stage=stage.value, **{f"project__assessment__planned_rung_{stage.value}": rung.value}),
                then=Value(index),
            )
            for stage in STAGE_ORDER
            for index, rung in enumerate(LadderRung)
        ),
        default=Value(-1),
        output_field=IntegerField(),
    )


def rung_reached(period: Quarter, project: Project | None) -> Counts:
    """Activities held in the period, with people taking part, whose rung reached the rung the
    project planned for that stage (projects with an opportunity assessment only)."""
    activities = Activity.objects.filter(
        starts_at__gte=period.since(),
        starts_at__lt=period.until(),
        stage__in=[stage.value for stage in STAGE_ORDER],
        project__assessment__isnull=False,
    ).filter(Exists(Attendance.objects.filter(activity=OuterRef("pk"))))
    if project is not None:
        activities = activities.filter(project=project)
    row = (
        activities.annotate(actual_rank=_rank("planned_rung"), planned_rank=_planned_rank())
        .filter(planned_rank__gte=0)
        .aggregate(
            activities=Count("pk"),
            reached=Count("pk", filter=Q(actual_rank__gte=F("planned_rank"))),
        )
    )
    return row["reached"], row["activities"]


def training_coverage(period: Quarter, project: Project | None) -> Counts:
    """People who had completed any course by the end of the period, of everyone with a record."""
    trained = TrainingRecord.objects.filter(person=OuterRef("pk"), completed_on__lte=period.end)
    row = _people(project).aggregate(people=Count("pk"), trained=Count("pk", filter=Q(Exists(trained))))
    return row["trained"], row["people"]


def decisions_joint(period: Quarter, project: Project | None) -> Counts:
    """Decisions published in the period that were made jointly, of those made jointly or by staff alone."""
    decisions = Decision.objects.filter(
        status=DecisionStatus.PUBLISHED,
        published_at__gte=period.since(),
        published_at__lt=period.until(),
        method__in=[*JOINT_METHODS, DecisionMethod.STAFF_ONLY],
    )
    if project is not None:
        decisions = decisions.filter(project=project)
    row = decisions.aggregate(decisions=Count("pk"), joint=Count("pk", filter=Q(method__in=JOINT_METHODS)))
    return row["joint"], row["decisions"]


def felt_listened_to(period: Quarter, project: Project | None) -> Counts:
    """Survey answers agreeing with "I felt listened to", of those who answered it (as
    ``surveys.queries.agreement_share``, with a project filter)."""
    answers = SurveyAnswer.objects.filter(answered_on__gte=period.start, answered_on__lte=period.end)
    if project is not None:
        answers = answers.filter(round__project=project)
    row = answers.aggregate(
        agreeing=Count("pk", filter=Q(listened__in=AGREEING)),
        answered=Count("pk", filter=~Q(listened=Answer.PREFER_NOT)),
    )
    return row["agreeing"], row["answered"]
