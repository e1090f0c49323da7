"""Who may use the coordinator pages (every one finds its activity through the same guard)."""

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.involvement.models import Activity, Registration
from coproduce.involvement.tests.views.helpers import ClientFor

pytestmark = pytest.mark.django_db


COORDINATOR_PAGES = (
    "involvement:manage",
    "involvement:activity_create",
    "involvement:manage_activity",
    "involvement:activity_edit",
    "involvement:publish",
    "involvement:roster",
    "involvement:roster_add",
    "involvement:mark_ready",
    "involvement:attendance",
    "involvement:arrangements",
)


def coordinator_url(name: str, activity: Activity, registration: Registration) -> str:
    if name in ("involvement:manage", "involvement:activity_create"):
        return reverse(name)
    if name == "involvement:arrangements":
        return reverse(name, kwargs={"pk": registration.pk})
    return reverse(name, kwargs={"pk": activity.pk})


@pytest.mark.parametrize("name", COORDINATOR_PAGES)
@pytest.mark.parametrize("persona", ["dev", "grace", "tom", "priya", "sam"])
def test_coordinator_pages_are_refused_to_everyone_else(
    request: pytest.FixtureRequest, client_for: ClientFor, devs_place: Registration, name: str, persona: str
) -> None:
    url = coordinator_url(name, devs_place.activity, devs_place)
    client = client_for(request.getfixturevalue(persona))

    get, post = client.get(url), client.post(url, {})

    assert (get.status_code, post.status_code) == (403, 403)
    assert "You cannot see this page" in get.content.decode()


@pytest.mark.parametrize("name", COORDINATOR_PAGES)
@pytest.mark.parametrize("persona", ["amina", "morgan"])
def test_coordinator_pages_open_for_coordinators_and_admins(
    request: pytest.FixtureRequest, client_for: ClientFor, devs_place: Registration, name: str, persona: str
) -> None:
    url = coordinator_url(name, devs_place.activity, devs_place)

    response = client_for(request.getfixturevalue(persona)).get(url)

    assert response.status_code == 200


@pytest.mark.parametrize("name", COORDINATOR_PAGES)
def test_coordinator_pages_send_people_signed_out_to_sign_in(
    client: Client, devs_place: Registration, name: str
) -> None:
    url = coordinator_url(name, devs_place.activity, devs_place)

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/sign-in/?next={url}"
