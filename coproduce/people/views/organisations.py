"""Partner organisations and their representatives."""

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from coproduce.forms import submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.learning.queries import commitments_of
from coproduce.people.forms.directory import OrganisationForm
from coproduce.people.models import Organisation
from coproduce.people.permissions import can_add_person, can_view_organisation


def organisation_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_add_person(request.user))
    organisations = Organisation.objects.annotate(
        people_count=Count("people", filter=Q(people__anonymised_at__isnull=True))
    )
    return render(request, "people/organisation_list.html", {"organisations": organisations})


def organisation_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=pk)
    require(can_view_organisation(request.user, organisation))
    people = organisation.people.current().select_related("user")
    return render(
        request,
        "people/organisation_detail.html",
        {
            "organisation": organisation,
            "people": people,
            "commitments": commitments_of(organisation),
            "may_list_organisations": can_add_person(request.user),
        },
    )


def organisation_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_add_person(request.user))
    form = OrganisationForm(submitted(request))
    if form.is_valid():
        organisation = form.save()
        messages.success(request, f"{organisation.name} has been added.")
        return redirect("people:organisation_detail", pk=organisation.pk)
    return render(request, "people/organisation_form.html", {"form": form})
