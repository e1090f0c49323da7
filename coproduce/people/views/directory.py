"""The people list, a person's page, and adding someone."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from coproduce.accounts.models import Role
from coproduce.forms import submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.people.filters import find_people
from coproduce.people.forms.directory import PersonForm
from coproduce.people.models import Person
from coproduce.people.permissions import (
    can_act_for_person,
    can_add_person,
    can_export_people,
    can_list_people,
    can_view_person,
)
from coproduce.people.services.directory import add_person, confirm_person

PAGE_SIZE = 50


def person_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_list_people(request.user))
    form, people = find_people(request.user, request.GET)
    page = Paginator(people.select_related("user", "organisation"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "people/person_list.html",
        {
            "page": page,
            "filters": form,
            "can_add": can_add_person(request.user),
            "can_export": can_export_people(request.user),
        },
    )


def person_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(Person.objects.select_related("user", "recorded_by"), pk=pk)
    require(can_view_person(request.user, person))
    memberships = person.memberships.select_related("project").order_by("project__title")
    return render(
        request,
        "people/person_detail.html",
        {
            "person": person,
            "memberships": memberships,
            "can_act_for_person": can_act_for_person(request.user),
            "can_confirm": person.awaiting_confirmation and can_add_person(request.user),
        },
    )


@require_POST
def person_confirm(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(can_add_person(request.user))
    person = confirm_person(get_object_or_404(Person, pk=pk), by=request.user)
    messages.success(request, f"{person.full_name} is confirmed.")
    return redirect("people:detail", pk=person.pk)


def person_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_add_person(request.user))
    form = PersonForm(submitted(request), by=request.user)
    if form.is_valid():
        role = form.cleaned_data["sign_in_role"]
        person = add_person(form.save(commit=False), by=request.user, sign_in_role=Role(role) if role else None)
        return redirect("people:detail", pk=person.pk)
    return render(request, "people/person_form.html", {"form": form})
