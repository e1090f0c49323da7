"""Data rights pages: download everything held about a person, delete an account, and the retention review.

A person uses these for themselves under /you/; a coordinator uses them for someone who asks by
phone, letter, email or in person, under /people/<pk>/.
"""

import json
from datetime import date, datetime
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone

from coproduce.accounts.models import User
from coproduce.audit.actions import described
from coproduce.forms import show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.people.models import Person
from coproduce.people.permissions import can_act_for_person, can_manage_own_details, can_review_retention
from coproduce.people.queries import other_record_titles, people_due_for_retention_review, person_data, retention_months
from coproduce.people.services.rights import AnonymiseRefused, DeletionReason, anonymise_person, record_data_download

PAGE_SIZE = 50


class ConfirmDeletionForm(forms.Form):
    confirm = forms.BooleanField(
        label="I understand this cannot be undone",
        error_messages={"required": "Tick the box to show you understand this cannot be undone"},
    )


class ConfirmDeletionForPersonForm(ConfirmDeletionForm):
    field_order = ["how_asked", "confirm"]

    how_asked = forms.ChoiceField(
        label="How did they ask?",
        choices=[(value, label) for value, label in DeletionReason.choices if value != DeletionReason.ONLINE],
        widget=forms.RadioSelect,
        error_messages={"required": "Select how they asked you to delete their record"},
    )


def _own_record(user: User) -> Person:
    require(can_manage_own_details(user))
    return Person.objects.get(user=user)


def _record_for(user: User, pk: int) -> Person:
    person = get_object_or_404(Person, pk=pk)
    require(can_act_for_person.test(user, person))
    return person


def _shown(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "Not given"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value))
    if isinstance(value, date):
        return formats.date_format(value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, cls=DjangoJSONEncoder)
    return str(value)


def _other_sections(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Records that other apps keep about the person (such as equality answers), as labelled rows."""
    return [
        {
            "key": key,
            "title": title,
            "records": [
                [(name.replace("_", " ").capitalize(), _shown(value)) for name, value in record.items()]
                for record in data[key]
            ],
        }
        for key, title in other_record_titles().items()
        if key in data
    ]


def _data_page(request: AuthenticatedHttpRequest, person: Person, *, is_self: bool) -> HttpResponse:
    data = person_data(person, with_equality_answers=is_self)
    record_data_download(person, by=request.user, as_file=False)
    events = [{"what": described(event["action"]), "when": event["occurred_at"]} for event in data["audit_events"]]
    return render(
        request,
        "people/rights_data.html",
        {
            "person": person,
            "data": data,
            "events": events,
            "other_sections": _other_sections(data),
            "is_self": is_self,
        },
    )


def _data_file(request: AuthenticatedHttpRequest, person: Person, *, filename: str, is_self: bool) -> HttpResponse:
    data = person_data(person, with_equality_answers=is_self)
    record_data_download(person, by=request.user, as_file=True)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def your_data(request: AuthenticatedHttpRequest) -> HttpResponse:
    person = _own_record(request.user)
    return _data_page(request, person, is_self=True)


def your_data_json(request: AuthenticatedHttpRequest) -> HttpResponse:
    person = _own_record(request.user)
    return _data_file(request, person, filename="my-coproduce-data.json", is_self=True)


def person_data_page(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = _record_for(request.user, pk)
    return _data_page(request, person, is_self=False)


def person_data_json(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = _record_for(request.user, pk)
    return _data_file(request, person, filename=f"coproduce-data-{person.pk}.json", is_self=False)


def _signed_out_after_deletion(request: AuthenticatedHttpRequest) -> HttpResponse:
    logout(request)
    # Added after signing out so the message survives the new, empty session.
    messages.success(request, "Your account has been deleted. We no longer keep your name or how to contact you.")
    return redirect("accounts:signed_out")


def your_account_delete(request: AuthenticatedHttpRequest) -> HttpResponse:
    person = _own_record(request.user)
    form = ConfirmDeletionForm(submitted(request))
    if form.is_valid():
        try:
            anonymise_person(person, by=request.user, reason=DeletionReason.ONLINE)
        except AnonymiseRefused as refusal:
            show_refusal(form, refusal)
        else:
            return _signed_out_after_deletion(request)
    return render(request, "people/rights_delete.html", {"person": person, "form": form, "is_self": True})


def person_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = _record_for(request.user, pk)
    form = ConfirmDeletionForPersonForm(submitted(request))
    if form.is_valid():
        try:
            anonymise_person(person, by=request.user, reason=DeletionReason(form.cleaned_data["how_asked"]))
        except AnonymiseRefused as refusal:
            show_refusal(form, refusal)
        else:
            if person.user_id == request.user.pk:
                return _signed_out_after_deletion(request)
            messages.success(request, "Their record has been deleted. Their name and contact details are gone.")
            return redirect("people:list")
    return render(request, "people/rights_delete.html", {"person": person, "form": form, "is_self": False})


def retention_review(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_review_retention(request.user))
    page = Paginator(people_due_for_retention_review(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "people/rights_retention.html", {"page": page, "months": retention_months()})
