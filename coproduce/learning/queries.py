"""Reads for the learning pages and for the rules other apps check: signatures, champions, coverage."""

from dataclasses import dataclass
from datetime import date

from django.db import models
from django.db.models import Count, Exists, OuterRef, Q

from coproduce.learning.models import (
    CharterVersion,
    Course,
    CourseSession,
    Induction,
    OrganisationCommitment,
    Recommendation,
    Signature,
    SignatureQuerySet,
    TrainingRecord,
)
from coproduce.people.credit import NOT_NAMED, public_name
from coproduce.people.models import Organisation, Person, PersonKind
from coproduce.projects.models import Project, ProjectRole

# The groups the coverage view counts, as person kinds: members include carers.
GROUPS: tuple[tuple[str, tuple[PersonKind, ...]], ...] = (
    ("Members and carers", (PersonKind.MEMBER, PersonKind.CARER)),
    ("Allies", (PersonKind.ALLY,)),
    ("Partner representatives", (PersonKind.PARTNER_REPRESENTATIVE,)),
    ("Staff", (PersonKind.STAFF,)),
)
LEARNING_PROGRAMME_TITLE = "Co-production learning programme"


def current_version() -> CharterVersion | None:
    return CharterVersion.objects.current()


def current_signatures() -> SignatureQuerySet:
    """Signatures that count: not withdrawn, of the current version."""
    return Signature.objects.active().of_current_version()


def has_signed_current_charter(person: Person) -> bool:
    return current_signatures().personal().filter(person=person).exists()


def organisation_signature(organisation: Organisation, version: CharterVersion) -> Signature | None:
    return Signature.objects.organisational().filter(on_behalf_of=organisation, version=version).first()


def signatures_of(person: Person) -> models.QuerySet[Signature]:
    """Every signature the person made, for themselves or their organisation, newest first."""
    return Signature.objects.filter(person=person).select_related("version", "on_behalf_of")


def has_signed_champion(project: Project) -> bool:
    """Whether at least one of the project's champions has signed the current charter."""
    signed = current_signatures().personal().filter(person=OuterRef("person"))
    return project.memberships.filter(role=ProjectRole.CHAMPION).filter(Exists(signed)).exists()


def has_completed_course(person: Person, title: str) -> bool:
    return TrainingRecord.objects.filter(person=person, course__title=title).exists()


@dataclass(frozen=True)
class Champions:
    named: list[str]
    not_named: int
    organisations: list[str]


def champions() -> Champions:
    """The public champions list: people who signed the current charter (by their credit choice) and
    partner organisations that signed."""
    signatures = current_signatures()
    people = (
        Person.objects.current()
        .filter(Exists(signatures.personal().filter(person=OuterRef("pk"))))
        .order_by("full_name", "id")
    )
    names = [public_name(person) for person in people]
    named = sorted(name for name in names if name != NOT_NAMED)
    organisations = (
        Organisation.objects.filter(Exists(signatures.organisational().filter(on_behalf_of=OuterRef("pk"))))
        .order_by("name")
        .values_list("name", flat=True)
    )
    return Champions(named=named, not_named=len(names) - len(named), organisations=list(organisations))


def commitments_of(organisation: Organisation) -> models.QuerySet[OrganisationCommitment]:
    return OrganisationCommitment.objects.filter(
        organisation=organisation, signature__withdrawn_at__isnull=True
    ).order_by("-created_at", "-id")


def response_days_for(organisation: Organisation) -> int | None:
    """The shortest answering time the organisation committed to, under a signature it has not withdrawn."""
    return (
        commitments_of(organisation)
        .filter(response_days__isnull=False)
        .aggregate(days=models.Min("response_days"))["days"]
    )


def recommendations() -> models.QuerySet[Recommendation]:
    return Recommendation.objects.select_related("project", "organisation")


def count_overdue_recommendations(today: date, *, organisation: Organisation | None = None) -> int:
    """How many recommendations are waiting for an answer past their due date (for reports)."""
    overdue = Recommendation.objects.filter(responded_on__isnull=True, response_due__lt=today)
    if organisation is not None:
        overdue = overdue.filter(organisation=organisation)
    return overdue.count()


def courses() -> models.QuerySet[Course]:
    return Course.objects.prefetch_related("materials")


def sessions_of(course: Course) -> models.QuerySet[CourseSession]:
    return CourseSession.objects.filter(course=course).select_related("activity")


def records_of(person: Person) -> models.QuerySet[TrainingRecord]:
    return TrainingRecord.objects.filter(person=person).select_related("course", "session__activity")


def attendees_without_record(session: CourseSession) -> models.QuerySet[Person]:
    """People recorded as attending the session whose completion is not recorded yet."""
    recorded = TrainingRecord.objects.filter(session=session, person=OuterRef("pk"))
    return (
        Person.objects.filter(attendances__activity=session.activity)
        .exclude(Exists(recorded))
        .order_by("full_name", "id")
    )


def members_without_induction(today: date) -> models.QuerySet[Person]:
    """Members and carers with no induction, with their next activity (if any) to do it before."""
    return (
        Person.objects.current()
        .filter(kind__in=[PersonKind.MEMBER, PersonKind.CARER], induction__isnull=True)
        .annotate(
            next_activity=models.Min(
                "registrations__activity__starts_at",
                filter=Q(registrations__status="registered", registrations__activity__starts_at__date__gte=today),
            )
        )
        .order_by(models.F("next_activity").asc(nulls_last=True), "full_name", "id")
    )


def inductions_due_for_review(today: date) -> models.QuerySet[Induction]:
    return Induction.objects.filter(reviewed_on__isnull=True, review_due__lte=today).select_related("person")


@dataclass(frozen=True)
class CoverageRow:
    group: str
    people: int
    signed: int
    trained: int


def coverage_by_group() -> list[CoverageRow]:
    """For each group: how many people, how many signed the current charter, how many completed a course.

    One query: conditional counts over people, grouped by kind in the database.
    """
    signed = current_signatures().personal().filter(person=OuterRef("pk"))
    trained = TrainingRecord.objects.filter(person=OuterRef("pk"))
    rows = (
        Person.objects.current()
        .filter(awaiting_confirmation=False)
        .annotate(has_signed=Exists(signed), has_trained=Exists(trained))
        .values("kind")
        .annotate(
            people=Count("pk"),
            signed=Count("pk", filter=Q(has_signed=True)),
            trained=Count("pk", filter=Q(has_trained=True)),
        )
        .order_by()
    )
    by_kind = {row["kind"]: row for row in rows}
    coverage = []
    for label, kinds in GROUPS:
        found = [by_kind[kind] for kind in kinds if kind in by_kind]
        coverage.append(
            CoverageRow(
                group=label,
                people=sum(row["people"] for row in found),
                signed=sum(row["signed"] for row in found),
                trained=sum(row["trained"] for row in found),
            )
        )
    return coverage


def signed_organisations_count() -> int:
    return current_signatures().organisational().values("on_behalf_of").distinct().count()


def recommendations_by_answer(
    made: models.QuerySet[Recommendation], today: date, *, limit: int
) -> dict[str, models.QuerySet[Recommendation]]:
    """``made`` split for the recommendations pages: overdue, waiting (not yet due) and answered
    (latest answer first), at most ``limit`` of each."""
    waiting = made.filter(responded_on__isnull=True)
    return {
        "overdue": waiting.filter(response_due__lt=today)[:limit],
        "waiting": waiting.filter(response_due__gte=today)[:limit],
        "answered": made.filter(responded_on__isnull=False).order_by("-responded_on", "id")[:limit],
    }


def recommendations_to(organisation: Organisation) -> models.QuerySet[Recommendation]:
    """The recommendations made to one organisation: those waiting for an answer first, soonest due
    first, then the answered ones, latest answer first."""
    return (
        recommendations()
        .filter(organisation=organisation)
        .order_by(models.F("responded_on").desc(nulls_first=True), "response_due", "id")
    )


def recommendations_from(project: Project) -> models.QuerySet[Recommendation]:
    """The recommendations a project group made to partners, oldest first, with each partner's answer."""
    return recommendations().filter(project=project).order_by("sent_on", "id")
