"""Easy Read versions of published texts: rows of one short idea with a picture, as pages and PDFs."""

import uuid

from django.db import models
from django.db.models import Q

from coproduce.accounts.models import User
from coproduce.easyread.choices import DocumentStatus, Pictogram
from coproduce.projects.models import Project


def picture_path(row: "EasyReadRow", filename: str) -> str:
    # A random name, with the suffix of the checked content (set by the form), never the uploader's.
    suffix = ".jpg" if filename.lower().endswith((".jpg", ".jpeg")) else ".png"
    return f"easyread/pictures/{uuid.uuid4().hex}{suffix}"


class EasyReadDocument(models.Model):
    title = models.CharField(max_length=200)
    project = models.ForeignKey(
        Project, on_delete=models.SET_NULL, null=True, blank=True, related_name="easy_read_documents"
    )
    status = models.CharField(max_length=20, choices=DocumentStatus.choices, default=DocumentStatus.DRAFT)
    created_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(User, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    # The last change made after publishing: readers see it ("Last changed on ...").
    changed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="easyread_document_has_title"),
            models.CheckConstraint(
                condition=Q(status__in=DocumentStatus.values), name="easyread_document_status_valid"
            ),
            # Published exactly when it says when and by whom.
            models.CheckConstraint(
                condition=(
                    Q(status=DocumentStatus.PUBLISHED, published_at__isnull=False, published_by__isnull=False)
                    | Q(status=DocumentStatus.DRAFT, published_at__isnull=True, published_by__isnull=True)
                ),
                name="easyread_document_published_has_when_and_who",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == DocumentStatus.PUBLISHED


class EasyReadRow(models.Model):
    """One short idea: a picture on the left (a pictogram or an uploaded image, with alt text), text on the right."""

    document = models.ForeignKey(EasyReadDocument, on_delete=models.CASCADE, related_name="rows")
    position = models.PositiveIntegerField()
    text = models.TextField(max_length=500)
    pictogram = models.CharField(max_length=40, choices=Pictogram.choices, blank=True)
    image = models.FileField(upload_to=picture_path, blank=True, max_length=200)
    alt_text = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["document", "position"]
        constraints = [
            models.UniqueConstraint(fields=["document", "position"], name="easyread_row_position_unique"),
            models.CheckConstraint(condition=Q(position__gte=1), name="easyread_row_position_positive"),
            models.CheckConstraint(condition=~Q(text=""), name="easyread_row_has_text"),
            models.CheckConstraint(
                condition=Q(pictogram="") | Q(pictogram__in=Pictogram.values), name="easyread_row_pictogram_known"
            ),
            # One picture at most: a pictogram or an uploaded image.
            models.CheckConstraint(condition=Q(pictogram="") | Q(image=""), name="easyread_row_one_picture"),
            # Every picture needs alt text.
            models.CheckConstraint(
                condition=(Q(pictogram="") & Q(image="")) | ~Q(alt_text=""), name="easyread_row_picture_has_alt"
            ),
        ]

    def __str__(self) -> str:
        return f"Row {self.position} of {self.document}"

    @property
    def has_picture(self) -> bool:
        return bool(self.pictogram or self.image)
