"""Learning pages: the charter and signing it, champions, training, records, inductions, recommendations."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from coproduce.accounts.models import User
from coproduce.communications.readability import ReadabilityCheck
from coproduce.forms import submitted
from coproduce.involvement.models import Activity
from coproduce.learning import conf
from coproduce.learning.forms import (
    CompletionForm,
    ConfidenceForm,
    InductionForm,
    OrganisationSignatureForm,
    PublishCharterForm,
    RecommendationForm,
    ResponseForm,
    SessionForm,
    SignCharterForm,
)
from coproduce.learning.models import (
    CONFIDENCE_QUESTION,
    Course,
    CourseSession,
    Recommendation,
    Signature,
    TrainingRecord,
)
from coproduce.learning.permissions import (
    can_answer_confidence,
    can_manage_learning,
    can_publish_charter,
    can_sign_charter,
    can_sign_for_organisation,
    can_view_training_record,
)
from coproduce.learning.queries import (
    attendees_without_record,
    champions,
    count_overdue_recommendations,
    coverage_by_group,
    current_version,
    inductions_due_for_review,
    members_without_induction,
    organisation_signature,
    overdue_recommendations,
    recommendations,
    records_of,
    sessions_of,
    signatures_of,
    signed_organisations_count,
)
from coproduce.learning.services import (
    Commitment,
    LearningRefused,
    answer_confidence,
    is_due_for_renewal,
    plan_session,
    publish_charter,
    record_completion,
    record_induction,
    record_recommendation,
    record_response,
    renewal_due_on,
    sign_charter,
    sign_for_organisation,
    withdraw_signature,
)
from coproduce.pdf import pdf_response, render_pdf
from coproduce.people.models import Person

PAGE_LIMIT = 200


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def charter(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not can_sign_charter(user):
        raise PermissionDenied
    person = get_object_or_404(Person, user=user)
    version = current_version()
    signatures = list(signatures_of(person))
    own = next(
        (s for s in signatures if s.version_id == getattr(version, "pk", None) and not s.is_for_organisation), None
    )
    may_sign = version is not None and (own is None or own.withdrawn_at is not None or is_due_for_renewal(own))
    form = SignCharterForm(submitted(request))
    if may_sign and form.is_valid():
        try:
            sign_charter(by=user)
        except LearningRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, "Thank you. You signed the co-production charter.")
            return redirect("learning:charter")
    return render(
        request,
        "learning/charter.html",
        {
            "version": version,
            "form": form,
            "may_sign": may_sign,
            "own": own,
            "renewal_due": renewal_due_on(own) if own else None,
            "signatures": signatures,
            "may_sign_for_organisation": can_sign_for_organisation(user) and person.organisation_id is not None,
        },
    )


def sign_organisation(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not can_sign_for_organisation(user):
        raise PermissionDenied
    person = get_object_or_404(Person, user=user)
    form = OrganisationSignatureForm(submitted(request), initial={"organisation": person.organisation_id})
    if form.is_valid():
        organisation = form.cleaned_data["organisation"]
        commitments = []
        if form.cleaned_data["commitment"].strip():
            commitments.append(Commitment(form.cleaned_data["commitment"], form.cleaned_data["response_days"]))
        try:
            sign_for_organisation(organisation, commitments=commitments, by=user)
        except LearningRefused as refusal:
            form.add_error("organisation", refusal.message)
        else:
            messages.success(request, f"Thank you. You signed the co-production charter for {organisation.name}.")
            return redirect("learning:charter")
    version = current_version()
    signed = organisation_signature(person.organisation, version) if person.organisation and version else None
    return render(
        request, "learning/sign_organisation.html", {"form": form, "version": version, "already_signed": signed}
    )


@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    signature = get_object_or_404(Signature, pk=pk)
    try:
        withdraw_signature(signature, by=user)
    except LearningRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, "Your signature is withdrawn. You are no longer listed as a champion.")
    return redirect("learning:charter")


@login_not_required
def champions_page(request: HttpRequest) -> HttpResponse:
    return render(request, "learning/champions.html", {"champions": champions(), "version": current_version()})


def publish(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not can_publish_charter(user):
        raise PermissionDenied
    version = current_version()
    initial = {"text": version.text, "easy_read_text": version.easy_read_text} if version else {}
    form = PublishCharterForm(submitted(request), initial=initial)
    check = ReadabilityCheck(request, form, {"text": "Charter", "easy_read_text": "Easy Read version"})
    if not check.pressed and form.is_valid():
        try:
            published = publish_charter(
                text=form.cleaned_data["text"], easy_read_text=form.cleaned_data["easy_read_text"], by=user
            )
        except LearningRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(
                request, f"Version {published.number} is published. Everyone who signed will be asked to sign it."
            )
            return redirect("learning:charter")
    return render(request, "learning/publish.html", {"form": form, "version": version, **check.context()})


def coverage(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not can_manage_learning(user):
        raise PermissionDenied
    today = timezone.localdate()
    return render(
        request,
        "learning/coverage.html",
        {
            "rows": coverage_by_group(),
            "organisations_signed": signed_organisations_count(),
            "overdue": count_overdue_recommendations(today),
            "version": current_version(),
        },
    )


def course_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not can_sign_charter(user):
        raise PermissionDenied
    return render(
        request,
        "learning/courses.html",
        {"courses": Course.objects.prefetch_related("materials"), "can_manage": can_manage_learning(user)},
    )


def course_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    if not can_sign_charter(user):
        raise PermissionDenied
    course = get_object_or_404(Course.objects.prefetch_related("materials"), pk=pk)
    now = timezone.now()
    sessions = sessions_of(course)
    return render(
        request,
        "learning/course_detail.html",
        {
            "course": course,
            "upcoming": [s for s in sessions if s.activity.starts_at > now],
            "past": [s for s in sessions if s.activity.starts_at <= now] if can_manage_learning(user) else [],
            "can_manage": can_manage_learning(user),
        },
    )


def session_create(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    if not can_manage_learning(user):
        raise PermissionDenied
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
            session = plan_session(course, activity=activity, by=user)
        except LearningRefused as refusal:
            form.add_error("starts_at", refusal.message)
        else:
            messages.success(request, "The session is planned and open for registration on Get involved.")
            return redirect("learning:course", pk=session.course_id)
    return render(request, "learning/session_form.html", {"form": form, "course": course})


def completion(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    if not can_manage_learning(user):
        raise PermissionDenied
    session = get_object_or_404(CourseSession.objects.select_related("course", "activity"), pk=pk)
    attendees = attendees_without_record(session)
    form = CompletionForm(submitted(request), attendees=attendees, initial={"completed_on": None})
    if form.is_valid():
        try:
            records = record_completion(
                session,
                people=list(form.cleaned_data["people"]),
                completed_on=form.cleaned_data["completed_on"],
                by=user,
            )
        except LearningRefused as refusal:
            form.add_error("people", refusal.message)
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


def records(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not can_sign_charter(user):
        raise PermissionDenied
    person = get_object_or_404(Person, user=user)
    return render(request, "learning/records.html", {"records": records_of(person), "question": CONFIDENCE_QUESTION})


def _record_for(user: User, pk: int) -> TrainingRecord:
    record = get_object_or_404(TrainingRecord.objects.select_related("person", "course", "session__activity"), pk=pk)
    if not can_view_training_record(user, record):
        raise PermissionDenied
    return record


def confidence(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    record = _record_for(user, pk)
    if not can_answer_confidence(user, record):
        raise PermissionDenied
    form = ConfidenceForm(
        submitted(request), initial={"before": record.confidence_before, "after": record.confidence_after}
    )
    if form.is_valid():
        answer_confidence(record, before=form.cleaned_data["before"], after=form.cleaned_data["after"], by=user)
        messages.success(request, "Thank you for your answers.")
        return redirect("learning:records")
    return render(request, "learning/confidence.html", {"form": form, "record": record})


def certificate(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    record = _record_for(user, pk)
    pdf = render_pdf(
        "learning/pdf/certificate.html",
        {"record": record, "name": record.person.full_name, "organisation": settings.COPRODUCE_ORGANISATION_NAME},
    )
    return pdf_response(pdf, f"certificate-{record.pk}.pdf")


def inductions(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not can_manage_learning(user):
        raise PermissionDenied
    form = InductionForm(submitted(request))
    if form.is_valid():
        try:
            record_induction(
                form.cleaned_data["person"],
                inducted_on=form.cleaned_data["inducted_on"],
                notes=form.cleaned_data["notes"],
                by=user,
            )
        except LearningRefused as refusal:
            form.add_error("person", refusal.message)
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


def recommendation_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not can_manage_learning(user):
        raise PermissionDenied
    form = RecommendationForm(submitted(request))
    if form.is_valid():
        record_recommendation(
            project=form.cleaned_data["project"],
            organisation=form.cleaned_data["organisation"],
            text=form.cleaned_data["text"],
            sent_on=form.cleaned_data["sent_on"],
            by=user,
        )
        messages.success(request, "The recommendation is recorded.")
        return redirect("learning:recommendations")
    today = timezone.localdate()
    return render(
        request,
        "learning/recommendations.html",
        {
            "form": form,
            "overdue": overdue_recommendations(today)[:PAGE_LIMIT],
            "waiting": recommendations().filter(responded_on__isnull=True, response_due__gte=today)[:PAGE_LIMIT],
            "answered": recommendations().filter(responded_on__isnull=False).order_by("-responded_on")[:PAGE_LIMIT],
            "today": today,
        },
    )


def recommendation_response(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    if not can_manage_learning(user):
        raise PermissionDenied
    recommendation = get_object_or_404(Recommendation.objects.select_related("project", "organisation"), pk=pk)
    form = ResponseForm(submitted(request))
    if form.is_valid():
        try:
            record_response(
                recommendation,
                responded_on=form.cleaned_data["responded_on"],
                response=form.cleaned_data["response"],
                by=user,
            )
        except LearningRefused as refusal:
            form.add_error("responded_on", refusal.message)
        else:
            messages.success(request, "The answer is recorded.")
            return redirect("learning:recommendations")
    return render(request, "learning/recommendation_response.html", {"form": form, "recommendation": recommendation})
