"""Reads for the decisions pages: registers, results, power-sharing measures, concerns and agendas."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.decisions import tallies
from coproduce.decisions.choices import (
    JOINT_METHODS,
    LIVED_EXPERIENCE_KINDS,
    DecisionMethod,
    DecisionStatus,
    Method,
)
from coproduce.decisions.conf import review_notice_days, staff_only_design_limit
from coproduce.decisions.models import AgendaItem, Concern, Decision, GroupMember, ProjectGroup, Proposal, Response
from coproduce.involvement.choices import ActivityKind
from coproduce.involvement.models import Activity
from coproduce.model import STAGE_ORDER, Stage
from coproduce.people.models import Person
from coproduce.projects.models import Project


def register(user: User | AnonymousUser, *, project: Project | None = None) -> QuerySet[Decision]:
    """Published decisions the person may see, newest first, with what each page row shows (fixed queries)."""
    visible = Project.objects.visible_to(user)
    decisions = Decision.objects.filter(status=DecisionStatus.PUBLISHED, project__in=visible)
    if project is not None:
        decisions = decisions.filter(project=project)
    return (
        decisions.select_related("project")
        .annotate(contribution_count=Count("contributions", distinct=True))
        .order_by("-published_at", "-id")
    )


def drafts(project: Project) -> QuerySet[Decision]:
    return Decision.objects.filter(project=project, status=DecisionStatus.DRAFT).order_by("-created_at", "-id")


def due_for_review(project: Project) -> QuerySet[Decision]:
    """Published decisions whose review date has come, or comes within the notice period."""
    horizon = timezone.localdate() + timedelta(days=review_notice_days())
    return Decision.objects.filter(
        project=project, status=DecisionStatus.PUBLISHED, review_on__isnull=False, review_on__lte=horizon
    ).order_by("review_on", "id")


def groups_of(project: Project) -> QuerySet[ProjectGroup]:
    return ProjectGroup.objects.filter(project=project).annotate(member_count=Count("members"))


def group_members(group: ProjectGroup) -> QuerySet[GroupMember]:
    return group.members.select_related("person").order_by("role", "person__full_name", "id")


def lived_experience_share(group: ProjectGroup, *, adding: Person | None = None) -> tuple[int, int]:
    """(seats held by people with lived experience, all seats), counting ``adding`` as a new seat."""
    counts = group.members.aggregate(
        seats=Count("id"), lived=Count("id", filter=Q(person__kind__in=LIVED_EXPERIENCE_KINDS))
    )
    seats, lived = counts["seats"], counts["lived"]
    if adding is not None:
        seats += 1
        lived += 1 if adding.kind in LIVED_EXPERIENCE_KINDS else 0
    return lived, seats


def live_responses(proposal: Proposal) -> QuerySet[Response]:
    return (
        proposal.responses.filter(withdrawn_at__isnull=True)
        .select_related("person", "option", "recorded_by__person")
        .prefetch_related("choices")
        .order_by("responded_at", "id")
    )


def ballots(proposal: Proposal) -> list[tallies.Ballot]:
    """Every response (withdrawn ones marked) as ballots for the tallies, in two queries."""
    rows = proposal.responses.prefetch_related("choices")
    result = []
    for response in rows:
        choices = list(response.choices.all())
        ranking = tuple(choice.option_id for choice in sorted(choices, key=lambda c: c.rank or 0) if choice.rank)
        scores = tuple((choice.option_id, choice.score) for choice in choices if choice.score is not None)
        result.append(
            tallies.Ballot(
                stance=response.stance,
                option=response.option_id,
                ranking=ranking,
                scores=scores,
                withdrawn=response.withdrawn_at is not None,
            )
        )
    return result


def result_of(proposal: Proposal) -> tallies.StanceResult | tallies.OptionResult:
    counted = ballots(proposal)
    options = [option.pk for option in proposal.options.all()]
    method = Method(proposal.method)
    if method == Method.CONSENT:
        return tallies.consent(counted, quorum=proposal.quorum)
    if method == Method.CONSENSUS:
        return tallies.sense_check(counted, quorum=proposal.quorum)
    if method == Method.VOTE:
        return tallies.simple_vote(counted, options, quorum=proposal.quorum)
    if method == Method.RANKED:
        return tallies.instant_runoff(counted, options, quorum=proposal.quorum)
    return tallies.score(counted, options, quorum=proposal.quorum)


def lived_experience_responses(proposal: Proposal) -> int:
    """How many people with lived experience took part (withdrawn responses do not count)."""
    return proposal.responses.filter(withdrawn_at__isnull=True, person__kind__in=LIVED_EXPERIENCE_KINDS).count()


@dataclass(frozen=True)
class StageShare:
    stage: Stage
    joint: int
    staff_only: int

    @property
    def total(self) -> int:
        return self.joint + self.staff_only

    @property
    def staff_only_share(self) -> Decimal | None:
        if self.total == 0:
            return None
        return (Decimal(self.staff_only) / Decimal(self.total)).quantize(Decimal("0.01"), ROUND_HALF_UP)

    @property
    def joint_percent(self) -> int | None:
        if self.total == 0:
            return None
        return int((Decimal(100 * self.joint) / Decimal(self.total)).quantize(Decimal("1"), ROUND_HALF_UP))


@dataclass(frozen=True)
class PowerSharing:
    stages: tuple[StageShare, ...]
    limit: Decimal
    flagged: tuple[StageShare, ...]  # stages where staff alone made more than ``limit`` of the decisions

    @property
    def is_flagged(self) -> bool:
        return bool(self.flagged)

    @property
    def with_staff_only(self) -> tuple[StageShare, ...]:
        """Every stage with a decision made by staff alone, each said on the project's page."""
        return tuple(share for share in self.stages if share.staff_only)


def power_sharing(project: Project) -> PowerSharing:
    """Published decisions made jointly versus by staff alone at each stage, counted in one query.

    A stage is flagged when more than ``COPRODUCE_STAFF_ONLY_DESIGN_LIMIT`` of its decisions were
    staff only; the setting keeps its name from when only the design stage was checked.
    """
    rows = (
        Decision.objects.filter(project=project, status=DecisionStatus.PUBLISHED)
        .values("stage")
        .annotate(
            joint=Count("id", filter=Q(method__in=JOINT_METHODS)),
            staff_only=Count("id", filter=Q(method=DecisionMethod.STAFF_ONLY)),
        )
        .order_by()
    )
    by_stage: dict[str, tuple[int, int]] = {row["stage"]: (row["joint"], row["staff_only"]) for row in rows}
    stages = tuple(
        StageShare(
            stage=stage, joint=by_stage.get(stage.value, (0, 0))[0], staff_only=by_stage.get(stage.value, (0, 0))[1]
        )
        for stage in STAGE_ORDER
    )
    limit = staff_only_design_limit()
    flagged = tuple(share for share in stages if share.staff_only_share is not None and share.staff_only_share > limit)
    return PowerSharing(stages=stages, limit=limit, flagged=flagged)


def next_meeting(project: Project) -> Activity | None:
    """The project's next meeting or steering group meeting, if one is planned."""
    return (
        Activity.objects.filter(
            project=project,
            kind__in=[ActivityKind.MEETING, ActivityKind.STEERING_GROUP],
            starts_at__gt=timezone.now(),
        )
        .order_by("starts_at", "id")
        .first()
    )


def agenda_of(group: ProjectGroup) -> QuerySet[AgendaItem]:
    return group.agenda_items.select_related("proposed_by", "meeting").order_by("status", "proposed_at", "id")


def concerns_to_handle() -> QuerySet[Concern]:
    # raised_by is loaded for named concerns only; anonymous ones have nobody to load.
    return Concern.objects.select_related("project", "group", "raised_by").order_by("status", "-raised_on", "-id")


def concerns_of(person: Person) -> QuerySet[Concern]:
    return Concern.objects.filter(raised_by=person).select_related("project").order_by("-raised_on", "-id")


def proposals_of(group: ProjectGroup) -> QuerySet[Proposal]:
    return group.proposals.annotate(
        response_count=Count("responses", filter=Q(responses__withdrawn_at__isnull=True))
    ).order_by("-created_at", "-id")
