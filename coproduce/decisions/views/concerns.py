"""Concerns: raising one (named or anonymous), one's own, the coordinator's list and answer, and the
public page where an anonymous sender reads the answer with their reference."""

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers

from coproduce.accounts.network import client_ip
from coproduce.decisions import permissions, queries
from coproduce.decisions.choices import ConcernAbout
from coproduce.decisions.forms.concerns import NOT_FOUND, ConcernAnswerForm, ConcernForm, ConcernReferenceForm
from coproduce.decisions.models import Concern
from coproduce.decisions.services.concerns import (
    AlreadySent,
    TooManyReferences,
    answer_concern,
    raise_concern,
    read_concern_by_reference,
)
from coproduce.decisions.views.common import PAGE_SIZE, own_person
from coproduce.forms import show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.projects.models import Project
from coproduce.refusals import Refused


def concern_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_raise_concern(request.user))
    projects = (
        Project.objects.filter(
            Q(pk__in=Project.objects.visible_to(request.user).values("pk"))
            | Q(groups__members__person__user=request.user)
        )
        .distinct()
        .order_by("title", "id")
    )
    project_id = request.GET.get("project", "")
    initial: dict[str, object] = {"form_token": secrets.token_urlsafe(32)}
    if project_id.isdigit():
        initial |= {"about": ConcernAbout.PROJECT, "project": int(project_id)}
    form = ConcernForm(submitted(request), projects=projects, initial=initial)
    if form.is_valid():
        data = form.cleaned_data
        try:
            raised = raise_concern(
                data["project"],
                about=ConcernAbout(data["about"]),
                about_person=data["about_person"],
                text=data["text"],
                anonymous=data["anonymous"],
                by=request.user,
                form_token=data["form_token"],
            )
        except AlreadySent:
            return render(request, "decisions/concern_already_sent.html")
        except Refused as refusal:
            show_refusal(form, refusal)
        else:
            if raised.reference is None:
                messages.success(request, "Thank you. Your concern is sent. A coordinator will reply to you.")
                return redirect("decisions:your_concerns")
            return reference_shown_once(render(request, "decisions/concern_sent.html", {"reference": raised.reference}))
    return render(request, "decisions/concern_form.html", {"form": form})


def reference_shown_once(response: HttpResponse) -> HttpResponse:
    """A page showing a reference, answered straight to the form that sent it (no redirect), so the
    reference is never put in a session, a URL or a cache: nothing joins it to the sender."""
    add_never_cache_headers(response)
    return response


def your_concerns(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_raise_concern(request.user))
    person = own_person(request.user)
    assert person is not None  # noqa: S101 - can_raise_concern needs a record of one's own
    return render(request, "decisions/your_concerns.html", {"concerns": queries.concerns_of(person)})


def concerns(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_handle_concerns(request.user))
    page = Paginator(queries.concerns_to_handle(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "decisions/concerns.html", {"page": page})


def concern_answer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(permissions.can_handle_concerns(request.user))
    concern = get_object_or_404(Concern.objects.select_related("project", "group", "raised_by"), pk=pk)
    form = ConcernAnswerForm(submitted(request), initial={"response": concern.response})
    if form.is_valid():
        answer_concern(concern, response=form.cleaned_data["response"], by=request.user)
        messages.success(request, answered_message(concern))
        return redirect("decisions:concerns")
    return render(request, "decisions/concern_answer.html", {"concern": concern, "form": form})


def answered_message(concern: Concern) -> str:
    if not concern.is_anonymous:
        return "Your response is saved. We will email it to the person who raised the concern."
    if concern.reference_hash:
        return "Your response is saved. The person who sent the concern can read it with their reference."
    return "Your response is saved."


@login_not_required
def concern_reference(request: HttpRequest) -> HttpResponse:
    # Anyone may use this page, signed in or not: the reference is the permission. The reference is
    # sent by POST and the answer shown in reply, so it never appears in a URL or a server's log.
    form = ConcernReferenceForm(submitted(request))
    if form.is_valid():
        try:
            concern = read_concern_by_reference(form.cleaned_data["reference"], ip_address=client_ip(request))
        except TooManyReferences as refusal:
            show_refusal(form, refusal)
        else:
            if concern is not None:
                return reference_shown_once(
                    render(request, "decisions/concern_reference_answer.html", {"concern": concern})
                )
            form.add_error("reference", NOT_FOUND)
    return render(request, "decisions/concern_reference.html", {"form": form})
