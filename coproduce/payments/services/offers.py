"""Payment offers from attendance, at the rate of the card in force, and the person's answer to them.

Every change to money records an audit event, with amounts as strings (never floats).
"""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.involvement.models import Activity, Attendance
from coproduce.payments.choices import PAID_KINDS, ClaimStatus, OfferStatus, PaymentMethod
from coproduce.payments.models import Claim, PaymentOffer, RateCard
from coproduce.payments.money import fee
from coproduce.payments.permissions import can_decide_offer, can_manage_payments
from coproduce.payments.refusals import PaymentRefused


def activity_day(activity: Activity) -> date:
    return timezone.localdate(activity.starts_at)


def is_paid_involvement(attendance: Attendance) -> bool:
    return attendance.person.kind in PAID_KINDS


def offer_for(attendance: Attendance, card: RateCard) -> PaymentOffer | None:
    """The offer the card gives for this involvement (not saved), or None if the card has no rate for it."""
    rate = card.rates.filter(activity_kind=attendance.activity.kind).first()
    if rate is None:
        return None
    return PaymentOffer(
        attendance=attendance,
        rate_card=card,
        basis=rate.basis,
        rate_amount=rate.amount,
        preparation_allowance=rate.preparation_allowance,
        minutes=attendance.minutes,
        amount=fee(
            basis=rate.basis,
            rate=rate.amount,
            minutes=attendance.minutes,
            preparation=rate.preparation_allowance,
        ),
        expenses_covered=card.expenses_covered,
    )


@transaction.atomic
def make_offers(activity: Activity, *, by: User) -> list[PaymentOffer]:
    """Offer payment to everyone who attended (members and carers) and has no offer yet.

    Uses the rate card in force on the activity's day. Running it again makes no second offer.
    Effects: one PaymentOffer and one audit event per new offer.
    """
    if not can_manage_payments(by):
        raise PaymentRefused("Only a coordinator can make payment offers.")
    if not activity.has_started():
        raise PaymentRefused("Make payment offers after the activity has happened.")
    card = RateCard.objects.in_force_on(activity_day(activity))
    if card is None:
        raise PaymentRefused("There is no rate card in force on the day of this activity. Ask an admin to add one.")
    attendances = (
        Attendance.objects.select_for_update(of=("self",))
        .filter(activity=activity, person__kind__in=PAID_KINDS, payment_offer__isnull=True)
        .select_related("activity", "person")
    )
    made = []
    for attendance in attendances:
        offer = offer_for(attendance, card)
        if offer is None:
            raise PaymentRefused(
                f"The rate card {card.name} has no rate for a {activity.get_kind_display().lower()}. "
                "Ask an admin to add a new card."
            )
        offer.created_by = by
        try:
            with transaction.atomic():
                offer.save()
        except IntegrityError:
            # Someone made the same offer at the same moment: theirs stands.
            continue
        record_event(
            actor=by,
            action="payments.offer_made",
            target=offer,
            payload={
                "attendance": attendance.pk,
                "rate_card": card.pk,
                "basis": offer.basis,
                "rate": str(offer.rate_amount),
                "minutes": offer.minutes,
                "amount": str(offer.amount),
            },
        )
        made.append(offer)
    return made


@transaction.atomic
def decide_offer(offer: PaymentOffer, *, method: str, by: User) -> PaymentOffer:
    """Accept the offer with a way of being paid, or decline it (``method`` "decline").

    The choice can change until the claim is sent. Effects: audit event.
    """
    if not can_decide_offer(by, offer):
        raise PaymentRefused("You cannot answer this offer.")
    offer = PaymentOffer.objects.select_for_update(of=("self",)).select_related("attendance").get(pk=offer.pk)
    claim = Claim.objects.filter(attendance_id=offer.attendance_id).first()
    if claim is not None and claim.status != ClaimStatus.DRAFT:
        raise PaymentRefused("The claim has been sent, so this choice cannot change now.", field="method")
    if method == "decline":
        offer.status, offer.method = OfferStatus.DECLINED, ""
    elif method in PaymentMethod.values:
        offer.status, offer.method = OfferStatus.ACCEPTED, method
    else:
        raise PaymentRefused("Choose how you want to be paid, or that you do not want to be paid", field="method")
    offer.decided_at, offer.decided_by = timezone.now(), by
    offer.save(update_fields=["status", "method", "decided_at", "decided_by"])
    record_event(
        actor=by,
        action="payments.offer_accepted" if offer.status == OfferStatus.ACCEPTED else "payments.offer_declined",
        target=offer,
        payload={
            "amount": str(offer.amount),
            "method": offer.method,
            "for_someone_else": offer.attendance.person.user_id != by.pk,
        },
    )
    return offer
