"""Running activities: the coordinator's list, planning an activity, its page, and opening registration."""

from django.contrib import messages
from django.core.files.uploadedfile import UploadedFile
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.datastructures import MultiValueDict

from coproduce.communications.readability import Panel, hide_errors, is_readability_check, readability_for
from coproduce.forms import show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.involvement import conf
from coproduce.involvement.choices import RegistrationStatus, outreach_warning
from coproduce.involvement.forms.activities import ActivityForm, PublishForm
from coproduce.involvement.models import Activity
from coproduce.involvement.permissions import can_manage_activities
from coproduce.involvement.queries import activities_to_manage
from coproduce.involvement.services.activities import (
    ActivityRefused,
    create_activity,
    set_registration_open,
    update_activity,
)
from coproduce.involvement.views.lookups import PAGE_SIZE, managed_activity
from coproduce.projects.models import Project


def manage(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_manage_activities(request.user))
    page = Paginator(activities_to_manage(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "involvement/manage.html", {"page": page})


def _files(request: HttpRequest) -> MultiValueDict[str, UploadedFile] | None:
    return request.FILES if request.method == "POST" else None


# The texts of an activity that others read: checked for plain language on "Check readability".
READABLE_FIELDS = {"description": "Description", "easy_read_summary": "Easy Read summary"}


def _readability_check(request: HttpRequest, form: ActivityForm) -> list[Panel] | None:
    """The readability panels if the person pressed "Check readability" (then nothing is saved)."""
    if not is_readability_check(submitted(request)):
        return None
    hide_errors(form)
    return readability_for(form, READABLE_FIELDS)


def _activity_form_page(
    request: HttpRequest, form: ActivityForm, activity: Activity | None, panels: list[Panel] | None
) -> HttpResponse:
    if panels is None and form.is_bound and form.errors:
        # A save that failed: show the readability of what was typed beside the errors.
        panels = readability_for(form, READABLE_FIELDS)
    context = {
        "form": form,
        "activity": activity,
        "readability_panels": panels,
        "panel_for": {panel.field_name: panel for panel in panels or []},
    }
    return render(request, "involvement/activity_form.html", context)


def activity_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_manage_activities(request.user))
    # A link from a project page can choose the project: /get-involved/manage/new/?project=3
    project_id = request.GET.get("project", "")
    project = Project.objects.filter(pk=int(project_id)).first() if project_id.isdigit() else None
    initial = {"project": project, "stage": project.stage} if project is not None else {}
    form = ActivityForm(submitted(request), _files(request), initial=initial)
    panels = _readability_check(request, form)
    if panels is None and form.is_valid():
        try:
            activity = create_activity(form.save(commit=False), channels=form.cleaned_data["channels"], by=request.user)
        except ActivityRefused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, f"{activity.title} is saved. Open it for registration when it is ready.")
            return redirect("involvement:manage_activity", pk=activity.pk)
    return _activity_form_page(request, form, None, panels)


def activity_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    activity = managed_activity(request.user, pk)
    form = ActivityForm(submitted(request), _files(request), instance=activity)
    panels = _readability_check(request, form)
    if panels is None and form.is_valid():
        try:
            update_activity(form.save(commit=False), channels=form.cleaned_data["channels"], by=request.user)
        except ActivityRefused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, "Your changes are saved.")
            return redirect("involvement:manage_activity", pk=activity.pk)
    return _activity_form_page(request, form, activity, panels)


def manage_activity(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    activity = managed_activity(request.user, pk)
    outreach = list(activity.outreach.all())
    counts = {
        status: activity.registrations.filter(status=status).count()
        for status in (RegistrationStatus.REGISTERED, RegistrationStatus.WAITING, RegistrationStatus.INTERESTED)
    }
    return render(
        request,
        "involvement/manage_activity.html",
        {
            "activity": activity,
            "outreach": outreach,
            "outreach_warning": outreach_warning(
                [item.channel for item in outreach], minimum=conf.min_outreach_channels()
            ),
            "registered": counts[RegistrationStatus.REGISTERED],
            "waiting": counts[RegistrationStatus.WAITING],
            "interested": counts[RegistrationStatus.INTERESTED],
            "attended": activity.attendances.count(),
            "has_started": activity.has_started(),
        },
    )


def activity_publish(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    activity = managed_activity(request.user, pk)
    form = PublishForm(submitted(request), initial={"is_open": "no" if activity.is_open else "yes"})
    if form.is_valid():
        is_open = form.cleaned_data["is_open"]
        try:
            set_registration_open(activity, is_open=is_open, by=request.user)
        except ActivityRefused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(
                request,
                f"{activity.title} is open for registration. It shows on Get involved."
                if is_open
                else f"Registration for {activity.title} is closed.",
            )
            return redirect("involvement:manage_activity", pk=activity.pk)
    return render(
        request,
        "involvement/publish.html",
        {"activity": activity, "form": form, "opening": not activity.is_open, "has_started": activity.has_started()},
    )
