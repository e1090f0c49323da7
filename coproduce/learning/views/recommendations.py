"""Recommendation pages: recording one sent to a partner, the overdue list, and recording the answer.
Partner representatives see the recommendations made to their own organisation and answer them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from coproduce.forms import show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.learning.forms import PartnerAnswerForm, RecommendationForm, ResponseForm
from coproduce.learning.models import Recommendation
from coproduce.learning.permissions import can_answer_recommendation, can_manage_learning, can_view_recommendations
from coproduce.learning.queries import recommendations, recommendations_by_answer, recommendations_to
from coproduce.learning.refusals import LearningRefused
from coproduce.learning.services.recommendations import record_recommendation, record_response
from coproduce.people.models import Person

PAGE_LIMIT = 200


def recommendation_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_view_recommendations(request.user))
    if not can_manage_learning(request.user):
        return _organisation_recommendations(request)
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
            **recommendations_by_answer(recommendations(), today, limit=PAGE_LIMIT),
            "today": today,
        },
    )


def _organisation_recommendations(request: AuthenticatedHttpRequest) -> HttpResponse:
    """A partner representative's view: the recommendations made to their organisation only."""
    organisation = get_object_or_404(Person.objects.select_related("organisation"), user=request.user).organisation
    if organisation is None:
        raise PermissionDenied
    made = recommendations_by_answer(recommendations_to(organisation), timezone.localdate(), limit=PAGE_LIMIT)
    return render(request, "learning/organisation_recommendations.html", {"organisation": organisation, **made})


def recommendation_response(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    recommendation = get_object_or_404(Recommendation.objects.select_related("project", "organisation"), pk=pk)
    require(can_answer_recommendation(request.user, recommendation))
    by_partner = not can_manage_learning(request.user)
    form = PartnerAnswerForm(submitted(request)) if by_partner else ResponseForm(submitted(request))
    if form.is_valid():
        try:
            record_response(
                recommendation,
                responded_on=form.cleaned_data.get("responded_on") or timezone.localdate(),
                response=form.cleaned_data["response"],
                by=request.user,
            )
        except LearningRefused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, "Thank you. The answer is recorded." if by_partner else "The answer is recorded.")
            return redirect("learning:recommendations")
    return render(
        request,
        "learning/recommendation_response.html",
        {"form": form, "recommendation": recommendation, "by_partner": by_partner},
    )
