"""A spreadsheet of people being brought in: kept between the upload, the column mapping and the import."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Now


class PeopleImport(models.Model):
    class Status(models.TextChoices):
        UPLOADED = "uploaded", "Uploaded"
        IMPORTED = "imported", "Imported"

    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(db_default=Now())
    filename = models.CharField(max_length=255)
    # The rows as read from the file (a list of lists of strings), so later steps need not re-read it.
    rows = models.JSONField(default=list)
    headers = models.JSONField(default=list)
    mapping = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.UPLOADED)
    imported_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return f"Import of {self.filename}"
