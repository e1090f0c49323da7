"""The people pages: the list, a person's page and adding someone."""

from collections.abc import Callable

import factory
import pytest
from django.test import Client
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coproduce.accounts.models import Role, User
from coproduce.audit.models import AuditEvent
from coproduce.people.models import Person, PersonKind
from coproduce.people.tests.factories import PersonFactory, PersonWithSignInFactory
from coproduce.projects.models import Project

ClientFor = Callable[[User], Client]

# The most queries the people list may make, however many people there are.
# Session, user, the count, the page of people, and the organisation filter's choices.
PEOPLE_LIST_MAX_QUERIES = 6

NOT_COORDINATORS = ["dev", "grace", "tom", "priya", "sam"]


def add_person_data(**fields: str) -> dict[str, str]:
    data = {
        "full_name": "Ruth Evans",
        "preferred_name": "Ruth",
        "kind": "carer",
        "email": "ruth@example.org",
        "phone": "01632 960001",
        "organisation": "",
        "sign_in_role": "",
    }
    data.update(fields)
    return data


# --- The list ----------------------------------------------------------------


def test_person_list_shows_a_coordinator_everyone_with_a_count(amina: User, client_for: ClientFor) -> None:
    PersonFactory.create(full_name="Ruth Evans", kind=PersonKind.CARER)
    PersonFactory.create(full_name="Kwame Mensah", kind=PersonKind.MEMBER)

    response = client_for(amina).get("/people/")

    assertContains(response, ">Ruth Evans</a>")
    assertContains(response, ">Kwame Mensah</a>")
    assertContains(response, ">Amina Haddad</a>")
    assertContains(
        response,
        '<caption id="people-person-list-caption" '
        'class="govuk-table__caption govuk-table__caption--m">3 people</caption>',
    )


def test_person_list_says_whether_each_person_can_sign_in(amina: User, client_for: ClientFor) -> None:
    PersonFactory.create(full_name="Ruth Evans")

    response = client_for(amina).get("/people/?q=Ruth")

    assertContains(response, '<td class="govuk-table__cell">No</td>', count=1)
    assertNotContains(response, '<td class="govuk-table__cell">Yes</td>')


def test_person_list_search_by_name_shows_only_matching_people(amina: User, client_for: ClientFor) -> None:
    PersonFactory.create(full_name="Ruth Evans")
    PersonFactory.create(full_name="Kwame Mensah")

    response = client_for(amina).get("/people/?q=ruth")

    assertContains(response, ">Ruth Evans</a>")
    assertNotContains(response, "Kwame Mensah")
    assertContains(
        response,
        '<caption id="people-person-list-caption" '
        'class="govuk-table__caption govuk-table__caption--m">1 person</caption>',
    )
    assertContains(response, '<input type="search" name="q" value="ruth"')


def test_person_list_search_by_preferred_name_finds_the_person(amina: User, client_for: ClientFor) -> None:
    PersonFactory.create(full_name="Devendra Kumar", preferred_name="Devo")

    response = client_for(amina).get("/people/?q=devo")

    assertContains(response, ">Devendra Kumar</a>")


def test_person_list_search_with_no_match_says_so(amina: User, client_for: ClientFor) -> None:
    PersonFactory.create(full_name="Ruth Evans")

    response = client_for(amina).get("/people/?q=Zebedee")

    assertContains(response, "No people match. Try a different name, or remove a filter.")
    assertNotContains(response, "govuk-table__caption")


def test_person_list_filter_by_kind_shows_only_that_kind(amina: User, client_for: ClientFor) -> None:
    PersonFactory.create(full_name="Ruth Evans", kind=PersonKind.CARER)
    PersonFactory.create(full_name="Kwame Mensah", kind=PersonKind.MEMBER)

    response = client_for(amina).get("/people/?kind=carer")

    assertContains(response, ">Ruth Evans</a>")
    assertNotContains(response, "Kwame Mensah")
    assertNotContains(response, "Amina Haddad</a>")
    assertContains(response, '<option value="carer" selected>Carer</option>')


def test_person_list_ignores_an_unknown_kind(amina: User, client_for: ClientFor) -> None:
    PersonFactory.create(full_name="Ruth Evans", kind=PersonKind.CARER)

    response = client_for(amina).get("/people/?kind=wizard")

    assertContains(
        response,
        '<caption id="people-person-list-caption" '
        'class="govuk-table__caption govuk-table__caption--m">2 people</caption>',
    )


def test_person_list_splits_more_than_fifty_people_into_pages(amina: User, client_for: ClientFor) -> None:
    PersonFactory.create_batch(51, full_name=factory.Iterator([f"Walker {n:02d}" for n in range(1, 52)]))
    client = client_for(amina)

    first = client.get("/people/?q=Walker")
    second = client.get("/people/?q=Walker&page=2")

    assertContains(first, "Page 1 of 2")
    assertContains(first, ">Walker 50</a>")
    assertNotContains(first, "Walker 51")
    assertContains(second, "Page 2 of 2")
    assertContains(second, ">Walker 51</a>")
    assertNotContains(second, "Walker 50")


def test_person_list_next_page_link_keeps_the_search(amina: User, client_for: ClientFor) -> None:
    PersonFactory.create_batch(51, full_name=factory.Iterator([f"Walker {n:02d}" for n in range(1, 52)]))

    response = client_for(amina).get("/people/?q=Walker")

    assertContains(response, 'href="?q=Walker&amp;page=2" rel="next"')


@pytest.mark.parametrize("how_many", [5, 60])
def test_person_list_query_count_does_not_grow_with_the_number_of_people(
    amina: User, client_for: ClientFor, django_assert_max_num_queries, how_many: int
) -> None:
    PersonWithSignInFactory.create_batch(how_many)
    client = client_for(amina)

    with django_assert_max_num_queries(PEOPLE_LIST_MAX_QUERIES):
        response = client.get("/people/")

    assert response.status_code == 200
    assert response.context["page"].paginator.count == how_many + 1


@pytest.mark.parametrize("persona", [p for p in NOT_COORDINATORS if p != "priya"])
def test_person_list_is_forbidden_to_everyone_but_coordinators_and_partners(
    request: pytest.FixtureRequest, client_for: ClientFor, persona: str
) -> None:
    user = request.getfixturevalue(persona)

    response = client_for(user).get("/people/")

    assert response.status_code == 403


def test_person_list_is_open_to_an_admin(morgan: User, client_for: ClientFor) -> None:
    response = client_for(morgan).get("/people/")

    assertContains(response, ">Morgan Reid</a>")


# --- A person's page -----------------------------------------------------------


def test_person_detail_shows_a_coordinator_the_persons_details(amina: User, priya: User, client_for: ClientFor) -> None:
    priya.person.phone = "01632 960002"
    priya.person.save()

    response = client_for(amina).get(f"/people/{priya.person.pk}/")

    assertContains(response, '<h1 class="govuk-heading-l">Priya Sharma</h1>')
    assertContains(response, '<span class="govuk-caption-l">Partner organisation representative</span>')
    assertContains(response, '<dd class="govuk-summary-list__value">Priya</dd>')
    assertContains(response, '<dd class="govuk-summary-list__value">priya@example.org</dd>')
    assertContains(response, '<dd class="govuk-summary-list__value">01632 960002</dd>')
    assertContains(response, '<dd class="govuk-summary-list__value">Riverside Council</dd>')
    assertContains(response, '<dd class="govuk-summary-list__value">Yes, as partner representative</dd>')


def test_person_detail_shows_the_projects_the_person_belongs_to(
    amina: User, dev: User, bus_stops: Project, client_for: ClientFor
) -> None:
    response = client_for(amina).get(f"/people/{dev.person.pk}/")

    assertContains(
        response,
        f'<a class="govuk-link" href="/projects/{bus_stops.pk}/">Step-free bus stops</a> – co-lead (lived experience)',
    )
    assertNotContains(response, "Not part of any project yet.")


def test_person_detail_for_someone_in_no_project_says_so(amina: User, client_for: ClientFor) -> None:
    person = PersonFactory.create(full_name="Ruth Evans", email="")

    response = client_for(amina).get(f"/people/{person.pk}/")

    assertContains(response, "Not part of any project yet.")
    assertContains(response, '<dd class="govuk-summary-list__value">Not given</dd>', count=4)
    assertContains(response, '<dd class="govuk-summary-list__value">No</dd>')


def test_person_detail_names_who_recorded_the_person(amina: User, client_for: ClientFor) -> None:
    person = PersonFactory.create(full_name="Ruth Evans", recorded_by=amina)

    response = client_for(amina).get(f"/people/{person.pk}/")

    assertContains(response, ", recorded on their behalf by amina@example.org</dd>")


def test_person_detail_lets_a_member_see_their_own_page(dev: User, client_for: ClientFor) -> None:
    response = client_for(dev).get(f"/people/{dev.person.pk}/")

    assertContains(response, '<h1 class="govuk-heading-l">Devendra Patel</h1>')


@pytest.mark.parametrize("persona", ["dev", "tom", "priya", "sam"])
def test_person_detail_of_someone_else_is_forbidden_to_non_coordinators(
    request: pytest.FixtureRequest, grace: User, client_for: ClientFor, persona: str
) -> None:
    user = request.getfixturevalue(persona)

    response = client_for(user).get(f"/people/{grace.person.pk}/")

    assert response.status_code == 403


def test_person_detail_of_nobody_is_not_found(amina: User, client_for: ClientFor) -> None:
    response = client_for(amina).get("/people/999999/")

    assert response.status_code == 404


# --- Adding a person -----------------------------------------------------------


def test_person_create_shows_the_form_to_a_coordinator(amina: User, client_for: ClientFor) -> None:
    response = client_for(amina).get("/people/add/")

    assertContains(response, '<h1 class="govuk-heading-l">Add a person</h1>')
    assertContains(response, "<title>Add a person – Coproduce</title>")
    assertNotContains(response, "There is a problem")


def test_person_create_with_valid_post_saves_the_person_and_shows_their_page(
    amina: User, client_for: ClientFor
) -> None:
    response = client_for(amina).post("/people/add/", add_person_data())

    person = Person.objects.get(full_name="Ruth Evans")
    assertRedirects(response, f"/people/{person.pk}/")
    assert person.preferred_name == "Ruth"
    assert person.kind == PersonKind.CARER
    assert person.email == "ruth@example.org"
    assert person.phone == "01632 960001"
    assert person.recorded_by == amina
    assert person.user is None


def test_person_create_with_sign_in_role_makes_a_sign_in(amina: User, client_for: ClientFor) -> None:
    client_for(amina).post("/people/add/", add_person_data(sign_in_role="member"))

    person = Person.objects.select_related("user").get(full_name="Ruth Evans")
    assert person.user is not None
    assert person.user.email == "ruth@example.org"
    assert person.user.role == Role.MEMBER


def test_person_create_with_invalid_post_shows_the_error_summary_and_writes_nothing(
    amina: User, client_for: ClientFor
) -> None:
    counts_before = (Person.objects.count(), User.objects.count(), AuditEvent.objects.count())

    response = client_for(amina).post("/people/add/", add_person_data(full_name="", sign_in_role="member", email=""))

    assertContains(response, '<h2 class="govuk-error-summary__title">There is a problem</h2>')
    full_name_error = escape("Enter the person's full name")
    assertContains(response, f'<li><a href="#id_full_name">{full_name_error}</a></li>')
    assertContains(response, '<li><a href="#id_email">Enter an email address so that this person can sign in</a></li>')
    assertContains(response, "<title>Error: Add a person – Coproduce</title>")
    assert (Person.objects.count(), User.objects.count(), AuditEvent.objects.count()) == counts_before


@pytest.mark.parametrize("persona", NOT_COORDINATORS)
def test_person_create_is_forbidden_to_everyone_but_coordinators(
    request: pytest.FixtureRequest, client_for: ClientFor, persona: str
) -> None:
    user = request.getfixturevalue(persona)
    client = client_for(user)
    people_before = Person.objects.count()

    get_response = client.get("/people/add/")
    post_response = client.post("/people/add/", add_person_data())

    assert get_response.status_code == 403
    assert post_response.status_code == 403
    assert Person.objects.count() == people_before


# --- Signed out ------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/people/", "/people/add/", "/people/1/"])
def test_people_pages_send_someone_signed_out_to_sign_in(db, client: Client, path: str) -> None:
    response = client.get(path)

    assertRedirects(response, f"/accounts/sign-in/?next={path}")


def test_person_list_shows_a_partner_representative_only_their_organisation(
    priya: User, amina: User, client_for: ClientFor
) -> None:
    colleague = PersonFactory.create(full_name="Kwame Mensah", organisation=priya.person.organisation)
    PersonFactory(full_name="Rosa Lindqvist")

    response = client_for(priya).get("/people/")

    names = [person.full_name for person in response.context["page"].object_list]
    assert names == ["Kwame Mensah", "Priya Sharma"]
    assert colleague.organisation is not None
    assert colleague.organisation.name == "Riverside Council"
