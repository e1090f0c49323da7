"""Pages for writing, previewing and sending newsletters (coordinators and admins)."""

import re

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from coproduce.communications.choices import MessageFormat, MessageRoute
from coproduce.communications.messaging import format_for, preferences_of, print_points, route_for
from coproduce.communications.readability import ReadabilityCheck
from coproduce.forms import ConfirmForm, show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.newsletters import permissions, placeholders, queries
from coproduce.newsletters.content import copy_for
from coproduce.newsletters.forms import NewsletterForm, SampleForm
from coproduce.newsletters.models import Newsletter
from coproduce.newsletters.services import save_draft, send_newsletter
from coproduce.pdf import LARGE_PRINT_POINTS, STANDARD_POINTS
from coproduce.refusals import Refused

# The texts people read, for the "Check readability" button.
READABLE = {"body": "Newsletter text", "easy_read_body": "Easy Read version"}
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _newsletter(pk: int) -> Newsletter:
    return get_object_or_404(queries.newsletters(), pk=pk)


def _paragraphs(text: str) -> list[str]:
    return [part.strip() for part in PARAGRAPH_BREAK.split(text) if part.strip()]


def newsletter_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_manage_newsletters(request.user))
    found = list(queries.newsletters())
    return render(
        request,
        "newsletters/list.html",
        {"drafts": [item for item in found if not item.is_sent], "sent": [item for item in found if item.is_sent]},
    )


def _write(request: AuthenticatedHttpRequest, newsletter: Newsletter | None) -> HttpResponse:
    data = submitted(request)
    form = NewsletterForm(data) if newsletter is None else NewsletterForm.for_newsletter(newsletter, data)
    check = ReadabilityCheck(request, form, READABLE)
    if not check.pressed and form.is_valid():
        cleaned = form.cleaned_data
        try:
            saved = save_draft(
                newsletter,
                title=cleaned["title"],
                body=cleaned["body"],
                easy_read_body=cleaned["easy_read_body"],
                audience=cleaned["audience"],
                group=cleaned["group"],
                project=cleaned["project"],
                by=request.user,
            )
        except Refused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, "Your draft is saved. Check how it looks before you send it.")
            return redirect("newsletters:preview", pk=saved.pk)
    return render(
        request,
        "newsletters/form.html",
        {
            "newsletter": newsletter,
            "form": form,
            "placeholders": [(f"{{{name}}}", meaning) for name, meaning in placeholders.PLACEHOLDERS.items()],
            **check.context(),
        },
    )


def newsletter_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_manage_newsletters(request.user))
    return _write(request, None)


def newsletter_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    newsletter = _newsletter(pk)
    require(permissions.can_manage_newsletters(request.user))
    if not permissions.can_edit_newsletter(request.user, newsletter):
        messages.info(request, "This newsletter has been sent. It cannot be changed.")
        return redirect("newsletters:preview", pk=newsletter.pk)
    return _write(request, newsletter)


def newsletter_preview(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    newsletter = _newsletter(pk)
    require(permissions.can_manage_newsletters(request.user))
    people = queries.audience(newsletter)
    sample = SampleForm(request.GET if "person" in request.GET else None, people=people)
    person = sample.cleaned_data["person"] if sample.is_bound and sample.is_valid() else None
    copy = copy_for(newsletter, person)
    if person is not None:
        chosen_format = format_for(person)
        route, _ = route_for(person, preferences_of(person))
        points = print_points(person, MessageFormat.LARGE_PRINT)
        gets = (
            f"{MessageFormat(chosen_format).label} by {MessageRoute(route).label.lower()}"
            if route != MessageRoute.NONE
            else "Nothing: we have no way we may use to reach them"
        )
    else:
        gets, points = "", LARGE_PRINT_POINTS[0]
    return render(
        request,
        "newsletters/preview.html",
        {
            "newsletter": newsletter,
            "sample": sample,
            "person": person,
            "gets": gets,
            "copy": copy,
            "standard_paragraphs": _paragraphs(copy.text),
            "easy_read_paragraphs": _paragraphs(copy.easy_read_or_standard),
            "large_print_points": points,
            "standard_points": STANDARD_POINTS,
            "can_edit": permissions.can_edit_newsletter(request.user, newsletter),
            "plan": None if newsletter.is_sent else queries.delivery_plan(newsletter),
        },
    )


def newsletter_send(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    newsletter = _newsletter(pk)
    require(permissions.can_manage_newsletters(request.user))
    if not permissions.can_send_newsletter(request.user, newsletter):
        messages.info(request, "This newsletter has already been sent. It cannot be sent again.")
        return redirect("newsletters:preview", pk=newsletter.pk)
    form = ConfirmForm(submitted(request))
    if form.is_valid():
        try:
            sent = send_newsletter(newsletter, by=request.user)
        except Refused as refusal:
            show_refusal(form, refusal)
        else:
            people = "person" if sent.recipients_count == 1 else "people"
            messages.success(request, f"“{sent.title}” is on its way to {sent.recipients_count} {people}.")
            return redirect("newsletters:preview", pk=sent.pk)
    return render(
        request,
        "newsletters/send.html",
        {"newsletter": newsletter, "form": form, "plan": queries.delivery_plan(newsletter)},
    )
