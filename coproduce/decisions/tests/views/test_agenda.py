"""The agenda pages: an item proposed waits in the group's queue."""

import pytest
from django.urls import reverse

from coproduce.decisions.tests.helpers import page

pytestmark = pytest.mark.django_db


def test_group_page_shows_the_agenda_queue(steering, priya, client_for):
    client_for(priya).post(reverse("decisions:agenda_propose", kwargs={"pk": steering.pk}), {"title": "Lighting"})

    html = page(client_for(priya).get(reverse("decisions:group", kwargs={"pk": steering.pk})))

    assert "Lighting" in html
    assert "Waiting in the queue" in html
