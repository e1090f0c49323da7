"""Pages for project groups, proposals and responses, the decision register, concerns and agendas."""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.communications.readability import ReadabilityCheck
from coproduce.decisions import permissions, queries, tallies
from coproduce.decisions.choices import Channel, Method, Stance
from coproduce.decisions.forms import (
    AgendaItemForm,
    AgendaStatusForm,
    ConcernAnswerForm,
    ConcernForm,
    DecisionForm,
    ExtendForm,
    GroundRulesForm,
    GroupForm,
    GroupMemberForm,
    ProposalForm,
    ResponseForm,
)
from coproduce.decisions.models import AgendaItem, Concern, Decision, ProjectGroup, Proposal, ProposalOption, Response
from coproduce.decisions.services import (
    Refused,
    add_group_member,
    answer_concern,
    create_group,
    extend_closing,
    propose_agenda_item,
    publish_decision,
    put_proposal,
    raise_concern,
    save_decision,
    set_agenda_status,
    update_ground_rules,
)
from coproduce.decisions.services import (
    respond as give_response,
)
from coproduce.decisions.services import (
    withdraw_response as take_back_response,
)
from coproduce.forms import ConfirmForm, submitted
from coproduce.people.models import Person
from coproduce.projects.models import Project

PAGE_SIZE = 25


# The texts people read, for the "Check readability" button on the forms that write them.
PROPOSAL_READABLE = {"text": "Explanation", "easy_read_text": "Easy Read version"}
DECISION_READABLE = {"rationale": "Reasons", "cannot_change": "What could not change"}


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _allow(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _show_refusal(form: BaseForm, refusal: Refused) -> None:
    for field, message in refusal.errors.items():
        form.add_error(None if field == "__all__" or field not in form.fields else field, message)


def _project(pk: int) -> Project:
    return get_object_or_404(Project, pk=pk)


def _group(pk: int) -> ProjectGroup:
    return get_object_or_404(ProjectGroup.objects.select_related("project"), pk=pk)


def _proposal(pk: int) -> Proposal:
    return get_object_or_404(Proposal.objects.select_related("group__project", "created_by__person"), pk=pk)


def _decision(pk: int) -> Decision:
    return get_object_or_404(Decision.objects.select_related("project", "proposal", "meeting"), pk=pk)


def _own_person(user: User) -> Person | None:
    return Person.objects.filter(user=user).first()


# --- The register ----------------------------------------------------------------------------------------


def register(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    _allow(permissions.can_view_register(user))
    page = Paginator(queries.register(user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "decisions/register.html", {"page": page})


def project_decisions(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    project = _project(pk)
    _allow(permissions.can_view_project_decisions(user, project))
    can_manage = permissions.can_manage_decisions(user, project)
    return render(
        request,
        "decisions/project_decisions.html",
        {
            "project": project,
            "decisions": queries.register(user, project=project),
            "drafts": queries.drafts(project) if can_manage else [],
            "due": queries.due_for_review(project),
            "groups": queries.groups_of(project),
            "power": queries.power_sharing(project),
            "can_manage": can_manage,
        },
    )


def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    decision = _decision(pk)
    _allow(permissions.can_view_decision(user, decision))
    contributions = decision.contributions.select_related("person").order_by("-recorded_at", "-id")
    return render(
        request,
        "decisions/decision_detail.html",
        {
            "decision": decision,
            "options": [line.strip() for line in decision.options_considered.splitlines() if line.strip()],
            "contributions": contributions,
            "revisions": decision.revisions.select_related("changed_by__person"),
            "can_edit": permissions.can_edit_decision(user, decision),
        },
    )


def decision_create(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    project = _project(pk)
    _allow(permissions.can_manage_decisions(user, project))
    initial = {}
    proposal_id = request.GET.get("proposal", "")
    if proposal_id.isdigit():
        proposal = Proposal.objects.filter(pk=int(proposal_id), group__project=project).first()
        if proposal is not None:
            initial = {"proposal": proposal, "question": proposal.title}
    form = DecisionForm(submitted(request), project=project, initial=initial)
    check = ReadabilityCheck(request, form, DECISION_READABLE)
    if not check.pressed and form.is_valid():
        try:
            decision = save_decision(form.save(commit=False), contributions=form.cleaned_data["contributions"], by=user)
        except Refused as refusal:
            _show_refusal(form, refusal)
        else:
            messages.success(request, "The decision is saved as a draft. Publish it when it is ready.")
            return redirect("decisions:decision", pk=decision.pk)
    context = {"form": form, "project": project, "decision": None, **check.context()}
    return render(request, "decisions/decision_form.html", context)


def decision_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    decision = _decision(pk)
    _allow(permissions.can_edit_decision(user, decision))
    form = DecisionForm(submitted(request), instance=decision, project=decision.project)
    check = ReadabilityCheck(request, form, DECISION_READABLE)
    if not check.pressed and form.is_valid():
        try:
            save_decision(form.save(commit=False), contributions=form.cleaned_data["contributions"], by=user)
        except Refused as refusal:
            _show_refusal(form, refusal)
        else:
            messages.success(request, "Your changes are saved.")
            return redirect("decisions:decision", pk=decision.pk)
    return render(
        request,
        "decisions/decision_form.html",
        {"form": form, "project": decision.project, "decision": decision, **check.context()},
    )


def decision_publish(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    decision = _decision(pk)
    _allow(permissions.can_publish_decision(user, decision))
    form = ConfirmForm(submitted(request))
    if form.is_valid():
        try:
            publish_decision(decision, by=user)
        except Refused as refusal:
            for message in refusal.errors.values():
                form.add_error(None, message)
        else:
            messages.success(request, "The decision is published in the register.")
            return redirect("decisions:decision", pk=decision.pk)
    return render(request, "decisions/publish.html", {"decision": decision, "form": form})


# --- Groups -------------------------------------------------------------------------------------------------


def group_create(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    project = _project(pk)
    _allow(permissions.can_manage_decisions(user, project))
    form = GroupForm(submitted(request))
    if form.is_valid():
        share = form.cleaned_data["min_member_share"]
        try:
            group = create_group(
                project,
                name=form.cleaned_data["name"],
                kind=form.cleaned_data["kind"],
                min_share=None if share is None else Decimal(share) / 100,
                members_can_propose=form.cleaned_data["members_can_propose"],
                by=user,
            )
        except Refused as refusal:
            _show_refusal(form, refusal)
        else:
            messages.success(request, f"{group.name} is set up. Now add its members.")
            return redirect("decisions:group", pk=group.pk)
    return render(request, "decisions/group_form.html", {"form": form, "project": project})


def group_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    group = _group(pk)
    _allow(permissions.can_view_group(user, group))
    lived, seats = queries.lived_experience_share(group)
    return render(
        request,
        "decisions/group_detail.html",
        {
            "group": group,
            "members": queries.group_members(group),
            "lived": lived,
            "seats": seats,
            "min_percent": int(group.min_member_share * 100),
            "proposals": queries.proposals_of(group),
            "agenda": queries.agenda_of(group),
            "next_meeting": queries.next_meeting(group.project),
            "can_manage": permissions.can_manage_group(user, group),
            "can_edit_rules": permissions.can_edit_ground_rules(user, group),
            "can_propose": permissions.can_propose(user, group),
            "can_add_agenda": permissions.can_propose_agenda_item(user, group),
        },
    )


def group_add_member(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    group = _group(pk)
    _allow(permissions.can_manage_group(user, group))
    form = GroupMemberForm(submitted(request), group=group)
    if form.is_valid():
        person = form.cleaned_data["person"]
        try:
            add_group_member(group, person=person, role=form.cleaned_data["role"], by=user)
        except Refused as refusal:
            _show_refusal(form, refusal)
        else:
            messages.success(request, f"{person.full_name} is in {group.name}.")
            return redirect("decisions:group", pk=group.pk)
    lived, seats = queries.lived_experience_share(group)
    return render(
        request,
        "decisions/group_add_member.html",
        {
            "group": group,
            "form": form,
            "lived": lived,
            "seats": seats,
            "min_percent": int(group.min_member_share * 100),
        },
    )


def ground_rules(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    group = _group(pk)
    _allow(permissions.can_edit_ground_rules(user, group))
    form = GroundRulesForm(submitted(request), initial={"ground_rules": group.ground_rules})
    if form.is_valid():
        update_ground_rules(group, text=form.cleaned_data["ground_rules"], by=user)
        messages.success(request, "The ground rules are saved.")
        return redirect("decisions:group", pk=group.pk)
    return render(request, "decisions/ground_rules.html", {"group": group, "form": form})


# --- Proposals and responses ------------------------------------------------------------------------------


def proposal_create(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    group = _group(pk)
    _allow(permissions.can_propose(user, group))
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
                by=user,
            )
        except Refused as refusal:
            _show_refusal(form, refusal)
        else:
            messages.success(request, f"Your proposal is put to {group.name}.")
            return redirect("decisions:proposal", pk=proposal.pk)
    return render(request, "decisions/proposal_form.html", {"group": group, "form": form, **check.context()})


def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    proposal = _proposal(pk)
    _allow(permissions.can_view_proposal(user, proposal))
    person = _own_person(user)
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
            "can_respond": permissions.can_respond(user, proposal),
            "can_record": permissions.can_record_response(user, proposal),
            "can_extend": permissions.can_extend_proposal(user, proposal),
            "can_decide": permissions.can_manage_decisions(user, proposal.group.project),
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


def _response_page(request: HttpRequest, proposal: Proposal, form: ResponseForm, *, recording: bool) -> HttpResponse:
    return render(
        request,
        "decisions/respond.html",
        {"proposal": proposal, "form": form, "recording": recording, "is_open": proposal.is_open},
    )


def respond(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    proposal = _proposal(pk)
    _allow(permissions.can_respond(user, proposal))
    person = _own_person(user)
    if person is None:
        raise PermissionDenied
    earlier = Response.objects.filter(proposal=proposal, person=person, withdrawn_at__isnull=True).first()
    initial: dict[str, object] = {}
    if earlier is not None:
        initial = {"stance": earlier.stance, "option": str(earlier.option_id or ""), "reason": earlier.reason}
        for choice in earlier.choices.all():
            initial[f"rank_{choice.option_id}" if choice.rank else f"score_{choice.option_id}"] = str(
                choice.rank or choice.score
            )
    form = ResponseForm(submitted(request), proposal=proposal, initial=initial)
    if form.is_valid():
        try:
            give_response(proposal, person=person, by=user, channel=Channel.ONLINE, **form.answer())
        except Refused as refusal:
            _show_refusal(form, refusal)
        else:
            messages.success(request, "Thank you. Your response is saved. You can change it until the proposal closes.")
            return redirect("decisions:proposal", pk=proposal.pk)
    return _response_page(request, proposal, form, recording=False)


def record_response(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    proposal = _proposal(pk)
    _allow(permissions.can_record_response(user, proposal))
    people = Person.objects.filter(group_seats__group=proposal.group).order_by("full_name", "id")
    form = ResponseForm(submitted(request), proposal=proposal, person_choices=people)
    if form.is_valid():
        person = form.cleaned_data["person"]
        try:
            give_response(proposal, person=person, by=user, channel=form.cleaned_data["channel"], **form.answer())
        except Refused as refusal:
            _show_refusal(form, refusal)
        else:
            messages.success(request, f"{person.full_name}'s response is recorded.")
            return redirect("decisions:proposal", pk=proposal.pk)
    return _response_page(request, proposal, form, recording=True)


def withdraw_response(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    proposal = _proposal(pk)
    _allow(permissions.can_respond(user, proposal))
    person = _own_person(user)
    response = Response.objects.filter(proposal=proposal, person=person, withdrawn_at__isnull=True).first()
    form = ConfirmForm(submitted(request))
    if response is not None and form.is_valid():
        try:
            take_back_response(response, by=user)
        except Refused as refusal:
            _show_refusal(form, refusal)
        else:
            messages.success(request, "Your response is withdrawn. It no longer counts.")
            return redirect("decisions:proposal", pk=proposal.pk)
    return render(
        request, "decisions/withdraw_response.html", {"proposal": proposal, "form": form, "response": response}
    )


def extend(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    proposal = _proposal(pk)
    _allow(permissions.can_extend_proposal(user, proposal))
    form = ExtendForm(submitted(request))
    if form.is_valid():
        try:
            extend_closing(proposal, closes_at=form.cleaned_data["closes_at"], by=user)
        except Refused as refusal:
            _show_refusal(form, refusal)
        else:
            messages.success(request, "The closing date is changed.")
            return redirect("decisions:proposal", pk=proposal.pk)
    return render(request, "decisions/extend.html", {"proposal": proposal, "form": form})


# --- Concerns -------------------------------------------------------------------------------------------------


def concern_create(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    _allow(permissions.can_raise_concern(user))
    projects = (
        Project.objects.filter(
            Q(pk__in=Project.objects.visible_to(user).values("pk")) | Q(groups__members__person__user=user)
        )
        .distinct()
        .order_by("title", "id")
    )
    project_id = request.GET.get("project", "")
    initial = {"project": int(project_id)} if project_id.isdigit() else {}
    form = ConcernForm(submitted(request), projects=projects, initial=initial)
    if form.is_valid():
        anonymous = form.cleaned_data["anonymous"]
        raise_concern(form.cleaned_data["project"], text=form.cleaned_data["text"], anonymous=anonymous, by=user)
        messages.success(
            request,
            "Thank you. Your concern is sent anonymously."
            if anonymous
            else "Thank you. Your concern is sent. A coordinator will reply to you.",
        )
        return redirect("decisions:your_concerns")
    return render(request, "decisions/concern_form.html", {"form": form})


def your_concerns(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    _allow(permissions.can_raise_concern(user))
    person = _own_person(user)
    assert person is not None  # noqa: S101 - can_raise_concern needs a record of one's own
    return render(request, "decisions/your_concerns.html", {"concerns": queries.concerns_of(person)})


def concerns(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    _allow(permissions.can_handle_concerns(user))
    page = Paginator(queries.concerns_to_handle(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "decisions/concerns.html", {"page": page})


def concern_answer(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    _allow(permissions.can_handle_concerns(user))
    concern = get_object_or_404(Concern.objects.select_related("project", "group", "raised_by"), pk=pk)
    form = ConcernAnswerForm(submitted(request), initial={"response": concern.response})
    if form.is_valid():
        answer_concern(concern, response=form.cleaned_data["response"], by=user)
        messages.success(
            request,
            "Your response is saved."
            if concern.is_anonymous
            else "Your response is saved. We will email it to the person who raised the concern.",
        )
        return redirect("decisions:concerns")
    return render(request, "decisions/concern_answer.html", {"concern": concern, "form": form})


# --- Agenda items ----------------------------------------------------------------------------------------------


def agenda_propose(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    group = _group(pk)
    _allow(permissions.can_propose_agenda_item(user, group) and _own_person(user) is not None)
    form = AgendaItemForm(submitted(request))
    if form.is_valid():
        item = propose_agenda_item(
            group, title=form.cleaned_data["title"], details=form.cleaned_data["details"], by=user
        )
        messages.success(
            request,
            f"Thank you. It is on the list for the meeting on {timezone.localtime(item.meeting.starts_at):%-d %B %Y}."
            if item.meeting is not None
            else "Thank you. It is in the group's queue until the next meeting is planned.",
        )
        return redirect("decisions:group", pk=group.pk)
    return render(
        request,
        "decisions/agenda_propose.html",
        {"group": group, "form": form, "next_meeting": queries.next_meeting(group.project)},
    )


def agenda_status(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    item = get_object_or_404(AgendaItem.objects.select_related("group__project", "proposed_by", "meeting"), pk=pk)
    _allow(permissions.can_manage_agenda(user, item.group))
    form = AgendaStatusForm(submitted(request), project=item.group.project, initial={"meeting": item.meeting_id})
    if form.is_valid():
        try:
            set_agenda_status(
                item,
                status=form.cleaned_data["status"],
                meeting=form.cleaned_data["meeting"],
                reason=form.cleaned_data["reason"],
                by=user,
            )
        except Refused as refusal:
            _show_refusal(form, refusal)
        else:
            messages.success(request, "The agenda item is updated.")
            return redirect("decisions:group", pk=item.group_id)
    return render(request, "decisions/agenda_status.html", {"item": item, "group": item.group, "form": form})
