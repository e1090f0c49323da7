"""Payment offers from attendance, at the rate of the card in force, and the person's answer to them.

Every change to money records an audit event, with amounts as strings (never floats).
"""

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.involvement.models import Activity, Attendance
from coproduce.payments.choices import PAID_KINDS, ClaimStatus, OfferStatus, PaymentMethod
from coproduce.payments.models import Claim, PaymentOffer, Rate, RateCard
from coproduce.payments.money import fee
from coproduce.payments.permissions import can_decide_offer, can_manage_payments
from coproduce.payments.refusals import PaymentRefused
from coproduce.payments.tasks import tell_person_about_offer
from coproduce.people.models import PaymentPreference


def activity_day(activity: Activity) -> date:
    return timezone.localdate(activity.starts_at)


def is_paid_involvement(attendance: Attendance) -> bool:
    return attendance.person.kind in PAID_KINDS


def rate_for(activity: Activity, card: RateCard | None) -> Rate | None:
    """The card's rate for the kind of activity (None without a card, or if the card has no rate for it)."""
    return card.rates.filter(activity_kind=activity.kind).first() if card is not None else None


def offer_for(attendance: Attendance, card: RateCard) -> PaymentOffer | None:
    """The offer the card gives for this involvement (not saved), or None if the card has no rate for it."""
    rate = rate_for(attendance.activity, card)
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


@dataclass(frozen=True)
class OfferPlan:
    """What "make payment offers" would do for an activity: the card and rate it uses, who it offers
    payment to, and who it leaves out and why. ``problem`` says why no offer can be made yet ("" if one can).
    """

    card: RateCard | None
    rate: Rate | None
    to_offer: list[Attendance]
    not_wanted: list[Attendance]  # said on their profile that they do not want to be paid
    already_offered: list[Attendance]
    problem: str


def _problem(activity: Activity, card: RateCard | None, rate: Rate | None) -> str:
    if not activity.has_started():
        return "Make payment offers after the activity has happened."
    if card is None:
        return "There is no rate card in force on the day of this activity. Ask an admin to add one."
    if rate is None:
        return (
            f"The rate card {card.name} has no rate for a {activity.get_kind_display().lower()}. "
            "Ask an admin to add a new card."
        )
    return ""


def offer_plan(activity: Activity, attendances: list[Attendance]) -> OfferPlan:
    """The plan for ``attendances`` (everyone who attended ``activity``, with their person and offer)."""
    card = RateCard.objects.in_force_on(activity_day(activity))
    rate = rate_for(activity, card)
    paid = [attendance for attendance in attendances if is_paid_involvement(attendance)]
    offered = [attendance for attendance in paid if hasattr(attendance, "payment_offer")]
    waiting = [attendance for attendance in paid if not hasattr(attendance, "payment_offer")]
    return OfferPlan(
        card=card,
        rate=rate,
        to_offer=[a for a in waiting if a.person.payment_preference != PaymentPreference.DECLINE],
        not_wanted=[a for a in waiting if a.person.payment_preference == PaymentPreference.DECLINE],
        already_offered=offered,
        problem=_problem(activity, card, rate),
    )


def _save_offer(attendance: Attendance, card: RateCard, *, by: User) -> PaymentOffer | None:
    """Save the card's offer for the involvement, audit it and tell the person (in their format, once
    committed); None if someone made it at the same moment."""
    offer = offer_for(attendance, card)
    if offer is None:
        raise PaymentRefused(_problem(attendance.activity, card, None))
    offer.created_by = by
    try:
        with transaction.atomic():
            offer.save()
    except IntegrityError:
        # Someone made the same offer at the same moment: theirs stands.
        return None
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
    offer_id = offer.pk
    transaction.on_commit(lambda: tell_person_about_offer.enqueue(offer_id=offer_id))
    return offer


def _locked(attendances: QuerySet[Attendance]) -> QuerySet[Attendance]:
    return (
        attendances.select_for_update(of=("self",))
        .filter(person__kind__in=PAID_KINDS, payment_offer__isnull=True)
        .select_related("activity", "person")
    )


@transaction.atomic
def make_offers(activity: Activity, *, by: User) -> list[PaymentOffer]:
    """Offer payment to everyone who attended (members and carers) and has no offer yet, except people
    who said on their profile that they do not want to be paid (``offer_plan`` lists who is left out).

    Uses the rate card in force on the activity's day. Running it again makes no second offer.
    Effects: one PaymentOffer, one audit event and one message to the person per new offer.
    """
    if not can_manage_payments(by):
        raise PaymentRefused("Only a coordinator can make payment offers.")
    plan = offer_plan(
        activity, list(Attendance.objects.filter(activity=activity).select_related("person", "payment_offer"))
    )
    if plan.problem or plan.card is None:
        raise PaymentRefused(plan.problem)
    chosen = _locked(Attendance.objects.filter(pk__in=[attendance.pk for attendance in plan.to_offer]))
    made = [_save_offer(attendance, plan.card, by=by) for attendance in chosen]
    return [offer for offer in made if offer is not None]


@transaction.atomic
def make_offer(attendance: Attendance, *, by: User) -> PaymentOffer:
    """Offer payment to one person who attended, even if they said they do not want to be paid (they
    can still say no to the offer). Effects: the PaymentOffer, an audit event, a message to the person.
    """
    if not can_manage_payments(by):
        raise PaymentRefused("Only a coordinator can make payment offers.")
    if not is_paid_involvement(attendance):
        raise PaymentRefused(f"{attendance.person.full_name} is not offered payment: we pay members and carers.")
    activity = attendance.activity
    card = RateCard.objects.in_force_on(activity_day(activity))
    rate = rate_for(activity, card)
    problem = _problem(activity, card, rate)
    if problem or card is None:
        raise PaymentRefused(problem)
    locked = _locked(Attendance.objects.filter(pk=attendance.pk)).first()
    offer = _save_offer(locked, card, by=by) if locked is not None else None
    if offer is None:
        raise PaymentRefused(f"{attendance.person.full_name} already has a payment offer.")
    return offer


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
