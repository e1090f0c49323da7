"""Writing Easy Read documents: rows in order, every picture described, publishing with an audit event.

A published document stays editable, so a mistake can be put right: each row is checked as it is saved
(every picture described), the last row cannot be deleted, and each change to a published document is
an audit event and shows readers when it last changed.
"""

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.easyread.choices import DocumentStatus
from coproduce.easyread.conf import max_pages, max_sentence_words, rows_per_page
from coproduce.easyread.models import EasyReadDocument, EasyReadRow
from coproduce.refusals import Refused

ALT_TEXT_NEEDED = "Describe the picture for people who cannot see it"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


class EasyReadRefused(Refused):
    """A change to an Easy Read document that breaks one of its rules."""


def _note_change(document: EasyReadDocument, *, by: User, change: str) -> None:
    """After a change to ``document``'s rows: if it is published, say so to readers and in the audit trail."""
    if not document.is_published:
        return
    document.changed_at = timezone.now()
    EasyReadDocument.objects.filter(pk=document.pk).update(changed_at=document.changed_at)
    record_event(
        actor=by,
        action="easyread.published_document_changed",
        target=document,
        payload={"title": document.title, "change": change},
    )


def _check_row(row: EasyReadRow) -> None:
    errors: dict[str, str] = {}
    if not row.text.strip():
        errors["text"] = "Enter the text for this row"
    if row.pictogram and row.image:
        errors["pictogram"] = "Choose a pictogram or upload a picture, not both"
    if (row.pictogram or row.image) and not row.alt_text.strip():
        errors["alt_text"] = ALT_TEXT_NEEDED
    if errors:
        raise EasyReadRefused(errors)


def create_document(document: EasyReadDocument, *, by: User) -> EasyReadDocument:
    with transaction.atomic():
        document.created_by = by
        document.status = DocumentStatus.DRAFT
        document.save()
        record_event(actor=by, action="easyread.document_created", target=document, payload={"title": document.title})
    return document


def add_row(row: EasyReadRow, *, by: User) -> EasyReadRow:
    """Add ``row`` (not yet saved, with its document) at the end of its document."""
    with transaction.atomic():
        document = EasyReadDocument.objects.select_for_update(of=("self",)).get(pk=row.document_id)
        _check_row(row)
        last = document.rows.aggregate(last=Max("position"))["last"] or 0
        row.position = last + 1
        row.save()
        _note_change(document, by=by, change="row added")
    return row


def update_row(row: EasyReadRow, *, by: User, old_image: str = "") -> EasyReadRow:
    """Save the changed ``row``; ``old_image`` is the stored file it had, removed if replaced."""
    with transaction.atomic():
        _check_row(row)
        row.save()
        _note_change(row.document, by=by, change="row changed")
    if old_image and old_image != row.image.name:
        row.image.storage.delete(old_image)
    return row


def move_row(row: EasyReadRow, *, up: bool, by: User) -> None:
    """Swap ``row`` with the row above (or below). At the top (or bottom) nothing changes."""
    with transaction.atomic():
        document = EasyReadDocument.objects.select_for_update(of=("self",)).get(pk=row.document_id)
        rows = (
            document.rows.filter(position__lt=row.position) if up else document.rows.filter(position__gt=row.position)
        )
        neighbour = rows.order_by("-position" if up else "position").first()
        if neighbour is None:
            return
        mine, theirs = row.position, neighbour.position
        # Through a free position past the end, so that the unique (document, position) holds at every step.
        free = (document.rows.aggregate(last=Max("position"))["last"] or 0) + 1
        EasyReadRow.objects.filter(pk=row.pk).update(position=free)
        EasyReadRow.objects.filter(pk=neighbour.pk).update(position=mine)
        EasyReadRow.objects.filter(pk=row.pk).update(position=theirs)
        row.position = theirs
        _note_change(document, by=by, change="row moved")


def delete_row(row: EasyReadRow, *, by: User) -> None:
    image = row.image.name
    with transaction.atomic():
        document = EasyReadDocument.objects.select_for_update(of=("self",)).get(pk=row.document_id)
        if document.is_published and not document.rows.exclude(pk=row.pk).exists():
            raise EasyReadRefused("A published document needs at least one row, so this one stays.")
        storage = row.image.storage
        row.delete()
        _note_change(document, by=by, change="row deleted")
    if image:
        storage.delete(image)


def publish_document(document: EasyReadDocument, *, by: User) -> EasyReadDocument:
    """Publish a draft: it needs at least one row, and every picture needs alt text."""
    with transaction.atomic():
        document = EasyReadDocument.objects.select_for_update(of=("self",)).get(pk=document.pk)
        if document.is_published:
            raise EasyReadRefused("This document is already published.")
        rows = list(document.rows.order_by("position"))
        if not rows:
            raise EasyReadRefused("Add at least one row before you publish")
        missing = [number for number, row in enumerate(rows, start=1) if row.has_picture and not row.alt_text.strip()]
        if missing:
            listed = ", ".join(str(number) for number in missing)
            raise EasyReadRefused(
                f"Describe every picture before you publish. The picture in row {listed} has no alt text."
            )
        document.status = DocumentStatus.PUBLISHED
        document.published_at = timezone.now()
        document.published_by = by
        document.save(update_fields=["status", "published_at", "published_by"])
        record_event(
            actor=by,
            action="easyread.document_published",
            target=document,
            payload={"title": document.title, "rows": len(rows)},
        )
    return document


@dataclass(frozen=True)
class LongSentence:
    row_number: int
    sentence: str
    words: int


@dataclass(frozen=True)
class Warnings:
    long_sentences: list[LongSentence]
    estimated_pages: int
    too_long: bool
    max_words: int
    max_pages: int
    rows_per_page: int

    def __bool__(self) -> bool:
        return bool(self.long_sentences) or self.too_long


def sentences(text: str) -> list[str]:
    return [part.strip() for part in SENTENCE_END.split(text.strip()) if part.strip()]


def warnings_for(rows: Iterable[EasyReadRow]) -> Warnings:
    """Warnings, not blocks: each sentence over the word limit (naming its row), and a document too long."""
    limit, per_page, page_limit = max_sentence_words(), rows_per_page(), max_pages()
    long_sentences: list[LongSentence] = []
    count = 0
    for number, row in enumerate(rows, start=1):
        count += 1
        for sentence in sentences(row.text):
            words = len(sentence.split())
            if words > limit:
                long_sentences.append(LongSentence(number, sentence, words))
    pages = math.ceil(count / per_page) if count else 0
    return Warnings(long_sentences, pages, pages > page_limit, limit, page_limit, per_page)
