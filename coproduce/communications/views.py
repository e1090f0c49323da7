"""The display preferences page (for everyone), requests for other formats, messages and how we contact people."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django.views.decorators.http import require_POST

from coproduce.accounts.network import client_ip
from coproduce.audit.services import record_event
from coproduce.communications.choices import MessageStatus, RequestStatus
from coproduce.communications.context_processors import preferences_for
from coproduce.communications.forms import (
    ContactPreferencesForm,
    DisplayPreferencesForm,
    FormatRequestForm,
    FormatRequestStatusForm,
    LettersPostedForm,
    MessageFilterForm,
)
from coproduce.communications.letters import post_batch_pdf
from coproduce.communications.models import FormatRequest, Message
from coproduce.communications.pages import local_page_path, page_title
from coproduce.communications.permissions import (
    can_manage_format_requests,
    can_manage_messages,
    can_see_own_format_requests,
    can_set_contact_preferences_for_others,
    can_set_own_contact_preferences,
)
from coproduce.communications.preferences import COOKIE_MAX_AGE, COOKIE_NAME, SESSION_KEY
from coproduce.communications.queries import calls_to_make as calls_to_make_list
from coproduce.communications.queries import (
    contact_preferences_of,
    format_requests_of,
    format_requests_to_handle,
    letters_waiting,
    message_status_counts,
    messages_for_coordinators,
    recent_messages_to,
    recently_closed_format_requests,
)
from coproduce.communications.services import (
    FormatRequestRefused,
    mark_call_made,
    mark_letters_posted,
    request_format,
    retry_failed_message,
    save_contact_preferences,
    save_preferences,
    update_format_request,
)
from coproduce.forms import show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.pdf import pdf_response
from coproduce.people.models import Person
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
            show_refusal(form, refusal)
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


def my_format_requests(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_see_own_format_requests(request.user))
    return render(
        request, "communications/my_format_requests.html", {"requests": format_requests_of(request.user.person)}
    )


def format_requests(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_manage_format_requests(request.user))
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


def format_request_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(can_manage_format_requests(request.user))
    item = get_object_or_404(FormatRequest.objects.select_related("person", "handled_by"), pk=pk)
    form = FormatRequestStatusForm(submitted(request), initial={"status": item.status, "reason": item.reason})
    if form.is_valid():
        try:
            update_format_request(
                item, status=form.cleaned_data["status"], reason=form.cleaned_data["reason"], by=request.user
            )
        except FormatRequestRefused as refusal:
            show_refusal(form, refusal)
        else:
            status = RequestStatus(form.cleaned_data["status"]).label.lower()
            messages.success(request, f"The request is now marked “{status}”.")
            return redirect("communications:format_requests")
    return render(
        request,
        "communications/format_request_update.html",
        {"form": form, "item": item, "is_overdue": not item.is_closed and item.due_on < timezone.localdate()},
    )


# --- Messages to people (coordinators) ------------------------------------------------------------

MESSAGES_PAGE_SIZE = 50


def message_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_manage_messages(request.user))
    filters = MessageFilterForm(request.GET or None)
    status = route = ""
    if filters.is_valid():
        status, route = filters.cleaned_data["status"], filters.cleaned_data["route"]
    page = Paginator(messages_for_coordinators(status=status, route=route), MESSAGES_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    counts = message_status_counts()
    return render(
        request,
        "communications/messages.html",
        {
            "filters": filters,
            "page": page,
            "counts": counts,
            "failed": counts[MessageStatus.FAILED],
            "letters": counts[MessageStatus.WAITING_FOR_POST],
            "calls": counts[MessageStatus.TO_CALL],
        },
    )


@require_POST
def message_retry(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(can_manage_messages(request.user))
    message = get_object_or_404(Message, pk=pk)
    if retry_failed_message(message, actor=request.user):
        messages.success(request, f"“{message.subject}” will be sent again in a moment.")
    else:
        messages.info(request, "That message is not failed any more, so it was not sent again.")
    return redirect("communications:messages")


def post_to_send(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_manage_messages(request.user))
    letters = letters_waiting()
    form = LettersPostedForm(
        initial={"message": [letter.pk for letter in letters]}, message_ids=[m.pk for m in letters]
    )
    return render(request, "communications/post_to_send.html", {"letters": letters, "form": form})


def post_batch(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_manage_messages(request.user))
    letters = letters_waiting()
    record_event(actor=request.user, action="communications.letters_downloaded", payload={"letters": len(letters)})
    return pdf_response(post_batch_pdf(letters), f"letters-{timezone.localdate():%Y-%m-%d}.pdf")


@require_POST
def letters_posted(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_manage_messages(request.user))
    letters = letters_waiting()
    form = LettersPostedForm(request.POST, message_ids=[letter.pk for letter in letters])
    if form.is_valid():
        posted = mark_letters_posted(form.cleaned_data["message"], actor=request.user)
        messages.success(request, f"{posted} letter{pluralize(posted)} marked as printed and posted.")
        return redirect("communications:post_to_send")
    return render(request, "communications/post_to_send.html", {"letters": letters, "form": form}, status=400)


def calls_to_make(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_manage_messages(request.user))
    return render(request, "communications/calls.html", {"calls": calls_to_make_list()})


@require_POST
def call_done(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(can_manage_messages(request.user))
    message = get_object_or_404(Message.objects.select_related("person"), pk=pk)
    if mark_call_made(message, actor=request.user):
        messages.success(request, f"Call to {message.person.full_name} marked as done.")
    else:
        messages.info(request, "That call was already marked as done.")
    return redirect("communications:calls")


# --- How we contact you ---------------------------------------------------------------------------


def _contact_preferences_page(request: AuthenticatedHttpRequest, person: Person, *, own: bool) -> HttpResponse:
    current = contact_preferences_of(person)
    form = ContactPreferencesForm(submitted(request), initial=ContactPreferencesForm.initial_from(current))
    if form.is_valid():
        save_contact_preferences(person, actor=request.user, **form.values())
        messages.success(request, "Your contact choices are saved." if own else f"Saved how we contact {person.name}.")
        if own:
            return redirect("communications:my_contact_preferences")
        return redirect("communications:contact_preferences_for", person_id=person.pk)
    return render(
        request,
        "communications/contact_preferences.html",
        {
            "form": form,
            "person": person,
            "own": own,
            "route": person.get_contact_route_display(),
            "recent": recent_messages_to(person) if not own else [],
        },
    )


def my_contact_preferences(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_set_own_contact_preferences(request.user))
    return _contact_preferences_page(request, request.user.person, own=True)


def contact_preferences_for(request: AuthenticatedHttpRequest, person_id: int) -> HttpResponse:
    require(can_set_contact_preferences_for_others(request.user))
    person = get_object_or_404(Person.objects.current(), pk=person_id)
    return _contact_preferences_page(request, person, own=False)
