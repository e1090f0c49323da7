"""Writes for proposals: putting one to a group and moving its closing date.

Every function checks permission again (views check first), runs in one transaction and records
an audit event. Refusals a person can fix raise ``Refused`` with a message for each field.
"""

from collections.abc import Sequence
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.decisions import permissions
from coproduce.decisions.choices import METHODS_WITH_OPTIONS, Method
from coproduce.decisions.models import ProjectGroup, Proposal, ProposalOption
from coproduce.http import require
from coproduce.refusals import Refused

MAX_OPTIONS = 10


@transaction.atomic
def put_proposal(
    group: ProjectGroup,
    *,
    title: str,
    text: str,
    method: Method | str,
    closes_at: datetime,
    by: User,
    easy_read_text: str = "",
    options: Sequence[str] = (),
    quorum: int | None = None,
) -> Proposal:
    """Put a proposal to the group. Effects: creates it with its options, records an audit event."""
    require(permissions.can_propose(by, group))
    labels = [label.strip() for label in options if label.strip()]
    errors = {}
    if closes_at <= timezone.now():
        errors["closes_at"] = "The closing date must be in the future"
    if method in METHODS_WITH_OPTIONS and len(labels) < 2:
        errors["options"] = "Give at least 2 options, one on each line"
    if len(labels) > MAX_OPTIONS:
        errors["options"] = f"Give no more than {MAX_OPTIONS} options"
    if len(set(labels)) != len(labels):
        errors["options"] = "Each option must be different"
    if errors:
        raise Refused(errors)
    proposal = Proposal.objects.create(
        group=group,
        title=title,
        text=text,
        easy_read_text=easy_read_text,
        method=method,
        closes_at=closes_at,
        quorum=quorum,
        created_by=by,
    )
    if method in METHODS_WITH_OPTIONS:
        ProposalOption.objects.bulk_create(
            ProposalOption(proposal=proposal, label=label, position=index) for index, label in enumerate(labels, 1)
        )
    record_event(
        actor=by,
        action="decisions.proposal_put",
        target=proposal,
        payload={"group": group.pk, "method": str(method), "closes_at": closes_at.isoformat()},
    )
    return proposal


@transaction.atomic
def extend_closing(proposal: Proposal, *, closes_at: datetime, by: User) -> Proposal:
    """Move the closing date later (also reopens a closed proposal). Effects: audit event."""
    require(permissions.can_extend_proposal(by, proposal))
    if closes_at <= max(proposal.closes_at, timezone.now()):
        raise Refused("The new closing date must be later than the current one and in the future", field="closes_at")
    old = proposal.closes_at
    proposal.closes_at = closes_at
    proposal.save(update_fields=["closes_at"])
    record_event(
        actor=by,
        action="decisions.proposal_extended",
        target=proposal,
        payload={"old": old.isoformat(), "new": closes_at.isoformat()},
    )
    return proposal
