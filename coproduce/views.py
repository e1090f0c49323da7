"""The home page and the information pages that sit outside any one app."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from coproduce import model
from coproduce.accounts.models import User
from coproduce.accounts.permissions import is_admin, is_coordinator
from coproduce.analytics.permissions import can_load_reference_figures, can_view_representation
from coproduce.communications.permissions import can_manage_messages, can_set_own_contact_preferences
from coproduce.communications.queries import prefers_easy_read
from coproduce.contributions.permissions import can_record_own, can_view_overdue
from coproduce.decisions.permissions import can_raise_concern
from coproduce.easyread import co_production as easy_read_model
from coproduce.learning.permissions import can_sign_charter
from coproduce.payments.permissions import can_manage_payments
from coproduce.projects.models import Project
from coproduce.reports.permissions import can_send_digests, can_view_organisation_report


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    hint: str = ""


def your_links(user: User | AnonymousUser) -> list[Link]:
    """What a person can do about their own part: contributions, payments, learning, concerns."""
    if not can_record_own(user):
        return []
    links = [
        Link("Your contributions", reverse("contributions:yours"), "What you said and what happened next"),
        Link("Your ideas that changed things", reverse("contributions:changed_things")),
        Link("Your payments", reverse("payments:yours"), "Payment offers, expenses and statements"),
        Link("Your training", reverse("learning:records"), "Courses you have done and your certificates"),
        Link("Surveys for you", reverse("surveys:yours"), "Tell us how an activity or group went for you"),
        Link("Pages you asked for in another format", reverse("communications:my_format_requests")),
    ]
    if not is_coordinator(user):  # coordinators have Reviews among the lists they work through
        links.append(Link("Reviews", reverse("reviews:list"), "Say how well co-production is working on your projects"))
    if can_set_own_contact_preferences(user):
        links.append(
            Link("How we contact you", reverse("communications:my_contact_preferences"), "Email, text or post")
        )
    if can_sign_charter(user):
        links.append(Link("The co-production charter", reverse("learning:charter"), "Read it and sign it"))
    if can_raise_concern(user):
        links.append(
            Link("Your concerns", reverse("decisions:your_concerns"), "Raise a concern, privately if you like")
        )
    return links


def coordinator_links(user: User | AnonymousUser) -> list[Link]:
    """The lists coordinators (and the data lead and admins) work through."""
    links = []
    if can_view_overdue(user):
        links.append(Link("Contributions waiting for an answer", reverse("contributions:overdue")))
    if can_manage_payments(user):
        links += [
            Link("Expense and payment claims", reverse("payments:claims")),
            Link("Finance export", reverse("payments:export")),
        ]
    if can_manage_messages(user):
        links += [
            Link("Messages", reverse("communications:messages"), "Messages that failed come first"),
            Link("Letters to post", reverse("communications:post_to_send")),
            Link("Calls to make", reverse("communications:calls")),
            Link("Newsletters and updates", reverse("newsletters:list"), "Write once; each person gets their format"),
        ]
    if is_coordinator(user):
        links += [
            Link("Reviews", reverse("reviews:list"), "Quarterly, end-of-stage and annual reviews"),
            Link("Concerns raised", reverse("decisions:concerns")),
            Link("Experience surveys", reverse("surveys:manage")),
            Link("Easy Read documents", reverse("easyread:documents"), "Write and publish Easy Read versions"),
            Link("Requests for other formats", reverse("communications:format_requests"), "Overdue ones first"),
            Link("Inductions of new members", reverse("learning:inductions")),
            Link("Recommendations to partners", reverse("learning:recommendations")),
            Link("Charter and training coverage", reverse("learning:coverage")),
        ]
    if can_view_organisation_report(user):
        links.append(Link("Progress reports", reverse("reports:organisation"), "Set out in the GRIPP2 short form"))
    if can_send_digests(user):
        links.append(Link("Personal digests", reverse("reports:digests"), "Tell each contributor what happened"))
    if can_view_representation(user):
        links.append(Link("Who is involved", reverse("analytics:representation"), "Compared with the population"))
    if can_load_reference_figures(user):
        links.append(Link("Reference population figures", reverse("analytics:reference_figures")))
    if is_admin(user):
        links.append(Link("Payment rate cards", reverse("payments:rate_cards")))
    return links


@login_not_required
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    projects = Project.objects.visible_to(user)[:10]
    return render(
        request,
        "home.html",
        {"projects": projects, "your_links": your_links(user), "coordinator_links": coordinator_links(user)},
    )


# On /co-production/?version=standard a person who reads Easy Read sees the standard version.
STANDARD_VERSION = "standard"


@login_not_required
def co_production(request: HttpRequest) -> HttpResponse:
    """What co-production means here. People who asked for Easy Read get the Easy Read version first."""
    if request.GET.get("version") != STANDARD_VERSION and prefers_easy_read(request.user):
        return _co_production_in_easy_read(request, chosen_for_you=True)
    return render(
        request,
        "co_production.html",
        {
            "definition_plain": model.DEFINITION_PLAIN,
            "definition_seed": model.DEFINITION_SEED,
            "values": model.VALUES,
            "steps": model.STEPS,
            "stages": model.STAGES,
            "ladder": model.LADDER,
        },
    )


@login_not_required
def co_production_easy_read(request: HttpRequest) -> HttpResponse:
    return _co_production_in_easy_read(request, chosen_for_you=False)


def _co_production_in_easy_read(request: HttpRequest, *, chosen_for_you: bool) -> HttpResponse:
    return render(
        request,
        "co_production_easy_read.html",
        {
            "title": easy_read_model.TITLE,
            "introduction": easy_read_model.INTRODUCTION,
            "values": easy_read_model.VALUES,
            "steps": easy_read_model.STEPS,
            "chosen_for_you": chosen_for_you,
            "standard_version": f"{reverse('co_production')}?version={STANDARD_VERSION}",
        },
    )


@login_not_required
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "accessibility.html")


@login_not_required
def help_page(request: HttpRequest) -> HttpResponse:
    return render(request, "help.html")
