"""The champions list (public) and the coverage page."""

from pytest_django.asserts import assertContains, assertNotContains

from coproduce.accounts.models import User
from coproduce.learning.services.charter import sign_charter
from coproduce.people.models import CreditPreference


def test_champions_page_is_public_and_honours_credit_choices(client, tom: User, dev: User, grace: User) -> None:
    tom.person.credit_preference = CreditPreference.FULL_NAME
    tom.person.save()
    grace.person.credit_preference = CreditPreference.INITIALS
    grace.person.save()
    for user in (tom, dev, grace):
        sign_charter(by=user)

    response = client.get("/learning/champions/")

    assertContains(response, "<li>Tom Hughes</li>", html=True)
    assertContains(response, "<li>G. O.</li>", html=True)
    assertNotContains(response, "Devendra")
    assertContains(response, "And 1 person who chose not to be named.")


def test_coverage_page_shows_counts_by_group_without_names(
    client_for, everyone: dict[str, User], django_assert_max_num_queries
) -> None:
    sign_charter(by=everyone["tom"])
    client = client_for(everyone["amina"])
    client.get("/learning/coverage/")

    with django_assert_max_num_queries(10):
        response = client.get("/learning/coverage/")

    assertContains(
        response,
        '<caption id="learning-coverage-caption" '
        'class="govuk-table__caption govuk-table__caption--m">Coverage by group</caption>',
        html=True,
    )
    assertContains(response, '<th scope="row" class="govuk-table__header">Allies</th>', html=True)
    assertNotContains(response, "Tom Hughes")
    assert client_for(everyone["tom"]).get("/learning/coverage/").status_code == 403
