"""Project pages: the list, a project, creating one, and moving it to its next stage."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from coproduce.accounts.models import User
from coproduce.forms import submitted
from coproduce.model import STAGES
from coproduce.projects.forms import AdvanceStageForm, ProjectForm
from coproduce.projects.models import Project
from coproduce.projects.permissions import can_advance_project, can_create_project, can_view_project
from coproduce.projects.services import StageChangeRefused, advance_stage, create_project

PAGE_SIZE = 50


def _project_for(user: User, pk: int) -> Project:
    project = get_object_or_404(Project, pk=pk)
    if not can_view_project(user, project):
        raise PermissionDenied
    return project


def project_list(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    projects = Project.objects.visible_to(user)
    page = Paginator(projects, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "projects/project_list.html", {"page": page, "can_create": can_create_project(user)})


def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    project = _project_for(user, pk)
    memberships = project.memberships.select_related("person")
    return render(
        request,
        "projects/project_detail.html",
        {
            "project": project,
            "memberships": memberships,
            "stages": STAGES,
            "can_advance": can_advance_project(user, project) and project.next_stage is not None,
        },
    )


def project_create(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if not can_create_project(user):
        raise PermissionDenied
    form = ProjectForm(submitted(request))
    if form.is_valid():
        project = create_project(
            form.save(commit=False),
            by=user,
            co_lead=form.cleaned_data["co_lead"],
            staff_lead=form.cleaned_data["staff_lead"],
            champion=form.cleaned_data["champion"],
        )
        return redirect("projects:detail", pk=project.pk)
    return render(request, "projects/project_form.html", {"form": form})


def project_advance(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    project = _project_for(user, pk)
    if not can_advance_project(user, project):
        raise PermissionDenied
    form = AdvanceStageForm(submitted(request), initial={"to_stage": project.next_stage})
    if form.is_valid():
        try:
            advance_stage(project, to=form.cleaned_data["to_stage"], by=user)
        except StageChangeRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            return redirect("projects:detail", pk=project.pk)
    return render(request, "projects/project_advance.html", {"project": project, "form": form})
