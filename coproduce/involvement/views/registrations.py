"""Registering for an activity, withdrawing, and the person's own activities."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from coproduce.forms import ConfirmForm, show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.involvement.choices import RegistrationStatus
from coproduce.involvement.models import Registration
from coproduce.involvement.permissions import can_register, can_withdraw_registration
from coproduce.involvement.services.registrations import RegistrationRefused, register, withdraw
from coproduce.involvement.views.lookups import activity_for, own_person


def activity_register(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    activity = activity_for(request.user, pk)
    person = own_person(request.user)
    if person is None or not can_register(request.user):
        raise PermissionDenied
    form = ConfirmForm(submitted(request))
    if form.is_valid():
        try:
            registration = register(activity, person=person, by=request.user)
        except RegistrationRefused as refusal:
            show_refusal(form, refusal)
        else:
            if registration.status == RegistrationStatus.REGISTERED:
                messages.success(request, f"You are registered for {activity.title}. We have sent you an email.")
            else:
                messages.success(
                    request,
                    f"{activity.title} is full. You are on the waiting list. We will tell you if a place is free.",
                )
            return redirect("involvement:detail", pk=activity.pk)
    return render(request, "involvement/register.html", {"activity": activity, "form": form})


def registration_withdraw(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    registration = get_object_or_404(Registration.objects.select_related("activity", "person"), pk=pk)
    require(can_withdraw_registration(request.user, registration))
    is_self = registration.person.user_id == request.user.pk
    form = ConfirmForm(submitted(request))
    if form.is_valid():
        try:
            withdraw(registration, by=request.user)
        except RegistrationRefused as refusal:
            show_refusal(form, refusal)
        else:
            if is_self:
                messages.success(request, f"You have withdrawn from {registration.activity.title}.")
                return redirect("involvement:yours")
            messages.success(request, f"{registration.person.full_name} has been withdrawn.")
            return redirect("involvement:roster", pk=registration.activity_id)
    return render(
        request, "involvement/withdraw.html", {"registration": registration, "form": form, "is_self": is_self}
    )


def your_activities(request: AuthenticatedHttpRequest) -> HttpResponse:
    registrations = (
        Registration.objects.of_user(request.user)
        .filter(status__in=[RegistrationStatus.REGISTERED, RegistrationStatus.WAITING])
        .select_related("activity")
        .order_by("activity__starts_at", "id")
    )
    now = timezone.now()
    return render(
        request,
        "involvement/your_activities.html",
        {
            "upcoming": [r for r in registrations if r.activity.ends_at > now],
            "past": [r for r in registrations if r.activity.ends_at <= now],
        },
    )
