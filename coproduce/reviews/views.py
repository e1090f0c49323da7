"""Review pages: the list, a review, taking part, recording answers given by phone, closing, the standards."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from coproduce.accounts.permissions import is_data_lead
from coproduce.communications.readability import ReadabilityCheck
from coproduce.forms import show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.people.models import Person
from coproduce.reviews.forms import (
    CLOSE_READABLE,
    STANDARDS_READABLE,
    CloseReviewForm,
    RecordSelfAssessmentForm,
    SelfAssessmentForm,
    StandardsForm,
)
from coproduce.reviews.models import Review
from coproduce.reviews.permissions import (
    can_close_review,
    can_rate_standards,
    can_record_for_someone,
    can_take_part,
    can_view_review,
    can_view_reviews,
)
from coproduce.reviews.queries import has_taken_part, people_who_may_take_part, review_page, reviews_for
from coproduce.reviews.services import ReviewRefused, close_review, rate_standards, record_self_assessment


def _review(pk: int) -> Review:
    return get_object_or_404(Review.objects.select_related("project", "closed_by__person"), pk=pk)


def review_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_view_reviews(request.user))
    reviews = list(reviews_for(request.user))
    return render(
        request,
        "reviews/list.html",
        {
            "open_reviews": [review for review in reviews if review.is_open],
            "closed_reviews": [review for review in reviews if not review.is_open],
            "sees_all": can_record_for_someone(request.user) or is_data_lead(request.user),
        },
    )


def review_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    review = _review(pk)
    require(can_view_review(request.user, review))
    return render(
        request,
        "reviews/review.html",
        {
            "review": review,
            "page": review_page(review),
            "show_gap_names": is_data_lead(request.user),
            "can_close": review.is_open and can_close_review(request.user, review),
            "can_record": review.is_open and can_record_for_someone(request.user),
            "can_rate": review.is_annual and review.is_open and can_rate_standards(request.user),
            "can_take_part": review.is_open
            and can_take_part(request.user, review)
            and not has_taken_part(review, request.user),
        },
    )


def take_part(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    review = _review(pk)
    require(can_take_part(request.user, review))
    person = Person.objects.filter(user=request.user).first()
    if person is None:  # cannot happen: people in a project group have a record
        raise PermissionDenied
    answered = has_taken_part(review, request.user)
    form = SelfAssessmentForm(None if answered or not review.is_open else submitted(request))
    if form.is_bound and form.is_valid():
        try:
            record_self_assessment(review, person=person, answers=form.answers(), by=request.user)
        except ReviewRefused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, "Thank you. Your answers are part of the review.")
            return redirect("reviews:take_part", pk=review.pk)
    return render(
        request,
        "reviews/take_part.html",
        {
            "review": review,
            "form": form,
            "answered": answered,
            "can_view": can_view_review(request.user, review),
        },
    )


def record(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    review = _review(pk)
    require(can_record_for_someone(request.user))
    form = RecordSelfAssessmentForm(
        submitted(request) if review.is_open else None, people=people_who_may_take_part(review)
    )
    if form.is_bound and form.is_valid():
        try:
            record_self_assessment(
                review, person=form.cleaned_data["person"], answers=form.answers(), by=request.user, by_phone=True
            )
        except ReviewRefused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, "Self-assessment recorded.")
            return redirect("reviews:review", pk=review.pk)
    return render(request, "reviews/record.html", {"review": review, "form": form})


def close(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    review = _review(pk)
    require(can_close_review(request.user, review))
    form = CloseReviewForm(submitted(request) if review.is_open else None)
    check = ReadabilityCheck(request, form, CLOSE_READABLE)
    if form.is_bound and not check.pressed and form.is_valid():
        try:
            close_review(
                review,
                by=request.user,
                learned=form.cleaned_data["learned"],
                actions_agreed=form.cleaned_data["actions_agreed"],
            )
        except ReviewRefused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, "The review is closed.")
            return redirect("reviews:review", pk=review.pk)
    return render(request, "reviews/close.html", {"review": review, "form": form, **check.context()})


def standards(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    review = _review(pk)
    if not review.is_annual:
        raise Http404("Only the annual organisation review rates the standards.")
    require(can_rate_standards(request.user))
    initial = {}
    for rating in review.standard_ratings.all():
        initial[f"rating_{rating.standard}"] = rating.rating
        initial[f"evidence_{rating.standard}"] = rating.evidence
    form = StandardsForm(submitted(request) if review.is_open else None, initial=initial)
    check = ReadabilityCheck(request, form, STANDARDS_READABLE)
    if form.is_bound and not check.pressed and form.is_valid():
        try:
            rate_standards(review, form.ratings(), by=request.user)
        except ReviewRefused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, "The ratings are saved.")
            return redirect("reviews:review", pk=review.pk)
    return render(request, "reviews/standards.html", {"review": review, "form": form, **check.context()})
