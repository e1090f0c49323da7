"""The inductions page."""

from pytest_django.asserts import assertContains

from coproduce.accounts.models import User
from coproduce.learning.models import Induction


def test_inductions_page_lists_members_without_one_and_records_one(
    client_for, amina: User, dev: User, grace: User
) -> None:
    client = client_for(amina)
    page = client.get("/learning/inductions/")
    assertContains(page, "Devendra Patel")

    response = client.post(
        "/learning/inductions/",
        {
            "person": dev.person.pk,
            "inducted_on_day": "2",
            "inducted_on_month": "11",
            "inducted_on_year": "2026",
            "notes": "Likes pictures.",
        },
    )

    assert response.status_code == 302
    assert Induction.objects.get().person == dev.person
    assertContains(client.post("/learning/inductions/", {}), "Choose the member")
