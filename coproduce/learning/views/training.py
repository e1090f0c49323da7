"""Training pages: courses and their sessions, completion, the person's records, confidence, certificates."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.forms import show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.involvement.models import Activity
from coproduce.learning.forms import CompletionForm, ConfidenceForm, SessionForm
from coproduce.learning.models import CONFIDENCE_QUESTION, Course, CourseSession, TrainingRecord
from coproduce.learning.permissions import (
    can_answer_confidence,
    can_manage_learning,
    can_sign_charter,
    can_view_training_record,
)
from coproduce.learning.queries import attendees_without_record, records_of, sessions_of
from coproduce.learning.refusals import LearningRefused
from coproduce.learning.services.training import answer_confidence, plan_session, record_completion
from coproduce.pdf import pdf_response, render_pdf
from coproduce.people.models import Person


def course_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_sign_charter(request.user))
    return render(
        request,
        "learning/courses.html",
        {"courses": Course.objects.prefetch_related("materials"), "can_manage": can_manage_learning(request.user)},
    )


def course_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(can_sign_charter(request.user))
    course = get_object_or_404(Course.objects.prefetch_related("materials"), pk=pk)
    now = timezone.now()
    sessions = sessions_of(course)
    return render(
        request,
        "learning/course_detail.html",
        {
            "course": course,
            "upcoming": [s for s in sessions if s.activity.starts_at > now],
            "past": [s for s in sessions if s.activity.starts_at <= now] if can_manage_learning(request.user) else [],
            "can_manage": can_manage_learning(request.user),
        },
    )


def session_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(can_manage_learning(request.user))
    course = get_object_or_404(Course, pk=pk)
    form = SessionForm(submitted(request))
    if form.is_valid():
        data = form.cleaned_data
        activity = Activity(
            title=course.title,
            description=course.description,
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            format=data["format"],
            venue=data["venue"],
            capacity=data["capacity"],
            planned_rung="educating",
        )
        try:
            session = plan_session(course, activity=activity, by=request.user)
        except LearningRefused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, "The session is planned and open for registration on Get involved.")
            return redirect("learning:course", pk=session.course_id)
    return render(request, "learning/session_form.html", {"form": form, "course": course})


def completion(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(can_manage_learning(request.user))
    session = get_object_or_404(CourseSession.objects.select_related("course", "activity"), pk=pk)
    attendees = attendees_without_record(session)
    form = CompletionForm(submitted(request), attendees=attendees, initial={"completed_on": None})
    if form.is_valid():
        try:
            records = record_completion(
                session,
                people=list(form.cleaned_data["people"]),
                completed_on=form.cleaned_data["completed_on"],
                by=request.user,
            )
        except LearningRefused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(
                request, f"Completion recorded for {len(records)} {'person' if len(records) == 1 else 'people'}."
            )
            return redirect("learning:completion", pk=session.pk)
    completed = session.records.select_related("person").order_by("person__full_name")
    return render(
        request,
        "learning/completion.html",
        {
            "session": session,
            "form": form,
            "completed": completed,
            "has_attendees": attendees.exists(),
        },
    )


def records(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_sign_charter(request.user))
    person = get_object_or_404(Person, user=request.user)
    return render(request, "learning/records.html", {"records": records_of(person), "question": CONFIDENCE_QUESTION})


def _record_for(user: User, pk: int) -> TrainingRecord:
    record = get_object_or_404(TrainingRecord.objects.select_related("person", "course", "session__activity"), pk=pk)
    require(can_view_training_record(user, record))
    return record


def confidence(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    record = _record_for(request.user, pk)
    require(can_answer_confidence(request.user, record))
    form = ConfidenceForm(
        submitted(request), initial={"before": record.confidence_before, "after": record.confidence_after}
    )
    if form.is_valid():
        answer_confidence(record, before=form.cleaned_data["before"], after=form.cleaned_data["after"], by=request.user)
        messages.success(request, "Thank you for your answers.")
        return redirect("learning:records")
    return render(request, "learning/confidence.html", {"form": form, "record": record})


def certificate(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    record = _record_for(request.user, pk)
    pdf = render_pdf(
        "learning/pdf/certificate.html",
        {"record": record, "name": record.person.full_name, "organisation": settings.COPRODUCE_ORGANISATION_NAME},
    )
    return pdf_response(pdf, f"certificate-{record.pk}.pdf")
