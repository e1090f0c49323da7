"""Writes for reports: narratives, publishing "You said, we did" pages, and asking for digests."""

from django.db import transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.projects.models import Project
from coproduce.refusals import Refused
from coproduce.reports.models import ReportNarrative, YouSaidWeDidPage
from coproduce.reports.periods import Period
from coproduce.reports.tasks import send_digests


@transaction.atomic
def save_narrative(
    *, project: Project | None, period: Period, aim: str, influence: str, reflections: str, by: User
) -> ReportNarrative:
    narrative, created = ReportNarrative.objects.select_for_update(of=("self",)).get_or_create(
        project=project,
        period_start=period.start,
        period_end=period.end,
        defaults={"aim": aim, "influence": influence, "reflections": reflections, "written_by": by},
    )
    if not created:
        narrative.aim, narrative.influence, narrative.reflections = aim, influence, reflections
        narrative.written_by = by
        narrative.save()
    record_event(
        actor=by,
        action="reports.narrative_saved",
        target=narrative,
        payload={"project": project.pk if project else None, "period": period.key},
    )
    return narrative


@transaction.atomic
def save_page(project: Project, *, intro: str, publish: bool, by: User) -> YouSaidWeDidPage:
    """Save the page's introduction; publish it (or keep it published) when ``publish`` is true."""
    page, _ = YouSaidWeDidPage.objects.select_for_update(of=("self",)).get_or_create(project=project)
    page.intro = intro
    was_published = page.is_published
    if publish and not was_published:
        page.published_at, page.published_by = timezone.now(), by
    page.save()
    if publish and not was_published:
        record_event(actor=by, action="reports.you_said_we_did_published", target=page, payload={"project": project.pk})
    else:
        record_event(actor=by, action="reports.you_said_we_did_saved", target=page, payload={"project": project.pk})
    return page


@transaction.atomic
def unpublish_page(page: YouSaidWeDidPage, *, by: User) -> YouSaidWeDidPage:
    page = YouSaidWeDidPage.objects.select_for_update(of=("self",)).get(pk=page.pk)
    if not page.is_published:
        raise Refused("This page is not published.")
    page.published_at, page.published_by = None, None
    page.save()
    record_event(
        actor=by, action="reports.you_said_we_did_unpublished", target=page, payload={"project": page.project_id}
    )
    return page


def request_digests(period: Period, *, by: User) -> None:
    """Queue the digests for ``period``: the worker sends each contributor theirs, once."""
    record_event(actor=by, action="reports.digests_requested", payload={"period": period.key})
    transaction.on_commit(lambda: send_digests.enqueue(period.start.isoformat(), period.end.isoformat(), by.pk))
