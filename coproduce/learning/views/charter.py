"""Charter pages: reading and signing it, signing for an organisation, withdrawing, publishing a new version."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from coproduce.communications.queries import shows_easy_read
from coproduce.communications.readability import ReadabilityCheck
from coproduce.forms import show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.learning.forms import OrganisationSignatureForm, PublishCharterForm, SignCharterForm
from coproduce.learning.models import Signature
from coproduce.learning.permissions import can_publish_charter, can_sign_charter, can_sign_for_organisation
from coproduce.learning.queries import current_version, organisation_signature, signatures_of
from coproduce.learning.refusals import LearningRefused
from coproduce.learning.services.charter import (
    Commitment,
    is_due_for_renewal,
    publish_charter,
    renewal_due_on,
    sign_charter,
    sign_for_organisation,
    withdraw_signature,
)
from coproduce.people.models import Organisation, Person


def charter(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_sign_charter(request.user))
    person = get_object_or_404(Person, user=request.user)
    version = current_version()
    signatures = list(signatures_of(person))
    own = next(
        (s for s in signatures if s.version_id == getattr(version, "pk", None) and not s.is_for_organisation), None
    )
    may_sign = version is not None and (own is None or own.withdrawn_at is not None or is_due_for_renewal(own))
    form = SignCharterForm(submitted(request))
    if may_sign and form.is_valid():
        try:
            sign_charter(by=request.user)
        except LearningRefused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, "Thank you. You signed the co-production charter.")
            return redirect("learning:charter")
    return render(
        request,
        "learning/charter.html",
        {
            "version": version,
            # Someone who reads Easy Read gets the charter in Easy Read first, not folded away.
            "easy_read_first": shows_easy_read(request.user, request.GET.get("version")),
            "form": form,
            "may_sign": may_sign,
            "own": own,
            "renewal_due": renewal_due_on(own) if own else None,
            "signatures": signatures,
            "may_sign_for_organisation": can_sign_for_organisation(request.user) and person.organisation_id is not None,
        },
    )


def sign_organisation(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_sign_for_organisation(request.user))
    person = get_object_or_404(Person, user=request.user)
    form = OrganisationSignatureForm(
        submitted(request),
        organisations=Organisation.objects.filter(people__user=request.user),
        initial={"organisation": person.organisation_id},
    )
    if form.is_valid():
        organisation = form.cleaned_data["organisation"]
        commitments = []
        if form.cleaned_data["commitment"].strip():
            commitments.append(Commitment(form.cleaned_data["commitment"], form.cleaned_data["response_days"]))
        try:
            sign_for_organisation(organisation, commitments=commitments, by=request.user)
        except LearningRefused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, f"Thank you. You signed the co-production charter for {organisation.name}.")
            return redirect("learning:charter")
    version = current_version()
    signed = organisation_signature(person.organisation, version) if person.organisation and version else None
    return render(
        request, "learning/sign_organisation.html", {"form": form, "version": version, "already_signed": signed}
    )


@require_POST
def withdraw(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    signature = get_object_or_404(Signature, pk=pk)
    try:
        withdraw_signature(signature, by=request.user)
    except LearningRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, "Your signature is withdrawn. You are no longer listed as a champion.")
    return redirect("learning:charter")


def publish(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_publish_charter(request.user))
    version = current_version()
    initial = {"text": version.text, "easy_read_text": version.easy_read_text} if version else {}
    form = PublishCharterForm(submitted(request), initial=initial)
    check = ReadabilityCheck(request, form, {"text": "Charter", "easy_read_text": "Easy Read version"})
    if not check.pressed and form.is_valid():
        try:
            published = publish_charter(
                text=form.cleaned_data["text"], easy_read_text=form.cleaned_data["easy_read_text"], by=request.user
            )
        except LearningRefused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(
                request, f"Version {published.number} is published. Everyone who signed will be asked to sign it."
            )
            return redirect("learning:charter")
    return render(request, "learning/publish.html", {"form": form, "version": version, **check.context()})
