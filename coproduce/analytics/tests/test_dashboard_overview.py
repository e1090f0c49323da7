"""The top of the dashboard says how we are doing in words, and every [c] on it is explained."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from coproduce.accounts.models import User
from coproduce.analytics.disclosure import NOTE
from coproduce.analytics.indicators.definitions import INDICATORS
from coproduce.analytics.tests.test_dashboard import main, store

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("analytics:dashboard")
EXPLAINED_C = '[c]<span class="govuk-visually-hidden"> (hidden to protect privacy)</span>'


def overview(html: str) -> str:
    return html.split('id="overview"', 1)[1].split("</dl>", 1)[0]


def row_for(html: str, key: str) -> str:
    return overview(html).split(f'href="#indicator-{key}"', 1)[1].split("</div>", 1)[0]


def test_the_dashboard_opens_with_targets_met_not_met_and_too_few_in_words(client_for, amina: User) -> None:
    store("felt_listened_to", 45, 60)  # 75% against 70% or more: met
    store("decisions_joint", 10, 20)  # 50% against 75% or more: not met
    store("participants_thanked", 3, 40)  # 3 people: hidden, so not enough answers yet
    store("charter_signed", 0, 0)  # nobody to count

    html = main(client_for(amina).get(DASHBOARD).content.decode())

    assert (
        f"1 of {len(INDICATORS)} targets met; 1 not met; not enough answers yet for 1; "
        "nothing to count yet for 1; not worked out yet for 7."
    ) in overview(html)
    assert '<strong class="govuk-tag govuk-tag--green">Met</strong>' in row_for(html, "felt_listened_to")
    assert "75% (target 70% or more)" in row_for(html, "felt_listened_to")
    assert '<strong class="govuk-tag govuk-tag--red">Not met</strong>' in row_for(html, "decisions_joint")
    assert "50% (target 75% or more)" in row_for(html, "decisions_joint")
    assert "Not enough answers yet" in row_for(html, "participants_thanked")
    assert "[c]" not in overview(html)
    assert "Nothing to count yet" in row_for(html, "charter_signed")


def test_the_overview_comes_first_and_links_to_each_indicator_in_full(client_for, amina: User) -> None:
    html = main(client_for(amina).get(DASHBOARD).content.decode())

    assert html.index('id="overview"') < html.index('id="value-1"')
    for item in INDICATORS:
        assert f'<a class="govuk-link" href="#indicator-{item.key}">{item.name}</a>' in overview(html)
        assert html.count(f'id="indicator-{item.key}"') == 1
    assert f"0 of {len(INDICATORS)} targets met; not worked out yet for {len(INDICATORS)}." in overview(html)


def test_every_c_on_the_dashboard_is_explained_where_it_appears(client_for, amina: User) -> None:
    store("felt_listened_to", 3, 40)

    html = main(client_for(amina).get(DASHBOARD).content.decode())

    table = html.split("People who felt listened to, by quarter", 1)[1].split("</table>", 1)[0]
    assert f">{EXPLAINED_C}</td>" in table
    assert table.count("[c]") == table.count(EXPLAINED_C)
    # The note is read before the first table, not only at the foot of the page.
    assert html.index('id="what-c-means"') < html.index("<table")
    assert escape(NOTE) in html


def test_the_chart_description_says_what_c_means(client_for, amina: User) -> None:
    store("felt_listened_to", 3, 40)

    html = main(client_for(amina).get(DASHBOARD).content.decode())

    chart = html.split('id="chart-felt_listened_to-desc"', 1)[1].split("</desc>", 1)[0]
    assert "[c] (hidden to protect privacy)" in chart
