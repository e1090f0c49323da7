"""The coordinator's payments page for an activity: the rule for offers, one button that offers payment to
everyone waiting, one person at a time, and who is left out; checked for each role."""

from django.urls import reverse

from coproduce.payments.models import PaymentOffer
from coproduce.payments.tests.conftest import events
from coproduce.people.models import PaymentPreference


def test_activity_payments_page_is_no_dead_end_for_people_without_offers(
    dev_attended, grace_attended, amina, client_for
):
    response = client_for(amina).get(reverse("payments:activity", kwargs={"pk": dev_attended.activity_id}))

    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("No offer yet") == 2
    assert "at the rate on the rate card in force on" in page
    assert "A workshop is paid £25.00 an hour, for the minutes each person attended." in page
    assert "Offer payment to 2 people who attended" in page
    assert reverse("payments:offer_one", kwargs={"pk": dev_attended.pk}) in page
    assert 'Offer payment<span class="govuk-visually-hidden"> to Devendra Patel</span>' in page


def test_offer_payment_to_everyone_waiting_in_one_step_leaves_out_who_said_no(
    dev_attended, grace_attended, amina, client_for
):
    grace_attended.person.payment_preference = PaymentPreference.DECLINE
    grace_attended.person.save(update_fields=["payment_preference"])
    client = client_for(amina)
    url = reverse("payments:activity", kwargs={"pk": dev_attended.activity_id})
    before = " ".join(client.get(url).content.decode().split())

    response = client.post(url, follow=True)

    page = response.content.decode()
    assert "Offer payment to 1 person who attended" in before
    assert "Grace Okafor said they do not want to be paid." in before
    assert "1 payment offer is made." in page
    assert [offer.attendance for offer in PaymentOffer.objects.all()] == [dev_attended]
    assert "£50.00" in page
    assert "No offer: said they do not want to be paid" in page
    assert 'Offer payment anyway<span class="govuk-visually-hidden"> to Grace Okafor</span>' in page
    assert "1 person already has an offer and keeps it." in page
    assert len(events("payments.offer_made")) == 1


def test_offer_payment_to_one_person(dev_attended, grace_attended, amina, client_for):
    response = client_for(amina).post(reverse("payments:offer_one", kwargs={"pk": grace_attended.pk}), follow=True)

    assert "Grace Okafor is offered £50.00." in response.content.decode()
    assert [offer.attendance for offer in PaymentOffer.objects.all()] == [grace_attended]
    assert events("payments.offer_made")[0].payload["attendance"] == grace_attended.pk


def test_offer_payment_to_one_person_again_says_so(offers, amina, client_for):
    response = client_for(amina).post(
        reverse("payments:offer_one", kwargs={"pk": offers["dev"].attendance_id}), follow=True
    )

    assert "Devendra Patel already has a payment offer." in response.content.decode()
    assert PaymentOffer.objects.count() == 2


def test_activity_without_a_rate_says_why_instead_of_a_button(dev_attended, amina, client_for):
    activity = dev_attended.activity
    activity.kind = "meeting"
    activity.save(update_fields=["kind"])

    page = client_for(amina).get(reverse("payments:activity", kwargs={"pk": activity.pk})).content.decode()

    assert "The rate card Rates has no rate for a meeting. Ask an admin to add a new card." in page
    assert "Offer payment to" not in page
    assert reverse("payments:rate_cards") in page


def test_members_cannot_see_or_make_offers(dev_attended, dev, client_for):
    client = client_for(dev)

    assert client.get(reverse("payments:activity", kwargs={"pk": dev_attended.activity_id})).status_code == 403
    assert client.post(reverse("payments:activity", kwargs={"pk": dev_attended.activity_id})).status_code == 403
    assert client.post(reverse("payments:offer_one", kwargs={"pk": dev_attended.pk})).status_code == 403
    assert PaymentOffer.objects.count() == 0


def test_anonymous_people_are_sent_to_sign_in(dev_attended, client):
    page = client.get(reverse("payments:activity", kwargs={"pk": dev_attended.activity_id}))
    one = client.post(reverse("payments:offer_one", kwargs={"pk": dev_attended.pk}))

    assert page.status_code == one.status_code == 302
    assert "/sign-in/" in page["Location"]
    assert PaymentOffer.objects.count() == 0


def test_offer_one_is_post_only(dev_attended, amina, client_for):
    response = client_for(amina).get(reverse("payments:offer_one", kwargs={"pk": dev_attended.pk}))

    assert response.status_code == 405
