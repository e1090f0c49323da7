"""The display preferences page (for everyone), and requests for pages in other formats."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.accounts.network import client_ip
from coproduce.communications.choices import RequestStatus
from coproduce.communications.context_processors import preferences_for
from coproduce.communications.forms import DisplayPreferencesForm, FormatRequestForm, FormatRequestStatusForm
from coproduce.communications.models import FormatRequest
from coproduce.communications.pages import local_page_path, page_title
from coproduce.communications.permissions import can_manage_format_requests, can_see_own_format_requests
from coproduce.communications.preferences import COOKIE_MAX_AGE, COOKIE_NAME, SESSION_KEY
from coproduce.communications.queries import (
    format_requests_of,
    format_requests_to_handle,
    recently_closed_format_requests,
)
from coproduce.communications.services import (
    FormatRequestRefused,
    request_format,
    save_preferences,
    update_format_request,
)
from coproduce.forms import submitted
from coproduce.people.permissions import has_own_record


@login_not_required
def display(request: HttpRequest) -> HttpResponse:
    # Anyone may change how pages look for them; there is nothing to refuse.
    current = preferences_for(request)
    form = DisplayPreferencesForm(submitted(request), initial={"choices": current.keys})
    if form.is_valid():
        chosen = form.preferences()
        if request.user.is_authenticated:
            save_preferences(request.user, chosen)
            request.session[SESSION_KEY] = chosen.keys
        messages.success(request, "Your display settings are saved." if chosen else "Pages now have the standard look.")
        response = redirect("communications:display")
        # This device keeps the choice too, so it still applies after signing out.
        response.set_cookie(
            COOKIE_NAME,
            chosen.cookie_value,
            max_age=COOKIE_MAX_AGE,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
        return response
    return render(request, "communications/display.html", {"form": form, "current": current})


# --- Asking for a page in another format ------------------------------------------------------

LAST_REQUEST_KEY = "communications_last_format_request"


@login_not_required
def format_request(request: HttpRequest) -> HttpResponse:
    # Anyone may ask; signed-in people ask as themselves. The page must be one of this site's.
    user = request.user
    person = user.person if user.is_authenticated and has_own_record(user) else None
    page = local_page_path(request.GET.get("page") or request.POST.get("page")) or "/"
    form = FormatRequestForm(submitted(request), initial={"page": page}, signed_in=person is not None)
    if form.is_valid():
        if form.is_from_a_robot:
            # Look the same as success, so that robots learn nothing; write nothing.
            return redirect("communications:format_request_sent")
        data = form.cleaned_data
        try:
            sent = request_format(
                page_path=data["page"],
                format=data["format"],
                language=data["language"],
                person=person,
                name=data.get("full_name", ""),
                email=data.get("email", ""),
                phone=data.get("phone", ""),
                ip_address=client_ip(request),
                by=user if user.is_authenticated else None,
            )
        except FormatRequestRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            request.session[LAST_REQUEST_KEY] = sent.pk
            return redirect("communications:format_request_sent")
    context = {"form": form, "page_path": page, "page_title": page_title(page), "person": person}
    return render(request, "communications/format_request.html", context)


@login_not_required
def format_request_sent(request: HttpRequest) -> HttpResponse:
    # Shows only the request sent from this session, so nobody sees someone else's.
    request_id = request.session.get(LAST_REQUEST_KEY)
    sent = FormatRequest.objects.filter(pk=request_id).first() if isinstance(request_id, int) else None
    return render(request, "communications/format_request_sent.html", {"sent": sent})


def my_format_requests(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if not can_see_own_format_requests(user):
        raise PermissionDenied
    return render(request, "communications/my_format_requests.html", {"requests": format_requests_of(user.person)})


def format_requests(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if not can_manage_format_requests(user):
        raise PermissionDenied
    to_handle = format_requests_to_handle(timezone.localdate())
    return render(
        request,
        "communications/format_requests.html",
        {
            "to_handle": to_handle,
            "overdue": len([item for item in to_handle if getattr(item, "is_overdue", False)]),
            "closed": recently_closed_format_requests(),
        },
    )


def format_request_update(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if not can_manage_format_requests(user):
        raise PermissionDenied
    item = get_object_or_404(FormatRequest.objects.select_related("person", "handled_by"), pk=pk)
    form = FormatRequestStatusForm(submitted(request), initial={"status": item.status, "reason": item.reason})
    if form.is_valid():
        try:
            update_format_request(item, status=form.cleaned_data["status"], reason=form.cleaned_data["reason"], by=user)
        except FormatRequestRefused as refusal:
            form.add_error("reason", refusal.message)
        else:
            status = RequestStatus(form.cleaned_data["status"]).label.lower()
            messages.success(request, f"The request is now marked “{status}”.")
            return redirect("communications:format_requests")
    return render(
        request,
        "communications/format_request_update.html",
        {"form": form, "item": item, "is_overdue": not item.is_closed and item.due_on < timezone.localdate()},
    )
