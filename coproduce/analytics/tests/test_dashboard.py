"""The "How are we doing?" dashboard: stored figures, "as of", refresh, permissions, [c], charts and tables."""

import re
from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from coproduce.accounts.models import User
from coproduce.analytics.disclosure import NOTE
from coproduce.analytics.indicators.definitions import INDICATORS
from coproduce.analytics.indicators.quarters import current_quarter, last_quarters
from coproduce.analytics.models import IndicatorRefresh, IndicatorValue
from coproduce.analytics.services import compute_indicators, refresh_indicators
from coproduce.audit.models import AuditEvent
from coproduce.projects.models import Project
from coproduce.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

PERSONAS = ["amina", "dev", "grace", "tom", "priya", "sam", "morgan"]
DASHBOARD = reverse("analytics:dashboard")
REFRESH = reverse("analytics:dashboard_refresh")


def store(key: str, numerator: int, denominator: int, *, quarter=None, project=None) -> IndicatorValue:
    quarter = quarter or current_quarter()
    return IndicatorValue.objects.create(
        key=key,
        period_start=quarter.start,
        period_end=quarter.end,
        project=project,
        numerator=numerator,
        denominator=denominator,
    )


def main(html: str) -> str:
    return html.split("<main", 1)[1].split("</main>", 1)[0]


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_sees_the_dashboard(request, client_for, bus_stops: Project, persona: str) -> None:
    client = client_for(request.getfixturevalue(persona))
    # Everyone signed in sees the organisation's figures; a project's only if they can see the project
    # (staff roles see every project; Dev and Grace are in the bus stops project group).
    assert client.get(DASHBOARD).status_code == 200
    in_project = (
        persona in {"amina", "sam", "morgan"}
        or bus_stops.memberships.filter(person__user__email__startswith=persona).exists()
    )
    assert client.get(DASHBOARD, {"project": bus_stops.pk}).status_code == (200 if in_project else 403)


def test_a_member_sees_only_their_own_projects(client_for, dev: User, bus_stops: Project) -> None:
    other = ProjectFactory.create(title="Accessible libraries")
    client = client_for(dev)
    html = client.get(DASHBOARD).content.decode()
    assert bus_stops.title in html
    assert "Accessible libraries" not in html
    assert client.get(DASHBOARD, {"project": other.pk}).status_code == 403
    assert client.get(DASHBOARD, {"project": 999999}).status_code == 403


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_may_ask_for_a_refresh(request, client_for, bus_stops: Project, persona: str) -> None:
    client = client_for(request.getfixturevalue(persona))
    response = client.post(REFRESH)
    if persona in {"amina", "sam", "morgan"}:
        assert response.status_code == 302
        assert IndicatorRefresh.objects.filter(finished_at__isnull=True).count() == 1
    else:
        assert response.status_code == 403
        assert not IndicatorRefresh.objects.exists()
    assert client.get(REFRESH).status_code == 405  # only a POST asks for a refresh, whoever sends it


def test_signed_out_people_are_sent_to_sign_in(client) -> None:
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert "sign-in" in response.url or "login" in response.url


def test_missing_figures_say_not_worked_out_yet_never_zero(client_for, amina: User) -> None:
    html = main(client_for(amina).get(DASHBOARD).content.decode())
    assert "Not worked out yet" in html
    assert "have not been worked out yet" in html
    assert not re.search(r"<td[^>]*>\s*0%", html)
    assert "Figures as of" not in html


def test_the_time_of_the_figures_is_written_as_people_say_it_with_one_full_stop(client_for, amina: User) -> None:
    value = store("felt_listened_to", 45, 60)
    at = timezone.make_aware(datetime(2026, 12, 7, 12, 45))
    IndicatorValue.objects.filter(pk=value.pk).update(computed_at=at)

    html = main(client_for(amina).get(DASHBOARD).content.decode())

    assert "Figures as of 7 December 2026, 12:45pm." in html
    assert ".." not in html


def test_stored_figures_are_shown_with_as_of_target_and_verdict(client_for, amina: User) -> None:
    value = store("felt_listened_to", 45, 60)
    IndicatorValue.objects.filter(pk=value.pk).update(computed_at=timezone.now() - timedelta(hours=3))
    html = main(client_for(amina).get(DASHBOARD).content.decode())
    assert "Figures as of" in html
    assert "75%" in html
    assert "Target 70%" in html
    assert "Met the target" in html
    # The figures come from the table, not from counting records: there are no survey answers at all.
    store("decisions_joint", 10, 20)
    html = main(client_for(amina).get(DASHBOARD).content.decode())
    assert "50%" in html
    assert "Did not meet the target" in html


def test_small_numbers_show_c_and_the_note(client_for, amina: User) -> None:
    store("felt_listened_to", 3, 40)  # 3 agreeing: hidden
    store("decisions_joint", 4, 6)  # fewer than 10 decisions: hidden
    html = main(client_for(amina).get(DASHBOARD).content.decode())
    assert "[c]" in html
    assert escape(NOTE) in html
    assert "Not enough answers yet" in html
    assert "*" not in html.replace("**", "")


def test_each_indicator_has_a_chart_with_title_and_desc_and_a_table_with_the_same_figures(
    client_for, amina: User
) -> None:
    quarters = last_quarters(4)
    for quarter, (numerator, denominator) in zip(quarters, [(30, 60), (36, 60), (42, 60), (48, 60)], strict=True):
        store("felt_listened_to", numerator, denominator, quarter=quarter)
    html = main(client_for(amina).get(DASHBOARD).content.decode())
    assert html.count('<svg role="img"') == len(INDICATORS)
    chart = html.split('id="chart-felt_listened_to-title"', 1)[1].split("</svg>", 1)[0]
    assert "<desc" in chart
    table = html.split("People who felt listened to, by quarter", 1)[1].split("</table>", 1)[0]
    for percent in ("50%", "60%", "70%", "80%"):
        assert f">{percent}<" in chart  # the bar's label
        assert percent in table
    assert "Up 30 points since" in chart
    assert "stroke-dasharray" in chart  # the target is a dashed line, labelled
    assert "Target 70% (dashed line)" in chart


def test_the_page_is_organised_by_values_and_steps(client_for, amina: User) -> None:
    html = main(client_for(amina).get(DASHBOARD).content.decode())
    for number in range(1, 6):
        assert f'id="value-{number}"' in html
    for number in range(1, 7):
        assert f'id="step-{number}"' in html
    # Each indicator is shown in full once, and linked from its other sections.
    for item in INDICATORS:
        assert html.count(f'id="indicator-{item.key}"') == 1
    assert 'href="#indicator-participants_thanked"' in html  # from value 5 to step 3
    assert reverse("decisions:register") in html  # evidence


def test_filters_by_project_and_period(client_for, amina: User, bus_stops: Project) -> None:
    earlier = last_quarters(2)[0]
    store("decisions_joint", 30, 36, project=bus_stops, quarter=earlier)
    store("decisions_joint", 6, 20)  # the organisation, this quarter
    client = client_for(amina)
    html = main(client.get(DASHBOARD, {"project": bus_stops.pk, "period": earlier.key}).content.decode())
    assert bus_stops.title in html
    assert earlier.label in html
    assert "83%" in html
    assert "Met the target" in html
    html = main(client.get(DASHBOARD).content.decode())
    assert "83%" not in html
    assert "30%" in html


def test_query_count_is_fixed(client_for, amina: User, bus_stops: Project, django_assert_max_num_queries) -> None:
    client = client_for(amina)
    client.get(DASHBOARD)
    with django_assert_max_num_queries(10) as few:
        client.get(DASHBOARD)
    for quarter in last_quarters(4):
        for item in INDICATORS:
            store(item.key, 20, 40, quarter=quarter)
    for _ in range(20):
        ProjectFactory.create()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(DASHBOARD)


def test_compute_indicators_stores_and_replaces(bus_stops: Project, census) -> None:
    quarter = current_quarter()
    compute_indicators(quarter)
    compute_indicators(quarter, bus_stops)
    compute_indicators(quarter)
    assert IndicatorValue.objects.filter(project__isnull=True).count() == len(INDICATORS)
    assert IndicatorValue.objects.filter(project=bus_stops).count() == len(INDICATORS)


def test_refresh_does_the_last_four_quarters_and_finishes_requests(bus_stops: Project, amina: User, census) -> None:
    IndicatorRefresh.objects.create(requested_by=amina)
    stored = refresh_indicators(projects=True)
    assert stored == IndicatorValue.objects.count() == 4 * len(INDICATORS) * 2
    assert not IndicatorRefresh.objects.filter(finished_at__isnull=True).exists()


def test_asking_for_a_refresh_is_recorded_and_the_page_says_so(client_for, amina: User) -> None:
    client = client_for(amina)
    response = client.post(REFRESH, {"next": DASHBOARD + "?period=" + current_quarter().key})
    assert response.url == DASHBOARD + "?period=" + current_quarter().key
    assert AuditEvent.objects.filter(action="analytics.indicators_refresh_requested").count() == 1
    html = main(client.get(DASHBOARD).content.decode())
    assert "being worked out again" in html
    # Only a path on this page may be the place to go back to.
    assert client.post(REFRESH, {"next": "https://example.com/"}).url == DASHBOARD


def test_the_title_has_one_h1_and_no_inline_style_or_script(client_for, amina: User) -> None:
    html = client_for(amina).get(DASHBOARD).content.decode()
    assert len(re.findall(r"<h1\b", html)) == 1
    assert " style=" not in main(html)
    assert "<script" not in main(html)


def test_links_to_the_records_behind_a_figure_go_only_to_people_who_may_open_them(
    client_for, amina: User, grace: User, bus_stops: Project
) -> None:
    overdue = reverse("contributions:overdue")
    register = reverse("decisions:register")
    coordinator_page = client_for(amina).get(DASHBOARD).content.decode()
    member_page = client_for(grace).get(DASHBOARD).content.decode()

    assert f'href="{overdue}"' in coordinator_page
    assert f'href="{overdue}"' not in member_page
    assert f'href="{register}"' in member_page
    assert client_for(grace).get(register).status_code == 200


def test_the_project_list_offers_only_their_own_projects_and_the_chosen_one(
    client_for, amina: User, bus_stops: Project, django_assert_max_num_queries
) -> None:
    """A national network has thousands of projects: the list stays short; others come from their page."""
    others = ProjectFactory.create_batch(30)
    client = client_for(amina)

    html = main(client.get(DASHBOARD).content.decode())
    assert bus_stops.title in html  # Amina is its staff lead
    assert not any(f'value="{other.pk}"' in html for other in others)

    chosen = main(client.get(DASHBOARD, {"project": others[0].pk}).content.decode())
    assert f'value="{others[0].pk}" selected' in chosen
    assert not any(f'value="{other.pk}"' in chosen for other in others[1:])


def test_a_project_page_links_to_its_figures(client_for, grace: User, bus_stops: Project) -> None:
    html = client_for(grace).get(reverse("projects:detail", kwargs={"pk": bus_stops.pk})).content.decode()
    assert f"{DASHBOARD}?project={bus_stops.pk}" in html


def test_a_quarter_with_nothing_to_count_is_labelled_in_words_not_none(client_for, amina: User) -> None:
    """A fresh demo's charts labelled empty quarters "None", like a value the code forgot (issue 17)."""
    earlier, latest = last_quarters(2)
    store("felt_listened_to", 0, 0, quarter=earlier)
    store("felt_listened_to", 8, 10, quarter=latest)
    html = main(client_for(amina).get(DASHBOARD).content.decode())
    chart = html.split('id="chart-felt_listened_to-title"', 1)[1].split("</svg>", 1)[0]
    assert ">Nothing<" in chart
    assert ">None<" not in chart
