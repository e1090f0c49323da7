"""Proposals: putting one to a group, its page with the result so far, moving its closing date."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from coproduce.communications.readability import ReadabilityCheck
from coproduce.decisions import permissions, queries, tallies
from coproduce.decisions.choices import Method, Stance
from coproduce.decisions.forms.proposals import ExtendForm, ProposalForm
from coproduce.decisions.models import Proposal, ProposalOption, Response
from coproduce.decisions.services.proposals import extend_closing, put_proposal
from coproduce.decisions.views.common import group_or_404, own_person, proposal_or_404
from coproduce.forms import show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.refusals import Refused

# The texts people read, for the "Check readability" button on the form that writes them.
PROPOSAL_READABLE = {"text": "Explanation", "easy_read_text": "Easy Read version"}


def proposal_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    group = group_or_404(pk)
    require(permissions.can_propose(request.user, group))
    form = ProposalForm(submitted(request))
    check = ReadabilityCheck(request, form, PROPOSAL_READABLE)
    if not check.pressed and form.is_valid():
        data = form.cleaned_data
        try:
            proposal = put_proposal(
                group,
                title=data["title"],
                text=data["text"],
                easy_read_text=data["easy_read_text"],
                method=data["method"],
                options=form.option_labels(),
                closes_at=data["closes_at"],
                quorum=data["quorum"],
                by=request.user,
            )
        except Refused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, f"Your proposal is put to {group.name}.")
            return redirect("decisions:proposal", pk=proposal.pk)
    return render(request, "decisions/proposal_form.html", {"group": group, "form": form, **check.context()})


def proposal_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    proposal = proposal_or_404(pk)
    require(permissions.can_view_proposal(request.user, proposal))
    person = own_person(request.user)
    mine = (
        Response.objects.filter(proposal=proposal, person=person, withdrawn_at__isnull=True).first()
        if person is not None
        else None
    )
    options = list(proposal.options.all())
    result = queries.result_of(proposal)
    return render(
        request,
        "decisions/proposal_detail.html",
        {
            "proposal": proposal,
            "group": proposal.group,
            "options": options,
            "result": result,
            "summary": _summary(proposal, options, result),
            "responses": queries.live_responses(proposal),
            "mine": mine,
            "is_option_method": proposal.method in (Method.VOTE, Method.RANKED, Method.SCORE),
            "can_respond": permissions.can_respond(request.user, proposal),
            "can_record": permissions.can_record_response(request.user, proposal),
            "can_extend": permissions.can_extend_proposal(request.user, proposal),
            "can_decide": permissions.can_manage_decisions(request.user, proposal.group.project),
        },
    )


OUTCOMES = {
    "agreed": "Agreed",
    "blocked": "Blocked: the group needs to talk again",
    "not_agreed": "Not agreed",
    "quorum_not_met": "Not enough responses yet for the result to count",
    "no_responses": "No responses yet",
}


def _summary(
    proposal: Proposal, options: list[ProposalOption], result: tallies.StanceResult | tallies.OptionResult
) -> dict[str, object]:
    """The result in words and rows, ready for the page."""
    if isinstance(result, tallies.StanceResult):
        return {
            "rows": [(Stance(stance).label, count) for stance, count in result.counts.items()],
            "outcome": OUTCOMES[result.outcome],
        }
    labels = {option.pk: option.label for option in options}
    if result.responses == 0:
        outcome = OUTCOMES["no_responses"]
    elif not result.quorum_met:
        outcome = OUTCOMES["quorum_not_met"]
    elif result.is_tie:
        outcome = "A tie between " + " and ".join(labels[o] for o in result.winners)
    elif result.winner is not None:
        outcome = f"Most support: {labels[result.winner]}"
    else:
        outcome = "No option has support yet"
    rounds = [
        {
            "number": n,
            "rows": [(labels[o], votes) for o, votes in counted.items()],
            "exhausted": result.exhausted[n - 1],
        }
        for n, counted in enumerate(result.rounds, 1)
    ]
    return {
        "rows": [(labels[o], total) for o, total in result.totals.items()],
        "outcome": outcome,
        "rounds": rounds if proposal.method == Method.RANKED else [],
        "total_label": "Total score" if proposal.method == Method.SCORE else "Votes",
    }


def extend(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    proposal = proposal_or_404(pk)
    require(permissions.can_extend_proposal(request.user, proposal))
    form = ExtendForm(submitted(request))
    if form.is_valid():
        try:
            extend_closing(proposal, closes_at=form.cleaned_data["closes_at"], by=request.user)
        except Refused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, "The closing date is changed.")
            return redirect("decisions:proposal", pk=proposal.pk)
    return render(request, "decisions/extend.html", {"proposal": proposal, "form": form})
