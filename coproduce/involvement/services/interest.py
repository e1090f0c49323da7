"""Telling us you are interested: people without an account ask for a place, for a coordinator to confirm."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from coproduce.audit.services import record_event
from coproduce.involvement import conf
from coproduce.involvement.choices import RegistrationStatus
from coproduce.involvement.models import Activity, InterestRequest, Registration
from coproduce.people.models import ContactRoute, Person, PersonKind
from coproduce.refusals import Refused

INTEREST_WINDOW = timedelta(hours=1)


class InterestRefused(Refused):
    """An "I am interested" form from someone without an account that cannot be taken."""


@transaction.atomic
def register_interest(
    activity: Activity, *, full_name: str, email: str, phone: str, ip_address: str | None
) -> Registration:
    """Record that someone without an account is interested, for a coordinator to confirm.

    Effects: records the request (for rate limiting) and deletes requests older than an hour;
    creates a Person awaiting confirmation (never a user: nobody gets an account they did not
    ask for) and a Registration with the status "interested"; records an audit event. Raises
    InterestRefused if registration is closed or too many forms came from ``ip_address`` in the
    last hour.
    """
    if not activity.is_open or activity.has_started():
        raise InterestRefused("Registration for this activity is closed.")
    since = timezone.now() - INTEREST_WINDOW
    if (
        ip_address is not None
        and InterestRequest.objects.filter(ip_address=ip_address, requested_at__gte=since).count()
        >= conf.interest_limit_per_ip()
    ):
        raise InterestRefused(
            "We have had a lot of forms from your internet connection in the last hour. Please try again later."
        )
    InterestRequest.objects.create(ip_address=ip_address)
    # Older requests count for nothing, and IP addresses are personal data, so they go.
    InterestRequest.objects.filter(requested_at__lt=since).delete()
    person = Person.objects.create(
        full_name=full_name,
        kind=PersonKind.MEMBER,
        email=email,
        phone=phone,
        contact_route=ContactRoute.EMAIL if email else ContactRoute.PHONE,
        awaiting_confirmation=True,
    )
    registration = Registration.objects.create(activity=activity, person=person, status=RegistrationStatus.INTERESTED)
    record_event(
        actor=None, action="involvement.interest_registered", target=registration, payload={"activity": activity.pk}
    )
    return registration
