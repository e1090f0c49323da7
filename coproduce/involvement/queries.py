"""Reads across models: the "Get involved" list, an activity's roster with access needs, and warnings."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.utils import timezone

from coproduce.involvement import conf
from coproduce.involvement.choices import (
    ACKNOWLEDGED_STATUSES,
    ALTERNATIVE_FORMATS,
    ARRANGED_NEED_LABELS,
    OTHER_NEEDS,
    ArrangementStatus,
    RegistrationStatus,
)
from coproduce.involvement.models import Activity, ActivityQuerySet, Registration
from coproduce.people.models import NEED_CATEGORY, AccessNeed, AccessProfile, Need, NeedCategory, Person


def open_opportunities(
    *, stage: str = "", activity_format: str = "", within_days: int | None = None, now: datetime | None = None
) -> ActivityQuerySet:
    """Open activities that have not started, soonest first, with their number of places taken."""
    now = now or timezone.now()
    activities = Activity.objects.open_for_registration(now).with_counts().select_related("project")
    if stage:
        activities = activities.filter(stage=stage)
    if activity_format:
        activities = activities.filter(format=activity_format)
    if within_days is not None:
        activities = activities.filter(starts_at__lte=now + timedelta(days=within_days))
    return activities.order_by("starts_at", "id")


def activities_to_manage() -> ActivityQuerySet:
    """Every activity, for coordinators, with its project and counts; the latest first."""
    return Activity.objects.with_counts().select_related("project").order_by("-starts_at", "-id")


def registration_of(activity: Activity, person: Person | None) -> Registration | None:
    if person is None:
        return None
    return Registration.objects.filter(activity=activity, person=person).first()


def waiting_position(registration: Registration) -> int:
    """Where the person is on the waiting list: 1 is next to be offered a place."""
    ahead = (
        Registration.objects.waiting_in_order()
        .filter(activity_id=registration.activity_id, joined_at__lte=registration.joined_at)
        .exclude(joined_at=registration.joined_at, id__gte=registration.pk)
        .count()
    )
    return ahead + 1


def needs_of(person: Person) -> set[str]:
    """The access needs a person has told us about, as Need values."""
    return set(AccessNeed.objects.filter(profile__person=person).values_list("need", flat=True))


def uses_easy_read(person: Person) -> bool:
    return Need.EASY_READ in needs_of(person)


@dataclass(frozen=True)
class NeedLine:
    """One of a person's needs on the roster, with how it is being met for this activity."""

    need: str
    label: str
    category: str
    detail: str
    status: str
    reason: str

    @property
    def status_label(self) -> str:
        return ArrangementStatus(self.status).label if self.status else "Not looked at yet"

    @property
    def is_acknowledged(self) -> bool:
        return self.status in ACKNOWLEDGED_STATUSES


def _detail(need: str, profile: AccessProfile) -> str:
    """The extra words a person gave about a need, such as the print size or the language."""
    if need == Need.LARGE_PRINT and profile.large_print_size:
        return f"{profile.large_print_size} point"
    if need == Need.OTHER_LANGUAGE:
        return profile.language
    if need == Need.DIETARY:
        return profile.dietary_details
    if need == Need.PAPERS_IN_ADVANCE and profile.papers_days_before:
        return f"{profile.papers_days_before} days before"
    if need == Need.TIME_OF_DAY:
        return profile.time_of_day
    if need == OTHER_NEEDS:
        return profile.other_needs
    return ""


@dataclass(frozen=True)
class RosterEntry:
    registration: Registration
    person: Person
    has_told_us: bool
    needs: list[NeedLine] = field(default_factory=list)

    @property
    def formats(self) -> list[str]:
        return [line.label for line in self.needs if line.category == NeedCategory.FORMAT]

    @property
    def unacknowledged(self) -> list[NeedLine]:
        return [line for line in self.needs if not line.is_acknowledged]

    @property
    def needs_alternative_format(self) -> bool:
        return any(line.need in ALTERNATIVE_FORMATS for line in self.needs)


def _profile_of(person: Person) -> AccessProfile | None:
    try:
        return person.access_profile
    except AccessProfile.DoesNotExist:
        return None


def _entry(registration: Registration) -> RosterEntry:
    person = registration.person
    profile = _profile_of(person)
    if profile is None:
        return RosterEntry(registration=registration, person=person, has_told_us=False)
    arrangements = {arrangement.need: arrangement for arrangement in registration.arrangements.all()}
    needs = [access_need.need for access_need in profile.needs.all()]
    if profile.other_needs.strip():
        needs.append(OTHER_NEEDS)
    lines = []
    for need in needs:
        arrangement = arrangements.get(need)
        category = NEED_CATEGORY.get(need)
        lines.append(
            NeedLine(
                need=need,
                label=ARRANGED_NEED_LABELS.get(need, need),
                category=category.value if category is not None else "",
                detail=_detail(need, profile),
                status=arrangement.status if arrangement is not None else "",
                reason=arrangement.reason if arrangement is not None else "",
            )
        )
    return RosterEntry(registration=registration, person=person, has_told_us=bool(lines), needs=lines)


@dataclass(frozen=True)
class Roster:
    activity: Activity
    registered: list[RosterEntry]
    waiting: list[RosterEntry]
    interested: list[RosterEntry]

    @property
    def unacknowledged(self) -> list[tuple[RosterEntry, NeedLine]]:
        """Needs of registered people that are neither met nor explained: these stop "ready"."""
        return [(entry, line) for entry in self.registered for line in entry.unacknowledged]

    @property
    def papers_warning(self) -> str | None:
        return papers_warning(self.activity, self.registered)


def roster(activity: Activity) -> Roster:
    """Everyone registered, waiting or interested, with their access needs and how each is being met.

    Three queries however many people registered.
    """
    registrations = (
        activity.registrations.exclude(status=RegistrationStatus.WITHDRAWN)
        .select_related("person", "person__access_profile")
        .prefetch_related("person__access_profile__needs", "arrangements")
        .order_by("joined_at", "id")
    )
    entries: dict[str, list[RosterEntry]] = {status: [] for status in RegistrationStatus.values}
    for registration in registrations:
        entries[registration.status].append(_entry(registration))
    return Roster(
        activity=activity,
        registered=entries[RegistrationStatus.REGISTERED],
        waiting=entries[RegistrationStatus.WAITING],
        interested=entries[RegistrationStatus.INTERESTED],
    )


def roster_entry(registration: Registration) -> RosterEntry:
    """One person's line of the roster."""
    registration = (
        Registration.objects.select_related("person", "person__access_profile", "activity")
        .prefetch_related("person__access_profile__needs", "arrangements")
        .get(pk=registration.pk)
    )
    return _entry(registration)


def activity_date(activity: Activity) -> date:
    return timezone.localdate(activity.starts_at)


def papers_warning(activity: Activity, registered: list[RosterEntry]) -> str | None:
    """A warning when papers go out too late for the people who need them in another format."""
    if activity.papers_issued_on is None:
        return None
    days = (activity_date(activity) - activity.papers_issued_on).days
    notice = conf.papers_notice_days()
    if days >= notice:
        return None
    count = sum(1 for entry in registered if entry.needs_alternative_format)
    if count == 0:
        return None
    people = "1 person needs" if count == 1 else f"{count} people need"
    when = "on the day of the activity" if days == 0 else f"{days} day{'s' if days != 1 else ''} before the activity"
    return (
        f"Papers go out {when}. {people} papers in another "
        f"format, such as Easy Read or large print. These take time to make. Send papers at least {notice} days "
        "before."
    )
