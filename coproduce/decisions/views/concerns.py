"""Concerns: raising one (named or anonymous), one's own, the coordinator's list and answer."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from coproduce.decisions import permissions, queries
from coproduce.decisions.forms.concerns import ConcernAnswerForm, ConcernForm
from coproduce.decisions.models import Concern
from coproduce.decisions.services.concerns import answer_concern, raise_concern
from coproduce.decisions.views.common import PAGE_SIZE, own_person
from coproduce.forms import submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.projects.models import Project


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
    initial = {"project": int(project_id)} if project_id.isdigit() else {}
    form = ConcernForm(submitted(request), projects=projects, initial=initial)
    if form.is_valid():
        anonymous = form.cleaned_data["anonymous"]
        raise_concern(
            form.cleaned_data["project"], text=form.cleaned_data["text"], anonymous=anonymous, by=request.user
        )
        messages.success(
            request,
            "Thank you. Your concern is sent anonymously."
            if anonymous
            else "Thank you. Your concern is sent. A coordinator will reply to you.",
        )
        return redirect("decisions:your_concerns")
    return render(request, "decisions/concern_form.html", {"form": form})


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
        messages.success(
            request,
            "Your response is saved."
            if concern.is_anonymous
            else "Your response is saved. We will email it to the person who raised the concern.",
        )
        return redirect("decisions:concerns")
    return render(request, "decisions/concern_answer.html", {"concern": concern, "form": form})
