"""Writes for responses to proposals: given online or recorded from phone, paper or a meeting; withdrawn.

Every function checks permission again (views check first), runs in one transaction and records
an audit event. Refusals a person can fix raise ``Refused`` with a message for each field.
"""

from collections.abc import Mapping, Sequence

from django.db import transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.decisions import permissions
from coproduce.decisions.choices import STANCES_FOR, Channel, Method, Stance
from coproduce.decisions.models import Proposal, ProposalOption, Response, ResponseChoice
from coproduce.http import require
from coproduce.people.models import Person
from coproduce.refusals import Refused


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
        require(permissions.can_respond(by, proposal) and getattr(by, "person", None) == person)
    else:
        require(permissions.can_record_response(by, proposal))
    if not proposal.group.members.filter(person=person).exists():
        raise Refused(f"{person.full_name} is not in {proposal.group.name}")
    # Lock the proposal row: two submissions at once (a double click, two tabs) queue here, so the
    # second finds the first's response and replaces it instead of hitting the unique constraint.
    locked = Proposal.objects.select_for_update(of=("self",)).get(pk=proposal.pk)
    if not locked.is_open:
        raise Refused(
            f"This proposal closed on {timezone.localtime(locked.closes_at):%-d %B %Y at %H:%M}. "
            "Responses are no longer taken. Ask a lead if the closing date should be extended"
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
    require(is_own or permissions.can_record_response(by, response.proposal))
    if not Proposal.objects.select_for_update(of=("self",)).get(pk=response.proposal_id).is_open:
        raise Refused("This proposal has closed, so responses can no longer be withdrawn")
    response.withdrawn_at = timezone.now()
    response.save(update_fields=["withdrawn_at"])
    record_event(
        actor=by, action="decisions.response_withdrawn", target=response.proposal, payload={"response": response.pk}
    )
    return response
