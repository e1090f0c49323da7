"""The append-only audit trail: who did what, to which record, and when."""

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.db.models.functions import Now


class AuditTrailIsAppendOnly(Exception):
    """Raised on any attempt to change or delete an audit event."""


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AuditTrailIsAppendOnly("Audit events cannot be changed.")

    def delete(self) -> NoReturn:
        raise AuditTrailIsAppendOnly("Audit events cannot be deleted.")

    def bulk_create(self, objs: Any, *args: Any, **kwargs: Any) -> Any:
        # bulk_create with update_conflicts would overwrite events that already exist.
        if kwargs.get("update_conflicts") or kwargs.get("ignore_conflicts"):
            raise AuditTrailIsAppendOnly("Audit events cannot be changed.")
        return super().bulk_create(objs, *args, **kwargs)

    def for_target(self, target: models.Model) -> "AuditEventQuerySet":
        return self.filter(target_type=target._meta.label_lower, target_id=str(target.pk))


class AuditEvent(models.Model):
    occurred_at = models.DateTimeField(db_default=Now(), editable=False)
    # PROTECT: people are anonymised rather than deleted, so the trail keeps its actors.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(max_length=100)
    target_type = models.CharField(max_length=100, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    payload = models.JSONField(default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["target_type", "target_id"], name="audit_target_idx"),
            models.Index(fields=["action", "occurred_at"], name="audit_action_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.action} on {self.target_type}:{self.target_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None or not self._state.adding:
            raise AuditTrailIsAppendOnly("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AuditTrailIsAppendOnly("Audit events cannot be deleted.")
