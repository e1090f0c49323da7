"""The inductions page: members without one, reviews due, and recording one."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from coproduce.forms import show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.learning import conf
from coproduce.learning.forms import InductionForm
from coproduce.learning.permissions import can_manage_learning
from coproduce.learning.queries import inductions_due_for_review, members_without_induction
from coproduce.learning.refusals import LearningRefused
from coproduce.learning.services.inductions import record_induction

PAGE_LIMIT = 200


def inductions(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_manage_learning(request.user))
    form = InductionForm(submitted(request))
    if form.is_valid():
        try:
            record_induction(
                form.cleaned_data["person"],
                inducted_on=form.cleaned_data["inducted_on"],
                notes=form.cleaned_data["notes"],
                by=request.user,
            )
        except LearningRefused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, f"The induction of {form.cleaned_data['person'].name} is recorded.")
            return redirect("learning:inductions")
    today = timezone.localdate()
    return render(
        request,
        "learning/inductions.html",
        {
            "form": form,
            "without": members_without_induction(today)[:PAGE_LIMIT],
            "due": inductions_due_for_review(today)[:PAGE_LIMIT],
            "review_months": conf.induction_review_months(),
        },
    )
