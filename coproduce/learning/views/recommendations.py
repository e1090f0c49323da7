"""Recommendation pages: recording one sent to a partner, the overdue list, and recording the answer."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from coproduce.forms import show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.learning.forms import RecommendationForm, ResponseForm
from coproduce.learning.models import Recommendation
from coproduce.learning.permissions import can_manage_learning
from coproduce.learning.queries import overdue_recommendations, recommendations
from coproduce.learning.refusals import LearningRefused
from coproduce.learning.services.recommendations import record_recommendation, record_response

PAGE_LIMIT = 200


def recommendation_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_manage_learning(request.user))
    form = RecommendationForm(submitted(request))
    if form.is_valid():
        record_recommendation(
            project=form.cleaned_data["project"],
            organisation=form.cleaned_data["organisation"],
            text=form.cleaned_data["text"],
            sent_on=form.cleaned_data["sent_on"],
            by=request.user,
        )
        messages.success(request, "The recommendation is recorded.")
        return redirect("learning:recommendations")
    today = timezone.localdate()
    return render(
        request,
        "learning/recommendations.html",
        {
            "form": form,
            "overdue": overdue_recommendations(today)[:PAGE_LIMIT],
            "waiting": recommendations().filter(responded_on__isnull=True, response_due__gte=today)[:PAGE_LIMIT],
            "answered": recommendations().filter(responded_on__isnull=False).order_by("-responded_on")[:PAGE_LIMIT],
            "today": today,
        },
    )


def recommendation_response(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(can_manage_learning(request.user))
    recommendation = get_object_or_404(Recommendation.objects.select_related("project", "organisation"), pk=pk)
    form = ResponseForm(submitted(request))
    if form.is_valid():
        try:
            record_response(
                recommendation,
                responded_on=form.cleaned_data["responded_on"],
                response=form.cleaned_data["response"],
                by=request.user,
            )
        except LearningRefused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, "The answer is recorded.")
            return redirect("learning:recommendations")
    return render(request, "learning/recommendation_response.html", {"form": form, "recommendation": recommendation})
