"""The representation view (data lead only), outreach actions and loading reference figures."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from coproduce.accounts.models import User
from coproduce.analytics.conf import representation_cache_seconds
from coproduce.analytics.dashboard import dashboard
from coproduce.analytics.dimensions import dimensions
from coproduce.analytics.forms import (
    DashboardFilterForm,
    OutreachActionForm,
    ReferenceFiguresForm,
    RepresentationFilterForm,
)
from coproduce.analytics.permissions import (
    can_load_reference_figures,
    can_record_outreach,
    can_refresh_indicators,
    can_view_dashboard,
    can_view_representation,
)
from coproduce.analytics.queries import Period, default_period, outreach_actions, populations, representation
from coproduce.analytics.services import load_reference_figures, record_outreach, request_refresh
from coproduce.contributions.permissions import can_view_overdue
from coproduce.forms import submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.learning.permissions import can_manage_learning
from coproduce.payments.permissions import can_manage_payments
from coproduce.projects.models import Membership, Project
from coproduce.surveys.permissions import can_manage_surveys

# Who may open the page behind each indicator: the dashboard links to it only for them.
EVIDENCE_ACCESS: dict[str, Any] = {
    "learning:coverage": can_manage_learning,
    "analytics:representation": can_view_representation,
    "contributions:overdue": can_view_overdue,
    "payments:claims": can_manage_payments,
    "surveys:manage": can_manage_surveys,
}


def listed_projects(user: User, chosen: str) -> QuerySet[Project]:
    """The projects offered in a filter's list: the person's own and the one chosen (by its id)."""
    listed = Q(pk__in=Membership.objects.filter(person__user=user).values("project_id"))
    if chosen.isascii() and chosen.isdigit():  # "²" is a digit to Python, but not a number int() reads
        listed |= Q(pk=int(chosen))
    return Project.objects.filter(listed)


def _chosen_project(request: AuthenticatedHttpRequest) -> tuple[RepresentationFilterForm, Project | None]:
    form = RepresentationFilterForm(
        request.GET or None, listed=listed_projects(request.user, request.GET.get("project", ""))
    )
    project = form.cleaned_data["project"] if form.is_bound and form.is_valid() else None
    return form, project


def representation_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_view_representation(request.user))
    filter_form, project = _chosen_project(request)
    quarter = filter_form.chosen_quarter()
    period = Period(quarter.since(), quarter.until()) if quarter is not None else default_period()
    result = representation(period, project, cached=True)
    return render(
        request,
        "analytics/representation.html",
        {
            "filter_form": filter_form,
            "project": project,
            "result": result,
            "refresh_minutes": representation_cache_seconds() // 60,
            "actions": outreach_actions(period, project),
            "may_load_figures": can_load_reference_figures(request.user),
        },
    )


def outreach_action_create(request: AuthenticatedHttpRequest, dimension: str, category: str) -> HttpResponse:
    require(can_record_outreach(request.user))
    known = {item.key: item for item in dimensions(adults_only=False)}
    group = known[dimension].category(category) if dimension in known else None
    if group is None:
        raise Http404
    _, project = _chosen_project(request)
    form = OutreachActionForm(submitted(request))
    if form.is_valid():
        record_outreach(
            dimension=dimension,
            category=category,
            action=form.cleaned_data["action"],
            due_on=form.cleaned_data["due_on"],
            by=request.user,
            project=project,
        )
        messages.success(request, f"Outreach action recorded for {known[dimension].name}: {group.label}.")
        url = reverse("analytics:representation")
        return redirect(f"{url}?project={project.pk}" if project is not None else url)
    return render(
        request,
        "analytics/outreach_action.html",
        {"form": form, "dimension": known[dimension], "group": group, "project": project},
    )


def reference_figures(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_load_reference_figures(request.user))
    form = ReferenceFiguresForm(submitted(request), request.FILES if request.method == "POST" else None)
    if form.is_valid():
        population = load_reference_figures(
            name=form.cleaned_data["name"],
            area=form.cleaned_data["area"],
            source=form.cleaned_data["source"],
            text=form.cleaned_data["figures"],
            make_default=form.cleaned_data["make_default"],
            by=request.user,
        )
        messages.success(request, f"{population.figures.count()} figures loaded for {population.name}.")
        return redirect("analytics:reference_figures")
    return render(
        request,
        "analytics/reference_figures.html",
        {"form": form, "populations": populations(), "may_view_representation": can_view_representation(request.user)},
    )


def dashboard_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """How are we doing? The stored indicator figures for a quarter and, optionally, one project."""
    require(can_view_dashboard(request.user))
    projects = Project.objects.visible_to(request.user)
    listed = listed_projects(request.user, request.GET.get("project", ""))
    form = DashboardFilterForm(request.GET or None, projects=projects, listed=listed)
    if form.is_bound and not form.is_valid() and "project" in form.errors:
        # A project this person cannot see (or that does not exist): the same answer for both.
        raise PermissionDenied
    quarter, project = form.chosen()
    return render(
        request,
        "analytics/dashboard.html",
        {
            "filter_form": form,
            "result": dashboard(quarter, project),
            "may_refresh": can_refresh_indicators(request.user),
            "hidden_evidence": {
                reverse(name) for name, may_open in EVIDENCE_ACCESS.items() if not may_open(request.user)
            },
        },
    )


@require_POST
def dashboard_refresh(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Ask the worker to work the figures out again (coordinators and the data lead)."""
    require(can_refresh_indicators(request.user))
    request_refresh(by=request.user)
    messages.success(request, "The figures are being worked out again. This can take a few minutes.")
    next_url = request.POST.get("next", "")
    url = reverse("analytics:dashboard")
    return redirect(next_url if next_url.startswith(url + "?") else url)
