"""Pages for recording contributions, answering them, thanking people, and each person's own record."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
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
from coproduce.contributions.services import (
    Refused,
    record_contribution,
    respond_to_contribution,
    thank_participant,
)
from coproduce.forms import submitted
from coproduce.involvement.models import Activity, Attendance
from coproduce.pdf import pdf_response
from coproduce.people.models import CreditPreference, Person

PAGE_SIZE = 50


def _own_person(user: User) -> Person:
    if not can_record_own(user):
        raise PermissionDenied
    return user.person


def _add_errors(
    form: ActivityContributionForm | OwnContributionForm | ResponseForm | ThanksForm, refusal: Refused
) -> None:
    for field, message in refusal.errors.items():
        form.add_error(field if field in form.fields else None, message)


def activity_contributions_page(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if not can_record_for_others(user):
        raise PermissionDenied
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
                by=user,
            )
        except Refused as refusal:
            _add_errors(form, refusal)
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


def add_own(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    person = _own_person(user)
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
                by=user,
            )
        except Refused as refusal:
            _add_errors(form, refusal)
        else:
            messages.success(request, "Thank you. Your contribution is saved. We will tell you what happens to it.")
            return redirect("contributions:yours")
    return render(request, "contributions/add_own.html", {"form": form, "has_projects": projects.exists()})


def yours(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    person = _own_person(user)
    page = Paginator(contributions_of(person), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "contributions/yours.html",
        {"page": page, "attendances": attendances_of(person)[:PAGE_SIZE], "documents": DOCUMENTS},
    )


def changed_things(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    person = _own_person(user)
    page = Paginator(ideas_that_changed_things(person), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "contributions/changed_things.html", {"page": page})


def respond(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    contribution = get_object_or_404(
        Contribution.objects.select_related("person", "project", "activity", "recorded_by__person"), pk=pk
    )
    if not can_respond(user, contribution):
        raise PermissionDenied
    form = ResponseForm(submitted(request))
    check = ReadabilityCheck(request, form, {"explanation": "What we did"})
    if not check.pressed and form.is_valid():
        try:
            respond_to_contribution(
                contribution,
                outcome=Outcome(form.cleaned_data["outcome"]),
                explanation=form.cleaned_data["explanation"],
                by=user,
            )
        except Refused as refusal:
            _add_errors(form, refusal)
        else:
            person = contribution.person
            told = "We will email them." if person.email else "They have no email address, so tell them yourself."
            messages.success(request, f"Your answer to {person.full_name} is saved. {told}")
            if contribution.activity_id is not None and can_record_for_others(user):
                return redirect("contributions:activity", pk=contribution.activity_id)
            return redirect("contributions:overdue")
    return render(
        request,
        "contributions/respond.html",
        {"contribution": contribution, "form": form, "responses": responses_to(contribution), **check.context()},
    )


def overdue(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if not can_view_overdue(user):
        raise PermissionDenied
    page = Paginator(overdue_contributions(user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "contributions/overdue.html", {"page": page, "days": response_days()})


def activity_thanks(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if not can_thank(user):
        raise PermissionDenied
    activity = get_object_or_404(Activity.objects.select_related("project"), pk=pk)
    form = ThanksForm(submitted(request), activity=activity)
    if form.is_valid():
        attendance = form.cleaned_data["attendance"]
        method = ThanksMethod(form.cleaned_data["method"])
        try:
            thank_participant(attendance, method=method, by=user)
        except Refused as refusal:
            _add_errors(form, refusal)
        else:
            messages.success(request, f"Saved: {attendance.person.full_name} thanked by {method.label.lower()}.")
            return redirect("contributions:thanks", pk=activity.pk)
    return render(
        request,
        "contributions/thanks.html",
        {"activity": activity, "form": form, "attendances": attendances_to_thank(activity), "documents": DOCUMENTS},
    )


def document(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if kind not in DOCUMENTS:
        raise Http404
    attendance = get_object_or_404(Attendance.objects.select_related("person", "activity__project"), pk=pk)
    if not can_download_thanks(user, attendance):
        raise PermissionDenied
    pdf, filename = document_pdf(attendance, kind)
    return pdf_response(pdf, filename)
