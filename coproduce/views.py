"""The home page and the information pages that sit outside any one app."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from coproduce import model
from coproduce.projects.models import Project


@login_not_required
def home(request: HttpRequest) -> HttpResponse:
    projects = Project.objects.visible_to(request.user)[:10]
    return render(request, "home.html", {"projects": projects})


@login_not_required
def co_production(request: HttpRequest) -> HttpResponse:
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
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "accessibility.html")


@login_not_required
def help_page(request: HttpRequest) -> HttpResponse:
    return render(request, "help.html")
