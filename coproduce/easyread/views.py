"""Easy Read pages: the editor for coordinators, and the published page and PDF for everyone."""

import hashlib
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_POST

from coproduce.easyread.choices import Pictogram, pictogram_path
from coproduce.easyread.forms import DocumentForm, PublishForm, RowForm
from coproduce.easyread.models import EasyReadDocument, EasyReadRow
from coproduce.easyread.permissions import can_edit_easy_read, can_read_easy_read
from coproduce.easyread.queries import documents_to_edit, projects_led_by, published_documents, rows_of
from coproduce.easyread.services import (
    EasyReadRefused,
    add_row,
    create_document,
    delete_row,
    move_row,
    publish_document,
    update_row,
    warnings_for,
)
from coproduce.forms import show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.learning.permissions import can_sign_charter
from coproduce.pdf import pdf_response, render_pdf
from coproduce.reports.permissions import can_view_organisation_report

PAGE_SIZE = 50
CONTENT_TYPES = {".png": "image/png", ".jpg": "image/jpeg"}


class SignInFirst(Exception):
    """A draft asked for by someone signed out: they are sent to sign in, like any page that is not public."""


def _check_readable(request: HttpRequest, document: EasyReadDocument) -> None:
    user = request.user
    if not can_read_easy_read(user, document):
        if not user.is_authenticated:
            raise SignInFirst
        raise PermissionDenied


def _readable(request: HttpRequest, pk: int) -> EasyReadDocument:
    document = get_object_or_404(EasyReadDocument.objects.select_related("project"), pk=pk)
    _check_readable(request, document)
    return document


def _already_published(request: HttpRequest, document: EasyReadDocument) -> HttpResponse | None:
    if document.is_published:
        messages.error(request, "This document is already published.")
        return redirect("easyread:edit", pk=document.pk)
    return None


def picture_url(row: EasyReadRow) -> str:
    if row.pictogram:
        return static(f"easyread/pictograms/{row.pictogram}")
    if row.image:
        # The stored name changes when the picture is replaced, so browsers never show an old copy.
        version = hashlib.sha256((row.image.name or "").encode()).hexdigest()[:12]
        return reverse("easyread:picture", kwargs={"pk": row.pk}) + f"?v={version}"
    return ""


@login_not_required
def index(request: HttpRequest) -> HttpResponse:
    """Everything there is in Easy Read that this person may read, signed in or not."""
    user = request.user
    page = Paginator(published_documents(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "easyread/index.html",
        {
            "page": page,
            "projects": list(projects_led_by(user)),
            "organisation_report": can_view_organisation_report(user),
            "charter": can_sign_charter(user),
        },
    )


def documents(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_edit_easy_read(request.user))
    page = Paginator(documents_to_edit(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "easyread/documents.html", {"page": page})


def document_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_edit_easy_read(request.user))
    form = DocumentForm(submitted(request))
    if form.is_valid():
        document = create_document(form.save(commit=False), by=request.user)
        messages.success(request, f"{document.title} is saved as a draft. Now add its rows.")
        return redirect("easyread:edit", pk=document.pk)
    return render(request, "easyread/document_form.html", {"form": form})


def document_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(can_edit_easy_read(request.user))
    document = get_object_or_404(EasyReadDocument.objects.select_related("project"), pk=pk)
    rows = rows_of(document)
    return render(
        request,
        "easyread/editor.html",
        {
            "document": document,
            "rows": [(row, picture_url(row)) for row in rows],
            "warnings": warnings_for(rows),
        },
    )


def _row_form_page(
    request: AuthenticatedHttpRequest, form: RowForm, document: EasyReadDocument, row: EasyReadRow | None
) -> HttpResponse:
    return render(
        request,
        "easyread/row_form.html",
        {"form": form, "document": document, "row": row, "current_picture": picture_url(row) if row else ""},
    )


def row_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(can_edit_easy_read(request.user))
    document = get_object_or_404(EasyReadDocument, pk=pk)
    form = RowForm(submitted(request), request.FILES if request.method == "POST" else None)
    if form.is_valid():
        row, _ = form.apply()
        row.document = document
        try:
            add_row(row, by=request.user)
        except EasyReadRefused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, f"Row {row.position} is added.")
            return redirect("easyread:edit", pk=document.pk)
    return _row_form_page(request, form, document, None)


def row_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(can_edit_easy_read(request.user))
    row = get_object_or_404(EasyReadRow.objects.select_related("document"), pk=pk)
    form = RowForm(submitted(request), request.FILES if request.method == "POST" else None, instance=row)
    if form.is_valid():
        changed, old_image = form.apply()
        try:
            update_row(changed, by=request.user, old_image=old_image)
        except EasyReadRefused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, "Your changes are saved.")
            return redirect("easyread:edit", pk=row.document_id)
    return _row_form_page(request, form, row.document, row)


@require_POST
def row_move(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(can_edit_easy_read(request.user))
    row = get_object_or_404(EasyReadRow.objects.select_related("document"), pk=pk)
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        messages.error(request, "Choose to move the row up or down.")
    else:
        move_row(row, up=direction == "up", by=request.user)
        messages.success(request, f"The row is moved {direction}. It is now row {row.position}.")
    return redirect("easyread:edit", pk=row.document_id)


def row_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(can_edit_easy_read(request.user))
    row = get_object_or_404(EasyReadRow.objects.select_related("document"), pk=pk)
    document = row.document
    if request.method == "POST":
        try:
            delete_row(row, by=request.user)
        except EasyReadRefused as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, "The row is deleted.")
        return redirect("easyread:edit", pk=document.pk)
    return render(request, "easyread/row_delete.html", {"row": row, "document": document})


def document_publish(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(can_edit_easy_read(request.user))
    document = get_object_or_404(EasyReadDocument, pk=pk)
    if (published := _already_published(request, document)) is not None:
        return published
    form = PublishForm(submitted(request))
    if form.is_valid():
        try:
            publish_document(document, by=request.user)
        except EasyReadRefused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, f"{document.title} is published. Anyone can read it.")
            return redirect("easyread:read", pk=document.pk)
    return render(request, "easyread/publish.html", {"form": form, "document": document})


@login_not_required
def document_read(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        document = _readable(request, pk)
    except SignInFirst:
        return redirect_to_login(request.get_full_path())
    rows = rows_of(document)
    return render(
        request, "easyread/read.html", {"document": document, "rows": [(row, picture_url(row)) for row in rows]}
    )


def _file_uri(row: EasyReadRow) -> str:
    if row.pictogram:
        return pictogram_path(Pictogram(row.pictogram)).as_uri()
    if row.image:
        return Path(row.image.path).resolve().as_uri()
    return ""


@login_not_required
def document_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        document = _readable(request, pk)
    except SignInFirst:
        return redirect_to_login(request.get_full_path())
    rows = [(row, _file_uri(row)) for row in rows_of(document)]
    pdf = render_pdf("easyread/pdf/document.html", {"document": document, "rows": rows})
    return pdf_response(pdf, f"easy-read-{document.pk}.pdf")


@login_not_required
def picture(request: HttpRequest, pk: int) -> HttpResponse | FileResponse:
    """An uploaded picture: public when its document is published, otherwise only for coordinators."""
    row = get_object_or_404(EasyReadRow.objects.select_related("document"), pk=pk)
    try:
        _check_readable(request, row.document)
    except SignInFirst:
        return redirect_to_login(request.get_full_path())
    if not row.image:
        raise Http404
    suffix = "." + (row.image.name or "").rsplit(".", 1)[-1].lower()
    try:
        stream = row.image.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(stream, content_type=CONTENT_TYPES.get(suffix, "application/octet-stream"))
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    response["Cache-Control"] = "public, max-age=3600" if row.document.is_published else "private, no-store"
    return response
