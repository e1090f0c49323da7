"""Project pages: the list, a project, starting or proposing one, the intake queue, the opportunity
assessment, the project group, approving the design, and moving a project on."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.analytics.permissions import can_view_representation
from coproduce.communications.readability import ReadabilityCheck
from coproduce.forms import show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.learning.queries import recommendations_from
from coproduce.people.models import Person
from coproduce.projects.forms import (
    AddToGroupForm,
    AdvanceStageForm,
    ApproveDesignForm,
    AssessmentForm,
    IntakeDecisionForm,
    ProjectForm,
    ProposalForm,
)
from coproduce.projects.models import Lifecycle, Project
from coproduce.projects.permissions import (
    can_advance_project,
    can_approve_design,
    can_assess_project,
    can_create_project,
    can_decide_intake,
    can_manage_project_group,
    can_propose_project,
    can_view_project,
)
from coproduce.projects.queries import (
    assessment_of,
    first_involvement_stage,
    ideas_proposed_by,
    intake_queue,
    lifecycle_steps,
    rungs_by_stage,
)
from coproduce.projects.readiness import course_for_leads, next_step, readiness_to_move
from coproduce.projects.services import (
    DesignApprovalRefused,
    GroupChangeRefused,
    IntakeDecisionRefused,
    LeadRefused,
    StageChangeRefused,
    accept_idea,
    add_to_project_group,
    advance_stage,
    approve_design,
    create_project,
    decline_idea,
    propose_project,
    record_assessment,
)
from coproduce.reports.permissions import can_publish_you_said_we_did, can_view_project_report

PAGE_SIZE = 50


# The texts of a project that people read, for the readability check on the forms that write them.
READABLE_FIELDS = {"summary": "Summary"}


def _project_for(user: User, pk: int) -> Project:
    project = get_object_or_404(Project.objects.select_related("assessment"), pk=pk)
    require(can_view_project(user, project))
    return project


def project_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    projects = Project.objects.visible_to(request.user).taken_on()
    page = Paginator(projects, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "projects/project_list.html",
        {
            "page": page,
            "can_create": can_create_project(request.user),
            "can_propose": can_propose_project(request.user),
        },
    )


def project_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    project = _project_for(request.user, pk)
    memberships = project.memberships.select_related("person")
    readiness = readiness_to_move(project, user=request.user)
    return render(
        request,
        "projects/project_detail.html",
        {
            "project": project,
            "memberships": memberships,
            "steps": lifecycle_steps(project),
            "moves_without_involvement": project.stage_changes.exclude(reason_without_involvement=""),
            "assessment": assessment_of(project),
            "rungs": rungs_by_stage(project),
            "first_involvement": first_involvement_stage(project),
            "readiness": readiness,
            "next_step": next_step(project, readiness, user=request.user),
            "assessment_url": reverse("projects:assessment", args=[project.pk]),
            "approve_design_url": reverse("projects:approve_design", args=[project.pk]),
            "can_advance": can_advance_project(request.user, project) and readiness is not None,
            "can_assess": can_assess_project(request.user, project),
            "can_approve_design": (
                can_approve_design(request.user)
                and project.stage == Lifecycle.DESIGN
                and project.design_approved_at is None
            ),
            "can_manage_group": can_manage_project_group(request.user),
            "can_view_report": can_view_project_report(request.user, project),
            "can_view_representation": can_view_representation(request.user),
            "can_publish_you_said_we_did": can_publish_you_said_we_did(request.user, project),
            "recommendations": recommendations_from(project),
            "today": timezone.localdate(),
        },
    )


def project_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_create_project(request.user))
    form = ProjectForm(submitted(request))
    check = ReadabilityCheck(request, form, READABLE_FIELDS)
    if not check.pressed and form.is_valid():
        try:
            project = create_project(
                form.save(commit=False),
                by=request.user,
                co_lead=form.cleaned_data["co_lead"],
                staff_lead=form.cleaned_data["staff_lead"],
                champion=form.cleaned_data["champion"],
                start_at=form.cleaned_data["start_at"],
            )
        except StageChangeRefused as refusal:
            show_refusal(form, refusal)
            form.lead_needs_training = isinstance(refusal, LeadRefused)
        else:
            messages.success(request, f"You started the project at the {project.get_stage_display().lower()} stage.")
            return redirect("projects:detail", pk=project.pk)
    # A lead refused for a course not done is shown the way to the course.
    lead_course = course_for_leads() if form.lead_needs_training else None
    return render(request, "projects/project_form.html", {"form": form, "lead_course": lead_course, **check.context()})


def project_advance(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    project = _project_for(request.user, pk)
    require(can_advance_project(request.user, project))
    readiness = readiness_to_move(project, user=request.user)
    form = AdvanceStageForm(
        submitted(request),
        initial={"to_stage": project.next_stage},
        needs_reason=readiness is not None and readiness.needs_reason,
    )
    if form.is_valid():
        try:
            advanced = advance_stage(
                project, to=form.cleaned_data["to_stage"], by=request.user, reason=form.cleaned_data.get("reason", "")
            )
        except StageChangeRefused as refusal:
            show_refusal(form, refusal)
        else:
            if advanced.stage == Lifecycle.CLOSED:
                messages.success(request, "The project is closed.")
            else:
                messages.success(request, f"The project is at the {advanced.get_stage_display().lower()} stage now.")
            return redirect("projects:detail", pk=project.pk)
    return render(request, "projects/project_advance.html", {"project": project, "form": form, "readiness": readiness})


def project_propose(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_propose_project(request.user))
    form = ProposalForm(submitted(request))
    check = ReadabilityCheck(request, form, READABLE_FIELDS)
    if not check.pressed and form.is_valid():
        propose_project(form.save(commit=False), by=request.user)
        messages.success(request, "Thank you for your idea. A coordinator will read it and decide what happens next.")
        return redirect("projects:my_ideas")
    return render(request, "projects/project_propose.html", {"form": form, **check.context()})


def my_ideas(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_propose_project(request.user))
    person = get_object_or_404(Person, user=request.user)
    page = Paginator(ideas_proposed_by(person), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "projects/my_ideas.html", {"page": page})


def intake(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_decide_intake(request.user))
    page = Paginator(intake_queue(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "projects/intake.html", {"page": page})


def decide_intake(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(can_decide_intake(request.user))
    project = get_object_or_404(Project.objects.select_related("proposed_by"), pk=pk)
    form = IntakeDecisionForm(submitted(request))
    if form.is_valid():
        try:
            if form.cleaned_data["decision"] == IntakeDecisionForm.ACCEPT:
                accept_idea(project, by=request.user)
                messages.success(request, f"You took on “{project.title}”. It is a project at the idea stage now.")
            else:
                decline_idea(project, reason=form.cleaned_data["reason"], by=request.user)
                messages.success(request, f"You did not take “{project.title}” forward. We will show your reason.")
        except IntakeDecisionRefused as refusal:
            show_refusal(form, refusal)
        else:
            return redirect("projects:intake")
    return render(request, "projects/decide_intake.html", {"project": project, "form": form})


def project_assessment(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    project = _project_for(request.user, pk)
    require(can_assess_project(request.user, project))
    existing = assessment_of(project)
    form = AssessmentForm(submitted(request), instance=existing)
    if form.is_valid():
        record_assessment(form.save(commit=False), project=project, by=request.user)
        messages.success(request, "The opportunity assessment is saved.")
        return redirect("projects:detail", pk=project.pk)
    return render(
        request, "projects/project_assessment.html", {"project": project, "form": form, "is_new": existing is None}
    )


def project_approve_design(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    project = _project_for(request.user, pk)
    require(can_approve_design(request.user))
    form = ApproveDesignForm(submitted(request))
    if form.is_valid():
        try:
            approve_design(project, by=request.user)
        except DesignApprovalRefused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, "The design is approved.")
            return redirect("projects:detail", pk=project.pk)
    return render(request, "projects/project_approve_design.html", {"project": project, "form": form})


def project_add_to_group(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    project = _project_for(request.user, pk)
    require(can_manage_project_group(request.user))
    form = AddToGroupForm(submitted(request))
    if form.is_valid():
        try:
            membership = add_to_project_group(
                project, person=form.cleaned_data["person"], role=form.cleaned_data["role"], by=request.user
            )
        except GroupChangeRefused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(
                request, f"{membership.person.name} is in the project group as {membership.get_role_display().lower()}."
            )
            return redirect("projects:detail", pk=project.pk)
    return render(request, "projects/project_add_to_group.html", {"project": project, "form": form})
