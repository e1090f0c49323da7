from django.http import QueryDict

from coproduce.people.filters import find_people
from coproduce.people.models import AccessNeed, AccessProfile, Need, Organisation
from coproduce.people.tests.factories import PersonFactory


def names(people) -> list[str]:
    return sorted(person.full_name for person in people)


def test_find_people_by_organisation(amina):
    council = Organisation.objects.create(name="Northbridge Council")
    PersonFactory.create(full_name="Kwame Mensah", organisation=council)
    PersonFactory.create(full_name="Rosa Lindqvist")

    form, people = find_people(amina, QueryDict(f"organisation={council.pk}"))

    assert form.errors == {}
    assert names(people) == ["Kwame Mensah"]


def test_find_people_by_access_need(amina):
    rosa = PersonFactory.create(full_name="Rosa Lindqvist")
    AccessNeed.objects.create(profile=AccessProfile.objects.create(person=rosa), need=Need.EASY_READ)
    PersonFactory.create(full_name="Kwame Mensah")

    _, people = find_people(amina, QueryDict("need=easy_read"))

    assert names(people) == ["Rosa Lindqvist"]


def test_find_people_does_not_offer_access_needs_to_a_partner(priya):
    rosa = PersonFactory.create(full_name="Rosa Lindqvist", organisation=priya.person.organisation)
    AccessNeed.objects.create(profile=AccessProfile.objects.create(person=rosa), need=Need.EASY_READ)

    form, people = find_people(priya, QueryDict("need=easy_read"))

    assert "need" not in form.fields
    assert names(people) == ["Priya Sharma", "Rosa Lindqvist"]


def test_find_people_shows_a_bad_filter_and_ignores_it(amina):
    PersonFactory.create(full_name="Rosa Lindqvist")

    form, people = find_people(amina, QueryDict("organisation=99999&q=Rosa"))

    assert form.errors == {"organisation": ["Choose an organisation from the list"]}
    assert names(people) == ["Rosa Lindqvist"]


def test_find_people_leaves_out_anonymised_records(amina):
    from django.utils import timezone

    PersonFactory.create(full_name="Former participant", anonymised_at=timezone.now())

    _, people = find_people(amina, QueryDict(""))

    assert names(people) == ["Amina Haddad"]
