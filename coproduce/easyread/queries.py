"""Reads for the Easy Read pages: bounded queries."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, QuerySet

from coproduce.accounts.models import User
from coproduce.easyread.choices import DocumentStatus
from coproduce.easyread.models import EasyReadDocument, EasyReadRow
from coproduce.projects.models import Project
from coproduce.reports.permissions import LEAD_ROLES


def documents_to_edit() -> QuerySet[EasyReadDocument]:
    """Every document, newest first, with its project and number of rows (counted in the database)."""
    return (
        EasyReadDocument.objects.select_related("project")
        .annotate(row_count=Count("rows"))
        .order_by("-created_at", "-pk")
    )


def rows_of(document: EasyReadDocument) -> list[EasyReadRow]:
    return list(document.rows.order_by("position"))


def published_documents() -> QuerySet[EasyReadDocument]:
    """The published documents, the newest first: what anyone may read."""
    return EasyReadDocument.objects.filter(status=DocumentStatus.PUBLISHED).order_by("-published_at", "-pk")


def projects_led_by(user: User | AnonymousUser) -> QuerySet[Project]:
    """The projects ``user`` leads (as staff lead or co-lead), whose reports have an Easy Read summary."""
    if not user.is_authenticated:
        return Project.objects.none()
    return (
        Project.objects.filter(memberships__person__user=user, memberships__role__in=LEAD_ROLES)
        .distinct()
        .order_by("title", "pk")
    )
