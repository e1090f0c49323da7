"""Bringing people in from a spreadsheet (upload → columns → check → import), and downloading the list."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from coproduce.accounts.models import User
from coproduce.forms import show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.people.forms.imports import ColumnsForm, ConfirmImportForm, ExportForm, UploadForm
from coproduce.people.models import PeopleImport
from coproduce.people.permissions import can_export_people, can_import_people
from coproduce.people.services.exports import EXPORT_HEADERS, export_people
from coproduce.people.services.import_check import check_people_import
from coproduce.people.services.imports import ImportRefused, import_people


def _batch_for(user: User, pk: int, *, with_rows: bool) -> PeopleImport:
    # Any coordinator may carry on with an import another coordinator started.
    require(can_import_people(user))
    batches = PeopleImport.objects.all() if with_rows else PeopleImport.objects.defer("rows")
    return get_object_or_404(batches, pk=pk)


def import_upload(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_import_people(request.user))
    form = UploadForm(submitted(request), request.FILES or None)
    if form.is_valid():
        batch = form.save(by=request.user)
        return redirect("people:import_columns", pk=batch.pk)
    return render(request, "people/import_upload.html", {"form": form})


def import_columns(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    batch = _batch_for(request.user, pk, with_rows=False)
    if batch.status == PeopleImport.Status.IMPORTED:
        return redirect("people:import_check", pk=batch.pk)
    form = ColumnsForm(submitted(request), batch=batch)
    if form.is_valid():
        form.save()
        return redirect("people:import_check", pk=batch.pk)
    return render(request, "people/import_columns.html", {"form": form, "batch": batch})


def import_check(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    batch = _batch_for(request.user, pk, with_rows=True)
    if batch.status == PeopleImport.Status.UPLOADED and not batch.mapping:
        return redirect("people:import_columns", pk=batch.pk)
    form = ConfirmImportForm(submitted(request))
    if form.is_valid():
        try:
            count = import_people(batch, by=request.user)
        except ImportRefused as refusal:
            show_refusal(form, refusal)
            batch.refresh_from_db()
        else:
            messages.success(request, f"You imported {_people(count)} from {batch.filename}.")
            return redirect("people:list")
    imported = batch.status == PeopleImport.Status.IMPORTED
    return render(
        request,
        "people/import_check.html",
        {
            "form": form,
            "batch": batch,
            "imported": imported,
            "check": None if imported else check_people_import(batch),
        },
    )


def _people(count: int) -> str:
    return f"{count:,} person" if count == 1 else f"{count:,} people"


def export(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_export_people(request.user))
    form = ExportForm(request.GET)
    people = form.people(request.user)
    if form.wants_file:
        exported = export_people(people, file_format=form.cleaned_data["format"], by=request.user)
        response = HttpResponse(exported.content, content_type=exported.content_type)
        response["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
        # The file holds contact details: no copy should be kept by a browser or proxy cache.
        response["Cache-Control"] = "no-store"
        return response
    return render(
        request,
        "people/export_people.html",
        {"form": form, "count": people.count(), "columns": EXPORT_HEADERS},
    )
