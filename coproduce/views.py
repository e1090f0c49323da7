"""The home page and the information pages that sit outside any one app."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from coproduce import model
from coproduce.accounts.permissions import is_partner, is_staff_role
from coproduce.communications.queries import STANDARD_VERSION, shows_easy_read
from coproduce.contributions.permissions import can_record_own
from coproduce.easyread import co_production as easy_read_model
from coproduce.home import member, partner, staff
from coproduce.projects.models import Project


@login_not_required
def home(request: HttpRequest) -> HttpResponse:
    """Each person's next useful things: their own for members and carers, their organisation's for
    partners, the lists they work through for staff. Nobody sees a list meant for someone else."""
    user = request.user
    projects = list(Project.objects.visible_to(user)[:10])
    context: dict[str, object] = {"projects": projects}
    if not user.is_authenticated:
        return render(request, "home.html", context)
    has_own_part = can_record_own(user)
    if is_staff_role(user):
        context["actions"] = staff.primary_actions(user)
        context["groups"] = staff.work_groups(user)
        context["project_steps"] = staff.projects_with_next_steps(user, projects)
    elif is_partner(user):
        context["organisation_home"] = partner.organisation_home(user)
    elif has_own_part:
        person = user.person
        context["next_steps"] = member.counted_links(user, person)
        context["contributions"] = member.recent_contributions(person)
    if has_own_part:
        context["your_links"] = member.more_links(user, with_own_lists="next_steps" not in context)
    return render(request, "home.html", context)


@login_not_required
def co_production(request: HttpRequest) -> HttpResponse:
    """What co-production means here. People who asked for Easy Read get the Easy Read version first."""
    if shows_easy_read(request.user, request.GET.get("version")):
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
