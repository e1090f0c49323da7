"""Recording who came to an activity."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from coproduce.forms import show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest
from coproduce.involvement.choices import AttendanceRole
from coproduce.involvement.forms.attendance import AttendanceForm
from coproduce.involvement.services.attendance import AttendanceRefused, not_started_yet, record_attendance
from coproduce.involvement.views.lookups import managed_activity


def activity_attendance(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    activity = managed_activity(request.user, pk)
    form = AttendanceForm(submitted(request), activity=activity)
    if form.is_valid():
        people = form.chosen_people()
        try:
            record_attendance(
                activity,
                people=people,
                role=AttendanceRole(form.cleaned_data["role"]),
                minutes=form.cleaned_data["minutes"],
                from_paper=form.cleaned_data["from_paper"],
                by=request.user,
            )
        except AttendanceRefused as refusal:
            show_refusal(form, refusal)
        else:
            count = len(people)
            messages.success(request, f"Attendance saved for {count} {'person' if count == 1 else 'people'}.")
            return redirect("involvement:attendance", pk=activity.pk)
    attendances = activity.attendances.select_related("person", "recorded_by__person").order_by(
        "person__full_name", "id"
    )
    return render(
        request,
        "involvement/attendance.html",
        {"activity": activity, "form": form, "attendances": attendances, "not_started_yet": not_started_yet(activity)},
    )
