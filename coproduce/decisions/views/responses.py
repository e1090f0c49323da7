"""Responses to a proposal: given online, recorded from phone, paper or a meeting, withdrawn."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render

from coproduce.decisions import permissions
from coproduce.decisions.choices import Channel
from coproduce.decisions.forms.responses import ResponseForm
from coproduce.decisions.models import Proposal, Response
from coproduce.decisions.services.responses import respond as give_response
from coproduce.decisions.services.responses import withdraw_response as take_back_response
from coproduce.decisions.views.common import own_person, proposal_or_404
from coproduce.forms import ConfirmForm, show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.people.models import Person
from coproduce.refusals import Refused


def _response_page(
    request: AuthenticatedHttpRequest, proposal: Proposal, form: ResponseForm, *, recording: bool
) -> HttpResponse:
    return render(
        request,
        "decisions/respond.html",
        {"proposal": proposal, "form": form, "recording": recording, "is_open": proposal.is_open},
    )


def respond(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    proposal = proposal_or_404(pk)
    require(permissions.can_respond(request.user, proposal))
    person = own_person(request.user)
    if person is None:
        raise PermissionDenied
    earlier = Response.objects.filter(proposal=proposal, person=person, withdrawn_at__isnull=True).first()
    initial: dict[str, object] = {}
    if earlier is not None:
        initial = {"stance": earlier.stance, "option": str(earlier.option_id or ""), "reason": earlier.reason}
        for choice in earlier.choices.all():
            initial[f"rank_{choice.option_id}" if choice.rank else f"score_{choice.option_id}"] = str(
                choice.rank or choice.score
            )
    form = ResponseForm(submitted(request), proposal=proposal, initial=initial)
    if form.is_valid():
        try:
            give_response(proposal, person=person, by=request.user, channel=Channel.ONLINE, **form.answer())
        except Refused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, "Thank you. Your response is saved. You can change it until the proposal closes.")
            return redirect("decisions:proposal", pk=proposal.pk)
    return _response_page(request, proposal, form, recording=False)


def record_response(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    proposal = proposal_or_404(pk)
    require(permissions.can_record_response(request.user, proposal))
    people = Person.objects.filter(group_seats__group=proposal.group).order_by("full_name", "id")
    form = ResponseForm(submitted(request), proposal=proposal, person_choices=people)
    if form.is_valid():
        person = form.cleaned_data["person"]
        try:
            give_response(
                proposal, person=person, by=request.user, channel=form.cleaned_data["channel"], **form.answer()
            )
        except Refused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, f"{person.full_name}'s response is recorded.")
            return redirect("decisions:proposal", pk=proposal.pk)
    return _response_page(request, proposal, form, recording=True)


def withdraw_response(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    proposal = proposal_or_404(pk)
    require(permissions.can_respond(request.user, proposal))
    person = own_person(request.user)
    response = Response.objects.filter(proposal=proposal, person=person, withdrawn_at__isnull=True).first()
    form = ConfirmForm(submitted(request))
    if response is not None and form.is_valid():
        try:
            take_back_response(response, by=request.user)
        except Refused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, "Your response is withdrawn. It no longer counts.")
            return redirect("decisions:proposal", pk=proposal.pk)
    return render(
        request, "decisions/withdraw_response.html", {"proposal": proposal, "form": form, "response": response}
    )
