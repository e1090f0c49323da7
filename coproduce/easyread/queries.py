"""Reads for the Easy Read pages: bounded queries."""

from django.db.models import Count, QuerySet

from coproduce.easyread.models import EasyReadDocument, EasyReadRow


def documents_to_edit() -> QuerySet[EasyReadDocument]:
    """Every document, newest first, with its project and number of rows (counted in the database)."""
    return (
        EasyReadDocument.objects.select_related("project")
        .annotate(row_count=Count("rows"))
        .order_by("-created_at", "-pk")
    )


def rows_of(document: EasyReadDocument) -> list[EasyReadRow]:
    return list(document.rows.order_by("position"))
