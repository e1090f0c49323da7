"""Get involved: the public list of activities, an activity's page, its calendar file and Easy Read picture."""

import mimetypes

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from coproduce.involvement import conf
from coproduce.involvement.choices import RegistrationStatus
from coproduce.involvement.forms.opportunities import OpportunityFilterForm
from coproduce.involvement.ics import calendar_file
from coproduce.involvement.models import Registration
from coproduce.involvement.permissions import can_manage_activities, can_register
from coproduce.involvement.queries import open_opportunities, registration_of, waiting_position
from coproduce.involvement.views.lookups import PAGE_SIZE, activity_for, own_person


@login_not_required
def opportunities(request: HttpRequest) -> HttpResponse:
    filters = OpportunityFilterForm(request.GET)
    activities = open_opportunities(**filters.filters())
    page = Paginator(activities, PAGE_SIZE).get_page(request.GET.get("page"))
    statuses: dict[int, str] = {}
    if request.user.is_authenticated:
        statuses = dict(
            Registration.objects.of_user(request.user)
            .filter(activity__in=[activity.pk for activity in page.object_list])
            .exclude(status=RegistrationStatus.WITHDRAWN)
            .values_list("activity_id", "status")
        )
    for activity in page.object_list:
        activity.my_status = statuses.get(activity.pk, "")  # type: ignore[attr-defined]
    return render(
        request,
        "involvement/opportunities.html",
        {"page": page, "filters": filters, "can_manage": can_manage_activities(request.user)},
    )


@login_not_required
def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = activity_for(request.user, pk)
    registration = registration_of(activity, own_person(request.user))
    registered = activity.registrations.registered().count()
    return render(
        request,
        "involvement/activity_detail.html",
        {
            "activity": activity,
            "registration": registration if registration is not None and registration.is_active else None,
            "position": (
                waiting_position(registration)
                if registration is not None and registration.status == RegistrationStatus.WAITING
                else None
            ),
            "places_left": None if activity.capacity is None else max(activity.capacity - registered, 0),
            "has_started": activity.has_started(),
            "reminder_days": conf.reminder_days_before(),
            "can_register": can_register(request.user),
            "can_manage": can_manage_activities(request.user),
        },
    )


@login_not_required
def activity_ics(request: HttpRequest, pk: int) -> HttpResponse:
    activity = activity_for(request.user, pk)
    url = request.build_absolute_uri(reverse("involvement:detail", kwargs={"pk": activity.pk}))
    response = HttpResponse(
        calendar_file(activity, url=url, now=timezone.now()), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="activity-{activity.pk}.ics"'
    return response


@login_not_required
def easy_read_image(request: HttpRequest, pk: int) -> FileResponse:
    activity = activity_for(request.user, pk)
    if not activity.easy_read_image:
        raise Http404
    content_type = mimetypes.guess_type(activity.easy_read_image.name or "")[0] or "application/octet-stream"
    try:
        picture = activity.easy_read_image.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(picture, content_type=content_type)
    response["Cache-Control"] = "private, max-age=3600"
    return response
