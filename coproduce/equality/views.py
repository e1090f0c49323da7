"""The person's own equality monitoring pages: their answers, the questions, and stopping the use of their answers.

Every page is about the signed-in person only: no URL here takes a person, so nobody can reach
anyone else's answers.
"""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from coproduce.equality.forms import EqualityForm
from coproduce.equality.permissions import can_use_equality_monitoring
from coproduce.equality.queries import (
    active_equality_consents,
    current_equality_consent,
    current_equality_notice,
    latest_equality_response,
)
from coproduce.equality.services import ConsentNeeded, record_equality_answers, withdraw_equality_consent
from coproduce.forms import submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.people.models import Person


def _own_person(request: AuthenticatedHttpRequest) -> Person:
    require(can_use_equality_monitoring(request.user))
    return Person.objects.get(user=request.user)


def mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    person = _own_person(request)
    response = latest_equality_response(person)
    active_consents = active_equality_consents(person)
    return render(
        request,
        "equality/mine.html",
        {
            "response": response,
            "answers": response.answers() if response is not None else [],
            "is_in_use": response is not None and response.consent.withdrawn_at is None,
            "can_withdraw": bool(active_consents),
        },
    )


def answer(request: AuthenticatedHttpRequest) -> HttpResponse:
    person = _own_person(request)
    needs_consent = current_equality_consent(person) is None
    form = EqualityForm(
        submitted(request),
        needs_consent=needs_consent,
        initial=EqualityForm.initial_from(latest_equality_response(person)),
    )
    if form.is_valid():
        try:
            record_equality_answers(
                form.save(commit=False),
                person=person,
                by=request.user,
                agreed_to_notice=bool(form.cleaned_data.get("agree")),
            )
        except ConsentNeeded:
            # The person's consent was withdrawn (in another tab, say) after this page was opened:
            # ask them to agree again, keeping what they chose.
            form = EqualityForm(submitted(request), needs_consent=True)
            form.is_valid()
            needs_consent = True
        else:
            messages.success(request, "Thank you. We have saved your answers.")
            return redirect("equality:mine")
    notice = current_equality_notice() if needs_consent else None
    return render(request, "equality/answer.html", {"form": form, "notice": notice})


@require_POST
def withdraw(request: AuthenticatedHttpRequest) -> HttpResponse:
    person = _own_person(request)
    if withdraw_equality_consent(person, by=request.user):
        messages.success(request, "We have stopped using your answers.")
    else:
        messages.success(request, "We were already not using your answers.")
    return redirect("equality:mine")
