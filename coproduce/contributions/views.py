"""Pages for recording contributions, answering them, thanking people, and each person's own record."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from coproduce.accounts.models import User
from coproduce.communications.readability import ReadabilityCheck
from coproduce.contributions.conf import response_days
from coproduce.contributions.documents import DOCUMENTS, document_pdf
from coproduce.contributions.forms import ActivityContributionForm, OwnContributionForm, ResponseForm, ThanksForm
from coproduce.contributions.models import Contribution, ContributionKind, Outcome, ThanksMethod
from coproduce.contributions.permissions import (
    can_download_thanks,
    can_record_for_others,
    can_record_own,
    can_respond,
    can_thank,
    can_view_overdue,
)
from coproduce.contributions.queries import (
    activities_attended,
    activity_contributions,
    attendances_of,
    attendances_to_thank,
    contributions_of,
    ideas_that_changed_things,
    overdue_contributions,
    projects_for_own_contribution,
    responses_to,
)
from coproduce.contributions.services import record_contribution, respond_to_contribution, thank_participants
from coproduce.forms import show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.involvement.models import Activity, Attendance
from coproduce.pdf import pdf_response
from coproduce.people.models import CreditPreference, Person
from coproduce.refusals import Refused

PAGE_SIZE = 50


def _own_person(user: User) -> Person:
    require(can_record_own(user))
    return user.person


def activity_contributions_page(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(can_record_for_others(request.user))
    activity = get_object_or_404(Activity.objects.select_related("project"), pk=pk)
    form = ActivityContributionForm(submitted(request), activity=activity)
    if form.is_valid():
        person = form.cleaned_data["person"]
        try:
            record_contribution(
                person,
                project=activity.project,
                activity=activity,
                kind=ContributionKind(form.cleaned_data["kind"]),
                summary=form.cleaned_data["summary"],
                credit=form.cleaned_data["credit"],
                by=request.user,
            )
        except Refused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, f"{person.full_name}'s contribution is saved. Add another, or answer it.")
            return redirect("contributions:activity", pk=activity.pk)
    return render(
        request,
        "contributions/activity_contributions.html",
        {
            "activity": activity,
            "form": form,
            "contributions": activity_contributions(activity),
            "attended": activity.attendances.count(),
        },
    )


def add_own(request: AuthenticatedHttpRequest) -> HttpResponse:
    person = _own_person(request.user)
    projects = projects_for_own_contribution(person)
    usual = CreditPreference(person.credit_preference).label if person.credit_preference else "Do not name me"
    form = OwnContributionForm(
        submitted(request), projects=projects, activities=activities_attended(person), usual=usual
    )
    if form.is_valid():
        try:
            record_contribution(
                person,
                project=form.cleaned_data["project"],
                activity=form.cleaned_data["activity"],
                kind=ContributionKind(form.cleaned_data["kind"]),
                summary=form.cleaned_data["summary"],
                credit=form.cleaned_data["credit"],
                by=request.user,
            )
        except Refused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, "Thank you. Your contribution is saved. We will tell you what happens to it.")
            return redirect("contributions:yours")
    return render(request, "contributions/add_own.html", {"form": form, "has_projects": projects.exists()})


def yours(request: AuthenticatedHttpRequest) -> HttpResponse:
    person = _own_person(request.user)
    page = Paginator(contributions_of(person), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "contributions/yours.html",
        {"page": page, "attendances": attendances_of(person)[:PAGE_SIZE], "documents": DOCUMENTS},
    )


def changed_things(request: AuthenticatedHttpRequest) -> HttpResponse:
    person = _own_person(request.user)
    page = Paginator(ideas_that_changed_things(person), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "contributions/changed_things.html", {"page": page})


def respond(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    contribution = get_object_or_404(
        Contribution.objects.select_related("person", "project", "activity", "recorded_by__person"), pk=pk
    )
    require(can_respond(request.user, contribution))
    form = ResponseForm(submitted(request))
    check = ReadabilityCheck(request, form, {"explanation": "What we did"})
    if not check.pressed and form.is_valid():
        try:
            respond_to_contribution(
                contribution,
                outcome=Outcome(form.cleaned_data["outcome"]),
                explanation=form.cleaned_data["explanation"],
                by=request.user,
            )
        except Refused as refusal:
            show_refusal(form, refusal)
        else:
            person = contribution.person
            told = "We will email them." if person.email else "They have no email address, so tell them yourself."
            messages.success(request, f"Your answer to {person.full_name} is saved. {told}")
            if contribution.activity_id is not None and can_record_for_others(request.user):
                return redirect("contributions:activity", pk=contribution.activity_id)
            return redirect("contributions:overdue")
    return render(
        request,
        "contributions/respond.html",
        {"contribution": contribution, "form": form, "responses": responses_to(contribution), **check.context()},
    )


def overdue(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_view_overdue(request.user))
    page = Paginator(overdue_contributions(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "contributions/overdue.html", {"page": page, "days": response_days()})


def activity_thanks(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(can_thank(request.user))
    activity = get_object_or_404(Activity.objects.select_related("project"), pk=pk)
    form = ThanksForm(submitted(request), activity=activity)
    if form.is_valid():
        method = ThanksMethod(form.cleaned_data["method"])
        try:
            given = thank_participants(list(form.cleaned_data["attendances"]), method=method, by=request.user)
        except Refused as refusal:
            show_refusal(form, refusal)
        else:
            names = ", ".join(attendance.person.full_name for attendance in given.thanked)
            message = f"Saved: {names} thanked by {method.label.lower()}."
            if given.already:
                before = ", ".join(attendance.person.full_name for attendance in given.already)
                message += f" Already thanked this way before: {before}."
            messages.success(request, message)
            return redirect("contributions:thanks", pk=activity.pk)
    return render(
        request,
        "contributions/thanks.html",
        {"activity": activity, "form": form, "attendances": attendances_to_thank(activity), "documents": DOCUMENTS},
    )


def document(request: AuthenticatedHttpRequest, pk: int, kind: str) -> HttpResponse:
    if kind not in DOCUMENTS:
        raise Http404
    attendance = get_object_or_404(Attendance.objects.select_related("person", "activity__project"), pk=pk)
    require(can_download_thanks(request.user, attendance))
    pdf, filename = document_pdf(attendance, kind)
    return pdf_response(pdf, filename)
