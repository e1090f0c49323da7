"""Writes for groups, proposals, responses, the decision register, concerns and agenda items.

Every function checks permission again (views check first), runs in one transaction and records
an audit event. Refusals a person can fix raise ``Refused`` with a message for each field.
"""

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.contributions.models import Contribution
from coproduce.decisions import permissions
from coproduce.decisions.choices import (
    LIVED_EXPERIENCE_KINDS,
    METHODS_WITH_OPTIONS,
    STANCES_FOR,
    AgendaStatus,
    Channel,
    ConcernStatus,
    DecisionStatus,
    GroupKind,
    GroupRole,
    Method,
    Stance,
)
from coproduce.decisions.conf import min_member_share, review_notice_days
from coproduce.decisions.models import (
    AgendaItem,
    Concern,
    Decision,
    DecisionRevision,
    GroupMember,
    ProjectGroup,
    Proposal,
    ProposalOption,
    Response,
    ResponseChoice,
)
from coproduce.decisions.queries import lived_experience_responses, lived_experience_share, next_meeting
from coproduce.decisions.tasks import remind_leads_of_review, tell_person_concern_answered
from coproduce.involvement.models import Activity
from coproduce.people.models import Person
from coproduce.projects.models import Project

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
MAX_OPTIONS = 10


class Refused(Exception):
    """Something a person can put right. ``errors`` maps field names ("__all__" for the form) to messages."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = dict(errors)


def _check(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


# --- Groups ---------------------------------------------------------------------------------


@transaction.atomic
def create_group(
    project: Project,
    *,
    name: str,
    kind: GroupKind | str,
    by: User,
    min_share: Decimal | None = None,
    members_can_propose: bool = True,
) -> ProjectGroup:
    """Start a group for a project. Effects: creates the group, records an audit event."""
    _check(permissions.can_manage_decisions(by, project))
    if ProjectGroup.objects.filter(project=project, name=name).exists():
        raise Refused({"name": "This project already has a group with that name"})
    group = ProjectGroup.objects.create(
        project=project,
        name=name,
        kind=kind,
        min_member_share=min_member_share() if min_share is None else min_share,
        members_can_propose=members_can_propose,
        created_by=by,
    )
    record_event(actor=by, action="decisions.group_created", target=group, payload={"project": project.pk})
    return group


@transaction.atomic
def add_group_member(group: ProjectGroup, *, person: Person, role: GroupRole | str, by: User) -> GroupMember:
    """Give ``person`` a seat in the group.

    Refused when they already have one, or when a seat for someone without lived experience would
    take the share of member seats below the group's minimum. Effects: creates the seat, audit event.
    """
    _check(permissions.can_manage_group(by, group))
    # Lock the group so that two seats added at once cannot both slip under the minimum.
    ProjectGroup.objects.select_for_update(of=("self",)).filter(pk=group.pk).first()
    if group.members.filter(person=person).exists():
        raise Refused({"person": f"{person.full_name} is already in this group"})
    if group.min_member_share > 0 and person.kind not in LIVED_EXPERIENCE_KINDS:
        lived, seats = lived_experience_share(group, adding=person)
        if Decimal(lived) < group.min_member_share * seats:
            percent = int(group.min_member_share * 100)
            raise Refused(
                {
                    "person": (
                        f"At least {percent}% of seats must be held by people with lived experience. "
                        "Add a member or carer first"
                    )
                }
            )
    member = GroupMember.objects.create(group=group, person=person, role=role)
    record_event(
        actor=by, action="decisions.group_member_added", target=group, payload={"person": person.pk, "role": role}
    )
    return member


@transaction.atomic
def update_ground_rules(group: ProjectGroup, *, text: str, by: User) -> ProjectGroup:
    """Record the group's agreed ground rules, with who changed them and when. Effects: audit event."""
    _check(permissions.can_edit_ground_rules(by, group))
    group.ground_rules = text.strip()
    group.ground_rules_changed_by = by
    group.ground_rules_changed_at = timezone.now()
    group.save(update_fields=["ground_rules", "ground_rules_changed_by", "ground_rules_changed_at"])
    record_event(actor=by, action="decisions.ground_rules_changed", target=group)
    return group


# --- Proposals and responses -------------------------------------------------------------------


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
    _check(permissions.can_propose(by, group))
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


def _validate_response(
    proposal: Proposal,
    *,
    stance: str,
    option: ProposalOption | None,
    ranking: Sequence[ProposalOption],
    scores: Mapping[ProposalOption, int],
    reason: str,
) -> None:
    method = Method(proposal.method)
    option_ids = {option.pk for option in proposal.options.all()}
    errors: dict[str, str] = {}
    if method in STANCES_FOR:
        if stance not in STANCES_FOR[method]:
            errors["stance"] = "Choose your answer"
        elif stance == Stance.BLOCK and not reason.strip():
            errors["reason"] = "Say why you block the proposal, so the group can talk about it"
    elif method == Method.VOTE:
        if option is None or option.pk not in option_ids:
            errors["option"] = "Choose an option"
    elif method == Method.RANKED:
        if not ranking:
            errors["__all__"] = "Rank at least one option"
        elif len({o.pk for o in ranking}) != len(ranking) or any(o.pk not in option_ids for o in ranking):
            errors["__all__"] = "Give each option a different number"
    elif method == Method.SCORE and (
        {o.pk for o in scores} != option_ids or any(not 0 <= value <= 5 for value in scores.values())
    ):
        errors["__all__"] = "Give every option a score from 0 to 5"
    if errors:
        raise Refused(errors)


@transaction.atomic
def respond(
    proposal: Proposal,
    *,
    person: Person,
    by: User,
    stance: str = "",
    option: ProposalOption | None = None,
    ranking: Sequence[ProposalOption] = (),
    scores: Mapping[ProposalOption, int] | None = None,
    reason: str = "",
    channel: Channel | str = Channel.ONLINE,
) -> Response:
    """Record ``person``'s response, replacing any earlier one (one response per person per proposal).

    ``by`` is the person themselves (online) or a coordinator recording a response given by phone,
    on paper or at a meeting. Refused once the proposal has closed. Effects: creates or replaces the
    response and its ranks or scores, records an audit event (without the answer itself).
    """
    scores = dict(scores or {})
    if channel == Channel.ONLINE:
        _check(permissions.can_respond(by, proposal) and getattr(by, "person", None) == person)
    else:
        _check(permissions.can_record_response(by, proposal))
    if not proposal.group.members.filter(person=person).exists():
        raise Refused({"__all__": f"{person.full_name} is not in {proposal.group.name}"})
    # Lock the proposal row: two submissions at once (a double click, two tabs) queue here, so the
    # second finds the first's response and replaces it instead of hitting the unique constraint.
    locked = Proposal.objects.select_for_update(of=("self",)).get(pk=proposal.pk)
    if not locked.is_open:
        raise Refused(
            {
                "__all__": f"This proposal closed on {timezone.localtime(locked.closes_at):%-d %B %Y at %H:%M}. "
                "Responses are no longer taken. Ask a lead if the closing date should be extended"
            }
        )
    _validate_response(proposal, stance=stance, option=option, ranking=ranking, scores=scores, reason=reason)
    values = {
        "stance": stance if proposal.method in STANCES_FOR else "",
        "option": option if proposal.method == Method.VOTE else None,
        "reason": reason.strip(),
        "channel": channel,
        "recorded_by": by,
        "responded_at": timezone.now(),
        "withdrawn_at": None,
    }
    response, created = Response.objects.update_or_create(proposal=proposal, person=person, defaults=values)
    response.choices.all().delete()
    if proposal.method == Method.RANKED:
        ResponseChoice.objects.bulk_create(
            ResponseChoice(response=response, option=chosen, rank=index) for index, chosen in enumerate(ranking, 1)
        )
    elif proposal.method == Method.SCORE:
        ResponseChoice.objects.bulk_create(
            ResponseChoice(response=response, option=chosen, score=value) for chosen, value in scores.items()
        )
    record_event(
        actor=by,
        action="decisions.response_given" if created else "decisions.response_changed",
        target=proposal,
        payload={"response": response.pk, "channel": str(channel)},
    )
    return response


@transaction.atomic
def withdraw_response(response: Response, *, by: User) -> Response:
    """Take a response back while the proposal is open: it then counts as never given. Effects: audit event."""
    is_own = response.person.user_id is not None and response.person.user_id == by.pk
    _check(is_own or permissions.can_record_response(by, response.proposal))
    if not Proposal.objects.select_for_update(of=("self",)).get(pk=response.proposal_id).is_open:
        raise Refused({"__all__": "This proposal has closed, so responses can no longer be withdrawn"})
    response.withdrawn_at = timezone.now()
    response.save(update_fields=["withdrawn_at"])
    record_event(
        actor=by, action="decisions.response_withdrawn", target=response.proposal, payload={"response": response.pk}
    )
    return response


@transaction.atomic
def extend_closing(proposal: Proposal, *, closes_at: datetime, by: User) -> Proposal:
    """Move the closing date later (also reopens a closed proposal). Effects: audit event."""
    _check(permissions.can_extend_proposal(by, proposal))
    if closes_at <= max(proposal.closes_at, timezone.now()):
        raise Refused({"closes_at": "The new closing date must be later than the current one and in the future"})
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


# --- The decision register -----------------------------------------------------------------------


def _plain(value: object) -> str | int | None:
    if value is None or isinstance(value, int):
        return value
    return str(value)


def _check_contributions(decision: Decision, contributions: Iterable[Contribution]) -> list[Contribution]:
    chosen = list(contributions)
    if any(contribution.project_id != decision.project_id for contribution in chosen):
        raise Refused({"contributions": "Choose contributions made to this project"})
    return chosen


@transaction.atomic
def save_decision(decision: Decision, *, contributions: Iterable[Contribution], by: User) -> Decision:
    """Create or change a decision in the register.

    A new decision takes the project's stage at the time. A decision from a proposal counts the
    people with lived experience who responded. Changes to a published decision are kept as a
    ``DecisionRevision`` (old and new values of each changed field). Effects: audit event.
    """
    _check(permissions.can_manage_decisions(by, decision.project))
    chosen = _check_contributions(decision, contributions)
    if decision.proposal_id is not None:
        if decision.proposal is None or decision.proposal.group.project_id != decision.project_id:
            raise Refused({"proposal": "Choose a proposal from this project"})
        decision.lived_experience_count = lived_experience_responses(decision.proposal)
    if (
        decision.meeting_id is not None
        and decision.meeting is not None
        and decision.meeting.project_id != decision.project_id
    ):
        raise Refused({"meeting": "Choose a meeting of this project"})
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
        raise Refused({"__all__": "A published decision must keep its options and its reasons"})
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
    _check(permissions.can_publish_decision(by, decision))
    locked = Decision.objects.select_for_update(of=("self",)).get(pk=decision.pk)
    if locked.is_published:
        raise Refused({"__all__": "This decision is already published"})
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


# --- Concerns -------------------------------------------------------------------------------------------


@transaction.atomic
def raise_concern(
    project: Project,
    *,
    text: str,
    anonymous: bool,
    by: User,
    group: ProjectGroup | None = None,
) -> Concern:
    """Raise a concern about how a project or group is working.

    Named: linked to the person, who is told the outcome, and recorded in the audit trail. Anonymous:
    nothing links it to anyone: no person and a date, not a time. Nor is there an audit event: even
    one without an actor carries the exact time, which could be matched with that person's sign-in
    or other events. The concern itself (kept for good) is the record that it was raised.
    """
    _check(permissions.can_raise_concern(by))
    person = Person.objects.get(user=by)
    concern = Concern.objects.create(
        project=project,
        group=group if group is not None and group.project_id == project.pk else None,
        text=text.strip(),
        is_anonymous=anonymous,
        raised_by=None if anonymous else person,
        raised_on=timezone.localdate(),
    )
    if not anonymous:
        record_event(actor=by, action="decisions.concern_raised", target=concern, payload={"project": project.pk})
    return concern


@transaction.atomic
def answer_concern(concern: Concern, *, response: str, by: User) -> Concern:
    """A coordinator answers a concern. Effects: audit event; the named person is emailed (worker)."""
    _check(permissions.can_handle_concerns(by))
    concern.response = response.strip()
    concern.status = ConcernStatus.ANSWERED
    concern.responded_by = by
    concern.responded_at = timezone.now()
    concern.save(update_fields=["response", "status", "responded_by", "responded_at"])
    record_event(actor=by, action="decisions.concern_answered", target=concern)
    if not concern.is_anonymous:
        transaction.on_commit(lambda: tell_person_concern_answered.enqueue(concern_id=concern.pk))
    return concern


# --- Agenda items ------------------------------------------------------------------------------------


@transaction.atomic
def propose_agenda_item(group: ProjectGroup, *, title: str, details: str, by: User) -> AgendaItem:
    """A group member asks for something to be talked about. It is put with the next meeting, if one
    is planned, or waits in the group's queue. Effects: audit event."""
    _check(permissions.can_propose_agenda_item(by, group))
    item = AgendaItem.objects.create(
        group=group,
        title=title.strip(),
        details=details.strip(),
        proposed_by=Person.objects.get(user=by),
        meeting=next_meeting(group.project),
    )
    record_event(actor=by, action="decisions.agenda_item_proposed", target=item, payload={"group": group.pk})
    return item


@transaction.atomic
def set_agenda_status(
    item: AgendaItem, *, status: AgendaStatus | str, by: User, meeting: Activity | None = None, reason: str = ""
) -> AgendaItem:
    """Accept an item for a meeting, mark it discussed, or say why it is not taken. Effects: audit event."""
    _check(permissions.can_manage_agenda(by, item.group))
    if status == AgendaStatus.ACCEPTED and meeting is None:
        raise Refused({"meeting": "Choose the meeting it will be discussed at"})
    if status == AgendaStatus.NOT_TAKEN and not reason.strip():
        raise Refused({"reason": "Say why it will not be discussed"})
    if meeting is not None and meeting.project_id != item.group.project_id:
        raise Refused({"meeting": "Choose a meeting of this project"})
    item.status = status
    item.meeting = meeting if meeting is not None else item.meeting
    item.reason = reason.strip()
    item.save(update_fields=["status", "meeting", "reason"])
    record_event(actor=by, action="decisions.agenda_item_updated", target=item, payload={"status": str(status)})
    return item
