"""The "Check readability" button on the form that publishes a new version of the charter."""

import pytest

from coproduce.communications.tests.readability_checks import HARD, PLAIN, assert_panels_beside_fields, pressing_check
from coproduce.learning.models import CharterVersion

pytestmark = pytest.mark.django_db
URL = "/learning/charter/new-version/"


def test_checking_the_charter_publishes_nothing_then_publishing_works(client_for, morgan) -> None:
    client = client_for(morgan)
    data = {"text": HARD, "easy_read_text": PLAIN}
    before = CharterVersion.objects.count()

    html = assert_panels_beside_fields(client.post(URL, pressing_check(data)), ["text", "easy_read_text"])
    assert "Readability: Charter" in html
    assert CharterVersion.objects.count() == before

    assert client.post(URL, data).status_code == 302
    assert CharterVersion.objects.count() == before + 1
