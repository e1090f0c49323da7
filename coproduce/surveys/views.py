"""Survey pages: the coordinator's list, answering online, recording by phone, and the results."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from coproduce.accounts.models import User
from coproduce.analytics.disclosure import NOTE, SUPPRESSED
from coproduce.decisions.models import ProjectGroup
from coproduce.forms import show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.involvement.models import Activity
from coproduce.involvement.queries import uses_easy_read
from coproduce.people.models import Person
from coproduce.surveys import conf
from coproduce.surveys.choices import EASY_READ_ANSWERS, Answer
from coproduce.surveys.forms import PhoneAnswerForm, SurveyForm
from coproduce.surveys.models import SurveyRound
from coproduce.surveys.permissions import can_answer_round, can_manage_surveys, can_view_summary
from coproduce.surveys.queries import (
    activities_due_a_round,
    groups_due_a_round,
    has_answered,
    open_rounds_for,
    people_who_may_answer,
    rounds_with_counts,
    summary,
)
from coproduce.surveys.services import (
    SurveyRefused,
    answer_round,
    open_round_for_activity,
    open_round_for_group,
    record_phone_answer,
)


def _own_person(user: User) -> Person | None:
    return Person.objects.filter(user=user).first()


def _round(pk: int) -> SurveyRound:
    return get_object_or_404(SurveyRound.objects.select_related("project", "activity", "group"), pk=pk)


def manage(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_manage_surveys(request.user))
    return render(
        request,
        "surveys/manage.html",
        {
            "activities": activities_due_a_round(),
            "groups": groups_due_a_round(conf.group_survey_months()),
            "months": conf.group_survey_months(),
            "rounds": rounds_with_counts(),
        },
    )


@require_POST
def open_for_activity(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(can_manage_surveys(request.user))
    activity = get_object_or_404(Activity, pk=pk)
    try:
        survey_round = open_round_for_activity(activity, by=request.user)
    except SurveyRefused as refusal:
        messages.error(request, refusal.message)
        return redirect("surveys:manage")
    messages.success(request, f"Survey opened for {activity.title}.")
    return redirect("surveys:summary", pk=survey_round.pk)


@require_POST
def open_for_group(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(can_manage_surveys(request.user))
    group = get_object_or_404(ProjectGroup, pk=pk)
    try:
        survey_round = open_round_for_group(group, by=request.user)
    except SurveyRefused as refusal:
        messages.error(request, refusal.message)
        return redirect("surveys:manage")
    messages.success(request, f"Survey opened for {group.name}.")
    return redirect("surveys:summary", pk=survey_round.pk)


def yours(request: AuthenticatedHttpRequest) -> HttpResponse:
    person = _own_person(request.user)
    return render(request, "surveys/yours.html", {"rounds": open_rounds_for(person)})


def answer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey_round = _round(pk)
    require(can_answer_round(request.user, survey_round))
    person = _own_person(request.user)
    if person is None:  # cannot happen: people who took part have a record
        raise PermissionDenied
    easy_read = uses_easy_read(person)
    answered = has_answered(survey_round, person)
    form = SurveyForm(None if answered else submitted(request), easy_read=easy_read)
    if not answered and survey_round.is_open() and form.is_valid():
        try:
            answer_round(survey_round, person=person, answers=form.answers(), comment=form.cleaned_data["comment"])
        except SurveyRefused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, "Thank you. We got your answers." if easy_read else "Thank you for your answers.")
            return redirect("surveys:yours")
    return render(
        request,
        "surveys/answer.html",
        {
            "survey_round": survey_round,
            "form": form,
            "easy_read": easy_read,
            "answered": answered,
            "is_open": survey_round.is_open(),
        },
    )


def record_by_phone(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(can_manage_surveys(request.user))
    survey_round = _round(pk)
    form = PhoneAnswerForm(submitted(request), people=people_who_may_answer(survey_round))
    if survey_round.is_open() and form.is_valid():
        try:
            record_phone_answer(
                survey_round,
                person=form.cleaned_data["person"],
                answers=form.answers(),
                comment=form.cleaned_data["comment"],
                by=request.user,
            )
        except SurveyRefused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, "Answers recorded. They are kept without the person's name.")
            return redirect("surveys:summary", pk=survey_round.pk)
    return render(
        request,
        "surveys/record_by_phone.html",
        {"survey_round": survey_round, "form": form, "is_open": survey_round.is_open()},
    )


def round_summary(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey_round = _round(pk)
    require(can_view_summary(request.user, survey_round))
    items = summary(survey_round)
    return render(
        request,
        "surveys/summary.html",
        {
            "survey_round": survey_round,
            "items": items,
            "answers": Answer.choices,
            "easy_read_answers": EASY_READ_ANSWERS,
            "hidden": any(item.table.has_suppressed or item.agreeing == SUPPRESSED for item in items),
            "note": NOTE,
            "is_open": survey_round.is_open(),
            "can_manage": can_manage_surveys(request.user),
        },
    )
