"""Review pages: the list, a review, taking part, recording answers given by phone, closing, the standards."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from coproduce.accounts.models import User
from coproduce.accounts.permissions import is_data_lead
from coproduce.communications.readability import ReadabilityCheck
from coproduce.forms import submitted
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


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _allow(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _review(pk: int) -> Review:
    return get_object_or_404(Review.objects.select_related("project", "closed_by__person"), pk=pk)


def review_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    _allow(can_view_reviews(user))
    reviews = list(reviews_for(user))
    return render(
        request,
        "reviews/list.html",
        {
            "open_reviews": [review for review in reviews if review.is_open],
            "closed_reviews": [review for review in reviews if not review.is_open],
            "sees_all": can_record_for_someone(user) or is_data_lead(user),
        },
    )


def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    review = _review(pk)
    _allow(can_view_review(user, review))
    return render(
        request,
        "reviews/review.html",
        {
            "review": review,
            "page": review_page(review),
            "show_gap_names": is_data_lead(user),
            "can_close": review.is_open and can_close_review(user, review),
            "can_record": review.is_open and can_record_for_someone(user),
            "can_rate": review.is_annual and review.is_open and can_rate_standards(user),
            "can_take_part": review.is_open and can_take_part(user, review) and not has_taken_part(review, user),
        },
    )


def take_part(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    review = _review(pk)
    _allow(can_take_part(user, review))
    person = Person.objects.filter(user=user).first()
    if person is None:  # cannot happen: people in a project group have a record
        raise PermissionDenied
    answered = has_taken_part(review, user)
    form = SelfAssessmentForm(None if answered or not review.is_open else submitted(request))
    if form.is_bound and form.is_valid():
        try:
            record_self_assessment(review, person=person, answers=form.answers(), by=user)
        except ReviewRefused as refusal:
            form.add_error(None, refusal.message)
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
            "can_view": can_view_review(user, review),
        },
    )


def record(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    review = _review(pk)
    _allow(can_record_for_someone(user))
    form = RecordSelfAssessmentForm(
        submitted(request) if review.is_open else None, people=people_who_may_take_part(review)
    )
    if form.is_bound and form.is_valid():
        try:
            record_self_assessment(
                review, person=form.cleaned_data["person"], answers=form.answers(), by=user, by_phone=True
            )
        except ReviewRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, "Self-assessment recorded.")
            return redirect("reviews:review", pk=review.pk)
    return render(request, "reviews/record.html", {"review": review, "form": form})


def close(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    review = _review(pk)
    _allow(can_close_review(user, review))
    form = CloseReviewForm(submitted(request) if review.is_open else None)
    check = ReadabilityCheck(request, form, CLOSE_READABLE)
    if form.is_bound and not check.pressed and form.is_valid():
        try:
            close_review(
                review,
                by=user,
                learned=form.cleaned_data["learned"],
                actions_agreed=form.cleaned_data["actions_agreed"],
            )
        except ReviewRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, "The review is closed.")
            return redirect("reviews:review", pk=review.pk)
    return render(request, "reviews/close.html", {"review": review, "form": form, **check.context()})


def standards(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    review = _review(pk)
    if not review.is_annual:
        raise Http404("Only the annual organisation review rates the standards.")
    _allow(can_rate_standards(user))
    initial = {}
    for rating in review.standard_ratings.all():
        initial[f"rating_{rating.standard}"] = rating.rating
        initial[f"evidence_{rating.standard}"] = rating.evidence
    form = StandardsForm(submitted(request) if review.is_open else None, initial=initial)
    check = ReadabilityCheck(request, form, STANDARDS_READABLE)
    if form.is_bound and not check.pressed and form.is_valid():
        try:
            rate_standards(review, form.ratings(), by=user)
        except ReviewRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, "The ratings are saved.")
            return redirect("reviews:review", pk=review.pk)
    return render(request, "reviews/standards.html", {"review": review, "form": form, **check.context()})
