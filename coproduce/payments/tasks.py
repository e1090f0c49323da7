"""Background work for payments, run by `manage.py db_worker`: telling the person about their offer and
their claim, in the format they asked for (Easy Read from ``<template>_easy_read.txt``).

Each task loads what it needs by id and checks, when it runs, that it still has something to say: an
offer can be answered, and a claim can move on, before the worker gets to it.
"""

from django.conf import settings
from django.urls import reverse
from django_tasks import task

from coproduce.communications.messaging import content_from_templates, reached, send_message
from coproduce.payments import conf, easy_read
from coproduce.payments.choices import ClaimStatus, OfferStatus, PaymentMethod
from coproduce.payments.models import Claim, PaymentOffer
from coproduce.payments.money import pounds
from coproduce.payments.queries import with_totals
from coproduce.people.models import Person

# What happened to a claim, and the status it must still have for the message to be true.
CLAIM_EVENTS = {
    "sent": ClaimStatus.SUBMITTED,
    "approved": ClaimStatus.APPROVED,
    "rejected": ClaimStatus.REJECTED,
    "paid": ClaimStatus.PAID,
}


def _send(person: Person, template: str, subjects: tuple[str, str], **context: object) -> int:
    """Send ``person`` the message from ``payments/email/<template>.txt`` (and its Easy Read version)."""
    subject, easy_read_subject = subjects
    content = content_from_templates(
        f"payments/email/{template}",
        {"person": person, **context},
        subject=subject,
        easy_read_subject=easy_read_subject,
    )
    return reached(send_message(person, content, topic="payment"))


@task()
def tell_person_about_offer(*, offer_id: int) -> int:
    """Tell the person what we offer to pay them and how to answer. Returns 1 if the message went."""
    offer = (
        PaymentOffer.objects.select_related("attendance__person", "attendance__activity").filter(pk=offer_id).first()
    )
    if offer is None or offer.status != OfferStatus.OFFERED:
        return 0
    activity, person = offer.attendance.activity, offer.attendance.person
    return _send(
        person,
        "offer",
        (f"Payment for your time: {activity.title}", f"We want to pay you for {activity.title}"),
        activity=activity,
        offer=offer,
        amount=pounds(offer.amount),
        easy_read_lines=easy_read.offer_lines(offer) + easy_read.benefits_lines(conf.organisation())[:3],
        url=settings.SITE_URL + reverse("payments:offer", kwargs={"pk": offer.pk}),
    )


@task()
def tell_person_about_claim(*, claim_id: int, event: str) -> int:
    """Confirm a claim was sent ("sent"), or say it was approved, turned down or paid. Returns 1 if the
    message went, 0 if the claim has moved on since (a newer message says where it is)."""
    if event not in CLAIM_EVENTS:
        raise ValueError(f"Unknown claim event {event!r}.")
    claim = (
        with_totals(Claim.objects.filter(pk=claim_id))
        .select_related("attendance__person", "attendance__activity")
        .first()
    )
    if claim is None or claim.status != CLAIM_EVENTS[event]:
        return 0
    activity, person = claim.attendance.activity, claim.attendance.person
    subjects: dict[str, tuple[str, str]] = {
        "sent": (f"Your claim is sent: {activity.title}", f"We have got your claim for {activity.title}"),
        "approved": (f"Your claim is approved: {activity.title}", f"We said yes to your claim for {activity.title}"),
        "rejected": (f"Your claim is not approved: {activity.title}", f"We said no to your claim for {activity.title}"),
        "paid": (f"Your claim is paid: {activity.title}", f"We have paid you for {activity.title}"),
    }
    return _send(
        person,
        "claim",
        subjects[event],
        activity=activity,
        claim=claim,
        event=event,
        total=pounds(claim.total),  # type: ignore[attr-defined]
        to_pay=pounds(claim.to_pay),  # type: ignore[attr-defined]
        method=easy_read.METHODS[PaymentMethod(claim.method)] if claim.method else "",
        organisation=conf.organisation(),
        url=settings.SITE_URL + reverse("payments:claim", kwargs={"pk": claim.attendance_id}),
    )
