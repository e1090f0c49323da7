"""Writing to the audit trail."""

from collections.abc import Mapping

from django.db import models

from coproduce.accounts.models import User
from coproduce.audit.actions import ACTIONS
from coproduce.audit.models import AuditEvent

JsonScalar = str | int | float | bool | None


def record_event(
    *,
    actor: User | None,
    action: str,
    target: models.Model | None = None,
    payload: Mapping[str, JsonScalar] | None = None,
) -> AuditEvent:
    """Append one event to the audit trail.

    ``action`` is one of the names declared in ``coproduce/audit/actions.py``, such as
    ``"projects.stage_advanced"``. ``payload`` holds small facts
    about the change (such as the old and new stage) and must never hold special category data such
    as access needs or equality answers: record that they changed, not what they are.
    """
    if action not in ACTIONS:
        raise ValueError(f"Audit action {action!r} is not declared in coproduce/audit/actions.py.")
    for key, value in (payload or {}).items():
        if not isinstance(value, str | int | float | bool | type(None)):
            raise TypeError(f"Audit payload value for {key!r} must be a plain value, not {type(value).__name__}.")
    return AuditEvent.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        payload=dict(payload or {}),
    )
