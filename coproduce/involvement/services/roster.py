"""The roster: how each access need is met, and the "ready" gate."""

from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.http import require
from coproduce.involvement.choices import ArrangementStatus
from coproduce.involvement.models import Activity, NeedArrangement, Registration
from coproduce.involvement.permissions import can_manage_activities
from coproduce.involvement.queries import roster, roster_entry
from coproduce.involvement.tasks import tell_person_need_cannot_be_met
from coproduce.refusals import Refused


class NotReady(Refused):
    """The activity has access needs that are neither met nor explained to the person."""


class ArrangementRefused(Refused):
    """What was chosen for a need cannot be saved: the message sits beside that need's reason."""


def unready_if_needs_open(activity: Activity, *, by: User | None) -> None:
    """An activity is only ready while every registered person's needs are met or explained."""
    if activity.is_ready and roster(activity).unacknowledged:
        activity.is_ready = False
        activity.ready_at = None
        activity.save(update_fields=["is_ready", "ready_at"])
        record_event(actor=by, action="involvement.activity_no_longer_ready", target=activity)


@transaction.atomic
def record_roster_view(activity: Activity, *, by: User) -> None:
    """Record that ``by`` looked at the roster, which shows people's access needs.

    Effects: records an audit event (without any needs in it). Raises PermissionDenied if ``by``
    may not see rosters.
    """
    require(can_manage_activities(by))
    record_event(actor=by, action="involvement.roster_viewed", target=activity)


def _tell_need_cannot_be_met(arrangement: NeedArrangement) -> None:
    arrangement_id = arrangement.pk
    transaction.on_commit(lambda: tell_person_need_cannot_be_met.enqueue(arrangement_id=arrangement_id))


@transaction.atomic
def set_arrangements(
    registration: Registration, *, decisions: Mapping[str, tuple[str, str]], by: User
) -> list[NeedArrangement]:
    """Record how each of a registered person's needs is being met: met, being arranged, or cannot be met.

    ``decisions`` maps a need to its status and, for "cannot be met", the reason; a blank status
    leaves the need as it was. Effects: creates or updates each NeedArrangement; queues an email
    telling the person why a need cannot be met; marks the activity not ready if a need is no
    longer met; records an audit event (with how many needs changed, never which).
    Raises PermissionDenied if ``by`` may not see rosters, ArrangementRefused when a need that
    cannot be met has no reason, and ValueError for a need the person has not told us about.
    """
    require(can_manage_activities(by))
    activity = Activity.objects.select_for_update().get(pk=registration.activity_id)
    known = {line.need for line in roster_entry(registration).needs}
    unknown = set(decisions) - known
    if unknown:
        raise ValueError(f"The person has not told us about these needs: {sorted(unknown)}.")
    errors = {
        f"reason_{need}": "Say why this cannot be met. We will tell the person."
        for need, (status, reason) in decisions.items()
        if status == ArrangementStatus.CANNOT_BE_MET and not reason.strip()
    }
    if errors:
        raise ArrangementRefused(errors)
    existing = {arrangement.need: arrangement for arrangement in registration.arrangements.all()}
    changed: list[NeedArrangement] = []
    for need, (status, reason) in decisions.items():
        if not status:
            continue
        reason = reason.strip() if status == ArrangementStatus.CANNOT_BE_MET else ""
        arrangement = existing.get(need)
        if arrangement is not None and arrangement.status == status and arrangement.reason == reason:
            continue
        if arrangement is None:
            arrangement = NeedArrangement(registration=registration, need=need)
        arrangement.status = status
        arrangement.reason = reason
        arrangement.updated_by = by
        arrangement.updated_at = timezone.now()
        arrangement.save()
        changed.append(arrangement)
        if status == ArrangementStatus.CANNOT_BE_MET:
            _tell_need_cannot_be_met(arrangement)
    if changed:
        record_event(
            actor=by,
            action="involvement.arrangements_updated",
            target=registration,
            payload={"activity": activity.pk, "changed": len(changed)},
        )
        unready_if_needs_open(activity, by=by)
    return changed


@transaction.atomic
def mark_ready(activity: Activity, *, by: User) -> Activity:
    """Mark an activity ready: every registered person's access needs are met, or explained to them.

    Effects: sets ``is_ready`` and ``ready_at``, records an audit event. Raises PermissionDenied
    if ``by`` may not plan activities, and NotReady while any need is not met and not explained
    (no status yet, or "being arranged").
    """
    require(can_manage_activities(by))
    locked = Activity.objects.select_for_update().get(pk=activity.pk)
    open_needs = roster(locked).unacknowledged
    if open_needs:
        count = len(open_needs)
        raise NotReady(
            f"This activity cannot be marked ready yet. {count} access need{'s are' if count != 1 else ' is'} "
            "not met. Mark each need as met, or say why it cannot be met."
        )
    if not locked.is_ready:
        locked.is_ready = True
        locked.ready_at = timezone.now()
        locked.save(update_fields=["is_ready", "ready_at"])
        record_event(actor=by, action="involvement.activity_ready", target=locked)
    return locked
