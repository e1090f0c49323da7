"""Who has signed: the public champions list, and coverage by group for coordinators."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.learning.permissions import can_manage_learning
from coproduce.learning.queries import (
    champions,
    count_overdue_recommendations,
    coverage_by_group,
    current_version,
    signed_organisations_count,
)


@login_not_required
def champions_page(request: HttpRequest) -> HttpResponse:
    return render(request, "learning/champions.html", {"champions": champions(), "version": current_version()})


def coverage(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_manage_learning(request.user))
    today = timezone.localdate()
    return render(
        request,
        "learning/coverage.html",
        {
            "rows": coverage_by_group(),
            "organisations_signed": signed_organisations_count(),
            "overdue": count_overdue_recommendations(today),
            "version": current_version(),
        },
    )
