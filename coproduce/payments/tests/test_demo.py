"""The payments demo shows, on first visit, offers waiting to be made and bank details waiting for finance."""

from django.core.management import call_command
from django.urls import reverse

from coproduce.accounts.models import User
from coproduce.involvement.models import Activity
from coproduce.payments.demo import SECOND_WALKABOUT_TITLE
from coproduce.payments.models import PaymentOffer
from coproduce.payments.queries import bank_details_needed


def test_demo_has_an_activity_awaiting_offers_and_bank_details_awaited(db, client_for):
    call_command("seed_demo", stdout=None)
    call_command("seed_demo", stdout=None)
    amina = User.objects.get(email="amina@example.org")
    dev = User.objects.get(email="dev@example.org")
    second = Activity.objects.get(title=SECOND_WALKABOUT_TITLE)

    activity_page = " ".join(
        client_for(amina).get(reverse("payments:activity", kwargs={"pk": second.pk})).content.decode().split()
    )
    claims_page = client_for(amina).get(reverse("payments:claims")).content.decode()
    devs_page = client_for(dev).get(reverse("payments:yours")).content.decode()

    assert second.attendances.count() == 2
    assert not PaymentOffer.objects.filter(attendance__activity=second).exists()
    assert "Offer payment to 2 people who attended" in activity_page
    assert "A workshop is paid £25.00 an hour" in activity_page
    assert [offer.attendance.person.user for offer in bank_details_needed()] == [dev]
    assert "Bank details needed" in claims_page
    assert "We will never ask for your bank details by email or text message." in devs_page
