"""COPRODUCE_DISCLOSURE_MODE chooses the mode wherever a caller chooses none; the representation period picker."""

import pytest
from django.urls import reverse

from coproduce.accounts.models import User
from coproduce.analytics.disclosure import Mode, default_mode, percentage, protect_breakdown, protect_count
from coproduce.analytics.indicators.quarters import Quarter
from coproduce.analytics.tests.factories import involve_people, past_activity
from coproduce.involvement.models import Activity
from coproduce.projects.models import Project


def test_standard_is_the_default():
    # settings.py gives "standard" when COPRODUCE_DISCLOSURE_MODE is not in the environment, as in the tests.
    assert default_mode() == Mode.STANDARD
    assert protect_count(7).count == 7


@pytest.mark.parametrize(
    ("setting", "mode"),
    [
        ("nhs", Mode.NHS_DIGITAL),
        ("nhs_digital", Mode.NHS_DIGITAL),
        ("strict", Mode.STRICT),
        ("STANDARD", Mode.STANDARD),
    ],
)
def test_the_setting_chooses_the_mode(settings, setting, mode):
    settings.COPRODUCE_DISCLOSURE_MODE = setting
    assert default_mode() == mode


def test_the_chosen_mode_is_used_when_none_is_passed(settings):
    settings.COPRODUCE_DISCLOSURE_MODE = "nhs"
    assert protect_count(7).count is None  # 1-7 hidden
    assert protect_count(12).count == 10  # rounded to 5
    settings.COPRODUCE_DISCLOSURE_MODE = "strict"
    assert protect_count(0).count is None
    assert protect_breakdown([12, 0]).cells[0][1].count is None
    # An explicit mode still wins.
    assert protect_count(7, Mode.STANDARD).count == 7
    assert percentage(protect_count(9), protect_count(20)) == "[c]"


def test_an_unknown_setting_falls_back_to_the_strictest_mode(settings):
    settings.COPRODUCE_DISCLOSURE_MODE = "lenient"
    assert default_mode() == Mode.STRICT


def test_the_representation_view_uses_the_setting(
    settings, client_for, sam: User, bus_stops: Project, amina: User, census
):
    activity = past_activity(bus_stops, days_ago=30, created_by=amina)
    involve_people(activity, 8, amina, sex="male")
    involve_people(activity, 8, amina, sex="female")
    url = reverse("analytics:representation")
    settings.COPRODUCE_DISCLOSURE_MODE = "standard"
    assert "[c]" not in client_for(sam).get(url).content.decode().split("Sex</caption>", 1)[1].split("</table>", 1)[0]
    settings.COPRODUCE_DISCLOSURE_MODE = "strict"
    assert "[c]" in client_for(sam).get(url).content.decode().split("Sex</caption>", 1)[1].split("</table>", 1)[0]


def test_the_representation_view_has_a_period_picker(client_for, sam: User, walkabout: Activity):
    url = reverse("analytics:representation")
    client = client_for(sam)
    html = client.get(url).content.decode()
    assert 'name="period"' in html
    assert "The last 12 months" in html
    quarter = Quarter.containing(walkabout.starts_at.date())
    html = client.get(url, {"period": quarter.key}).content.decode()
    assert "Sex: Female (fewer than expected)" in html
    # A quarter before anyone took part: nobody counted.
    earlier = quarter.previous().previous()
    html = client.get(url, {"period": earlier.key}).content.decode()
    assert "Sex: Female (fewer than expected)" not in html
    assert f"{earlier.start:%-d %B %Y}" in html
