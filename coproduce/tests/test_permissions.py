"""Every view, for every role: who may use it, who is refused (403) and who is sent to sign in.

The matrix must name every URL pattern, so a new view cannot arrive without its permissions tested.
"""

import pytest
from django.urls import reverse

from coproduce.tests.inventory import (
    ACCESS,
    ANYONE,
    PERMISSIONS_TESTED_ELSEWHERE,
    PERSONAS,
    World,
    object_kwargs,
    url_names,
)
from coproduce.tests.world import build_world

ALLOWED = 200
REFUSED = 403
MATRIX = ACCESS
# Pages for signing in: signed-out people use them; signed-in people are sent home.
SIGN_IN_PAGES = ("accounts:sign_in", "accounts:password_sign_in")
# Tested in their own tests below.
SPECIAL = (
    "accounts:link_sent",
    "accounts:sign_in_link",
    "accounts:sign_out",
    "equality:withdraw",
    "people:confirm",  # POST only: tested in people/tests/test_confirm.py
    "involvement:easy_read_image",  # 404 without a picture; its own tests cover who may see one
    *PERMISSIONS_TESTED_ELSEWHERE,
)


@pytest.fixture
def world(db) -> World:
    return build_world()


def url_for(name: str, world: World) -> str:
    return reverse(name, kwargs=object_kwargs(name, world))


def test_matrix_names_every_url_pattern():
    assert set(MATRIX) | set(SIGN_IN_PAGES) | set(SPECIAL) == url_names()


@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("persona", PERSONAS)
def test_view_allows_or_refuses_each_role(name, persona, world, client_for):
    allowed = MATRIX[name] == ANYONE or persona in MATRIX[name]

    response = client_for(world.users[persona]).get(url_for(name, world))

    assert response.status_code == (ALLOWED if allowed else REFUSED)
    if not allowed:
        assert "You cannot see this page" in response.content.decode()


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_view_sends_signed_out_people_to_sign_in_unless_public(name, client, world):
    url = url_for(name, world)

    response = client.get(url)

    if MATRIX[name] == ANYONE:
        assert response.status_code == ALLOWED
    else:
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('accounts:sign_in')}?next={url}"


@pytest.mark.parametrize("name", SIGN_IN_PAGES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_sign_in_pages_send_signed_in_people_home(name, persona, everyone, client_for):
    response = client_for(everyone[persona]).get(reverse(name))

    assert response.status_code == 302
    assert response["Location"] == reverse("home")


@pytest.mark.parametrize("persona", PERSONAS)
def test_advance_post_refused_for_roles_that_may_not_move_the_project(persona, everyone, people_took_part, client_for):
    bus_stops = people_took_part
    allowed = persona in MATRIX["projects:advance"]

    response = client_for(everyone[persona]).post(
        reverse("projects:advance", kwargs={"pk": bus_stops.pk}), {"to_stage": "development"}
    )
    bus_stops.refresh_from_db()

    assert response.status_code == (302 if allowed else REFUSED)
    assert bus_stops.stage == ("development" if allowed else "design")


@pytest.mark.parametrize("persona", PERSONAS)
def test_create_posts_refused_for_roles_that_may_not_create(persona, everyone, client_for):
    from coproduce.people.models import Person
    from coproduce.projects.models import Project

    allowed = persona in MATRIX["projects:create"]
    client = client_for(everyone[persona])
    people_before, projects_before = Person.objects.count(), Project.objects.count()

    person_response = client.post(reverse("people:create"), {"full_name": "Rosa", "kind": "member"})
    project_response = client.post(
        reverse("projects:create"), {"title": "New", "summary": "Something", "start_at": "idea"}
    )

    assert person_response.status_code == (302 if allowed else REFUSED)
    assert project_response.status_code == (302 if allowed else REFUSED)
    assert Person.objects.count() == people_before + (1 if allowed else 0)
    assert Project.objects.count() == projects_before + (1 if allowed else 0)


def test_sign_out_needs_a_signed_in_post(client, dev, client_for):
    signed_out = client.post(reverse("accounts:sign_out"))
    by_get = client_for(dev).get(reverse("accounts:sign_out"))

    assert signed_out.status_code == 302
    assert signed_out["Location"].startswith(reverse("accounts:sign_in"))
    assert by_get.status_code == 405


def test_link_sent_page_without_a_request_goes_back_to_sign_in(client, db):
    response = client.get(reverse("accounts:link_sent"))

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:sign_in")


def test_sign_in_link_page_is_public_and_refuses_unknown_tokens(client, db):
    response = client.get(reverse("accounts:sign_in_link", kwargs={"token": "not-a-real-token"}))

    assert response.status_code == 400
    assert "This sign-in link is not recognised" in response.content.decode()
