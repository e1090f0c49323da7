"""Offers from attendance at the card in force, and the person's choice: the rules and their audit trail."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from coproduce.involvement.tests.factories import ActivityFactory, AttendanceFactory
from coproduce.payments.choices import OfferStatus, RateBasis
from coproduce.payments.models import PaymentOffer, Rate
from coproduce.payments.queries import activity_payments
from coproduce.payments.refusals import PaymentRefused
from coproduce.payments.services.offers import decide_offer, make_offer, make_offers, offer_plan
from coproduce.payments.tests.conftest import events, make_card
from coproduce.people.models import PaymentPreference
from coproduce.people.tests.factories import PersonFactory


def test_offers_are_made_for_members_and_carers_from_the_card_in_force(offers, walkabout, amina):
    AttendanceFactory.create(activity=walkabout, person=amina.person, minutes=120, recorded_by=amina)

    make_offers(walkabout, by=amina)

    assert offers["dev"].amount == Decimal("50.00")
    assert offers["dev"].rate_amount == Decimal("25.00")
    assert offers["dev"].basis == RateBasis.HOURLY
    assert offers["grace"].amount == Decimal("50.00")
    # Amina is staff: no offer.
    assert PaymentOffer.objects.count() == 2
    assert len(events("payments.offer_made")) == 2
    assert events("payments.offer_made")[0].payload["amount"] == "50.00"


def test_making_offers_again_makes_no_second_offer(offers, walkabout, amina):
    again = make_offers(walkabout, by=amina)

    assert again == []
    assert PaymentOffer.objects.count() == 2


def test_database_allows_one_offer_per_involvement(offers, amina):
    duplicate = PaymentOffer(
        attendance=offers["dev"].attendance,
        rate_card=offers["dev"].rate_card,
        basis="hourly",
        rate_amount=Decimal("25.00"),
        minutes=120,
        amount=Decimal("50.00"),
        expenses_covered="Travel",
        created_by=amina,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_rate_card_change_does_not_alter_offers_already_made(offers, walkabout, morgan, amina):
    # A new card that would be in force on the activity's day, and even an edit to the old card's rate.
    make_card(morgan, starts=timezone.localdate(walkabout.starts_at) - timedelta(days=1), hourly="40.00")
    Rate.objects.filter(card=offers["dev"].rate_card).update(amount=Decimal("99.00"))

    make_offers(walkabout, by=amina)

    offers["dev"].refresh_from_db()
    assert offers["dev"].amount == Decimal("50.00")
    assert offers["dev"].rate_amount == Decimal("25.00")


def test_new_people_get_the_new_card(offers, walkabout, morgan, amina):
    make_card(morgan, starts=timezone.localdate(walkabout.starts_at), hourly="30.00")
    tom_like = PersonFactory.create(kind="member")
    AttendanceFactory.create(activity=walkabout, person=tom_like, minutes=90, recorded_by=amina)

    make_offers(walkabout, by=amina)

    assert PaymentOffer.objects.get(attendance__person=tom_like).amount == Decimal("45.00")


def test_offers_wait_until_the_activity_has_happened(amina, bus_stops, rate_card, dev):
    future = ActivityFactory.create(project=bus_stops, created_by=amina)
    AttendanceFactory.create(activity=future, person=dev.person, recorded_by=amina)

    with pytest.raises(PaymentRefused, match="after the activity"):
        make_offers(future, by=amina)
    assert PaymentOffer.objects.count() == 0


def test_offers_need_a_rate_card(amina, bus_stops, dev):
    starts = timezone.now() - timedelta(days=3)
    past = ActivityFactory.create(project=bus_stops, starts_at=starts, ends_at=starts + timedelta(hours=1))
    AttendanceFactory.create(activity=past, person=dev.person, recorded_by=amina)

    with pytest.raises(PaymentRefused, match="no rate card"):
        make_offers(past, by=amina)


def test_only_coordinators_make_offers(dev_attended, dev):
    with pytest.raises(PaymentRefused):
        make_offers(dev_attended.activity, by=dev)
    assert PaymentOffer.objects.count() == 0


def test_person_accepts_with_a_method_and_it_is_audited(offers, dev):
    offer = decide_offer(offers["dev"], method="voucher", by=dev)

    assert offer.status == OfferStatus.ACCEPTED
    assert offer.method == "voucher"
    event = events("payments.offer_accepted")[0]
    assert event.payload == {"amount": "50.00", "method": "voucher", "for_someone_else": False}


def test_coordinator_records_a_choice_by_phone(offers, amina):
    offer = decide_offer(offers["grace"], method="decline", by=amina)

    assert offer.status == OfferStatus.DECLINED
    assert offer.decided_by == amina
    assert events("payments.offer_declined")[0].payload["for_someone_else"] is True


def test_someone_else_cannot_answer_an_offer(offers, grace):
    with pytest.raises(PaymentRefused):
        decide_offer(offers["dev"], method="cash", by=grace)
    offers["dev"].refresh_from_db()
    assert offers["dev"].status == OfferStatus.OFFERED


def test_database_refuses_acceptance_without_a_method(offers):
    with pytest.raises(IntegrityError), transaction.atomic():
        PaymentOffer.objects.filter(pk=offers["dev"].pk).update(status="accepted", decided_at=timezone.now())


def said_no_to_payment(person) -> None:
    person.payment_preference = PaymentPreference.DECLINE
    person.save(update_fields=["payment_preference"])


def test_make_offers_skips_people_who_said_they_do_not_want_to_be_paid(dev_attended, grace_attended, amina):
    said_no_to_payment(grace_attended.person)

    made = make_offers(dev_attended.activity, by=amina)

    assert [offer.attendance for offer in made] == [dev_attended]
    assert not PaymentOffer.objects.filter(attendance=grace_attended).exists()
    assert len(events("payments.offer_made")) == 1


def test_offer_plan_says_who_is_offered_at_what_rate_and_who_is_left_out(
    dev_attended, grace_attended, offers, walkabout, amina, rate_card
):
    newcomer = AttendanceFactory.create(
        activity=walkabout, person=PersonFactory.create(kind="carer"), minutes=60, recorded_by=amina
    )
    decliner = AttendanceFactory.create(
        activity=walkabout, person=PersonFactory.create(kind="member"), minutes=60, recorded_by=amina
    )
    said_no_to_payment(decliner.person)
    AttendanceFactory.create(activity=walkabout, person=amina.person, minutes=120, recorded_by=amina)

    plan = offer_plan(walkabout, activity_payments(walkabout))

    assert plan.problem == ""
    assert plan.rate is not None
    assert (plan.card, plan.rate.amount, plan.rate.basis) == (rate_card, Decimal("25.00"), RateBasis.HOURLY)
    assert plan.to_offer == [newcomer]
    assert plan.not_wanted == [decliner]
    assert sorted(a.pk for a in plan.already_offered) == [dev_attended.pk, grace_attended.pk]


def test_offer_plan_says_why_no_offer_can_be_made_without_a_rate(amina, bus_stops, rate_card, dev):
    starts = timezone.now() - timedelta(days=3)
    meeting = ActivityFactory.create(
        project=bus_stops, kind="meeting", starts_at=starts, ends_at=starts + timedelta(hours=1)
    )
    AttendanceFactory.create(activity=meeting, person=dev.person, recorded_by=amina)

    plan = offer_plan(meeting, activity_payments(meeting))

    assert plan.problem == "The rate card Rates has no rate for a meeting. Ask an admin to add a new card."


def test_make_offer_offers_one_person_even_if_they_said_no_and_audits_it(dev_attended, grace_attended, amina):
    said_no_to_payment(grace_attended.person)

    offer = make_offer(grace_attended, by=amina)

    assert (offer.amount, offer.status, offer.created_by) == (Decimal("50.00"), OfferStatus.OFFERED, amina)
    assert not PaymentOffer.objects.filter(attendance=dev_attended).exists()
    assert [event.payload["attendance"] for event in events("payments.offer_made")] == [grace_attended.pk]


def test_make_offer_refuses_a_second_offer_staff_and_non_coordinators(offers, walkabout, amina, dev):
    staff = AttendanceFactory.create(activity=walkabout, person=amina.person, minutes=60, recorded_by=amina)

    with pytest.raises(PaymentRefused, match="already has a payment offer"):
        make_offer(offers["dev"].attendance, by=amina)
    with pytest.raises(PaymentRefused, match="we pay members and carers"):
        make_offer(staff, by=amina)
    with pytest.raises(PaymentRefused, match="Only a coordinator"):
        make_offer(offers["grace"].attendance, by=dev)
    assert PaymentOffer.objects.count() == 2
