"""Telling us you are interested: a place asked for by someone without an account."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from coproduce.accounts.network import client_ip
from coproduce.forms import show_refusal, submitted
from coproduce.involvement.forms.interest import InterestForm
from coproduce.involvement.services.interest import InterestRefused, register_interest
from coproduce.involvement.views.lookups import activity_for


@login_not_required
def interest(request: HttpRequest, pk: int) -> HttpResponse:
    activity = activity_for(request.user, pk)
    if request.user.is_authenticated:
        return render(request, "involvement/interest.html", {"activity": activity, "form": None})
    form = InterestForm(submitted(request))
    if form.is_valid():
        if form.is_from_a_robot:
            # Look the same as success, so that robots learn nothing; write nothing.
            messages.success(request, "Thank you. We will contact you to confirm your place.")
            return redirect("involvement:detail", pk=activity.pk)
        try:
            register_interest(
                activity,
                full_name=form.cleaned_data["full_name"],
                email=form.cleaned_data["email"],
                phone=form.cleaned_data["phone"].strip(),
                ip_address=client_ip(request),
            )
        except InterestRefused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, "Thank you. We will contact you to confirm your place.")
            return redirect("involvement:detail", pk=activity.pk)
    return render(request, "involvement/interest.html", {"activity": activity, "form": form})
