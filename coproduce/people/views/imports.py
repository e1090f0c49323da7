"""Bringing people in from a spreadsheet (upload → columns → check → import), and downloading the list."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from coproduce.accounts.models import User
from coproduce.forms import submitted
from coproduce.people.forms_imports import ColumnsForm, ConfirmImportForm, ExportForm, UploadForm
from coproduce.people.models import PeopleImport
from coproduce.people.permissions import can_export_people, can_import_people
from coproduce.people.services.imports import (
    EXPORT_HEADERS,
    ImportRefused,
    check_people_import,
    export_people,
    import_people,
)


def _batch_for(user: User, pk: int, *, with_rows: bool) -> PeopleImport:
    # Any coordinator may carry on with an import another coordinator started.
    if not can_import_people(user):
        raise PermissionDenied
    batches = PeopleImport.objects.all() if with_rows else PeopleImport.objects.defer("rows")
    return get_object_or_404(batches, pk=pk)


def import_upload(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if not can_import_people(user):
        raise PermissionDenied
    form = UploadForm(submitted(request), request.FILES or None)
    if form.is_valid():
        batch = form.save(by=user)
        return redirect("people:import_columns", pk=batch.pk)
    return render(request, "people/import_upload.html", {"form": form})


def import_columns(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    batch = _batch_for(user, pk, with_rows=False)
    if batch.status == PeopleImport.Status.IMPORTED:
        return redirect("people:import_check", pk=batch.pk)
    form = ColumnsForm(submitted(request), batch=batch)
    if form.is_valid():
        form.save()
        return redirect("people:import_check", pk=batch.pk)
    return render(request, "people/import_columns.html", {"form": form, "batch": batch})


def import_check(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    batch = _batch_for(user, pk, with_rows=True)
    if batch.status == PeopleImport.Status.UPLOADED and not batch.mapping:
        return redirect("people:import_columns", pk=batch.pk)
    form = ConfirmImportForm(submitted(request))
    if form.is_valid():
        try:
            count = import_people(batch, by=user)
        except ImportRefused as refusal:
            form.add_error(None, refusal.message)
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


def export(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if not can_export_people(user):
        raise PermissionDenied
    form = ExportForm(request.GET)
    people = form.people(user)
    if form.wants_file:
        exported = export_people(people, file_format=form.cleaned_data["format"], by=user)
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
