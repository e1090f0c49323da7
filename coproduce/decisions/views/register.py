"""The decision register: the list, a project's decisions, one decision, drafting, changing and publishing."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render

from coproduce.communications.readability import ReadabilityCheck
from coproduce.decisions import permissions, queries
from coproduce.decisions.forms.register import DecisionForm
from coproduce.decisions.models import Proposal
from coproduce.decisions.services.register import publish_decision, save_decision
from coproduce.decisions.views.common import PAGE_SIZE, decision_or_404, project_or_404
from coproduce.forms import ConfirmForm, show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.refusals import Refused

# The texts people read, for the "Check readability" button on the form that writes them.
DECISION_READABLE = {"rationale": "Reasons", "cannot_change": "What could not change"}


def register(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_register(request.user))
    page = Paginator(queries.register(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "decisions/register.html", {"page": page})


def project_decisions(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    project = project_or_404(pk)
    require(permissions.can_view_project_decisions(request.user, project))
    can_manage = permissions.can_manage_decisions(request.user, project)
    return render(
        request,
        "decisions/project_decisions.html",
        {
            "project": project,
            "decisions": queries.register(request.user, project=project),
            "drafts": queries.drafts(project) if can_manage else [],
            "due": queries.due_for_review(project),
            "groups": queries.groups_of(project),
            "power": queries.power_sharing(project),
            "can_manage": can_manage,
        },
    )


def decision_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    decision = decision_or_404(pk)
    require(permissions.can_view_decision(request.user, decision))
    contributions = decision.contributions.select_related("person").order_by("-recorded_at", "-id")
    return render(
        request,
        "decisions/decision_detail.html",
        {
            "decision": decision,
            "options": [line.strip() for line in decision.options_considered.splitlines() if line.strip()],
            "contributions": contributions,
            "revisions": decision.revisions.select_related("changed_by__person"),
            "can_edit": permissions.can_edit_decision(request.user, decision),
        },
    )


def decision_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    project = project_or_404(pk)
    require(permissions.can_manage_decisions(request.user, project))
    initial = {}
    proposal_id = request.GET.get("proposal", "")
    if proposal_id.isdigit():
        proposal = Proposal.objects.filter(pk=int(proposal_id), group__project=project).first()
        if proposal is not None:
            initial = {"proposal": proposal, "question": proposal.title}
    form = DecisionForm(submitted(request), project=project, initial=initial)
    check = ReadabilityCheck(request, form, DECISION_READABLE)
    if not check.pressed and form.is_valid():
        try:
            decision = save_decision(
                form.save(commit=False), contributions=form.cleaned_data["contributions"], by=request.user
            )
        except Refused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, "The decision is saved as a draft. Publish it when it is ready.")
            return redirect("decisions:decision", pk=decision.pk)
    context = {"form": form, "project": project, "decision": None, **check.context()}
    return render(request, "decisions/decision_form.html", context)


def decision_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    decision = decision_or_404(pk)
    require(permissions.can_edit_decision(request.user, decision))
    form = DecisionForm(submitted(request), instance=decision, project=decision.project)
    check = ReadabilityCheck(request, form, DECISION_READABLE)
    if not check.pressed and form.is_valid():
        try:
            save_decision(form.save(commit=False), contributions=form.cleaned_data["contributions"], by=request.user)
        except Refused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, "Your changes are saved.")
            return redirect("decisions:decision", pk=decision.pk)
    return render(
        request,
        "decisions/decision_form.html",
        {"form": form, "project": decision.project, "decision": decision, **check.context()},
    )


def decision_publish(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    decision = decision_or_404(pk)
    require(permissions.can_publish_decision(request.user, decision))
    form = ConfirmForm(submitted(request))
    if form.is_valid():
        try:
            publish_decision(decision, by=request.user)
        except Refused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, "The decision is published in the register.")
            return redirect("decisions:decision", pk=decision.pk)
    return render(request, "decisions/publish.html", {"decision": decision, "form": form})
