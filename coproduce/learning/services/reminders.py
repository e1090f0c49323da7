"""Charter reminders, sent by the daily sweep: renewals due, and "please sign the new version"."""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.utils import timezone

from coproduce.communications.messaging import content_from_templates, reached, send_message
from coproduce.dates import add_months
from coproduce.learning import conf
from coproduce.learning.models import CharterVersion, Signature
from coproduce.learning.queries import current_version


def _remind(signature: Signature, *, template: str, subject: str, version: CharterVersion) -> int:
    """Send one charter reminder through the messaging path (worker code only). Returns 1 if it went."""
    content = content_from_templates(
        f"learning/email/{template}",
        {
            "person": signature.person,
            "signature": signature,
            "version": version,
            "charter_url": f"{settings.SITE_URL}/learning/charter/",
        },
        subject=subject,
    )
    return reached(send_message(signature.person, content, topic="charter-reminder"))


@dataclass(frozen=True)
class RemindersSent:
    renewals: int
    resigns: int


def send_due_charter_reminders(now: datetime | None = None) -> RemindersSent:
    """Remind people whose signature is due for renewal, and ask people who signed an older version to
    sign the new one. Each reminder is claimed first (its time set), so that it is never sent twice.
    """
    now = now or timezone.now()
    version = current_version()
    if version is None:
        return RemindersSent(0, 0)
    # Signed on or before this moment: due for renewal now.
    due_before = timezone.make_aware(
        datetime.combine(add_months(timezone.localdate(now), -conf.charter_renewal_months()), datetime.max.time())
    )
    renewals = 0
    due = Signature.objects.active().filter(
        version=version, renewal_reminded_at__isnull=True, signed_at__lte=due_before
    )
    for signature in due.select_related("person", "on_behalf_of"):
        if not Signature.objects.filter(pk=signature.pk, renewal_reminded_at__isnull=True).update(
            renewal_reminded_at=now
        ):
            continue
        renewals += _remind(
            signature, template="renewal", subject="Please renew your co-production charter signature", version=version
        )
    resigns = 0
    # Older signatures, not withdrawn, of people (or organisations) who have not signed the new version.
    older = (
        Signature.objects.active()
        .filter(version__number__lt=version.number, resign_reminded_at__isnull=True)
        .exclude(on_behalf_of__isnull=True, person__charter_signatures__version=version)
        .exclude(on_behalf_of__isnull=False, on_behalf_of__charter_signatures__version=version)
    )
    for signature in older.select_related("person", "on_behalf_of"):
        if not Signature.objects.filter(pk=signature.pk, resign_reminded_at__isnull=True).update(
            resign_reminded_at=now
        ):
            continue
        resigns += _remind(
            signature, template="resign", subject="We have a new co-production charter: please sign it", version=version
        )
    return RemindersSent(renewals=renewals, resigns=resigns)
