"""Writes for the decision register: drafting and changing decisions (with history once published), publishing.

Every function checks permission again (views check first), runs in one transaction and records
an audit event. Refusals a person can fix raise ``Refused`` with a message for each field.
"""

from collections.abc import Iterable
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.contributions.models import Contribution
from coproduce.decisions import permissions
from coproduce.decisions.choices import DecisionStatus
from coproduce.decisions.conf import review_notice_days
from coproduce.decisions.models import Decision, DecisionRevision
from coproduce.decisions.queries import lived_experience_responses
from coproduce.decisions.tasks import remind_leads_of_review
from coproduce.http import require
from coproduce.refusals import Refused

# The fields of a decision whose changes after publication are kept as history.
TRACKED_FIELDS = (
    "question",
    "options_considered",
    "method",
    "lived_experience_count",
    "rationale",
    "cannot_change",
    "review_on",
)


def _plan_review_reminder(decision: Decision) -> None:
    """Ask the worker to email the leads when the review comes near (the notice period before it)."""
    if decision.review_on is None:
        return
    notice = datetime.combine(decision.review_on - timedelta(days=review_notice_days()), time(9, 0))
    remind_at = max(timezone.make_aware(notice), timezone.now())
    decision_id, review_on = decision.pk, decision.review_on.isoformat()
    transaction.on_commit(
        lambda: remind_leads_of_review.using(run_after=remind_at).enqueue(decision_id=decision_id, review_on=review_on)
    )


def _plain(value: object) -> str | int | None:
    if value is None or isinstance(value, int):
        return value
    return str(value)


def _check_contributions(decision: Decision, contributions: Iterable[Contribution]) -> list[Contribution]:
    chosen = list(contributions)
    if any(contribution.project_id != decision.project_id for contribution in chosen):
        raise Refused("Choose contributions made to this project", field="contributions")
    return chosen


@transaction.atomic
def save_decision(decision: Decision, *, contributions: Iterable[Contribution], by: User) -> Decision:
    """Create or change a decision in the register.

    A new decision takes the project's stage at the time. A decision from a proposal counts the
    people with lived experience who responded. Changes to a published decision are kept as a
    ``DecisionRevision`` (old and new values of each changed field). Effects: audit event.
    """
    require(permissions.can_manage_decisions(by, decision.project))
    chosen = _check_contributions(decision, contributions)
    if decision.proposal_id is not None:
        if decision.proposal is None or decision.proposal.group.project_id != decision.project_id:
            raise Refused("Choose a proposal from this project", field="proposal")
        decision.lived_experience_count = lived_experience_responses(decision.proposal)
    if (
        decision.meeting_id is not None
        and decision.meeting is not None
        and decision.meeting.project_id != decision.project_id
    ):
        raise Refused("Choose a meeting of this project", field="meeting")
    creating = decision.pk is None
    if creating:
        decision.stage = decision.project.stage
        decision.created_by = by
        decision.save()
        decision.contributions.set(chosen)
        record_event(
            actor=by, action="decisions.decision_drafted", target=decision, payload={"project": decision.project_id}
        )
        return decision
    before = Decision.objects.select_for_update(of=("self",)).get(pk=decision.pk)
    if before.is_published and (not decision.options_considered.strip() or not decision.rationale.strip()):
        raise Refused("A published decision must keep its options and its reasons")
    changes: dict[str, dict[str, str | int | None]] = {
        name: {"old": _plain(getattr(before, name)), "new": _plain(getattr(decision, name))}
        for name in TRACKED_FIELDS
        if getattr(before, name) != getattr(decision, name)
    }
    old_links = sorted(before.contributions.values_list("pk", flat=True))
    new_links = sorted(contribution.pk for contribution in chosen)
    if old_links != new_links:
        changes["contributions"] = {"old": ", ".join(map(str, old_links)), "new": ", ".join(map(str, new_links))}
    decision.save()
    decision.contributions.set(chosen)
    if before.is_published and changes:
        DecisionRevision.objects.create(decision=decision, changed_by=by, changes=changes)
    if before.is_published and "review_on" in changes:
        _plan_review_reminder(decision)
    record_event(
        actor=by,
        action="decisions.decision_changed",
        target=decision,
        payload={"fields": ", ".join(sorted(changes)), "published": before.is_published},
    )
    return decision


@transaction.atomic
def publish_decision(decision: Decision, *, by: User) -> Decision:
    """Publish a draft decision to the register. Refused without the options considered and the
    rationale. Only coordinators and the project's leads publish. Effects: audit event."""
    require(permissions.can_publish_decision(by, decision))
    locked = Decision.objects.select_for_update(of=("self",)).get(pk=decision.pk)
    if locked.is_published:
        raise Refused("This decision is already published")
    errors = {}
    if not locked.options_considered.strip():
        errors["__all__"] = "Add the options that were considered before you publish"
    if not locked.rationale.strip():
        errors["rationale"] = "Add the reasons for the decision before you publish"
    if errors:
        raise Refused(errors)
    if locked.proposal_id is not None and locked.proposal is not None:
        locked.lived_experience_count = lived_experience_responses(locked.proposal)
    locked.status = DecisionStatus.PUBLISHED
    locked.published_at = timezone.now()
    locked.published_by = by
    locked.save(update_fields=["status", "published_at", "published_by", "lived_experience_count"])
    record_event(actor=by, action="decisions.decision_published", target=locked, payload={"method": locked.method})
    _plan_review_reminder(locked)
    return locked
