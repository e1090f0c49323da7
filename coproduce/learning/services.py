"""Signing and renewing the charter, partner commitments and recommendations, training and induction."""

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.communications.messaging import content_from_templates, reached, send_message
from coproduce.involvement.choices import ActivityKind
from coproduce.involvement.models import Activity
from coproduce.learning import conf
from coproduce.learning.defaults import ensure_defaults
from coproduce.learning.models import (
    CharterVersion,
    Course,
    CourseMaterial,
    CourseSession,
    Induction,
    OrganisationCommitment,
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
)
from coproduce.learning.queries import LEARNING_PROGRAMME_TITLE, current_version, response_days_for
from coproduce.people.models import Organisation, Person, PersonKind
from coproduce.projects.models import Lifecycle, Project

ALREADY_SIGNED = "You have already signed this version of the charter. You can sign again when it is due for renewal."
ORGANISATION_ALREADY_SIGNED = "{organisation} has already signed this version of the charter."
NOT_REPRESENTATIVE = (
    "Only an authorised representative of {organisation} can sign for it. You can sign the charter for yourself."
)
NO_CHARTER = "There is no charter to sign yet."


class LearningRefused(Exception):
    """A change the charter or training rules do not allow, explained for the person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it is shorter (31 Jan + 1 = 28 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def renewal_due_on(signature: Signature) -> date:
    return add_months(timezone.localdate(signature.signed_at), conf.charter_renewal_months())


def is_due_for_renewal(signature: Signature, now: datetime | None = None) -> bool:
    return renewal_due_on(signature) <= timezone.localdate(now or timezone.now())


def ensure_learning_defaults() -> None:
    """Put back charter version 1 and the first courses (the data migration made them; flushing removes them)."""
    ensure_defaults(CharterVersion, Course, CourseMaterial)


def _current_version_or_refuse() -> CharterVersion:
    version = current_version()
    if version is None:
        raise LearningRefused(NO_CHARTER)
    return version


@transaction.atomic
def publish_charter(*, text: str, easy_read_text: str, by: User) -> CharterVersion:
    """Publish a new wording of the charter, numbered after the last.

    Effects: creates the CharterVersion, records an audit event, and queues the worker to ask
    everyone who signed an earlier version to sign the new one. Raises PermissionDenied unless ``by``
    is an admin, and LearningRefused if either text is empty.
    """
    if not can_publish_charter(by):
        raise PermissionDenied
    if not text.strip() or not easy_read_text.strip():
        raise LearningRefused("Enter the charter and its Easy Read version.")
    # Lock the versions there are (PostgreSQL refuses FOR UPDATE with an aggregate), then number the new
    # one; the unique version number stops two admins publishing the same number at once.
    list(CharterVersion.objects.select_for_update(of=("self",)).values_list("pk", flat=True))
    number = (CharterVersion.objects.aggregate(last=Max("number"))["last"] or 0) + 1
    version = CharterVersion.objects.create(
        number=number,
        text=text.strip(),
        easy_read_text=easy_read_text.strip(),
        published_at=timezone.now(),
        published_by=by,
    )
    record_event(actor=by, action="charter.published", target=version, payload={"number": number})
    from coproduce.learning.tasks import send_charter_reminders

    transaction.on_commit(lambda: send_charter_reminders.enqueue())
    return version


def _sign_again_or_refuse(existing: Signature, *, by: User, now: datetime, refusal: str) -> Signature:
    """A withdrawn signature is given back; one due for renewal is renewed; otherwise signing twice is refused."""
    if existing.withdrawn_at is None and not is_due_for_renewal(existing, now):
        raise LearningRefused(refusal)
    existing.signed_at = now
    existing.signed_by = by
    existing.withdrawn_at = None
    existing.renewal_reminded_at = None
    existing.save(update_fields=["signed_at", "signed_by", "withdrawn_at", "renewal_reminded_at"])
    return existing


@transaction.atomic
def sign_charter(*, by: User, now: datetime | None = None) -> Signature:
    """Sign the current charter for oneself (members, carers, allies, partners and staff alike).

    Signing a version one signed and withdrew gives the signature back; signing again once it is
    due for renewal renews it. Effects: creates or updates the Signature, records an audit event.
    Raises PermissionDenied if ``by`` has no record of their own, and LearningRefused if they have
    signed this version and it is not due for renewal.
    """
    if not can_sign_charter(by):
        raise PermissionDenied
    now = now or timezone.now()
    person = Person.objects.get(user=by)
    version = _current_version_or_refuse()
    existing = (
        Signature.objects.select_for_update(of=("self",))
        .filter(person=person, version=version, on_behalf_of=None)
        .first()
    )
    if existing is not None:
        signature = _sign_again_or_refuse(existing, by=by, now=now, refusal=ALREADY_SIGNED)
    else:
        signature = Signature.objects.create(person=person, version=version, signed_at=now, signed_by=by)
    record_event(actor=by, action="charter.signed", target=signature, payload={"version": version.number})
    return signature


@dataclass(frozen=True)
class Commitment:
    text: str
    response_days: int | None


@transaction.atomic
def sign_for_organisation(
    organisation: Organisation, *, commitments: Sequence[Commitment], by: User, now: datetime | None = None
) -> Signature:
    """Sign the current charter for a partner organisation, with its own commitments.

    Effects: creates (or renews) the organisation's Signature, made by ``by``'s person record, and an
    OrganisationCommitment for each commitment, records an audit event. Raises PermissionDenied
    unless ``by`` is a partner representative, and LearningRefused if they do not represent this
    organisation or it has signed this version and it is not due for renewal.
    """
    if not can_sign_for_organisation(by):
        raise PermissionDenied
    now = now or timezone.now()
    person = Person.objects.get(user=by)
    if person.kind != PersonKind.PARTNER_REPRESENTATIVE or person.organisation_id != organisation.pk:
        raise LearningRefused(NOT_REPRESENTATIVE.format(organisation=organisation.name))
    version = _current_version_or_refuse()
    existing = (
        Signature.objects.select_for_update(of=("self",)).filter(on_behalf_of=organisation, version=version).first()
    )
    if existing is not None:
        signature = _sign_again_or_refuse(
            existing, by=by, now=now, refusal=ORGANISATION_ALREADY_SIGNED.format(organisation=organisation.name)
        )
        Signature.objects.filter(pk=signature.pk).update(person=person)
    else:
        signature = Signature.objects.create(
            person=person, version=version, signed_at=now, signed_by=by, on_behalf_of=organisation
        )
    for commitment in commitments:
        if commitment.text.strip():
            OrganisationCommitment.objects.create(
                signature=signature,
                organisation=organisation,
                text=commitment.text.strip(),
                response_days=commitment.response_days,
            )
    record_event(
        actor=by,
        action="charter.signed_for_organisation",
        target=signature,
        payload={"version": version.number, "organisation": organisation.pk, "commitments": len(commitments)},
    )
    return signature


@transaction.atomic
def withdraw_signature(signature: Signature, *, by: User, now: datetime | None = None) -> Signature:
    """Withdraw a signature: the person (or organisation) leaves the champions list at once.

    Effects: sets the withdrawal time, records an audit event. Raises PermissionDenied unless ``by``
    made the signature (or, for an organisation, represents it now) or is a coordinator, and
    LearningRefused if it is already withdrawn.
    """
    locked = Signature.objects.select_for_update(of=("self",)).select_related("person").get(pk=signature.pk)
    representative = (
        locked.on_behalf_of_id is not None
        and Person.objects.filter(
            user=by, kind=PersonKind.PARTNER_REPRESENTATIVE, organisation_id=locked.on_behalf_of_id
        ).exists()
    )
    if not (locked.person.user_id == by.pk or representative or can_manage_learning(by)):
        raise PermissionDenied
    if locked.withdrawn_at is not None:
        raise LearningRefused("This signature is already withdrawn.")
    locked.withdrawn_at = now or timezone.now()
    locked.save(update_fields=["withdrawn_at"])
    record_event(actor=by, action="charter.signature_withdrawn", target=locked, payload={"version": locked.version_id})
    return locked


def _remind(signature: Signature, *, template: str, subject: str, version: CharterVersion) -> int:
    """Send one charter reminder through the messaging path (worker code only). Returns 1 if it went."""
    content = content_from_templates(
        f"learning/email/{template}",
        {
            "person": signature.person,
            "signature": signature,
            "version": version,
            "charter_url": f"{settings.SITE_URL}/learning/charter/",
        },
        subject=subject,
    )
    return reached(send_message(signature.person, content, topic="charter-reminder"))


@dataclass(frozen=True)
class RemindersSent:
    renewals: int
    resigns: int


def send_due_charter_reminders(now: datetime | None = None) -> RemindersSent:
    """Remind people whose signature is due for renewal, and ask people who signed an older version to
    sign the new one. Each reminder is claimed first (its time set), so that it is never sent twice.
    """
    now = now or timezone.now()
    version = current_version()
    if version is None:
        return RemindersSent(0, 0)
    # Signed on or before this moment: due for renewal now.
    due_before = timezone.make_aware(
        datetime.combine(add_months(timezone.localdate(now), -conf.charter_renewal_months()), datetime.max.time())
    )
    renewals = 0
    due = Signature.objects.active().filter(
        version=version, renewal_reminded_at__isnull=True, signed_at__lte=due_before
    )
    for signature in due.select_related("person", "on_behalf_of"):
        if not Signature.objects.filter(pk=signature.pk, renewal_reminded_at__isnull=True).update(
            renewal_reminded_at=now
        ):
            continue
        renewals += _remind(
            signature, template="renewal", subject="Please renew your co-production charter signature", version=version
        )
    resigns = 0
    # Older signatures, not withdrawn, of people (or organisations) who have not signed the new version.
    older = (
        Signature.objects.active()
        .filter(version__number__lt=version.number, resign_reminded_at__isnull=True)
        .exclude(on_behalf_of__isnull=True, person__charter_signatures__version=version)
        .exclude(on_behalf_of__isnull=False, on_behalf_of__charter_signatures__version=version)
    )
    for signature in older.select_related("person", "on_behalf_of"):
        if not Signature.objects.filter(pk=signature.pk, resign_reminded_at__isnull=True).update(
            resign_reminded_at=now
        ):
            continue
        resigns += _remind(
            signature, template="resign", subject="We have a new co-production charter: please sign it", version=version
        )
    return RemindersSent(renewals=renewals, resigns=resigns)


# --- Partner recommendations ----------------------------------------------------


@transaction.atomic
def record_recommendation(
    *, project: Project, organisation: Organisation, text: str, sent_on: date, by: User
) -> Recommendation:
    """Record a co-produced recommendation sent to a partner organisation.

    The answer is due after the organisation's committed number of days (8 weeks if it made no such
    commitment). Effects: creates the Recommendation, records an audit event.
    """
    if not can_manage_learning(by):
        raise PermissionDenied
    days = response_days_for(organisation) or conf.default_recommendation_response_days()
    recommendation = Recommendation.objects.create(
        project=project,
        organisation=organisation,
        text=text.strip(),
        sent_on=sent_on,
        response_due=sent_on + timedelta(days=days),
        recorded_by=by,
    )
    record_event(
        actor=by,
        action="recommendation.sent",
        target=recommendation,
        payload={"organisation": organisation.pk, "due": recommendation.response_due.isoformat()},
    )
    return recommendation


@transaction.atomic
def record_response(recommendation: Recommendation, *, responded_on: date, response: str, by: User) -> Recommendation:
    """Record the organisation's answer. Effects: updates the Recommendation, records an audit event.
    Raises LearningRefused if it was answered already or the date is before it was sent."""
    if not can_manage_learning(by):
        raise PermissionDenied
    locked = Recommendation.objects.select_for_update(of=("self",)).get(pk=recommendation.pk)
    if locked.responded_on is not None:
        raise LearningRefused("The answer to this recommendation is already recorded.")
    if responded_on < locked.sent_on:
        raise LearningRefused("The answer cannot come before the recommendation was sent.")
    locked.responded_on = responded_on
    locked.response = response.strip()
    locked.save(update_fields=["responded_on", "response"])
    record_event(
        actor=by,
        action="recommendation.answered",
        target=locked,
        payload={"on_time": responded_on <= locked.response_due},
    )
    return locked


# --- Training -------------------------------------------------------------------


def learning_programme(*, by: User) -> Project:
    """The standing project that training sessions belong to, made the first time it is needed."""
    project, _ = Project.objects.get_or_create(
        title=LEARNING_PROGRAMME_TITLE,
        defaults={
            "summary": "Training for members, allies, partners and staff, so that everyone understands co-production.",
            "stage": Lifecycle.IMPLEMENTATION,
            "created_by": by,
        },
    )
    return project


@transaction.atomic
def plan_session(course: Course, *, activity: Activity, by: User) -> CourseSession:
    """Plan a session of ``course`` as a training activity of the learning programme, open for registration.

    Effects: creates the Activity (kind training) and the CourseSession, records an audit event.
    Raises LearningRefused if the session does not end after it starts or starts in the past.
    """
    if not can_manage_learning(by):
        raise PermissionDenied
    if activity.ends_at <= activity.starts_at:
        raise LearningRefused("The session must end after it starts.")
    if activity.starts_at <= timezone.now():
        raise LearningRefused("The session must start in the future.")
    project = learning_programme(by=by)
    activity.project = project
    activity.stage = project.stage
    activity.kind = ActivityKind.TRAINING
    activity.title = activity.title or course.title
    activity.description = activity.description or course.description
    activity.planned_rung = activity.planned_rung or "educating"
    activity.created_by = by
    activity.is_open = True
    activity.save()
    session = CourseSession.objects.create(course=course, activity=activity)
    record_event(actor=by, action="training.session_planned", target=session, payload={"course": course.pk})
    return session


@transaction.atomic
def record_completion(
    session: CourseSession, *, people: Sequence[Person], completed_on: date, by: User
) -> list[TrainingRecord]:
    """Record that people who attended the session completed the course.

    Effects: creates a TrainingRecord for each person, records an audit event. Raises
    LearningRefused if nobody is given, or someone was not recorded as attending, or already has a
    record for this session.
    """
    if not can_manage_learning(by):
        raise PermissionDenied
    if not people:
        raise LearningRefused("Choose who completed the course.")
    attended = set(session.activity.attendances.values_list("person_id", flat=True))
    missing = [person.name for person in people if person.pk not in attended]
    if missing:
        raise LearningRefused(f"Record attendance first. Not recorded as attending: {', '.join(missing)}.")
    if TrainingRecord.objects.filter(session=session, person__in=people).exists():
        raise LearningRefused("Someone you chose already has a record for this session.")
    records = [
        TrainingRecord.objects.create(
            person=person, course=session.course, session=session, completed_on=completed_on, recorded_by=by
        )
        for person in people
    ]
    record_event(
        actor=by,
        action="training.completed",
        target=session,
        payload={"people": len(records), "course": session.course_id},
    )
    return records


@transaction.atomic
def answer_confidence(record: TrainingRecord, *, before: int, after: int, by: User) -> TrainingRecord:
    """The person says how confident they felt before the course and feel now (1 to 5).

    Effects: updates the TrainingRecord. Raises PermissionDenied unless it is ``by``'s own record,
    LearningRefused if an answer is not on the scale.
    """
    if not can_answer_confidence(by, record):
        raise PermissionDenied
    if not (1 <= before <= 5 and 1 <= after <= 5):
        raise LearningRefused("Choose an answer from 1 to 5.")
    record.confidence_before = before
    record.confidence_after = after
    record.save(update_fields=["confidence_before", "confidence_after"])
    return record


# --- Induction ------------------------------------------------------------------


@transaction.atomic
def record_induction(person: Person, *, inducted_on: date, notes: str, by: User) -> Induction:
    """Record a new member's induction, to be revisited after a few months.

    Effects: creates the Induction with its review date, records an audit event (without the notes).
    Raises LearningRefused if the person already has one.
    """
    if not can_manage_learning(by):
        raise PermissionDenied
    if Induction.objects.filter(person=person).exists():
        raise LearningRefused(f"{person.name} already has an induction record.")
    induction = Induction.objects.create(
        person=person,
        inducted_on=inducted_on,
        conversation_notes=notes.strip(),
        review_due=add_months(inducted_on, conf.induction_review_months()),
        recorded_by=by,
    )
    record_event(actor=by, action="induction.recorded", target=induction, payload={"person": person.pk})
    return induction
