"""The newsletter pages: writing with clear errors, previews per format, and the send page."""

import pytest
from django.urls import reverse

from coproduce.accounts.models import User
from coproduce.communications.choices import MessageFormat
from coproduce.communications.models import ContactPreferences
from coproduce.involvement.tests.factories import give_needs
from coproduce.newsletters.choices import Audience, Status
from coproduce.newsletters.models import Newsletter, Recipient
from coproduce.newsletters.tests.conftest import keep_in_touch
from coproduce.people.models import ContactRoute, Need, PersonKind
from coproduce.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def form_data(**changes: str) -> dict[str, str]:
    data = {
        "title": "Autumn news",
        "body": "Hello {first_name},\n\nWe walked round the bus stops.",
        "easy_read_body": "",
        "audience": Audience.MEMBERS,
        "group": "",
        "project": "",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("persona", ["dev", "grace", "tom", "priya", "sam"])
def test_only_coordinators_and_admins_use_the_pages(persona, everyone, client_for, make_draft) -> None:
    draft = make_draft()
    client = client_for(everyone[persona])
    for url in (
        reverse("newsletters:list"),
        reverse("newsletters:create"),
        reverse("newsletters:preview", args=[draft.pk]),
        reverse("newsletters:edit", args=[draft.pk]),
        reverse("newsletters:send", args=[draft.pk]),
    ):
        assert client.get(url).status_code == 403
    assert client.post(reverse("newsletters:send", args=[draft.pk])).status_code == 403
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_writing_a_draft_goes_to_its_preview(amina: User, client_for) -> None:
    response = client_for(amina).post(reverse("newsletters:create"), form_data())
    newsletter = Newsletter.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("newsletters:preview", args=[newsletter.pk])
    assert newsletter.audience == Audience.MEMBERS
    assert newsletter.written_by == amina


def test_an_unknown_placeholder_is_an_error_beside_the_field_and_nothing_is_saved(amina, client_for) -> None:
    response = client_for(amina).post(reverse("newsletters:create"), form_data(body="Hello {frist_name}"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in html
    assert "There is a problem" in html
    assert 'href="#id_body"' in html
    assert 'id="id_body-error"' in html
    assert "Did you mean {first_name}?" in html
    assert not Newsletter.objects.exists()


def test_a_broken_brace_in_the_easy_read_version_is_an_error(amina, client_for) -> None:
    response = client_for(amina).post(reverse("newsletters:create"), form_data(easy_read_body="Hello {first_name"))
    assert 'id="id_easy_read_body-error"' in response.content.decode()
    assert not Newsletter.objects.exists()


def test_a_group_audience_needs_a_group(amina, client_for) -> None:
    response = client_for(amina).post(reverse("newsletters:create"), form_data(audience=Audience.GROUP))
    assert "Choose the project group" in response.content.decode()
    assert not Newsletter.objects.exists()


def test_the_form_has_the_readability_check(amina, client_for) -> None:
    response = client_for(amina).post(reverse("newsletters:create"), {**form_data(), "check_readability": "1"})
    html = response.content.decode()
    assert "Readability checked" in html
    assert 'id="readability-body"' in html
    assert not Newsletter.objects.exists()


def test_the_preview_shows_each_format_and_says_when_there_is_no_easy_read(amina, dev, client_for, make_draft):
    keep_in_touch(dev.person)
    give_needs(dev.person, Need.EASY_READ)
    draft = make_draft()
    url = reverse("newsletters:preview", args=[draft.pk])
    html = client_for(amina).get(url).content.decode()
    for heading in ("Standard email", "Plain text email", "Large print letter", "Easy Read"):
        assert f">{heading}</h3>" in html
    assert "Hello Alex," in html  # sample names for no one in particular
    assert "There is no Easy Read version. People who use Easy Read will get the standard text." in html

    html = client_for(amina).get(url, {"person": dev.person.pk}).content.decode()
    assert "Hello Dev," in html
    assert "Devendra Patel will get: <strong>Easy Read by email</strong>" in html


def test_the_preview_shows_the_easy_read_version(amina, client_for, make_draft):
    draft = make_draft(easy_read_body="Hello {first_name}.\nWe looked at bus stops.")
    html = client_for(amina).get(reverse("newsletters:preview", args=[draft.pk])).content.decode()
    assert "There is no Easy Read version" not in html
    assert "Hello Alex.<br>We looked at bus stops." in html


def test_the_send_page_counts_people_by_route(amina, dev, grace, client_for, make_draft):
    keep_in_touch(dev.person, grace.person)
    grace.person.contact_route = ContactRoute.POST
    grace.person.postal_address = "1 High Street, Riverside"
    grace.person.save()
    ContactPreferences.objects.create(person=dev.person, message_format=MessageFormat.EASY_READ)
    draft = make_draft()
    html = client_for(amina).get(reverse("newsletters:send", args=[draft.pk])).content.decode()
    assert "2 people have said we may keep in touch with them." in html
    assert '<td class="govuk-table__cell">Email</td>' in html
    assert '<td class="govuk-table__cell">Post</td>' in html
    assert '<td class="govuk-table__cell">Easy Read</td>' in html


def test_sending_marks_it_sent_and_it_cannot_be_changed_or_sent_again(amina, dev, client_for, make_draft):
    keep_in_touch(dev.person)
    draft = make_draft()
    client = client_for(amina)
    response = client.post(reverse("newsletters:send", args=[draft.pk]))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.SENT
    assert draft.recipients_count == 1
    # Changing or sending again only says why not.
    edit = client.post(reverse("newsletters:edit", args=[draft.pk]), form_data(title="Changed"))
    again = client.post(reverse("newsletters:send", args=[draft.pk]))
    assert edit.status_code == again.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Autumn news"
    assert Recipient.objects.count() == 1


def test_sending_to_an_empty_audience_shows_an_error_and_sends_nothing(amina, client_for, make_draft):
    draft = make_draft(audience=Audience.PARTNERS)
    response = client_for(amina).post(reverse("newsletters:send", args=[draft.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in html
    assert "Nobody in this audience can be sent this newsletter." in html
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert not Recipient.objects.exists()


def test_the_list_takes_the_same_queries_however_many_newsletters(
    amina, client_for, make_draft, django_assert_max_num_queries
):
    client = client_for(amina)
    make_draft()
    client.get(reverse("newsletters:list"))
    for number in range(8):
        make_draft(title=f"News {number}")
    with django_assert_max_num_queries(8):
        response = client.get(reverse("newsletters:list"))
    assert response.content.decode().count('href="/newsletters/') >= 9


def test_the_send_page_takes_the_same_queries_however_big_the_audience(
    amina, client_for, make_draft, django_assert_max_num_queries
):
    client = client_for(amina)
    draft = make_draft()
    url = reverse("newsletters:send", args=[draft.pk])
    client.get(url)
    people = [PersonFactory.create(kind=PersonKind.MEMBER) for _ in range(12)]
    keep_in_touch(*people)
    with django_assert_max_num_queries(10):
        response = client.get(url)
    assert "12 people have said we may keep in touch with them." in response.content.decode()


def test_changing_a_draft_saves_it(amina, client_for, make_draft):
    draft = make_draft()
    url = reverse("newsletters:edit", args=[draft.pk])
    client = client_for(amina)
    assert 'value="Autumn news"' in client.get(url).content.decode()
    response = client.post(url, form_data(title="Winter news", easy_read_body="Hello {name}."))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Winter news"
    assert draft.easy_read_body == "Hello {name}."
