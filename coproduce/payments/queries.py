"""Reads for the payments pages, each a bounded number of queries whatever the number of rows."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db.models import Count, DateField, DecimalField, ExpressionWrapper, F, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from coproduce.involvement.models import Activity, Attendance
from coproduce.payments.choices import ClaimStatus, OfferStatus, PaymentMethod
from coproduce.payments.conf import payment_days
from coproduce.payments.models import Claim, PaymentOffer, RateCard
from coproduce.payments.money import tax_year_bounds, to_pence
from coproduce.people.models import Person
from coproduce.projects.models import Project

MONEY_FIELD = DecimalField(max_digits=12, decimal_places=2)
NOTHING = Value(Decimal("0.00"), output_field=MONEY_FIELD)


def with_totals(claims: QuerySet[Claim]) -> QuerySet[Claim]:
    """Claims with their expenses added up in the database: ``expenses_total``, ``total`` and
    ``to_pay`` (what goes to the person: the fee and the expenses not already paid or booked by us)."""
    return claims.annotate(
        expenses_total=Coalesce(Sum("items__amount"), NOTHING, output_field=MONEY_FIELD),
        repaid_expenses=Coalesce(
            Sum("items__amount", filter=Q(items__is_paid_in_advance=False, items__is_booked_by_us=False)),
            NOTHING,
            output_field=MONEY_FIELD,
        ),
        item_count=Count("items"),
    ).annotate(
        total=ExpressionWrapper(F("fee") + F("expenses_total"), output_field=MONEY_FIELD),
        to_pay=ExpressionWrapper(F("fee") + F("repaid_expenses"), output_field=MONEY_FIELD),
    )


def rate_cards() -> QuerySet[RateCard]:
    return (
        RateCard.objects.prefetch_related("rates")
        .select_related("created_by__person")
        .annotate(offer_count=Count("offers"))
    )


def activity_payments(activity: Activity) -> list[Attendance]:
    """Everyone who attended, with their offer and claim (if any), in name order."""
    return list(
        Attendance.objects.filter(activity=activity)
        .select_related("person", "payment_offer", "claim")
        .order_by("person__full_name", "id")
    )


def offers_of(person: Person) -> list[PaymentOffer]:
    return list(
        PaymentOffer.objects.filter(attendance__person=person)
        .select_related("attendance__activity__project", "attendance__claim")
        .order_by("-attendance__activity__starts_at", "-id")
    )


def claims_of(person: Person) -> list[Claim]:
    return list(
        with_totals(Claim.objects.filter(attendance__person=person))
        .select_related("attendance__activity")
        .order_by("-attendance__activity__starts_at", "-id")
    )


def expense_only_involvements(person: Person) -> list[Attendance]:
    """Involvements of the person with neither an offer nor a claim yet, where they may claim expenses."""
    return list(
        Attendance.objects.filter(person=person, payment_offer__isnull=True, claim__isnull=True)
        .filter(activity__starts_at__lte=timezone.now())
        .select_related("activity")
        .order_by("-activity__starts_at", "-id")
    )


def bank_details_needed(limit: int = 100) -> list[PaymentOffer]:
    """Offers accepted by bank transfer, not yet paid, of people whose bank details finance has not
    recorded as received: one row a person (their first such offer), oldest choice first."""
    offers = (
        PaymentOffer.objects.filter(
            status=OfferStatus.ACCEPTED,
            method=PaymentMethod.BANK_TRANSFER,
            attendance__person__bank_details_record__isnull=True,
        )
        .exclude(attendance__claim__status=ClaimStatus.PAID)
        .select_related("attendance__person", "attendance__activity")
        .order_by("decided_at", "id")[:limit]
    )
    first: dict[int, PaymentOffer] = {}
    for offer in offers:
        first.setdefault(offer.attendance.person_id, offer)
    return list(first.values())


def claim_with_items(pk: int) -> Claim | None:
    return (
        with_totals(Claim.objects.filter(pk=pk))
        .select_related("attendance__person", "attendance__activity__project", "attendance__payment_offer")
        .prefetch_related("items")
        .first()
    )


def claims_to_handle() -> QuerySet[Claim]:
    """Every claim that has been sent, oldest first, with totals (for the coordinator's list)."""
    return (
        with_totals(Claim.objects.exclude(status=ClaimStatus.DRAFT))
        .select_related("attendance__person", "attendance__activity")
        .order_by("submitted_at", "id")
    )


def is_overdue(claim: Claim, *, days: int, today: date | None = None) -> bool:
    """A claim not yet paid more than ``days`` after it was sent, or paid later than that."""
    if claim.submitted_at is None or claim.status == ClaimStatus.REJECTED:
        return False
    sent = timezone.localdate(claim.submitted_at)
    end = claim.paid_on if claim.paid_on is not None else (today or timezone.localdate())
    return (end - sent) > timedelta(days=days)


@dataclass(frozen=True)
class Timeliness:
    """How quickly claims sent in a period were paid (raw counts: not safe to publish as they are)."""

    in_time: int  # paid within the payment days
    judged: int  # paid, or not paid and their payment days are over
    waiting: int  # not paid and their payment days are over
    days: int


def timeliness(
    since: datetime, until: datetime, project: Project | None = None, *, now: datetime | None = None
) -> Timeliness:
    """Claims sent from ``since`` up to ``until`` (not rejected): how many were paid within the payment
    days of the day they were sent, of those paid or whose days are over by ``now``, and how many are
    still waiting after their days are over. The one definition of "paid in time" that the dashboard,
    reports and reviews share. Counted in the database, in one query.
    """
    days = payment_days()
    time_up = Q(submitted_at__lt=(now or timezone.now()) - timedelta(days=days))
    paid = Q(paid_on__isnull=False)
    claims = Claim.objects.filter(submitted_at__gte=since, submitted_at__lt=until).exclude(
        status__in=[ClaimStatus.DRAFT, ClaimStatus.REJECTED]
    )
    if project is not None:
        claims = claims.filter(attendance__activity__project=project)
    deadline = ExpressionWrapper(TruncDate("submitted_at") + timedelta(days=days), output_field=DateField())
    counts = claims.annotate(deadline=deadline).aggregate(
        in_time=Count("pk", filter=paid & Q(paid_on__lte=F("deadline"))),
        judged=Count("pk", filter=paid | time_up),
        waiting=Count("pk", filter=~paid & time_up),
    )
    return Timeliness(counts["in_time"], counts["judged"], counts["waiting"], days)


@dataclass(frozen=True)
class Statement:
    person: Person
    tax_year: int
    starts_on: date
    ends_on: date
    claims: list[Claim]
    fees: Decimal
    expenses: Decimal

    @property
    def label(self) -> str:
        return f"{self.starts_on.year} to {self.ends_on.year}"


def statement(person: Person, tax_year: int) -> Statement:
    """What was paid to ``person`` in the tax year starting 6 April ``tax_year``: one row a claim."""
    starts_on, ends_on = tax_year_bounds(tax_year)
    claims = list(
        with_totals(
            Claim.objects.filter(
                attendance__person=person, status=ClaimStatus.PAID, paid_on__range=(starts_on, ends_on)
            )
        )
        .select_related("attendance__activity")
        .order_by("paid_on", "id")
    )
    return Statement(
        person=person,
        tax_year=tax_year,
        starts_on=starts_on,
        ends_on=ends_on,
        claims=claims,
        fees=to_pence(sum((claim.fee for claim in claims), Decimal("0.00"))),
        expenses=to_pence(sum((claim.expenses_total for claim in claims), Decimal("0.00"))),  # type: ignore[attr-defined]
    )


def paid_tax_years(person: Person) -> list[int]:
    """The tax years in which the person was paid something, newest first."""
    days = (
        Claim.objects.filter(attendance__person=person, status=ClaimStatus.PAID)
        .values_list("paid_on", flat=True)
        .distinct()
    )
    years = {day.year if (day.month, day.day) >= (4, 6) else day.year - 1 for day in days if day is not None}
    return sorted(years, reverse=True)


def finance_claims(starts_on: date, ends_on: date) -> QuerySet[Claim]:
    """Approved and paid claims approved between the two days (inclusive), for the finance export."""
    return (
        with_totals(
            Claim.objects.filter(
                status__in=[ClaimStatus.APPROVED, ClaimStatus.PAID],
                decided_at__date__range=(starts_on, ends_on),
            )
        )
        .select_related("attendance__person__bank_details_record", "attendance__activity__project")
        .order_by("decided_at", "id")
    )
