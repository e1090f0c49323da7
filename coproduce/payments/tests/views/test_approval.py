"""The coordinator's claim pages: the list, approving or turning down, marking paid once."""

from datetime import timedelta
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from coproduce.audit.models import AuditEvent
from coproduce.involvement.tests.factories import AttendanceFactory
from coproduce.payments.choices import ClaimStatus
from coproduce.payments.models import Claim
from coproduce.payments.services.claims import add_expense, submit_claim
from coproduce.payments.tests.conftest import sent_claim
from coproduce.people.tests.factories import PersonFactory


def test_marking_paid_twice_pays_once(offers, grace, amina, client_for):
    claim = sent_claim(offers, grace)
    client = client_for(amina)
    client.post(reverse("payments:claim_review", kwargs={"pk": claim.pk}), {"decision": "approve"})
    today = timezone.localdate()
    paid = {"paid_on_day": today.day, "paid_on_month": today.month, "paid_on_year": today.year}
    url = reverse("payments:claim_paid", kwargs={"pk": claim.pk})

    first = client.post(url, paid)
    second = client.post(url, paid)

    assert first.status_code == 302
    assert "A claim is only paid once." in second.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PAID
    assert claim.paid_on == today
    assert AuditEvent.objects.filter(action="payments.claim_paid").count() == 1


def test_claim_without_a_receipt_says_so_in_words_not_none(offers, grace, amina, client_for):
    claim = sent_claim(offers, grace)

    response = client_for(amina).get(reverse("payments:claim_review", kwargs={"pk": claim.pk}))

    assertContains(response, '<td class="govuk-table__cell">No receipt</td>', html=True)
    assertNotContains(response, "None")


def test_rejecting_without_a_reason_shows_an_error(offers, grace, amina, client_for):
    claim = sent_claim(offers, grace)

    response = client_for(amina).post(reverse("payments:claim_review", kwargs={"pk": claim.pk}), {"decision": "reject"})

    assert "Say why the claim is not approved" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED


def test_claims_list_flags_claims_waiting_too_long(offers, grace, client_for, amina, settings):
    claim = sent_claim(offers, grace)
    Claim.objects.filter(pk=claim.pk).update(submitted_at=timezone.now() - timedelta(days=29))

    flagged = client_for(amina).get(reverse("payments:claims")).content.decode()
    settings.COPRODUCE_PAYMENT_DAYS = 40
    not_flagged = client_for(amina).get(reverse("payments:claims")).content.decode()

    assert "Over 28 days" in flagged
    assert "Over 40 days" not in not_flagged
    assert "govuk-tag--red" not in not_flagged


def test_claims_list_query_count_does_not_grow(
    offers, grace, amina, walkabout, client_for, django_assert_max_num_queries
):
    sent_claim(offers, grace)
    client = client_for(amina)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("payments:claims"))
    for _ in range(4):
        person = PersonFactory.create(kind="carer")
        attendance = AttendanceFactory.create(activity=walkabout, person=person, recorded_by=amina)
        add_expense(attendance, kind="travel", amount=Decimal("3.00"), by=amina)
        submit_claim(attendance, by=amina)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("payments:claims")).content.decode()
    assert page.count("Waiting for approval") == 5
