"""Agenda items: proposing one for a group's next meeting, and settling what happens to it."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from coproduce.decisions import permissions, queries
from coproduce.decisions.forms.agenda import AgendaItemForm, AgendaStatusForm
from coproduce.decisions.models import AgendaItem
from coproduce.decisions.services.agenda import propose_agenda_item, set_agenda_status
from coproduce.decisions.views.common import group_or_404, own_person
from coproduce.forms import show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.refusals import Refused


def agenda_propose(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    group = group_or_404(pk)
    require(permissions.can_propose_agenda_item(request.user, group) and own_person(request.user) is not None)
    form = AgendaItemForm(submitted(request))
    if form.is_valid():
        item = propose_agenda_item(
            group, title=form.cleaned_data["title"], details=form.cleaned_data["details"], by=request.user
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


def agenda_status(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(AgendaItem.objects.select_related("group__project", "proposed_by", "meeting"), pk=pk)
    require(permissions.can_manage_agenda(request.user, item.group))
    form = AgendaStatusForm(submitted(request), project=item.group.project, initial={"meeting": item.meeting_id})
    if form.is_valid():
        try:
            set_agenda_status(
                item,
                status=form.cleaned_data["status"],
                meeting=form.cleaned_data["meeting"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except Refused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, "The agenda item is updated.")
            return redirect("decisions:group", pk=item.group_id)
    return render(request, "decisions/agenda_status.html", {"item": item, "group": item.group, "form": form})
