"""Pages for "Get involved" (finding and registering for activities) and for running activities."""

import mimetypes

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from coproduce.accounts.models import User
from coproduce.accounts.network import client_ip
from coproduce.communications.readability import Panel, hide_errors, is_readability_check, readability_for
from coproduce.forms import ConfirmForm, show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.involvement import conf
from coproduce.involvement.choices import ArrangementStatus, AttendanceRole, RegistrationStatus, outreach_warning
from coproduce.involvement.forms import (
    ActivityForm,
    AddPersonForm,
    ArrangementsForm,
    AttendanceForm,
    InterestForm,
    OpportunityFilterForm,
    PublishForm,
)
from coproduce.involvement.ics import calendar_file
from coproduce.involvement.models import Activity, Registration
from coproduce.involvement.permissions import (
    can_manage_activities,
    can_register,
    can_view_activity,
    can_withdraw_registration,
)
from coproduce.involvement.queries import (
    activities_to_manage,
    open_opportunities,
    registration_of,
    roster,
    roster_entry,
    waiting_position,
)
from coproduce.involvement.services import (
    ActivityRefused,
    ArrangementRefused,
    InterestRefused,
    NotReady,
    RegistrationRefused,
    create_activity,
    mark_ready,
    record_attendance,
    record_roster_view,
    register,
    register_interest,
    set_arrangements,
    set_registration_open,
    update_activity,
    withdraw,
)
from coproduce.people.models import Person
from coproduce.people.permissions import can_view_access_needs
from coproduce.projects.models import Project

PAGE_SIZE = 20


def _own_person(user: User | AnonymousUser) -> Person | None:
    if not user.is_authenticated:
        return None
    return Person.objects.filter(user=user).first()


def _activity_for(user: User | AnonymousUser, pk: int) -> Activity:
    """An activity the person may see. Others get "not found", so private activities stay unknown."""
    activity = get_object_or_404(Activity.objects.select_related("project"), pk=pk)
    if not can_view_activity(user, activity):
        raise Http404
    return activity


def _managed_activity(user: User, pk: int) -> Activity:
    require(can_manage_activities(user))
    return get_object_or_404(Activity.objects.select_related("project"), pk=pk)


# --- Get involved: public pages ---------------------------------------------------------


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
    activity = _activity_for(request.user, pk)
    registration = registration_of(activity, _own_person(request.user))
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
    activity = _activity_for(request.user, pk)
    url = request.build_absolute_uri(reverse("involvement:detail", kwargs={"pk": activity.pk}))
    response = HttpResponse(
        calendar_file(activity, url=url, now=timezone.now()), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="activity-{activity.pk}.ics"'
    return response


@login_not_required
def easy_read_image(request: HttpRequest, pk: int) -> FileResponse:
    activity = _activity_for(request.user, pk)
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


@login_not_required
def interest(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _activity_for(request.user, pk)
    if request.user.is_authenticated:
        return render(request, "involvement/interest.html", {"activity": activity, "form": None})
    form = InterestForm(submitted(request))
    if form.is_valid():
        if form.is_from_a_robot:
            # Look the same as success, so that robots learn nothing; write nothing.
            messages.success(request, "Thank you. We will contact you to confirm your place.")
            return redirect("involvement:detail", pk=activity.pk)
        try:
            register_interest(
                activity,
                full_name=form.cleaned_data["full_name"],
                email=form.cleaned_data["email"],
                phone=form.cleaned_data["phone"].strip(),
                ip_address=client_ip(request),
            )
        except InterestRefused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, "Thank you. We will contact you to confirm your place.")
            return redirect("involvement:detail", pk=activity.pk)
    return render(request, "involvement/interest.html", {"activity": activity, "form": form})


# --- Registering and withdrawing ----------------------------------------------------------


def activity_register(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    activity = _activity_for(request.user, pk)
    person = _own_person(request.user)
    if person is None or not can_register(request.user):
        raise PermissionDenied
    form = ConfirmForm(submitted(request))
    if form.is_valid():
        try:
            registration = register(activity, person=person, by=request.user)
        except RegistrationRefused as refusal:
            show_refusal(form, refusal)
        else:
            if registration.status == RegistrationStatus.REGISTERED:
                messages.success(request, f"You are registered for {activity.title}. We have sent you an email.")
            else:
                messages.success(
                    request,
                    f"{activity.title} is full. You are on the waiting list. We will tell you if a place is free.",
                )
            return redirect("involvement:detail", pk=activity.pk)
    return render(request, "involvement/register.html", {"activity": activity, "form": form})


def registration_withdraw(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    registration = get_object_or_404(Registration.objects.select_related("activity", "person"), pk=pk)
    require(can_withdraw_registration(request.user, registration))
    is_self = registration.person.user_id == request.user.pk
    form = ConfirmForm(submitted(request))
    if form.is_valid():
        try:
            withdraw(registration, by=request.user)
        except RegistrationRefused as refusal:
            show_refusal(form, refusal)
        else:
            if is_self:
                messages.success(request, f"You have withdrawn from {registration.activity.title}.")
                return redirect("involvement:yours")
            messages.success(request, f"{registration.person.full_name} has been withdrawn.")
            return redirect("involvement:roster", pk=registration.activity_id)
    return render(
        request, "involvement/withdraw.html", {"registration": registration, "form": form, "is_self": is_self}
    )


def your_activities(request: AuthenticatedHttpRequest) -> HttpResponse:
    registrations = (
        Registration.objects.of_user(request.user)
        .filter(status__in=[RegistrationStatus.REGISTERED, RegistrationStatus.WAITING])
        .select_related("activity")
        .order_by("activity__starts_at", "id")
    )
    now = timezone.now()
    return render(
        request,
        "involvement/your_activities.html",
        {
            "upcoming": [r for r in registrations if r.activity.ends_at > now],
            "past": [r for r in registrations if r.activity.ends_at <= now],
        },
    )


# --- Running activities: coordinators -----------------------------------------------------


def manage(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_manage_activities(request.user))
    page = Paginator(activities_to_manage(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "involvement/manage.html", {"page": page})


def _files(request: AuthenticatedHttpRequest) -> MultiValueDict[str, UploadedFile] | None:
    return request.FILES if request.method == "POST" else None


# The texts of an activity that others read: checked for plain language on "Check readability".
READABLE_FIELDS = {"description": "Description", "easy_read_summary": "Easy Read summary"}


def _readability_check(request: AuthenticatedHttpRequest, form: ActivityForm) -> list[Panel] | None:
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
    activity = _managed_activity(request.user, pk)
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
    activity = _managed_activity(request.user, pk)
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
    activity = _managed_activity(request.user, pk)
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


def activity_roster(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    activity = _managed_activity(request.user, pk)
    # Coordinators may see the access needs of the people on their rosters (ADR 0003); the view
    # records that they looked, without the needs themselves.
    record_roster_view(activity, by=request.user)
    return render(request, "involvement/roster.html", {"activity": activity, "roster": roster(activity)})


def registration_arrangements(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(can_manage_activities(request.user))
    registration = get_object_or_404(Registration.objects.select_related("activity", "person"), pk=pk)
    if registration.status == RegistrationStatus.WITHDRAWN or not can_view_access_needs(
        request.user, registration.person
    ):
        raise Http404
    entry = roster_entry(registration)
    form = ArrangementsForm(submitted(request), needs=entry.needs)
    if form.is_valid():
        try:
            changed = set_arrangements(registration, decisions=form.decisions(), by=request.user)
        except ArrangementRefused as refusal:
            show_refusal(form, refusal)
        else:
            person = registration.person
            told = any(arrangement.status == ArrangementStatus.CANNOT_BE_MET for arrangement in changed)
            message = f"Support for {person.full_name} is saved."
            if told:
                message += (
                    " We will email them to say what cannot be met, and why."
                    if person.email
                    else f" {person.full_name} has no email address, so tell them yourself what cannot be met."
                )
            messages.success(request, message)
            return redirect("involvement:roster", pk=registration.activity_id)
    return render(
        request,
        "involvement/arrangements.html",
        {"registration": registration, "activity": registration.activity, "entry": entry, "form": form},
    )


def roster_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    activity = _managed_activity(request.user, pk)
    # The roster's "Add" link for someone who said they were interested chooses them: ?person=12
    person_id = request.GET.get("person", "")
    form = AddPersonForm(submitted(request), initial={"person": int(person_id)} if person_id.isdigit() else {})
    if form.is_valid():
        person = form.cleaned_data["person"]
        try:
            registration = register(activity, person=person, by=request.user)
        except RegistrationRefused as refusal:
            show_refusal(form, refusal)
        else:
            where = "registered" if registration.status == RegistrationStatus.REGISTERED else "on the waiting list"
            messages.success(request, f"{person.full_name} is {where}.")
            return redirect("involvement:roster", pk=activity.pk)
    return render(request, "involvement/roster_add.html", {"activity": activity, "form": form})


def activity_mark_ready(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    activity = _managed_activity(request.user, pk)
    form = ConfirmForm(submitted(request))
    if form.is_valid():
        try:
            mark_ready(activity, by=request.user)
        except NotReady as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, f"{activity.title} is ready.")
            return redirect("involvement:manage_activity", pk=activity.pk)
    people = roster(activity)
    return render(
        request,
        "involvement/mark_ready.html",
        {
            "activity": activity,
            "form": form,
            "open_needs": people.unacknowledged,
            "papers_warning": people.papers_warning,
        },
    )


def activity_attendance(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    activity = _managed_activity(request.user, pk)
    form = AttendanceForm(submitted(request), activity=activity)
    if form.is_valid():
        people = form.chosen_people()
        record_attendance(
            activity,
            people=people,
            role=AttendanceRole(form.cleaned_data["role"]),
            minutes=form.cleaned_data["minutes"],
            from_paper=form.cleaned_data["from_paper"],
            by=request.user,
        )
        count = len(people)
        messages.success(request, f"Attendance saved for {count} {'person' if count == 1 else 'people'}.")
        return redirect("involvement:attendance", pk=activity.pk)
    attendances = activity.attendances.select_related("person", "recorded_by__person").order_by(
        "person__full_name", "id"
    )
    return render(
        request, "involvement/attendance.html", {"activity": activity, "form": form, "attendances": attendances}
    )
