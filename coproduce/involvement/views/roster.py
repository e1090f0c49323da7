"""The roster with access needs: how each need is met, adding people, and marking the activity ready."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from coproduce.forms import ConfirmForm, show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.involvement.choices import ArrangementStatus, RegistrationStatus
from coproduce.involvement.forms.roster import AddPersonForm, ArrangementsForm
from coproduce.involvement.models import Registration
from coproduce.involvement.permissions import can_manage_activities
from coproduce.involvement.queries import roster, roster_entry
from coproduce.involvement.services.registrations import RegistrationRefused, register
from coproduce.involvement.services.roster import (
    ArrangementRefused,
    NotReady,
    mark_ready,
    record_roster_view,
    set_arrangements,
)
from coproduce.involvement.views.lookups import managed_activity
from coproduce.people.permissions import can_view_access_needs


def activity_roster(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    activity = managed_activity(request.user, pk)
    # Coordinators may see the access needs of the people on their rosters (ADR 0003); the view
    # records that they looked, without the needs themselves.
    record_roster_view(activity, by=request.user)
    return render(request, "involvement/roster.html", {"activity": activity, "roster": roster(activity)})


def registration_arrangements(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(can_manage_activities(request.user))
    registration = get_object_or_404(Registration.objects.select_related("activity", "person"), pk=pk)
    if registration.status == RegistrationStatus.WITHDRAWN or not can_view_access_needs(
        request.user, registration.person
    ):
        raise Http404
    entry = roster_entry(registration)
    form = ArrangementsForm(submitted(request), needs=entry.needs)
    if form.is_valid():
        try:
            changed = set_arrangements(registration, decisions=form.decisions(), by=request.user)
        except ArrangementRefused as refusal:
            show_refusal(form, refusal)
        else:
            person = registration.person
            told = any(arrangement.status == ArrangementStatus.CANNOT_BE_MET for arrangement in changed)
            message = f"Support for {person.full_name} is saved."
            if told:
                message += (
                    " We will email them to say what cannot be met, and why."
                    if person.email
                    else f" {person.full_name} has no email address, so tell them yourself what cannot be met."
                )
            messages.success(request, message)
            return redirect("involvement:roster", pk=registration.activity_id)
    return render(
        request,
        "involvement/arrangements.html",
        {"registration": registration, "activity": registration.activity, "entry": entry, "form": form},
    )


def roster_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    activity = managed_activity(request.user, pk)
    # The roster's "Add" link for someone who said they were interested chooses them: ?person=12
    person_id = request.GET.get("person", "")
    form = AddPersonForm(submitted(request), initial={"person": int(person_id)} if person_id.isdigit() else {})
    if form.is_valid():
        person = form.cleaned_data["person"]
        try:
            registration = register(activity, person=person, by=request.user)
        except RegistrationRefused as refusal:
            show_refusal(form, refusal)
        else:
            where = "registered" if registration.status == RegistrationStatus.REGISTERED else "on the waiting list"
            messages.success(request, f"{person.full_name} is {where}.")
            return redirect("involvement:roster", pk=activity.pk)
    return render(request, "involvement/roster_add.html", {"activity": activity, "form": form})


def activity_mark_ready(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    activity = managed_activity(request.user, pk)
    form = ConfirmForm(submitted(request))
    if form.is_valid():
        try:
            mark_ready(activity, by=request.user)
        except NotReady as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, f"{activity.title} is ready.")
            return redirect("involvement:manage_activity", pk=activity.pk)
    people = roster(activity)
    return render(
        request,
        "involvement/mark_ready.html",
        {
            "activity": activity,
            "form": form,
            "open_needs": people.unacknowledged,
            "papers_warning": people.papers_warning,
        },
    )
