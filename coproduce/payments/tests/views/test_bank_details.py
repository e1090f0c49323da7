"""Bank transfer: the person is told what happens next and finance sees who needs their bank details and
marks them received (a day, never the details). Also: a member's own payments page speaks to them."""

import csv
import html
import io
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from coproduce.communications.models import ContactPreferences
from coproduce.payments.models import BankDetailsRecord
from coproduce.payments.services.bank_details import record_bank_details_received
from coproduce.payments.services.claims import approve_claim, submit_claim
from coproduce.payments.services.offers import decide_offer
from coproduce.payments.tests.conftest import events

NEVER = "We will never ask for your bank details by email or text message."


def squeezed(response) -> str:
    return " ".join(html.unescape(response.content.decode()).split())


def test_choosing_bank_transfer_tells_the_member_what_happens_next(offers, dev, client_for):
    dev.person.contact_route = "phone"
    dev.person.phone = "07700 900123"
    dev.person.save(update_fields=["contact_route", "phone"])
    client = client_for(dev)

    chosen = client.post(
        reverse("payments:offer", kwargs={"pk": offers["dev"].pk}), {"method": "bank_transfer"}, follow=True
    )
    yours = client.get(reverse("payments:yours"))

    next_step = f"Our finance team will phone you to take your bank details. {NEVER}"
    assert f"Your choice is saved: bank transfer. {next_step}" in squeezed(chosen)
    assert "Your bank details" in squeezed(yours)
    assert next_step in squeezed(yours)


def test_bank_details_by_email_are_only_ever_a_call_arranged_by_email(offers, dev, client_for):
    decide_offer(offers["dev"], method="bank_transfer", by=dev)

    page = squeezed(client_for(dev).get(reverse("payments:yours")))

    assert f"Our finance team will email you to arrange a phone call to take your bank details. {NEVER}" in page


def test_bank_details_next_step_respects_a_refused_route(offers, dev, client_for):
    dev.person.contact_route = "text"
    dev.person.save(update_fields=["contact_route"])
    ContactPreferences.objects.create(person=dev.person, no_text=True)
    decide_offer(offers["dev"], method="bank_transfer", by=dev)

    page = squeezed(client_for(dev).get(reverse("payments:yours")))

    assert "Our finance team will email you to arrange a phone call" in page
    assert "text message to arrange" not in page


def test_your_payments_says_when_finance_has_the_bank_details(offers, dev, amina, client_for):
    decide_offer(offers["dev"], method="bank_transfer", by=dev)
    record_bank_details_received(dev.person, received_on=timezone.localdate(), by=amina)

    page = squeezed(client_for(dev).get(reverse("payments:yours")))

    assert "Our finance team has your bank details. You do not need to send them again." in page
    assert NEVER not in page


def test_your_payments_speaks_to_the_member_not_about_them(offers, dev, client_for):
    page = squeezed(client_for(dev).get(reverse("payments:yours")))

    assert "Waiting for their choice" not in page
    assert "Waiting for you to choose" in page
    assert "Choose how you want to be paid" in page


def test_claims_list_shows_bank_details_needed_and_finance_marks_them_received(offers, dev, amina, client_for):
    decide_offer(offers["dev"], method="bank_transfer", by=dev)
    client = client_for(amina)
    day = timezone.localdate() - timedelta(days=2)

    listed = squeezed(client.get(reverse("payments:claims")))
    form = squeezed(client.get(reverse("payments:bank_details", kwargs={"pk": dev.person.pk})))
    marked = client.post(
        reverse("payments:bank_details", kwargs={"pk": dev.person.pk}),
        {"received_on_day": day.day, "received_on_month": day.month, "received_on_year": day.year},
        follow=True,
    )

    assert "Bank details needed" in listed
    assert reverse("payments:bank_details", kwargs={"pk": dev.person.pk}) in listed
    assert "Devendra Patel" in listed
    assert 'How we may contact them</dt> <dd class="govuk-summary-list__value"> Email </dd>' in form
    assert "Do not write them in Coproduce." in form
    after = squeezed(marked)
    assert "Bank details for Devendra Patel are marked as received." in after
    assert "Nobody is waiting for us to take their bank details." in after
    assert BankDetailsRecord.objects.get(person=dev.person).received_on == day
    assert events("payments.bank_details_received")[0].actor == amina


def test_bank_details_page_refuses_a_future_day_and_shows_a_day_already_recorded(dev, amina, client_for):
    client = client_for(amina)
    url = reverse("payments:bank_details", kwargs={"pk": dev.person.pk})
    tomorrow = timezone.localdate() + timedelta(days=1)

    refused = squeezed(
        client.post(
            url,
            {"received_on_day": tomorrow.day, "received_on_month": tomorrow.month, "received_on_year": tomorrow.year},
        )
    )
    record_bank_details_received(dev.person, received_on=timezone.localdate(), by=amina)
    recorded = squeezed(client.get(url))

    assert "The day cannot be in the future." in refused
    assert "We got their bank details on" in recorded
    assert "Mark bank details received" not in recorded


def test_finance_export_says_whose_bank_details_are_needed(offers, dev, amina, client_for):
    decide_offer(offers["dev"], method="bank_transfer", by=dev)
    approve_claim(submit_claim(offers["dev"].attendance, by=dev), by=amina)
    today = timezone.localdate()
    dates = {
        f"{name}_{part}": getattr(today, part) for name in ("starts_on", "ends_on") for part in ("day", "month", "year")
    }

    response = client_for(amina).post(reverse("payments:export"), {**dates, "file_format": "csv"})

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    column = rows[0].index("Bank details")
    assert [(row[1], row[column]) for row in rows[1:]] == [("Devendra Patel", "Needed")]


def test_members_and_anonymous_people_cannot_reach_bank_details(dev, grace, client_for, client):
    url = reverse("payments:bank_details", kwargs={"pk": dev.person.pk})
    today = timezone.localdate()
    data = {"received_on_day": today.day, "received_on_month": today.month, "received_on_year": today.year}

    assert client_for(dev).get(url).status_code == 403
    assert client_for(grace).post(url, data).status_code == 403
    assert client.get(url).status_code == 302
    assert client.post(url, data).status_code == 302
    assert BankDetailsRecord.objects.count() == 0


def test_coordinator_recording_bank_transfer_is_told_finance_will_see_it(offers, dev, amina, client_for):
    response = client_for(amina).post(
        reverse("payments:offer", kwargs={"pk": offers["dev"].pk}), {"method": "bank_transfer"}, follow=True
    )

    page = squeezed(response)
    assert (
        "Devendra Patel's choice is saved: bank transfer. The claims list shows that we need their bank details."
        in page
    )
    assert NEVER not in page
