"""The lists staff work through, grouped, each counted where a count helps: a few aggregate queries
in all, however much is waiting. Coordinators also get their two most common starting points."""

from datetime import datetime

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.accounts.permissions import is_admin, is_coordinator
from coproduce.analytics.dashboard import dashboard
from coproduce.analytics.indicators.quarters import current_quarter
from coproduce.analytics.permissions import (
    can_load_reference_figures,
    can_read_organisation_health,
    can_view_representation,
)
from coproduce.communications.choices import CLOSED_STATUSES, MessageStatus
from coproduce.communications.models import FormatRequest
from coproduce.communications.permissions import can_manage_messages
from coproduce.communications.queries import message_status_counts
from coproduce.contributions.permissions import can_view_overdue
from coproduce.contributions.queries import answers_owed_by
from coproduce.decisions.choices import ConcernStatus
from coproduce.decisions.models import Concern
from coproduce.home.links import Group, Link, how_many
from coproduce.involvement.permissions import can_manage_activities
from coproduce.learning.models import Recommendation
from coproduce.learning.queries import members_without_induction
from coproduce.payments.choices import ClaimStatus
from coproduce.payments.models import Claim
from coproduce.payments.permissions import can_manage_payments
from coproduce.projects.models import Project
from coproduce.projects.permissions import can_create_project
from coproduce.projects.readiness import NextStep, next_step, readiness_to_move
from coproduce.reports.permissions import can_send_digests, can_view_organisation_report


def primary_actions(user: User) -> list[Link]:
    """Starting a project and planning an activity (chosen for its project on the form)."""
    actions = []
    if can_create_project(user):
        actions.append(Link("Start a project", reverse("projects:create")))
    if can_manage_activities(user):
        actions.append(Link("Plan an activity", reverse("involvement:activity_create")))
    return actions


def projects_with_next_steps(user: User, projects: list[Project]) -> list[tuple[Project, NextStep | None]]:
    """Each of the staff member's projects (at most ten) with the next thing the model asks for on it, when
    they are the one who may do it: the same step as the main button of the project's page."""
    steps = []
    for project in projects:
        step = next_step(project, readiness_to_move(project, user=user), user=user)
        steps.append((project, step if step is not None and step.url else None))
    return steps


def _waiting_and_late(waiting: int, late: int, *, late_word: str = "late") -> str:
    if not waiting:
        return "none"
    return f"{waiting}, {late} {late_word}" if late else str(waiting)


def _contributions(user: User, now: datetime) -> Group:
    answers = answers_owed_by(user, now)
    return Group(
        "Contributions",
        [
            Link(
                "Contributions waiting for an answer",
                reverse("contributions:overdue"),
                "The list shows the late ones, oldest first",
                _waiting_and_late(answers.waiting, answers.late),
            )
        ],
    )


def _payments(user: User) -> Group:
    to_handle = Claim.objects.filter(status__in=[ClaimStatus.SUBMITTED, ClaimStatus.APPROVED]).count()
    links = [
        Link("Expense and payment claims", reverse("payments:claims"), count=how_many(to_handle, "to approve or pay")),
        Link("Finance export", reverse("payments:export")),
    ]
    if is_admin(user):
        links.append(Link("Payment rate cards", reverse("payments:rate_cards")))
    return Group("Payments", links)


def _messages(user: User, today: datetime) -> Group:
    counts = message_status_counts()
    links = [
        Link(
            "Messages",
            reverse("communications:messages"),
            "Messages that failed come first",
            how_many(counts[MessageStatus.FAILED], "failed"),
        ),
        Link(
            "Letters to post",
            reverse("communications:post_to_send"),
            count=how_many(counts[MessageStatus.WAITING_FOR_POST], "waiting"),
        ),
        Link(
            "Calls to make", reverse("communications:calls"), count=how_many(counts[MessageStatus.TO_CALL], "to make")
        ),
        Link("Newsletters and updates", reverse("newsletters:list"), "Write once; each person gets their format"),
    ]
    if is_coordinator(user):
        requests = FormatRequest.objects.exclude(status__in=CLOSED_STATUSES).aggregate(
            open=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=today.date()))
        )
        links += [
            Link(
                "Requests for other formats",
                reverse("communications:format_requests"),
                "Overdue ones first",
                _waiting_and_late(requests["open"], requests["overdue"], late_word="overdue"),
            ),
            Link("Easy Read documents", reverse("easyread:documents"), "Write and publish Easy Read versions"),
        ]
    return Group("Messages and formats", links)


def _people_and_partners(today: datetime) -> Group:
    day = today.date()
    recommendations = Recommendation.objects.filter(responded_on__isnull=True).aggregate(
        waiting=Count("pk"), overdue=Count("pk", filter=Q(response_due__lt=day))
    )
    concerns = Concern.objects.filter(status=ConcernStatus.OPEN).count()
    return Group(
        "People, partners and reviews",
        [
            Link("Concerns raised", reverse("decisions:concerns"), count=how_many(concerns, "waiting for a response")),
            Link(
                "Inductions of new members",
                reverse("learning:inductions"),
                count=how_many(members_without_induction(day).count(), "without an induction"),
            ),
            Link(
                "Recommendations to partners",
                reverse("learning:recommendations"),
                count=_waiting_and_late(recommendations["waiting"], recommendations["overdue"], late_word="overdue"),
            ),
            Link("Reviews", reverse("reviews:list"), "Quarterly, end-of-stage and annual reviews"),
            Link("Experience surveys", reverse("surveys:manage")),
            Link("Charter and training coverage", reverse("learning:coverage")),
        ],
    )


def _reports(user: User) -> Group:
    links = []
    if can_read_organisation_health(user):
        links.append(
            Link(
                "How are we doing?",
                reverse("analytics:dashboard"),
                "This quarter's figures for the five values and six steps, each against its target",
                f"{dashboard(current_quarter()).overview}",
            )
        )
    if can_view_organisation_report(user):
        links.append(Link("Progress reports", reverse("reports:organisation"), "Set out in the GRIPP2 short form"))
    if can_send_digests(user):
        links.append(Link("Personal digests", reverse("reports:digests"), "Tell each contributor what happened"))
    if can_view_representation(user):
        links.append(Link("Who is involved", reverse("analytics:representation"), "Compared with the population"))
    if can_load_reference_figures(user):
        links.append(Link("Reference population figures", reverse("analytics:reference_figures")))
    return Group("Reports and figures", links)


def work_groups(user: User, *, now: datetime | None = None) -> list[Group]:
    """The lists ``user`` may work through, grouped; groups they have nothing in are left out."""
    now = timezone.localtime(now or timezone.now())
    groups = []
    if can_view_overdue(user):
        groups.append(_contributions(user, now))
    if can_manage_payments(user):
        groups.append(_payments(user))
    if can_manage_messages(user):
        groups.append(_messages(user, now))
    if is_coordinator(user):
        groups.append(_people_and_partners(now))
    groups.append(_reports(user))
    return [group for group in groups if group.links]
