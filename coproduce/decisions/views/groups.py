"""Project groups: starting one, its page, adding members, its ground rules."""

from decimal import Decimal

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from coproduce.decisions import permissions, queries
from coproduce.decisions.forms.groups import GroundRulesForm, GroupForm, GroupMemberForm
from coproduce.decisions.services.groups import add_group_member, create_group, update_ground_rules
from coproduce.decisions.views.common import group_or_404, project_or_404
from coproduce.forms import show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.refusals import Refused


def group_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    project = project_or_404(pk)
    require(permissions.can_manage_decisions(request.user, project))
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
                by=request.user,
            )
        except Refused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, f"{group.name} is set up. Now add its members.")
            return redirect("decisions:group", pk=group.pk)
    return render(request, "decisions/group_form.html", {"form": form, "project": project})


def group_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    group = group_or_404(pk)
    require(permissions.can_view_group(request.user, group))
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
            "can_manage": permissions.can_manage_group(request.user, group),
            "can_edit_rules": permissions.can_edit_ground_rules(request.user, group),
            "can_propose": permissions.can_propose(request.user, group),
            "can_add_agenda": permissions.can_propose_agenda_item(request.user, group),
        },
    )


def group_add_member(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    group = group_or_404(pk)
    require(permissions.can_manage_group(request.user, group))
    form = GroupMemberForm(submitted(request), group=group)
    if form.is_valid():
        person = form.cleaned_data["person"]
        try:
            add_group_member(group, person=person, role=form.cleaned_data["role"], by=request.user)
        except Refused as refusal:
            show_refusal(form, refusal)
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


def ground_rules(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    group = group_or_404(pk)
    require(permissions.can_edit_ground_rules(request.user, group))
    form = GroundRulesForm(submitted(request), initial={"ground_rules": group.ground_rules})
    if form.is_valid():
        update_ground_rules(group, text=form.cleaned_data["ground_rules"], by=request.user)
        messages.success(request, "The ground rules are saved.")
        return redirect("decisions:group", pk=group.pk)
    return render(request, "decisions/ground_rules.html", {"group": group, "form": form})
